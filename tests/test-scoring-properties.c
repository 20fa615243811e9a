/* test-scoring-properties.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sihua-answer.h"
#include "sihua-scoring.h"
#include "sihua-test-scoring.h"

/* Property tests over seeded random answers: raising one answer never
 * lowers s_d, g_d, I or G, and every score obeys the rule's invariants. */

#define N_ROUNDS 400

static gboolean
option_level (const SihuaQuestion *question,
              const char          *option_id,
              int                 *level,
              double              *points)
{
  SihuaOption *option = sihua_question_lookup_option (question, option_id);

  if (option == NULL)
    return FALSE;
  *level = option->level;
  *points = option->has_points ? option->points : 0;
  return TRUE;
}

/* One random answer (or none) for every scored question we know how to
 * raise: ladder levels, and single/yes-no options. */
static void
random_answers (SihuaModel *model,
                GHashTable *answers,
                GRand      *rand)
{
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);
      int choice = g_rand_int_range (rand, 0, 10);

      if (!question->dimension->area->scored || choice == 0)
        continue;
      if (choice == 1 && question->allow_na)
        {
          sihua_test_set_na (answers, question->id);
          continue;
        }

      if (question->type == SIHUA_QUESTION_LADDER)
        sihua_test_set_levels (answers, question->id,
                               g_rand_int_range (rand, 0, (int) sihua_model_get_n_levels (model)), NULL);
      else if ((question->type == SIHUA_QUESTION_SINGLE || question->type == SIHUA_QUESTION_YESNO) &&
               question->options->len > 0)
        {
          SihuaOption *option = g_ptr_array_index (question->options,
                                                   g_rand_int_range (rand, 0, question->options->len));

          sihua_test_set_option (answers, question->id, option->id);
        }
    }
}

/* Raises one answered question; FALSE if the one picked cannot rise. */
static gboolean
raise_one (SihuaModel *model,
           GHashTable *answers,
           GRand      *rand)
{
  GPtrArray *questions = sihua_model_get_questions (model);
  SihuaQuestion *question = g_ptr_array_index (questions, g_rand_int_range (rand, 0, questions->len));
  SihuaAnswer *answer = g_hash_table_lookup (answers, question->id);
  int max_level = (int) sihua_model_get_n_levels (model) - 1;

  if (answer == NULL || answer->value->kind == SIHUA_ANSWER_NA)
    return FALSE;

  if (question->type == SIHUA_QUESTION_LADDER)
    {
      int level;
      gboolean has_points;
      double points;

      sihua_answer_value_evaluate (answer->value, question, &level, &has_points, &points);
      if (level >= max_level)
        return FALSE;
      sihua_test_set_levels (answers, question->id, g_rand_int_range (rand, level + 1, max_level + 1), NULL);
      return TRUE;
    }

  if (answer->value->kind == SIHUA_ANSWER_OPTION)
    {
      int level;
      double points;

      if (!option_level (question, answer->value->option_id, &level, &points))
        return FALSE;

      /* Any option at a higher level that is worth no fewer points. */
      for (guint i = 0; i < question->options->len; i++)
        {
          SihuaOption *option = g_ptr_array_index (question->options, i);
          double option_points = option->has_points ? option->points : 0;

          if (option->level > level && option_points >= points)
            {
              sihua_test_set_option (answers, question->id, option->id);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
assert_invariants (SihuaScore *score)
{
  int max_stage = sihua_score_get_max_stage (score);
  int stage = sihua_score_get_stage (score);
  double index = sihua_score_get_index (score);
  gboolean any_scored = FALSE;

  g_assert_cmpuint (sihua_score_get_answered (score), <=, sihua_score_get_applicable (score));
  g_assert_true (sihua_score_is_complete (score) ==
                 (sihua_score_get_answered (score) == sihua_score_get_applicable (score)));

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);

      if (!d->scored)
        {
          g_assert_true (isnan (d->score));
          g_assert_cmpint (d->stage, ==, -1);
          continue;
        }
      any_scored = TRUE;
      g_assert_cmpfloat (d->score, >=, -1e-9);
      g_assert_cmpfloat (d->score, <=, 100 + 1e-9);
      g_assert_cmpint (d->stage, >=, 0);
      g_assert_cmpint (d->stage, <=, max_stage);
    }

  if (!any_scored)
    {
      g_assert_true (isnan (index));
      g_assert_cmpint (stage, ==, -1);
      return;
    }

  g_assert_cmpfloat (index, >=, -1e-9);
  g_assert_cmpfloat (index, <=, 100 + 1e-9);
  /* G is the highest level whose requirements, and all below, hold. */
  for (int level = 0; level <= stage; level++)
    g_assert_true (sihua_scoring_level_holds (score, level));
  if (stage < max_stage)
    g_assert_false (sihua_scoring_level_holds (score, stage + 1));
}

static void
assert_not_lower (SihuaScore *before,
                  SihuaScore *after)
{
  g_assert_cmpint (sihua_score_get_stage (after), >=, sihua_score_get_stage (before));
  if (!isnan (sihua_score_get_index (before)))
    g_assert_cmpfloat (sihua_score_get_index (after), >=, sihua_score_get_index (before) - 1e-9);

  for (guint i = 0; i < sihua_score_get_n_dimensions (before); i++)
    {
      const SihuaDimensionScore *b = sihua_score_get_dimension (before, i);
      const SihuaDimensionScore *a = sihua_score_get_dimension (after, i);

      if (!b->scored)
        continue;
      g_assert_true (a->scored);
      g_assert_cmpfloat (a->score, >=, b->score - 1e-9);
      g_assert_cmpint (a->stage, >=, b->stage);
    }
}

static void
check_monotone (gconstpointer data)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint raised = 0;

  if (g_str_equal (data, "builtin"))
    model = sihua_test_load_builtin_model ();
  else
    model = sihua_test_load_model (data);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) before = NULL;

      random_answers (model, answers, rand);
      before = sihua_scoring_compute (model, answers);
      assert_invariants (before);

      /* A few single raises in a row, each compared with the one before. */
      for (guint step = 0; step < 8; step++)
        {
          g_autoptr(SihuaScore) after = NULL;

          if (!raise_one (model, answers, rand))
            continue;
          raised++;
          after = sihua_scoring_compute (model, answers);
          assert_invariants (after);
          assert_not_lower (before, after);
          g_clear_pointer (&before, sihua_score_unref);
          before = g_steal_pointer (&after);
        }
    }

  /* The property was exercised, not skipped. */
  g_assert_cmpuint (raised, >, N_ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/scoring-properties/monotone/basic", "scoring-basic.json", check_monotone);
  g_test_add_data_func ("/scoring-properties/monotone/points-scenes", "points-scenes.json", check_monotone);
  g_test_add_data_func ("/scoring-properties/monotone/builtin", "builtin", check_monotone);

  return g_test_run ();
}
