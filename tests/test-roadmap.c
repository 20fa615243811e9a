/* test-roadmap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-comparison.h"
#include "sihua-answer-flags.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-score-json.h"
#include "sihua-scoring.h"
#include "sihua-test-scoring.h"

/* What lies beyond the score: next level, flags, comparison and roadmap,
 * over tests/models/scoring-basic.json (a W 2, b W 1, c W 1, d W 2). */

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static SihuaScore *
score_stages (SihuaModel *model,
              GHashTable *answers,
              int         a,
              int         b,
              int         c,
              int         d)
{
  sihua_test_fill_dimension (model, answers, "a", a);
  sihua_test_fill_dimension (model, answers, "b", b);
  sihua_test_fill_dimension (model, answers, "c", c);
  sihua_test_fill_dimension (model, answers, "d", d);

  return sihua_scoring_compute (model, answers);
}

static void
assert_gap_questions (const SihuaDimensionGap *gap,
                      const char              *expected)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < gap->questions->len; i++)
    {
      const SihuaQuestionGap *q = &g_array_index (gap->questions, SihuaQuestionGap, i);

      g_assert_cmpint (q->needed, ==, gap->target);
      g_string_append_printf (ids, "%s%s:%d", i > 0 ? " " : "", q->question->id, q->level);
    }
  g_assert_cmpstr (ids->str, ==, expected);
}

static const SihuaDimensionGap *
find_gap (GPtrArray  *gaps,
          const char *dimension_id)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      const SihuaDimensionGap *gap = g_ptr_array_index (gaps, i);

      if (g_str_equal (gap->dimension->id, dimension_id))
        return gap;
    }

  g_error ("no gap for %s", dimension_id);
}

static void
test_dimension_gap (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(SihuaDimensionGap) gap_c = NULL;
  g_autoptr(SihuaDimensionGap) gap_a = NULL;
  g_autofree char *text = NULL;

  /* c: three at 3, c.4 at 1, c.5 at 0 → g = 1. For 2 it needs 4 of 5 at
   * ≥ 2: one more, and c.4 is the closer of the two equal weights. */
  sihua_test_set_levels (answers, "c.1", 3, "c.2", 3, "c.3", 3, "c.4", 1, "c.5", 0, NULL);
  /* a: all at 1 → g = 1. For 2 it needs 4.8 of 6: a.3 (weight 2) first,
   * then a.1, a.2 and a.4 in model order: 5 ≥ 4.8. */
  sihua_test_set_levels (answers, "a.1", 1, "a.2", 1, "a.3", 1, "a.4", 1, "a.5", 1, NULL);
  score = sihua_scoring_compute (model, answers);

  gap_c = sihua_dimension_gap_compute (score, sihua_score_lookup_dimension (score, "c"), 2);
  g_assert_cmpint (gap_c->stage, ==, 1);
  assert_close (gap_c->weight_have, 3);
  assert_close (gap_c->weight_needed, 4);
  assert_gap_questions (gap_c, "c.4:1");
  g_assert_cmpuint (gap_c->unanswered, ==, 0);
  text = sihua_dimension_gap_describe (gap_c, model, SIHUA_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "1 more question at Automation in Equipment reaches stage 2");

  gap_a = sihua_dimension_gap_compute (score, sihua_score_lookup_dimension (score, "a"), 2);
  assert_gap_questions (gap_a, "a.3:1 a.1:1 a.2:1 a.4:1");
  g_clear_pointer (&text, g_free);
  text = sihua_dimension_gap_describe (gap_a, model, SIHUA_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "4 more questions at Automation in Production control reach stage 2");

  /* Already there, or not scored: nothing to say. */
  g_assert_null (sihua_dimension_gap_compute (score, sihua_score_lookup_dimension (score, "c"), 1));
  g_assert_null (sihua_dimension_gap_compute (score, sihua_score_lookup_dimension (score, "b"), 1));
}

static void
test_next_level_laggard (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 3, 3, 3, 0);
  g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, -1);
  const SihuaRequirementGap *requirement;
  const SihuaDimensionGap *d;
  g_autofree char *text = NULL;

  /* G = 1 because d lags; for 2 only the laggard gate fails, and only d
   * must rise, to 1, through both its questions (1.6 of 2 needed). */
  g_assert_cmpint (next->stage, ==, 1);
  g_assert_cmpint (next->target, ==, 2);
  g_assert_cmpuint (next->requirements->len, ==, 1);
  requirement = &g_array_index (next->requirements, SihuaRequirementGap, 0);
  g_assert_cmpint (requirement->requirement->kind, ==, SIHUA_REQUIREMENT_NO_LAGGARD);
  g_assert_cmpint (requirement->level, ==, 2);
  assert_close (requirement->have, 0);
  assert_close (requirement->need, 1);
  text = sihua_requirement_gap_describe (requirement, model, SIHUA_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Every dimension must be at Informatization or above; the lowest is at Not started");

  g_assert_cmpuint (next->overall->len, ==, 1);
  d = g_ptr_array_index (next->overall, 0);
  g_assert_cmpstr (d->dimension->id, ==, "d");
  g_assert_cmpint (d->target, ==, 1);
  assert_gap_questions (d, "d.1:0 d.2:0");

  /* Every dimension's own next stage is listed too. */
  g_assert_cmpuint (next->dimensions->len, ==, 4);
  g_assert_cmpint (find_gap (next->dimensions, "a")->target, ==, 4);
}

static void
test_next_level_share (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 1, 2, 1);
  g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, -1);
  const SihuaRequirementGap *requirement;
  g_autofree char *text = NULL;

  /* c alone is at 2 (1/6). 2/3 needs 4 of 6: the heaviest first, a (2)
   * and then d (2), the earlier of the equals first. */
  g_assert_cmpint (next->stage, ==, 1);
  g_assert_cmpuint (next->requirements->len, ==, 1);
  requirement = &g_array_index (next->requirements, SihuaRequirementGap, 0);
  g_assert_cmpint (requirement->requirement->kind, ==, SIHUA_REQUIREMENT_STAGE_SHARE);
  assert_close (requirement->have, 1.0 / 6);
  text = sihua_requirement_gap_describe (requirement, model, SIHUA_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Dimensions at Automation or above carry 16.7% of the weight; 66.7% needed");

  g_assert_cmpuint (next->overall->len, ==, 2);
  g_assert_cmpstr (((SihuaDimensionGap *) g_ptr_array_index (next->overall, 0))->dimension->id, ==, "a");
  g_assert_cmpstr (((SihuaDimensionGap *) g_ptr_array_index (next->overall, 1))->dimension->id, ==, "d");
}

static void
test_next_level_far_target (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 1, 1, 1);
  g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, 3);

  /* For 2: a and d to 2 (the share). For 3: nobody below 2 (the gate
   * lifts b and c to 2), then a and d to 3 (4 of 6). */
  g_assert_cmpint (next->target, ==, 3);
  g_assert_cmpuint (next->overall->len, ==, 4);
  g_assert_cmpint (find_gap (next->overall, "a")->target, ==, 3);
  g_assert_cmpint (find_gap (next->overall, "b")->target, ==, 2);
  g_assert_cmpint (find_gap (next->overall, "c")->target, ==, 2);
  g_assert_cmpint (find_gap (next->overall, "d")->target, ==, 3);
  /* Failing: the share at 2, the share and the gate at 3. */
  g_assert_cmpuint (next->requirements->len, ==, 3);
}

static void
test_next_level_top (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 4, 4, 4, 4);
  g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, -1);

  g_assert_cmpint (next->stage, ==, 4);
  g_assert_cmpint (next->target, ==, -1);
  g_assert_cmpuint (next->requirements->len, ==, 0);
  g_assert_cmpuint (next->overall->len, ==, 0);
  g_assert_cmpuint (next->dimensions->len, ==, 0);
}

static void
test_next_level_points (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("points-scenes.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(SihuaNextLevel) next = NULL;
  const SihuaRequirementGap *points;
  const SihuaRequirementGap *count;

  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *question = g_strdup_printf ("s%02u.q", i);
      sihua_test_set_option (answers, question, "l1");
    }
  score = sihua_scoring_compute (model, answers);
  next = sihua_next_level_compute (score, -1);

  /* 20 of 30 points, 0 of 5 scenes at 2; five scenes must rise. */
  g_assert_cmpint (next->target, ==, 2);
  g_assert_cmpuint (next->requirements->len, ==, 2);
  points = &g_array_index (next->requirements, SihuaRequirementGap, 0);
  count = &g_array_index (next->requirements, SihuaRequirementGap, 1);
  g_assert_cmpint (points->requirement->kind, ==, SIHUA_REQUIREMENT_POINTS_TOTAL);
  assert_close (points->have, 20);
  assert_close (points->need, 30);
  g_assert_cmpint (count->requirement->kind, ==, SIHUA_REQUIREMENT_COUNT_AT_STAGE);
  assert_close (count->have, 0);
  assert_close (count->need, 5);
  g_assert_cmpuint (next->overall->len, ==, 5);
}

static void
test_flags (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(GArray) flags = NULL;
  const SihuaAnswerFlag *flag;
  g_autofree char *text = NULL;

  /* c: c.1 at 3, c.2 at 2, the rest at 1 → g = 1: c.1 (3 ≥ 1 + 2) is
   * flagged, c.2 (one above) is not. */
  sihua_test_set_levels (answers, "c.1", 3, "c.2", 2, "c.3", 1, "c.4", 1, "c.5", 1, NULL);
  /* a.4 needs evidence: empty note and evidence flag it, a blank note too. */
  sihua_test_set_levels (answers, "a.1", 1, "a.2", 1, "a.3", 1, "a.5", 1, NULL);
  sihua_test_set_value (answers, "a.4", sihua_answer_value_new_level (1), "  ", NULL);
  score = sihua_scoring_compute (model, answers);
  flags = sihua_answer_flags_compute (score, answers);

  g_assert_cmpuint (flags->len, ==, 2);
  flag = &g_array_index (flags, SihuaAnswerFlag, 0);
  g_assert_cmpstr (flag->question->id, ==, "a.4");
  g_assert_cmpint (flag->reason, ==, SIHUA_ANSWER_FLAG_EVIDENCE_MISSING);
  g_assert_cmpstr (sihua_answer_flag_reason_to_string (flag->reason), ==, "evidence_missing");
  flag = &g_array_index (flags, SihuaAnswerFlag, 1);
  g_assert_cmpstr (flag->question->id, ==, "c.1");
  g_assert_cmpint (flag->reason, ==, SIHUA_ANSWER_FLAG_ABOVE_STAGE);
  g_assert_cmpint (flag->level, ==, 3);
  g_assert_cmpint (flag->dimension_stage, ==, 1);
  g_assert_cmpstr (sihua_answer_flag_reason_to_string (flag->reason), ==, "above_stage");
  text = sihua_answer_flag_describe (flag, model, SIHUA_LANGUAGE_EN);
  g_assert_nonnull (strstr (text, "Digitalization"));

  /* A note clears the evidence flag; N/A needs no evidence. */
  g_clear_pointer (&flags, g_array_unref);
  g_clear_pointer (&score, sihua_score_unref);
  sihua_test_set_value (answers, "a.4", sihua_answer_value_new_level (1), "MES screens seen", NULL);
  score = sihua_scoring_compute (model, answers);
  flags = sihua_answer_flags_compute (score, answers);
  g_assert_cmpuint (flags->len, ==, 1);

  g_clear_pointer (&flags, g_array_unref);
  g_clear_pointer (&score, sihua_score_unref);
  sihua_test_set_value (answers, "a.4", sihua_answer_value_new_level (1), NULL, "photo 12");
  sihua_test_set_levels (answers, "c.1", 2, NULL);
  score = sihua_scoring_compute (model, answers);
  flags = sihua_answer_flags_compute (score, answers);
  g_assert_cmpuint (flags->len, ==, 0);

  g_clear_pointer (&flags, g_array_unref);
  g_clear_pointer (&score, sihua_score_unref);
  sihua_test_set_na (answers, "a.4");
  score = sihua_scoring_compute (model, answers);
  flags = sihua_answer_flags_compute (score, answers);
  g_assert_cmpuint (flags->len, ==, 0);
}

static const SihuaDimensionChange *
find_change (SihuaComparison *comparison,
             const char      *id)
{
  for (guint i = 0; i < comparison->dimensions->len; i++)
    {
      const SihuaDimensionChange *change = &g_array_index (comparison->dimensions, SihuaDimensionChange, i);

      if (g_str_equal (change->dimension_id, id))
        return change;
    }

  g_error ("no change for %s", id);
}

static void
test_comparison (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) before = sihua_answer_table_new ();
  g_autoptr(GHashTable) after = sihua_answer_table_new ();
  g_autoptr(SihuaScore) previous = score_stages (model, before, 1, 1, 1, 1);
  g_autoptr(SihuaScore) current = score_stages (model, after, 2, 1, 0, -1);
  g_autoptr(SihuaComparison) comparison = sihua_comparison_compute (previous, current);
  g_autoptr(SihuaComparison) reverse = sihua_comparison_compute (current, previous);
  const SihuaDimensionChange *change;

  /* Before: all at 1, I = 25, G = 1. After: a 50, b 25, c 0, d N/A:
   * I = (2·50 + 25 + 0) / 4 = 31.25; a + b at 1 weigh 3 ≥ 8/3 → G = 1. */
  g_assert_cmpint (comparison->previous_stage, ==, 1);
  g_assert_cmpint (comparison->current_stage, ==, 1);
  g_assert_cmpint (comparison->stage_delta, ==, 0);
  assert_close (comparison->index_delta, 6.25);
  g_assert_cmpint (comparison->trend, ==, SIHUA_TREND_IMPROVED);

  change = find_change (comparison, "a");
  assert_close (change->delta, 25);
  g_assert_cmpint (change->trend, ==, SIHUA_TREND_IMPROVED);
  g_assert_cmpint (change->current_stage, ==, 2);
  change = find_change (comparison, "b");
  assert_close (change->delta, 0);
  g_assert_cmpint (change->trend, ==, SIHUA_TREND_UNCHANGED);
  change = find_change (comparison, "c");
  assert_close (change->delta, -25);
  g_assert_cmpint (change->trend, ==, SIHUA_TREND_DECLINED);
  change = find_change (comparison, "d");
  g_assert_true (isnan (change->delta));
  g_assert_cmpint (change->trend, ==, SIHUA_TREND_DROPPED);
  g_assert_cmpstr (sihua_trend_to_string (change->trend), ==, "dropped");

  g_assert_cmpint (find_change (reverse, "d")->trend, ==, SIHUA_TREND_NEW);
  g_assert_cmpint (reverse->trend, ==, SIHUA_TREND_DECLINED);
  assert_close (reverse->index_delta, -6.25);
}

static void
test_target_comparison (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 2, 3, -1);
  g_autoptr(SihuaTargetComparison) target = sihua_target_comparison_compute (score, 3);

  g_assert_false (target->reached);
  g_assert_cmpuint (target->dimensions->len, ==, 4);
  g_assert_cmpint (g_array_index (target->dimensions, SihuaTargetGap, 0).missing, ==, 2);
  g_assert_cmpint (g_array_index (target->dimensions, SihuaTargetGap, 1).missing, ==, 1);
  g_assert_cmpint (g_array_index (target->dimensions, SihuaTargetGap, 2).missing, ==, 0);
  /* d is unscored: the whole way. */
  g_assert_cmpint (g_array_index (target->dimensions, SihuaTargetGap, 3).missing, ==, 3);
}

static char *
phase_ids (const SihuaRoadmapPhase *phase)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < phase->items->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            g_array_index (phase->items, SihuaRoadmapItem, i).recommendation->id);

  return g_string_free (ids, FALSE);
}

static void
test_roadmap_next_stage (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 1, 1, 1);
  g_autoptr(SihuaRoadmap) roadmap = sihua_roadmap_compute (score, answers, -1);
  g_autofree char *short_ids = NULL;
  g_autofree char *medium_ids = NULL;
  g_autofree char *long_ids = NULL;
  const SihuaRoadmapItem *item;

  /* G = 1, target 2. Impact = W × 1: a and d 2, b and c 1. The level-2
   * actions only; among b's equals the quick win first. */
  g_assert_cmpint (roadmap->stage, ==, 1);
  g_assert_cmpint (roadmap->target, ==, 2);
  g_assert_cmpuint (sihua_roadmap_get_n_items (roadmap), ==, 5);
  short_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_SHORT]);
  medium_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_MEDIUM]);
  long_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_LONG]);
  g_assert_cmpstr (short_ids, ==, "rec.b.2.quick rec.b.2 rec.c.2");
  g_assert_cmpstr (medium_ids, ==, "rec.a.2 rec.d.2");
  g_assert_cmpstr (long_ids, ==, "");

  item = &g_array_index (roadmap->phases[SIHUA_HORIZON_MEDIUM].items, SihuaRoadmapItem, 0);
  assert_close (item->impact, 2);
  g_assert_cmpint (item->stage, ==, 1);
  /* a and d are the ones the overall stage needs. */
  g_assert_true (item->required);
  g_assert_false (g_array_index (roadmap->phases[SIHUA_HORIZON_SHORT].items, SihuaRoadmapItem, 0).required);

  /* Gaps by impact: a, d, then b, c. */
  g_assert_cmpuint (roadmap->gaps->len, ==, 4);
  g_assert_cmpstr (g_array_index (roadmap->gaps, SihuaTargetGap, 0).dimension->id, ==, "a");
  g_assert_cmpstr (g_array_index (roadmap->gaps, SihuaTargetGap, 1).dimension->id, ==, "d");
  g_assert_cmpstr (g_array_index (roadmap->gaps, SihuaTargetGap, 2).dimension->id, ==, "b");
  g_assert_cmpstr (g_array_index (roadmap->gaps, SihuaTargetGap, 3).dimension->id, ==, "c");

  /* No barrier was reported, so none of their actions. */
  g_assert_cmpuint (roadmap->barriers->len, ==, 0);
}

static void
test_roadmap_far_target (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 3, 0, 3);
  g_autoptr(SihuaRoadmap) roadmap = sihua_roadmap_compute (score, answers, 4);
  g_autofree char *short_ids = NULL;
  g_autofree char *medium_ids = NULL;
  g_autofree char *long_ids = NULL;
  const char *order[] = { "rec.c.1", "rec.c.2", "rec.a.2", "rec.a.3", "rec.d.4" };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(JsonNode) json = NULL;
  JsonArray *phases;

  /* Target 4: impact a 2·3 = 6, c 1·4 = 4, d 2·1 = 2, b 1·1 = 1 (b has no
   * action above 3). Within a the lower rung first; within c the quick win. */
  g_assert_cmpint (roadmap->stage, ==, 1);
  short_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_SHORT]);
  medium_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_MEDIUM]);
  long_ids = phase_ids (&roadmap->phases[SIHUA_HORIZON_LONG]);
  g_assert_cmpstr (short_ids, ==, "rec.c.1 rec.c.2");
  g_assert_cmpstr (medium_ids, ==, "rec.a.2");
  g_assert_cmpstr (long_ids, ==, "rec.a.3 rec.d.4");

  /* The JSON keeps the phases in order and the actions in roadmap order. */
  json = sihua_roadmap_to_json (roadmap, model, SIHUA_LANGUAGE_EN);
  phases = json_object_get_array_member (json_node_get_object (json), "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 0), "horizon"), ==, "short");
  for (guint h = 0; h < 3; h++)
    {
      JsonArray *actions = json_object_get_array_member (json_array_get_object_element (phases, h), "actions");

      for (guint i = 0; i < json_array_get_length (actions); i++)
        g_ptr_array_add (all, (gpointer) json_object_get_string_member (json_array_get_object_element (actions, i), "id"));
    }
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (g_ptr_array_index (all, i), ==, order[i]);
  /* Impacts as computed by hand. */
  assert_close (g_array_index (roadmap->phases[SIHUA_HORIZON_MEDIUM].items, SihuaRoadmapItem, 0).impact, 6);
  assert_close (g_array_index (roadmap->phases[SIHUA_HORIZON_SHORT].items, SihuaRoadmapItem, 0).impact, 4);
  assert_close (g_array_index (roadmap->phases[SIHUA_HORIZON_LONG].items, SihuaRoadmapItem, 1).impact, 2);
}

static void
test_roadmap_barriers (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(SihuaRoadmap) roadmap = NULL;
  const char *kinds[] = { "afraid", "cannot", NULL };

  sihua_test_set_options (answers, "barriers.kinds", kinds);
  score = score_stages (model, answers, 1, 1, 1, 1);
  roadmap = sihua_roadmap_compute (score, answers, -1);

  /* Both reported, in model order. */
  g_assert_cmpuint (roadmap->barriers->len, ==, 2);
  g_assert_cmpstr (g_array_index (roadmap->barriers, SihuaRoadmapItem, 0).recommendation->id, ==,
                   "rec.barrier.cannot");
  g_assert_cmpstr (g_array_index (roadmap->barriers, SihuaRoadmapItem, 1).recommendation->id, ==,
                   "rec.barrier.afraid");
  g_assert_null (g_array_index (roadmap->barriers, SihuaRoadmapItem, 0).dimension);
}

static void
test_roadmap_top (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 4, 4, 4, 4);
  g_autoptr(SihuaRoadmap) roadmap = sihua_roadmap_compute (score, answers, -1);

  g_assert_cmpint (roadmap->target, ==, 4);
  g_assert_cmpuint (sihua_roadmap_get_n_items (roadmap), ==, 0);
  g_assert_cmpuint (roadmap->gaps->len, ==, 0);
}

static void
test_score_json (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_stages (model, answers, 1, 2, 2, -1);
  g_autoptr(GArray) flags = sihua_answer_flags_compute (score, answers);
  g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, -1);
  g_autoptr(JsonNode) json = sihua_score_to_json (score, flags, next, SIHUA_LANGUAGE_ZH_CN);
  JsonObject *object = json_node_get_object (json);
  JsonArray *dimensions;
  JsonObject *d;

  /* a 1, b 2, c 2, d N/A: b + c weigh 2 < 8/3 → G = 1;
   * I = (2·25 + 50 + 50) / 4 = 37.5. */
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "scoring-basic");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "1.0.0");
  g_assert_true (json_object_get_boolean_member (object, "complete"));
  g_assert_cmpint (json_object_get_int_member (object, "stage"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "stage_name"), ==, "信息化");
  assert_close (json_object_get_double_member (object, "index"), 37.5);
  dimensions = json_object_get_array_member (object, "dimensions");
  g_assert_cmpuint (json_array_get_length (dimensions), ==, 4);
  d = json_array_get_object_element (dimensions, 3);
  g_assert_cmpstr (json_object_get_string_member (d, "id"), ==, "d");
  g_assert_true (json_object_get_null_member (d, "score"));
  g_assert_cmpint (json_object_get_int_member (d, "applicable"), ==, 0);
  g_assert_true (json_object_has_member (object, "flags"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "next_level"), "target"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* The English sentences are checked as written in the source. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/next-level/dimension-gap", test_dimension_gap);
  g_test_add_func ("/next-level/laggard", test_next_level_laggard);
  g_test_add_func ("/next-level/share", test_next_level_share);
  g_test_add_func ("/next-level/far-target", test_next_level_far_target);
  g_test_add_func ("/next-level/top", test_next_level_top);
  g_test_add_func ("/next-level/points", test_next_level_points);
  g_test_add_func ("/flags/consistency", test_flags);
  g_test_add_func ("/comparison/previous", test_comparison);
  g_test_add_func ("/comparison/target", test_target_comparison);
  g_test_add_func ("/roadmap/next-stage", test_roadmap_next_stage);
  g_test_add_func ("/roadmap/far-target", test_roadmap_far_target);
  g_test_add_func ("/roadmap/barriers", test_roadmap_barriers);
  g_test_add_func ("/roadmap/top", test_roadmap_top);
  g_test_add_func ("/score/json", test_score_json);

  return g_test_run ();
}
