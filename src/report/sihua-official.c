/* sihua-official.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-official"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-chart-private.h"
#include "sihua-official.h"
#include "sihua-scoring.h"

/*
 * An index like the MIIT 中小企业数字化水平评测指标 speaks in its own
 * currency: points per area out of the area's maximum, and scenes rated by
 * level, some of them constraint scenes. The scene chart is filled here from
 * what core computed (the scenes' stages, n_L and c_L); nothing is scored
 * again.
 */

#define SCENES_SUBSET "scenes"
#define CONSTRAINT_SUBSET "constraint_scenes"

static gboolean
in_subset (const char * const *subset,
           const char         *id)
{
  return subset != NULL && g_strv_contains (subset, id);
}

/**
 * sihua_official_applies:
 *
 * Whether @model is an index scored in points with scenes rated by level,
 * whose results are shown in its own currency rather than as the 0–100
 * index of the 四化 model.
 */
gboolean
sihua_official_applies (SihuaModel *model)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (model), FALSE);

  return sihua_model_get_scoring (model)->question_value == SIHUA_QUESTION_VALUE_POINTS &&
         sihua_model_get_subset (model, SCENES_SUBSET) != NULL;
}

/**
 * sihua_official_format_points:
 *
 * Points as the official system shows them: one decimal, and none when
 * whole ("50", "32.5").
 */
char *
sihua_official_format_points (double points)
{
  double rounded = sihua_score_round1 (points);

  if (rounded == (double) (gint64) rounded)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) rounded);

  return g_strdup_printf ("%.1f", rounded);
}

/**
 * sihua_official_format_exact:
 *
 * Points as the index states them, unrounded ("1.875", "0.7", "6"): what an
 * option or a change is worth.
 */
char *
sihua_official_format_exact (double points)
{
  char *text = g_strdup_printf ("%.3f", points);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  return text;
}

/* The count a level asks of @subset's dimensions, or -1. */
static int
needed_count (SihuaModel *model,
              int         level,
              const char *subset)
{
  GPtrArray *requirements = sihua_scoring_get_requirements (model, level);

  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (requirement->kind == SIHUA_REQUIREMENT_COUNT_AT_STAGE &&
          g_strcmp0 (requirement->subset, subset) == 0 &&
          (requirement->stage < 0 || requirement->stage == level))
        return requirement->count;
    }

  return -1;
}

/**
 * sihua_official_scene_chart:
 *
 * The scene chart of @score: the dimensions of the "scenes" subset in model
 * order with their stages, the "constraint_scenes" starred, and what each
 * level's requirements ask of both subsets.
 *
 * Returns: (transfer full) (nullable): NULL when the model has no scenes
 */
SihuaSceneChart *
sihua_official_scene_chart (SihuaScore    *score,
                            SihuaLanguage  language)
{
  SihuaModel *model;
  const char * const *scenes;
  const char * const *constraint;
  guint n_levels;
  SihuaSceneChart *chart;

  g_return_val_if_fail (score != NULL, NULL);

  model = sihua_score_get_model (score);
  scenes = sihua_model_get_subset (model, SCENES_SUBSET);
  constraint = sihua_model_get_subset (model, CONSTRAINT_SUBSET);
  n_levels = MIN (sihua_model_get_n_levels (model), SIHUA_N_STAGES);
  if (scenes == NULL || n_levels < 2)
    return NULL;

  chart = sihua_scene_chart_new (n_levels);
  chart->constraint_legend = g_strdup_printf ("★ %s", _sihua_chart_word (N_("Constraint scene"), language));
  chart->need_caption = g_strdup (_sihua_chart_word (N_("Needed"), language));
  chart->have_caption = g_strdup (_sihua_chart_word (N_("Reached"), language));
  chart->not_rated = g_strdup (_sihua_chart_word (N_("not rated"), language));

  for (guint l = 0; l < n_levels; l++)
    {
      const SihuaLevel *level = sihua_model_get_level (model, l);

      chart->levels[l].name = g_strdup (level != NULL ? sihua_text_get (&level->name, language, NULL) : "");
      if (l == 0)
        continue;
      chart->levels[l].need_scenes = needed_count (model, l, SCENES_SUBSET);
      chart->levels[l].need_constraint = needed_count (model, l, CONSTRAINT_SUBSET);
    }

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *dimension = sihua_score_get_dimension (score, i);
      const SihuaDimension *scene = dimension->dimension;
      gboolean starred = in_subset (constraint, scene->id);
      const char *label;

      if (!in_subset (scenes, scene->id))
        continue;

      label = sihua_text_get (&scene->short_title, language, NULL);
      if (label == NULL || *label == '\0')
        label = sihua_text_get (&scene->title, language, NULL);
      sihua_scene_chart_add_scene (chart, label, dimension->scored ? dimension->stage : -1, starred);
    }

  for (guint l = 1; l < n_levels; l++)
    {
      chart->levels[l].have_scenes = sihua_score_count_at_stage (score, SCENES_SUBSET, l);
      chart->levels[l].have_constraint = sihua_score_count_at_stage (score, CONSTRAINT_SUBSET, l);
    }

  return chart;
}
