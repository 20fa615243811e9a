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

/* What an SME can take on in one phase, in effort points (a low-effort
 * measure 1, medium 2, high 3): about three low-effort measures at once in
 * six months, a little more over the longer phases. docs/scoring.md. */
static const guint phase_capacity[] = { 6, 10, 12 };

typedef struct
{
  SihuaRoadmapItem item;
  guint            position;   /* in the model's recommendations; own measures after */
  int              horizon;    /* the earliest phase it may go to */
  gboolean         placed;
  int              phase;
} Ranked;

/* A measure a reported barrier names first; then those of the dimensions
 * the target stage needs (the laggards and the next level's requirements);
 * then the biggest lift of the stage, W_d × levels missing; among equals
 * the quick wins (小快轻准), the lower rung of the ladder, the lighter and
 * cheaper action, and finally the model's own order, so the roadmap never
 * shuffles. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  const SihuaRecommendation *rx = x->item.recommendation;
  const SihuaRecommendation *ry = y->item.recommendation;

  if ((x->item.promoted_by != NULL) != (y->item.promoted_by != NULL))
    return x->item.promoted_by != NULL ? -1 : 1;
  if (x->item.required != y->item.required)
    return x->item.required ? -1 : 1;
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

/* Whether a measure fits the company: its `relevant_if` holds by the same
 * rule as a question's, and the question it names is itself shown. As for
 * questions, an unanswered profile keeps the measure. */
static gboolean
fits_company (SihuaModel                *model,
              const SihuaRecommendation *recommendation,
              GHashTable                *answers)
{
  const SihuaQuestion *named;

  if (recommendation->relevant_if == NULL)
    return TRUE;

  named = sihua_model_lookup_question (model, recommendation->relevant_if->question_id);
  if (named != NULL && !sihua_question_is_relevant (model, named, answers))
    return FALSE;

  return sihua_condition_holds (recommendation->relevant_if, named, answers);
}

static const SihuaRoadmapEdit *
find_edit (GPtrArray  *edits,
           const char *measure_id)
{
  for (guint i = 0; edits != NULL && i < edits->len; i++)
    {
      const SihuaRoadmapEdit *edit = g_ptr_array_index (edits, i);

      if (g_str_equal (edit->measure_id, measure_id))
        return edit;
    }

  return NULL;
}

/* Whether @x must come after @y: @y is named in its `requires`, or is a
 * lower rung of the same dimension's ladder. */
static gboolean
needs (const Ranked *x,
       const Ranked *y)
{
  const SihuaRecommendation *rx = x->item.recommendation;
  const SihuaRecommendation *ry = y->item.recommendation;

  if (rx->requires != NULL && g_strv_contains ((const char * const *) rx->requires, ry->id))
    return TRUE;

  return rx->dimension_id != NULL && ry->dimension_id != NULL && rx->level >= 0
         && ry->level >= 0 && ry->level < rx->level
         && g_str_equal (rx->dimension_id, ry->dimension_id);
}

/* Stable topological order: repeatedly the best-ranked measure whose
 * prerequisites in the roadmap have all been placed. A cycle (which the
 * loader refuses) would simply fall back to rank order. */
static GArray *
order_by_prerequisites (GArray *ranked)
{
  GArray *ordered = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), ranked->len);

  while (ordered->len < ranked->len)
    {
      int pick = -1;

      for (guint i = 0; i < ranked->len && pick < 0; i++)
        {
          Ranked *candidate = &g_array_index (ranked, Ranked, i);
          gboolean ready = !candidate->placed;

          for (guint j = 0; j < ranked->len && ready; j++)
            {
              const Ranked *other = &g_array_index (ranked, Ranked, j);

              if (j != i && !other->placed && needs (candidate, other))
                ready = FALSE;
            }
          if (ready)
            pick = i;
        }
      if (pick < 0)
        for (guint i = 0; i < ranked->len && pick < 0; i++)
          if (!g_array_index (ranked, Ranked, i).placed)
            pick = i;

      {
        Ranked *chosen = &g_array_index (ranked, Ranked, pick);

        /* Name the prerequisite that held it back, if one did. */
        for (guint j = pick + 1; j < ranked->len; j++)
          if (needs (chosen, &g_array_index (ranked, Ranked, j)))
            chosen->item.after = g_array_index (ranked, Ranked, j).item.recommendation;
        chosen->placed = TRUE;
        g_array_append_val (ordered, *chosen);
      }
    }

  return ordered;
}

/* The consultant's order wins over the rule's: a measure given a rank moves
 * to that place, lowest rank first, so two moves do not undo each other. */
static void
apply_ranks (GArray *ordered)
{
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = ordered->len; i-- > 0;)
    {
      Ranked *r = &g_array_index (ordered, Ranked, i);

      if (r->item.edit != NULL && r->item.edit->rank > 0)
        {
          r->item.moved = TRUE;
          g_array_append_val (moved, *r);
          g_array_remove_index (ordered, i);
        }
    }

  while (moved->len > 0)
    {
      guint lowest = 0;
      guint place;

      for (guint j = 1; j < moved->len; j++)
        if (g_array_index (moved, Ranked, j).item.edit->rank
            < g_array_index (moved, Ranked, lowest).item.edit->rank)
          lowest = j;
      place = MIN ((guint) g_array_index (moved, Ranked, lowest).item.edit->rank - 1, ordered->len);
      g_array_insert_val (ordered, place, g_array_index (moved, Ranked, lowest));
      g_array_remove_index (moved, lowest);
    }
}

/* Each measure goes to the earliest phase it may start in, after its
 * prerequisites' phase, and on to the next phase while that one is full;
 * the last phase takes the rest, and the roadmap counts what lies beyond. */
static void
place_in_phases (SihuaRoadmap *roadmap,
                 GArray       *ordered)
{
  for (guint i = 0; i < ordered->len; i++)
    {
      Ranked *r = &g_array_index (ordered, Ranked, i);
      guint points = sihua_roadmap_effort_points (r->item.recommendation->effort);
      int phase = r->horizon;
      int last = G_N_ELEMENTS (roadmap->phases) - 1;

      if (!r->item.moved)
        for (guint j = 0; j < i; j++)
          {
            const Ranked *before = &g_array_index (ordered, Ranked, j);

            if (needs (r, before))
              phase = MAX (phase, before->phase);
          }

      while (phase < last && roadmap->phases[phase].load + points > roadmap->phases[phase].capacity)
        {
          phase++;
          r->item.deferred = TRUE;
        }
      if (phase == last && roadmap->phases[phase].load + points > roadmap->phases[phase].capacity)
        roadmap->n_beyond++;

      r->phase = phase;
      roadmap->phases[phase].load += points;
      if (r->item.deferred)
        roadmap->phases[phase].n_deferred++;
      g_array_append_val (roadmap->phases[phase].items, r->item);
    }
}

/* The consultant's own measure, as a recommendation the roadmap owns so
 * that every front end shows it like the model's. */
static SihuaRecommendation *
own_recommendation (const SihuaRoadmapEdit *edit)
{
  SihuaRecommendation *recommendation = g_new0 (SihuaRecommendation, 1);

  recommendation->id = g_strdup (edit->measure_id);
  recommendation->dimension_id = g_strdup (edit->dimension_id);
  recommendation->level = -1;
  recommendation->title.zh_cn = g_strdup (edit->title);
  recommendation->title.en = g_strdup (edit->title);
  recommendation->effort = SIHUA_BAND_LOW;
  recommendation->cost = SIHUA_BAND_LOW;
  recommendation->horizon = edit->horizon >= 0 ? edit->horizon : SIHUA_HORIZON_SHORT;

  return recommendation;
}

static void
own_recommendation_free (SihuaRecommendation *recommendation)
{
  g_free (recommendation->id);
  g_free (recommendation->dimension_id);
  sihua_text_clear (&recommendation->title);
  g_free (recommendation);
}

static SihuaRoadmap *
roadmap_new (SihuaScore *score,
             int         target,
             GPtrArray  *edits)
{
  SihuaRoadmap *roadmap = g_new0 (SihuaRoadmap, 1);

  roadmap->stage = sihua_score_get_stage (score);
  roadmap->target = target;
  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      roadmap->phases[h].horizon = h;
      roadmap->phases[h].items = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapItem));
      roadmap->phases[h].capacity = phase_capacity[h];
    }
  roadmap->barriers = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapItem));
  roadmap->gaps = g_array_new (FALSE, FALSE, sizeof (SihuaTargetGap));
  roadmap->dropped = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapItem));
  roadmap->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_roadmap_edit_free);
  for (guint i = 0; edits != NULL && i < edits->len; i++)
    g_ptr_array_add (roadmap->edits, sihua_roadmap_edit_copy (g_ptr_array_index (edits, i)));
  roadmap->own = g_ptr_array_new_with_free_func ((GDestroyNotify) own_recommendation_free);

  return roadmap;
}

static void
add_gaps (SihuaRoadmap *roadmap,
          SihuaScore   *score)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (RankedGap));

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);
      RankedGap g = { { d->dimension, d->stage, roadmap->target - d->stage }, 0, i };

      if (!d->scored || !d->has_levels || d->stage >= roadmap->target)
        continue;
      g.impact = d->weight * g.gap.missing;
      g_array_append_val (gaps, g);
    }
  g_array_sort (gaps, compare_gaps);
  for (guint i = 0; i < gaps->len; i++)
    g_array_append_val (roadmap->gaps, g_array_index (gaps, RankedGap, i).gap);
}

/* The barrier actions that apply, and which measures each moves forward. */
static void
add_barriers (SihuaRoadmap *roadmap,
              SihuaModel   *model,
              GHashTable   *answers,
              GHashTable   *promoted_by)
{
  GPtrArray *recommendations = sihua_model_get_recommendations (model);

  for (guint i = 0; recommendations != NULL && i < recommendations->len; i++)
    {
      const SihuaRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      SihuaRoadmapItem item = { recommendation, NULL, -1, 0, FALSE };

      if (recommendation->when == NULL || !reported (model, recommendation->when, answers)
          || !fits_company (model, recommendation, answers))
        continue;

      item.edit = find_edit (roadmap->edits, recommendation->id);
      g_array_append_val (roadmap->barriers, item);
      for (guint p = 0; recommendation->promotes != NULL && recommendation->promotes[p] != NULL; p++)
        if (!g_hash_table_contains (promoted_by, recommendation->promotes[p]))
          g_hash_table_insert (promoted_by, recommendation->promotes[p], (gpointer) recommendation);
    }
}

static void
number_items (SihuaRoadmap *roadmap)
{
  guint rank = 0;

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    for (guint i = 0; i < roadmap->phases[h].items->len; i++)
      {
        SihuaRoadmapItem *item = &g_array_index (roadmap->phases[h].items, SihuaRoadmapItem, i);

        item->rank = ++rank;
        item->do_first = i < SIHUA_ROADMAP_DO_FIRST;
      }
}

/**
 * sihua_roadmap_compute_edited:
 * @score: the score of @answers
 * @answers: (element-type utf8 SihuaAnswer): the answers
 * @target: the overall level to plan for, or -1 for the next one
 * @edits: (element-type SihuaRoadmapEdit) (nullable): the consultant's changes
 *
 * Ranks the measures by the rule in docs/scoring.md, applies @edits and
 * places the measures in phases an SME can carry.
 *
 * Returns: (transfer full): the roadmap.
 */
SihuaRoadmap *
sihua_roadmap_compute_edited (SihuaScore *score,
                              GHashTable *answers,
                              int         target,
                              GPtrArray  *edits)
{
  SihuaModel *model;
  SihuaRoadmap *roadmap;
  g_autoptr(SihuaNextLevel) next = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) ordered = NULL;
  g_autoptr(GHashTable) promoted_by = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *recommendations;
  int max_stage;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  model = sihua_score_get_model (score);
  max_stage = sihua_score_get_max_stage (score);
  if (target < 0)
    target = MIN (MAX (sihua_score_get_stage (score), 0) + 1, max_stage);
  target = CLAMP (target, 0, max_stage);

  roadmap = roadmap_new (score, target, edits);
  next = sihua_next_level_compute (score, target);
  add_gaps (roadmap, score);
  add_barriers (roadmap, model, answers, promoted_by);

  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  recommendations = sihua_model_get_recommendations (model);
  for (guint i = 0; recommendations != NULL && i < recommendations->len; i++)
    {
      const SihuaRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      const SihuaDimensionScore *d;
      Ranked r = { { recommendation, NULL, 0, 0, FALSE }, i, recommendation->horizon, FALSE, 0 };

      if (recommendation->dimension_id == NULL || !fits_company (model, recommendation, answers))
        continue;

      /* Only the rungs between where the dimension is and the target. */
      d = sihua_score_lookup_dimension (score, recommendation->dimension_id);
      if (d == NULL || !d->scored ||
          recommendation->level <= d->stage || recommendation->level > target)
        continue;

      r.item.dimension = d->dimension;
      r.item.stage = d->stage;
      r.item.impact = d->weight * (target - d->stage);
      r.item.required = recommendation->level <= required_target (next, d->dimension);
      r.item.promoted_by = g_hash_table_lookup (promoted_by, recommendation->id);
      if (r.item.promoted_by != NULL)
        r.horizon = SIHUA_HORIZON_SHORT;
      r.item.edit = find_edit (roadmap->edits, recommendation->id);
      g_array_append_val (ranked, r);
    }

  /* The consultant's own measures follow the model's unless given a rank. */
  for (guint i = 0; i < roadmap->edits->len; i++)
    {
      const SihuaRoadmapEdit *edit = g_ptr_array_index (roadmap->edits, i);
      SihuaRecommendation *own;
      const SihuaDimensionScore *d;
      Ranked r = { { NULL, NULL, -1, 0, FALSE }, G_MAXINT / 2 + i, SIHUA_HORIZON_SHORT, FALSE, 0 };

      if (!sihua_roadmap_edit_is_own (edit))
        continue;

      own = own_recommendation (edit);
      g_ptr_array_add (roadmap->own, own);
      d = own->dimension_id != NULL ? sihua_score_lookup_dimension (score, own->dimension_id) : NULL;
      r.item.recommendation = own;
      r.item.dimension = d != NULL ? d->dimension : NULL;
      r.item.stage = d != NULL ? d->stage : -1;
      r.item.edit = edit;
      r.horizon = own->horizon;
      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  ordered = order_by_prerequisites (ranked);

  for (guint i = ordered->len; i-- > 0;)
    {
      Ranked *r = &g_array_index (ordered, Ranked, i);

      if (r->item.edit != NULL && r->item.edit->horizon >= 0)
        r->horizon = MIN ((guint) r->item.edit->horizon, G_N_ELEMENTS (roadmap->phases) - 1);
      if (r->item.edit != NULL && r->item.edit->status == SIHUA_MEASURE_DROPPED)
        {
          g_array_prepend_val (roadmap->dropped, r->item);
          g_array_remove_index (ordered, i);
        }
    }
  apply_ranks (ordered);
  place_in_phases (roadmap, ordered);
  number_items (roadmap);

  return roadmap;
}

/**
 * sihua_roadmap_compute:
 * @score: the score of @answers
 * @answers: (element-type utf8 SihuaAnswer): the answers
 * @target: the overall level to plan for, or -1 for the next one
 *
 * Returns: (transfer full): the roadmap as the ranking rule makes it.
 */
SihuaRoadmap *
sihua_roadmap_compute (SihuaScore *score,
                       GHashTable *answers,
                       int         target)
{
  return sihua_roadmap_compute_edited (score, answers, target, NULL);
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
  g_clear_pointer (&roadmap->dropped, g_array_unref);
  g_clear_pointer (&roadmap->edits, g_ptr_array_unref);
  g_clear_pointer (&roadmap->own, g_ptr_array_unref);
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

static const SihuaRoadmapItem *
find_in (GArray     *items,
         const char *measure_id)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SihuaRoadmapItem *item = &g_array_index (items, SihuaRoadmapItem, i);

      if (g_str_equal (item->recommendation->id, measure_id))
        return item;
    }

  return NULL;
}

const SihuaRoadmapItem *
sihua_roadmap_lookup (SihuaRoadmap *roadmap,
                      const char   *measure_id)
{
  const SihuaRoadmapItem *item;

  g_return_val_if_fail (roadmap != NULL, NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    if ((item = find_in (roadmap->phases[h].items, measure_id)) != NULL)
      return item;
  if ((item = find_in (roadmap->barriers, measure_id)) != NULL)
    return item;

  return find_in (roadmap->dropped, measure_id);
}

GArray *
sihua_roadmap_follow_up (SihuaRoadmap *previous,
                         GPtrArray    *edits)
{
  GArray *follow_up;

  g_return_val_if_fail (previous != NULL, NULL);

  follow_up = g_array_new (FALSE, FALSE, sizeof (SihuaRoadmapFollowUp));
  for (guint h = 0; h < G_N_ELEMENTS (previous->phases); h++)
    for (guint i = 0; i < previous->phases[h].items->len; i++)
      {
        const SihuaRoadmapItem *item = &g_array_index (previous->phases[h].items, SihuaRoadmapItem, i);
        SihuaRoadmapFollowUp entry = { item, SIHUA_MEASURE_PLANNED, NULL };

        entry.edit = find_edit (edits, item->recommendation->id);
        if (entry.edit != NULL)
          entry.status = entry.edit->status;
        else if (item->edit != NULL)
          entry.status = item->edit->status;
        g_array_append_val (follow_up, entry);
      }

  return follow_up;
}

guint
sihua_roadmap_effort_points (SihuaBandLevel effort)
{
  switch (effort)
    {
    case SIHUA_BAND_LOW:
      return 1;
    case SIHUA_BAND_MEDIUM:
      return 2;
    case SIHUA_BAND_HIGH:
    default:
      return 3;
    }
}

gboolean
sihua_horizon_from_string (const char   *name,
                           SihuaHorizon *horizon)
{
  g_return_val_if_fail (horizon != NULL, FALSE);

  for (SihuaHorizon h = SIHUA_HORIZON_SHORT; name != NULL && h <= SIHUA_HORIZON_LONG; h++)
    if (g_str_equal (name, sihua_horizon_to_string (h)))
      {
        *horizon = h;
        return TRUE;
      }

  return FALSE;
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
