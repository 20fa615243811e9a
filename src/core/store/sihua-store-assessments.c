/* sihua-store-assessments.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-company-profile.h"
#include "sihua-row-text.h"
#include "sihua-store-private.h"

#define ASSESSMENT_COLUMNS \
  "id, uuid, company_id, model_id, model_version, date, consultant, status, respondents," \
  " target_level, notes, previous_id, result_index, result_stage, created_at, updated_at," \
  " (SELECT count(*) FROM answers WHERE assessment_id = assessments.id), revision, finalized_at"

/* Not in the trash, by itself or with its company. */
#define LIVE_ASSESSMENT \
  " AND deleted_at IS NULL" \
  " AND (SELECT deleted_at FROM companies WHERE companies.id = assessments.company_id) IS NULL"

static SihuaAssessment *
assessment_from_row (sqlite3_stmt  *stmt,
                     GError       **error)
{
  SihuaAssessment *assessment;
  g_autofree char *status = NULL;

  /* UUID, model and date are NOT NULL in the schema, but SQLite may read
   * them from an index (the UUID's, the company's by date), and quick_check
   * does not compare indexes with their tables: a damaged one can hand out
   * NULL, which the window and the report would trust. */
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
      sqlite3_column_type (stmt, 3) == SQLITE_NULL ||
      sqlite3_column_type (stmt, 4) == SQLITE_NULL ||
      sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("An assessment is stored incompletely: the database is damaged"));
      return NULL;
    }
  if (!sihua_row_text_check (stmt, SIHUA_ROW_ASSESSMENT, 5, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
    return NULL;

  assessment = g_new0 (SihuaAssessment, 1);
  assessment->id = sqlite3_column_int64 (stmt, 0);
  assessment->uuid = _sihua_store_column_text (stmt, 1);
  assessment->company_id = sqlite3_column_int64 (stmt, 2);
  assessment->model_id = _sihua_store_column_text (stmt, 3);
  assessment->model_version = _sihua_store_column_text (stmt, 4);
  assessment->date = _sihua_store_column_text (stmt, 5);
  assessment->consultant = _sihua_store_column_text (stmt, 6);
  status = _sihua_store_column_text (stmt, 7);
  sihua_assessment_status_from_string (status, &assessment->status);
  assessment->respondents = _sihua_store_column_text (stmt, 8);
  assessment->target_level = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 9);
  assessment->notes = _sihua_store_column_text (stmt, 10);
  assessment->previous_id = sqlite3_column_int64 (stmt, 11);
  assessment->has_result = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  assessment->result_index = sqlite3_column_double (stmt, 12);
  assessment->result_stage = sqlite3_column_type (stmt, 13) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 13);
  assessment->created_at = sqlite3_column_int64 (stmt, 14);
  assessment->updated_at = sqlite3_column_int64 (stmt, 15);
  assessment->n_answers = sqlite3_column_int (stmt, 16);
  assessment->revision = sqlite3_column_int (stmt, 17);
  assessment->finalized_at = sqlite3_column_int64 (stmt, 18);

  return assessment;
}

gboolean
_sihua_store_assessment_exists (SihuaStore  *self,
                                gint64       assessment_id,
                                GError     **error)
{
  /* A trashed assessment takes no changes until it is restored. */
  return _sihua_store_check_assessment_live (self, assessment_id, error);
}

/* Keeps the model's exact bytes, once per id and version, so the
 * assessment can always be read with the questions it was answered with. */
static gboolean
pin_model (SihuaStore  *self,
           SihuaModel  *model,
           GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GBytes *bytes = sihua_model_get_bytes (model);
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer data;

  if (bytes == NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("The model %s has no file contents to keep with the assessment"),
                   sihua_model_get_id (model));
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);

  stmt = _sihua_store_prepare (self,
                               "INSERT OR IGNORE INTO models (uuid, model_id, model_version, json, stored_at)"
                               " VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, uuid);
  _sihua_store_bind_text (stmt, 2, sihua_model_get_id (model));
  _sihua_store_bind_text (stmt, 3, sihua_model_get_version (model));
  sqlite3_bind_blob64 (stmt, 4, data, size, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return _sihua_store_step_done (self, stmt, error);
}

/* Copies the answers of @from that still fit @model (same question id, value
 * valid for the question as it is now); history starts afresh. */
static gboolean
copy_answers (SihuaStore  *self,
              gint64       from_id,
              gint64       to_id,
              SihuaModel  *model,
              GError     **error)
{
  sqlite3_stmt *select;
  sqlite3_stmt *insert;
  gint64 now = g_get_real_time ();
  int rc;

  select = _sihua_store_prepare (self,
                                 "SELECT question_id, value, note, evidence, author FROM answers"
                                 " WHERE assessment_id = ? ORDER BY id",
                                 error);
  if (select == NULL)
    return FALSE;
  insert = _sihua_store_prepare (self,
                                 "INSERT INTO answers (uuid, assessment_id, question_id, value, note,"
                                 " evidence, author, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    {
      sqlite3_finalize (select);
      return FALSE;
    }

  sqlite3_bind_int64 (select, 1, from_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *question_id = _sihua_store_column_question_id (select, 0, error);
      const char *serialized = (const char *)sqlite3_column_text (select, 1);
      SihuaQuestion *question;
      g_autoptr(SihuaAnswerValue) value = NULL;
      g_autofree char *uuid = NULL;

      if (question_id == NULL ||
          !sihua_row_text_check (select, SIHUA_ROW_ANSWER, 0, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        {
          sqlite3_finalize (insert);
          sqlite3_finalize (select);
          return FALSE;
        }
      question = sihua_model_lookup_question (model, question_id);
      if (question == NULL)
        continue;
      value = sihua_answer_value_deserialize (serialized, NULL);
      if (value == NULL || !sihua_answer_value_validate (question, value, NULL))
        continue;

      uuid = g_uuid_string_random ();
      sqlite3_reset (insert);
      _sihua_store_bind_text (insert, 1, uuid);
      sqlite3_bind_int64 (insert, 2, to_id);
      _sihua_store_bind_text (insert, 3, question_id);
      _sihua_store_bind_text (insert, 4, serialized);
      _sihua_store_bind_text (insert, 5, (const char *)sqlite3_column_text (select, 2));
      _sihua_store_bind_text (insert, 6, (const char *)sqlite3_column_text (select, 3));
      _sihua_store_bind_text (insert, 7, (const char *)sqlite3_column_text (select, 4));
      sqlite3_bind_int64 (insert, 8, now);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          _sihua_store_set_error (self, error);
          sqlite3_finalize (insert);
          sqlite3_finalize (select);
          return FALSE;
        }
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (select);

  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sihua_store_new_assessment:
 * @self: a store
 * @company_id: the company assessed
 * @model: the questionnaire model; its exact bytes are kept in the database
 *   so sihua_store_load_assessment_model() returns this very version later
 * @from_assessment_id: a previous assessment of the same company whose
 *   answers are copied (those that still fit @model) and which stays linked
 *   as @previous_id; 0 for a fresh assessment
 * @consultant: (nullable): who runs it
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Starts an assessment dated today, in progress.
 *
 * Returns: the new id, or 0 with @error set
 */
/* The profile questions the company's record already answers, given as
 * answers like any other (in the history, undoable). The assessment exists
 * already: a failure here only leaves the question to be asked. */
static void
prefill_profile (SihuaStore *self,
                 gint64      assessment_id,
                 gint64      company_id,
                 SihuaModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *industry = NULL;
  gint64 employees = -1;
  sqlite3_stmt *stmt;

  stmt = _sihua_store_prepare (self, "SELECT industry, employees FROM companies WHERE id = ?", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the profile of company %" G_GINT64_FORMAT ": %s", company_id, error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, company_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      industry = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        employees = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);

  answers = sihua_company_profile_answers (model, industry, employees);
  for (guint i = 0; i < answers->len; i++)
    {
      SihuaAnswer *answer = g_ptr_array_index (answers, i);

      if (!_sihua_store_set_answer_locked (self, assessment_id, answer->question_id, answer->value,
                                           NULL, NULL, &error))
        {
          g_warning ("Cannot take %s from the company's profile: %s", answer->question_id, error->message);
          g_clear_error (&error);
        }
    }
}

gint64
sihua_store_new_assessment (SihuaStore  *self,
                            gint64       company_id,
                            SihuaModel  *model,
                            gint64       from_assessment_id,
                            const char  *consultant,
                            GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *today = _sihua_store_today ();
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  gint64 id = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), 0);

  g_mutex_lock (&self->mutex);

  if (!_sihua_store_begin (self, error))
    goto out;

  if (!_sihua_store_check_company_live (self, company_id, error))
    goto rollback;

  if (from_assessment_id != 0)
    {
      if (!_sihua_store_check_assessment_live (self, from_assessment_id, error))
        goto rollback;
      stmt = _sihua_store_prepare (self, "SELECT company_id FROM assessments WHERE id = ?", error);
      if (stmt == NULL)
        goto rollback;
      sqlite3_bind_int64 (stmt, 1, from_assessment_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          _sihua_store_set_error (self, error);
          goto rollback;
        }
      if (sqlite3_column_int64 (stmt, 0) != company_id)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                       _("Assessment %lld belongs to another company; a re-assessment starts from one of the same company"),
                       (long long) from_assessment_id);
          goto rollback;
        }
      sqlite3_finalize (stmt);
    }

  if (!pin_model (self, model, error))
    goto rollback;

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO assessments (uuid, company_id, model_id, model_version, date,"
                               " consultant, previous_id, created_at, updated_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    goto rollback;
  _sihua_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, company_id);
  _sihua_store_bind_text (stmt, 3, sihua_model_get_id (model));
  _sihua_store_bind_text (stmt, 4, sihua_model_get_version (model));
  _sihua_store_bind_text (stmt, 5, today);
  _sihua_store_bind_text (stmt, 6, consultant != NULL && *consultant != '\0' ? consultant : NULL);
  if (from_assessment_id != 0)
    sqlite3_bind_int64 (stmt, 7, from_assessment_id);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!_sihua_store_step_done (self, stmt, error))
    goto rollback;
  id = sqlite3_last_insert_rowid (self->db);

  if (from_assessment_id != 0 &&
      !copy_answers (self, from_assessment_id, id, model, error))
    goto rollback;

  if (!_sihua_store_commit (self, error))
    id = 0;
  else if (from_assessment_id == 0)
    prefill_profile (self, id, company_id, model);
  goto out;

rollback:
  id = 0;
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return id;
}

/**
 * sihua_store_get_assessment:
 * @self: a store
 * @id: an assessment id
 * @error: return location for a #SIHUA_STORE_ERROR (%SIHUA_STORE_ERROR_NOT_FOUND)
 *
 * Returns: (transfer full): the assessment, or %NULL with @error set
 */
SihuaAssessment *
sihua_store_get_assessment (SihuaStore  *self,
                            gint64       id,
                            GError     **error)
{
  SihuaAssessment *assessment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE id = ?" LIVE_ASSESSMENT,
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        assessment = assessment_from_row (stmt, error);
      else if (rc == SQLITE_DONE)
        _sihua_store_check_assessment_live (self, id, error);
      else
        _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return assessment;
}

/**
 * sihua_store_get_assessment_by_uuid:
 * @self: a store
 * @uuid: an assessment's UUID
 * @error: return location for a #SIHUA_STORE_ERROR (%SIHUA_STORE_ERROR_NOT_FOUND)
 *
 * Finds an assessment by its UUID, the id that stays the same across
 * laptops and databases (settings and bundles refer to it).
 *
 * Returns: (transfer full): the assessment, or %NULL with @error set
 */
SihuaAssessment *
sihua_store_get_assessment_by_uuid (SihuaStore  *self,
                                    const char  *uuid,
                                    GError     **error)
{
  SihuaAssessment *assessment = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE uuid = ?" LIVE_ASSESSMENT, error);
  if (stmt != NULL)
    {
      _sihua_store_bind_text (stmt, 1, uuid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        assessment = assessment_from_row (stmt, error);
      else if (rc == SQLITE_DONE)
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                     _("There is no assessment with UUID %s"), uuid);
      else
        _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return assessment;
}

/**
 * sihua_store_list_assessments:
 * @self: a store
 * @company_id: a company id
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaAssessment): the company's
 *   assessments, newest first, or %NULL with @error set
 */
GPtrArray *
sihua_store_list_assessments (SihuaStore  *self,
                              gint64       company_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_assessment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE company_id = ?" LIVE_ASSESSMENT
                               " ORDER BY date DESC, id DESC",
                               error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, company_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SihuaAssessment *assessment = assessment_from_row (stmt, error);

      if (assessment == NULL)
        break;
      g_ptr_array_add (list, assessment);
    }
  if (rc == SQLITE_ROW)
    g_clear_pointer (&list, g_ptr_array_unref);
  else if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&list);
}

/* Runs one UPDATE of an assessment row in its own transaction. */
static gboolean
update_one (SihuaStore    *self,
            sqlite3_stmt  *stmt,
            gint64         id,
            GError       **error)
{
  if (stmt == NULL)
    return FALSE;
  if (!_sihua_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %lld"), (long long) id);
      return FALSE;
    }

  return TRUE;
}

/**
 * sihua_store_update_assessment:
 * @self: a store
 * @assessment: the assessment with its @id; @date ("YYYY-MM-DD"),
 *   @consultant, @status, @respondents, @target_level and @notes are written
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_update_assessment (SihuaStore             *self,
                               const SihuaAssessment  *assessment,
                               GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  if (!sihua_assessment_date_is_valid (assessment->date))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"),
                   assessment->date != NULL ? assessment->date : "");
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  ok = _sihua_store_check_writable (self, error);
  if (ok)
    {
      stmt = _sihua_store_prepare (self,
                                   "UPDATE assessments SET date = ?, consultant = ?, status = ?,"
                                   " respondents = ?, target_level = ?, notes = ?, updated_at = ?"
                                   " WHERE id = ?",
                                   error);
      if (stmt != NULL)
        {
          _sihua_store_bind_text (stmt, 1, assessment->date);
          _sihua_store_bind_text (stmt, 2, assessment->consultant);
          _sihua_store_bind_text (stmt, 3, sihua_assessment_status_to_string (assessment->status));
          _sihua_store_bind_text (stmt, 4, assessment->respondents);
          if (assessment->target_level < 0)
            sqlite3_bind_null (stmt, 5);
          else
            sqlite3_bind_int (stmt, 5, assessment->target_level);
          _sihua_store_bind_text (stmt, 6, assessment->notes);
          sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
          sqlite3_bind_int64 (stmt, 8, assessment->id);
        }
      ok = update_one (self, stmt, assessment->id, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * sihua_store_set_assessment_status:
 * @self: a store
 * @id: an assessment id
 * @status: the new status
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_set_assessment_status (SihuaStore             *self,
                                   gint64                  id,
                                   SihuaAssessmentStatus   status,
                                   GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  ok = _sihua_store_check_writable (self, error);
  if (ok)
    {
      stmt = _sihua_store_prepare (self, "UPDATE assessments SET status = ?, updated_at = ? WHERE id = ?", error);
      if (stmt != NULL)
        {
          _sihua_store_bind_text (stmt, 1, sihua_assessment_status_to_string (status));
          sqlite3_bind_int64 (stmt, 2, g_get_real_time ());
          sqlite3_bind_int64 (stmt, 3, id);
        }
      ok = update_one (self, stmt, id, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * sihua_store_set_assessment_result:
 * @self: a store
 * @id: an assessment id
 * @index: the maturity index computed by scoring
 * @stage: the stage reached (0–4), or -1 to clear the cached result
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Caches a scoring result so lists can show it without scoring again; the
 * company list's latest stage follows it.
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_set_assessment_result (SihuaStore  *self,
                                   gint64       id,
                                   double       index,
                                   int          stage,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  ok = _sihua_store_check_writable (self, error);
  if (ok)
    {
      stmt = _sihua_store_prepare (self,
                                   "UPDATE assessments SET result_index = ?, result_stage = ?, updated_at = ?"
                                   " WHERE id = ?",
                                   error);
      if (stmt != NULL)
        {
          if (stage < 0)
            {
              sqlite3_bind_null (stmt, 1);
              sqlite3_bind_null (stmt, 2);
            }
          else
            {
              sqlite3_bind_double (stmt, 1, index);
              sqlite3_bind_int (stmt, 2, stage);
            }
          sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
          sqlite3_bind_int64 (stmt, 4, id);
        }
      ok = update_one (self, stmt, id, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

static GBytes *
get_model_bytes_locked (SihuaStore  *self,
                        const char  *model_id,
                        const char  *version,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  stmt = _sihua_store_prepare (self,
                               "SELECT json FROM models WHERE model_id = ? AND model_version = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  _sihua_store_bind_text (stmt, 1, model_id);
  _sihua_store_bind_text (stmt, 2, version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sihua_row_text_check (stmt, SIHUA_ROW_MODEL, -1, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
    }
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                 _("The database holds no copy of model %s version %s"), model_id, version);
  sqlite3_finalize (stmt);

  return bytes;
}

/**
 * sihua_store_get_model_bytes:
 * @self: a store
 * @model_id: a model id
 * @version: its exact version
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the model file as it was when an assessment
 *   first used it, or %NULL with @error set
 */
GBytes *
sihua_store_get_model_bytes (SihuaStore  *self,
                             const char  *model_id,
                             const char  *version,
                             GError     **error)
{
  GBytes *bytes;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (model_id != NULL && version != NULL, NULL);

  g_mutex_lock (&self->mutex);
  bytes = get_model_bytes_locked (self, model_id, version, error);
  g_mutex_unlock (&self->mutex);

  return bytes;
}

/**
 * sihua_store_load_assessment_model:
 * @self: a store
 * @assessment_id: an assessment id
 * @error: return location for a #SIHUA_STORE_ERROR or #SIHUA_MODEL_ERROR
 *
 * The exact model version the assessment was started with, loaded from the
 * copy kept in the database, whatever models are installed now.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
SihuaModel *
sihua_store_load_assessment_model (SihuaStore  *self,
                                   gint64       assessment_id,
                                   GError     **error)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  assessment = sihua_store_get_assessment (self, assessment_id, error);
  if (assessment == NULL)
    return NULL;
  bytes = sihua_store_get_model_bytes (self, assessment->model_id, assessment->model_version, error);
  if (bytes == NULL)
    return NULL;

  source = g_strdup_printf ("%s@%s", assessment->model_id, assessment->model_version);

  return sihua_model_new_from_bytes (bytes, source, error);
}
