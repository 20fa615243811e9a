/* sihua-store-roadmap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-store-private.h"

/* The consultant's changes to an assessment's roadmap: one row per measure
 * changed or added; the ranking rule places all the others. Each change is
 * kept in roadmap_history as the row before and after. */

static const char * const horizon_names[] = { "short", "medium", "long" };

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
check_edit (const SihuaRoadmapEdit  *edit,
            GError                 **error)
{
  if (edit->measure_id == NULL || *edit->measure_id == '\0')
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A roadmap change needs the measure it is about"));
      return FALSE;
    }
  if (edit->title != NULL && is_blank (edit->title))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A measure of your own needs a title"));
      return FALSE;
    }
  if (!isnan (edit->budget) && (!isfinite (edit->budget) || edit->budget < 0))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("The budget must be a sum of 0 or more, in 10 000 yuan (万元)"));
      return FALSE;
    }
  if ((edit->start != NULL && !sihua_roadmap_month_is_valid (edit->start))
      || (edit->due != NULL && !sihua_roadmap_month_is_valid (edit->due)))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A month is written as YYYY-MM, for example 2027-03"));
      return FALSE;
    }
  if (edit->start != NULL && edit->due != NULL && g_strcmp0 (edit->due, edit->start) < 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("The due month %s comes before the start month %s"), edit->due, edit->start);
      return FALSE;
    }
  if (edit->horizon >= (int) G_N_ELEMENTS (horizon_names) || edit->rank == 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A measure's place is a rank from 1 and a phase of short, medium or long"));
      return FALSE;
    }

  return TRUE;
}

static SihuaRoadmapEdit *
read_edit (sqlite3_stmt *stmt)
{
  g_autofree char *measure_id = _sihua_store_column_text (stmt, 0);
  SihuaRoadmapEdit *edit = sihua_roadmap_edit_new (measure_id != NULL ? measure_id : "");
  g_autofree char *horizon = NULL;
  g_autofree char *status = NULL;

  edit->title = _sihua_store_column_text (stmt, 1);
  edit->dimension_id = _sihua_store_column_text (stmt, 2);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    edit->rank = sqlite3_column_int (stmt, 3);
  horizon = _sihua_store_column_text (stmt, 4);
  for (guint h = 0; horizon != NULL && h < G_N_ELEMENTS (horizon_names); h++)
    if (g_str_equal (horizon, horizon_names[h]))
      edit->horizon = h;
  status = _sihua_store_column_text (stmt, 5);
  sihua_measure_status_from_string (status, &edit->status);
  edit->owner = _sihua_store_column_text (stmt, 6);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    edit->budget = sqlite3_column_double (stmt, 7);
  edit->start = _sihua_store_column_text (stmt, 8);
  edit->due = _sihua_store_column_text (stmt, 9);
  edit->note = _sihua_store_column_text (stmt, 10);

  return edit;
}

#define EDIT_COLUMNS \
  "measure_id, title, dimension_id, rank, horizon, status, owner, budget, start_month, due_month, note"

static SihuaRoadmapEdit *
lookup_locked (SihuaStore  *self,
               gint64       assessment_id,
               const char  *measure_id,
               GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "SELECT " EDIT_COLUMNS " FROM roadmap_measures"
                                             " WHERE assessment_id = ? AND measure_id = ?",
                                             error);
  SihuaRoadmapEdit *edit = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, measure_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    edit = read_edit (stmt);
  sqlite3_finalize (stmt);

  return edit;
}

static gboolean
write_locked (SihuaStore             *self,
              gint64                  assessment_id,
              const SihuaRoadmapEdit *edit,
              GError                **error)
{
  g_autoptr(SihuaRoadmapEdit) before = lookup_locked (self, assessment_id, edit->measure_id, NULL);
  g_autofree char *before_json = before != NULL ? sihua_roadmap_edit_to_json (before) : NULL;
  g_autofree char *after_json = sihua_roadmap_edit_to_json (edit);
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  if (before_json != NULL && g_str_equal (before_json, after_json))
    return TRUE;

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO roadmap_measures (uuid, assessment_id, " EDIT_COLUMNS
                               ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (assessment_id, measure_id) DO UPDATE SET"
                               " title = excluded.title, dimension_id = excluded.dimension_id,"
                               " rank = excluded.rank, horizon = excluded.horizon,"
                               " status = excluded.status, owner = excluded.owner,"
                               " budget = excluded.budget, start_month = excluded.start_month,"
                               " due_month = excluded.due_month, note = excluded.note,"
                               " updated_at = excluded.updated_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _sihua_store_bind_text (stmt, 3, edit->measure_id);
  _sihua_store_bind_text (stmt, 4, edit->title);
  _sihua_store_bind_text (stmt, 5, edit->dimension_id);
  if (edit->rank > 0)
    sqlite3_bind_int (stmt, 6, edit->rank);
  if (edit->horizon >= 0)
    _sihua_store_bind_text (stmt, 7, horizon_names[edit->horizon]);
  _sihua_store_bind_text (stmt, 8, sihua_measure_status_to_string (edit->status));
  _sihua_store_bind_text (stmt, 9, edit->owner);
  if (!isnan (edit->budget))
    sqlite3_bind_double (stmt, 10, edit->budget);
  _sihua_store_bind_text (stmt, 11, edit->start);
  _sihua_store_bind_text (stmt, 12, edit->due);
  _sihua_store_bind_text (stmt, 13, edit->note);
  sqlite3_bind_int64 (stmt, 14, now);
  if (!_sihua_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO roadmap_history (assessment_id, measure_id, before, after,"
                               " changed_at) VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, edit->measure_id);
  _sihua_store_bind_text (stmt, 3, before_json);
  _sihua_store_bind_text (stmt, 4, after_json);
  sqlite3_bind_int64 (stmt, 5, now);

  return _sihua_store_step_done (self, stmt, error);
}

static gboolean
change_locked (SihuaStore             *self,
               gint64                  assessment_id,
               const SihuaRoadmapEdit *edit,
               GError                **error)
{
  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    return FALSE;
  if (!_sihua_store_begin (self, error))
    return FALSE;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error)
      || !write_locked (self, assessment_id, edit, error))
    {
      _sihua_store_rollback (self);
      return FALSE;
    }

  return _sihua_store_commit (self, error);
}

/**
 * sihua_store_set_roadmap_edit:
 * @self: a store
 * @assessment_id: the assessment
 * @edit: the whole of the consultant's changes to one measure
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Stores @edit in place of the measure's earlier changes and keeps the
 * change in the history. Nothing is written when @edit is invalid (a month
 * not YYYY-MM, a due month before the start, a negative budget…) or the
 * assessment is finalised.
 *
 * Returns: whether it was stored
 */
gboolean
sihua_store_set_roadmap_edit (SihuaStore              *self,
                              gint64                   assessment_id,
                              const SihuaRoadmapEdit  *edit,
                              GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!check_edit (edit, error))
    return FALSE;

  g_mutex_lock (&self->mutex);
  ok = change_locked (self, assessment_id, edit, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * sihua_store_add_own_measure:
 * @self: a store
 * @assessment_id: the assessment
 * @title: what the measure is
 * @dimension_id: (nullable): the dimension it raises
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the new measure's id ("own.1", …)
 */
char *
sihua_store_add_own_measure (SihuaStore  *self,
                             gint64       assessment_id,
                             const char  *title,
                             const char  *dimension_id,
                             GError     **error)
{
  g_autoptr(SihuaRoadmapEdit) edit = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (title != NULL ? title : ""));
  sqlite3_stmt *stmt;
  gint64 n = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  if (*clean == '\0')
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A measure of your own needs a title"));
      return NULL;
    }

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT count(*) FROM roadmap_measures"
                               " WHERE assessment_id = ? AND title IS NOT NULL",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);

      edit = sihua_roadmap_edit_new ("own");
      for (;; n++)
        {
          g_autoptr(SihuaRoadmapEdit) taken = NULL;

          g_free (edit->measure_id);
          edit->measure_id = g_strdup_printf ("own.%" G_GINT64_FORMAT, n + 1);
          taken = lookup_locked (self, assessment_id, edit->measure_id, NULL);
          if (taken == NULL)
            break;
        }
      edit->title = g_steal_pointer (&clean);
      edit->dimension_id = g_strdup (dimension_id);
      ok = change_locked (self, assessment_id, edit, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok ? g_strdup (edit->measure_id) : NULL;
}

/**
 * sihua_store_list_roadmap_edits:
 *
 * Returns: (transfer full) (element-type SihuaRoadmapEdit): the changes to
 *   the roadmap of @assessment_id, oldest first; NULL with @error set
 */
GPtrArray *
sihua_store_list_roadmap_edits (SihuaStore  *self,
                                gint64       assessment_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_roadmap_edit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT " EDIT_COLUMNS " FROM roadmap_measures"
                               " WHERE assessment_id = ? ORDER BY id",
                               error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (edits, read_edit (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&edits);
}

/**
 * sihua_store_count_roadmap_history:
 *
 * Returns: how many changes the roadmap of @assessment_id has seen
 */
guint
sihua_store_count_roadmap_history (SihuaStore  *self,
                                   gint64       assessment_id,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self, "SELECT count(*) FROM roadmap_history WHERE assessment_id = ?",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return n;
}
