/* sihua-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "sihua-sqlite-locks.h"
#include "sihua-store-private.h"

G_DEFINE_FINAL_TYPE (SihuaStore, sihua_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (sihua-store-error-quark, sihua_store_error)

/*
 * Statement helpers
 */

static gboolean
is_write_error (int extended)
{
  return extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC ||
         extended == SQLITE_IOERR_TRUNCATE || extended == SQLITE_IOERR_SHMSIZE;
}

/* SQLite does not always keep the errno of a failed write (EFBIG, ENOSPC
 * become a plain "disk I/O error"): look at the disk and the file size
 * limit instead. */
static gboolean
disk_looks_full (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs fs;
  struct rlimit limit;

  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return TRUE;
  if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < 4 * 1024 * 1024)
    return TRUE;

  return FALSE;
}

void
_sihua_store_set_error (SihuaStore  *self,
                        GError     **error)
{
  int extended = sqlite3_extended_errcode (self->db);
  int code = extended & 0xff;
  int system_errno = sqlite3_system_errno (self->db);
  SihuaStoreError store_code = SIHUA_STORE_ERROR_FAILED;

  /* A full disk (or a file size limit) deserves words the user can act on;
   * SQLite has rolled the change back. */
  if (code == SQLITE_FULL ||
      (code == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)) ||
      (is_write_error (extended) && disk_looks_full (self->path)))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_DISK_FULL,
                   _("The disk holding %s is full, so this change was not saved; everything saved before is kept. Free some space and try again."),
                   self->path);
      return;
    }
  if (is_write_error (extended))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot write to %s (%s), so this change was not saved; everything saved before is kept. Check that the disk is present and has room."),
                   self->path, sqlite3_errmsg (self->db));
      return;
    }

  if (code == SQLITE_BUSY)
    {
      _sihua_store_set_busy_error (self->path, TRUE, error);
      return;
    }
  if (code == SQLITE_CONSTRAINT && g_strcmp0 (sqlite3_errmsg (self->db), SIHUA_STORE_FROZEN_MESSAGE) == 0)
    {
      _sihua_store_set_frozen_error (error);
      return;
    }

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    store_code = SIHUA_STORE_ERROR_CORRUPT;
  else if (code == SQLITE_READONLY)
    store_code = SIHUA_STORE_ERROR_READ_ONLY;

  g_set_error (error, SIHUA_STORE_ERROR, store_code,
               _("Database error in %s: %s"), self->path, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
_sihua_store_prepare (SihuaStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

void
_sihua_store_set_frozen_error (GError **error)
{
  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED,
               _("The assessment is finalised, so nothing in it can change; reopen it with a reason first "
                 "(Reopen in the window, or sihua-cli assessment reopen ID --reason TEXT)"));
}

gboolean
_sihua_store_exec (SihuaStore  *self,
                   const char  *sql,
                   GError     **error)
{
  /* Only for fixed SQL written in this file set; never for user text. */
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _sihua_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Steps a statement that returns no rows and finalizes it. */
gboolean
_sihua_store_step_done (SihuaStore    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

void
_sihua_store_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_sihua_store_column_text (sqlite3_stmt *stmt,
                          int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, index));
}

/* The question id of an answer or history row. The schema says NOT NULL,
 * but such rows are usually found through an index, and SQLite reads the
 * column from the index; quick_check does not compare indexes with their
 * tables, so a damaged index can hand out NULL. */
const char *
_sihua_store_column_question_id (sqlite3_stmt  *stmt,
                                 int            index,
                                 GError       **error)
{
  const char *question_id = (const char *)sqlite3_column_text (stmt, index);

  if (question_id == NULL)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                 _("An answer is stored without its question: the database is damaged"));

  return question_id;
}

static gboolean file_is_at_path (SihuaStore *self);

gboolean
_sihua_store_begin (SihuaStore  *self,
                    GError     **error)
{
  if (!_sihua_store_check_writable (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a transaction never fails
   * half-way because another process started writing. */
  if (!_sihua_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Looked at again with the lock held (BEGIN may have waited for another
   * process): whatever is written now is written to the file at the path,
   * or not at all. */
  if (self->file_known && !file_is_at_path (self))
    {
      _sihua_store_rollback (self);
      if (_sihua_store_check_writable (self, error))
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE,
                     _("The database %s was replaced by another file while it was open, so this change was not saved. Open the database again to use the new file."),
                     self->path);
      return FALSE;
    }

  return TRUE;
}

/* Whether the log the connection writes to is no longer the database's:
 * removed (by hand, or by another program's SQLite that believed it was the
 * last user) or replaced by another log. */
static gboolean
log_has_gone (SihuaStore *self)
{
  GStatBuf st;

  if (self->log_gone)
    return TRUE;
  if (!self->log_known || self->db == NULL)
    return FALSE;

  return g_stat (self->log_path, &st) != 0 ||
         (guint64) st.st_dev != self->log_dev || (guint64) st.st_ino != self->log_ino;
}

/* Once the log is gone the store writes nothing more. Called outside any
 * transaction, so the backup holds only what was committed. */
static void
give_up_log (SihuaStore *self)
{
  g_autoptr(GError) local_error = NULL;

  if (self->log_gone)
    return;
  self->log_gone = TRUE;

  /* Closing the connection must never copy this log into the file: another
   * program may have changed the file since, and old pages written over
   * newer ones would damage it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* What the connection still sees (the file and the removed log, which
   * may hold the last answers) goes into a backup, so nothing saved is
   * lost even when the log was removed by hand. */
  self->log_rescue = _sihua_store_make_backup (self, "log-removed", &local_error);
  if (self->log_rescue == NULL)
    g_warning ("%s", local_error->message);
}

static void
set_log_gone_error (SihuaStore  *self,
                    GError     **error)
{
  if (self->log_rescue != NULL)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_LOG_GONE,
                 _("The log of the database %s (its -wal file) was removed by another program, so this change was not saved and nothing more will be written to the database. Everything saved before is also kept in %s. Close Sihua and open the database again."),
                 self->path, self->log_rescue);
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_LOG_GONE,
                 _("The log of the database %s (its -wal file) was removed by another program, so this change was not saved and nothing more will be written to the database. Close Sihua and open the database again."),
                 self->path);
}

gboolean
_sihua_store_commit (SihuaStore  *self,
                     GError     **error)
{
  /* The last moment to find out: a change committed into a removed log
   * would look saved and be invisible to everyone else. */
  if (log_has_gone (self))
    {
      _sihua_store_rollback (self);
      give_up_log (self);
      set_log_gone_error (self, error);
      return FALSE;
    }

  if (!_sihua_store_exec (self, "COMMIT", error))
    {
      _sihua_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
_sihua_store_rollback (SihuaStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Whether the file at our path is no longer the one we opened (deleted,
 * moved, or another file put in its place). If so, everything committed is
 * moved out of the log into the file we opened, wherever it is now, and the
 * log left under the old name is emptied: SQLite would otherwise apply our
 * log to whatever file takes that name next, corrupting it. */
static gboolean
file_is_at_path (SihuaStore *self)
{
  GStatBuf st;

  return g_stat (self->path, &st) == 0 &&
         (guint64) st.st_dev == self->file_dev && (guint64) st.st_ino == self->file_ino;
}

static gboolean
file_has_moved (SihuaStore *self)
{
  if (!self->file_known || self->db == NULL || self->log_gone)
    return FALSE;
  if (file_is_at_path (self))
    return FALSE;

  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

gboolean
_sihua_store_check_writable (SihuaStore  *self,
                             GError     **error)
{
  GStatBuf st;

  if (self->read_only)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY,
                   _("%s is open read-only; nothing can be changed"), self->path);
      return FALSE;
    }

  /* SQLite keeps writing to a deleted file, and to the old file when
   * another one took its name: refuse rather than lose the change. */
  if (self->file_known && file_has_moved (self))
    {
      if (g_stat (self->path, &st) != 0)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE,
                       _("The database %s was deleted or moved while it was open, so this change was not saved. Open the database again from where it is now, or restore a backup."),
                       self->path);
          return FALSE;
        }
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE,
                   _("The database %s was replaced by another file while it was open, so this change was not saved. Open the database again to use the new file."),
                   self->path);
      return FALSE;
    }

  if (log_has_gone (self))
    {
      give_up_log (self);
      set_log_gone_error (self, error);
      return FALSE;
    }

  return TRUE;
}

char *
_sihua_store_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/*
 * Opening
 */

static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc & 0xff;

  return value;
}

static void
set_probe_error (sqlite3     *db,
                 int          rc,
                 const char  *path,
                 GError     **error)
{
  if (rc == SQLITE_NOTADB)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                 _("%s is not a Sihua database (it is not an SQLite database at all); it was left untouched"),
                 path);
  else if (rc == SQLITE_CORRUPT)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                 _("%s is damaged (%s); restore a backup or pick another file"),
                 path, sqlite3_errmsg (db));
  else if (rc == SQLITE_BUSY)
    _sihua_store_set_busy_error (path, FALSE, error);
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                 _("Cannot read the database %s: %s"), path, sqlite3_errmsg (db));
}

/* Finds out, without writing anything, whether @db holds a Sihua database
 * this build can use. Sets *version to its schema version, or 0 for an empty
 * file that may become one. */
gboolean
_sihua_store_probe (sqlite3     *db,
       const char  *path,
       gboolean     empty_file,
       int         *version,
       GError     **error)
{
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id;
  gint64 n_objects;
  int rc;

  application_id = query_int (db, "PRAGMA application_id", &rc);
  if (rc != SQLITE_OK)
    {
      set_probe_error (db, rc, path, error);
      return FALSE;
    }
  *version = query_int (db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      set_probe_error (db, rc, path, error);
      return FALSE;
    }
  n_objects = query_int (db, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      set_probe_error (db, rc, path, error);
      return FALSE;
    }

  if (empty_file && application_id == 0 && *version == 0 && n_objects == 0)
    {
      *version = 0;
      return TRUE;
    }

  if (application_id != SIHUA_STORE_APPLICATION_ID)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                   _("%s is an SQLite database of another program, not a Sihua database; it was left untouched"),
                   path);
      return FALSE;
    }

  /* user_version is a signed 32-bit number in the header; damage can make
   * it negative, and no schema step exists below 0. */
  if (*version < 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("%s is damaged (its schema version %d is impossible); restore a backup or pick another file"),
                   path, *version);
      return FALSE;
    }

  /* Version 0 is an empty file: the first schema step writes the version
   * with the tables, so tables without one mean a damaged header. */
  if (*version == 0 && n_objects > 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("%s is damaged (it holds tables but no schema version); restore a backup or pick another file"),
                   path);
      return FALSE;
    }

  if (*version > SIHUA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Sihua (schema %d; this version reads up to %d); it was left untouched"),
                   path, *version, SIHUA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* quick_check reads every page but skips the slow index cross-checks. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      GString *problems = g_string_new (NULL);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *)sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") == 0)
            continue;
          if (problems->len > 0)
            g_string_append (problems, "; ");
          if (problems->len < 200)
            g_string_append (problems, line);
        }
      if (rc != SQLITE_DONE && problems->len == 0)
        g_string_append (problems, sqlite3_errmsg (db));
      check = g_string_free (problems, FALSE);
    }
  else
    check = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  if (check != NULL && *check != '\0')
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("%s is damaged (%s); restore a backup or pick another file"), path, check);
      return FALSE;
    }

  /* A trigger, view or index Sihua did not make would run on its writes or
   * change what it reads. */
  return *version == 0 || _sihua_store_check_schema (db, path, *version, error);
}

static gboolean
mode_is_write_protected (const char *path)
{
  GStatBuf st;

  /* access() alone says yes to root; a file or folder without any write
   * bit was protected on purpose, so honour it for everyone. */
  if (g_stat (path, &st) != 0)
    return FALSE;

  return (st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0;
}

static gboolean
configure_connection (SihuaStore  *self,
                      GError     **error)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, SIHUA_STORE_BUSY_TIMEOUT_MS);

  /* WAL with synchronous=FULL: a commit returns only once the log is on
   * disk, so an acknowledged answer survives a power cut. */
  if (!self->read_only &&
      !_sihua_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  return _sihua_store_exec (self,
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;",
                            error);
}

/* Remembers the log SQLite opened for the connection (the very file it
 * writes to, found through its descriptor), to notice when another program
 * takes it away. */
static void
remember_log (SihuaStore *self)
{
  const char *db_name = sqlite3_db_filename (self->db, "main");
  const char *log_name;
  GStatBuf st;

  if (db_name == NULL || *db_name == '\0')
    return;
  log_name = sqlite3_filename_wal (db_name);
  self->log_path = g_strdup (log_name);

  if (sihua_sqlite_locks_lookup_file (log_name, &self->log_dev, &self->log_ino))
    self->log_known = TRUE;
  else if (g_stat (log_name, &st) == 0)
    {
      self->log_known = TRUE;
      self->log_dev = (guint64) st.st_dev;
      self->log_ino = (guint64) st.st_ino;
    }
}

static void
sihua_store_finalize (GObject *object)
{
  SihuaStore *self = (SihuaStore *)object;

  /* Queued work holds a reference, so the worker is idle by now (or is this
   * very thread, finishing its last task); do not wait for it. */
  if (self->worker != NULL)
    g_thread_pool_free (self->worker, FALSE, FALSE);
  /* SQLite does not checkpoint a moved file on close. */
  file_has_moved (self);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->log_path, g_free);
  g_clear_pointer (&self->log_rescue, g_free);
  g_clear_pointer (&self->author, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (sihua_store_parent_class)->finalize (object);
}

static void
sihua_store_class_init (SihuaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_store_finalize;
}

static void
sihua_store_init (SihuaStore *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * _sihua_store_resolve_path:
 * @path: a database file, which need not exist
 *
 * The file itself, symbolic links resolved (in its folder too, when the
 * file does not exist yet), so the database, its log, its backups and a
 * restore all refer to one real file.
 *
 * Returns: (transfer full): an absolute path
 */
char *
_sihua_store_resolve_path (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  real = realpath (path, NULL);
  if (real != NULL)
    return real;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real != NULL)
    {
      char *joined = g_build_filename (real, base, NULL);

      free (real);
      return joined;
    }

  return g_canonicalize_filename (path, NULL);
}

/* Closes a connection to a file that another one has replaced since it was
 * opened. SQLite opened its -wal and -shm by name, so they may be the new
 * file's: closing must neither checkpoint them into the old file nor delete
 * them under the connections of the new one. */
static void
close_stale_connection (sqlite3 *db)
{
  if (db == NULL)
    return;
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (db);
}

/* Opens the store's connection and checks, once SQLite holds its lock on the
 * file, that it is still the file at @path: a restore in another process
 * may have put a new file there while this one waited for the old one.
 * Records the file opened, for file_has_moved(). */
static gboolean
connect_to_file (SihuaStore  *self,
                 GError     **error)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      GStatBuf before;
      GStatBuf after;

      g_clear_pointer (&self->db, close_stale_connection);
      if (g_stat (self->path, &before) != 0)
        break;
      if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                       _("Cannot open the database %s: %s"), self->path, sqlite3_errmsg (self->db));
          return FALSE;
        }
      /* The check below means something only while SQLite holds its lock
       * on the file: then no restore can replace it. Turning a file in
       * rollback mode into WAL ends with no lock held (the restore's copy
       * used to be such a file, and a restore then took it between this
       * check and the first answer); a read in WAL mode takes the lock
       * again and keeps it while the connection is open. */
      if (!configure_connection (self, error) ||
          !_sihua_store_exec (self, "SELECT count(*) FROM sqlite_master", error))
        return FALSE;
      if (g_stat (self->path, &after) == 0 &&
          before.st_dev == after.st_dev && before.st_ino == after.st_ino)
        {
          self->file_known = TRUE;
          self->file_dev = (guint64) after.st_dev;
          self->file_ino = (guint64) after.st_ino;
          return TRUE;
        }
    }
  g_clear_pointer (&self->db, close_stale_connection);

  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY,
               _("The database %s was replaced by another file while it was being opened; open it again"),
               self->path);
  return FALSE;
}

static SihuaStore *
open_writable (const char  *requested_path,
               gboolean     create,
               GError     **error)
{
  g_autoptr(SihuaStore) self = NULL;
  g_autofree char *path = _sihua_store_resolve_path (requested_path);
  g_autofree char *dir = NULL;
  sqlite3 *probe_db = NULL;
  gboolean created = FALSE;
  gboolean empty_file;
  GStatBuf st;
  int version = 0;
  int rc;

  sihua_sqlite_locks_install ();

  dir = g_path_get_dirname (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                   _("There is no database at %s; nothing was created. Check the path."),
                   requested_path);
      return NULL;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      /* A mistyped folder must not become a new, empty database that looks
       * as if everything was lost. */
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                   _("There is no folder %s, so no database was created there; check the path"),
                   dir);
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Create the file ourselves so it is private from the first byte. */
      int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                       _("Cannot create the database %s: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      close (fd);
      created = TRUE;
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("%s is not a file"), path);
      return NULL;
    }
  else if (mode_is_write_protected (path))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY,
                   _("%s is write-protected; it can be opened read-only"), path);
      return NULL;
    }
  else if (mode_is_write_protected (dir))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY,
                   _("The folder of %s is write-protected, so the database cannot be changed; it can be opened read-only"),
                   path);
      return NULL;
    }

  empty_file = g_stat (path, &st) == 0 && st.st_size == 0;

  /* Look before touching: a read-only connection cannot change the file,
   * whatever it turns out to be. It waits its turn like any other. */
  rc = sqlite3_open_v2 (path, &probe_db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, sqlite3_errmsg (probe_db));
      sqlite3_close (probe_db);
      if (created)
        g_unlink (path);
      return NULL;
    }
  sqlite3_busy_timeout (probe_db, SIHUA_STORE_BUSY_TIMEOUT_MS);
  /* The file may be replaced while the probe waits for it; the -wal and
   * -shm it opens by name are then the new file's, which closing it must
   * leave alone. It only reads, so it has nothing to checkpoint. */
  sqlite3_db_config (probe_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!_sihua_store_probe (probe_db, path, empty_file, &version, error))
    {
      sqlite3_close (probe_db);
      return NULL;
    }
  sqlite3_close (probe_db);

  self = g_object_new (SIHUA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!connect_to_file (self, error))
    return NULL;

  /* A header saying the file needs a newer SQLite to be written (or one
   * damaged to say so) lets it be read but not changed. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY,
                   _("%s cannot be changed by this version of Sihua; it can be opened read-only"),
                   path);
      return NULL;
    }

  if (version > 0 && version < SIHUA_STORE_SCHEMA_VERSION)
    {
      g_autofree char *saved = NULL;

      /* Keep what the older schema held before changing it. */
      saved = _sihua_store_make_backup (self, "before-upgrade", error);
      if (saved == NULL)
        return NULL;
    }

  if (version < SIHUA_STORE_SCHEMA_VERSION &&
      !_sihua_store_migrate (self, version, error))
    return NULL;

  if (version > 0)
    _sihua_store_auto_backup (self);
  _sihua_store_remove_leftovers (self);

  remember_log (self);

  return g_steal_pointer (&self);
}

/**
 * sihua_store_open:
 * @path: the database file; created (mode 0600) if it does not exist, in a
 *   folder that must exist
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Opens the database for reading and writing, upgrading an older schema (a
 * backup is made first) and making the day's automatic backup. A symbolic
 * link is followed once, here: the store, its backups and
 * sihua_store_get_path() use the real file.
 *
 * A file that is not a Sihua database, was written by a newer Sihua, fails
 * the integrity check, or cannot be written is never changed: the error
 * (%SIHUA_STORE_ERROR_NOT_SIHUA, %SIHUA_STORE_ERROR_TOO_NEW,
 * %SIHUA_STORE_ERROR_CORRUPT, %SIHUA_STORE_ERROR_READ_ONLY) says which, in a
 * message fit for the user, and the caller offers read-only opening,
 * restoring a backup, or another file. A missing folder is
 * %SIHUA_STORE_ERROR_MISSING; another process keeping the file busy for
 * longer than a few seconds is %SIHUA_STORE_ERROR_BUSY.
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
SihuaStore *
sihua_store_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_writable (path, TRUE, error);
}

/**
 * sihua_store_open_existing:
 * @path: the database file
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Like sihua_store_open(), for work that needs the data already there: a
 * missing file is refused with %SIHUA_STORE_ERROR_MISSING and nothing is
 * created.
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
SihuaStore *
sihua_store_open_existing (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_writable (path, FALSE, error);
}

/* Opens a read-only connection; in a write-protected folder a WAL database
 * may need "immutable" to be read at all. */
static sqlite3 *
open_read_only_source (const char  *path,
                       GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_busy_timeout (db, SIHUA_STORE_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK && sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
    return db;

  if ((sqlite3_errcode (db) & 0xff) == SQLITE_NOTADB ||
      (sqlite3_errcode (db) & 0xff) == SQLITE_CORRUPT)
    return db;
  /* Busy is not a reason to ignore the locks with "immutable". */
  if ((sqlite3_errcode (db) & 0xff) == SQLITE_BUSY)
    {
      _sihua_store_set_busy_error (path, FALSE, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_close (db);
  db = NULL;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    {
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc == SQLITE_OK)
        return db;
    }

  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
               _("Cannot open the database %s: %s"), path,
               db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOENT));
  sqlite3_close (db);

  return NULL;
}

/**
 * sihua_store_open_read_only:
 * @path: an existing database file
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Opens a database that cannot or should not be written (a write-protected
 * file or folder, a colleague's copy): the store reads a snapshot of the
 * file taken now, in memory, and refuses every change with
 * %SIHUA_STORE_ERROR_READ_ONLY. An older schema is upgraded in the snapshot
 * only. The file is never changed.
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
SihuaStore *
sihua_store_open_read_only (const char  *requested_path,
                            GError     **error)
{
  g_autoptr(SihuaStore) self = NULL;
  g_autofree char *path = NULL;
  sqlite3_backup *backup;
  sqlite3 *source;
  int version = 0;

  g_return_val_if_fail (requested_path != NULL, NULL);

  sihua_sqlite_locks_install ();

  if (!g_file_test (requested_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                   _("There is no database at %s; nothing was created. Check the path."),
                   requested_path);
      return NULL;
    }
  path = _sihua_store_resolve_path (requested_path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("%s is not a file"), path);
      return NULL;
    }

  source = open_read_only_source (path, error);
  if (source == NULL)
    return NULL;
  if (!_sihua_store_probe (source, path, FALSE, &version, error))
    {
      sqlite3_close (source);
      return NULL;
    }

  self = g_object_new (SIHUA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
  backup = sqlite3_backup_init (self->db, "main", source, "main");
  if (backup == NULL ||
      sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    {
      if ((sqlite3_errcode (source) & 0xff) == SQLITE_BUSY ||
          (sqlite3_errcode (self->db) & 0xff) == SQLITE_BUSY)
        _sihua_store_set_busy_error (path, FALSE, error);
      else
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                     _("Cannot read the database %s: %s"), path, sqlite3_errmsg (self->db));
      sqlite3_backup_finish (backup);
      sqlite3_close (source);
      return NULL;
    }
  sqlite3_backup_finish (backup);
  sqlite3_close (source);

  if (!configure_connection (self, error))
    return NULL;
  if (version < SIHUA_STORE_SCHEMA_VERSION &&
      !_sihua_store_migrate (self, version, error))
    return NULL;

  self->read_only = TRUE;

  return g_steal_pointer (&self);
}

/**
 * sihua_store_get_path:
 * @self: a store
 *
 * Returns: the database file
 */
const char *
sihua_store_get_path (SihuaStore *self)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sihua_store_is_read_only:
 * @self: a store
 *
 * Returns: whether the store was opened with sihua_store_open_read_only()
 */
gboolean
sihua_store_is_read_only (SihuaStore *self)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * sihua_store_set_author:
 * @self: a store
 * @author: (nullable): the name recorded with every answer and change
 */
void
sihua_store_set_author (SihuaStore *self,
                        const char *author)
{
  g_return_if_fail (SIHUA_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  g_free (self->author);
  self->author = g_strdup (author);
  g_mutex_unlock (&self->mutex);
}

/**
 * sihua_store_get_author:
 * @self: a store
 *
 * Returns: (nullable): the author set with sihua_store_set_author()
 */
const char *
sihua_store_get_author (SihuaStore *self)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return self->author;
}

/*
 * The worker thread
 */

static void
worker_run (gpointer data,
            gpointer user_data)
{
  GTask *task = data;
  GTaskThreadFunc func = g_object_get_data (G_OBJECT (task), "sihua-store-func");

  func (task, g_task_get_source_object (task), g_task_get_task_data (task),
        g_task_get_cancellable (task));
  g_object_unref (task);
}

/* One thread, first in first out: two answers given in a row are committed
 * in that order, so the later one always wins. */
void
_sihua_store_run_in_worker (SihuaStore      *self,
                            GTask           *task,
                            GTaskThreadFunc  func)
{
  g_mutex_lock (&self->mutex);
  if (self->worker == NULL)
    self->worker = g_thread_pool_new (worker_run, NULL, 1, FALSE, NULL);
  g_mutex_unlock (&self->mutex);

  g_object_set_data (G_OBJECT (task), "sihua-store-func", func);
  g_thread_pool_push (self->worker, g_object_ref (task), NULL);
}

/**
 * sihua_store_run_in_worker:
 * @self: a store
 * @task: a task whose source object is @self
 * @func: what to run; it calls the store's public functions, which take the
 *   store's mutex themselves
 *
 * Runs @func on the store's single worker thread, after every async call
 * made before (so it sees the answers given until then), for work that
 * reads several rows and computes from them (see sihua_results_load_async()).
 */
void
sihua_store_run_in_worker (SihuaStore      *self,
                           GTask           *task,
                           GTaskThreadFunc  func)
{
  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  _sihua_store_run_in_worker (self, task, func);
}
