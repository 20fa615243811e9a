/* sihua-bundle-data.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-bundle-private.h"
#include "sihua-exchange-db.h"
#include "sihua-json-guard.h"
#include "sihua-model.h"
#include "sihua-row-text.h"
#include "sihua-store-private.h"

/*
 * The data of a bundle: one JSON array per table, rows as objects whose
 * members are the table's columns, references by UUID instead of local id
 * (docs/export-format.md). The same descriptors drive export, validation
 * and the merge.
 */

static const char * const sizes[] = { "micro", "small", "medium", NULL };
static const char * const statuses[] = { "in_progress", "completed", NULL };
static const char * const merge_choices[] = { "mine", "theirs", NULL };

static const BundleColumn company_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "name", BUNDLE_COL_TEXT, TRUE, TRUE, FALSE },
  { "uscc", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "industry", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "size", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE, sizes },
  { "employees", BUNDLE_COL_INT, FALSE, TRUE, FALSE },
  { "region", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "address", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "contact", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "notes", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "created_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "updated_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
};

static const BundleColumn assessment_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "company_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "model_id", BUNDLE_COL_TEXT, TRUE, TRUE, FALSE },
  { "model_version", BUNDLE_COL_TEXT, TRUE, TRUE, FALSE },
  { "date", BUNDLE_COL_TEXT, TRUE, TRUE, FALSE },
  { "consultant", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "status", BUNDLE_COL_TEXT, TRUE, TRUE, FALSE, statuses },
  { "respondents", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "target_level", BUNDLE_COL_INT, FALSE, TRUE, FALSE },
  { "notes", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "previous_uuid", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "result_index", BUNDLE_COL_REAL, FALSE, FALSE, FALSE },
  { "result_stage", BUNDLE_COL_INT, FALSE, FALSE, FALSE },
  { "created_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "updated_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  /* Absent from bundles written before assessments could be finalised;
   * set on the store only by the merge's rule (sihua-bundle-record.c). */
  { "revision", BUNDLE_COL_INT, FALSE, FALSE, FALSE },
  { "finalized_at", BUNDLE_COL_INT, FALSE, FALSE, FALSE },
};

static const BundleColumn answer_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "assessment_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "question_id", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "value", BUNDLE_COL_TEXT, TRUE, TRUE, TRUE },
  { "note", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "evidence", BUNDLE_COL_TEXT, FALSE, TRUE, FALSE },
  { "author", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "updated_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
};

static const BundleColumn history_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "assessment_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "question_id", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "old_value", BUNDLE_COL_TEXT, FALSE, FALSE, TRUE },
  { "old_note", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "old_evidence", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "new_value", BUNDLE_COL_TEXT, FALSE, FALSE, TRUE },
  { "new_note", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "new_evidence", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "author", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "changed_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  /* Set on the rows a merge wrote: the side it kept. Absent from bundles
   * written before merges recorded it. */
  { "merge_choice", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE, merge_choices },
};

const BundleTable sihua_bundle_tables[BUNDLE_N_TABLES] = {
  {
    "data/companies.json", company_columns, G_N_ELEMENTS (company_columns),
    "SELECT c.uuid, c.name, c.uscc, c.industry, c.size, c.employees, c.region, c.address,"
    " c.contact, c.notes, c.created_at, c.updated_at FROM companies c",
    "c.uuid", "c.uuid",
    "INSERT INTO companies (uuid, name, uscc, industry, size, employees, region, address,"
    " contact, notes, created_at, updated_at, search_key)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    BUNDLE_LIVE_COMPANY,
  },
  {
    "data/assessments.json", assessment_columns, G_N_ELEMENTS (assessment_columns),
    "SELECT a.uuid, c.uuid, a.model_id, a.model_version, a.date, a.consultant, a.status,"
    " a.respondents, a.target_level, a.notes, p.uuid, a.result_index, a.result_stage,"
    " a.created_at, a.updated_at, a.revision, a.finalized_at"
    " FROM assessments a JOIN companies c ON c.id = a.company_id"
    " LEFT JOIN assessments p ON p.id = a.previous_id",
    "a.uuid", "a.uuid",
    "INSERT INTO assessments (uuid, company_id, model_id, model_version, date, consultant,"
    " status, respondents, target_level, notes, previous_id, result_index, result_stage,"
    " created_at, updated_at) VALUES (?1, (SELECT id FROM companies WHERE uuid = ?2), ?3, ?4,"
    " ?5, ?6, ?7, ?8, ?9, ?10, (SELECT id FROM assessments WHERE uuid = ?11), ?12, ?13, ?14, ?15)",
    BUNDLE_LIVE_ASSESSMENT,
  },
  {
    "data/answers.json", answer_columns, G_N_ELEMENTS (answer_columns),
    "SELECT r.uuid, a.uuid, r.question_id, r.value, r.note, r.evidence, r.author, r.updated_at"
    " FROM answers r JOIN assessments a ON a.id = r.assessment_id"
    " JOIN companies c ON c.id = a.company_id",
    "r.uuid", "r.uuid",
    "INSERT INTO answers (uuid, assessment_id, question_id, value, note, evidence, author,"
    " updated_at) VALUES (?1, (SELECT id FROM assessments WHERE uuid = ?2), ?3, ?4, ?5, ?6, ?7, ?8)",
    BUNDLE_LIVE_ASSESSMENT,
  },
  {
    "data/history.json", history_columns, G_N_ELEMENTS (history_columns),
    "SELECT h.uuid, a.uuid, h.question_id, h.old_value, h.old_note, h.old_evidence, h.new_value,"
    " h.new_note, h.new_evidence, h.author, h.changed_at, h.merge_choice"
    " FROM answer_history h JOIN assessments a ON a.id = h.assessment_id"
    " JOIN companies c ON c.id = a.company_id",
    /* In the order the changes were written here: the merge reads the
     * order to find the latest change both laptops share. */
    "h.uuid", "h.id",
    "INSERT INTO answer_history (uuid, assessment_id, question_id, old_value, old_note,"
    " old_evidence, new_value, new_note, new_evidence, author, changed_at, merge_choice)"
    " VALUES (?1, (SELECT id FROM assessments WHERE uuid = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12)",
    BUNDLE_LIVE_ASSESSMENT,
  },
};

JsonObject *
_sihua_bundle_row_to_object (sqlite3_stmt      *stmt,
                             const BundleTable *table)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < table->n_columns; i++)
    {
      const BundleColumn *column = &table->columns[i];

      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        {
          json_object_set_null_member (object, column->name);
          continue;
        }

      switch (column->type)
        {
        case BUNDLE_COL_TEXT:
          json_object_set_string_member (object, column->name,
                                         (const char *)sqlite3_column_text (stmt, i));
          break;
        case BUNDLE_COL_INT:
          json_object_set_int_member (object, column->name, sqlite3_column_int64 (stmt, i));
          break;
        case BUNDLE_COL_REAL:
          json_object_set_double_member (object, column->name, sqlite3_column_double (stmt, i));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return object;
}

/* Every text of a row checked before it goes into a bundle: JSON with
 * bytes that are not UTF-8 is a bundle no Sihua can read. */
static gboolean
row_text_check (sqlite3_stmt       *stmt,
                const BundleTable  *table,
                GError            **error)
{
  static const SihuaRowKind kinds[BUNDLE_N_TABLES] = {
    SIHUA_ROW_COMPANY, SIHUA_ROW_ASSESSMENT, SIHUA_ROW_ANSWER, SIHUA_ROW_CHANGE,
  };
  /* The name, the date, the question. */
  static const int labels[BUNDLE_N_TABLES] = { 1, 4, 2, 2 };
  guint t = table - sihua_bundle_tables;

  g_assert (t < BUNDLE_N_TABLES);

  return sihua_row_text_check (stmt, kinds[t], labels[t], SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED, error);
}

JsonObject *
_sihua_bundle_lookup_row (sqlite3            *db,
                          const BundleTable  *table,
                          const char         *uuid,
                          GError            **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s = ?1", table->select_sql, table->uuid_sql);
  int rc;

  stmt = sihua_exchange_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt->stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return row_text_check (stmt->stmt, table, error) ? _sihua_bundle_row_to_object (stmt->stmt, table) : NULL;
  if (rc != SQLITE_DONE)
    sihua_exchange_db_error (db, error);

  return NULL;
}

void
_sihua_bundle_bind_row (sqlite3_stmt      *stmt,
                        const BundleTable *table,
                        JsonObject        *row)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const BundleColumn *column = &table->columns[i];
      JsonNode *node = json_object_get_member (row, column->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          sqlite3_bind_null (stmt, i + 1);
          continue;
        }

      switch (column->type)
        {
        case BUNDLE_COL_TEXT:
          sqlite3_bind_text (stmt, i + 1, json_node_get_string (node), -1, SQLITE_TRANSIENT);
          break;
        case BUNDLE_COL_INT:
          sqlite3_bind_int64 (stmt, i + 1, json_node_get_int (node));
          break;
        case BUNDLE_COL_REAL:
          sqlite3_bind_double (stmt, i + 1, json_node_get_double (node));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
_sihua_bundle_values_equal (JsonObject         *a,
                            JsonObject         *b,
                            const BundleColumn *column)
{
  JsonNode *x = json_object_get_member (a, column->name);
  JsonNode *y = json_object_get_member (b, column->name);
  gboolean x_null = x == NULL || JSON_NODE_HOLDS_NULL (x);
  gboolean y_null = y == NULL || JSON_NODE_HOLDS_NULL (y);

  if (x_null || y_null)
    return x_null == y_null;

  switch (column->type)
    {
    case BUNDLE_COL_TEXT:
      if (g_strcmp0 (json_node_get_string (x), json_node_get_string (y)) == 0)
        return TRUE;
      if (column->answer)
        {
          g_autoptr(SihuaAnswerValue) u = sihua_answer_value_deserialize (json_node_get_string (x), NULL);
          g_autoptr(SihuaAnswerValue) v = sihua_answer_value_deserialize (json_node_get_string (y), NULL);
          return u != NULL && v != NULL && sihua_answer_value_equal (u, v);
        }
      return FALSE;
    case BUNDLE_COL_INT:
      return json_node_get_int (x) == json_node_get_int (y);
    case BUNDLE_COL_REAL:
      return json_node_get_double (x) == json_node_get_double (y);
    default:
      g_assert_not_reached ();
    }
}

char *
_sihua_bundle_search_key (JsonObject *company)
{
  return _sihua_store_search_key (
    json_object_get_string_member_with_default (company, "name", ""),
    json_object_get_string_member_with_default (company, "region", NULL),
    json_object_get_string_member_with_default (company, "industry", NULL));
}

/* --- export ------------------------------------------------------------ */

static GBytes *
table_to_bytes (sqlite3            *db,
                const BundleTable  *table,
                const char         *scope_json,
                GError            **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *sql = g_strdup_printf ("%s WHERE (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1)))%s"
                                          " ORDER BY %s",
                                          table->select_sql, table->live_sql != NULL ? table->live_sql : "",
                                          table->order_sql);
  char *text;
  gsize length;
  int rc;

  stmt = sihua_exchange_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sihua_exchange_bind_text (stmt->stmt, 1, scope_json);

  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      if (!row_text_check (stmt->stmt, table, error))
        return NULL;
      json_array_add_object_element (array, _sihua_bundle_row_to_object (stmt->stmt, table));
    }
  if (rc != SQLITE_DONE)
    {
      sihua_exchange_db_error (db, error);
      return NULL;
    }

  json_node_set_array (root, array);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static char *
model_entry_path (const char *model_id,
                  const char *version)
{
  return g_strdup_printf ("models/%s@%s.json", model_id, version);
}

static gboolean
resolve_companies (sqlite3             *db,
                   const char * const  *companies,
                   char               **scope_json,
                   GError             **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonArray) uuids = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

  *scope_json = NULL;
  if (companies == NULL || companies[0] == NULL)
    return TRUE;

  stmt = sihua_exchange_db_prepare (db, "SELECT uuid FROM companies c WHERE (id = ?1 OR uuid = ?1)" BUNDLE_LIVE_COMPANY, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; companies[i] != NULL; i++)
    {
      sqlite3_reset (stmt->stmt);
      sqlite3_bind_text (stmt->stmt, 1, companies[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt->stmt) != SQLITE_ROW)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                       _("There is no company %s"), companies[i]);
          return FALSE;
        }
      json_array_add_string_element (uuids, (const char *)sqlite3_column_text (stmt->stmt, 0));
    }

  json_node_set_array (root, uuids);
  *scope_json = json_to_string (root, FALSE);

  return TRUE;
}

static gboolean
export_entries (sqlite3             *db,
                const char * const  *companies,
                GHashTable          *entries,
                JsonObject          *extra,
                GError             **error)
{
  g_autofree char *scope_json = NULL;
  g_autoptr(SihuaExchangeStmt) models = NULL;
  g_autoptr(JsonArray) model_list = json_array_new ();
  int rc;

  if (!resolve_companies (db, companies, &scope_json, error))
    return FALSE;

  for (guint t = 0; t < BUNDLE_N_TABLES; t++)
    {
      GBytes *bytes = table_to_bytes (db, &sihua_bundle_tables[t], scope_json, error);

      if (bytes == NULL)
        return FALSE;
      g_hash_table_insert (entries, g_strdup (sihua_bundle_tables[t].entry), bytes);
    }

  models = sihua_exchange_db_prepare (db,
                                      "SELECT m.model_id, m.model_version, m.json FROM models m"
                                      " WHERE EXISTS (SELECT 1 FROM assessments a"
                                      "  JOIN companies c ON c.id = a.company_id"
                                      "  WHERE a.model_id = m.model_id" BUNDLE_LIVE_ASSESSMENT " AND a.model_version = m.model_version"
                                      "  AND (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1))))"
                                      " ORDER BY m.model_id, m.model_version",
                                      error);
  if (models == NULL)
    return FALSE;
  sihua_exchange_bind_text (models->stmt, 1, scope_json);

  while ((rc = sqlite3_step (models->stmt)) == SQLITE_ROW)
    {
      const char *model_id = (const char *)sqlite3_column_text (models->stmt, 0);
      const char *version = (const char *)sqlite3_column_text (models->stmt, 1);
      g_autofree char *entry_path = NULL;
      JsonObject *item;

      if (!sihua_row_text_check (models->stmt, SIHUA_ROW_MODEL, -1,
                                 SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED, error))
        return FALSE;
      entry_path = model_entry_path (model_id, version);
      item = json_object_new ();

      if (!sihua_bundle_path_is_safe (entry_path))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                       _("The model id %s cannot be used as a file name in a bundle"), model_id);
          json_object_unref (item);
          return FALSE;
        }

      g_hash_table_insert (entries, g_strdup (entry_path),
                           g_bytes_new (sqlite3_column_blob (models->stmt, 2),
                                        sqlite3_column_bytes (models->stmt, 2)));
      json_object_set_string_member (item, "id", model_id);
      json_object_set_string_member (item, "version", version);
      json_object_set_string_member (item, "path", entry_path);
      json_array_add_object_element (model_list, item);
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (db, error);

  json_object_set_array_member (extra, "models", g_steal_pointer (&model_list));

  return _sihua_bundle_export_evidence (db, scope_json, entries, error) &&
         _sihua_bundle_export_record (db, scope_json, entries, error);
}

/**
 * sihua_bundle_export:
 * @store: the database
 * @companies: (nullable) (array zero-terminated=1): local ids or UUIDs
 * @path: the bundle to write
 *
 * Returns: %TRUE when the bundle is written.
 */
gboolean
sihua_bundle_export (SihuaStore          *store,
                     const char * const  *companies,
                     const char          *path,
                     GError             **error)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = sihua_exchange_db_open_read (sihua_store_get_path (store), error);
  if (db == NULL)
    return FALSE;

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  ok = sihua_exchange_db_exec (db, "BEGIN", error) &&
       export_entries (db, companies, entries, extra, error);
  sqlite3_close (db);

  return ok && sihua_bundle_write_zip (path, entries, extra, error);
}

/* --- load and validate ------------------------------------------------- */

static gboolean
invalid (GError     **error,
         const char  *entry,
         guint        row,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (GError     **error,
         const char  *entry,
         guint        row,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
               _("Invalid bundle data in %s, row %u: %s"), entry, row, message);
  return FALSE;
}

gboolean
_sihua_bundle_check_rows (SihuaBundle        *bundle,
            const BundleTable  *table,
            JsonArray          *rows,
            GHashTable         *uuids,
            GError            **error)
{
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *node = json_array_get_element (rows, r);
      JsonObject *row;
      const char *uuid;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, table->entry, r + 1, _("not a JSON object"));
      row = json_node_get_object (node);

      for (guint c = 0; c < table->n_columns; c++)
        {
          const BundleColumn *column = &table->columns[c];
          JsonNode *value = json_object_get_member (row, column->name);
          GType type;

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            {
              if (column->required)
                return invalid (error, table->entry, r + 1, _("%s is missing"), column->name);
              continue;
            }

          type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
          if ((column->type == BUNDLE_COL_TEXT && type != G_TYPE_STRING) ||
              (column->type == BUNDLE_COL_INT && type != G_TYPE_INT64) ||
              (column->type == BUNDLE_COL_REAL && type != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
            return invalid (error, table->entry, r + 1, _("%s has the wrong type"), column->name);

          if (column->allowed != NULL &&
              !g_strv_contains (column->allowed, json_node_get_string (value)))
            return invalid (error, table->entry, r + 1, _("%s cannot be \"%s\""),
                            column->name, json_node_get_string (value));

          if (column->answer)
            {
              g_autoptr(GError) value_error = NULL;
              g_autoptr(SihuaAnswerValue) answer = NULL;

              answer = sihua_answer_value_deserialize (json_node_get_string (value), &value_error);
              if (answer == NULL)
                return invalid (error, table->entry, r + 1, _("%s is not an answer value: %s"),
                                column->name, value_error != NULL ? value_error->message : "");
            }
        }

      uuid = json_object_get_string_member (row, "uuid");
      if (!g_uuid_string_is_valid (uuid))
        return invalid (error, table->entry, r + 1, _("%s is not a UUID"), uuid);
      if (g_hash_table_contains (uuids, uuid))
        return invalid (error, table->entry, r + 1, _("the UUID %s appears twice"), uuid);
      g_hash_table_insert (uuids, (gpointer) uuid, row);
    }

  return TRUE;
}

JsonArray *
_sihua_bundle_parse_table (SihuaBundle  *bundle,
             GHashTable   *entries,
             const char   *entry,
             GError      **error)
{
  GBytes *bytes = g_hash_table_lookup (entries, entry);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  JsonNode *root;

  if (bytes == NULL)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                   _("The bundle %s lacks %s"), bundle->path, entry);
      return NULL;
    }

  /* An empty entry has no data pointer at all, which json-glib refuses
   * without saying why. */
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("%s in the bundle is empty"), entry);
      return NULL;
    }

  name = g_strdup_printf (_("%s in the bundle"), entry);
  if (!sihua_json_guard_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               name, &local_error))
    {
      g_set_error_literal (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("%s in the bundle is not valid JSON: %s"), entry, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("%s in the bundle is not a JSON array"), entry);
      return NULL;
    }

  return json_array_ref (json_node_get_array (root));
}

gboolean
_sihua_bundle_check_reference (const BundleTable  *table,
                 JsonArray          *rows,
                 const char         *member,
                 GHashTable         *targets,
                 gboolean            required,
                 GError            **error)
{
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *target = json_object_get_string_member_with_default (row, member, NULL);

      if (target == NULL && !required)
        continue;
      if (target == NULL || !g_hash_table_contains (targets, target))
        return invalid (error, table->entry, r + 1, _("%s %s is not in the bundle"),
                        member, target != NULL ? target : "null");
    }

  return TRUE;
}

static gboolean
load_models (SihuaBundle  *bundle,
             GHashTable   *entries,
             GError      **error)
{
  JsonNode *node = json_object_get_member (bundle->manifest, "models");
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The manifest of %s has no list of models"), bundle->path);
      return FALSE;
    }

  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item_node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (item_node) ? json_node_get_object (item_node) : NULL;
      const char *id = item ? json_object_get_string_member_with_default (item, "id", NULL) : NULL;
      const char *version = item ? json_object_get_string_member_with_default (item, "version", NULL) : NULL;
      const char *entry = item ? json_object_get_string_member_with_default (item, "path", NULL) : NULL;
      g_autoptr(SihuaModel) model = NULL;
      g_autoptr(GError) model_error = NULL;
      GBytes *bytes;

      if (id == NULL || version == NULL || entry == NULL)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                       _("Model %u in the manifest of %s needs an id, a version and a path"),
                       i + 1, bundle->path);
          return FALSE;
        }

      bytes = g_hash_table_lookup (entries, entry);
      if (bytes == NULL)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks %s"), bundle->path, entry);
          return FALSE;
        }

      model = sihua_model_new_from_bytes (bytes, entry, &model_error);
      if (model == NULL)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                       _("The model %s in the bundle is not valid: %s"), entry, model_error->message);
          return FALSE;
        }
      if (g_strcmp0 (sihua_model_get_id (model), id) != 0 ||
          g_strcmp0 (sihua_model_get_version (model), version) != 0)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                       _("The model %s in the bundle is %s %s, not %s %s as the manifest says"),
                       entry, sihua_model_get_id (model), sihua_model_get_version (model), id, version);
          return FALSE;
        }

      g_hash_table_insert (bundle->models, g_strdup_printf ("%s\n%s", id, version),
                           g_bytes_ref (bytes));
      g_hash_table_insert (bundle->model_objects, g_strdup_printf ("%s\n%s", id, version),
                           g_steal_pointer (&model));
    }

  return TRUE;
}

static gboolean load_data (SihuaBundle  *bundle,
                           GHashTable   *entries,
                           GHashTable  **uuids,
                           GError      **error);

/**
 * sihua_bundle_load:
 * @path: a bundle file
 *
 * Returns: (transfer full): the verified bundle, or %NULL with @error set.
 */
SihuaBundle *
sihua_bundle_load (const char  *path,
                   GError     **error)
{
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(GHashTable) entries = NULL;
  GHashTable *uuids[BUNDLE_N_TABLES] = { NULL };
  SihuaBundle *result;

  g_return_val_if_fail (path != NULL, NULL);

  bundle = g_new0 (SihuaBundle, 1);
  bundle->path = g_strdup (path);
  bundle->models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_bytes_unref);
  bundle->model_objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 g_object_unref);

  entries = sihua_bundle_read_zip (path, &bundle->manifest, error);
  if (entries == NULL)
    return NULL;

  result = load_data (bundle, entries, uuids, error) ? g_steal_pointer (&bundle) : NULL;
  for (guint t = 0; t < BUNDLE_N_TABLES; t++)
    g_clear_pointer (&uuids[t], g_hash_table_unref);

  return result;
}

static gboolean
load_data (SihuaBundle  *bundle,
           GHashTable   *entries,
           GHashTable  **uuids,
           GError      **error)
{
  const char *path = bundle->path;
  JsonArray *assessments;

  for (guint t = 0; t < BUNDLE_N_TABLES; t++)
    {
      uuids[t] = g_hash_table_new (g_str_hash, g_str_equal);
      bundle->rows[t] = _sihua_bundle_parse_table (bundle, entries, sihua_bundle_tables[t].entry, error);
      if (bundle->rows[t] == NULL ||
          !_sihua_bundle_check_rows (bundle, &sihua_bundle_tables[t], bundle->rows[t], uuids[t], error))
        return FALSE;
    }

  if (!load_models (bundle, entries, error))
    return FALSE;

  if (!_sihua_bundle_check_reference (&sihua_bundle_tables[BUNDLE_TABLE_ASSESSMENTS],
                                      bundle->rows[BUNDLE_TABLE_ASSESSMENTS], "company_uuid",
                                      uuids[BUNDLE_TABLE_COMPANIES], TRUE, error) ||
      !_sihua_bundle_check_reference (&sihua_bundle_tables[BUNDLE_TABLE_ANSWERS],
                                      bundle->rows[BUNDLE_TABLE_ANSWERS], "assessment_uuid",
                                      uuids[BUNDLE_TABLE_ASSESSMENTS], TRUE, error) ||
      !_sihua_bundle_check_reference (&sihua_bundle_tables[BUNDLE_TABLE_HISTORY],
                                      bundle->rows[BUNDLE_TABLE_HISTORY], "assessment_uuid",
                                      uuids[BUNDLE_TABLE_ASSESSMENTS], TRUE, error))
    return FALSE;

  /* Every assessment's pinned model travels with it. */
  assessments = bundle->rows[BUNDLE_TABLE_ASSESSMENTS];
  for (guint r = 0; r < json_array_get_length (assessments); r++)
    {
      JsonObject *row = json_array_get_object_element (assessments, r);
      g_autofree char *key = g_strdup_printf ("%s\n%s",
                                              json_object_get_string_member (row, "model_id"),
                                              json_object_get_string_member (row, "model_version"));

      if (!g_hash_table_contains (bundle->models, key))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks the model %s %s that assessment %s uses"),
                       path, json_object_get_string_member (row, "model_id"),
                       json_object_get_string_member (row, "model_version"),
                       json_object_get_string_member (row, "uuid"));
          return FALSE;
        }
    }

  return _sihua_bundle_check_content (bundle, uuids, error) &&
         _sihua_bundle_load_evidence (bundle, entries, uuids[BUNDLE_TABLE_ASSESSMENTS], error) &&
         _sihua_bundle_load_record (bundle, entries, uuids[BUNDLE_TABLE_ASSESSMENTS], error);
}

void
sihua_bundle_free (SihuaBundle *bundle)
{
  if (bundle == NULL)
    return;

  for (guint t = 0; t < BUNDLE_N_TABLES; t++)
    g_clear_pointer (&bundle->rows[t], json_array_unref);
  g_clear_pointer (&bundle->manifest, json_object_unref);
  g_clear_pointer (&bundle->models, g_hash_table_unref);
  g_clear_pointer (&bundle->model_objects, g_hash_table_unref);
  g_clear_pointer (&bundle->evidence_rows, json_array_unref);
  g_clear_pointer (&bundle->evidence_blobs, g_hash_table_unref);
  g_clear_pointer (&bundle->interviewee_rows, json_array_unref);
  g_clear_pointer (&bundle->said_rows, json_array_unref);
  g_clear_pointer (&bundle->revision_rows, json_array_unref);
  g_clear_pointer (&bundle->report_blobs, g_hash_table_unref);
  g_free (bundle->path);
  g_free (bundle);
}

JsonObject *
sihua_bundle_get_manifest (SihuaBundle *bundle)
{
  g_return_val_if_fail (bundle != NULL, NULL);

  return bundle->manifest;
}

/**
 * _sihua_bundle_export_blobs:
 * @stmt: a statement, bound and ready, yielding (sha256, data) rows
 * @damaged: (out): on a blob that no longer matches its hash, that hash
 *
 * Adds each blob to @entries as @prefix followed by its SHA-256. A bundle
 * never spreads bytes damaged here: such a blob stops the export, with
 * @damaged set and @error not, for the caller to say what it was.
 */
gboolean
_sihua_bundle_export_blobs (sqlite3       *db,
                            sqlite3_stmt  *stmt,
                            const char    *prefix,
                            GHashTable    *entries,
                            char         **damaged,
                            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GBytes) data = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_autofree char *actual = sihua_bundle_sha256 (data);

      if (g_strcmp0 (actual, sha256) != 0)
        {
          *damaged = g_strdup (sha256 != NULL ? sha256 : "");
          return FALSE;
        }
      g_hash_table_insert (entries, g_strconcat (prefix, sha256, NULL), g_steal_pointer (&data));
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (db, error);

  return TRUE;
}

/**
 * _sihua_bundle_load_blobs:
 * @blobs: sha256 → GBytes, where the checked entries go
 * @mismatch: (out): the first entry whose bytes do not hash to its name
 *
 * Checks every entry under @prefix, even one nothing names, against the
 * SHA-256 its name gives.
 *
 * Returns: %FALSE with @mismatch set when an entry does not match
 */
gboolean
_sihua_bundle_load_blobs (GHashTable   *entries,
                          const char   *prefix,
                          GHashTable   *blobs,
                          const char  **mismatch)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      g_autofree char *actual = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      actual = sihua_bundle_sha256 (value);
      if (g_strcmp0 (actual, name + strlen (prefix)) != 0)
        {
          *mismatch = name;
          return FALSE;
        }
      g_hash_table_insert (blobs, g_strdup (actual), g_bytes_ref (value));
    }

  return TRUE;
}

gboolean
_sihua_bundle_invalid_row (GError     **error,
                           const char  *entry,
                           guint        row,
                           const char  *message)
{
  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
               _("Invalid bundle data in %s, row %u: %s"), entry, row, message);
  return FALSE;
}
