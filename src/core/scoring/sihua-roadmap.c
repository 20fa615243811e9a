/* sihua-roadmap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-roadmap"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-answer.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"

typedef struct
{
  SihuaRoadmapItem item;
  guint            position;   /* in the model's recommendations */
} Ranked;

/* Biggest lift of the stage first; among equals the quick wins (小快轻准),
 * then the lower rung of the ladder, the lighter and cheaper action, and
 * finally the model's own order, so the roadmap never shuffles. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  const SihuaRecommendation *rx = x->item.recommendation;
  const SihuaRecommendation *ry = y->item.recommendation;

  if (x->item.impact != y->item.impact)
    return x->item.impact > y->item.impact ? -1 : 1;
  if (rx->quick_win != ry->quick_win)
    return rx->quick_win ? -1 : 1;
  if (rx->level != ry->level)
    return rx->level < ry->level ? -1 : 1;
  if (rx->effort != ry->effort)
    return rx->effort < ry->effort ? -1 : 1;
  if (rx->cost != ry->cost)
    return rx->cost < ry->cost ? -1 : 1;
  return (int) x->position - (int) y->position;
}

typedef struct
{
  SihuaTargetGap gap;
  double         impact;
  guint          position;
} RankedGap;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const RankedGap *x = a;
  const RankedGap *y = b;

  if (x->impact != y->impact)
    return x->impact > y->impact ? -1 : 1;
  return (int) x->position - (int) y->position;
}

static int
required_target (SihuaNextLevel       *next,
                 const SihuaDimension *dimension)
{
  for (guint i = 0; i < next->overall->len; i++)
    {
      const SihuaDimensionGap *gap = g_ptr_array_index (next->overall, i);

      if (gap->dimension == dimension)
        return gap->target;
    }

  return -1;
}

static gboolean
reported (SihuaModel           *model,
          const SihuaCondition *condition,
          GHashTable           *answers)
{
  const SihuaQuestion *question = sihua_model_lookup_question (model, condition->question_id);
  const SihuaAnswer *answer;

  if (question == NULL)
    return FALSE;

  /* sihua_condition_holds() lets an unanswered question pass (to ask rather
   * than skip); an action needs the company to have said so. */
  answer = g_hash_table_lookup (answers, question->id);
  if (answer == NULL || answer->value == NULL || answer->value->kind == SIHUA_ANSWER_NA)
    return FALSE;

  return sihua_condition_holds (condition, question, answers);
}

/**
 * sihua_roadmap_compute:
 * @score: the score of @answers
 * @answers: (element-type utf8 SihuaAnswer): the answers
 * @target: the overall level to plan for, or -1 for the next one
 *
 * Returns: (transfer full): the roadmap.
 */
SihuaRoadmap *
sihua_roadmap_compute (SihuaScore *score,
                       GHashTable *answers,
                       int         target)
{
  SihuaModel *model;
  SihuaRoadmap *roadmap;
  g_autoptr(SihuaNextLevel) next = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) gaps = NULL;
  GPtrArray *recommendations;
  int max_stage;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  model = sihua_score_get_model (score);
  max_stage = sihua_score_get_max_stage (score);
  if (target < 0)
    target = MIN (MAX (sihua_score_get_stage (score), 0) + 1, max_stage);
  target = CLAMP (target, 0, max_stage);

  roadmap = g_new0 (SihuaRoadmap, 1);
  roadmap->stage = sihua_score_get_stage (score);
  roadmap->target = target;
  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      roadmap->phases[h].horizon = h;
      roadmap->phases[h].items = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapItem));
    }
  roadmap->barriers = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapItem));
  roadmap->gaps = g_array_new (FALSE, FALSE, sizeof (SihuaTargetGap));

  next = sihua_next_level_compute (score, target);

  gaps = g_array_new (FALSE, FALSE, sizeof (RankedGap));
  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);
      RankedGap g = { { d->dimension, d->stage, target - d->stage }, 0, i };

      if (!d->scored || !d->has_levels || d->stage >= target)
        continue;
      g.impact = d->weight * g.gap.missing;
      g_array_append_val (gaps, g);
    }
  g_array_sort (gaps, compare_gaps);
  for (guint i = 0; i < gaps->len; i++)
    g_array_append_val (roadmap->gaps, g_array_index (gaps, RankedGap, i).gap);

  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  recommendations = sihua_model_get_recommendations (model);
  for (guint i = 0; recommendations != NULL && i < recommendations->len; i++)
    {
      const SihuaRecommendation *recommendation = g_ptr_array_index (recommendations, i);

      if (recommendation->when != NULL)
        {
          SihuaRoadmapItem item = { recommendation, NULL, -1, 0, FALSE };

          if (reported (model, recommendation->when, answers))
            g_array_append_val (roadmap->barriers, item);
        }
      else if (recommendation->dimension_id != NULL)
        {
          const SihuaDimensionScore *d = sihua_score_lookup_dimension (score, recommendation->dimension_id);
          Ranked r = { { recommendation, NULL, 0, 0, FALSE }, i };

          /* Only the rungs between where the dimension is and the target. */
          if (d == NULL || !d->scored ||
              recommendation->level <= d->stage || recommendation->level > target)
            continue;

          r.item.dimension = d->dimension;
          r.item.stage = d->stage;
          r.item.impact = d->weight * (target - d->stage);
          r.item.required = recommendation->level <= required_target (next, d->dimension);
          g_array_append_val (ranked, r);
        }
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      guint h = MIN ((guint) r->item.recommendation->horizon, G_N_ELEMENTS (roadmap->phases) - 1);

      g_array_append_val (roadmap->phases[h].items, r->item);
    }

  return roadmap;
}

void
sihua_roadmap_free (SihuaRoadmap *roadmap)
{
  if (roadmap == NULL)
    return;

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    g_clear_pointer (&roadmap->phases[h].items, g_array_unref);
  g_clear_pointer (&roadmap->barriers, g_array_unref);
  g_clear_pointer (&roadmap->gaps, g_array_unref);
  g_free (roadmap);
}

/* The number of recommended actions in all phases (barrier actions apart). */
guint
sihua_roadmap_get_n_items (SihuaRoadmap *roadmap)
{
  guint n = 0;

  g_return_val_if_fail (roadmap != NULL, 0);

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    n += roadmap->phases[h].items->len;

  return n;
}

const char *
sihua_horizon_to_string (SihuaHorizon horizon)
{
  switch (horizon)
    {
    case SIHUA_HORIZON_SHORT:
      return "short";
    case SIHUA_HORIZON_MEDIUM:
      return "medium";
    case SIHUA_HORIZON_LONG:
      return "long";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sihua_horizon_describe (SihuaHorizon horizon)
{
  switch (horizon)
    {
    case SIHUA_HORIZON_SHORT:
      return _("0–6 months");
    case SIHUA_HORIZON_MEDIUM:
      return _("6–18 months");
    case SIHUA_HORIZON_LONG:
      return _("18–36 months");
    default:
      g_return_val_if_reached (NULL);
    }
}
