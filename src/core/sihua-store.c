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
#include <sqlite3.h>
#include <unistd.h>

#include "sihua-store.h"

/* Marks a file as a Sihua database ("SiHu"), so a foreign SQLite file is
 * recognised before anything is written to it. */
#define SIHUA_APPLICATION_ID 0x53694875
#define SIHUA_SCHEMA_VERSION 1

struct _SihuaStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (SihuaStore, sihua_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (sihua-store-error-quark, sihua_store_error)

static gboolean
exec_sql (SihuaStore  *self,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
                   _("Database error: %s"), message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gint64
pragma_int (SihuaStore *self,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
create_schema (SihuaStore  *self,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN IMMEDIATE;"
    "CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "PRAGMA application_id = %d;"
    "PRAGMA user_version = %d;"
    "COMMIT;",
    SIHUA_APPLICATION_ID, SIHUA_SCHEMA_VERSION);

  return exec_sql (self, sql, error);
}

static void
sihua_store_finalize (GObject *object)
{
  SihuaStore *self = (SihuaStore *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

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
}

/**
 * sihua_store_open:
 * @path: the database file; created (mode 0600) if it does not exist
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
SihuaStore *
sihua_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(SihuaStore) self = NULL;
  g_autofree char *dir = NULL;
  gint64 application_id;
  gint64 version;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SIHUA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

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
    }

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }

  application_id = pragma_int (self, "PRAGMA application_id");
  version = pragma_int (self, "PRAGMA user_version");
  if (application_id < 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                   _("%s is not a Sihua database"), path);
      return NULL;
    }

  if (application_id == 0 && version == 0)
    {
      if (!create_schema (self, error))
        return NULL;
    }
  else if (application_id != SIHUA_APPLICATION_ID)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                   _("%s is not a Sihua database"), path);
      return NULL;
    }
  else if (version > SIHUA_SCHEMA_VERSION)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Sihua"), path);
      return NULL;
    }

  if (!exec_sql (self, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
sihua_store_get_path (SihuaStore *self)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return self->path;
}
