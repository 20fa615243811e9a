/* sihua-sync-push.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-sync-private.h"

/*
 * Pushing: the companies and assessments changed here since they last went
 * to or came from the server (with their pinned models), then the history
 * rows the server lacks, then the conflicts found here and the decisions
 * taken. Rows go as one JSON array per statement, inserted with ON
 * CONFLICT DO NOTHING, so a batch sent twice is stored once. A company or
 * assessment is replaced on the server only by a newer edit of it.
 *
 * Under the write lock a batch of history first checks that nobody else
 * pushed a change to the same answers since this laptop's last pull;
 * otherwise it pulls again first, so a change made on both sides is always
 * seen as a conflict by the laptop that pushes second.
 */

static char *
array_text (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

static gboolean
server_exec_json (SihuaServer  *server,
                  const char   *sql,
                  const char   *json,
                  GError      **error)
{
  const char *params[] = { json };
  g_autoptr(PGresult) result = _sihua_server_exec_params (server, sql, 1, params, error);

  return result != NULL;
}

typedef struct
{
  JsonArray  *companies;
  JsonArray  *assessments;
  JsonArray  *models;      /* [model_id, version, uuid, json] arrays */
  GHashTable *contents;    /* uuid → content, as sent */
} Records;

static void
records_clear (Records *records)
{
  g_clear_pointer (&records->companies, json_array_unref);
  g_clear_pointer (&records->assessments, json_array_unref);
  g_clear_pointer (&records->models, json_array_unref);
  g_clear_pointer (&records->contents, g_hash_table_unref);
}

static gboolean
read_changed (SihuaStore     *store,
              BundleTableId   table_id,
              GHashTable     *markers,
              JsonArray      *out,
              GHashTable     *contents,
              GError        **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  int rc;

  stmt = sihua_exchange_db_prepare (store->db, sihua_bundle_tables[table_id].select_sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      JsonObject *row = _sihua_bundle_row_to_object (stmt->stmt, &sihua_bundle_tables[table_id]);
      const char *uuid = json_object_get_string_member (row, "uuid");
      char *content = _sihua_sync_record_content (table_id, row);

      if (g_strcmp0 (g_hash_table_lookup (markers, uuid), content) == 0)
        {
          g_free (content);
          json_object_unref (row);
          continue;
        }
      g_hash_table_insert (contents, g_strdup (uuid), content);
      json_array_add_object_element (out, row);
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (store->db, error);

  return TRUE;
}

static gboolean
read_models (SihuaStore  *store,
             Records     *records,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SihuaExchangeStmt) stmt = NULL;

  stmt = sihua_exchange_db_prepare (store->db,
                                    "SELECT uuid, json FROM models WHERE model_id = ?1 AND model_version = ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (records->assessments); i++)
    {
      JsonObject *row = json_array_get_object_element (records->assessments, i);
      const char *id = json_object_get_string_member (row, "model_id");
      const char *version = json_object_get_string_member (row, "model_version");
      char *key = g_strdup_printf ("%s\n%s", id, version);
      JsonArray *model;

      if (!g_hash_table_add (seen, key))
        continue;
      sqlite3_reset (stmt->stmt);
      sihua_exchange_bind_text (stmt->stmt, 1, id);
      sihua_exchange_bind_text (stmt->stmt, 2, version);
      if (sqlite3_step (stmt->stmt) != SQLITE_ROW)
        return sihua_exchange_db_error (store->db, error);

      model = json_array_new ();
      json_array_add_string_element (model, id);
      json_array_add_string_element (model, version);
      json_array_add_string_element (model, (const char *) sqlite3_column_text (stmt->stmt, 0));
      /* Models are JSON text kept as a blob. */
      {
        g_autofree char *text = g_strndup (sqlite3_column_blob (stmt->stmt, 1),
                                           sqlite3_column_bytes (stmt->stmt, 1));
        json_array_add_string_element (model, text);
      }
      json_array_add_array_element (records->models, model);
    }

  return TRUE;
}

static gboolean
read_records (SihuaSync  *self,
              Records    *records,
              GError    **error)
{
  g_autoptr(GHashTable) markers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  SihuaStore *store = self->store;
  gboolean ok;
  int rc;

  records->companies = json_array_new ();
  records->assessments = json_array_new ();
  records->models = json_array_new ();
  records->contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_mutex_lock (&store->mutex);
  stmt = sihua_exchange_db_prepare (store->db, "SELECT uuid, content FROM sync_rows", error);
  ok = stmt != NULL;
  while (ok && (rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    g_hash_table_insert (markers, g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 1)));
  if (ok && rc != SQLITE_DONE)
    ok = sihua_exchange_db_error (store->db, error);
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);

  ok = ok &&
       read_changed (store, BUNDLE_TABLE_COMPANIES, markers, records->companies, records->contents, error) &&
       read_changed (store, BUNDLE_TABLE_ASSESSMENTS, markers, records->assessments, records->contents, error) &&
       read_models (store, records, error);
  g_mutex_unlock (&store->mutex);

  return ok;
}

static gboolean
send_records (SihuaSync  *self,
              Records    *records,
              GError    **error)
{
  SihuaServer *server = self->server;
  g_autofree char *companies = array_text (records->companies);
  g_autofree char *assessments = array_text (records->assessments);

  if (!_sihua_server_exec (server, "BEGIN; " SIHUA_SYNC_WRITE_LOCK, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (records->models); i++)
    {
      JsonArray *model = json_array_get_array_element (records->models, i);
      const char *params[] = {
        json_array_get_string_element (model, 0),
        json_array_get_string_element (model, 1),
        json_array_get_string_element (model, 2),
        json_array_get_string_element (model, 3),
      };
      g_autoptr(PGresult) result = NULL;

      result = _sihua_server_exec_params (server,
                                          "INSERT INTO sihua.models (model_id, model_version, uuid, json)"
                                          " VALUES ($1, $2, $3::uuid, convert_to ($4, 'UTF8'))"
                                          " ON CONFLICT DO NOTHING",
                                          4, params, error);
      if (result == NULL)
        goto failed;
    }

  if (!server_exec_json (server,
                         "INSERT INTO sihua.companies (uuid, data)"
                         " SELECT (r->>'uuid')::uuid, r FROM jsonb_array_elements ($1::jsonb) r"
                         " ON CONFLICT (uuid) DO UPDATE SET data = EXCLUDED.data,"
                         "   seq = nextval ('sihua.change_seq')"
                         " WHERE (sihua.companies.data->>'updated_at')::bigint"
                         "     < (EXCLUDED.data->>'updated_at')::bigint",
                         companies, error) ||
      !server_exec_json (server,
                         "INSERT INTO sihua.assessments (uuid, company_uuid, model_id, model_version, data)"
                         " SELECT (r->>'uuid')::uuid, (r->>'company_uuid')::uuid, r->>'model_id',"
                         "   r->>'model_version', r FROM jsonb_array_elements ($1::jsonb) r"
                         " ON CONFLICT (uuid) DO UPDATE SET data = EXCLUDED.data,"
                         "   seq = nextval ('sihua.change_seq')"
                         " WHERE (sihua.assessments.data->>'updated_at')::bigint"
                         "     < (EXCLUDED.data->>'updated_at')::bigint",
                         assessments, error) ||
      !_sihua_server_exec (server, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  _sihua_server_exec (server, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
mark_records (SihuaSync  *self,
              Records    *records,
              GError    **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  SihuaStore *store = self->store;
  GHashTableIter iter;
  gpointer uuid, content;
  gboolean ok;

  g_mutex_lock (&store->mutex);
  ok = _sihua_store_begin (store, error);
  if (ok)
    {
      stmt = sihua_exchange_db_prepare (store->db,
                                        "INSERT INTO sync_rows (uuid, content) VALUES (?1, ?2)"
                                        " ON CONFLICT (uuid) DO UPDATE SET content = excluded.content",
                                        error);
      ok = stmt != NULL;
    }
  g_hash_table_iter_init (&iter, records->contents);
  while (ok && g_hash_table_iter_next (&iter, &uuid, &content))
    {
      sqlite3_reset (stmt->stmt);
      sihua_exchange_bind_text (stmt->stmt, 1, uuid);
      sihua_exchange_bind_text (stmt->stmt, 2, content);
      if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
        ok = sihua_exchange_db_error (store->db, error);
    }
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  if (ok)
    ok = _sihua_store_commit (store, error);
  else
    _sihua_store_rollback (store);
  g_mutex_unlock (&store->mutex);

  return ok;
}

static gboolean
push_records (SihuaSync        *self,
              SihuaSyncReport  *report,
              GError          **error)
{
  Records records = { NULL, };
  gboolean ok;

  ok = read_records (self, &records, error);
  if (ok && g_hash_table_size (records.contents) > 0)
    {
      ok = send_records (self, &records, error) &&
           mark_records (self, &records, error) &&
           _sihua_sync_batch_done (self, error);
      if (ok)
        report->records_pushed += g_hash_table_size (records.contents);
    }
  records_clear (&records);

  return ok;
}

/* Up to a batch of the history rows the server lacks, oldest first. */
static JsonArray *
read_unpushed (SihuaSync  *self,
               GError    **error)
{
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_HISTORY];
  g_autofree char *sql = g_strdup_printf ("%s WHERE h.server_seq IS NULL ORDER BY h.id LIMIT ?1",
                                          table->select_sql);
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonArray) rows = json_array_new ();
  SihuaStore *store = self->store;
  int rc = SQLITE_DONE;

  g_mutex_lock (&store->mutex);
  stmt = sihua_exchange_db_prepare (store->db, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt->stmt, 1, self->batch_size);
      while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
        json_array_add_object_element (rows, _sihua_bundle_row_to_object (stmt->stmt, table));
      if (rc != SQLITE_DONE)
        sihua_exchange_db_error (store->db, error);
    }
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  g_mutex_unlock (&store->mutex);

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&rows);
}

/* Sends @rows; on return @numbers maps each row's UUID to its server number. */
static gboolean
send_history (SihuaSync  *self,
              const char *json,
              gint64      cursor,
              GHashTable *numbers,
              guint      *n_new,
              gboolean   *stale,
              GError    **error)
{
  SihuaServer *server = self->server;
  g_autofree char *cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  const char *check_params[] = { json, cursor_text, self->device };
  const char *params[] = { json, self->device };
  g_autoptr(PGresult) check = NULL;
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) seqs = NULL;

  if (!_sihua_server_exec (server, "BEGIN; " SIHUA_SYNC_WRITE_LOCK, error))
    return FALSE;

  check = _sihua_server_exec_params (server,
                                     "SELECT 1 FROM sihua.answer_history h"
                                     " JOIN jsonb_array_elements ($1::jsonb) r"
                                     "   ON h.assessment_uuid = (r->>'assessment_uuid')::uuid"
                                     "  AND h.question_id = r->>'question_id'"
                                     " WHERE h.seq > $2::bigint AND h.device IS DISTINCT FROM $3"
                                     " LIMIT 1",
                                     3, check_params, error);
  if (check == NULL)
    goto failed;
  if (PQntuples (check) > 0)
    {
      *stale = TRUE;
      _sihua_server_exec (server, "ROLLBACK", NULL);
      return FALSE;
    }

  inserted = _sihua_server_exec_params (server,
                                        "INSERT INTO sihua.answer_history"
                                        " (uuid, assessment_uuid, question_id, data, device)"
                                        " SELECT (r->>'uuid')::uuid, (r->>'assessment_uuid')::uuid,"
                                        "   r->>'question_id', r, $2"
                                        " FROM jsonb_array_elements ($1::jsonb) WITH ORDINALITY AS e (r, n)"
                                        " ORDER BY n"
                                        " ON CONFLICT (uuid) DO NOTHING",
                                        2, params, error);
  if (inserted == NULL)
    goto failed;
  seqs = _sihua_server_exec_params (server,
                                    "SELECT h.uuid, h.seq FROM sihua.answer_history h"
                                    " WHERE h.uuid IN (SELECT (r->>'uuid')::uuid"
                                    "                  FROM jsonb_array_elements ($1::jsonb) r)",
                                    1, params, error);
  if (seqs == NULL || !_sihua_server_exec (server, "COMMIT", error))
    goto failed;

  *n_new = atoi (PQcmdTuples (inserted));
  for (int i = 0; i < PQntuples (seqs); i++)
    g_hash_table_insert (numbers, g_strdup (PQgetvalue (seqs, i, 0)),
                         g_strdup (PQgetvalue (seqs, i, 1)));

  return TRUE;

failed:
  _sihua_server_exec (server, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
mark_history (SihuaSync   *self,
              JsonArray   *rows,
              GHashTable  *numbers,
              GError     **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  SihuaStore *store = self->store;
  gboolean ok;

  g_mutex_lock (&store->mutex);
  ok = _sihua_store_begin (store, error);
  if (ok)
    {
      stmt = sihua_exchange_db_prepare (store->db,
                                        "UPDATE answer_history SET server_seq = ?2 WHERE uuid = ?1",
                                        error);
      ok = stmt != NULL;
    }
  for (guint i = 0; ok && i < json_array_get_length (rows); i++)
    {
      const char *uuid = json_object_get_string_member (json_array_get_object_element (rows, i), "uuid");
      g_autofree char *lower = g_ascii_strdown (uuid, -1);
      const char *seq = g_hash_table_lookup (numbers, lower);

      if (seq == NULL)
        {
          g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                       _("The server did not keep the answer change %s; check that this login may write its company"),
                       uuid);
          ok = FALSE;
          break;
        }
      sqlite3_reset (stmt->stmt);
      sihua_exchange_bind_text (stmt->stmt, 1, uuid);
      sqlite3_bind_int64 (stmt->stmt, 2, g_ascii_strtoll (seq, NULL, 10));
      if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
        ok = sihua_exchange_db_error (store->db, error);
    }
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  if (ok)
    ok = _sihua_store_commit (store, error);
  else
    _sihua_store_rollback (store);
  g_mutex_unlock (&store->mutex);

  return ok;
}

/* An answer with no history at all (written by a tool straight into the
 * file) would never travel: it gets the row a change would have made. */
static gboolean
adopt_answers_without_history (SihuaStore  *store,
                               GError     **error)
{
  gboolean ok;

  g_mutex_lock (&store->mutex);
  ok = sihua_exchange_db_exec (store->db,
                               "INSERT INTO answer_history (uuid, assessment_id, question_id,"
                               " new_value, new_note, new_evidence, author, changed_at)"
                               " SELECT printf ('%s-%s-4%s-%s%s-%s', lower (hex (randomblob (4))),"
                               "   lower (hex (randomblob (2))), substr (lower (hex (randomblob (2))), 2),"
                               "   substr ('89ab', 1 + abs (random ()) % 4, 1),"
                               "   substr (lower (hex (randomblob (2))), 2), lower (hex (randomblob (6)))),"
                               "   r.assessment_id, r.question_id, r.value, r.note, r.evidence, r.author,"
                               "   r.updated_at"
                               " FROM answers r WHERE NOT EXISTS (SELECT 1 FROM answer_history h"
                               "   WHERE h.assessment_id = r.assessment_id AND h.question_id = r.question_id)",
                               error);
  g_mutex_unlock (&store->mutex);

  return ok;
}

static gboolean
push_history (SihuaSync        *self,
              SihuaSyncReport  *report,
              gboolean         *stale,
              GError          **error)
{
  gint64 cursor;

  if (!adopt_answers_without_history (self->store, error))
    return FALSE;

  g_mutex_lock (&self->store->mutex);
  cursor = _sihua_sync_get_cursor (self->store, NULL);
  g_mutex_unlock (&self->store->mutex);

  for (;;)
    {
      g_autoptr(JsonArray) rows = read_unpushed (self, error);
      g_autoptr(GHashTable) numbers = NULL;
      g_autofree char *json = NULL;
      guint n_new = 0;

      if (rows == NULL)
        return FALSE;
      if (json_array_get_length (rows) == 0)
        return TRUE;

      json = array_text (rows);
      numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (!send_history (self, json, cursor, numbers, &n_new, stale, error) ||
          !mark_history (self, rows, numbers, error))
        return FALSE;
      report->rows_pushed += n_new;
      if (!_sihua_sync_batch_done (self, error))
        return FALSE;
    }
}

static gboolean
push_conflicts (SihuaSync  *self,
                GError    **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  SihuaStore *store = self->store;
  int rc = SQLITE_DONE;

  g_mutex_lock (&store->mutex);
  stmt = sihua_exchange_db_prepare (store->db,
                                    "SELECT uuid, assessment_uuid, question_id, data, resolution"
                                    " FROM sync_conflicts WHERE pushed = 0",
                                    &local_error);
  while (stmt != NULL && (rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      JsonObject *row = json_object_new ();
      g_autoptr(JsonObject) data = _sihua_sync_parse_object ((const char *) sqlite3_column_text (stmt->stmt, 3), NULL);

      json_object_set_string_member (row, "uuid", (const char *) sqlite3_column_text (stmt->stmt, 0));
      json_object_set_string_member (row, "assessment_uuid", (const char *) sqlite3_column_text (stmt->stmt, 1));
      json_object_set_string_member (row, "question_id", (const char *) sqlite3_column_text (stmt->stmt, 2));
      if (data != NULL)
        json_object_set_object_member (row, "data", json_object_ref (data));
      if (sqlite3_column_type (stmt->stmt, 4) != SQLITE_NULL)
        json_object_set_string_member (row, "resolution", (const char *) sqlite3_column_text (stmt->stmt, 4));
      json_array_add_object_element (rows, row);
    }
  if (stmt != NULL && rc != SQLITE_DONE)
    sihua_exchange_db_error (store->db, &local_error);
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  g_mutex_unlock (&store->mutex);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (json_array_get_length (rows) == 0)
    return TRUE;

  json = array_text (rows);
  if (!_sihua_server_exec (self->server, "BEGIN; " SIHUA_SYNC_WRITE_LOCK, error) ||
      !server_exec_json (self->server,
                         "INSERT INTO sihua.conflicts (uuid, assessment_uuid, question_id, data, resolution)"
                         " SELECT (r->>'uuid')::uuid, (r->>'assessment_uuid')::uuid, r->>'question_id',"
                         "   coalesce (r->'data', '{}'), (r->>'resolution')::uuid"
                         " FROM jsonb_array_elements ($1::jsonb) r"
                         " ON CONFLICT (uuid) DO UPDATE SET resolution = EXCLUDED.resolution,"
                         "   seq = nextval ('sihua.change_seq')"
                         " WHERE sihua.conflicts.resolution IS NULL AND EXCLUDED.resolution IS NOT NULL",
                         json, error) ||
      !_sihua_server_exec (self->server, "COMMIT", error))
    {
      _sihua_server_exec (self->server, "ROLLBACK", NULL);
      return FALSE;
    }

  /* Only what was sent: a decision taken meanwhile goes next time. */
  g_mutex_lock (&store->mutex);
  stmt = sihua_exchange_db_prepare (store->db,
                                    "UPDATE sync_conflicts SET pushed = 1 WHERE uuid = ?1 AND resolution IS ?2",
                                    &local_error);
  for (guint i = 0; stmt != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      sqlite3_reset (stmt->stmt);
      sihua_exchange_bind_text (stmt->stmt, 1, json_object_get_string_member (row, "uuid"));
      sihua_exchange_bind_text (stmt->stmt, 2, json_object_get_string_member_with_default (row, "resolution", NULL));
      if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
        {
          sihua_exchange_db_error (store->db, &local_error);
          break;
        }
    }
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);
  g_mutex_unlock (&store->mutex);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_sihua_sync_push (SihuaSync        *self,
                  SihuaSyncReport  *report,
                  gboolean         *stale,
                  GError          **error)
{
  *stale = FALSE;

  return push_records (self, report, error) &&
         push_history (self, report, stale, error) &&
         push_conflicts (self, error);
}
