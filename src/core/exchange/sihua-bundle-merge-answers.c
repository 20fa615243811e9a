/* sihua-bundle-merge-answers.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <string.h>

#include "sihua-bundle-merge-private.h"
#include "sihua-exchange-db.h"

/*
 * Merging the answers of an assessment both laptops hold, answer by answer
 * against their common history (sihua-bundle-ancestry.c says which side
 * changed what). A change made on one side only is taken as it is; only an
 * answer changed on both sides waits for the consultant's choice.
 */

static void
answer_plan_free (AnswerPlan *plan)
{
  g_free (plan->question_id);
  g_clear_pointer (&plan->mine, json_object_unref);
  g_free (plan);
}

/* question id → GPtrArray of the rows of @table_id here for the assessment
 * @uuid, in the order they were written. */
static GHashTable *
rows_here (Merge              *merge,
           BundleTableId       table_id,
           const char         *uuid,
           GError            **error)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];
  g_autofree char *sql = g_strdup_printf ("%s WHERE a.uuid = ?1 ORDER BY %s",
                                          table->select_sql, table->order_sql);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = _sihua_bundle_merge_stmt (merge, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *row = _sihua_bundle_row_to_object (stmt, table);
      const char *question_id = json_object_get_string_member (row, "question_id");
      GPtrArray *group = g_hash_table_lookup (rows, question_id);

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
          g_hash_table_insert (rows, g_strdup (question_id), group);
        }
      g_ptr_array_add (group, row);
    }
  if (rc != SQLITE_DONE)
    {
      sihua_exchange_db_error (merge->db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* question id → GPtrArray of the bundle's rows of @uuid, in bundle order. */
static GHashTable *
rows_there (GHashTable *by_assessment,
            const char *uuid)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *all = g_hash_table_lookup (by_assessment, uuid);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      JsonObject *row = g_ptr_array_index (all, i);
      const char *question_id = json_object_get_string_member (row, "question_id");
      GPtrArray *group = g_hash_table_lookup (rows, question_id);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (rows, (gpointer) question_id, group);
        }
      g_ptr_array_add (group, row);
    }

  return rows;
}

static JsonObject *
first_row (GHashTable *rows,
           const char *question_id)
{
  GPtrArray *group = g_hash_table_lookup (rows, question_id);

  return group != NULL && group->len > 0 ? g_ptr_array_index (group, 0) : NULL;
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const AnswerPlan *x = *(const AnswerPlan **) a;
  const AnswerPlan *y = *(const AnswerPlan **) b;

  return strcmp (x->question_id, y->question_id);
}

GPtrArray *
_sihua_bundle_plan_answers (Merge       *merge,
                            const char  *uuid,
                            GError     **error)
{
  g_autoptr(GHashTable) my_answers = NULL;
  g_autoptr(GHashTable) my_history = NULL;
  g_autoptr(GHashTable) their_answers = rows_there (merge->answers_by_assessment, uuid);
  g_autoptr(GHashTable) their_history = rows_there (merge->history_by_assessment, uuid);
  g_autoptr(GHashTable) questions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_plan_free);
  GHashTable *sources[4];
  GHashTableIter iter;
  gpointer key;

  my_answers = rows_here (merge, BUNDLE_TABLE_ANSWERS, uuid, error);
  if (my_answers == NULL)
    return NULL;
  my_history = rows_here (merge, BUNDLE_TABLE_HISTORY, uuid, error);
  if (my_history == NULL)
    return NULL;

  sources[0] = my_answers;
  sources[1] = my_history;
  sources[2] = their_answers;
  sources[3] = their_history;
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_hash_table_iter_init (&iter, sources[s]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (questions, key);
    }

  g_hash_table_iter_init (&iter, questions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *question_id = key;
      JsonObject *mine = first_row (my_answers, question_id);
      JsonObject *theirs = first_row (their_answers, question_id);
      AnswerPlan *plan = g_new0 (AnswerPlan, 1);

      plan->question_id = g_strdup (question_id);
      plan->mine = mine != NULL ? json_object_ref (mine) : NULL;
      plan->theirs = theirs;
      plan->changed = _sihua_bundle_changed_side (mine, g_hash_table_lookup (my_history, question_id),
                                                  theirs, g_hash_table_lookup (their_history, question_id));
      g_ptr_array_add (plans, plan);
    }
  g_ptr_array_sort (plans, compare_plans);

  return g_steal_pointer (&plans);
}

static const char *
state_text (JsonObject *row,
            const char *name)
{
  const char *text = row != NULL ? json_object_get_string_member_with_default (row, name, NULL) : NULL;

  return text != NULL && *text != '\0' ? text : NULL;
}

/* A history row for a merge decision: the answer went from @before to
 * @after (the same for "keep mine"), decided here and now. */
static gboolean
record_decision (Merge       *merge,
                 const char  *assessment_uuid,
                 AnswerPlan  *plan,
                 JsonObject  *before,
                 JsonObject  *after,
                 const char  *side,
                 GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = _sihua_bundle_merge_stmt (merge,
                                   "INSERT INTO answer_history (uuid, assessment_id, question_id,"
                                   " old_value, old_note, old_evidence, new_value, new_note,"
                                   " new_evidence, author, changed_at, merge_choice)"
                                   " VALUES (?1, (SELECT id FROM assessments WHERE uuid = ?2), ?3,"
                                   " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sihua_exchange_bind_text (stmt, 2, assessment_uuid);
  sihua_exchange_bind_text (stmt, 3, plan->question_id);
  sihua_exchange_bind_text (stmt, 4, state_text (before, "value"));
  sihua_exchange_bind_text (stmt, 5, state_text (before, "value") != NULL ? state_text (before, "note") : NULL);
  sihua_exchange_bind_text (stmt, 6, state_text (before, "value") != NULL ? state_text (before, "evidence") : NULL);
  sihua_exchange_bind_text (stmt, 7, state_text (after, "value"));
  sihua_exchange_bind_text (stmt, 8, state_text (after, "value") != NULL ? state_text (after, "note") : NULL);
  sihua_exchange_bind_text (stmt, 9, state_text (after, "value") != NULL ? state_text (after, "evidence") : NULL);
  sihua_exchange_bind_text (stmt, 10, merge->author);
  sqlite3_bind_int64 (stmt, 11, merge->now);
  sihua_exchange_bind_text (stmt, 12, side);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);

  return TRUE;
}

/* Makes the answer here theirs: added, replaced (their UUID with it, so
 * both laptops hold the same row), or cleared. */
static gboolean
take_theirs (Merge       *merge,
             AnswerPlan  *plan,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (plan->theirs == NULL)
    {
      stmt = _sihua_bundle_merge_stmt (merge, "DELETE FROM answers WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sihua_exchange_bind_text (stmt, 1, json_object_get_string_member (plan->mine, "uuid"));
    }
  else if (plan->mine == NULL)
    return _sihua_bundle_insert_row (merge, BUNDLE_TABLE_ANSWERS, plan->theirs, NULL, NULL, error);
  else
    {
      stmt = _sihua_bundle_merge_stmt (merge,
                                       "UPDATE answers SET uuid = ?2, value = ?3, note = ?4,"
                                       " evidence = ?5, author = ?6, updated_at = ?7 WHERE uuid = ?1",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sihua_exchange_bind_text (stmt, 1, json_object_get_string_member (plan->mine, "uuid"));
      sihua_exchange_bind_text (stmt, 2, json_object_get_string_member (plan->theirs, "uuid"));
      sihua_exchange_bind_text (stmt, 3, state_text (plan->theirs, "value"));
      sihua_exchange_bind_text (stmt, 4, state_text (plan->theirs, "note"));
      sihua_exchange_bind_text (stmt, 5, state_text (plan->theirs, "evidence"));
      sihua_exchange_bind_text (stmt, 6, state_text (plan->theirs, "author"));
      sqlite3_bind_int64 (stmt, 7, json_object_get_int_member (plan->theirs, "updated_at"));
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);

  return TRUE;
}

gboolean
_sihua_bundle_apply_answers (Merge              *merge,
                             const char         *uuid,
                             GPtrArray          *plans,
                             SihuaBundleChoice   choice,
                             GError            **error)
{
  SihuaBundleReport *report = merge->report;

  for (guint i = 0; i < plans->len; i++)
    {
      AnswerPlan *plan = g_ptr_array_index (plans, i);
      gboolean take;

      switch (plan->changed)
        {
        case BUNDLE_CHANGED_NONE:
          continue;
        case BUNDLE_CHANGED_MINE:
          /* They have not seen my change yet: nothing to decide. */
          report->answers_kept++;
          continue;
        case BUNDLE_CHANGED_THEIRS:
          take = TRUE;
          break;
        case BUNDLE_CHANGED_BOTH:
          if (choice != SIHUA_BUNDLE_CHOICE_MINE && choice != SIHUA_BUNDLE_CHOICE_THEIRS)
            continue;
          report->conflicts_resolved++;
          take = choice == SIHUA_BUNDLE_CHOICE_THEIRS;
          break;
        default:
          g_assert_not_reached ();
        }

      if (!take)
        {
          report->answers_kept++;
          if (merge->apply &&
              !record_decision (merge, uuid, plan, plan->mine, plan->mine, "mine", error))
            return FALSE;
          continue;
        }

      if (plan->mine == NULL)
        report->answers_added++;
      else
        report->answers_taken++;
      if (merge->apply &&
          (!record_decision (merge, uuid, plan, plan->mine, plan->theirs, "theirs", error) ||
           !take_theirs (merge, plan, error)))
        return FALSE;
    }

  return TRUE;
}

static void
state_from_row (SihuaBundleAnswerState *state,
                JsonObject             *row)
{
  if (row == NULL)
    return;

  state->value = g_strdup (state_text (row, "value"));
  state->note = g_strdup (state_text (row, "note"));
  state->evidence = g_strdup (state_text (row, "evidence"));
  state->author = g_strdup (state_text (row, "author"));
  state->changed_at = json_object_get_int_member_with_default (row, "updated_at", 0);
}

SihuaBundleAnswerConflict *
_sihua_bundle_answer_conflict_new (AnswerPlan *plan)
{
  SihuaBundleAnswerConflict *conflict = g_new0 (SihuaBundleAnswerConflict, 1);

  conflict->question_id = g_strdup (plan->question_id);
  state_from_row (&conflict->mine, plan->mine);
  state_from_row (&conflict->theirs, plan->theirs);

  return conflict;
}

static void
state_clear (SihuaBundleAnswerState *state)
{
  g_free (state->value);
  g_free (state->note);
  g_free (state->evidence);
  g_free (state->author);
}

void
_sihua_bundle_answer_conflict_free (SihuaBundleAnswerConflict *conflict)
{
  g_free (conflict->question_id);
  state_clear (&conflict->mine);
  state_clear (&conflict->theirs);
  g_free (conflict);
}
