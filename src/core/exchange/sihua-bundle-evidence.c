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
  g_autofree char *damaged = NULL;

  if (!_sihua_bundle_export_table (db, &evidence_table, scope_json, entries, error))
    return FALSE;

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
  if (!_sihua_bundle_export_blobs (db, stmt->stmt, BLOB_PREFIX, entries, &damaged, error))
    {
      if (damaged != NULL)
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                     _("The stored evidence file with SHA-256 %s is damaged: its contents no longer match it"),
                     damaged);
      return FALSE;
    }

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
  const char *mismatch = NULL;
  GHashTableIter iter;
  gpointer key, value;

  bundle->evidence_blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_bytes_unref);
  if (!_sihua_bundle_load_blobs (entries, BLOB_PREFIX, bundle->evidence_blobs, &mismatch))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM,
                   _("The evidence file %s in the bundle %s does not match its SHA-256; it was changed or damaged, so nothing was imported"),
                   mismatch, bundle->path);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, bundle->evidence_blobs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!sihua_evidence_check_size (key, g_bytes_get_size (value), error))
      return FALSE;

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
        return _sihua_bundle_invalid_row (error, EVIDENCE_ENTRY, r + 1, _("sha256 is not a SHA-256 in lower-case hex"));
      if (!g_hash_table_contains (bundle->evidence_blobs, sha256))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks the evidence file %s%s that %s, row %u names"),
                       bundle->path, BLOB_PREFIX, sha256, EVIDENCE_ENTRY, r + 1);
          return FALSE;
        }
      if (!is_plain_file_name (json_object_get_string_member (row, "file_name")))
        return _sihua_bundle_invalid_row (error, EVIDENCE_ENTRY, r + 1, _("file_name is not a plain file name"));
      if (model == NULL || sihua_model_lookup_question (model, question_id) == NULL)
        return _sihua_bundle_invalid_row (error, EVIDENCE_ENTRY, r + 1, _("question_id is not a question of the assessment's model"));
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

      /* Nothing goes into an assessment finalised here. */
      if (copy == NULL &&
          _sihua_bundle_is_final_here (merge, json_object_get_string_member (row, "assessment_uuid"), NULL))
        continue;

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
