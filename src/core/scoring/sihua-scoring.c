/* sihua-scoring.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-scoring"

#include "config.h"

#include <math.h>

#include "sihua-answer.h"
#include "sihua-score-private.h"
#include "sihua-scoring.h"

gboolean
sihua_scoring_at_least (double a,
                        double b)
{
  return a >= b - SIHUA_SCORE_EPSILON;
}

static double
question_max_points (const SihuaQuestion *question)
{
  double best = 0;

  if (question->type == SIHUA_QUESTION_NUMERIC)
    {
      for (guint i = 0; question->bands != NULL && i < question->bands->len; i++)
        {
          const SihuaBand *band = &g_array_index (question->bands, SihuaBand, i);

          if (band->has_points)
            best = MAX (best, band->points);
        }
      return best;
    }

  if (question->options == NULL)
    return 0;

  if (question->type == SIHUA_QUESTION_MULTI)
    {
      double sum = 0;

      /* Several options add up; a "none of these" option stands alone. */
      for (guint i = 0; i < question->options->len; i++)
        {
          const SihuaOption *option = g_ptr_array_index (question->options, i);

          if (!option->has_points)
            continue;
          if (option->exclusive)
            best = MAX (best, option->points);
          else if (option->points > 0)
            sum += option->points;
        }
      return MAX (best, sum);
    }

  for (guint i = 0; i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->has_points)
        best = MAX (best, option->points);
    }

  return best;
}

static gboolean
in_subset (const char * const *subset,
           const char         *dimension_id)
{
  return subset == NULL || g_strv_contains (subset, dimension_id);
}

static void
score_question (SihuaScore         *score,
                SihuaQuestionScore *result,
                GHashTable         *answers,
                gboolean            by_points)
{
  const SihuaQuestion *question = result->question;
  const SihuaAnswer *answer;

  result->level = -1;
  result->max_points = question_max_points (question);

  if (!question->dimension->area->scored || !sihua_question_is_scored (question))
    {
      result->status = SIHUA_QUESTION_STATUS_NOT_SCORED;
      return;
    }

  if (!sihua_question_is_relevant (score->model, question, answers))
    {
      result->status = SIHUA_QUESTION_STATUS_NOT_RELEVANT;
      return;
    }

  answer = g_hash_table_lookup (answers, question->id);
  if (answer == NULL || answer->value == NULL)
    {
      /* A band item left open follows from the numbers behind it, as the
       * official form's rule states. */
      SihuaOption *derived = sihua_question_derive_option (score->model, question, answers, NULL);

      if (derived != NULL)
        {
          result->derived = TRUE;
          result->level = derived->level;
          result->has_points = derived->has_points;
          result->points = derived->has_points ? derived->points : 0;
          result->status = SIHUA_QUESTION_STATUS_COUNTED;
          return;
        }
      result->status = SIHUA_QUESTION_STATUS_UNANSWERED;
      return;
    }

  if (answer->value->kind == SIHUA_ANSWER_NA)
    {
      result->status = SIHUA_QUESTION_STATUS_NOT_APPLICABLE;
      return;
    }

  sihua_answer_value_evaluate (answer->value, question,
                               &result->level, &result->has_points, &result->points);

  /* A ladder question carries no points; in a points model it still counts
   * with its level (official indices rate scenes by level and score items by
   * points). */
  if (by_points ? (result->has_points || result->level >= 0) : result->level >= 0)
    result->status = SIHUA_QUESTION_STATUS_COUNTED;
  else
    result->status = SIHUA_QUESTION_STATUS_NO_VALUE;
}

static void
score_dimension (SihuaScore          *score,
                 SihuaDimensionScore *result,
                 double               stage_share,
                 gboolean             by_points,
                 int                  max_stage)
{
  const SihuaDimension *dimension = result->dimension;
  double weighted_levels = 0;
  double weighted_max_points = 0;
  double level_weight = 0;
  double weight_at[16] = { 0 };   /* n_levels ≤ 10 by the model format */

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
      const SihuaQuestionScore *q = &g_array_index (score->questions, SihuaQuestionScore,
                                                    question->index);

      switch (q->status)
        {
        case SIHUA_QUESTION_STATUS_COUNTED:
          result->answered++;
          result->applicable++;
          result->counted_weight += question->weight;
          if (q->has_points)
            result->points += question->weight * q->points;
          weighted_max_points += question->weight * q->max_points;
          if (q->level >= 0)
            {
              int level = MIN (q->level, max_stage);

              weighted_levels += question->weight * level;
              level_weight += question->weight;
              weight_at[level] += question->weight;
            }
          break;

        case SIHUA_QUESTION_STATUS_NO_VALUE:
          result->answered++;
          result->applicable++;
          break;

        case SIHUA_QUESTION_STATUS_UNANSWERED:
          result->applicable++;
          break;

        case SIHUA_QUESTION_STATUS_NOT_APPLICABLE:
        case SIHUA_QUESTION_STATUS_NOT_RELEVANT:
        case SIHUA_QUESTION_STATUS_NOT_SCORED:
        default:
          break;
        }
    }

  result->scored = result->counted_weight > 0;
  if (!result->scored)
    {
      result->score = NAN;
      result->stage = -1;
      return;
    }

  result->max_points = weighted_max_points;
  result->has_points = by_points && weighted_max_points > 0;
  if (result->has_points)
    result->score = 100 * result->points / weighted_max_points;
  else
    result->score = 100 * weighted_levels / (max_stage * level_weight);

  /* g_d: the highest s whose questions at level ≥ s carry the share. */
  result->stage = 0;
  if (level_weight > 0)
    {
      double at_or_above = 0;

      for (int s = max_stage; s >= 1; s--)
        {
          at_or_above += weight_at[s];
          if (sihua_scoring_at_least (at_or_above, stage_share * level_weight))
            {
              result->stage = s;
              break;
            }
        }
    }
}

/* The official indices' currency: each scored area's points out of its
 * maximum, the maximum counting every scored question whether answered or
 * not (数字化基础 is out of 50 from the first answer on). */
static void
sum_area_points (SihuaScore *score)
{
  GPtrArray *areas = sihua_model_get_areas (score->model);

  for (guint i = 0; i < areas->len; i++)
    {
      const SihuaArea *area = g_ptr_array_index (areas, i);
      SihuaAreaPoints sum = { area, 0, 0 };

      if (!area->scored)
        continue;

      for (guint j = 0; j < area->dimensions->len; j++)
        {
          const SihuaDimension *dimension = g_ptr_array_index (area->dimensions, j);
          const SihuaDimensionScore *d = sihua_score_lookup_dimension (score, dimension->id);

          if (d != NULL && d->has_points)
            sum.points += d->points;
          for (guint k = 0; k < dimension->questions->len; k++)
            {
              const SihuaQuestion *question = g_ptr_array_index (dimension->questions, k);

              if (sihua_question_is_scored (question))
                sum.max += question->weight * question_max_points (question);
            }
        }

      if (sum.max > 0)
        {
          g_array_append_val (score->areas, sum);
          score->points_max += sum.max;
        }
    }
}

/**
 * sihua_scoring_get_requirements:
 *
 * Returns: (transfer none) (nullable): the requirements of @level.
 */
GPtrArray *
sihua_scoring_get_requirements (SihuaModel *model,
                                int         level)
{
  const SihuaScoringRule *rule;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  rule = sihua_model_get_scoring (model);
  if (rule == NULL)
    return NULL;

  if (rule->level_requirements != NULL && level >= 0 &&
      level < (int) sihua_model_get_n_levels (model) &&
      rule->level_requirements[level] != NULL)
    return rule->level_requirements[level];

  return rule->default_requirements;
}

gboolean
sihua_scoring_requirement_holds (SihuaScore             *score,
                                 const SihuaRequirement *requirement,
                                 int                     level)
{
  const char * const *subset = NULL;

  g_return_val_if_fail (score != NULL, FALSE);
  g_return_val_if_fail (requirement != NULL, FALSE);

  if (requirement->subset != NULL)
    subset = sihua_model_get_subset (score->model, requirement->subset);

  switch (requirement->kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      {
        double total = 0;
        double at_stage = 0;

        for (guint i = 0; i < score->dimensions->len; i++)
          {
            const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

            if (!d->scored || !in_subset (subset, d->dimension->id))
              continue;
            total += d->weight;
            if (d->stage >= level)
              at_stage += d->weight;
          }

        /* Nothing scored in the subset cannot carry any share. */
        return total > 0 && sihua_scoring_at_least (at_stage, requirement->share * total);
      }

    case SIHUA_REQUIREMENT_NO_LAGGARD:
      for (guint i = 0; i < score->dimensions->len; i++)
        {
          const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

          if (d->scored && d->stage < level - requirement->max_gap)
            return FALSE;
        }
      return TRUE;

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      return sihua_scoring_at_least (score->points_total, requirement->min);

    case SIHUA_REQUIREMENT_INDEX_MIN:
      return !isnan (score->index) && sihua_scoring_at_least (score->index, requirement->min);

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      return sihua_score_count_at_stage (score, requirement->subset,
                                         requirement->stage >= 0 ? requirement->stage : level)
             >= (guint) requirement->count;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
sihua_scoring_level_holds (SihuaScore *score,
                           int         level)
{
  GPtrArray *requirements;

  g_return_val_if_fail (score != NULL, FALSE);

  if (level <= 0)
    return TRUE;

  requirements = sihua_scoring_get_requirements (score->model, level);
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    if (!sihua_scoring_requirement_holds (score, g_ptr_array_index (requirements, i), level))
      return FALSE;

  return TRUE;
}

/**
 * sihua_scoring_compute:
 * @model: the model the answers belong to
 * @answers: (element-type utf8 SihuaAnswer): the answers by question id
 *
 * Returns: (transfer full): the score.
 */
SihuaScore *
sihua_scoring_compute (SihuaModel *model,
                       GHashTable *answers)
{
  const SihuaScoringRule *rule;
  SihuaScore *score;
  GPtrArray *questions;
  GPtrArray *dimensions;
  gboolean by_points;
  double stage_share;
  double weighted_scores = 0;
  double scored_weight = 0;
  int max_stage;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  rule = sihua_model_get_scoring (model);
  by_points = rule != NULL && rule->question_value == SIHUA_QUESTION_VALUE_POINTS;
  stage_share = rule != NULL ? rule->dimension_stage_share : 0.8;
  max_stage = MAX ((int) sihua_model_get_n_levels (model) - 1, 1);

  score = _sihua_score_new (model);

  questions = sihua_model_get_questions (model);
  g_array_set_size (score->questions, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);
      SihuaQuestionScore *q = &g_array_index (score->questions, SihuaQuestionScore, question->index);

      q->question = question;
      score_question (score, q, answers, by_points);
    }

  dimensions = sihua_model_get_dimensions (model);
  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaDimension *dimension = g_ptr_array_index (dimensions, i);
      SihuaDimensionScore d = { 0 };

      if (!dimension->area->scored)
        continue;

      d.dimension = dimension;
      d.weight = dimension->weight;
      score_dimension (score, &d, stage_share, by_points, max_stage);
      g_array_append_val (score->dimensions, d);
      g_hash_table_insert (score->dimension_positions, dimension->id,
                           GUINT_TO_POINTER (score->dimensions->len));

      score->answered += d.answered;
      score->applicable += d.applicable;
      score->points_total += d.points;
      /* In a points model the index is the points' share: dimensions rated
       * by level only (scenes) have a score and a stage but stay out of it. */
      if (d.scored && (d.has_points || !by_points))
        {
          weighted_scores += d.weight * d.score;
          scored_weight += d.weight;
        }
    }

  score->complete = score->answered == score->applicable;
  if (by_points)
    sum_area_points (score);

  if (scored_weight > 0)
    {
      score->index = weighted_scores / scored_weight;
      score->stage = 0;
      while (score->stage < max_stage && sihua_scoring_level_holds (score, score->stage + 1))
        score->stage++;
    }

  return score;
}
