/* sihua-store-interviewees.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

gboolean
_sihua_store_is_finalized (SihuaStore  *self,
                           gint64       assessment_id,
                           gboolean    *finalized,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  *finalized = FALSE;
  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    return FALSE;
  stmt = _sihua_store_prepare (self, "SELECT finalized_at IS NOT NULL FROM assessments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *finalized = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return TRUE;
}

/* Refuses a change to a finalised assessment before anything is written;
 * the triggers of the schema refuse it anyway, this says it earlier and
 * also for a change that would write nothing. */
gboolean
_sihua_store_check_not_finalized (SihuaStore  *self,
                                  gint64       assessment_id,
                                  GError     **error)
{
  gboolean finalized;

  if (!_sihua_store_is_finalized (self, assessment_id, &finalized, error))
    return FALSE;
  if (finalized)
    {
      _sihua_store_set_frozen_error (error);
      return FALSE;
    }

  return TRUE;
}

static char *
tidy (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* Runs one statement that changes a row of @assessment_id in a transaction
 * of its own, after checking the assessment can change. */
static gboolean
change_locked (SihuaStore    *self,
               gint64         assessment_id,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  if (stmt == NULL)
    return FALSE;
  if (!_sihua_store_begin (self, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (!_sihua_store_check_not_finalized (self, assessment_id, error))
    {
      sqlite3_finalize (stmt);
      _sihua_store_rollback (self);
      return FALSE;
    }
  if (!_sihua_store_step_done (self, stmt, error))
    {
      _sihua_store_rollback (self);
      return FALSE;
    }

  return _sihua_store_commit (self, error);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("An interviewee needs a name"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
name_taken (SihuaStore  *self,
            gint64       assessment_id,
            const char  *name,
            gint64       except_id,
            GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "SELECT 1 FROM interviewees"
                                             " WHERE assessment_id = ? AND name = ? AND id != ?",
                                             NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (taken)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                 _("“%s” is already listed as an interviewee of this assessment"), name);

  return taken;
}

/**
 * sihua_store_add_interviewee:
 * @self: a store
 * @assessment_id: the assessment
 * @name: the person's name (spaces around it are dropped)
 * @role: (nullable): their job
 * @department: (nullable): their department
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: the new interviewee's id, or 0 with @error set (an empty or
 *   repeated name, a finalised assessment…)
 */
gint64
sihua_store_add_interviewee (SihuaStore  *self,
                             gint64       assessment_id,
                             const char  *name,
                             const char  *role,
                             const char  *department,
                             GError     **error)
{
  g_autofree char *clean_name = tidy (name);
  g_autofree char *clean_role = tidy (role);
  g_autofree char *clean_department = tidy (department);
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);

  if (!check_name (clean_name, error))
    return 0;

  g_mutex_lock (&self->mutex);
  if (_sihua_store_assessment_exists (self, assessment_id, error) &&
      !name_taken (self, assessment_id, clean_name, 0, error))
    {
      stmt = _sihua_store_prepare (self,
                                   "INSERT INTO interviewees (uuid, assessment_id, name, role, department, created_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
      if (stmt != NULL)
        {
          _sihua_store_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, assessment_id);
          _sihua_store_bind_text (stmt, 3, clean_name);
          _sihua_store_bind_text (stmt, 4, clean_role);
          _sihua_store_bind_text (stmt, 5, clean_department);
          sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
        }
      if (change_locked (self, assessment_id, stmt, error))
        id = sqlite3_last_insert_rowid (self->db);
    }
  g_mutex_unlock (&self->mutex);

  return id;
}

static gint64
interviewee_assessment (SihuaStore  *self,
                        gint64       interviewee_id,
                        GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self, "SELECT assessment_id FROM interviewees WHERE id = ?", error);
  gint64 assessment_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, interviewee_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    assessment_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (assessment_id == 0)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                 _("There is no interviewee with id %lld"), (long long) interviewee_id);

  return assessment_id;
}

/**
 * sihua_store_update_interviewee:
 * @self: a store
 * @interviewee: the interviewee with its @id; name, role and department
 *   are written
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_update_interviewee (SihuaStore              *self,
                                const SihuaInterviewee  *interviewee,
                                GError                 **error)
{
  g_autofree char *clean_name = tidy (interviewee->name);
  g_autofree char *clean_role = tidy (interviewee->role);
  g_autofree char *clean_department = tidy (interviewee->department);
  gint64 assessment_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  if (!check_name (clean_name, error))
    return FALSE;

  g_mutex_lock (&self->mutex);
  assessment_id = interviewee_assessment (self, interviewee->id, error);
  if (assessment_id != 0 && !name_taken (self, assessment_id, clean_name, interviewee->id, error))
    {
      sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                                 "UPDATE interviewees SET name = ?, role = ?, department = ?"
                                                 " WHERE id = ?",
                                                 error);

      if (stmt != NULL)
        {
          _sihua_store_bind_text (stmt, 1, clean_name);
          _sihua_store_bind_text (stmt, 2, clean_role);
          _sihua_store_bind_text (stmt, 3, clean_department);
          sqlite3_bind_int64 (stmt, 4, interviewee->id);
        }
      ok = change_locked (self, assessment_id, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * sihua_store_remove_interviewee:
 * @self: a store
 * @interviewee_id: an interviewee
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Removes the interviewee and what they answered; the consolidated answers
 * stay as they are.
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_remove_interviewee (SihuaStore  *self,
                                gint64       interviewee_id,
                                GError     **error)
{
  gint64 assessment_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  assessment_id = interviewee_assessment (self, interviewee_id, error);
  if (assessment_id != 0)
    {
      sqlite3_stmt *stmt = _sihua_store_prepare (self, "DELETE FROM interviewees WHERE id = ?", error);

      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, interviewee_id);
      ok = change_locked (self, assessment_id, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * _sihua_store_list_rows:
 * @self: a store
 * @assessment_id: the assessment whose rows are read; bound to the
 *   statement's only parameter
 * @sql: the SELECT
 * @read_row: makes one item of the current row, or %NULL with @error set
 *   when the row is damaged
 * @free_item: frees an item
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the items, or %NULL with @error set
 */
GPtrArray *
_sihua_store_list_rows (SihuaStore            *self,
                        gint64                 assessment_id,
                        const char            *sql,
                        SihuaStoreRowReader    read_row,
                        GDestroyNotify         free_item,
                        GError               **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_item);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  g_mutex_lock (&self->mutex);
  if (_sihua_store_assessment_exists (self, assessment_id, error))
    stmt = _sihua_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer item = read_row (stmt, assessment_id, error);

      if (item == NULL)
        break;
      g_ptr_array_add (list, item);
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

static gpointer
read_interviewee (sqlite3_stmt  *stmt,
                  gint64         assessment_id,
                  GError       **error)
{
  SihuaInterviewee *interviewee = g_new0 (SihuaInterviewee, 1);
  const char *name = (const char *) sqlite3_column_text (stmt, 1);

  interviewee->id = sqlite3_column_int64 (stmt, 0);
  interviewee->assessment_id = assessment_id;
  interviewee->name = g_strdup (name != NULL ? name : "");
  interviewee->role = _sihua_store_column_text (stmt, 2);
  interviewee->department = _sihua_store_column_text (stmt, 3);

  return interviewee;
}

/**
 * sihua_store_list_interviewees:
 * @self: a store
 * @assessment_id: an assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaInterviewee): the people
 *   interviewed, in the order they were added, or %NULL with @error set
 */
GPtrArray *
sihua_store_list_interviewees (SihuaStore  *self,
                               gint64       assessment_id,
                               GError     **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return _sihua_store_list_rows (self, assessment_id,
                                 "SELECT id, name, role, department FROM interviewees"
                                 " WHERE assessment_id = ? ORDER BY id",
                                 read_interviewee, (GDestroyNotify) sihua_interviewee_free, error);
}

/**
 * sihua_store_set_interviewee_answer:
 * @self: a store
 * @interviewee_id: who answered
 * @question_id: the question
 * @value: (nullable): what they said, already checked against the
 *   question; %NULL forgets it
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Keeps what one interviewee said. It does not change the consolidated
 * answer, which is the one that scores.
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_set_interviewee_answer (SihuaStore              *self,
                                    gint64                   interviewee_id,
                                    const char              *question_id,
                                    const SihuaAnswerValue  *value,
                                    GError                 **error)
{
  g_autofree char *serialized = value != NULL ? sihua_answer_value_serialize (value) : NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 assessment_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  assessment_id = interviewee_assessment (self, interviewee_id, error);
  if (assessment_id != 0)
    {
      sqlite3_stmt *stmt;

      if (serialized == NULL)
        stmt = _sihua_store_prepare (self,
                                     "DELETE FROM interviewee_answers WHERE interviewee_id = ? AND question_id = ?",
                                     error);
      else
        stmt = _sihua_store_prepare (self,
                                     "INSERT INTO interviewee_answers"
                                     " (interviewee_id, question_id, value, updated_at, uuid)"
                                     " VALUES (?, ?, ?, ?, ?)"
                                     " ON CONFLICT (interviewee_id, question_id) DO UPDATE"
                                     " SET value = excluded.value, updated_at = excluded.updated_at",
                                     error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, interviewee_id);
          _sihua_store_bind_text (stmt, 2, question_id);
          if (serialized != NULL)
            {
              _sihua_store_bind_text (stmt, 3, serialized);
              sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
              _sihua_store_bind_text (stmt, 5, uuid);
            }
        }
      ok = change_locked (self, assessment_id, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

static gpointer
read_interviewee_answer (sqlite3_stmt  *stmt,
                         gint64         assessment_id,
                         GError       **error)
{
  g_autoptr(GError) value_error = NULL;
  SihuaIntervieweeAnswer *answer;
  SihuaAnswerValue *value;
  const char *question_id = _sihua_store_column_question_id (stmt, 2, error);

  if (question_id == NULL)
    return NULL;
  value = sihua_answer_value_deserialize ((const char *) sqlite3_column_text (stmt, 3), &value_error);
  if (value == NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("An interviewee’s answer to %s is damaged: %s"), question_id, value_error->message);
      return NULL;
    }
  answer = g_new0 (SihuaIntervieweeAnswer, 1);
  answer->interviewee_id = sqlite3_column_int64 (stmt, 0);
  answer->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  answer->question_id = g_strdup (question_id);
  answer->value = value;

  return answer;
}

/**
 * sihua_store_list_interviewee_answers:
 * @self: a store
 * @assessment_id: an assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaIntervieweeAnswer): what
 *   every interviewee said, by question and then in the order the
 *   interviewees were added, or %NULL with @error set (a damaged value is
 *   refused like a damaged answer)
 */
GPtrArray *
sihua_store_list_interviewee_answers (SihuaStore  *self,
                                      gint64       assessment_id,
                                      GError     **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return _sihua_store_list_rows (self, assessment_id,
                                 "SELECT i.id, i.name, a.question_id, a.value"
                                 " FROM interviewee_answers a JOIN interviewees i ON a.interviewee_id = i.id"
                                 " WHERE i.assessment_id = ? ORDER BY a.question_id, i.id",
                                 read_interviewee_answer, (GDestroyNotify) sihua_interviewee_answer_free, error);
}
