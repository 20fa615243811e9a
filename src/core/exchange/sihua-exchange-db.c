/* sihua-exchange-db.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "sihua-exchange-db.h"
#include "sihua-export.h"
#include "sihua-sqlite-locks.h"
#include "sihua-store-private.h"

/**
 * sihua_exchange_db_open_read:
 * @path: a Sihua database
 *
 * Opens a read-only connection of its own, so a worker thread can read a
 * consistent snapshot while the store's connection keeps writing (WAL).
 *
 * Returns: (transfer full): the connection, or %NULL with @error set.
 */
sqlite3 *
sihua_exchange_db_open_read (const char  *path,
                             GError     **error)
{
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  sihua_sqlite_locks_install ();

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED,
                   _("Cannot open the database %s: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  return db;
}

SihuaExchangeStmt *
sihua_exchange_db_prepare (sqlite3     *db,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  SihuaExchangeStmt *wrapper;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sihua_exchange_db_error (db, error);
      return NULL;
    }

  wrapper = g_new0 (SihuaExchangeStmt, 1);
  wrapper->stmt = stmt;

  return wrapper;
}

void
sihua_exchange_stmt_free (SihuaExchangeStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

gboolean
sihua_exchange_db_exec (sqlite3     *db,
                        const char  *sql,
                        GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED,
                   _("Database error: %s"), message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
sihua_exchange_db_error (sqlite3  *db,
                         GError  **error)
{
  /* A finalised assessment refuses every change, a merged one too. */
  if (g_strcmp0 (sqlite3_errmsg (db), SIHUA_STORE_FROZEN_MESSAGE) == 0)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED,
                   _("The bundle changes an assessment that is finalised in this database, so nothing was "
                     "imported; reopen it with a reason first (sihua-cli assessment reopen ID --reason TEXT), "
                     "then import again"));
      return FALSE;
    }
  g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

void
sihua_exchange_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}
