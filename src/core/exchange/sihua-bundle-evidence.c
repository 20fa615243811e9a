/* sihua-bundle-evidence.c
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
#include "sihua-store.h"

/*
 * Evidence files travel as two parts: data/evidence.json lists the links
 * (which file backs which answer, under which name), and each file's bytes
 * are the entry evidence/SHA256, once however many answers show it. The
 * manifest's checksum covers every entry as it does the tables; on top of
 * it, a file's bytes must hash to its own name, so a bundle whose manifest
 * was rewritten to match damaged bytes is refused all the same. A bundle
 * written before evidence existed has neither part and carries none.
 */

#define EVIDENCE_ENTRY "data/evidence.json"
#define BLOB_PREFIX    "evidence/"

static const BundleColumn evidence_columns[] = {
  { "uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "assessment_uuid", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "question_id", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "sha256", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "file_name", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "media_type", BUNDLE_COL_TEXT, TRUE, FALSE, FALSE },
  { "author", BUNDLE_COL_TEXT, FALSE, FALSE, FALSE },
  { "added_at", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "ordinal", BUNDLE_COL_INT, TRUE, FALSE, FALSE },
  { "deleted_at", BUNDLE_COL_INT, FALSE, FALSE, FALSE },
};

static const BundleTable evidence_table = {
  EVIDENCE_ENTRY, evidence_columns, G_N_ELEMENTS (evidence_columns),
  "SELECT e.uuid, a.uuid, e.question_id, e.sha256, e.file_name, e.media_type, e.author,"
  " e.added_at, e.ordinal, e.deleted_at FROM evidence e"
  " JOIN assessments a ON a.id = e.assessment_id JOIN companies c ON c.id = a.company_id",
  "e.uuid", "e.id",
  NULL,
  BUNDLE_LIVE_ASSESSMENT,
};

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* A base name that shows as it is: no folders, no control characters. */
static gboolean
is_plain_file_name (const char *name)
{
  if (*name == '\0' || g_utf8_strlen (name, -1) > 255 || strchr (name, '/') != NULL)
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
invalid_row (GError     **error,
             guint        row,
             const char  *message)
{
  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
               _("Invalid bundle data in %s, row %u: %s"), EVIDENCE_ENTRY, row, message);
  return FALSE;
}

/**
 * _sihua_bundle_export_evidence:
 * @scope_json: (nullable): the companies' UUIDs as a JSON array, %NULL for all
 *
 * Adds data/evidence.json and the files its links name to @entries.
 */
gboolean
_sihua_bundle_export_evidence (sqlite3     *db,
                               const char  *scope_json,
                               GHashTable  *entries,
                               GError     **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *sql = NULL;
  char *text;
  gsize length;
  int rc;

  sql = g_strdup_printf ("%s WHERE (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1)))%s"
                         " ORDER BY %s", evidence_table.select_sql, evidence_table.live_sql,
                         evidence_table.order_sql);
  stmt = sihua_exchange_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt->stmt, 1, scope_json);
  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    json_array_add_object_element (array, _sihua_bundle_row_to_object (stmt->stmt, &evidence_table));
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (db, error);
  g_clear_pointer (&stmt, sihua_exchange_stmt_free);

  json_node_set_array (root, array);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_hash_table_insert (entries, g_strdup (EVIDENCE_ENTRY), g_bytes_new_take (text, length));

  stmt = sihua_exchange_db_prepare (db,
                                    "SELECT b.sha256, b.data FROM evidence_blobs b"
                                    " WHERE EXISTS (SELECT 1 FROM evidence e"
                                    "  JOIN assessments a ON a.id = e.assessment_id"
                                    "  JOIN companies c ON c.id = a.company_id"
                                    "  WHERE e.sha256 = b.sha256" BUNDLE_LIVE_ASSESSMENT
                                    "  AND (?1 IS NULL OR c.uuid IN (SELECT value FROM json_each (?1))))",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sihua_exchange_bind_text (stmt->stmt, 1, scope_json);
  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt->stmt, 0);
      g_autoptr(GBytes) data = g_bytes_new (sqlite3_column_blob (stmt->stmt, 1),
                                            sqlite3_column_bytes (stmt->stmt, 1));
      g_autofree char *actual = sihua_bundle_sha256 (data);

      /* A bundle never spreads a file that is damaged here. */
      if (g_strcmp0 (actual, sha256) != 0)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                       _("The stored evidence file with SHA-256 %s is damaged: its contents no longer match it"),
                       sha256);
          return FALSE;
        }
      g_hash_table_insert (entries, g_strconcat (BLOB_PREFIX, sha256, NULL), g_steal_pointer (&data));
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (db, error);

  return TRUE;
}

/**
 * _sihua_bundle_load_evidence:
 * @assessment_uuids: the bundle's assessments, uuid → row
 *
 * Reads and checks the evidence links and files, keeping them in @bundle.
 */
gboolean
_sihua_bundle_load_evidence (SihuaBundle  *bundle,
                             GHashTable   *entries,
                             GHashTable   *assessment_uuids,
                             GError      **error)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  bundle->evidence_blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_bytes_unref);

  /* Every file is checked, even one no link names. */
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      const char *sha256 = name + strlen (BLOB_PREFIX);
      g_autofree char *actual = NULL;

      if (!g_str_has_prefix (name, BLOB_PREFIX))
        continue;
      actual = sihua_bundle_sha256 (value);
      if (!is_sha256 (sha256) || g_strcmp0 (actual, sha256) != 0)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM,
                       _("The evidence file %s in the bundle %s does not match its SHA-256; it was changed or damaged, so nothing was imported"),
                       name, bundle->path);
          return FALSE;
        }
      if (!sihua_evidence_check_size (name, g_bytes_get_size (value), error))
        return FALSE;
      g_hash_table_insert (bundle->evidence_blobs, g_strdup (sha256), g_bytes_ref (value));
    }

  if (!g_hash_table_contains (entries, EVIDENCE_ENTRY))
    {
      bundle->evidence_rows = json_array_new ();
      return TRUE;
    }

  bundle->evidence_rows = _sihua_bundle_parse_table (bundle, entries, EVIDENCE_ENTRY, error);
  if (bundle->evidence_rows == NULL ||
      !_sihua_bundle_check_rows (bundle, &evidence_table, bundle->evidence_rows, uuids, error) ||
      !_sihua_bundle_check_reference (&evidence_table, bundle->evidence_rows, "assessment_uuid",
                                      assessment_uuids, TRUE, error))
    return FALSE;

  for (guint r = 0; r < json_array_get_length (bundle->evidence_rows); r++)
    {
      JsonObject *row = json_array_get_object_element (bundle->evidence_rows, r);
      JsonObject *assessment = g_hash_table_lookup (assessment_uuids,
                                                    json_object_get_string_member (row, "assessment_uuid"));
      const char *sha256 = json_object_get_string_member (row, "sha256");
      const char *question_id = json_object_get_string_member (row, "question_id");
      g_autofree char *model_key = g_strdup_printf ("%s\n%s",
                                                    json_object_get_string_member (assessment, "model_id"),
                                                    json_object_get_string_member (assessment, "model_version"));
      SihuaModel *model = g_hash_table_lookup (bundle->model_objects, model_key);

      if (!is_sha256 (sha256))
        return invalid_row (error, r + 1, _("sha256 is not a SHA-256 in lower-case hex"));
      if (!g_hash_table_contains (bundle->evidence_blobs, sha256))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks the evidence file %s%s that %s, row %u names"),
                       bundle->path, BLOB_PREFIX, sha256, EVIDENCE_ENTRY, r + 1);
          return FALSE;
        }
      if (!is_plain_file_name (json_object_get_string_member (row, "file_name")))
        return invalid_row (error, r + 1, _("file_name is not a plain file name"));
      if (model == NULL || sihua_model_lookup_question (model, question_id) == NULL)
        return invalid_row (error, r + 1, _("question_id is not a question of the assessment's model"));
    }

  return TRUE;
}

/**
 * _sihua_bundle_merge_evidence:
 *
 * Puts on the answers here the evidence links of the bundle that are not
 * here yet (by UUID), with their files; a link here is never changed.
 * Counts them in the report; with @merge->apply %FALSE only counts.
 */
gboolean
_sihua_bundle_merge_evidence (Merge   *merge,
                              GError **error)
{
  JsonArray *rows = merge->bundle->evidence_rows;

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *sha256 = json_object_get_string_member (row, "sha256");
      const char *copy = g_hash_table_lookup (merge->assessment_copies,
                                              json_object_get_string_member (row, "assessment_uuid"));
      g_autofree char *copy_link = copy != NULL ? g_uuid_string_random () : NULL;
      GBytes *data = g_hash_table_lookup (merge->bundle->evidence_blobs, sha256);
      sqlite3_stmt *stmt;
      gboolean here;

      /* A link of a copied assessment is new here, under a new UUID. */
      stmt = _sihua_bundle_merge_stmt (merge, "SELECT 1 FROM evidence WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (row, "uuid"), -1, SQLITE_TRANSIENT);
      here = copy == NULL && sqlite3_step (stmt) == SQLITE_ROW;
      if (here)
        continue;
      merge->report->evidence_added++;
      if (!merge->apply)
        continue;

      stmt = _sihua_bundle_merge_stmt (merge,
                                       "INSERT INTO evidence_blobs (sha256, size, data, stored_at)"
                                       " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO NOTHING",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_bytes_get_size (data));
      sqlite3_bind_blob64 (stmt, 3, g_bytes_get_size (data) > 0 ? g_bytes_get_data (data, NULL) : "",
                           g_bytes_get_size (data), SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, merge->now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sihua_exchange_db_error (merge->db, error);

      stmt = _sihua_bundle_merge_stmt (merge,
                                       "INSERT INTO evidence (uuid, assessment_id, question_id, sha256,"
                                       " file_name, media_type, author, added_at, ordinal, deleted_at)"
                                       " SELECT ?1, a.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
                                       " FROM assessments a WHERE a.uuid = ?2",
                                       error);
      if (stmt == NULL)
        return FALSE;
      _sihua_bundle_bind_row (stmt, &evidence_table, row);
      if (copy != NULL)
        {
          sqlite3_bind_text (stmt, 1, copy_link, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, copy, -1, SQLITE_TRANSIENT);
        }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sihua_exchange_db_error (merge->db, error);
    }

  return TRUE;
}
