/* test-miit.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sihua-answer-flags.h"
#include "sihua-answer-sheet-export.h"
#include "sihua-next-level.h"
#include "sihua-scoring.h"
#include "sihua-test-scoring.h"
#include "sihua-test-utils.h"

/* The MIIT 2024 index (data/models/miit-2024.json) against figures worked
 * out by hand from docs/miit-2024.md: 基础 50 = 8 + 6 + 6 + 10 + 10 + 5 + 5,
 * 管理 30 = 4 × 7.5, 成效 20 = 7 + 7 + 3 + 3; bands closed on the right;
 * levels 20/40/60/80 points with 6/3, 6/3, 8/5 and 10/6 scenes/constraint
 * scenes at the level. */

static const char * const all_links[] = {
  "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", NULL
};
static const char * const no_link[] = { "a", NULL };

static SihuaModel *
load_miit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "models",
                                                 "miit-2024.json", NULL);
  g_autoptr(GError) error = NULL;
  SihuaModel *model = sihua_model_new_from_file (path, &error);

  g_assert_no_error (error);
  return model;
}

static void
set_number (GHashTable *answers,
            const char *question_id,
            double      number)
{
  sihua_test_set_value (answers, question_id, sihua_answer_value_new_number (number), NULL, NULL);
}

static SihuaScore *
score_of (SihuaModel *model,
          GHashTable *answers)
{
  return sihua_scoring_compute (model, answers);
}

static void
test_structure (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = score_of (model, answers);
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonNode) again_written = NULL;
  g_autoptr(SihuaModel) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again_text = NULL;
  static const double maxima[] = { 50, 30, 20 };

  g_assert_cmpstr (sihua_model_get_version (model), ==, "2024.1.0");
  g_assert_cmpuint (g_strv_length ((GStrv) sihua_model_get_subset (model, "scenes")), ==, 16);
  g_assert_cmpuint (g_strv_length ((GStrv) sihua_model_get_subset (model, "constraint_scenes")), ==, 10);

  /* Nothing answered: the maxima are there, and nothing is earned. */
  g_assert_cmpuint (sihua_score_get_n_area_points (score), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (sihua_score_get_area_points (score, i)->max, ==, maxima[i]);
      g_assert_cmpfloat (sihua_score_get_area_points (score, i)->points, ==, 0);
    }
  g_assert_cmpfloat_with_epsilon (sihua_score_get_points_max (score), 100, 1e-9);
  g_assert_cmpint (sihua_score_get_stage (score), ==, -1);

  /* The canonical form keeps the derive rules, checks and subset titles. */
  written = sihua_model_to_json (model);
  text = json_to_string (written, TRUE);
  g_assert_nonnull (strstr (text, "\"derive\""));
  g_assert_nonnull (strstr (text, "\"checks\""));
  g_assert_nonnull (strstr (text, "\"subset_titles\""));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

    again = sihua_model_new_from_bytes (bytes, "again.json", &error);
    g_assert_no_error (error);
  }
  again_written = sihua_model_to_json (again);
  again_text = json_to_string (again_written, TRUE);
  g_assert_cmpstr (again_text, ==, text);
}

typedef struct
{
  double      digital;
  double      total;
  const char *option;
  double      points;
} BandCase;

static void
test_band_boundaries (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  /* Closed on the right: exactly 10 % is a, exactly 40 % is c (3, not
   * 4.5), exactly 60 % is d (4.5, not 6); just above moves up a band. */
  static const BandCase cases[] = {
    { 0, 50, "a", 0 },
    { 10, 100, "a", 0 },
    { 101, 1000, "b", 1.5 },
    { 20, 100, "b", 1.5 },
    { 201, 1000, "c", 3 },
    { 2, 5, "c", 3 },          /* 2/5 × 100 is 40.000000000000007 in binary */
    { 40, 100, "c", 3 },
    { 401, 1000, "d", 4.5 },
    { 60, 100, "d", 4.5 },
    { 601, 1000, "e", 6 },
    { 100, 100, "e", 6 },
  };
  SihuaQuestion *band = sihua_model_lookup_question (model, "base.equip_digital");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) score = NULL;
      const SihuaQuestionScore *q;
      SihuaOption *option;
      double value = -1;

      set_number (answers, "base.equip_digital.digital", cases[i].digital);
      set_number (answers, "base.equip_digital.total", cases[i].total);
      option = sihua_question_derive_option (model, band, answers, &value);
      g_assert_nonnull (option);
      g_assert_cmpstr (option->id, ==, cases[i].option);
      g_assert_cmpfloat_with_epsilon (value, 100 * cases[i].digital / cases[i].total, 1e-9);

      /* Left open, the band item counts with the option the figures give. */
      score = score_of (model, answers);
      q = sihua_score_lookup_question (score, "base.equip_digital");
      g_assert_cmpint (q->status, ==, SIHUA_QUESTION_STATUS_COUNTED);
      g_assert_true (q->derived);
      g_assert_cmpfloat (q->points, ==, cases[i].points);
      g_assert_cmpfloat (sihua_score_get_points_total (score), ==, cases[i].points);
    }

  /* 资金投入: 万元/年 over revenue, the same bands (7.5 at the top). */
  {
    g_autoptr(GHashTable) answers = sihua_answer_table_new ();
    SihuaQuestion *funding = sihua_model_lookup_question (model, "mgmt.funding");

    set_number (answers, "mgmt.funding.amount", 60);
    set_number (answers, "mgmt.funding.revenue", 100);
    g_assert_cmpstr (sihua_question_derive_option (model, funding, answers, NULL)->id, ==, "d");
    set_number (answers, "mgmt.funding.revenue", 0);
    g_assert_null (sihua_question_derive_option (model, funding, answers, NULL));
  }
}

static gboolean
has_flag (GArray                *flags,
          const char            *question_id,
          SihuaAnswerFlagReason  reason,
          const char            *check_id)
{
  for (guint i = 0; i < flags->len; i++)
    {
      const SihuaAnswerFlag *flag = &g_array_index (flags, SihuaAnswerFlag, i);

      if (g_str_equal (flag->question->id, question_id) && flag->reason == reason &&
          (check_id == NULL || g_str_equal (flag->check->id, check_id)))
        return TRUE;
    }
  return FALSE;
}

static void
test_band_mismatch (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autoptr(SihuaScore) agreeing_score = NULL;
  g_autoptr(GArray) agreeing = NULL;

  /* 10 of 50 networked is exactly 20 %: band b, not the c chosen. The
   * chosen band still scores; the mismatch is for the consultant to check. */
  set_number (answers, "base.equip_digital.total", 50);
  set_number (answers, "base.equip_network.networked", 10);
  sihua_test_set_option (answers, "base.equip_network", "c");
  score = score_of (model, answers);
  flags = sihua_answer_flags_compute (score, answers);
  g_assert_true (has_flag (flags, "base.equip_network", SIHUA_ANSWER_FLAG_BAND_MISMATCH, NULL));
  g_assert_cmpfloat (sihua_score_get_points_total (score), ==, 3);

  sihua_test_set_option (answers, "base.equip_network", "b");
  agreeing_score = score_of (model, answers);
  agreeing = sihua_answer_flags_compute (agreeing_score, answers);
  g_assert_false (has_flag (agreeing, "base.equip_network", SIHUA_ANSWER_FLAG_BAND_MISMATCH, NULL));
}

static void
test_exclusive_none (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  SihuaQuestion *network = sihua_model_lookup_question (model, "base.network");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAnswerValue) mixed = sihua_answer_value_parse (network, "a,b", &error);
  g_autoptr(SihuaAnswerValue) none = NULL;
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;

  /* 无 stands alone. */
  g_assert_null (mixed);
  g_assert_nonnull (error);
  g_clear_error (&error);

  none = sihua_answer_value_parse (network, "a", &error);
  g_assert_no_error (error);
  sihua_test_set_options (answers, "base.network", no_link);
  sihua_test_set_options (answers, "base.sec_data", no_link);
  score = score_of (model, answers);
  g_assert_cmpint (sihua_score_lookup_question (score, "base.network")->status, ==,
                   SIHUA_QUESTION_STATUS_COUNTED);
  g_assert_cmpfloat (sihua_score_get_points_total (score), ==, 0);
}

static void
test_data_collection_points (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  static const char * const without_hr[] = {
    "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", NULL
  };
  static const char * const hr_only[] = { "o", NULL };
  struct { const char * const *links; double points; } cases[] = {
    { all_links, 10.0 },    /* 13 × 0.7 + 0.9 */
    { without_hr, 9.1 },    /* 13 × 0.7 */
    { hr_only, 0.9 },
    { no_link, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) score = NULL;

      sihua_test_set_options (answers, "base.data_collect", cases[i].links);
      score = score_of (model, answers);
      g_assert_cmpfloat_with_epsilon (sihua_score_get_points_total (score), cases[i].points, 1e-9);
      g_assert_cmpfloat_with_epsilon (sihua_score_get_area_points (score, 0)->points,
                                      cases[i].points, 1e-9);
    }
}

/* Points for each level's threshold exactly, and a variant one step short. */
static void
set_points (GHashTable *answers,
            int         level,
            gboolean    short_by_one)
{
  static const char * const network_all[] = { "b", "c", "d", "e", NULL };
  static const char * const security_all[] = { "b", "c", "d", "e", NULL };
  static const char * const rules_all[] = { "b", "c", "d", "e", NULL };
  static const char * const talent_all[] = { "b", "c", "d", "e", "f", NULL };

  /* 20 = 信息系统 全覆盖 10 + every data link 10; short: 19.3. */
  sihua_test_set_option (answers, "base.info_system", "e");
  sihua_test_set_options (answers, "base.data_collect",
                          level == 1 && short_by_one ? all_links + 1 : all_links);
  if (level < 2)
    return;

  /* 40 = 20 + 8 + 6 + 6; short: 联网率 d, 38.5. */
  sihua_test_set_options (answers, "base.network", network_all);
  sihua_test_set_option (answers, "base.equip_digital", "e");
  sihua_test_set_option (answers, "base.equip_network", level == 2 && short_by_one ? "d" : "e");
  if (level < 3)
    return;

  /* 60 = 50 (基础 full) + 3.5 + 3.5 + 3; short: 人均营收 持平, 58.5. */
  sihua_test_set_options (answers, "base.sec_network", security_all);
  sihua_test_set_options (answers, "base.sec_data", security_all);
  if (level == 3)
    {
      sihua_test_set_option (answers, "eff.energy", "b");
      sihua_test_set_option (answers, "eff.quality", "b");
      sihua_test_set_option (answers, "eff.revenue_pc", short_by_one ? "b" : "c");
      return;
    }

  /* 80 = 50 + 30 (管理 full); short: 资金投入 d, 78.125. */
  sihua_test_set_option (answers, "mgmt.awareness", "f");
  sihua_test_set_options (answers, "mgmt.rules", rules_all);
  sihua_test_set_options (answers, "mgmt.talent", talent_all);
  sihua_test_set_option (answers, "mgmt.funding", short_by_one ? "d" : "e");
}

static const char * const constraint_scenes[] = {
  "product_design", "marketing", "production", "quality", "equipment", "safety",
  "energy", "procurement", "warehouse", "finance", NULL
};
static const char * const guiding_scenes[] = {
  "process_design", "after_sales", "planning", "hr", "office", "decision", NULL
};

/* @n_constraint constraint scenes and @n_guiding others at @level, the
 * rest at @rest. */
static void
set_scenes (GHashTable *answers,
            int         level,
            guint       n_constraint,
            guint       n_guiding,
            int         rest)
{
  for (guint i = 0; constraint_scenes[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat ("scene.", constraint_scenes[i], NULL);

      sihua_test_set_levels (answers, id, i < n_constraint ? level : rest, NULL);
    }
  for (guint i = 0; guiding_scenes[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat ("scene.", guiding_scenes[i], NULL);

      sihua_test_set_levels (answers, id, i < n_guiding ? level : rest, NULL);
    }
}

static int
stage_of (SihuaModel *model,
          int         points_level,
          gboolean    points_short,
          int         scene_level,
          guint       n_constraint,
          guint       n_guiding)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;

  /* The other scenes one level below: what they lack is only @scene_level. */
  set_points (answers, points_level, points_short);
  set_scenes (answers, scene_level, n_constraint, n_guiding, scene_level - 1);
  score = score_of (model, answers);
  return sihua_score_get_stage (score);
}

static void
test_levels (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  /* The least each level needs: scenes (constraint + others) at it. */
  static const struct { int level; guint constraint; guint guiding; } least[] = {
    { 1, 3, 3 }, { 2, 3, 3 }, { 3, 5, 3 }, { 4, 6, 4 },
  };
  static const double thresholds[] = { 0, 20, 40, 60, 80 };

  for (guint i = 0; i < G_N_ELEMENTS (least); i++)
    {
      int level = least[i].level;
      guint c = least[i].constraint;
      guint g = least[i].guiding;
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) score = NULL;

      set_points (answers, level, FALSE);
      score = score_of (model, answers);
      g_assert_cmpfloat_with_epsilon (sihua_score_get_points_total (score), thresholds[level], 1e-9);

      /* Exactly enough. */
      g_assert_cmpint (stage_of (model, level, FALSE, level, c, g), ==, level);
      /* One step short of the points. */
      g_assert_cmpint (stage_of (model, level, TRUE, level, c, g), ==, level - 1);
      /* One scene too few. */
      g_assert_cmpint (stage_of (model, level, FALSE, level, c, g - 1), ==, level - 1);
      /* Enough points and scenes, but one constraint scene too few. */
      g_assert_cmpint (stage_of (model, level, FALSE, level, c - 1, g + 1), ==, level - 1);
    }
}

static void
test_counts (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;

  /* 5 constraint + 3 others at 3: n_1..n_3 = 8, c = 5, nothing at 4. */
  set_scenes (answers, 3, 5, 3, 0);
  sihua_test_set_levels (answers, "scene.decision", 1, NULL);
  score = score_of (model, answers);
  g_assert_cmpuint (sihua_score_count_at_stage (score, "scenes", 1), ==, 9);
  g_assert_cmpuint (sihua_score_count_at_stage (score, "scenes", 3), ==, 8);
  g_assert_cmpuint (sihua_score_count_at_stage (score, "scenes", 4), ==, 0);
  g_assert_cmpuint (sihua_score_count_at_stage (score, "constraint_scenes", 3), ==, 5);
  g_assert_cmpint (sihua_score_lookup_dimension (score, "production")->stage, ==, 3);
  g_assert_cmpint (sihua_score_lookup_dimension (score, "decision")->stage, ==, 1);
  /* Scenes carry no points, and stay out of the index. */
  g_assert_cmpfloat (sihua_score_get_points_total (score), ==, 0);
}

static void
test_next_level (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(SihuaPointsGap) gap = NULL;
  g_autofree char *text = NULL;
  const SihuaCountGap *count;
  const SihuaPointsStep *first;

  /* 58.5 points and 7 scenes at 3 (5 constraint), one more at 2: stage 2;
   * level 3 lacks 1.5 points and one scene, the one at 2 closest. */
  set_points (answers, 3, TRUE);
  set_scenes (answers, 3, 5, 2, 0);
  sihua_test_set_levels (answers, "scene.decision", 1, "scene.hr", 2, NULL);
  score = score_of (model, answers);
  g_assert_cmpint (sihua_score_get_stage (score), ==, 2);

  gap = sihua_points_gap_compute (score, answers);
  g_assert_cmpint (gap->target, ==, 3);
  g_assert_cmpfloat_with_epsilon (gap->points_needed, 1.5, 1e-9);
  g_assert_cmpuint (gap->counts->len, ==, 1);
  count = &g_array_index (gap->counts, SihuaCountGap, 0);
  g_assert_cmpstr (count->subset, ==, "scenes");
  g_assert_cmpuint (count->have, ==, 7);
  g_assert_cmpuint (count->need, ==, 8);
  g_assert_cmpstr (((const SihuaDimensionScore *) g_ptr_array_index (count->candidates, 0))->dimension->id,
                   ==, "hr");

  /* The most points for one change: 能耗 持平 → 降低 (3.5), ahead of 人均营收
   * 持平 → 增加 (1.5); one of them is enough. Unanswered items are not steps. */
  first = &g_array_index (gap->steps, SihuaPointsStep, 0);
  g_assert_cmpstr (first->question->id, ==, "eff.energy");
  g_assert_cmpstr (first->option->id, ==, "c");
  g_assert_cmpfloat (first->gain, ==, 3.5);
  g_assert_cmpuint (gap->steps_enough, ==, 1);
  for (guint i = 0; i < gap->steps->len; i++)
    g_assert_false (g_str_has_prefix (g_array_index (gap->steps, SihuaPointsStep, i).question->id, "mgmt."));

  text = sihua_points_gap_describe (gap, model, SIHUA_LANGUAGE_ZH_CN);
  g_assert_nonnull (strstr (text, "1.5"));
  g_assert_nonnull (strstr (text, "人力资源"));
}

static void
test_checks (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autoptr(SihuaScore) calm_score = NULL;
  g_autoptr(GArray) calm = NULL;

  /* 生产管控 三级 while 联网率 ≤ 20 %; 全覆盖 with 10 of 16 scenes below 二级;
   * 数据采集 ticks 生产管控 and 财务管理, and 财务管理 is at 0. */
  set_scenes (answers, 1, 10, 0, 0);
  sihua_test_set_levels (answers, "scene.production", 3, "scene.finance", 0, NULL);
  sihua_test_set_option (answers, "base.equip_network", "b");
  sihua_test_set_option (answers, "base.info_system", "e");
  {
    static const char * const ticked[] = { "g", "n", NULL };
    sihua_test_set_options (answers, "base.data_collect", ticked);
  }
  score = score_of (model, answers);
  flags = sihua_answer_flags_compute (score, answers);
  g_assert_true (has_flag (flags, "scene.production", SIHUA_ANSWER_FLAG_CHECK, "production_vs_networking"));
  g_assert_true (has_flag (flags, "base.info_system", SIHUA_ANSWER_FLAG_CHECK, "systems_vs_scenes"));
  g_assert_true (has_flag (flags, "base.data_collect", SIHUA_ANSWER_FLAG_CHECK, "collect_vs_scene.finance"));
  g_assert_false (has_flag (flags, "base.data_collect", SIHUA_ANSWER_FLAG_CHECK, "collect_vs_scene.production"));

  /* 联网率 c, 8 scenes at 2 and one at 3 (only 8 below 2), 财务管理 at 1:
   * nothing to check. */
  sihua_test_set_option (answers, "base.equip_network", "c");
  set_scenes (answers, 2, 8, 0, 0);
  sihua_test_set_levels (answers, "scene.production", 3, "scene.finance", 1, NULL);
  calm_score = score_of (model, answers);
  calm = sihua_answer_flags_compute (calm_score, answers);
  g_assert_cmpuint (calm->len, ==, 0);
}

/* Random answers: adding an option never lowers the points; raising a
 * scene never lowers the level. */
static void
answer_randomly (SihuaModel *model,
                 GHashTable *answers)
{
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      if (g_test_rand_int_range (0, 8) == 0)
        continue;   /* some left open */

      switch (question->type)
        {
        case SIHUA_QUESTION_LADDER:
          sihua_test_set_levels (answers, question->id, g_test_rand_int_range (0, 5), NULL);
          break;
        case SIHUA_QUESTION_SINGLE:
          sihua_test_set_option (answers, question->id,
                                 ((SihuaOption *) g_ptr_array_index (question->options,
                                   g_test_rand_int_range (0, question->options->len)))->id);
          break;
        case SIHUA_QUESTION_MULTI:
          for (guint j = 1; j < question->options->len; j++)
            if (g_test_rand_bit ())
              g_strv_builder_add (chosen, ((SihuaOption *) g_ptr_array_index (question->options, j))->id);
          ids = g_strv_builder_end (chosen);
          sihua_test_set_options (answers, question->id,
                                  ids[0] != NULL ? (const char * const *) ids : no_link);
          break;
        case SIHUA_QUESTION_NUMERIC:
          set_number (answers, question->id, g_test_rand_int_range (0, 200));
          break;
        default:
          break;
        }
    }
}

static void
test_properties (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) before = NULL;
      SihuaQuestion *question;

      answer_randomly (model, answers);
      before = score_of (model, answers);
      question = g_ptr_array_index (questions, g_test_rand_int_range (0, questions->len));

      if (question->type == SIHUA_QUESTION_MULTI)
        {
          const SihuaAnswer *answer = g_hash_table_lookup (answers, question->id);
          g_autoptr(GStrvBuilder) more = g_strv_builder_new ();
          g_autoptr(SihuaScore) after = NULL;
          g_auto(GStrv) ids = NULL;
          SihuaOption *added = g_ptr_array_index (question->options,
                                                  g_test_rand_int_range (1, question->options->len));

          /* Adding to 无 replaces it, as the form does. */
          for (guint j = 0; answer != NULL && answer->value->option_ids[j] != NULL; j++)
            if (!g_str_equal (answer->value->option_ids[j], "a") &&
                !g_str_equal (answer->value->option_ids[j], added->id))
              g_strv_builder_add (more, answer->value->option_ids[j]);
          g_strv_builder_add (more, added->id);
          ids = g_strv_builder_end (more);
          sihua_test_set_options (answers, question->id, (const char * const *) ids);
          after = score_of (model, answers);
          g_assert_cmpfloat (sihua_score_get_points_total (after), >=,
                             sihua_score_get_points_total (before) - 1e-9);
          g_assert_cmpint (sihua_score_get_stage (after), >=, sihua_score_get_stage (before));
        }
      else if (question->type == SIHUA_QUESTION_LADDER)
        {
          const SihuaQuestionScore *q = sihua_score_lookup_question (before, question->id);
          g_autoptr(SihuaScore) after = NULL;

          if (q->status != SIHUA_QUESTION_STATUS_COUNTED || q->level >= 4)
            continue;
          sihua_test_set_levels (answers, question->id, q->level + 1, NULL);
          after = score_of (model, answers);
          g_assert_cmpint (sihua_score_get_stage (after), >=, sihua_score_get_stage (before));
          g_assert_cmpfloat (sihua_score_get_points_total (after), ==,
                             sihua_score_get_points_total (before));
        }
    }
}

static const SihuaAnswerSheetLine *
find_line (GPtrArray  *lines,
           const char *question_id)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaAnswerSheetLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->question_id, question_id))
        return line;
    }
  g_assert_not_reached ();
}

static void
test_answer_sheet (void)
{
  g_autoptr(SihuaModel) model = load_miit ();
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "sheet.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "sheet.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const SihuaAnswerSheetLine *line;
  static const char * const network[] = { "c", "b", NULL };
  gsize length = 0;

  sihua_test_set_options (answers, "base.network", network);
  set_number (answers, "base.equip_digital.total", 50);
  set_number (answers, "base.equip_digital.digital", 20);
  set_number (answers, "base.equip_network.networked", 10);
  sihua_test_set_option (answers, "base.equip_network", "c");
  sihua_test_set_levels (answers, "scene.quality", 3, NULL);
  sihua_test_set_na (answers, "eff.quality");

  lines = sihua_answer_sheet_export_build (model, answers, SIHUA_LANGUAGE_ZH_CN);
  /* 15 items and 16 scenes, in the form's order. */
  g_assert_cmpuint (lines->len, ==, 31);
  line = g_ptr_array_index (lines, 0);
  g_assert_cmpuint (line->number, ==, 1);
  g_assert_cmpstr (line->question_id, ==, "base.network");
  g_assert_cmpstr (line->letters, ==, "B, C");
  g_assert_cmpstr (line->area, ==, "数字化基础");
  g_assert_cmpstr (((SihuaAnswerSheetLine *) g_ptr_array_index (lines, 15))->question_id, ==,
                   "scene.product_design");

  line = find_line (lines, "base.equip_digital");
  g_assert_cmpstr (line->letters, ==, "C");
  g_assert_cmpstr (line->answer, ==, "(20%,40%]");
  g_assert_nonnull (strstr (line->numbers, "50"));
  g_assert_nonnull (strstr (line->numbers, "→ 40.0"));
  g_assert_cmpstr (line->remark, ==, "由填报数据推算");

  line = find_line (lines, "base.equip_network");
  g_assert_cmpstr (line->letters, ==, "C");
  g_assert_nonnull (strstr (line->numbers, "→ 20.0"));
  g_assert_nonnull (strstr (line->remark, "不一致"));

  line = find_line (lines, "scene.quality");
  g_assert_cmpstr (line->letters, ==, "3");
  g_assert_cmpstr (line->answer, ==, "三级");
  g_assert_cmpstr (find_line (lines, "eff.quality")->remark, ==, "不适用");
  g_assert_cmpstr (find_line (lines, "mgmt.awareness")->letters, ==, "");

  g_assert_true (sihua_answer_sheet_export_write (lines, SIHUA_ANSWER_SHEET_EXPORT_CSV, csv,
                                                  SIHUA_LANGUAGE_ZH_CN, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF序号,维度,指标,题目,选项,答案,填报数据,备注\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n1,数字化基础,设备系统,企业网络建设连接情况,\"B, C\","));

  g_assert_true (sihua_answer_sheet_export_write (lines, SIHUA_ANSWER_SHEET_EXPORT_XLSX, xlsx,
                                                  SIHUA_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK", 2) == 0);
  g_assert_false (g_file_test (g_strconcat (xlsx, ".part", NULL), G_FILE_TEST_EXISTS));

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/miit/structure", test_structure);
  g_test_add_func ("/miit/band-boundaries", test_band_boundaries);
  g_test_add_func ("/miit/band-mismatch", test_band_mismatch);
  g_test_add_func ("/miit/exclusive-none", test_exclusive_none);
  g_test_add_func ("/miit/data-collection-points", test_data_collection_points);
  g_test_add_func ("/miit/levels", test_levels);
  g_test_add_func ("/miit/counts", test_counts);
  g_test_add_func ("/miit/next-level", test_next_level);
  g_test_add_func ("/miit/checks", test_checks);
  g_test_add_func ("/miit/properties", test_properties);
  g_test_add_func ("/miit/answer-sheet", test_answer_sheet);

  return g_test_run ();
}
