/* sihua-interviewee.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-interviewee"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-interviewee.h"

G_DEFINE_BOXED_TYPE (SihuaInterviewee, sihua_interviewee, sihua_interviewee_copy, sihua_interviewee_free)

SihuaInterviewee *
sihua_interviewee_copy (const SihuaInterviewee *interviewee)
{
  SihuaInterviewee *copy;

  g_return_val_if_fail (interviewee != NULL, NULL);

  copy = g_memdup2 (interviewee, sizeof *interviewee);
  copy->name = g_strdup (interviewee->name);
  copy->role = g_strdup (interviewee->role);
  copy->department = g_strdup (interviewee->department);

  return copy;
}

void
sihua_interviewee_free (SihuaInterviewee *interviewee)
{
  if (interviewee == NULL)
    return;
  g_free (interviewee->name);
  g_free (interviewee->role);
  g_free (interviewee->department);
  g_free (interviewee);
}

/**
 * sihua_interviewee_describe:
 * @interviewee: an interviewee
 *
 * Returns: (transfer full): the name with what is known of role and
 *   department, as the report's cover lists it: "王芳（生产部 · 生产经理）"
 */
char *
sihua_interviewee_describe (const SihuaInterviewee *interviewee)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (interviewee->department != NULL && *interviewee->department != '\0')
    g_ptr_array_add (parts, interviewee->department);
  if (interviewee->role != NULL && *interviewee->role != '\0')
    g_ptr_array_add (parts, interviewee->role);
  if (parts->len == 0)
    return g_strdup (interviewee->name);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);

  /* TRANSLATORS: an interviewee: name (department · role) */
  return g_strdup_printf (_("%s (%s)"), interviewee->name, joined);
}

/**
 * sihua_interviewees_join:
 * @interviewees: (element-type SihuaInterviewee): the people interviewed
 *
 * Returns: (transfer full) (nullable): every interviewee described, one
 *   list, or %NULL if there is none
 */
char *
sihua_interviewees_join (GPtrArray *interviewees)
{
  GString *line;

  if (interviewees == NULL || interviewees->len == 0)
    return NULL;

  line = g_string_new (NULL);
  for (guint i = 0; i < interviewees->len; i++)
    {
      g_autofree char *one = sihua_interviewee_describe (g_ptr_array_index (interviewees, i));

      if (i > 0)
        /* TRANSLATORS: between two interviewees in a list */
        g_string_append (line, _(", "));
      g_string_append (line, one);
    }

  return g_string_free (line, FALSE);
}

static gint
compare_question_ids (gconstpointer a,
                      gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

void
sihua_interviewee_answer_free (SihuaIntervieweeAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->name);
  g_free (answer->question_id);
  sihua_answer_value_free (answer->value);
  g_free (answer);
}

/**
 * sihua_interviewee_answers_for:
 * @answers: (element-type SihuaIntervieweeAnswer): every interviewee answer
 *   of an assessment
 * @question_id: a question
 *
 * Returns: (transfer container) (element-type SihuaIntervieweeAnswer): the
 *   answers to @question_id, borrowed from @answers, in their order
 */
GPtrArray *
sihua_interviewee_answers_for (GPtrArray  *answers,
                               const char *question_id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      SihuaIntervieweeAnswer *answer = g_ptr_array_index (answers, i);

      if (g_strcmp0 (answer->question_id, question_id) == 0)
        g_ptr_array_add (found, answer);
    }

  return found;
}

/**
 * sihua_interviewee_answers_to_discuss:
 * @answers: (element-type SihuaIntervieweeAnswer): every interviewee answer
 *   of an assessment
 *
 * The questions where two interviewees gave levels
 * %SIHUA_INTERVIEWEE_DISAGREEMENT or more apart. Other kinds of answer
 * (options, numbers, text) have no distance, so they never disagree here.
 *
 * Returns: (transfer full) (element-type utf8): question ids, sorted
 */
GPtrArray *
sihua_interviewee_answers_to_discuss (GPtrArray *answers)
{
  g_autoptr(GHashTable) lowest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) highest = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      SihuaIntervieweeAnswer *answer = g_ptr_array_index (answers, i);
      int level;

      if (answer->value == NULL || answer->value->kind != SIHUA_ANSWER_LEVEL)
        continue;
      /* Stored one above, so that a level 0 is not taken for "absent". */
      level = answer->value->level + 1;
      if (!g_hash_table_contains (lowest, answer->question_id) ||
          level < GPOINTER_TO_INT (g_hash_table_lookup (lowest, answer->question_id)))
        g_hash_table_insert (lowest, answer->question_id, GINT_TO_POINTER (level));
      if (level > GPOINTER_TO_INT (g_hash_table_lookup (highest, answer->question_id)))
        g_hash_table_insert (highest, answer->question_id, GINT_TO_POINTER (level));
    }

  g_hash_table_iter_init (&iter, highest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) - GPOINTER_TO_INT (g_hash_table_lookup (lowest, key)) >= SIHUA_INTERVIEWEE_DISAGREEMENT)
      g_ptr_array_add (questions, g_strdup (key));
  g_ptr_array_sort (questions, compare_question_ids);

  return questions;
}
