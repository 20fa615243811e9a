/* sihua-store-backup.c
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
#include <sys/stat.h>
#include <unistd.h>

#include "sihua-store-private.h"

/*
 * Backups live in a `backups/` folder beside the database, named
 * "<stem>-<kind>-YYYYMMDD-HHMMSS.db" (kind: auto, manual, before-upgrade,
 * before-restore). Only automatic ones are rotated away; a backup the user
 * asked for, or one made before a risky step, stays until removed by hand.
 */

#define AUTO_KIND "auto"

/* Every kind of backup the store makes; a name is only ever read as one of
 * these, so a database called "visits-2025.db" never takes the backups of
 * "visits.db" for its own, nor the other way round. */
static const char * const backup_kinds[] = {
  AUTO_KIND, "manual", "before-upgrade", "before-restore", "before-repair", "log-removed",
};
#define DAY_USEC (G_USEC_PER_SEC * (gint64) 24 * 60 * 60)

void
sihua_backup_info_free (SihuaBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info);
}

/**
 * sihua_store_get_backup_dir:
 * @db_path: a database file
 *
 * Returns: (transfer full): the folder holding its backups
 */
char *
sihua_store_get_backup_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_autofree char *real = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  real = _sihua_store_resolve_path (db_path);
  dir = g_path_get_dirname (real);

  return g_build_filename (dir, "backups", NULL);
}

static char *
get_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';

  return g_steal_pointer (&base);
}

/* Whether @text is exactly "YYYYMMDD-HHMMSS", optionally followed by "-N". */
static gboolean
is_backup_stamp (const char *text)
{
  for (guint i = 0; i < 15; i++)
    {
      if (i == 8 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  text += 15;
  if (*text == '\0')
    return TRUE;
  if (*text++ != '-' || *text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;

  return TRUE;
}

/**
 * _sihua_store_is_own_backup_name:
 * @db_path: a database file
 * @name: a file name in its backup folder
 * @automatic: (out) (optional): whether it is an automatic backup
 *
 * Returns: whether @name is exactly the name of one of @db_path's backups,
 *   "<stem>-<kind>-YYYYMMDD-HHMMSS[-N].db"
 */
gboolean
_sihua_store_is_own_backup_name (const char *db_path,
                                 const char *name,
                                 gboolean   *automatic)
{
  g_autofree char *stem = get_stem (db_path);
  g_autofree char *rest = NULL;
  size_t stem_len = strlen (stem);

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-' ||
      !g_str_has_suffix (name, ".db"))
    return FALSE;
  rest = g_strndup (name + stem_len + 1, strlen (name) - stem_len - 1 - 3);

  for (guint i = 0; i < G_N_ELEMENTS (backup_kinds); i++)
    {
      size_t kind_len = strlen (backup_kinds[i]);

      if (strncmp (rest, backup_kinds[i], kind_len) == 0 && rest[kind_len] == '-' &&
          is_backup_stamp (rest + kind_len + 1))
        {
          if (automatic != NULL)
            *automatic = g_str_equal (backup_kinds[i], AUTO_KIND);
          return TRUE;
        }
    }

  return FALSE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SihuaBackupInfo *info_a = *(SihuaBackupInfo **)a;
  const SihuaBackupInfo *info_b = *(SihuaBackupInfo **)b;

  if (info_a->created_at != info_b->created_at)
    return info_a->created_at > info_b->created_at ? -1 : 1;

  return -g_strcmp0 (info_a->path, info_b->path);
}

/**
 * sihua_store_list_backups_for:
 * @db_path: a database file, which need not open
 *
 * The backups of a database, also when it cannot be opened (to offer a
 * restore after %SIHUA_STORE_ERROR_CORRUPT).
 *
 * Returns: (transfer full) (element-type SihuaBackupInfo): newest first
 */
GPtrArray *
sihua_store_list_backups_for (const char *db_path)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_backup_info_free);
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir_path = sihua_store_get_backup_dir (db_path);

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      SihuaBackupInfo *info;
      GStatBuf st;
      g_autofree char *path = NULL;
      gboolean automatic = FALSE;

      if (!_sihua_store_is_own_backup_name (db_path, name, &automatic))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      info = g_new0 (SihuaBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->size = st.st_size;
      info->created_at = (gint64) st.st_mtime * G_USEC_PER_SEC;
      info->automatic = automatic;
      g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

/**
 * sihua_store_list_backups:
 * @self: a store
 *
 * Returns: (transfer full) (element-type SihuaBackupInfo): the store's
 *   backups, newest first
 */
GPtrArray *
sihua_store_list_backups (SihuaStore *self)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return sihua_store_list_backups_for (self->path);
}

/* Copies a consistent snapshot of @source (WAL included) into a new file
 * @dest_path, 0600, written under a temporary name and renamed into place so
 * a half-written backup never looks like a backup. */
static gboolean
backup_to (sqlite3     *source,
           const char  *dest_path,
           GError     **error)
{
  g_autofree char *part = g_strconcat (dest_path, ".part", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  g_unlink (part);
  fd = g_open (part, O_CREAT | O_EXCL | O_WRONLY, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (part, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  /* A backup is a plain single file: leave no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (part);
      return FALSE;
    }
  sqlite3_close (dest);

  if (g_rename (part, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), dest_path, g_strerror (saved_errno));
      g_unlink (part);
      return FALSE;
    }

  return TRUE;
}

static char *
new_backup_path (const char *db_path,
                 const char *kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = sihua_store_get_backup_dir (db_path);
  g_autofree char *stem = get_stem (db_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      g_free (path);
      if (n == 1)
        name = g_strdup_printf ("%s-%s-%s.db", stem, kind, stamp);
      else
        name = g_strdup_printf ("%s-%s-%s-%u.db", stem, kind, stamp, n);
      path = g_build_filename (dir, name, NULL);
    }

  return path;
}

static gboolean
ensure_backup_dir (const char  *db_path,
                   GError     **error)
{
  g_autofree char *dir = sihua_store_get_backup_dir (db_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* With the store's mutex held (or before the store is shared). */
char *
_sihua_store_make_backup (SihuaStore  *self,
                          const char  *kind,
                          GError     **error)
{
  g_autofree char *path = NULL;

  if (!ensure_backup_dir (self->path, error))
    return NULL;
  path = new_backup_path (self->path, kind);
  if (!backup_to (self->db, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* On open: at most one automatic backup a day, keeping the newest
 * SIHUA_STORE_N_BACKUPS. A failed backup never stops the work; it is logged. */
void
_sihua_store_auto_backup (SihuaStore *self)
{
  g_autoptr(GPtrArray) backups = sihua_store_list_backups_for (self->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 now = g_get_real_time ();
  guint n_auto = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->automatic && info->created_at > now - DAY_USEC && info->created_at <= now + DAY_USEC)
        return;
    }

  path = _sihua_store_make_backup (self, AUTO_KIND, &error);
  if (path == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  /* The one just made counts first, whatever dates the others carry: a
   * backup dated in the future must not push today's out. */
  n_auto = 1;
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = sihua_store_list_backups_for (self->path);
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->automatic && !g_str_equal (info->path, path) &&
          ++n_auto > SIHUA_STORE_N_BACKUPS)
        g_unlink (info->path);
    }
}

/**
 * sihua_store_backup:
 * @self: a store
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Makes a backup now with SQLite's backup API (a consistent copy, also while
 * answers are being written). It is never rotated away.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
sihua_store_backup (SihuaStore  *self,
                    GError     **error)
{
  char *path;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  path = _sihua_store_make_backup (self, "manual", error);
  g_mutex_unlock (&self->mutex);

  return path;
}

/**
 * sihua_store_check:
 * @self: a store
 * @report: (out) (optional) (transfer full): "ok", or the problems found,
 *   one per line
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Runs SQLite's full integrity check (slower than the quick check made on
 * open). List the backups with sihua_store_list_backups().
 *
 * Returns: whether the database is sound; %FALSE without @error set when
 *   problems were found
 */
gboolean
sihua_store_check (SihuaStore  *self,
                   char       **report,
                   GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  text = _sihua_store_integrity_check (self, error);
  g_mutex_unlock (&self->mutex);
  if (text == NULL)
    return FALSE;

  if (report != NULL)
    *report = g_strdup (text);

  return g_str_equal (text, "ok");
}

/* SQLite's full integrity check: "ok", or the problems one per line; a
 * check that stops half-way ends with SQLite's reason. The caller holds the
 * store's mutex. */
char *
_sihua_store_integrity_check (SihuaStore  *self,
                              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sihua_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, (const char *)sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, sqlite3_errmsg (self->db));
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Keeps the file about to be replaced: a consistent copy through @guard
 * (the restore's own connection, holding the file alone) if SQLite can read
 * it, else its raw bytes (a damaged file may still be rescued by hand). */
static char *
save_current (const char  *db_path,
              sqlite3     *guard,
              GError     **error)
{
  g_autofree char *dest = NULL;
  g_autoptr(GError) local_error = NULL;
  int version;

  if (!ensure_backup_dir (db_path, error))
    return NULL;
  dest = new_backup_path (db_path, "before-restore");

  if (guard != NULL &&
      _sihua_store_probe (guard, db_path, FALSE, &version, NULL) &&
      backup_to (guard, dest, NULL))
    return g_steal_pointer (&dest);

  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "" : "-wal";
      g_autofree char *from = g_strconcat (db_path, suffix, NULL);
      g_autofree char *to = g_strconcat (dest, suffix, NULL);
      g_autoptr(GFile) from_file = g_file_new_for_path (from);
      g_autoptr(GFile) to_file = g_file_new_for_path (to);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_copy (from_file, to_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                       _("Cannot keep a copy of %s before restoring: %s"), db_path, local_error->message);
          return NULL;
        }
      g_chmod (to, 0600);
    }

  return g_steal_pointer (&dest);
}

/* A connection holding @db_path alone until it is closed, so nobody can
 * write to the file between the copy kept of it and its replacement. Sets
 * *guard to NULL without an error for a file SQLite cannot read at all:
 * then no Sihua can have it open either. */
static gboolean
take_file_alone (const char  *db_path,
                 sqlite3    **guard,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int persist_wal = 1;

  *guard = NULL;
  if (sqlite3_open_v2 (db_path, guard, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_clear_pointer (guard, sqlite3_close);
      return TRUE;
    }
  sqlite3_busy_timeout (*guard, SIHUA_STORE_BUSY_TIMEOUT_MS);
  /* On close SQLite deletes the log by its name, which by then belongs to
   * the restored file: keep it (the old file's log goes with the old file). */
  sqlite3_file_control (*guard, "main", SQLITE_FCNTL_PERSIST_WAL, &persist_wal);

  if (_sihua_store_lock_exclusive (*guard, db_path, &local_error))
    return TRUE;

  g_clear_pointer (guard, sqlite3_close);
  if (g_error_matches (local_error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Puts the restore's copy in WAL mode, as every Sihua database is kept, before
 * it takes the database's name. A connection that finds a file in rollback
 * mode turns it into WAL itself, and that change writes a rollback journal
 * under the database's name and ends with no lock held on the file: a
 * restore could then replace the file under the connection, whose next
 * answer would go into the file replaced. */
static gboolean
set_wal_mode (const char  *temp,
              const char  *db_path,
              GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                 _("Cannot replace %s: %s"), db_path,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  /* The only connection: closing it empties the copy's log into it and
   * removes the log; the header keeps saying WAL. */
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/**
 * sihua_store_restore:
 * @db_path: the database to replace; no store may have it open
 * @backup_path: the backup to restore
 * @saved_copy: (out) (optional) (transfer full): where the replaced file was
 *   kept, %NULL if there was none
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Replaces the database with a backup. The backup is checked first (a Sihua
 * database this build can read, passing the integrity check); then the
 * current file, even a damaged one, is kept in the backup folder; only then
 * is it replaced, atomically. From the copy to the replacement the file is
 * held alone: while another process (a window, a command) has it open the
 * restore waits a few seconds for it and then refuses with
 * %SIHUA_STORE_ERROR_BUSY. A symbolic link is followed: the file it points
 * to is replaced, the link stays.
 *
 * Returns: whether the backup was restored; on %FALSE nothing was changed
 */
gboolean
sihua_store_restore (const char  *requested_db_path,
                     const char  *backup_path,
                     char       **saved_copy,
                     GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *real_backup = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *temp = NULL;
  sqlite3 *source = NULL;
  sqlite3 *guard = NULL;
  int version = 0;

  g_return_val_if_fail (requested_db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("The backup %s does not exist"), backup_path);
      return FALSE;
    }

  db_path = _sihua_store_resolve_path (requested_db_path);
  real_backup = _sihua_store_resolve_path (backup_path);
  if (g_str_equal (db_path, real_backup))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("%s is the database itself, not a backup of it; nothing was changed"),
                   backup_path);
      return FALSE;
    }

  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      (sqlite3_busy_timeout (source, SIHUA_STORE_BUSY_TIMEOUT_MS),
       !_sihua_store_probe (source, backup_path, FALSE, &version, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                     _("Cannot open the backup %s: %s"), backup_path, sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }

  dir = g_path_get_dirname (db_path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                   _("There is no folder %s, so no database was created there; check the path"),
                   dir);
      sqlite3_close (source);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !take_file_alone (db_path, &guard, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  temp = _sihua_store_restore_temp_path (db_path);
  g_unlink (temp);
  if (!backup_to (source, temp, error))
    {
      sqlite3_close (source);
      sqlite3_close (guard);
      return FALSE;
    }
  sqlite3_close (source);
  if (!set_wal_mode (temp, db_path, error))
    {
      g_unlink (temp);
      sqlite3_close (guard);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      saved = save_current (db_path, guard, error);
      if (saved == NULL)
        {
          g_unlink (temp);
          sqlite3_close (guard);
          return FALSE;
        }
    }

  /* A WAL left by the old file would be replayed onto the restored one. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (db_path, i == 0 ? "-wal" : "-shm", NULL);
      g_unlink (side);
    }

  if (g_rename (temp, db_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Cannot replace %s: %s"), db_path, g_strerror (saved_errno));
      g_unlink (temp);
      sqlite3_close (guard);
      return FALSE;
    }
  /* Only now may others open the file again: the restored one. */
  sqlite3_close (guard);

  if (saved_copy != NULL)
    *saved_copy = g_steal_pointer (&saved);

  return TRUE;
}
