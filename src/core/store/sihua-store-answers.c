/* sihua-store-answers.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-row-text.h"
#include "sihua-store-private.h"

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Writes one answer (or clears it when @serialized is NULL) and its history
 * row, inside the caller's transaction. A call that changes nothing writes
 * nothing, so a view that sends the same value twice adds no history. */
static gboolean
apply_answer (SihuaStore  *self,
              gint64       assessment_id,
              const char  *question_id,
              const char  *serialized,
              const char  *note,
              const char  *evidence,
              GError     **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *old_note = NULL;
  g_autofree char *old_evidence = NULL;
  g_autofree char *uuid = NULL;
  gboolean had_row = FALSE;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  note = empty_to_null (note);
  evidence = empty_to_null (evidence);
  if (serialized == NULL)
    note = evidence = NULL;

  stmt = _sihua_store_prepare (self,
                               "SELECT value, note, evidence FROM answers"
                               " WHERE assessment_id = ? AND question_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, question_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* The old text goes into the history: never copy damage there. */
      if (!sihua_row_text_check (stmt, SIHUA_ROW_ANSWER, -1, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      had_row = TRUE;
      old_value = _sihua_store_column_text (stmt, 0);
      old_note = _sihua_store_column_text (stmt, 1);
      old_evidence = _sihua_store_column_text (stmt, 2);
    }
  sqlite3_finalize (stmt);

  if (g_strcmp0 (old_value, serialized) == 0 &&
      g_strcmp0 (old_note, note) == 0 &&
      g_strcmp0 (old_evidence, evidence) == 0)
    return TRUE;

  if (serialized == NULL)
    {
      stmt = _sihua_store_prepare (self,
                                   "DELETE FROM answers WHERE assessment_id = ? AND question_id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _sihua_store_bind_text (stmt, 2, question_id);
    }
  else
    {
      uuid = g_uuid_string_random ();
      stmt = _sihua_store_prepare (self,
                                   "INSERT INTO answers (uuid, assessment_id, question_id, value, note,"
                                   " evidence, author, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                   " ON CONFLICT (assessment_id, question_id) DO UPDATE SET"
                                   " value = excluded.value, note = excluded.note,"
                                   " evidence = excluded.evidence, author = excluded.author,"
                                   " updated_at = excluded.updated_at",
                                   error);
      if (stmt == NULL)
        return FALSE;
      _sihua_store_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, assessment_id);
      _sihua_store_bind_text (stmt, 3, question_id);
      _sihua_store_bind_text (stmt, 4, serialized);
      _sihua_store_bind_text (stmt, 5, note);
      _sihua_store_bind_text (stmt, 6, evidence);
      _sihua_store_bind_text (stmt, 7, self->author);
      sqlite3_bind_int64 (stmt, 8, now);
    }
  if (!_sihua_store_step_done (self, stmt, error))
    return FALSE;

  if (!had_row && serialized == NULL)
    return TRUE;

  g_free (uuid);
  uuid = g_uuid_string_random ();
  stmt = _sihua_store_prepare (self,
                               "INSERT INTO answer_history (uuid, assessment_id, question_id,"
                               " old_value, old_note, old_evidence, new_value, new_note, new_evidence,"
                               " author, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _sihua_store_bind_text (stmt, 3, question_id);
  _sihua_store_bind_text (stmt, 4, old_value);
  _sihua_store_bind_text (stmt, 5, old_note);
  _sihua_store_bind_text (stmt, 6, old_evidence);
  _sihua_store_bind_text (stmt, 7, serialized);
  _sihua_store_bind_text (stmt, 8, note);
  _sihua_store_bind_text (stmt, 9, evidence);
  _sihua_store_bind_text (stmt, 10, self->author);
  sqlite3_bind_int64 (stmt, 11, now);

  return _sihua_store_step_done (self, stmt, error);
}

gboolean
_sihua_store_set_answer_locked (SihuaStore              *self,
                                gint64                   assessment_id,
                                const char              *question_id,
                                const SihuaAnswerValue  *value,
                                const char              *note,
                                const char              *evidence,
                                GError                 **error)
{
  g_autofree char *serialized = value != NULL ? sihua_answer_value_serialize (value) : NULL;

  if (!_sihua_store_begin (self, error))
    return FALSE;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error) ||
      !apply_answer (self, assessment_id, question_id, serialized, note, evidence, error))
    {
      _sihua_store_rollback (self);
      return FALSE;
    }

  return _sihua_store_commit (self, error);
}

/**
 * sihua_store_set_answer:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: the question answered
 * @value: (nullable): the answer, already checked against the question
 *   (sihua_answer_value_parse() and friends); %NULL clears the answer
 * @note: (nullable): the consultant's note
 * @evidence: (nullable): what was seen to back the answer
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Stores an answer in its own transaction and returns only once it is
 * committed to disk: after %TRUE the answer survives a crash or power cut.
 * The change is added to the history (see sihua_store_get_history(),
 * sihua_store_undo()) with the store's author. Blocks for one disk sync:
 * the GUI uses sihua_store_set_answer_async().
 *
 * Returns: whether the answer is committed
 */
gboolean
sihua_store_set_answer (SihuaStore              *self,
                        gint64                   assessment_id,
                        const char              *question_id,
                        const SihuaAnswerValue  *value,
                        const char              *note,
                        const char              *evidence,
                        GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = _sihua_store_set_answer_locked (self, assessment_id, question_id, value, note, evidence, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}

GHashTable *
_sihua_store_load_answers_locked (SihuaStore  *self,
                                  gint64       assessment_id,
                                  GError     **error)
{
  g_autoptr(GHashTable) answers = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    return NULL;

  stmt = _sihua_store_prepare (self,
                               "SELECT question_id, value, note, evidence FROM answers"
                               " WHERE assessment_id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);

  answers = sihua_answer_table_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *question_id = _sihua_store_column_question_id (stmt, 0, error);
      g_autoptr(GError) local_error = NULL;
      SihuaAnswerValue *value;

      if (question_id == NULL ||
          !sihua_row_text_check (stmt, SIHUA_ROW_ANSWER, 0, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }

      value = sihua_answer_value_deserialize ((const char *)sqlite3_column_text (stmt, 1), &local_error);
      if (value == NULL)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                       _("The stored answer to %s cannot be read: %s"),
                       question_id, local_error->message);
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_hash_table_insert (answers, g_strdup (question_id),
                           sihua_answer_new (question_id, value,
                                             (const char *)sqlite3_column_text (stmt, 2),
                                             (const char *)sqlite3_column_text (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&answers);
}

/**
 * sihua_store_load_answers:
 * @self: a store
 * @assessment_id: the assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the answers as made by sihua_answer_table_new()
 *   (question id → #SihuaAnswer), or %NULL with @error set
 */
GHashTable *
sihua_store_load_answers (SihuaStore  *self,
                          gint64       assessment_id,
                          GError     **error)
{
  GHashTable *answers;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  answers = _sihua_store_load_answers_locked (self, assessment_id, error);
  g_mutex_unlock (&self->mutex);

  return answers;
}

void
sihua_answer_change_free (SihuaAnswerChange *change)
{
  if (change == NULL)
    return;

  g_free (change->question_id);
  g_clear_pointer (&change->old_value, sihua_answer_value_free);
  g_free (change->old_note);
  g_free (change->old_evidence);
  g_clear_pointer (&change->new_value, sihua_answer_value_free);
  g_free (change->new_note);
  g_free (change->new_evidence);
  g_free (change->author);
  g_free (change);
}

#define CHANGE_COLUMNS \
  "id, question_id, old_value, old_note, old_evidence, new_value, new_note, new_evidence," \
  " author, changed_at"

static SihuaAnswerValue *
column_value (sqlite3_stmt *stmt,
              int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;

  return sihua_answer_value_deserialize ((const char *)sqlite3_column_text (stmt, index), NULL);
}

static SihuaAnswerChange *
change_from_row (sqlite3_stmt *stmt)
{
  SihuaAnswerChange *change = g_new0 (SihuaAnswerChange, 1);

  change->id = sqlite3_column_int64 (stmt, 0);
  change->question_id = _sihua_store_column_text (stmt, 1);
  change->old_value = column_value (stmt, 2);
  change->old_note = _sihua_store_column_text (stmt, 3);
  change->old_evidence = _sihua_store_column_text (stmt, 4);
  change->new_value = column_value (stmt, 5);
  change->new_note = _sihua_store_column_text (stmt, 6);
  change->new_evidence = _sihua_store_column_text (stmt, 7);
  change->author = _sihua_store_column_text (stmt, 8);
  change->changed_at = sqlite3_column_int64 (stmt, 9);

  return change;
}

/**
 * sihua_store_get_history:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: (nullable): one question, or %NULL for all
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaAnswerChange): the changes,
 *   oldest first, or %NULL with @error set
 */
GPtrArray *
sihua_store_get_history (SihuaStore  *self,
                         gint64       assessment_id,
                         const char  *question_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  stmt = _sihua_store_prepare (self,
                               "SELECT " CHANGE_COLUMNS " FROM answer_history WHERE assessment_id = ?"
                               " AND (?2 IS NULL OR question_id = ?2) ORDER BY id",
                               error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (_sihua_store_column_question_id (stmt, 1, error) == NULL ||
          !sihua_row_text_check (stmt, SIHUA_ROW_CHANGE, 1, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        break;
      g_ptr_array_add (changes, change_from_row (stmt));
    }
  if (rc == SQLITE_ROW)
    g_clear_pointer (&changes, g_ptr_array_unref);
  else if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      g_clear_pointer (&changes, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&changes);
}

/**
 * sihua_store_undo:
 * @self: a store
 * @assessment_id: the assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *   (%SIHUA_STORE_ERROR_NOTHING_TO_UNDO when the history is empty)
 *
 * Takes back the assessment's latest answer change: the answer gets its old
 * value, note and evidence again (or becomes unanswered), and the change
 * leaves the history, so calling again undoes the change before it.
 * Answers copied from a previous assessment are the starting point and
 * cannot be undone.
 *
 * Returns: (transfer full): the change that was undone, or %NULL with @error set
 */
SihuaAnswerChange *
sihua_store_undo (SihuaStore  *self,
                  gint64       assessment_id,
                  GError     **error)
{
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autofree char *old_serialized = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto out;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error))
    goto rollback;

  stmt = _sihua_store_prepare (self,
                               "SELECT " CHANGE_COLUMNS " FROM answer_history WHERE assessment_id = ?"
                               " ORDER BY id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (_sihua_store_column_question_id (stmt, 1, error) == NULL ||
          !sihua_row_text_check (stmt, SIHUA_ROW_CHANGE, 1, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
        {
          sqlite3_finalize (stmt);
          goto rollback;
        }
      change = change_from_row (stmt);
      old_serialized = _sihua_store_column_text (stmt, 2);
    }
  sqlite3_finalize (stmt);

  if (change == NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO,
                   _("Assessment %lld has no answer change to undo"), (long long) assessment_id);
      goto rollback;
    }

  if (old_serialized == NULL)
    {
      stmt = _sihua_store_prepare (self,
                                   "DELETE FROM answers WHERE assessment_id = ? AND question_id = ?",
                                   error);
      if (stmt == NULL)
        goto rollback;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _sihua_store_bind_text (stmt, 2, change->question_id);
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = _sihua_store_prepare (self,
                                   "INSERT INTO answers (uuid, assessment_id, question_id, value, note,"
                                   " evidence, author, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                                   " ON CONFLICT (assessment_id, question_id) DO UPDATE SET"
                                   " value = excluded.value, note = excluded.note,"
                                   " evidence = excluded.evidence, author = excluded.author,"
                                   " updated_at = excluded.updated_at",
                                   error);
      if (stmt == NULL)
        goto rollback;
      _sihua_store_bind_text (stmt, 1, uuid);
      sqlite3_bind_int64 (stmt, 2, assessment_id);
      _sihua_store_bind_text (stmt, 3, change->question_id);
      _sihua_store_bind_text (stmt, 4, old_serialized);
      _sihua_store_bind_text (stmt, 5, change->old_note);
      _sihua_store_bind_text (stmt, 6, change->old_evidence);
      _sihua_store_bind_text (stmt, 7, self->author);
      sqlite3_bind_int64 (stmt, 8, g_get_real_time ());
    }
  if (!_sihua_store_step_done (self, stmt, error))
    goto rollback;

  stmt = _sihua_store_prepare (self, "DELETE FROM answer_history WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, change->id);
  if (!_sihua_store_step_done (self, stmt, error))
    goto rollback;

  if (!_sihua_store_commit (self, error))
    g_clear_pointer (&change, sihua_answer_change_free);
  goto out;

rollback:
  g_clear_pointer (&change, sihua_answer_change_free);
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&change);
}

/**
 * sihua_store_import_answers:
 * @self: a store
 * @assessment_id: the assessment
 * @answers: (element-type SihuaAnswer): answers already checked against the
 *   assessment's model
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Stores all @answers in one transaction: either every one is committed
 * (each with its history entry) or, on any error, none.
 *
 * Returns: whether the answers are committed
 */
gboolean
sihua_store_import_answers (SihuaStore  *self,
                            gint64       assessment_id,
                            GPtrArray   *answers,
                            GError     **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto out;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error))
    goto rollback;

  for (guint i = 0; i < answers->len; i++)
    {
      SihuaAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *serialized = answer->value != NULL ? sihua_answer_value_serialize (answer->value) : NULL;

      if (!apply_answer (self, assessment_id, answer->question_id, serialized,
                         answer->note, answer->evidence, error))
        goto rollback;
    }

  ok = _sihua_store_commit (self, error);
  goto out;

rollback:
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return ok;
}
