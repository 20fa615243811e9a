/* sihua-points-gap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-next-level"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-next-level.h"
#include "sihua-score-private.h"
#include "sihua-scoring.h"

static gboolean
option_chosen (const SihuaAnswer *answer,
               const char        *option_id)
{
  return answer != NULL && answer->value != NULL && answer->value->kind == SIHUA_ANSWER_OPTIONS
         && g_strv_contains ((const char * const *) answer->value->option_ids, option_id);
}

/* The least change that earns more on a single item: the option worth the
 * fewest points above the current ones. */
static void
add_single_step (const SihuaQuestionScore *q,
                 GArray                   *steps)
{
  const SihuaOption *best = NULL;

  for (guint i = 0; i < q->question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (q->question->options, i);

      if (option->has_points && option->points > q->points + SIHUA_SCORE_EPSILON &&
          (best == NULL || option->points < best->points))
        best = option;
    }

  if (best != NULL)
    {
      SihuaPointsStep step = { q->question, best, best->points - q->points };
      g_array_append_val (steps, step);
    }
}

static void
add_multi_steps (const SihuaQuestionScore *q,
                 const SihuaAnswer        *answer,
                 GArray                   *steps)
{
  for (guint i = 0; i < q->question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (q->question->options, i);

      if (option->exclusive || !option->has_points || option->points <= 0 ||
          option_chosen (answer, option->id))
        continue;
      {
        SihuaPointsStep step = { q->question, option, option->points };
        g_array_append_val (steps, step);
      }
    }
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const SihuaPointsStep *x = a;
  const SihuaPointsStep *y = b;

  if (fabs (x->gain - y->gain) > SIHUA_SCORE_EPSILON)
    return x->gain > y->gain ? -1 : 1;
  if (x->question->index != y->question->index)
    return x->question->index < y->question->index ? -1 : 1;
  return g_strcmp0 (x->option->id, y->option->id);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const SihuaDimensionScore *x = *(const SihuaDimensionScore * const *) a;
  const SihuaDimensionScore *y = *(const SihuaDimensionScore * const *) b;
  int stage_x = x->scored ? x->stage : -1;
  int stage_y = y->scored ? y->stage : -1;

  if (stage_x != stage_y)
    return stage_x > stage_y ? -1 : 1;
  return 0;  /* g_ptr_array_sort is stable: model order stays */
}

static void
add_count_gap (SihuaScore             *score,
               const SihuaRequirement *requirement,
               int                     level,
               SihuaPointsGap         *gap)
{
  const char * const *subset = requirement->subset != NULL
                               ? sihua_model_get_subset (score->model, requirement->subset) : NULL;
  SihuaCountGap count = { requirement->subset, requirement->stage >= 0 ? requirement->stage : level,
                          0, (guint) requirement->count, NULL };

  count.have = sihua_score_count_at_stage (score, requirement->subset, count.stage);
  count.candidates = g_ptr_array_new ();
  for (guint i = 0; i < score->dimensions->len; i++)
    {
      const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

      if ((subset == NULL || g_strv_contains (subset, d->dimension->id)) &&
          (!d->scored || d->stage < count.stage))
        g_ptr_array_add (count.candidates, (gpointer) d);
    }
  g_ptr_array_sort (count.candidates, compare_candidates);
  g_array_append_val (gap->counts, count);
}

/**
 * sihua_points_gap_compute:
 * @score: a score of a points model
 * @answers: (element-type utf8 SihuaAnswer): the answers it was computed from
 *
 * Returns: (transfer full) (nullable): what the next level lacks in points,
 *   counts and the cheapest points, or %NULL unless the model scores by points.
 */
SihuaPointsGap *
sihua_points_gap_compute (SihuaScore *score,
                          GHashTable *answers)
{
  SihuaPointsGap *gap;
  GPtrArray *requirements;
  double sum = 0;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  if (score->areas->len == 0)
    return NULL;

  gap = g_new0 (SihuaPointsGap, 1);
  gap->stage = score->stage;
  gap->target = score->stage < sihua_score_get_max_stage (score) ? MAX (score->stage, 0) + 1 : -1;
  gap->points_have = score->points_total;
  gap->counts = g_array_new (FALSE, TRUE, sizeof (SihuaCountGap));
  gap->steps = g_array_new (FALSE, TRUE, sizeof (SihuaPointsStep));
  if (gap->target < 0)
    return gap;

  requirements = sihua_scoring_get_requirements (score->model, gap->target);
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (sihua_scoring_requirement_holds (score, requirement, gap->target))
        continue;
      if (requirement->kind == SIHUA_REQUIREMENT_POINTS_TOTAL)
        gap->points_needed = MAX (gap->points_needed, requirement->min - score->points_total);
      else if (requirement->kind == SIHUA_REQUIREMENT_COUNT_AT_STAGE)
        add_count_gap (score, requirement, gap->target, gap);
    }

  for (guint i = 0; i < score->questions->len; i++)
    {
      const SihuaQuestionScore *q = &g_array_index (score->questions, SihuaQuestionScore, i);

      /* Open items are the consultant's to answer first, not a way up. */
      if (q->status != SIHUA_QUESTION_STATUS_COUNTED || q->max_points <= 0)
        continue;
      if (q->question->type == SIHUA_QUESTION_MULTI)
        add_multi_steps (q, g_hash_table_lookup (answers, q->question->id), gap->steps);
      else if (q->question->type == SIHUA_QUESTION_SINGLE || q->question->type == SIHUA_QUESTION_YESNO)
        add_single_step (q, gap->steps);
    }
  g_array_sort (gap->steps, compare_steps);

  for (guint i = 0; i < gap->steps->len && !sihua_scoring_at_least (sum, gap->points_needed); i++)
    {
      sum += g_array_index (gap->steps, SihuaPointsStep, i).gain;
      gap->steps_enough = i + 1;
    }

  return gap;
}

void
sihua_points_gap_free (SihuaPointsGap *gap)
{
  if (gap == NULL)
    return;

  for (guint i = 0; gap->counts != NULL && i < gap->counts->len; i++)
    g_ptr_array_unref (g_array_index (gap->counts, SihuaCountGap, i).candidates);
  g_clear_pointer (&gap->counts, g_array_unref);
  g_clear_pointer (&gap->steps, g_array_unref);
  g_free (gap);
}

static char *
count_gap_examples (const SihuaCountGap *count,
                    SihuaLanguage        language)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint missing = count->need - MIN (count->have, count->need);

  for (guint i = 0; i < count->candidates->len && i < missing; i++)
    {
      const SihuaDimensionScore *d = g_ptr_array_index (count->candidates, i);

      g_strv_builder_add (names, sihua_text_get (&d->dimension->title, language, NULL));
    }
  list = g_strv_builder_end (names);
  /* Translators: joins the names of a short list: "质量管理、设备管理" */
  return g_strjoinv (C_("list separator", ", "), list);
}

/**
 * sihua_points_gap_describe:
 *
 * Returns: (transfer full) (nullable): one sentence, or %NULL at the top.
 */
char *
sihua_points_gap_describe (const SihuaPointsGap *gap,
                           SihuaModel           *model,
                           SihuaLanguage         language)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_return_val_if_fail (gap != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  if (gap->target < 0)
    return NULL;

  /* Rounded up: 8.625 missing is "8.7 more", since 8.6 more would not do. */
  if (gap->points_needed > 0)
    /* Translators: the start of "6.5 more points, and 2 more constraint scenes at 三级 …" */
    g_ptr_array_add (parts, g_strdup_printf (_("%.1f more points"),
                                             ceil (gap->points_needed * 10 - 1e-6) / 10));

  for (guint i = 0; i < gap->counts->len; i++)
    {
      const SihuaCountGap *count = &g_array_index (gap->counts, SihuaCountGap, i);
      const SihuaText *title = count->subset != NULL
                               ? sihua_model_get_subset_title (model, count->subset) : NULL;
      g_autofree char *examples = count_gap_examples (count, language);

      /* Translators: "2 more of the 约束性场景 at 三级 (e.g. 质量管理, 设备管理)"; "of
       * the" keeps the English right for one scene as for several */
      g_ptr_array_add (parts, g_strdup_printf (_("%u more of the %s at %s (e.g. %s)"),
                                               count->need - MIN (count->have, count->need),
                                               title != NULL ? sihua_text_get (title, language, NULL)
                                                             : _("dimensions"),
                                               _sihua_score_level_name (model, count->stage, language),
                                               examples));
    }

  if (parts->len == 0)
    return g_strdup_printf (_("Every requirement of %s holds"),
                            _sihua_score_level_name (model, gap->target, language));

  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of "6.5 more points, and 2 more …" */
  joined = g_strjoinv (C_("next level parts", ", and "), (char **) parts->pdata);
  return g_strdup_printf (_("For %s: %s"), _sihua_score_level_name (model, gap->target, language), joined);
}

/**
 * sihua_points_gap_to_json:
 *
 * Returns: (transfer full): {"stage", "target", "text", "points_have",
 *   "points_needed", "counts": [{"subset", "stage", "have", "need",
 *   "candidates": [{"id", "name", "stage"}]}], "steps": [{"question",
 *   "option", "gain"}], "steps_enough"}.
 */
JsonNode *
sihua_points_gap_to_json (const SihuaPointsGap *gap,
                          SihuaModel           *model,
                          SihuaLanguage         language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (gap != NULL, NULL);

  text = sihua_points_gap_describe (gap, model, language);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_int_value (builder, gap->stage);
  json_builder_set_member_name (builder, "target");
  if (gap->target >= 0)
    json_builder_add_int_value (builder, gap->target);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "text");
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "points_have");
  json_builder_add_double_value (builder, gap->points_have);
  json_builder_set_member_name (builder, "points_needed");
  json_builder_add_double_value (builder, gap->points_needed);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gap->counts->len; i++)
    {
      const SihuaCountGap *count = &g_array_index (gap->counts, SihuaCountGap, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "subset");
      if (count->subset != NULL)
        json_builder_add_string_value (builder, count->subset);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "stage");
      json_builder_add_int_value (builder, count->stage);
      json_builder_set_member_name (builder, "have");
      json_builder_add_int_value (builder, count->have);
      json_builder_set_member_name (builder, "need");
      json_builder_add_int_value (builder, count->need);
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint j = 0; j < count->candidates->len; j++)
        {
          const SihuaDimensionScore *d = g_ptr_array_index (count->candidates, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, d->dimension->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, sihua_text_get (&d->dimension->title, language, NULL));
          json_builder_set_member_name (builder, "stage");
          if (d->scored)
            json_builder_add_int_value (builder, d->stage);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < gap->steps->len; i++)
    {
      const SihuaPointsStep *step = &g_array_index (gap->steps, SihuaPointsStep, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, step->question->id);
      json_builder_set_member_name (builder, "option");
      json_builder_add_string_value (builder, step->option->id);
      json_builder_set_member_name (builder, "gain");
      json_builder_add_double_value (builder, step->gain);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "steps_enough");
  json_builder_add_int_value (builder, gap->steps_enough);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
