/* sihua-sync.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-answer.h"
#include "sihua-server-password.h"
#include "sihua-sync-private.h"

/*
 * Syncing a laptop's database with the firm's server. The unit is the
 * answer-history row: a laptop pushes the rows the server lacks and pulls
 * the rows after its cursor (the last server number it applied); the
 * companies, assessments and pinned models they belong to travel with
 * them. Every step is keyed by UUID and idempotent, and every batch is one
 * transaction on each side, so a sync killed anywhere resumes where it
 * stopped and running it again changes nothing.
 *
 * A sync pulls before it pushes: an answer changed here since this laptop
 * last agreed with the server, and on the server too, is a conflict, found
 * with the same rule as a bundle merge (sihua-bundle-ancestry.c) and kept
 * with both values on both laptops until a consultant decides. A push that
 * finds the server changed the same answers since the pull pulls again
 * first (sihua-sync-push.c).
 */

/* How many times a sync pulls again because others pushed in between. */
#define MAX_ROUNDS 20

struct _SihuaSyncClass
{
  GObjectClass parent_class;
};

G_DEFINE_FINAL_TYPE (SihuaSync, sihua_sync, G_TYPE_OBJECT)
G_DEFINE_QUARK (sihua-sync-error-quark, sihua_sync_error)

char *
_sihua_sync_state_get (SihuaStore  *store,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  int rc;

  stmt = sihua_exchange_db_prepare (store->db, "SELECT value FROM sync_state WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sihua_exchange_bind_text (stmt->stmt, 1, key);
  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 0));
  if (rc != SQLITE_DONE)
    sihua_exchange_db_error (store->db, error);

  return NULL;
}

gboolean
_sihua_sync_state_set (SihuaStore  *store,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;

  stmt = sihua_exchange_db_prepare (store->db,
                                    "INSERT INTO sync_state (key, value) VALUES (?1, ?2)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt->stmt, 1, key);
  sihua_exchange_bind_text (stmt->stmt, 2, value);
  if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (store->db, error);

  return TRUE;
}

gint64
_sihua_sync_get_cursor (SihuaStore  *store,
                        GError     **error)
{
  g_autofree char *text = _sihua_sync_state_get (store, "cursor", error);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

gboolean
_sihua_sync_batch_done (SihuaSync  *self,
                        GError    **error)
{
  self->batches++;
  if (self->stop_after > 0 && self->batches >= self->stop_after)
    {
      g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_STOPPED,
                   "Stopped after %u batches (SIHUA_SYNC_STOP_AFTER)", self->batches);
      return FALSE;
    }

  return TRUE;
}

char *
_sihua_sync_record_content (BundleTableId  table_id,
                            JsonObject    *row)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];
  g_autoptr(JsonObject) content = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < table->n_columns; i++)
    {
      JsonNode *member = json_object_get_member (row, table->columns[i].name);

      if (!table->columns[i].compared)
        continue;
      if (member != NULL)
        json_object_set_member (content, table->columns[i].name, json_node_copy (member));
      else
        json_object_set_null_member (content, table->columns[i].name);
    }
  json_node_set_object (node, content);

  return json_to_string (node, FALSE);
}

gboolean
_sihua_sync_row_fits (BundleTableId   table_id,
                      JsonObject     *row,
                      GError        **error)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];

  for (guint i = 0; i < table->n_columns; i++)
    {
      const BundleColumn *column = &table->columns[i];
      JsonNode *node = json_object_get_member (row, column->name);
      gboolean fits;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          fits = !column->required;
        }
      else if (!JSON_NODE_HOLDS_VALUE (node))
        fits = FALSE;
      else
        switch (column->type)
          {
          case BUNDLE_COL_TEXT:
            fits = json_node_get_value_type (node) == G_TYPE_STRING &&
                   (column->allowed == NULL ||
                    g_strv_contains (column->allowed, json_node_get_string (node)));
            if (fits && column->answer)
              {
                g_autoptr(SihuaAnswerValue) value = sihua_answer_value_deserialize (json_node_get_string (node), NULL);

                fits = value != NULL;
              }
            break;
          case BUNDLE_COL_INT:
            fits = json_node_get_value_type (node) == G_TYPE_INT64;
            break;
          case BUNDLE_COL_REAL:
            fits = json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                   json_node_get_value_type (node) == G_TYPE_INT64;
            break;
          default:
            g_assert_not_reached ();
          }

      if (!fits)
        {
          g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                       _("The server sent a row of %s whose “%s” this database cannot take; nothing of its batch was applied"),
                       table->entry, column->name);
          return FALSE;
        }
    }

  return TRUE;
}

JsonObject *
_sihua_sync_parse_object (const char  *text,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                   _("The server sent a row that is not a JSON object; nothing of its batch was applied"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static void
sihua_sync_dispose (GObject *object)
{
  SihuaSync *self = SIHUA_SYNC (object);

  g_clear_object (&self->store);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (sihua_sync_parent_class)->dispose (object);
}

static void
sihua_sync_finalize (GObject *object)
{
  SihuaSync *self = SIHUA_SYNC (object);

  g_clear_pointer (&self->device, g_free);

  G_OBJECT_CLASS (sihua_sync_parent_class)->finalize (object);
}

static void
sihua_sync_class_init (SihuaSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sihua_sync_dispose;
  object_class->finalize = sihua_sync_finalize;
}

static void
sihua_sync_init (SihuaSync *self)
{
  const char *batch = g_getenv ("SIHUA_SYNC_BATCH");
  const char *stop = g_getenv ("SIHUA_SYNC_STOP_AFTER");

  /* Test hooks: small batches give a killed sync many places to stop. */
  self->batch_size = batch != NULL ? CLAMP (g_ascii_strtoull (batch, NULL, 10), 1, 100000)
                                   : SIHUA_SYNC_BATCH;
  self->stop_after = stop != NULL ? g_ascii_strtoull (stop, NULL, 10) : 0;
}

/**
 * sihua_sync_new:
 * @store: the laptop's database, writable
 * @server: the firm's server
 *
 * Returns: (transfer full): a sync between the two
 */
SihuaSync *
sihua_sync_new (SihuaStore  *store,
                SihuaServer *server)
{
  SihuaSync *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);
  g_return_val_if_fail (SIHUA_IS_SERVER (server), NULL);

  self = g_object_new (SIHUA_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->server = g_object_ref (server);

  return self;
}

static gboolean
ensure_device (SihuaSync  *self,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&self->store->mutex);
  self->device = _sihua_sync_state_get (self->store, "device", &local_error);
  if (self->device == NULL && local_error == NULL)
    {
      self->device = g_uuid_string_random ();
      ok = _sihua_sync_state_set (self->store, "device", self->device, &local_error);
    }
  g_mutex_unlock (&self->store->mutex);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return ok;
}

static guint
count_open_conflicts (SihuaStore *store)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  guint n = 0;

  g_mutex_lock (&store->mutex);
  stmt = sihua_exchange_db_prepare (store->db,
                                    "SELECT count (*) FROM sync_conflicts WHERE resolution IS NULL",
                                    NULL);
  if (stmt != NULL && sqlite3_step (stmt->stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt->stmt, 0);
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  g_mutex_unlock (&store->mutex);

  return n;
}

/**
 * sihua_sync_run:
 * @self: a sync
 * @report: (out caller-allocates): what it did
 * @error: return location for an error
 *
 * Pulls what the server holds after this database's cursor, then pushes
 * what the server lacks. Stopped or failed, every batch finished stays
 * done and the next run goes on from there.
 *
 * Returns: %TRUE when both sides hold everything
 */
gboolean
sihua_sync_run (SihuaSync        *self,
                SihuaSyncReport  *report,
                GError          **error)
{
  g_return_val_if_fail (SIHUA_IS_SYNC (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);

  if (!_sihua_store_check_writable (self->store, error) ||
      !sihua_server_check_schema (self->server, error) ||
      !ensure_device (self, error))
    return FALSE;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      gboolean stale = FALSE;

      if (!_sihua_sync_pull (self, report, error))
        return FALSE;
      if (_sihua_sync_push (self, report, &stale, error))
        {
          report->conflicts_open = count_open_conflicts (self->store);
          g_mutex_lock (&self->store->mutex);
          report->cursor = _sihua_sync_get_cursor (self->store, NULL);
          g_mutex_unlock (&self->store->mutex);
          return TRUE;
        }
      if (!stale)
        return FALSE;
    }

  g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_STOPPED,
               _("Others kept changing the same answers on the server during the sync; everything so far is kept, sync again"));
  return FALSE;
}

/**
 * sihua_sync_get_url:
 * @store: a database
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the server URL remembered for @store
 */
char *
sihua_sync_get_url (SihuaStore  *store,
                    GError     **error)
{
  char *url;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  g_mutex_lock (&store->mutex);
  url = _sihua_sync_state_get (store, "url", error);
  g_mutex_unlock (&store->mutex);

  return url;
}

/**
 * sihua_sync_set_url:
 * @store: a writable database
 * @url: the server's URL, remembered without any password in it
 * @error: return location for an error
 *
 * Remembers the server @store syncs with. Another server than before
 * starts from nothing: every row is pushed to it and all of it pulled.
 *
 * Returns: %TRUE on success
 */
gboolean
sihua_sync_set_url (SihuaStore  *store,
                    const char  *url,
                    GError     **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  kept = sihua_server_url_without_password (url);
  if (!_sihua_store_check_writable (store, error))
    return FALSE;

  g_mutex_lock (&store->mutex);
  before = _sihua_sync_state_get (store, "url", &local_error);
  ok = local_error == NULL;
  if (ok && g_strcmp0 (before, kept) != 0)
    {
      ok = _sihua_store_begin (store, &local_error) &&
           _sihua_sync_state_set (store, "url", kept, &local_error);
      if (ok && before != NULL)
        ok = sihua_exchange_db_exec (store->db,
                                     "UPDATE answer_history SET server_seq = NULL;"
                                     "DELETE FROM sync_rows;"
                                     "UPDATE sync_conflicts SET pushed = 0;"
                                     "DELETE FROM sync_state WHERE key = 'cursor';",
                                     &local_error);
      if (ok)
        ok = _sihua_store_commit (store, &local_error);
      else
        _sihua_store_rollback (store);
    }
  g_mutex_unlock (&store->mutex);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}
