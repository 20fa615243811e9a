/* sihua-next-level.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-next-level"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-next-level.h"
#include "sihua-score-private.h"
#include "sihua-scoring.h"

typedef struct
{
  const SihuaQuestionScore *question;
  double                    weight;
} Candidate;

/* Heaviest first, so the set is as small as it can be; then the question
 * closest to the target; then model order, so the answer is deterministic. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  if (x->question->level != y->question->level)
    return x->question->level > y->question->level ? -1 : 1;
  return (int) x->question->question->index - (int) y->question->question->index;
}

/**
 * sihua_dimension_gap_compute:
 *
 * Returns: (transfer full) (nullable): the gap, or %NULL if @dimension is
 *   not scored or already at @target.
 */
SihuaDimensionGap *
sihua_dimension_gap_compute (SihuaScore                *score,
                             const SihuaDimensionScore *dimension,
                             int                        target)
{
  const SihuaScoringRule *rule;
  g_autoptr(GArray) candidates = NULL;
  SihuaDimensionGap *gap;
  double total = 0;
  double have;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (dimension != NULL, NULL);

  if (!dimension->scored || dimension->stage >= target ||
      target > sihua_score_get_max_stage (score))
    return NULL;

  rule = sihua_model_get_scoring (score->model);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  gap = g_new0 (SihuaDimensionGap, 1);
  gap->dimension = dimension->dimension;
  gap->stage = dimension->stage;
  gap->target = target;
  gap->questions = g_array_new (FALSE, FALSE, sizeof (SihuaQuestionGap));

  for (guint i = 0; i < dimension->dimension->questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->dimension->questions, i);
      const SihuaQuestionScore *q = &g_array_index (score->questions, SihuaQuestionScore,
                                                    question->index);

      if (q->status == SIHUA_QUESTION_STATUS_UNANSWERED)
        gap->unanswered++;
      if (q->status != SIHUA_QUESTION_STATUS_COUNTED || q->level < 0)
        continue;

      total += question->weight;
      if (q->level >= target)
        gap->weight_have += question->weight;
      else
        {
          Candidate c = { q, question->weight };
          g_array_append_val (candidates, c);
        }
    }

  gap->weight_needed = (rule != NULL ? rule->dimension_stage_share : 0.8) * total;
  g_array_sort (candidates, compare_candidates);

  have = gap->weight_have;
  for (guint i = 0; i < candidates->len && !sihua_scoring_at_least (have, gap->weight_needed); i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      SihuaQuestionGap q = { c->question->question, c->question->level, target };

      g_array_append_val (gap->questions, q);
      have += c->weight;
    }

  return gap;
}

void
sihua_dimension_gap_free (SihuaDimensionGap *gap)
{
  if (gap == NULL)
    return;

  g_clear_pointer (&gap->questions, g_array_unref);
  g_free (gap);
}

typedef struct
{
  const SihuaDimensionScore *dimension;
  guint                      position;
  int                       *target;
} Planned;

/* Heaviest first; then the one closest already. */
static int
compare_by_weight (gconstpointer a,
                   gconstpointer b)
{
  const Planned *x = a;
  const Planned *y = b;

  if (x->dimension->weight != y->dimension->weight)
    return x->dimension->weight > y->dimension->weight ? -1 : 1;
  if (*x->target != *y->target)
    return *x->target > *y->target ? -1 : 1;
  return (int) x->position - (int) y->position;
}

/* Closest first; then the heaviest. */
static int
compare_by_stage (gconstpointer a,
                  gconstpointer b)
{
  const Planned *x = a;
  const Planned *y = b;

  if (*x->target != *y->target)
    return *x->target > *y->target ? -1 : 1;
  if (x->dimension->weight != y->dimension->weight)
    return x->dimension->weight > y->dimension->weight ? -1 : 1;
  return (int) x->position - (int) y->position;
}

static GArray *
candidates_below (SihuaScore         *score,
                  int                *targets,
                  const char * const *subset,
                  int                 stage)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Planned));

  for (guint i = 0; i < score->dimensions->len; i++)
    {
      const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);
      Planned p = { d, i, &targets[i] };

      if (!d->scored || targets[i] >= stage)
        continue;
      if (subset != NULL && !g_strv_contains (subset, d->dimension->id))
        continue;
      g_array_append_val (candidates, p);
    }

  return candidates;
}

/* Raises the planned stages (@targets) so that @requirement holds at @level,
 * choosing the fewest dimensions. Requirements on points or the index are
 * not met by planning stages and are only reported. */
static void
plan_requirement (SihuaScore             *score,
                  const SihuaRequirement *requirement,
                  int                     level,
                  int                    *targets)
{
  const char * const *subset = NULL;
  g_autoptr(GArray) candidates = NULL;

  if (requirement->subset != NULL)
    subset = sihua_model_get_subset (score->model, requirement->subset);

  switch (requirement->kind)
    {
    case SIHUA_REQUIREMENT_NO_LAGGARD:
      for (guint i = 0; i < score->dimensions->len; i++)
        if (g_array_index (score->dimensions, SihuaDimensionScore, i).scored)
          targets[i] = MAX (targets[i], level - requirement->max_gap);
      break;

    case SIHUA_REQUIREMENT_STAGE_SHARE:
      {
        double total = 0;
        double have = 0;

        for (guint i = 0; i < score->dimensions->len; i++)
          {
            const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

            if (!d->scored || (subset != NULL && !g_strv_contains (subset, d->dimension->id)))
              continue;
            total += d->weight;
            if (targets[i] >= level)
              have += d->weight;
          }

        candidates = candidates_below (score, targets, subset, level);
        g_array_sort (candidates, compare_by_weight);
        for (guint i = 0; i < candidates->len && !sihua_scoring_at_least (have, requirement->share * total); i++)
          {
            Planned *p = &g_array_index (candidates, Planned, i);

            *p->target = level;
            have += p->dimension->weight;
          }
      }
      break;

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      {
        int stage = requirement->stage >= 0 ? requirement->stage : level;
        int have = 0;

        for (guint i = 0; i < score->dimensions->len; i++)
          {
            const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

            if (d->scored && targets[i] >= stage &&
                (subset == NULL || g_strv_contains (subset, d->dimension->id)))
              have++;
          }

        candidates = candidates_below (score, targets, subset, stage);
        g_array_sort (candidates, compare_by_stage);
        for (guint i = 0; i < candidates->len && have < requirement->count; i++, have++)
          *g_array_index (candidates, Planned, i).target = stage;
      }
      break;

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
    case SIHUA_REQUIREMENT_INDEX_MIN:
    default:
      break;
    }
}

static void
measure_requirement (SihuaScore          *score,
                     SihuaRequirementGap *gap)
{
  const SihuaRequirement *requirement = gap->requirement;
  const char * const *subset = NULL;

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

            if (!d->scored || (subset != NULL && !g_strv_contains (subset, d->dimension->id)))
              continue;
            total += d->weight;
            if (d->stage >= gap->level)
              at_stage += d->weight;
          }
        gap->have = total > 0 ? at_stage / total : 0;
        gap->need = requirement->share;
      }
      break;

    case SIHUA_REQUIREMENT_NO_LAGGARD:
      {
        int lowest = G_MAXINT;

        for (guint i = 0; i < score->dimensions->len; i++)
          {
            const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);

            if (d->scored)
              lowest = MIN (lowest, d->stage);
          }
        gap->have = lowest == G_MAXINT ? 0 : lowest;
        gap->need = gap->level - requirement->max_gap;
      }
      break;

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      gap->have = score->points_total;
      gap->need = requirement->min;
      break;

    case SIHUA_REQUIREMENT_INDEX_MIN:
      gap->have = isnan (score->index) ? 0 : score->index;
      gap->need = requirement->min;
      break;

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      gap->have = sihua_score_count_at_stage (score, requirement->subset,
                                              requirement->stage >= 0 ? requirement->stage
                                                                      : gap->level);
      gap->need = requirement->count;
      break;

    default:
      break;
    }
}

/**
 * sihua_next_level_compute:
 * @score: a score
 * @target: the overall level asked for, or -1 for the next one
 *
 * Returns: (transfer full): what is missing.
 */
SihuaNextLevel *
sihua_next_level_compute (SihuaScore *score,
                          int         target)
{
  SihuaNextLevel *next;
  g_autofree int *targets = NULL;
  int max_stage;

  g_return_val_if_fail (score != NULL, NULL);

  max_stage = sihua_score_get_max_stage (score);

  next = g_new0 (SihuaNextLevel, 1);
  next->stage = score->stage;
  next->requirements = g_array_new (FALSE, FALSE, sizeof (SihuaRequirementGap));
  next->overall = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_dimension_gap_free);
  next->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_dimension_gap_free);

  for (guint i = 0; i < score->dimensions->len; i++)
    {
      const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);
      SihuaDimensionGap *gap = sihua_dimension_gap_compute (score, d, d->stage + 1);

      if (gap != NULL)
        g_ptr_array_add (next->dimensions, gap);
    }

  if (target < 0)
    target = MAX (score->stage, 0) + 1;
  if (target > max_stage || target <= score->stage)
    {
      next->target = target > max_stage ? -1 : target;
      return next;
    }
  next->target = target;

  targets = g_new0 (int, MAX (score->dimensions->len, 1));
  for (guint i = 0; i < score->dimensions->len; i++)
    targets[i] = g_array_index (score->dimensions, SihuaDimensionScore, i).stage;

  for (int level = MAX (score->stage, 0) + 1; level <= target; level++)
    {
      GPtrArray *requirements = sihua_scoring_get_requirements (score->model, level);

      for (guint i = 0; requirements != NULL && i < requirements->len; i++)
        {
          const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

          if (!sihua_scoring_requirement_holds (score, requirement, level))
            {
              SihuaRequirementGap gap = { requirement, level, 0, 0 };

              measure_requirement (score, &gap);
              g_array_append_val (next->requirements, gap);
            }
        }

      /* The laggards must rise whatever else is chosen: plan them first, so
       * the shares count them. */
      for (guint i = 0; requirements != NULL && i < requirements->len; i++)
        {
          const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

          if (requirement->kind == SIHUA_REQUIREMENT_NO_LAGGARD)
            plan_requirement (score, requirement, level, targets);
        }
      for (guint i = 0; requirements != NULL && i < requirements->len; i++)
        {
          const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

          if (requirement->kind != SIHUA_REQUIREMENT_NO_LAGGARD)
            plan_requirement (score, requirement, level, targets);
        }
    }

  for (guint i = 0; i < score->dimensions->len; i++)
    {
      const SihuaDimensionScore *d = &g_array_index (score->dimensions, SihuaDimensionScore, i);
      SihuaDimensionGap *gap;

      if (!d->scored || targets[i] <= d->stage)
        continue;
      gap = sihua_dimension_gap_compute (score, d, MIN (targets[i], max_stage));
      if (gap != NULL)
        g_ptr_array_add (next->overall, gap);
    }

  return next;
}

void
sihua_next_level_free (SihuaNextLevel *next)
{
  if (next == NULL)
    return;

  g_clear_pointer (&next->requirements, g_array_unref);
  g_clear_pointer (&next->overall, g_ptr_array_unref);
  g_clear_pointer (&next->dimensions, g_ptr_array_unref);
  g_free (next);
}

static const char *
level_name (SihuaModel    *model,
            int            level,
            SihuaLanguage  language)
{
  const SihuaLevel *l = sihua_model_get_level (model, level);

  return l != NULL ? sihua_text_get (&l->name, language, NULL) : "?";
}

/**
 * sihua_dimension_gap_describe:
 *
 * Returns: (transfer full): one sentence saying what the dimension lacks.
 */
char *
sihua_dimension_gap_describe (const SihuaDimensionGap *gap,
                              SihuaModel              *model,
                              SihuaLanguage            language)
{
  guint n;

  g_return_val_if_fail (gap != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  n = gap->questions->len;
  return g_strdup_printf (ngettext ("%u more question at %s in %s reaches stage %d",
                                    "%u more questions at %s in %s reach stage %d", n),
                          n, level_name (model, gap->target, language),
                          sihua_text_get (&gap->dimension->title, language, NULL),
                          gap->target);
}

/**
 * sihua_requirement_gap_describe:
 *
 * Returns: (transfer full): one sentence saying what the requirement lacks.
 */
char *
sihua_requirement_gap_describe (const SihuaRequirementGap *gap,
                                SihuaModel                *model,
                                SihuaLanguage              language)
{
  const SihuaRequirement *requirement;

  g_return_val_if_fail (gap != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  requirement = gap->requirement;
  switch (requirement->kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      return g_strdup_printf (_("Dimensions at %s or above carry %.1f%% of the weight; %.1f%% needed"),
                              level_name (model, gap->level, language),
                              sihua_score_round1 (100 * gap->have),
                              sihua_score_round1 (100 * gap->need));

    case SIHUA_REQUIREMENT_NO_LAGGARD:
      return g_strdup_printf (_("Every dimension must be at %s or above; the lowest is at %s"),
                              level_name (model, (int) gap->need, language),
                              level_name (model, (int) gap->have, language));

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      return g_strdup_printf (_("%.1f points; %.1f needed"),
                              sihua_score_round1 (gap->have), sihua_score_round1 (gap->need));

    case SIHUA_REQUIREMENT_INDEX_MIN:
      return g_strdup_printf (_("Index %.1f; %.1f needed"),
                              sihua_score_round1 (gap->have), sihua_score_round1 (gap->need));

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      {
        int stage = requirement->stage >= 0 ? requirement->stage : gap->level;
        const SihuaText *title = requirement->subset != NULL
                                 ? sihua_model_get_subset_title (model, requirement->subset) : NULL;

        if (title != NULL)
          /* Translators: "3 constraint scenes at 三级 or above; 5 needed" */
          return g_strdup_printf (_("%d %s at %s or above; %d needed"),
                                  (int) gap->have, sihua_text_get (title, language, NULL),
                                  level_name (model, stage, language), (int) gap->need);
        return g_strdup_printf (_("%d dimensions at %s or above; %d needed"),
                                (int) gap->have, level_name (model, stage, language),
                                (int) gap->need);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}
