/* test-scoring.c
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

/* Every expected figure here is worked out by hand in the comment above it
 * (and in docs/scoring.md). Model: tests/models/scoring-basic.json with
 * dimensions a (W 2; a.3 weighs 2), b (W 1; b.4 only for discrete
 * production), c (W 1, five questions) and d (W 2, both questions N/A-able). */

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_weights (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  const SihuaDimensionScore *a;

  /* Σ w·l = 4 + 2 + 2·1 + 3 + 0 = 11 over Σ w = 6: s = 25·11/6 = 45.83…;
   * at ≥ 1 weigh 5 ≥ 0.8·6 = 4.8, at ≥ 2 only 3: g = 1. */
  sihua_test_set_levels (answers, "a.1", 4, "a.2", 2, "a.3", 1, "a.4", 3, "a.5", 0, NULL);
  score = sihua_scoring_compute (model, answers);
  a = sihua_score_lookup_dimension (score, "a");
  g_assert_true (a->scored);
  assert_close (a->score, 25.0 * 11 / 6);
  g_assert_cmpint (a->stage, ==, 1);
  assert_close (a->counted_weight, 6);
  g_assert_cmpuint (a->answered, ==, 5);
  g_assert_cmpuint (a->applicable, ==, 5);

  /* Only a is scored: the index is its score, and a alone carries the
   * whole weight at stage 1. */
  assert_close (sihua_score_get_index (score), 25.0 * 11 / 6);
  g_assert_cmpint (sihua_score_get_stage (score), ==, 1);

  /* 5 + 4 (b.4 is relevant while the profile is unanswered) + 5 + 2. */
  g_assert_cmpuint (sihua_score_get_applicable (score), ==, 16);
  g_assert_cmpuint (sihua_score_get_answered (score), ==, 5);
  g_assert_false (sihua_score_is_complete (score));
  g_assert_cmpuint (sihua_score_get_n_dimensions (score), ==, 4);
}

static void
test_not_applicable (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  const SihuaDimensionScore *a;

  /* N/A leaves a.4 and a.5 out: (4 + 2 + 2·1) / 4 = 2 → s = 50; at ≥ 2
   * weigh 2 < 3.2: g = 1. */
  sihua_test_set_levels (answers, "a.1", 4, "a.2", 2, "a.3", 1, NULL);
  sihua_test_set_na (answers, "a.4");
  sihua_test_set_na (answers, "a.5");
  score = sihua_scoring_compute (model, answers);
  a = sihua_score_lookup_dimension (score, "a");
  assert_close (a->score, 50);
  g_assert_cmpint (a->stage, ==, 1);
  g_assert_cmpuint (a->answered, ==, 3);
  g_assert_cmpuint (a->applicable, ==, 3);
  g_assert_cmpint (sihua_score_lookup_question (score, "a.4")->status, ==,
                   SIHUA_QUESTION_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (sihua_score_lookup_question (score, "a.1")->status, ==,
                   SIHUA_QUESTION_STATUS_COUNTED);
  g_assert_cmpint (sihua_score_lookup_question (score, "a.1")->level, ==, 4);
}

static void
test_unanswered_is_not_na (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  const SihuaDimensionScore *a;

  /* The same score as with N/A, but a.4 and a.5 stay applicable. */
  sihua_test_set_levels (answers, "a.1", 4, "a.2", 2, "a.3", 1, NULL);
  score = sihua_scoring_compute (model, answers);
  a = sihua_score_lookup_dimension (score, "a");
  assert_close (a->score, 50);
  g_assert_cmpuint (a->answered, ==, 3);
  g_assert_cmpuint (a->applicable, ==, 5);
  g_assert_cmpint (sihua_score_lookup_question (score, "a.4")->status, ==,
                   SIHUA_QUESTION_STATUS_UNANSWERED);
  g_assert_false (sihua_score_is_complete (score));
}

static void
test_dimension_share_boundary (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  const SihuaDimensionScore *c;
  const SihuaDimensionScore *a;

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Four of five at 3: exactly 0.8 of the weight → g = 3; s = 25·12/5 = 60. */
    sihua_test_set_levels (answers, "c.1", 3, "c.2", 3, "c.3", 3, "c.4", 3, "c.5", 0, NULL);
    score = sihua_scoring_compute (model, answers);
    c = sihua_score_lookup_dimension (score, "c");
    g_assert_cmpint (c->stage, ==, 3);
    assert_close (c->score, 60);
  }

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Three at 3 (0.6) is short of 0.8; with c.4 at 2, four are at ≥ 2:
     * g = 2, s = 25·11/5 = 55. */
    sihua_test_set_levels (answers, "c.1", 3, "c.2", 3, "c.3", 3, "c.4", 2, "c.5", 0, NULL);
    score = sihua_scoring_compute (model, answers);
    c = sihua_score_lookup_dimension (score, "c");
    g_assert_cmpint (c->stage, ==, 2);
    assert_close (c->score, 55);
  }

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Two at 0: at ≥ 1 only 0.6 → g = 0 although the mean is 1.8. */
    sihua_test_set_levels (answers, "c.1", 3, "c.2", 3, "c.3", 3, "c.4", 0, "c.5", 0, NULL);
    score = sihua_scoring_compute (model, answers);
    c = sihua_score_lookup_dimension (score, "c");
    g_assert_cmpint (c->stage, ==, 0);
    assert_close (c->score, 45);
  }

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Weights count: a.3 weighs 2, so a.1 + a.2 + a.3 at 4 carry 4 of 5
     * (a.5 N/A) = 0.8 exactly → g = 4; s = 25·16/5 = 80. */
    sihua_test_set_levels (answers, "a.1", 4, "a.2", 4, "a.3", 4, "a.4", 0, NULL);
    sihua_test_set_na (answers, "a.5");
    score = sihua_scoring_compute (model, answers);
    a = sihua_score_lookup_dimension (score, "a");
    g_assert_cmpint (a->stage, ==, 4);
    assert_close (a->score, 80);
  }

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* The heavy question low: a.1 + a.2 + a.4 at 4 carry 3 of 5 → at ≥ 1
     * weigh 5 (a.3 at 1) → g = 1. */
    sihua_test_set_levels (answers, "a.1", 4, "a.2", 4, "a.3", 1, "a.4", 4, NULL);
    sihua_test_set_na (answers, "a.5");
    score = sihua_scoring_compute (model, answers);
    a = sihua_score_lookup_dimension (score, "a");
    g_assert_cmpint (a->stage, ==, 1);
  }
}

static int
overall_stage (SihuaModel *model,
               int         a,
               int         b,
               int         c,
               int         d,
               double     *index)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;

  /* -1 answers the dimension's questions N/A (d only). */
  sihua_test_fill_dimension (model, answers, "a", a);
  sihua_test_fill_dimension (model, answers, "b", b);
  sihua_test_fill_dimension (model, answers, "c", c);
  sihua_test_fill_dimension (model, answers, "d", d);
  score = sihua_scoring_compute (model, answers);
  g_assert_true (sihua_score_is_complete (score));
  if (index != NULL)
    *index = sihua_score_get_index (score);

  return sihua_score_get_stage (score);
}

static void
test_overall_share_boundary (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  double index;

  /* Weights a 2, b 1, c 1, d 2 (total 6). b + c + d at 2 weigh 4 = 2/3·6
   * exactly → G = 2 (a at 1 is no laggard). I = (2·25 + 50 + 50 + 2·50)/6. */
  g_assert_cmpint (overall_stage (model, 1, 2, 2, 2, &index), ==, 2);
  assert_close (index, 250.0 / 6);

  /* a + b at 2 weigh 3 < 4 → G = 1. */
  g_assert_cmpint (overall_stage (model, 2, 2, 1, 1, NULL), ==, 1);
  /* a + d at 2 weigh 4 → G = 2. */
  g_assert_cmpint (overall_stage (model, 2, 1, 1, 2, NULL), ==, 2);

  /* With d unscored (all N/A) the total is 4: 2/3 needs 8/3. a + b weigh 3
   * → G = 2; a alone 2 → G = 1; b + c 2 → G = 1. */
  g_assert_cmpint (overall_stage (model, 2, 2, 1, -1, NULL), ==, 2);
  g_assert_cmpint (overall_stage (model, 2, 1, 1, -1, NULL), ==, 1);
  g_assert_cmpint (overall_stage (model, 1, 2, 2, -1, NULL), ==, 1);
}

static void
test_laggard_gate (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  double index;

  /* a, b, c at 3 carry 4/6 at stage 3, but d at 1 lags two behind: G = 2. */
  g_assert_cmpint (overall_stage (model, 3, 3, 3, 1, NULL), ==, 2);
  /* d at 0 lags at stage 2 as well: G = 1 although 4/6 are at 3. */
  g_assert_cmpint (overall_stage (model, 3, 3, 3, 0, &index), ==, 1);
  assert_close (index, (2 * 75.0 + 75 + 75 + 0) / 6);
  /* d one behind is allowed: G = 4. */
  g_assert_cmpint (overall_stage (model, 4, 4, 4, 3, NULL), ==, 4);
  /* Everything at 0: G = 0 (level 0 always holds). */
  g_assert_cmpint (overall_stage (model, 0, 0, 0, 0, &index), ==, 0);
  assert_close (index, 0);
}

static void
test_index_weights (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  double index;

  /* (2·100 + 0 + 50 + 2·25) / 6 = 50; at ≥ 1 a, c, d weigh 5 ≥ 4 and b at
   * 0 is no laggard at 1; at ≥ 2 a, c weigh 3 < 4: G = 1. */
  g_assert_cmpint (overall_stage (model, 4, 0, 2, 1, &index), ==, 1);
  assert_close (index, 50);
}

static void
test_empty_dimension (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  const SihuaDimensionScore *d;

  sihua_test_fill_dimension (model, answers, "a", 3);
  sihua_test_fill_dimension (model, answers, "b", 3);
  sihua_test_fill_dimension (model, answers, "c", 3);
  sihua_test_set_na (answers, "d.1");
  sihua_test_set_na (answers, "d.2");
  score = sihua_scoring_compute (model, answers);

  d = sihua_score_lookup_dimension (score, "d");
  g_assert_false (d->scored);
  g_assert_true (isnan (d->score));
  g_assert_cmpint (d->stage, ==, -1);
  g_assert_cmpuint (d->applicable, ==, 0);
  /* d takes no part: no laggard, not in the weights. */
  g_assert_cmpint (sihua_score_get_stage (score), ==, 3);
  assert_close (sihua_score_get_index (score), 75);
  g_assert_true (sihua_score_is_complete (score));
}

static void
test_nothing_answered (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = sihua_scoring_compute (model, answers);

  g_assert_true (isnan (sihua_score_get_index (score)));
  g_assert_cmpint (sihua_score_get_stage (score), ==, -1);
  g_assert_cmpuint (sihua_score_get_answered (score), ==, 0);
  g_assert_cmpuint (sihua_score_get_applicable (score), ==, 16);
  g_assert_false (sihua_score_is_complete (score));
  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    g_assert_false (sihua_score_get_dimension (score, i)->scored);
}

static void
test_incomplete_marking (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();

  sihua_test_fill_dimension (model, answers, "a", 2);
  sihua_test_fill_dimension (model, answers, "b", 2);
  sihua_test_fill_dimension (model, answers, "c", 2);
  sihua_test_set_levels (answers, "d.1", 2, NULL);

  {
    g_autoptr(SihuaScore) score = sihua_scoring_compute (model, answers);

    g_assert_false (sihua_score_is_complete (score));
    g_assert_cmpuint (sihua_score_get_answered (score) + 1, ==, sihua_score_get_applicable (score));
    /* Incomplete, yet scored with what there is. */
    g_assert_cmpint (sihua_score_get_stage (score), ==, 2);
  }

  /* N/A completes it too. */
  sihua_test_set_na (answers, "d.2");
  {
    g_autoptr(SihuaScore) score = sihua_scoring_compute (model, answers);

    g_assert_true (sihua_score_is_complete (score));
    g_assert_cmpuint (sihua_score_get_answered (score), ==, sihua_score_get_applicable (score));
  }
}

static void
test_relevance (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  const SihuaDimensionScore *b;

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Process production: b.4 does not apply, even answered. */
    sihua_test_set_option (answers, "profile.type", "process");
    sihua_test_set_levels (answers, "b.1", 2, "b.2", 2, "b.3", 2, "b.4", 0, NULL);
    score = sihua_scoring_compute (model, answers);
    b = sihua_score_lookup_dimension (score, "b");
    g_assert_cmpuint (b->applicable, ==, 3);
    g_assert_cmpuint (b->answered, ==, 3);
    assert_close (b->score, 50);
    g_assert_cmpint (b->stage, ==, 2);
    g_assert_cmpint (sihua_score_lookup_question (score, "b.4")->status, ==,
                     SIHUA_QUESTION_STATUS_NOT_RELEVANT);
  }

  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    g_autoptr(SihuaScore) score = NULL;

    /* Discrete: b.4 counts: 25·6/4 = 37.5; at ≥ 1 (and ≥ 2) only 3 of 4
     * < 3.2 → g = 0. */
    sihua_test_set_option (answers, "profile.type", "discrete");
    sihua_test_set_levels (answers, "b.1", 2, "b.2", 2, "b.3", 2, "b.4", 0, NULL);
    score = sihua_scoring_compute (model, answers);
    b = sihua_score_lookup_dimension (score, "b");
    g_assert_cmpuint (b->applicable, ==, 4);
    assert_close (b->score, 37.5);
    g_assert_cmpint (b->stage, ==, 0);
  }
}

static void
test_unscored_areas (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  const char *barriers[] = { "cannot", NULL };

  sihua_test_set_levels (answers, "profile.level", 4, NULL);
  sihua_test_set_options (answers, "barriers.kinds", barriers);
  sihua_test_set_text (answers, "a.comment", "MES planned for next year");
  score = sihua_scoring_compute (model, answers);

  /* Only the scored area's dimensions are listed, and nothing is scored. */
  g_assert_cmpuint (sihua_score_get_n_dimensions (score), ==, 4);
  g_assert_null (sihua_score_lookup_dimension (score, "profile"));
  g_assert_null (sihua_score_lookup_dimension (score, "barriers"));
  g_assert_cmpuint (sihua_score_get_answered (score), ==, 0);
  g_assert_cmpint (sihua_score_get_stage (score), ==, -1);
  g_assert_cmpint (sihua_score_lookup_question (score, "profile.level")->status, ==,
                   SIHUA_QUESTION_STATUS_NOT_SCORED);
  g_assert_cmpint (sihua_score_lookup_question (score, "barriers.kinds")->status, ==,
                   SIHUA_QUESTION_STATUS_NOT_SCORED);
  g_assert_cmpint (sihua_score_lookup_question (score, "a.comment")->status, ==,
                   SIHUA_QUESTION_STATUS_NOT_SCORED);
}

static void
test_requirements_api (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  GPtrArray *requirements;

  sihua_test_fill_dimension (model, answers, "a", 3);
  sihua_test_fill_dimension (model, answers, "b", 3);
  sihua_test_fill_dimension (model, answers, "c", 3);
  sihua_test_fill_dimension (model, answers, "d", 1);
  score = sihua_scoring_compute (model, answers);

  /* The built-in rule as data: a share of 2/3, then the laggard gate. */
  requirements = sihua_scoring_get_requirements (model, 3);
  g_assert_cmpuint (requirements->len, ==, 2);
  g_assert_true (sihua_scoring_requirement_holds (score, g_ptr_array_index (requirements, 0), 3));
  g_assert_false (sihua_scoring_requirement_holds (score, g_ptr_array_index (requirements, 1), 3));
  g_assert_true (sihua_scoring_level_holds (score, 0));
  g_assert_true (sihua_scoring_level_holds (score, 2));
  g_assert_false (sihua_scoring_level_holds (score, 3));
  g_assert_true (sihua_scoring_at_least (2.0 / 3 * 6, 4));
  g_assert_false (sihua_scoring_at_least (4 - 1e-6, 4));
}

/* points-scenes.json: ten scenes, one single question each (levels 0–3
 * worth 0, 2, 4, 7 points); level 1 needs 10 points and index 10, level 2
 * 30 points and 5 scenes at ≥ 2, level 3 60 points, 8 scenes at ≥ 3 and 5
 * of them from the constraint list s01–s06. */
static SihuaScore *
score_scenes (SihuaModel *model,
              const char *levels)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();

  /* levels: one character per scene, '-' for unanswered. */
  for (guint i = 0; levels[i] != '\0'; i++)
    if (levels[i] != '-')
      {
        g_autofree char *question = g_strdup_printf ("s%02u.q", i + 1);
        g_autofree char *option = g_strdup_printf ("l%c", levels[i]);

        sihua_test_set_option (answers, question, option);
      }

  return sihua_scoring_compute (model, answers);
}

static void
test_points_and_scenes (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("points-scenes.json");

  {
    /* s01–s05, s07–s09 at 3, s06 and s10 at 2: 8·7 + 2·4 = 64 points,
     * 8 scenes at 3, 5 from the constraint list → G = 3.
     * Scores 100 and 400/7: I = (800 + 800/7) / 10. */
    g_autoptr(SihuaScore) score = score_scenes (model, "3333323332");

    assert_close (sihua_score_get_points_total (score), 64);
    g_assert_cmpint (sihua_score_get_stage (score), ==, 3);
    assert_close (sihua_score_lookup_dimension (score, "s06")->score, 400.0 / 7);
    g_assert_cmpint (sihua_score_lookup_dimension (score, "s06")->stage, ==, 2);
    assert_close (sihua_score_get_index (score), (800 + 800.0 / 7) / 10);
  }

  {
    /* s06 and s10 at 0: 56 points < 60 → G = 2. */
    g_autoptr(SihuaScore) score = score_scenes (model, "3333303330");

    assert_close (sihua_score_get_points_total (score), 56);
    g_assert_cmpint (sihua_score_get_stage (score), ==, 2);
  }

  {
    /* 8 scenes at 3 and 64 points, but only s01–s04 from the list → G = 2. */
    g_autoptr(SihuaScore) score = score_scenes (model, "3333223333");

    assert_close (sihua_score_get_points_total (score), 64);
    g_assert_cmpint (sihua_score_get_stage (score), ==, 2);
  }

  {
    /* 7 scenes at 3 (49) and three at 2 (12): 61 points, yet 7 < 8 → G = 2. */
    g_autoptr(SihuaScore) score = score_scenes (model, "3333332223");

    assert_close (sihua_score_get_points_total (score), 61);
    g_assert_cmpint (sihua_score_get_stage (score), ==, 2);
  }

  {
    /* All at 1: 20 points ≥ 10, index 200/7 ≥ 10 → 1; 20 < 30 → G = 1. */
    g_autoptr(SihuaScore) score = score_scenes (model, "1111111111");

    g_assert_cmpint (sihua_score_get_stage (score), ==, 1);
    assert_close (sihua_score_get_index (score), 200.0 / 7);
  }

  {
    /* One scene at 1: 2 points < 10 → G = 0; incomplete. */
    g_autoptr(SihuaScore) score = score_scenes (model, "1---------");

    g_assert_cmpint (sihua_score_get_stage (score), ==, 0);
    g_assert_false (sihua_score_is_complete (score));
    g_assert_cmpuint (sihua_score_get_answered (score), ==, 1);
    g_assert_cmpuint (sihua_score_get_applicable (score), ==, 10);
  }
}

static void
test_builtin_model (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_builtin_model ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  GPtrArray *dimensions = sihua_model_get_dimensions (model);

  /* Every scored dimension's ladder questions at 2 → every g_d = 2, G = 2,
   * I = 50. */
  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaDimension *dimension = g_ptr_array_index (dimensions, i);

      if (dimension->area->scored)
        sihua_test_fill_dimension (model, answers, dimension->id, 2);
    }
  score = sihua_scoring_compute (model, answers);
  g_assert_cmpint (sihua_score_get_stage (score), ==, 2);
  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);

      if (d->scored)
        g_assert_cmpint (d->stage, ==, 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/weights", test_weights);
  g_test_add_func ("/scoring/not-applicable", test_not_applicable);
  g_test_add_func ("/scoring/unanswered-is-not-na", test_unanswered_is_not_na);
  g_test_add_func ("/scoring/dimension-share-boundary", test_dimension_share_boundary);
  g_test_add_func ("/scoring/overall-share-boundary", test_overall_share_boundary);
  g_test_add_func ("/scoring/laggard-gate", test_laggard_gate);
  g_test_add_func ("/scoring/index-weights", test_index_weights);
  g_test_add_func ("/scoring/empty-dimension", test_empty_dimension);
  g_test_add_func ("/scoring/nothing-answered", test_nothing_answered);
  g_test_add_func ("/scoring/incomplete-marking", test_incomplete_marking);
  g_test_add_func ("/scoring/relevance", test_relevance);
  g_test_add_func ("/scoring/unscored-areas", test_unscored_areas);
  g_test_add_func ("/scoring/requirements-api", test_requirements_api);
  g_test_add_func ("/scoring/points-and-scenes", test_points_and_scenes);
  g_test_add_func ("/scoring/builtin-model", test_builtin_model);

  return g_test_run ();
}
