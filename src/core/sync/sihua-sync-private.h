/* sihua-sync-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-bundle-private.h"
#include "sihua-exchange-db.h"
#include "sihua-server-private.h"
#include "sihua-store-private.h"
#include "sihua-sync.h"

G_BEGIN_DECLS

/* How many rows one batch moves; each batch is one transaction on each
 * side, so a sync killed anywhere loses at most the batch under way. */
#define SIHUA_SYNC_BATCH 500

/* Every writer on the server holds this advisory lock until it commits, so
 * server numbers become visible in order (sihua-server-schema.c). */
#define SIHUA_SYNC_WRITE_LOCK "SELECT pg_advisory_xact_lock (7305846271)"

struct _SihuaSync
{
  GObject       parent_instance;

  SihuaStore   *store;
  SihuaServer  *server;
  char         *device;
  guint         batch_size;
  /* Test hook: stop with an error after this many batches (0: never). */
  guint         stop_after;
  guint         batches;
};

/* Local state, called with the store's mutex held. */
char     *_sihua_sync_state_get      (SihuaStore      *store,
                                      const char      *key,
                                      GError         **error);
gboolean  _sihua_sync_state_set      (SihuaStore      *store,
                                      const char      *key,
                                      const char      *value,
                                      GError         **error);
gint64    _sihua_sync_get_cursor     (SihuaStore      *store,
                                      GError         **error);
/* Counts a batch; FALSE with an error once the test hook says stop. */
gboolean  _sihua_sync_batch_done     (SihuaSync       *self,
                                      GError         **error);

/* What of a company or assessment a person edits (the bundle's compared
 * columns), as canonical JSON: equal texts, equal records. */
char     *_sihua_sync_record_content (BundleTableId    table_id,
                                      JsonObject      *row);
/* Whether @row has the members and types @table_id needs. */
gboolean  _sihua_sync_row_fits       (BundleTableId    table_id,
                                      JsonObject      *row,
                                      GError         **error);
JsonObject *_sihua_sync_parse_object (const char      *text,
                                      GError         **error);

/* sihua-sync-push.c: sends what the server lacks. %FALSE with *stale set
 * when the server took changes to the same answers since the last pull:
 * pull again first. */
gboolean  _sihua_sync_push           (SihuaSync       *self,
                                      SihuaSyncReport *report,
                                      gboolean        *stale,
                                      GError         **error);
/* sihua-sync-pull.c: applies the server's rows after the cursor. */
gboolean  _sihua_sync_pull           (SihuaSync       *self,
                                      SihuaSyncReport *report,
                                      GError         **error);

G_END_DECLS
