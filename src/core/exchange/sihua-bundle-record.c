/* sihua-bundle-record.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-bundle-merge-private.h"
#include "sihua-exchange-db.h"
#include "sihua-model.h"
#include "sihua-store-private.h"

/*
 * The record of a visit beyond its answers: the people interviewed
 * (data/interviewees.json), what each of them said
 * (data/interviewee-answers.json) and the finalised revisions
 * (data/revisions.json) with the report kept with each, byte for byte,
 * as reports/SHA256. The assessment's own revision and finalisation time
 * travel in data/assessments.json. A bundle written before these existed
 * has none of the parts and imports as it always did.
 *
 * The merge never breaks a freeze:
 * - an assessment finalised here takes nothing from a bundle (no answer,
 *   detail, interviewee, history row or evidence file) but the revisions
 *   it does not hold yet; the report counts it as kept final;
 * - a finalisation in the bundle is taken only when, after the merge, the
 *   record here is the very record it froze (the same SHA-256) and its
 *   revision is not older than the one here; otherwise the assessment stays
 *   in progress here, with everything merged, and the report says so;
 * - an interviewee is matched by name within the assessment; an
 *   interviewee's answer here is never replaced by a bundle's.
 */

#define INTERVIEWEES_ENTRY "data/interviewees.json"
#define SAID_ENTRY         "data/interviewee-answers.json"
#define REVISIONS_ENTRY    "data/revisions.json"
#define REPORT_PREFIX      "reports/"

static const BundleColumn interviewee_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "assessment_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "name", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "role", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "department", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "created_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
};

static const BundleColumn said_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "interviewee_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "question_id", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "value", BUNDLE_COL_TEXT, TRUE, FALSE, TRUE },
  { "updated_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
};

static const BundleColumn revision_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "assessment_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "revision", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "finalized_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "record", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "record_sha256", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "report_sha256", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "reopened_at", BUNDLE_COL_INT, FALSE, FALSE, FALSE },
  { "reopen_reason", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
};

static const BundleTable interviewee_table = {
  INTERVIEWEES_ENTRY, interviewee_columns, G_N_ELEMENTS (interviewee_columns),
  "SELECT i.uuid, a.uuid, i.name, i.role, i.department, i.created_at FROM interviewees i"
  " JOIN assessments a ON a.id = i.assessment_id JOIN companies c ON c.id = a.company_id",
  "i.uuid", "i.id", NULL,
};

static const BundleTable said_table = {
  SAID_ENTRY, said_columns, G_N_ELEMENTS (said_columns),
  "SELECT x.uuid, i.uuid, x.question_id, x.value, x.updated_at FROM interviewee_answers x"
  " JOIN interviewees i ON i.id = x.interviewee_id"
  " JOIN assessments a ON a.id = i.assessment_id JOIN companies c ON c.id = a.company_id",
  "x.uuid", "x.id", NULL,
};

static const BundleTable revision_table = {
  REVISIONS_ENTRY, revision_columns, G_N_ELEMENTS (revision_columns),
  "SELECT r.uuid, a.uuid, r.revision, r.finalized_at, r.record, r.record_sha256,"
  " r.report_sha256, r.reopened_at, r.reopen_reason FROM assessment_revisions r"
  " JOIN assessments a ON a.id = r.assessment_id JOIN companies c ON c.id = a.company_id",
  "r.uuid", "r.assessment_id, r.revision", NULL,
};

/**
 * _sihua_bundle_export_table:
 * @scope_json: (nullable): the companies' UUIDs as a JSON array, %NULL for all
 *
 * Adds @table's rows in scope to @entries under @table->entry, as a JSON
 * array of row objects. @table->select_sql must name the company `c`.
 */
gboolean
_sihua_bundle_export_table (sqlite3            *db,
                            const BundleTable  *table,
                            const char         *scope_json,
                            GHashTable         *entries,
                            GError            **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *sql = NULL;
  char *text;
  gsize length;
  int rc;

  sql = g_strdup_printf ("%s WHERE (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1)))"
                         " ORDER BY %s", table->select_sql, table->order_sql);
  stmt = sihua_exchange_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt->stmt, 1, scope_json);
  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    json_array_add_object_element (array, _sihua_bundle_row_to_object (stmt->stmt, table));
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (db, error);

  json_node_set_array (root, array);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_hash_table_insert (entries, g_strdup (table->entry), g_bytes_new_take (text, length));

  return TRUE;
}

/**
 * _sihua_bundle_export_record:
 * @scope_json: (nullable): the companies' UUIDs as a JSON array, %NULL for all
 *
 * Adds the interviewees, their answers, the revisions and the reports kept
 * with them to @entries. A kept report that no longer matches its SHA-256
 * is refused: a bundle never spreads a damaged signed report.
 */
gboolean
_sihua_bundle_export_record (sqlite3     *db,
                             const char  *scope_json,
                             GHashTable  *entries,
                             GError     **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autofree char *damaged = NULL;

  if (!_sihua_bundle_export_table (db, &interviewee_table, scope_json, entries, error) ||
      !_sihua_bundle_export_table (db, &said_table, scope_json, entries, error) ||
      !_sihua_bundle_export_table (db, &revision_table, scope_json, entries, error))
    return FALSE;

  stmt = sihua_exchange_db_prepare (db,
                                    "SELECT r.report_sha256, r.report FROM assessment_revisions r"
                                    " JOIN assessments a ON a.id = r.assessment_id"
                                    " JOIN companies c ON c.id = a.company_id"
                                    " WHERE r.report IS NOT NULL"
                                    " AND (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1)))",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt->stmt, 1, scope_json);
  if (!_sihua_bundle_export_blobs (db, stmt->stmt, REPORT_PREFIX, entries, &damaged, error))
    {
      if (damaged != NULL)
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                     _("A finalised report kept in the database no longer matches its SHA-256 %s; "
                       "the database is damaged, so no bundle was written"),
                     damaged);
      return FALSE;
    }

  return TRUE;
}

/* An entry a bundle written before it existed does not have. */
static JsonArray *
load_optional_table (SihuaBundle        *bundle,
                     GHashTable         *entries,
                     const BundleTable  *table,
                     GHashTable         *uuids,
                     GError            **error)
{
  g_autoptr(JsonArray) rows = NULL;

  if (!g_hash_table_contains (entries, table->entry))
    return json_array_new ();
  rows = _sihua_bundle_parse_table (bundle, entries, table->entry, error);
  if (rows == NULL || !_sihua_bundle_check_rows (bundle, table, rows, uuids, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static SihuaModel *
assessment_model (SihuaBundle *bundle,
                  JsonObject  *assessment)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s",
                                          json_object_get_string_member (assessment, "model_id"),
                                          json_object_get_string_member (assessment, "model_version"));

  return g_hash_table_lookup (bundle->model_objects, key);
}

static gboolean
check_interviewees (SihuaBundle  *bundle,
                    GHashTable   *assessment_uuids,
                    GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < json_array_get_length (bundle->interviewee_rows); r++)
    {
      JsonObject *row = json_array_get_object_element (bundle->interviewee_rows, r);
      const char *name = json_object_get_string_member (row, "name");
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      if (*stripped == '\0' || g_utf8_strlen (name, -1) > 200)
        return _sihua_bundle_invalid_row (error, INTERVIEWEES_ENTRY, r + 1, _("name is empty or longer than 200 characters"));
      if (!g_hash_table_add (names, g_strdup_printf ("%s\n%s",
                                                     json_object_get_string_member (row, "assessment_uuid"),
                                                     name)))
        return _sihua_bundle_invalid_row (error, INTERVIEWEES_ENTRY, r + 1, _("the same name appears twice in one assessment"));
    }

  return TRUE;
}

static gboolean
check_said (SihuaBundle  *bundle,
            GHashTable   *assessment_uuids,
            GHashTable   *interviewee_uuids,
            GError      **error)
{
  for (guint r = 0; r < json_array_get_length (bundle->said_rows); r++)
    {
      JsonObject *row = json_array_get_object_element (bundle->said_rows, r);
      JsonObject *interviewee = g_hash_table_lookup (interviewee_uuids,
                                                     json_object_get_string_member (row, "interviewee_uuid"));
      JsonObject *assessment = g_hash_table_lookup (assessment_uuids,
                                                    json_object_get_string_member (interviewee, "assessment_uuid"));
      SihuaModel *model = assessment_model (bundle, assessment);

      if (model == NULL ||
          sihua_model_lookup_question (model, json_object_get_string_member (row, "question_id")) == NULL)
        return _sihua_bundle_invalid_row (error, SAID_ENTRY, r + 1, _("question_id is not a question of the assessment's model"));
    }

  return TRUE;
}

static gboolean
check_revisions (SihuaBundle  *bundle,
                 GError      **error)
{
  for (guint r = 0; r < json_array_get_length (bundle->revision_rows); r++)
    {
      JsonObject *row = json_array_get_object_element (bundle->revision_rows, r);
      const char *record = json_object_get_string_member (row, "record");
      const char *report_sha256 = json_object_get_string_member_with_default (row, "report_sha256", NULL);
      g_autofree char *record_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, record, -1);

      if (json_object_get_int_member (row, "revision") < 1)
        return _sihua_bundle_invalid_row (error, REVISIONS_ENTRY, r + 1, _("revision is not a number from 1"));
      if (g_strcmp0 (record_sha256, json_object_get_string_member (row, "record_sha256")) != 0)
        return _sihua_bundle_invalid_row (error, REVISIONS_ENTRY, r + 1, _("the frozen record does not match its SHA-256"));
      if (report_sha256 != NULL && !g_hash_table_contains (bundle->report_blobs, report_sha256))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks the finalised report %s%s that %s, row %u names"),
                       bundle->path, REPORT_PREFIX, report_sha256, REVISIONS_ENTRY, r + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _sihua_bundle_load_record:
 * @assessment_uuids: the bundle's assessments, uuid → row
 *
 * Reads and checks the interviewees, their answers, the revisions and the
 * kept reports, keeping them in @bundle.
 */
gboolean
_sihua_bundle_load_record (SihuaBundle  *bundle,
                           GHashTable   *entries,
                           GHashTable   *assessment_uuids,
                           GError      **error)
{
  g_autoptr(GHashTable) interviewee_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) said_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) revision_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *mismatch = NULL;

  bundle->report_blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_bytes_unref);
  if (!_sihua_bundle_load_blobs (entries, REPORT_PREFIX, bundle->report_blobs, &mismatch))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM,
                   _("The finalised report %s in the bundle %s does not match its SHA-256; it was changed or damaged, so nothing was imported"),
                   mismatch, bundle->path);
      return FALSE;
    }

  bundle->interviewee_rows = load_optional_table (bundle, entries, &interviewee_table, interviewee_uuids, error);
  if (bundle->interviewee_rows == NULL)
    return FALSE;
  bundle->said_rows = load_optional_table (bundle, entries, &said_table, said_uuids, error);
  if (bundle->said_rows == NULL)
    return FALSE;
  bundle->revision_rows = load_optional_table (bundle, entries, &revision_table, revision_uuids, error);
  if (bundle->revision_rows == NULL)
    return FALSE;

  return _sihua_bundle_check_reference (&interviewee_table, bundle->interviewee_rows, "assessment_uuid",
                                        assessment_uuids, TRUE, error) &&
         _sihua_bundle_check_reference (&said_table, bundle->said_rows, "interviewee_uuid",
                                        interviewee_uuids, TRUE, error) &&
         _sihua_bundle_check_reference (&revision_table, bundle->revision_rows, "assessment_uuid",
                                        assessment_uuids, TRUE, error) &&
         check_interviewees (bundle, assessment_uuids, error) &&
         check_said (bundle, assessment_uuids, interviewee_uuids, error) &&
         check_revisions (bundle, error);
}

/**
 * _sihua_bundle_is_final_here:
 *
 * Whether the assessment @uuid is in the store and finalised there: then
 * a merge takes nothing into it but revisions.
 */
gboolean
_sihua_bundle_is_final_here (Merge       *merge,
                             const char  *uuid,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _sihua_bundle_merge_stmt (merge,
                                   "SELECT 1 FROM assessments WHERE uuid = ?1 AND finalized_at IS NOT NULL",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Where their assessment @uuid lands here: itself, its copy, or NULL when
 * it is finalised here and takes nothing. */
static const char *
target_assessment (Merge      *merge,
                   const char *uuid)
{
  const char *copy = g_hash_table_lookup (merge->assessment_copies, uuid);

  if (copy != NULL)
    return copy;
  if (_sihua_bundle_is_final_here (merge, uuid, NULL))
    return NULL;

  return uuid;
}

static gboolean
step (Merge         *merge,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);

  return TRUE;
}

static gboolean
merge_interviewees (Merge   *merge,
                    GError **error)
{
  JsonArray *rows = merge->bundle->interviewee_rows;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *target = target_assessment (merge, json_object_get_string_member (row, "assessment_uuid"));
      g_autofree char *new_uuid = g_uuid_string_random ();
      sqlite3_stmt *stmt;
      gboolean copied;

      if (target == NULL)
        continue;
      copied = g_strcmp0 (target, json_object_get_string_member (row, "assessment_uuid")) != 0;
      stmt = _sihua_bundle_merge_stmt (merge,
                                       "SELECT 1 FROM interviewees i JOIN assessments a ON a.id = i.assessment_id"
                                       " WHERE a.uuid = ?1 AND i.name = ?2",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (row, "name"), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        continue;
      merge->report->interviewees_added++;
      if (!merge->apply)
        continue;

      stmt = _sihua_bundle_merge_stmt (merge,
                                       "INSERT INTO interviewees (uuid, assessment_id, name, role, department,"
                                       " created_at) SELECT ?1, a.id, ?3, ?4, ?5, ?6 FROM assessments a"
                                       " WHERE a.uuid = ?2",
                                       error);
      if (stmt == NULL)
        return FALSE;
      _sihua_bundle_bind_row (stmt, &interviewee_table, row);
      /* A copy's people are new rows of their own. */
      if (copied)
        sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, target, -1, SQLITE_TRANSIENT);
      if (!step (merge, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_said (Merge   *merge,
            GError **error)
{
  JsonArray *rows = merge->bundle->said_rows;
  g_autoptr(GHashTable) interviewees = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *people = merge->bundle->interviewee_rows;

  for (guint r = 0; people != NULL && r < json_array_get_length (people); r++)
    {
      JsonObject *person = json_array_get_object_element (people, r);

      g_hash_table_insert (interviewees, (gpointer) json_object_get_string_member (person, "uuid"), person);
    }

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObject *person = g_hash_table_lookup (interviewees, json_object_get_string_member (row, "interviewee_uuid"));
      const char *target = target_assessment (merge, json_object_get_string_member (person, "assessment_uuid"));
      g_autofree char *new_uuid = g_uuid_string_random ();
      sqlite3_stmt *stmt;

      if (target == NULL || !merge->apply)
        continue;

      /* By name: the same person may be here under another UUID. An
       * answer here stays; theirs fills only what is not answered. */
      stmt = _sihua_bundle_merge_stmt (merge,
                                       "INSERT INTO interviewee_answers (uuid, interviewee_id, question_id, value,"
                                       " updated_at) SELECT ?1, i.id, ?2, ?3, ?4 FROM interviewees i"
                                       " JOIN assessments a ON a.id = i.assessment_id"
                                       " WHERE a.uuid = ?5 AND i.name = ?6"
                                       " AND NOT EXISTS (SELECT 1 FROM interviewee_answers x"
                                       "  WHERE x.uuid = ?1 OR (x.interviewee_id = i.id AND x.question_id = ?2))",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_strcmp0 (target, json_object_get_string_member (person, "assessment_uuid")) != 0
                                  ? new_uuid : json_object_get_string_member (row, "uuid"),
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (row, "question_id"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, json_object_get_string_member (row, "value"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, json_object_get_int_member (row, "updated_at"));
      sqlite3_bind_text (stmt, 5, target, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, json_object_get_string_member (person, "name"), -1, SQLITE_TRANSIENT);
      if (!step (merge, stmt, error))
        return FALSE;
      merge->report->interviewee_answers_added += sqlite3_changes (merge->db);
    }

  return TRUE;
}

/* Revisions are history: one not here is added, even to an assessment
 * finalised here; one here is never changed. A copy starts with none. */
static gboolean
merge_revisions (Merge   *merge,
                 GError **error)
{
  JsonArray *rows = merge->bundle->revision_rows;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *report_sha256 = json_object_get_string_member_with_default (row, "report_sha256", NULL);
      GBytes *report = report_sha256 != NULL ? g_hash_table_lookup (merge->bundle->report_blobs, report_sha256) : NULL;
      sqlite3_stmt *stmt;

      if (g_hash_table_contains (merge->assessment_copies, json_object_get_string_member (row, "assessment_uuid")))
        continue;
      stmt = _sihua_bundle_merge_stmt (merge,
                                       "SELECT 1 FROM assessment_revisions r JOIN assessments a ON a.id = r.assessment_id"
                                       " WHERE r.uuid = ?1 OR (a.uuid = ?2 AND r.revision = ?3)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (row, "uuid"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (row, "assessment_uuid"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, json_object_get_int_member (row, "revision"));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        continue;
      merge->report->revisions_added++;
      if (!merge->apply)
        continue;

      stmt = _sihua_bundle_merge_stmt (merge,
                                       "INSERT INTO assessment_revisions (uuid, assessment_id, revision, finalized_at,"
                                       " record, record_sha256, report_sha256, reopened_at, reopen_reason, report)"
                                       " SELECT ?1, a.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 FROM assessments a"
                                       " WHERE a.uuid = ?2",
                                       error);
      if (stmt == NULL)
        return FALSE;
      _sihua_bundle_bind_row (stmt, &revision_table, row);
      if (report != NULL)
        sqlite3_bind_blob64 (stmt, 10, g_bytes_get_size (report) > 0 ? g_bytes_get_data (report, NULL) : "",
                             g_bytes_get_size (report), SQLITE_STATIC);
      if (!step (merge, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
record_sha256_here (Merge       *merge,
                    const char  *uuid,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _sihua_bundle_merge_stmt (merge, "SELECT id FROM assessments WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  id = sqlite3_column_int64 (stmt, 0);

  stmt = _sihua_bundle_merge_stmt (merge, _sihua_store_record_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, (const char *) sqlite3_column_text (stmt, 0), -1);
}

/* Their revision row that froze @assessment at its current revision. */
static JsonObject *
frozen_revision (Merge      *merge,
                 JsonObject *assessment)
{
  JsonArray *rows = merge->bundle->revision_rows;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      if (g_strcmp0 (json_object_get_string_member (row, "assessment_uuid"),
                     json_object_get_string_member (assessment, "uuid")) == 0 &&
          json_object_get_int_member (row, "revision") ==
          json_object_get_int_member_with_default (assessment, "revision", 1))
        return row;
    }

  return NULL;
}

static gboolean
take_finalisation (Merge       *merge,
                   JsonObject  *theirs,
                   GError     **error)
{
  const char *uuid = json_object_get_string_member (theirs, "uuid");
  gint64 revision = json_object_get_int_member_with_default (theirs, "revision", 1);
  JsonObject *frozen = frozen_revision (merge, theirs);
  g_autofree char *record_sha256 = NULL;
  sqlite3_stmt *stmt;
  gint64 my_revision = 0;

  if (g_hash_table_contains (merge->assessment_copies, uuid) || _sihua_bundle_is_final_here (merge, uuid, NULL))
    return TRUE;
  stmt = _sihua_bundle_merge_stmt (merge, "SELECT revision FROM assessments WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    my_revision = sqlite3_column_int64 (stmt, 0);
  else if (!merge->apply)
    {
      /* New here: a dry run cannot hash what it did not write. */
      merge->report->finalisations_taken++;
      return TRUE;
    }
  if (frozen == NULL || revision < my_revision || !merge->apply)
    {
      if (frozen == NULL || revision < my_revision)
        merge->report->finalisations_refused++;
      return TRUE;
    }

  stmt = _sihua_bundle_merge_stmt (merge, "UPDATE assessments SET revision = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, revision);
  if (!step (merge, stmt, error))
    return FALSE;

  record_sha256 = record_sha256_here (merge, uuid, error);
  if (g_strcmp0 (record_sha256, json_object_get_string_member (frozen, "record_sha256")) != 0)
    {
      merge->report->finalisations_refused++;
      stmt = _sihua_bundle_merge_stmt (merge, "UPDATE assessments SET revision = ?2 WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, my_revision);
      return step (merge, stmt, error);
    }

  merge->report->finalisations_taken++;
  stmt = _sihua_bundle_merge_stmt (merge,
                                   "UPDATE assessments SET finalized_at = ?2, status = 'completed' WHERE uuid = ?1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, json_object_get_int_member (theirs, "finalized_at"));

  return step (merge, stmt, error);
}

/**
 * _sihua_bundle_merge_record:
 *
 * Merges the interviewees, their answers and the revisions, then takes the
 * bundle's finalisations that apply (see the rule at the top of the file).
 * Runs after the answers and evidence are merged.
 */
gboolean
_sihua_bundle_merge_record (Merge   *merge,
                            GError **error)
{
  JsonArray *assessments = merge->bundle->rows[BUNDLE_TABLE_ASSESSMENTS];

  if (!merge_interviewees (merge, error) || !merge_said (merge, error) ||
      !merge_revisions (merge, error))
    return FALSE;

  for (guint r = 0; r < json_array_get_length (assessments); r++)
    {
      JsonObject *row = json_array_get_object_element (assessments, r);

      if (json_object_get_int_member_with_default (row, "finalized_at", 0) != 0 &&
          !take_finalisation (merge, row, error))
        return FALSE;
    }

  return TRUE;
}
