/* sihua-exchange-db.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Small helpers for the exports' and bundles' own SQLite connections. */

typedef struct
{
  sqlite3_stmt *stmt;
} SihuaExchangeStmt;

sqlite3           *sihua_exchange_db_open_read  (const char         *path,
                                                 GError            **error);
SihuaExchangeStmt *sihua_exchange_db_prepare    (sqlite3            *db,
                                                 const char         *sql,
                                                 GError            **error);
void               sihua_exchange_stmt_free     (SihuaExchangeStmt  *stmt);
gboolean           sihua_exchange_db_exec       (sqlite3            *db,
                                                 const char         *sql,
                                                 GError            **error);
/* Sets @error from the connection's last error; returns %FALSE. */
gboolean           sihua_exchange_db_error      (sqlite3            *db,
                                                 GError            **error);
void               sihua_exchange_bind_text     (sqlite3_stmt       *stmt,
                                                 int                 index,
                                                 const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaExchangeStmt, sihua_exchange_stmt_free)

G_END_DECLS
