/* sihua-store-exclusive.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "sihua-store-private.h"

/*
 * Other processes using the same database. In WAL mode every open
 * connection keeps a shared lock on the database file, so an exclusive lock
 * taken through SQLite itself (locking_mode=EXCLUSIVE and a write
 * transaction) succeeds only when no other connection has the file open,
 * whichever process it is in and however SQLite takes its locks. Restore,
 * repair and the clean-up of leftovers run only under that lock.
 */

/* The first process other than this one holding a lock on @path (or on its
 * -shm), from /proc/locks. Locks on open file descriptions carry no process
 * (pid -1): then nobody can be named. */
static int
find_lock_holder (const char *path)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  const char *files[] = { path, shm };
  char ids[2][64] = { "", "" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      GStatBuf st;

      if (g_stat (files[i], &st) == 0)
        g_snprintf (ids[i], sizeof ids[i], " %02x:%02x:%" G_GUINT64_FORMAT " ",
                    major (st.st_dev), minor (st.st_dev), (guint64) st.st_ino);
    }

  if (!g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return 0;

  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      gint64 pid;

      /* "->" marks a process waiting for the lock, not holding it. */
      if (strstr (lines[i], "->") != NULL)
        continue;
      if ((ids[0][0] == '\0' || strstr (lines[i], ids[0]) == NULL) &&
          (ids[1][0] == '\0' || strstr (lines[i], ids[1]) == NULL))
        continue;

      /* "1: POSIX  ADVISORY  READ 1234 fd:01:5678 1073741826 1073742335" */
      fields = g_strsplit_set (lines[i], " ", -1);
      for (guint f = 0, n = 0; fields[f] != NULL; f++)
        {
          if (*fields[f] == '\0')
            continue;
          if (++n == 5)
            {
              pid = g_ascii_strtoll (fields[f], NULL, 10);
              if (pid > 0 && pid != getpid ())
                return (int) pid;
              break;
            }
        }
    }

  return 0;
}

/* "sihua-cli, process 1234", or a plain "another program" when the holder
 * cannot be found. */
char *
_sihua_store_describe_holder (const char *path)
{
  int pid = find_lock_holder (path);
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;

  if (pid <= 0)
    return g_strdup (_("another program"));

  comm_path = g_strdup_printf ("/proc/%d/comm", pid);
  if (g_file_get_contents (comm_path, &comm, NULL, NULL))
    g_strstrip (comm);
  if (comm == NULL || *comm == '\0')
    return g_strdup_printf (_("another program (process %d)"), pid);

  /* TRANSLATORS: the program holding the database, e.g. "sihua-cli (process 1234)" */
  return g_strdup_printf (_("%s (process %d)"), comm, pid);
}

/* The database stayed locked by another process for the whole busy
 * timeout. */
void
_sihua_store_set_busy_error (const char  *path,
                             gboolean     writing,
                             GError     **error)
{
  g_autofree char *holder = _sihua_store_describe_holder (path);

  if (writing)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY,
                 _("The database %s is kept busy by %s, so this change was not saved; everything saved before is kept. Try again when it has finished."),
                 path, holder);
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY,
                 _("Cannot read the database %s: %s has been using it for too long. Nothing was changed; try again when it has finished."),
                 path, holder);
}

/**
 * _sihua_store_lock_exclusive:
 * @db: a connection to @path, with its busy timeout set
 * @path: the database file, for messages
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Takes an exclusive lock on the database file through SQLite and keeps it
 * until _sihua_store_unlock_exclusive(), waiting for the busy timeout for
 * other connections to finish. Set on a new connection, the lock is taken
 * before the connection ever uses the -shm file.
 *
 * Returns: whether the lock is held; %FALSE with %SIHUA_STORE_ERROR_BUSY
 *   when another connection kept the file open
 */
gboolean
_sihua_store_lock_exclusive (sqlite3     *db,
                             const char  *path,
                             GError     **error)
{
  int rc;

  sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
  /* In exclusive mode the lock taken by a write transaction outlives it. */
  rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;

  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  _sihua_store_unlock_exclusive (db);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_autofree char *holder = _sihua_store_describe_holder (path);

      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY,
                   _("Sihua is using the database %s (%s); close it there first. Nothing was changed."),
                   path, holder);
    }
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                 _("Database error in %s: %s"), path, sqlite3_errmsg (db));

  return FALSE;
}

/* Lets other connections in again: the lock goes with the next access in
 * normal mode. */
void
_sihua_store_unlock_exclusive (sqlite3 *db)
{
  sqlite3_exec (db, "PRAGMA locking_mode = NORMAL", NULL, NULL, NULL);
  sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

/* The copy of a backup that a restore of @db_path writes first, beside it;
 * hidden, and named after this database alone. */
char *
_sihua_store_restore_temp_path (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *name = g_strconcat (".", base, ".restoring", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Removes what a killed restore or backup of this very database left
 * behind: the restore's copy and half-written backups, recognised by their
 * exact names. Only when no other connection has the database open, so
 * nothing another process is writing now goes; never waits for that. */
void
_sihua_store_remove_leftovers (SihuaStore *self)
{
  g_autofree char *restore_temp = _sihua_store_restore_temp_path (self->path);
  g_autofree char *restore_part = g_strconcat (restore_temp, ".part", NULL);
  g_autofree char *backup_dir = sihua_store_get_backup_dir (self->path);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (restore_temp, G_FILE_TEST_IS_REGULAR))
    g_ptr_array_add (parts, g_steal_pointer (&restore_temp));
  if (g_file_test (restore_part, G_FILE_TEST_IS_REGULAR))
    g_ptr_array_add (parts, g_steal_pointer (&restore_part));

  dir = g_dir_open (backup_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *backup_name = NULL;

      if (!g_str_has_suffix (name, ".part"))
        continue;
      backup_name = g_strndup (name, strlen (name) - strlen (".part"));
      if (_sihua_store_is_own_backup_name (self->path, backup_name, NULL))
        g_ptr_array_add (parts, g_build_filename (backup_dir, name, NULL));
    }
  if (parts->len == 0)
    return;

  sqlite3_busy_timeout (self->db, 0);
  if (_sihua_store_lock_exclusive (self->db, self->path, NULL))
    {
      for (guint i = 0; i < parts->len; i++)
        {
          const char *part = g_ptr_array_index (parts, i);
          GStatBuf st;

          if (g_lstat (part, &st) == 0 && S_ISREG (st.st_mode))
            g_unlink (part);
        }
      _sihua_store_unlock_exclusive (self->db);
    }
  sqlite3_busy_timeout (self->db, SIHUA_STORE_BUSY_TIMEOUT_MS);
}
