/* sihua-sync-pull.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-sync-private.h"

/*
 * Pulling: the server's rows after the cursor, in the server's order, a
 * batch at a time; each batch and the cursor after it are one SQLite
 * transaction. A company or assessment is added, or updated when it was
 * not changed here since it last went to or came from the server (or the
 * server's edit is newer). History rows are added; a row already here only
 * learns its server number (a push whose answer was lost, or a restored
 * backup).
 *
 * Then each answer with new rows is decided with the bundle's rule
 * (_sihua_bundle_changed_side): "mine" is the answer and history here,
 * "theirs" the history the server holds (the rows here it has, and the new
 * ones, in server order) and its latest state. Both histories share every
 * row up to the last one this laptop agreed on, so only rows not yet
 * pushed count as a change here, only new server rows as a change there:
 * a change on one side is taken or kept, a change on both is a conflict
 * kept with both values. Nothing is deleted; a restore followed by a pull
 * brings back every row the restored file lacks.
 */

typedef struct
{
  SihuaSync        *self;
  sqlite3          *db;
  SihuaSyncReport  *report;
  GHashTable       *groups;   /* "assessment\nquestion" → GPtrArray of new rows */
  GPtrArray        *order;    /* the keys of @groups, first seen first */
  GHashTable       *rescore;  /* assessment uuids whose answers changed */
  char             *history_sql;
  GHashTable       *stmts;    /* SQL → sqlite3_stmt, reused for every row */
} Pull;

/* The prepared statement for @sql, reset and ready to bind: a pull runs the
 * same few statements for every row. */
static sqlite3_stmt *
pull_stmt (Pull        *pull,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (pull->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v2 (pull->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sihua_exchange_db_error (pull->db, error);
      return NULL;
    }
  g_hash_table_insert (pull->stmts, g_strdup (sql), stmt);

  return stmt;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
reset_stmts (Pull *pull)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, pull->stmts);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

static gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  return sqlite3_step (stmt) == SQLITE_DONE || sihua_exchange_db_error (db, error);
}

static JsonObject *
lookup_local (Pull               *pull,
              BundleTableId       table_id,
              const char         *uuid,
              GError            **error)
{
  return _sihua_bundle_lookup_row (pull->db, &sihua_bundle_tables[table_id], uuid, error);
}

/* json-glib has no nullable string setter before 1.8. */
static void
set_text (JsonObject *object,
          const char *name,
          const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

static JsonObject *
fetch_server_row (Pull        *pull,
                  const char  *sql,
                  const char  *uuid,
                  GError     **error)
{
  const char *params[] = { uuid };
  g_autoptr(PGresult) result = _sihua_server_exec_params (pull->self->server, sql, 1, params, error);

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                   _("The server holds changes to %s, but this login cannot read it; ask the firm's lead to check the team"),
                   uuid);
      return NULL;
    }

  return _sihua_sync_parse_object (PQgetvalue (result, 0, 0), error);
}

static gboolean apply_record (Pull *pull, BundleTableId table_id, JsonObject *theirs, GError **error);

static gboolean
ensure_model (Pull        *pull,
              JsonObject  *assessment,
              GError     **error)
{
  const char *id = json_object_get_string_member (assessment, "model_id");
  const char *version = json_object_get_string_member (assessment, "model_version");
  const char *params[] = { id, version };
  sqlite3_stmt *stmt = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean here;

  stmt = pull_stmt (pull,
                                    "SELECT 1 FROM models WHERE model_id = ?1 AND model_version = ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, id);
  sihua_exchange_bind_text (stmt, 2, version);
  here = sqlite3_step (stmt) == SQLITE_ROW;
  if (here)
    return TRUE;

  result = _sihua_server_exec_params (pull->self->server,
                                      "SELECT uuid, convert_from (json, 'UTF8') FROM sihua.models"
                                      " WHERE model_id = $1 AND model_version = $2",
                                      2, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                   _("The server lacks the model %s %s its assessments use"), id, version);
      return FALSE;
    }

  /* A model from the server is checked like one from a bundle. */
  bytes = g_bytes_new (PQgetvalue (result, 0, 1), strlen (PQgetvalue (result, 0, 1)));
  model = sihua_model_new_from_bytes (bytes, "server", error);
  if (model == NULL)
    return FALSE;

  stmt = pull_stmt (pull,
                                    "INSERT INTO models (uuid, model_id, model_version, json, stored_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, PQgetvalue (result, 0, 0));
  sihua_exchange_bind_text (stmt, 2, id);
  sihua_exchange_bind_text (stmt, 3, version);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return step_done (pull->db, stmt, error);
}

static gboolean
record_here (Pull          *pull,
             BundleTableId  table_id,
             const char    *uuid,
             gboolean      *here,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) row = lookup_local (pull, table_id, uuid, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *here = row != NULL;

  return TRUE;
}

/* The company or assessment @uuid, fetched when a newer row of it (later
 * in the server's order) is what refers to it. */
static gboolean
ensure_record (Pull          *pull,
               BundleTableId  table_id,
               const char    *uuid,
               GError       **error)
{
  g_autoptr(JsonObject) row = NULL;
  gboolean here;

  if (!record_here (pull, table_id, uuid, &here, error))
    return FALSE;
  if (here)
    return TRUE;

  row = fetch_server_row (pull,
                          table_id == BUNDLE_TABLE_COMPANIES
                            ? "SELECT data FROM sihua.companies WHERE uuid = $1::uuid"
                            : "SELECT data FROM sihua.assessments WHERE uuid = $1::uuid",
                          uuid, error);

  return row != NULL && apply_record (pull, table_id, row, error);
}

static gboolean
set_marker (Pull        *pull,
            const char  *uuid,
            const char  *content,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  stmt = pull_stmt (pull,
                                    "INSERT INTO sync_rows (uuid, content) VALUES (?1, ?2)"
                                    " ON CONFLICT (uuid) DO UPDATE SET content = excluded.content",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, uuid);
  sihua_exchange_bind_text (stmt, 2, content);

  return step_done (pull->db, stmt, error);
}

static char *
marker_of (Pull        *pull,
           const char  *uuid)
{
  sqlite3_stmt *stmt = NULL;

  stmt = pull_stmt (pull, "SELECT content FROM sync_rows WHERE uuid = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sihua_exchange_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* A company whose credit code a company here under another UUID holds is
 * added without it, as a bundle's "keep both" does: the code stays unique. */
static gboolean
uscc_taken (Pull        *pull,
            JsonObject  *company)
{
  const char *uscc = json_object_get_string_member_with_default (company, "uscc", NULL);
  sqlite3_stmt *stmt = NULL;

  if (uscc == NULL)
    return FALSE;
  stmt = pull_stmt (pull, "SELECT 1 FROM companies WHERE uscc = ?1 AND uuid <> ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, uscc);
  sihua_exchange_bind_text (stmt, 2, json_object_get_string_member (company, "uuid"));

  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
write_record (Pull          *pull,
              BundleTableId  table_id,
              JsonObject    *theirs,
              gboolean       insert,
              GError       **error)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];
  sqlite3_stmt *stmt = NULL;
  const char *sql;

  if (insert)
    sql = table->insert_sql;
  else if (table_id == BUNDLE_TABLE_COMPANIES)
    sql = "UPDATE companies SET name = ?2, uscc = ?3, industry = ?4, size = ?5, employees = ?6,"
          " region = ?7, address = ?8, contact = ?9, notes = ?10, updated_at = ?12,"
          " search_key = ?13 WHERE uuid = ?1";
  else
    /* The result columns stay: this laptop scores its own answers. */
    sql = "UPDATE assessments SET date = ?5, consultant = ?6, status = ?7, respondents = ?8,"
          " target_level = ?9, notes = ?10, updated_at = ?15 WHERE uuid = ?1";

  stmt = pull_stmt (pull, sql, error);
  if (stmt == NULL)
    return FALSE;
  _sihua_bundle_bind_row (stmt, table, theirs);
  if (table_id == BUNDLE_TABLE_COMPANIES)
    {
      g_autofree char *key = _sihua_bundle_search_key (theirs);

      sqlite3_bind_text (stmt, 13, key, -1, SQLITE_TRANSIENT);
      if (uscc_taken (pull, theirs))
        sqlite3_bind_null (stmt, 3);
    }

  return step_done (pull->db, stmt, error);
}

static gboolean
apply_record (Pull           *pull,
              BundleTableId   table_id,
              JsonObject     *theirs,
              GError        **error)
{
  const char *uuid = json_object_get_string_member (theirs, "uuid");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autofree char *their_content = NULL;
  g_autofree char *my_content = NULL;
  g_autofree char *marker = NULL;

  if (!_sihua_sync_row_fits (table_id, theirs, error))
    return FALSE;
  if (table_id == BUNDLE_TABLE_ASSESSMENTS &&
      (!ensure_record (pull, BUNDLE_TABLE_COMPANIES, json_object_get_string_member (theirs, "company_uuid"), error) ||
       !ensure_model (pull, theirs, error)))
    return FALSE;

  mine = lookup_local (pull, table_id, uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  their_content = _sihua_sync_record_content (table_id, theirs);

  if (mine == NULL)
    {
      pull->report->records_pulled++;
      return write_record (pull, table_id, theirs, TRUE, error) &&
             set_marker (pull, uuid, their_content, error);
    }

  my_content = _sihua_sync_record_content (table_id, mine);
  marker = marker_of (pull, uuid);
  if (strcmp (my_content, their_content) == 0)
    return set_marker (pull, uuid, their_content, error);

  /* Changed here since the last exchange and newer than theirs: mine
   * stays, and the push takes it to the server. */
  if (g_strcmp0 (marker, my_content) != 0 &&
      json_object_get_int_member (mine, "updated_at") >= json_object_get_int_member (theirs, "updated_at"))
    return TRUE;

  pull->report->records_pulled++;
  return write_record (pull, table_id, theirs, FALSE, error) &&
         set_marker (pull, uuid, their_content, error);
}

/* A history row: added to its answer's group, or, already here, given its
 * server number. */
static gboolean
take_history_row (Pull        *pull,
                  JsonObject  *row,
                  gint64       seq,
                  GError     **error)
{
  const char *uuid = json_object_get_string_member (row, "uuid");
  sqlite3_stmt *stmt = NULL;
  g_autofree char *key = NULL;
  GPtrArray *group;
  gboolean here;

  if (!_sihua_sync_row_fits (BUNDLE_TABLE_HISTORY, row, error))
    return FALSE;

  stmt = pull_stmt (pull,
                                    "UPDATE answer_history SET server_seq = ?2 WHERE uuid = ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, seq);
  if (!step_done (pull->db, stmt, error))
    return FALSE;
  here = sqlite3_changes (pull->db) > 0;
  if (here)
    return TRUE;

  if (!ensure_record (pull, BUNDLE_TABLE_ASSESSMENTS, json_object_get_string_member (row, "assessment_uuid"), error))
    return FALSE;

  json_object_set_int_member (row, "server_seq", seq);
  key = g_strdup_printf ("%s\n%s", json_object_get_string_member (row, "assessment_uuid"),
                         json_object_get_string_member (row, "question_id"));
  group = g_hash_table_lookup (pull->groups, key);
  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      g_hash_table_insert (pull->groups, g_strdup (key), group);
      g_ptr_array_add (pull->order, g_steal_pointer (&key));
    }
  g_ptr_array_add (group, json_object_ref (row));

  return TRUE;
}

static gboolean
take_conflict (Pull        *pull,
               JsonObject  *row,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *data = NULL;
  const char *assessment_uuid = json_object_get_string_member_with_default (row, "assessment_uuid", NULL);
  const char *question_id = json_object_get_string_member_with_default (row, "question_id", NULL);
  const char *uuid = json_object_get_string_member_with_default (row, "uuid", NULL);

  if (assessment_uuid == NULL || question_id == NULL || uuid == NULL)
    {
      g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_INVALID,
                   _("The server sent a conflict without its answer; nothing of its batch was applied"));
      return FALSE;
    }
  if (!ensure_record (pull, BUNDLE_TABLE_ASSESSMENTS, assessment_uuid, error))
    return FALSE;

  json_node_set_object (node, row);
  data = json_to_string (node, FALSE);
  stmt = pull_stmt (pull,
                                    "INSERT INTO sync_conflicts (uuid, assessment_uuid, question_id, data,"
                                    " detected_at, resolution, pushed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)"
                                    " ON CONFLICT (uuid) DO UPDATE SET"
                                    " resolution = coalesce (resolution, excluded.resolution)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, uuid);
  sihua_exchange_bind_text (stmt, 2, assessment_uuid);
  sihua_exchange_bind_text (stmt, 3, question_id);
  sihua_exchange_bind_text (stmt, 4, data);
  sqlite3_bind_int64 (stmt, 5, json_object_get_int_member_with_default (row, "detected_at", 0));
  sihua_exchange_bind_text (stmt, 6, json_object_get_string_member_with_default (row, "resolution", NULL));

  return step_done (pull->db, stmt, error);
}

/* The history here of one answer: the rows the server has, in its order,
 * then those it has not, in the order they were made. */
static GPtrArray *
local_history (Pull        *pull,
               const char  *assessment_uuid,
               const char  *question_id,
               GError     **error)
{
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_HISTORY];
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  int rc;

  stmt = pull_stmt (pull, pull->history_sql, error);
  if (stmt == NULL)
    return NULL;
  sihua_exchange_bind_text (stmt, 1, assessment_uuid);
  sihua_exchange_bind_text (stmt, 2, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *row = _sihua_bundle_row_to_object (stmt, table);

      if (sqlite3_column_type (stmt, table->n_columns) != SQLITE_NULL)
        json_object_set_int_member (row, "server_seq", sqlite3_column_int64 (stmt, table->n_columns));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      sihua_exchange_db_error (pull->db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static int
compare_seq (gconstpointer a,
             gconstpointer b)
{
  gint64 x = json_object_get_int_member (*(JsonObject **) a, "server_seq");
  gint64 y = json_object_get_int_member (*(JsonObject **) b, "server_seq");

  return x < y ? -1 : x > y;
}

/* An answer in the form the ancestry rule reads, from a history row's new
 * state; NULL when the row cleared it. */
static JsonObject *
state_of (JsonObject *row)
{
  JsonObject *state;

  if (json_object_get_string_member_with_default (row, "new_value", NULL) == NULL)
    return NULL;

  state = json_object_new ();
  set_text (state, "value", json_object_get_string_member (row, "new_value"));
  set_text (state, "note", json_object_get_string_member_with_default (row, "new_note", NULL));
  set_text (state, "evidence", json_object_get_string_member_with_default (row, "new_evidence", NULL));
  set_text (state, "author", json_object_get_string_member_with_default (row, "author", NULL));
  json_object_set_int_member (state, "updated_at", json_object_get_int_member (row, "changed_at"));

  return state;
}

static gboolean
insert_history (Pull        *pull,
                JsonObject  *row,
                GError     **error)
{
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *number = NULL;
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_HISTORY];

  insert = pull_stmt (pull, table->insert_sql, error);
  if (insert == NULL)
    return FALSE;
  _sihua_bundle_bind_row (insert, table, row);
  if (!step_done (pull->db, insert, error))
    return FALSE;

  number = pull_stmt (pull,
                                      "UPDATE answer_history SET server_seq = ?2 WHERE uuid = ?1",
                                      error);
  if (number == NULL)
    return FALSE;
  sihua_exchange_bind_text (number, 1, json_object_get_string_member (row, "uuid"));
  sqlite3_bind_int64 (number, 2, json_object_get_int_member (row, "server_seq"));

  pull->report->rows_pulled++;
  return step_done (pull->db, number, error);
}

static gboolean
take_state (Pull        *pull,
            const char  *assessment_uuid,
            const char  *question_id,
            JsonObject  *state,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (state == NULL)
    {
      stmt = pull_stmt (pull,
                                        "DELETE FROM answers WHERE question_id = ?2 AND assessment_id ="
                                        " (SELECT id FROM assessments WHERE uuid = ?1)",
                                        error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = pull_stmt (pull,
                                        "INSERT INTO answers (uuid, assessment_id, question_id, value, note,"
                                        " evidence, author, updated_at)"
                                        " VALUES (?3, (SELECT id FROM assessments WHERE uuid = ?1), ?2,"
                                        " ?4, ?5, ?6, ?7, ?8)"
                                        " ON CONFLICT (assessment_id, question_id) DO UPDATE SET"
                                        " value = excluded.value, note = excluded.note,"
                                        " evidence = excluded.evidence, author = excluded.author,"
                                        " updated_at = excluded.updated_at",
                                        error);
      if (stmt == NULL)
        return FALSE;
      sihua_exchange_bind_text (stmt, 3, uuid);
      sihua_exchange_bind_text (stmt, 4, json_object_get_string_member (state, "value"));
      sihua_exchange_bind_text (stmt, 5, json_object_get_string_member (state, "note"));
      sihua_exchange_bind_text (stmt, 6, json_object_get_string_member (state, "evidence"));
      sihua_exchange_bind_text (stmt, 7, json_object_get_string_member (state, "author"));
      sqlite3_bind_int64 (stmt, 8, json_object_get_int_member (state, "updated_at"));
    }
  sihua_exchange_bind_text (stmt, 1, assessment_uuid);
  sihua_exchange_bind_text (stmt, 2, question_id);

  pull->report->answers_taken++;
  g_hash_table_add (pull->rescore, g_strdup (assessment_uuid));
  return step_done (pull->db, stmt, error);
}

static void
add_side (JsonObject *data,
          const char *name,
          JsonObject *state)
{
  JsonObject *side = json_object_new ();

  if (state != NULL)
    {
      set_text (side, "value", json_object_get_string_member_with_default (state, "value", NULL));
      set_text (side, "note", json_object_get_string_member_with_default (state, "note", NULL));
      set_text (side, "evidence", json_object_get_string_member_with_default (state, "evidence", NULL));
      set_text (side, "author", json_object_get_string_member_with_default (state, "author", NULL));
      json_object_set_int_member (side, "changed_at", json_object_get_int_member_with_default (state, "updated_at", 0));
    }
  json_object_set_object_member (data, name, side);
}

static gboolean
note_conflict (Pull        *pull,
               const char  *assessment_uuid,
               const char  *question_id,
               JsonObject  *mine,
               JsonObject  *theirs,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *text = NULL;
  gint64 now = g_get_real_time ();

  json_object_set_string_member (data, "device", pull->self->device);
  json_object_set_int_member (data, "detected_at", now);
  add_side (data, "mine", mine);
  add_side (data, "theirs", theirs);
  json_node_set_object (node, data);
  text = json_to_string (node, FALSE);

  stmt = pull_stmt (pull,
                                    "INSERT INTO sync_conflicts (uuid, assessment_uuid, question_id, data,"
                                    " detected_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, uuid);
  sihua_exchange_bind_text (stmt, 2, assessment_uuid);
  sihua_exchange_bind_text (stmt, 3, question_id);
  sihua_exchange_bind_text (stmt, 4, text);
  sqlite3_bind_int64 (stmt, 5, now);

  pull->report->conflicts_found++;
  return step_done (pull->db, stmt, error);
}

static gboolean
decide_answer (Pull        *pull,
               const char  *key,
               GPtrArray   *new_rows,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (key, "\n", 2);
  const char *assessment_uuid = parts[0];
  const char *question_id = parts[1];
  g_autoptr(GPtrArray) mine_history = NULL;
  g_autoptr(GPtrArray) their_history = g_ptr_array_new ();
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) theirs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *answer_sql = NULL;
  sqlite3_stmt *stmt = NULL;
  BundleChanged changed;
  int rc;

  mine_history = local_history (pull, assessment_uuid, question_id, error);
  if (mine_history == NULL)
    return FALSE;

  answer_sql = g_strdup_printf ("%s WHERE a.uuid = ?1 AND r.question_id = ?2",
                                sihua_bundle_tables[BUNDLE_TABLE_ANSWERS].select_sql);
  stmt = pull_stmt (pull, answer_sql, error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt, 1, assessment_uuid);
  sihua_exchange_bind_text (stmt, 2, question_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mine = _sihua_bundle_row_to_object (stmt, &sihua_bundle_tables[BUNDLE_TABLE_ANSWERS]);
  else if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (pull->db, error);

  for (guint i = 0; i < mine_history->len; i++)
    if (json_object_has_member (g_ptr_array_index (mine_history, i), "server_seq"))
      g_ptr_array_add (their_history, g_ptr_array_index (mine_history, i));
  for (guint i = 0; i < new_rows->len; i++)
    g_ptr_array_add (their_history, g_ptr_array_index (new_rows, i));
  g_ptr_array_sort (their_history, compare_seq);
  theirs = state_of (g_ptr_array_index (their_history, their_history->len - 1));

  changed = _sihua_bundle_changed_side (mine, mine_history, theirs, their_history);

  /* Their rows are kept whatever the rule says. */
  for (guint i = 0; i < new_rows->len; i++)
    if (!insert_history (pull, g_ptr_array_index (new_rows, i), error))
      return FALSE;

  switch (changed)
    {
    case BUNDLE_CHANGED_NONE:
    case BUNDLE_CHANGED_MINE:
      return TRUE;
    case BUNDLE_CHANGED_THEIRS:
      return take_state (pull, assessment_uuid, question_id, theirs, error);
    case BUNDLE_CHANGED_BOTH:
      return note_conflict (pull, assessment_uuid, question_id, mine, theirs, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
apply_batch (Pull      *pull,
             PGresult  *result,
             GError   **error)
{
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 seq = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      const char *kind = PQgetvalue (result, i, 1);
      g_autoptr(JsonObject) row = _sihua_sync_parse_object (PQgetvalue (result, i, 3), error);
      gboolean ok;

      if (row == NULL)
        return FALSE;
      /* The server's key is the row's: a row cannot claim another UUID. */
      json_object_set_string_member (row, "uuid", PQgetvalue (result, i, 2));

      if (strcmp (kind, "company") == 0)
        ok = apply_record (pull, BUNDLE_TABLE_COMPANIES, row, error);
      else if (strcmp (kind, "assessment") == 0)
        ok = apply_record (pull, BUNDLE_TABLE_ASSESSMENTS, row, error);
      else if (strcmp (kind, "history") == 0)
        ok = take_history_row (pull, row, seq, error);
      else
        ok = take_conflict (pull, row, error);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < pull->order->len; i++)
    {
      const char *key = g_ptr_array_index (pull->order, i);

      if (!decide_answer (pull, key, g_hash_table_lookup (pull->groups, key), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_sihua_sync_pull (SihuaSync        *self,
                  SihuaSyncReport  *report,
                  GError          **error)
{
  const BundleTable *history = &sihua_bundle_tables[BUNDLE_TABLE_HISTORY];
  g_autofree char *columns = NULL;
  SihuaStore *store = self->store;
  Pull pull = { self, store->db, report, NULL, NULL, NULL, NULL, NULL };
  const char *from = strstr (history->select_sql, " FROM answer_history h");

  g_assert (from != NULL);
  columns = g_strndup (history->select_sql, from - history->select_sql);
  pull.stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      finalize_stmt);
  pull.history_sql = g_strdup_printf ("%s, h.server_seq%s WHERE a.uuid = ?1 AND h.question_id = ?2"
                                      " ORDER BY h.server_seq IS NULL, h.server_seq, h.id",
                                      columns, from);

  for (;;)
    {
      g_autoptr(PGresult) result = NULL;
      g_autoptr(GHashTable) rescore = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) uuids = NULL;
      g_autofree char *cursor_text = NULL;
      g_autofree char *limit_text = g_strdup_printf ("%u", self->batch_size);
      gint64 cursor;
      gboolean ok;

      g_mutex_lock (&store->mutex);
      cursor = _sihua_sync_get_cursor (store, NULL);
      g_mutex_unlock (&store->mutex);
      cursor_text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);

      {
        const char *params[] = { cursor_text, limit_text };

        result = _sihua_server_exec_params (self->server,
                                            "SELECT seq, kind, uuid, data FROM sihua.changes"
                                            " WHERE seq > $1::bigint ORDER BY seq LIMIT $2::integer",
                                            2, params, error);
      }
      if (result == NULL)
        break;
      if (PQntuples (result) == 0)
        {
          g_free (pull.history_sql);
          g_hash_table_unref (pull.stmts);
          return TRUE;
        }

      pull.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
      pull.order = g_ptr_array_new_with_free_func (g_free);
      pull.rescore = rescore;

      g_mutex_lock (&store->mutex);
      ok = _sihua_store_begin (store, error);
      if (ok)
        {
          g_autofree char *last = g_strdup (PQgetvalue (result, PQntuples (result) - 1, 0));

          ok = apply_batch (&pull, result, error) &&
               _sihua_sync_state_set (store, "cursor", last, error);
          reset_stmts (&pull);
          ok = ok && _sihua_store_commit (store, error);
          if (!ok)
            _sihua_store_rollback (store);
        }
      g_mutex_unlock (&store->mutex);

      g_clear_pointer (&pull.groups, g_hash_table_unref);
      g_clear_pointer (&pull.order, g_ptr_array_unref);
      pull.rescore = NULL;
      if (!ok)
        break;

      uuids = g_ptr_array_new ();
      {
        GHashTableIter iter;
        gpointer uuid;

        g_hash_table_iter_init (&iter, rescore);
        while (g_hash_table_iter_next (&iter, &uuid, NULL))
          g_ptr_array_add (uuids, uuid);
      }
      _sihua_bundle_rescore_assessments (store, uuids);

      if (!_sihua_sync_batch_done (self, error))
        break;
    }

  g_free (pull.history_sql);
  g_hash_table_unref (pull.stmts);
  return FALSE;
}
