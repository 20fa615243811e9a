/* sihua-comparison.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-comparison"

#include "config.h"

#include <math.h>

#include "sihua-comparison.h"

static SihuaTrend
trend_of (double previous,
          double current)
{
  if (isnan (previous) && isnan (current))
    return SIHUA_TREND_UNSCORED;
  if (isnan (previous))
    return SIHUA_TREND_NEW;
  if (isnan (current))
    return SIHUA_TREND_DROPPED;
  if (current > previous + SIHUA_SCORE_EPSILON)
    return SIHUA_TREND_IMPROVED;
  if (current < previous - SIHUA_SCORE_EPSILON)
    return SIHUA_TREND_DECLINED;
  return SIHUA_TREND_UNCHANGED;
}

static void
add_change (GArray                    *changes,
            const char                *id,
            const SihuaDimensionScore *previous,
            const SihuaDimensionScore *current)
{
  SihuaDimensionChange change = { 0 };

  change.dimension_id = id;
  change.previous_score = previous != NULL && previous->scored ? previous->score : NAN;
  change.current_score = current != NULL && current->scored ? current->score : NAN;
  change.previous_stage = previous != NULL && previous->scored ? previous->stage : -1;
  change.current_stage = current != NULL && current->scored ? current->stage : -1;
  change.trend = trend_of (change.previous_score, change.current_score);
  change.delta = change.current_score - change.previous_score;
  g_array_append_val (changes, change);
}

/**
 * sihua_comparison_compute:
 * @previous: the earlier assessment's score
 * @current: the later one's
 *
 * Returns: (transfer full): the changes. It points into the models of both
 *   scores: keep them alive as long as the comparison.
 */
SihuaComparison *
sihua_comparison_compute (SihuaScore *previous,
                          SihuaScore *current)
{
  SihuaComparison *comparison;

  g_return_val_if_fail (previous != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);

  comparison = g_new0 (SihuaComparison, 1);
  comparison->previous_index = sihua_score_get_index (previous);
  comparison->current_index = sihua_score_get_index (current);
  comparison->index_delta = comparison->current_index - comparison->previous_index;
  comparison->previous_stage = sihua_score_get_stage (previous);
  comparison->current_stage = sihua_score_get_stage (current);
  comparison->dimensions = g_array_new (FALSE, FALSE, sizeof (SihuaDimensionChange));

  if (comparison->previous_stage >= 0 && comparison->current_stage >= 0)
    {
      comparison->stage_delta = comparison->current_stage - comparison->previous_stage;
      if (comparison->stage_delta > 0)
        comparison->trend = SIHUA_TREND_IMPROVED;
      else if (comparison->stage_delta < 0)
        comparison->trend = SIHUA_TREND_DECLINED;
      else
        comparison->trend = trend_of (comparison->previous_index, comparison->current_index);
    }
  else
    comparison->trend = trend_of (comparison->previous_stage >= 0 ? 0 : NAN,
                                  comparison->current_stage >= 0 ? 0 : NAN);

  for (guint i = 0; i < sihua_score_get_n_dimensions (current); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (current, i);

      add_change (comparison->dimensions, d->dimension->id,
                  sihua_score_lookup_dimension (previous, d->dimension->id), d);
    }

  for (guint i = 0; i < sihua_score_get_n_dimensions (previous); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (previous, i);

      if (sihua_score_lookup_dimension (current, d->dimension->id) == NULL)
        add_change (comparison->dimensions, d->dimension->id, d, NULL);
    }

  return comparison;
}

void
sihua_comparison_free (SihuaComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_clear_pointer (&comparison->dimensions, g_array_unref);
  g_free (comparison);
}

const char *
sihua_trend_to_string (SihuaTrend trend)
{
  switch (trend)
    {
    case SIHUA_TREND_UNCHANGED:
      return "unchanged";
    case SIHUA_TREND_IMPROVED:
      return "improved";
    case SIHUA_TREND_DECLINED:
      return "declined";
    case SIHUA_TREND_NEW:
      return "new";
    case SIHUA_TREND_DROPPED:
      return "dropped";
    case SIHUA_TREND_UNSCORED:
      return "unscored";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sihua_target_comparison_compute:
 *
 * Returns: (transfer full): how far @score is from @target.
 */
SihuaTargetComparison *
sihua_target_comparison_compute (SihuaScore *score,
                                 int         target)
{
  SihuaTargetComparison *comparison;

  g_return_val_if_fail (score != NULL, NULL);

  comparison = g_new0 (SihuaTargetComparison, 1);
  comparison->target = target;
  comparison->stage = sihua_score_get_stage (score);
  comparison->reached = comparison->stage >= target;
  comparison->dimensions = g_array_new (FALSE, FALSE, sizeof (SihuaTargetGap));

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);
      SihuaTargetGap gap = { d->dimension, d->stage, 0 };

      /* An unscored dimension misses the whole way. */
      gap.missing = MAX (0, target - MAX (d->stage, 0));
      if (!d->scored)
        gap.missing = target;
      g_array_append_val (comparison->dimensions, gap);
    }

  return comparison;
}

void
sihua_target_comparison_free (SihuaTargetComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_clear_pointer (&comparison->dimensions, g_array_unref);
  g_free (comparison);
}
