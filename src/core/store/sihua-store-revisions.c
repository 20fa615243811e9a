/* sihua-store-revisions.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

/* The record a finalisation freezes, as one JSON text in a fixed order, so
 * the same data always gives the same SHA-256. A bundle's merge runs it
 * too, to take a finalisation only onto the very record it froze. */
const char _sihua_store_record_sql[] =
  "SELECT json_object("
  " 'assessment', a.uuid, 'revision', a.revision,"
  " 'company', (SELECT name FROM companies WHERE id = a.company_id),"
  " 'model', a.model_id, 'model_version', a.model_version, 'date', a.date,"
  " 'consultant', a.consultant, 'respondents', a.respondents,"
  " 'target_level', a.target_level, 'notes', a.notes,"
  " 'interviewees', (SELECT json_group_array(json_object('name', name, 'role', role, 'department', department))"
  "                  FROM (SELECT name, role, department FROM interviewees"
  "                        WHERE assessment_id = a.id ORDER BY id)),"
  " 'answers', (SELECT json_group_array(json_object('question', question_id, 'value', json(value),"
  "                                                 'note', note, 'evidence', evidence))"
  "             FROM (SELECT question_id, value, note, evidence FROM answers"
  "                   WHERE assessment_id = a.id ORDER BY question_id)),"
  " 'interviewee_answers', (SELECT json_group_array(json_object('name', name, 'question', question_id,"
  "                                                             'value', json(value)))"
  "                         FROM (SELECT i.name, x.question_id, x.value"
  "                               FROM interviewee_answers x JOIN interviewees i ON x.interviewee_id = i.id"
  "                               WHERE i.assessment_id = a.id ORDER BY x.question_id, i.id)))"
  " FROM assessments a WHERE a.id = ?";

static char *
record_locked (SihuaStore  *self,
               gint64       assessment_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  char *record = NULL;
  int rc;

  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    return NULL;
  stmt = _sihua_store_prepare (self, _sihua_store_record_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    record = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_ROW)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                 _("The record of assessment %lld cannot be read: the database is damaged"),
                 (long long) assessment_id);
  else
    _sihua_store_set_error (self, error);
  sqlite3_finalize (stmt);

  return record;
}

/**
 * sihua_store_get_record_sha256:
 * @self: a store
 * @assessment_id: an assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * The SHA-256 of what a finalisation freezes: details, interviewees, the
 * consolidated answers and what each interviewee said. The report of a
 * finalised assessment prints its short form; the same data always gives
 * the same hash, any change another.
 *
 * Returns: (transfer full): the hash in hex, or %NULL with @error set
 */
char *
sihua_store_get_record_sha256 (SihuaStore  *self,
                               gint64       assessment_id,
                               GError     **error)
{
  g_autofree char *record = NULL;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  record = record_locked (self, assessment_id, error);
  g_mutex_unlock (&self->mutex);
  if (record == NULL)
    return NULL;

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, record, -1);
}

static gboolean
run (SihuaStore    *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  return stmt != NULL && _sihua_store_step_done (self, stmt, error);
}

/* Finalising sets the time and marks the assessment completed; reopening
 * clears it and starts the next revision, in progress again. */
static gboolean
mark_finalized (SihuaStore  *self,
                gint64       assessment_id,
                gboolean     finalized,
                gint64       now,
                GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "UPDATE assessments SET finalized_at = ?, revision = revision + ?,"
                                             " status = ?, updated_at = ? WHERE id = ?",
                                             error);

  if (stmt == NULL)
    return FALSE;
  if (finalized)
    sqlite3_bind_int64 (stmt, 1, now);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int (stmt, 2, finalized ? 0 : 1);
  _sihua_store_bind_text (stmt, 3, finalized ? "completed" : "in_progress");
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, assessment_id);

  return run (self, stmt, error);
}

/**
 * sihua_store_finalize_assessment:
 * @self: a store
 * @assessment_id: a complete assessment (the caller checks completeness
 *   against the model)
 * @record_sha256: (nullable): the record hash the report was written
 *   with; if the record changed since, nothing is finalised
 * @report: (nullable): the report as handed out, kept byte for byte
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Freezes the assessment's current revision: from now on the store
 * refuses every change to its answers, interviewees and details
 * (%SIHUA_STORE_ERROR_FINALIZED) until sihua_store_reopen_assessment().
 *
 * Returns: whether the finalisation was committed
 */
gboolean
sihua_store_finalize_assessment (SihuaStore  *self,
                                 gint64       assessment_id,
                                 const char  *record_sha256,
                                 GBytes      *report,
                                 GError     **error)
{
  g_autofree char *record = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *report_sha256 = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  if (report != NULL)
    report_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, report);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto failed_unlocked;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error))
    goto failed;
  record = record_locked (self, assessment_id, error);
  if (record == NULL)
    goto failed;
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, record, -1);
  if (record_sha256 != NULL && g_strcmp0 (record_sha256, sha256) != 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("The assessment changed while its report was being written; nothing was finalised, finalise it again"));
      goto failed;
    }

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO assessment_revisions (uuid, assessment_id, revision, finalized_at,"
                               " record, record_sha256, report, report_sha256)"
                               " SELECT ?, id, revision, ?, ?, ?, ?, ? FROM assessments WHERE id = ?",
                               error);
  if (stmt != NULL)
    {
      _sihua_store_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, now);
      _sihua_store_bind_text (stmt, 3, record);
      _sihua_store_bind_text (stmt, 4, sha256);
      if (report != NULL)
        sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (report, NULL), g_bytes_get_size (report), SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      _sihua_store_bind_text (stmt, 6, report_sha256);
      sqlite3_bind_int64 (stmt, 7, assessment_id);
    }
  if (!run (self, stmt, error))
    goto failed;

  if (!mark_finalized (self, assessment_id, TRUE, now, error) || !_sihua_store_commit (self, error))
    goto failed;
  g_mutex_unlock (&self->mutex);

  return TRUE;

failed:
  _sihua_store_rollback (self);
failed_unlocked:
  g_mutex_unlock (&self->mutex);
  return FALSE;
}

/**
 * sihua_store_reopen_assessment:
 * @self: a store
 * @assessment_id: a finalised assessment
 * @reason: why it is reopened (kept with the revision it closes)
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Starts the next revision: the assessment can change again, and the
 * finalised revision keeps its record, its report and the reason.
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_reopen_assessment (SihuaStore  *self,
                               gint64       assessment_id,
                               const char  *reason,
                               GError     **error)
{
  g_autofree char *clean_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;
  gboolean finalized = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  if (clean_reason == NULL || *clean_reason == '\0')
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("Say why the assessment is reopened: the reason is kept with the finalised revision"));
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto failed_unlocked;
  if (!_sihua_store_is_finalized (self, assessment_id, &finalized, error))
    goto failed;
  if (!finalized)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("Assessment %lld is not finalised, so there is nothing to reopen"),
                   (long long) assessment_id);
      goto failed;
    }

  stmt = _sihua_store_prepare (self,
                               "UPDATE assessment_revisions SET reopened_at = ?, reopen_reason = ?"
                               " WHERE assessment_id = ?3"
                               " AND revision = (SELECT revision FROM assessments WHERE id = ?3)",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      _sihua_store_bind_text (stmt, 2, clean_reason);
      sqlite3_bind_int64 (stmt, 3, assessment_id);
    }
  if (!run (self, stmt, error))
    goto failed;

  if (!mark_finalized (self, assessment_id, FALSE, now, error) || !_sihua_store_commit (self, error))
    goto failed;
  g_mutex_unlock (&self->mutex);

  return TRUE;

failed:
  _sihua_store_rollback (self);
failed_unlocked:
  g_mutex_unlock (&self->mutex);
  return FALSE;
}

static gpointer
read_revision (sqlite3_stmt  *stmt,
               gint64         assessment_id,
               GError       **error)
{
  SihuaRevision *revision = g_new0 (SihuaRevision, 1);

  revision->revision = sqlite3_column_int (stmt, 0);
  revision->finalized_at = sqlite3_column_int64 (stmt, 1);
  revision->record_sha256 = _sihua_store_column_text (stmt, 2);
  revision->report_sha256 = _sihua_store_column_text (stmt, 3);
  revision->report_size = sqlite3_column_int64 (stmt, 4);
  revision->reopened_at = sqlite3_column_int64 (stmt, 5);
  revision->reopen_reason = _sihua_store_column_text (stmt, 6);

  return revision;
}

/**
 * sihua_store_list_revisions:
 * @self: a store
 * @assessment_id: an assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaRevision): every
 *   finalisation, the first first, or %NULL with @error set
 */
GPtrArray *
sihua_store_list_revisions (SihuaStore  *self,
                            gint64       assessment_id,
                            GError     **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return _sihua_store_list_rows (self, assessment_id,
                                 "SELECT revision, finalized_at, record_sha256, report_sha256,"
                                 " coalesce(length(report), 0), reopened_at, reopen_reason"
                                 " FROM assessment_revisions WHERE assessment_id = ? ORDER BY revision",
                                 read_revision, (GDestroyNotify) sihua_revision_free, error);
}

/**
 * sihua_store_get_revision_report:
 * @self: a store
 * @assessment_id: an assessment
 * @revision: a revision number, or 0 for the latest finalised one
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * The report kept when the revision was finalised, checked against its
 * SHA-256: a damaged copy is refused, never handed out.
 *
 * Returns: (transfer full): the report's bytes, or %NULL with @error set
 */
GBytes *
sihua_store_get_revision_report (SihuaStore  *self,
                                 gint64       assessment_id,
                                 int          revision,
                                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (_sihua_store_assessment_exists (self, assessment_id, error))
    stmt = _sihua_store_prepare (self,
                                 "SELECT report, report_sha256 FROM assessment_revisions"
                                 " WHERE assessment_id = ? AND (revision = ? OR ? = 0) AND report IS NOT NULL"
                                 " ORDER BY revision DESC LIMIT 1",
                                 error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_int (stmt, 2, revision);
      sqlite3_bind_int (stmt, 3, revision);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GBytes) found = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
          g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, found);

          if (g_strcmp0 (sha256, (const char *) sqlite3_column_text (stmt, 1)) == 0)
            bytes = g_steal_pointer (&found);
          else
            g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                         _("The finalised report of assessment %lld does not match its SHA-256: the database is damaged"),
                         (long long) assessment_id);
        }
      else if (revision == 0)
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                     _("Assessment %lld has no finalised report"), (long long) assessment_id);
      else
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                     _("Assessment %lld has no finalised report for revision %d"),
                     (long long) assessment_id, revision);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return bytes;
}
