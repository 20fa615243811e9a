/* sihua-score.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-score"

#include "config.h"

#include <math.h>

#include "sihua-score-private.h"

G_DEFINE_BOXED_TYPE (SihuaScore, sihua_score, sihua_score_ref, sihua_score_unref)

SihuaScore *
_sihua_score_new (SihuaModel *model)
{
  SihuaScore *self = g_new0 (SihuaScore, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->model = g_object_ref (model);
  self->index = NAN;
  self->stage = -1;
  self->dimensions = g_array_new (FALSE, TRUE, sizeof (SihuaDimensionScore));
  self->questions = g_array_new (FALSE, TRUE, sizeof (SihuaQuestionScore));
  self->areas = g_array_new (FALSE, TRUE, sizeof (SihuaAreaPoints));
  self->dimension_positions = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

SihuaScore *
sihua_score_ref (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sihua_score_unref (SihuaScore *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->dimensions, g_array_unref);
  g_clear_pointer (&self->questions, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->dimension_positions, g_hash_table_unref);
  g_clear_object (&self->model);
  g_free (self);
}

/**
 * sihua_score_get_model:
 *
 * Returns: (transfer none): the model the answers were scored with.
 */
SihuaModel *
sihua_score_get_model (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->model;
}

gboolean
sihua_score_is_complete (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->complete;
}

guint
sihua_score_get_answered (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->answered;
}

guint
sihua_score_get_applicable (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->applicable;
}

double
sihua_score_get_index (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->index;
}

int
sihua_score_get_stage (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->stage;
}

double
sihua_score_get_points_total (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points_total;
}

double
sihua_score_get_points_max (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points_max;
}

guint
sihua_score_get_n_area_points (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->areas->len;
}

/**
 * sihua_score_get_area_points:
 *
 * Returns: (transfer none): the points of the area at @position.
 */
const SihuaAreaPoints *
sihua_score_get_area_points (SihuaScore *self,
                             guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->areas->len, NULL);

  return &g_array_index (self->areas, SihuaAreaPoints, position);
}

guint
sihua_score_count_at_stage (SihuaScore *self,
                            const char *subset,
                            int         stage)
{
  const char * const *members = NULL;
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (subset != NULL)
    {
      members = sihua_model_get_subset (self->model, subset);
      if (members == NULL)
        return 0;
    }

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      const SihuaDimensionScore *d = &g_array_index (self->dimensions, SihuaDimensionScore, i);

      if (d->scored && d->stage >= stage &&
          (members == NULL || g_strv_contains (members, d->dimension->id)))
        count++;
    }

  return count;
}

int
sihua_score_get_max_stage (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (int) sihua_model_get_n_levels (self->model) - 1;
}

guint
sihua_score_get_n_dimensions (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->dimensions->len;
}

/**
 * sihua_score_get_dimension:
 *
 * Returns: (transfer none): the dimension result at @position.
 */
const SihuaDimensionScore *
sihua_score_get_dimension (SihuaScore *self,
                           guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->dimensions->len, NULL);

  return &g_array_index (self->dimensions, SihuaDimensionScore, position);
}

/**
 * sihua_score_lookup_dimension:
 *
 * Returns: (transfer none) (nullable): the result of the dimension
 *   @dimension_id, or %NULL if no scored area has it.
 */
const SihuaDimensionScore *
sihua_score_lookup_dimension (SihuaScore *self,
                              const char *dimension_id)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dimension_id != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->dimension_positions, dimension_id));
  if (position == 0)
    return NULL;

  return &g_array_index (self->dimensions, SihuaDimensionScore, position - 1);
}

guint
sihua_score_get_n_questions (SihuaScore *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->questions->len;
}

/**
 * sihua_score_get_question:
 *
 * Returns: (transfer none): the result of the question at @position (its
 *   SihuaQuestion.index).
 */
const SihuaQuestionScore *
sihua_score_get_question (SihuaScore *self,
                          guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->questions->len, NULL);

  return &g_array_index (self->questions, SihuaQuestionScore, position);
}

/**
 * sihua_score_lookup_question:
 *
 * Returns: (transfer none) (nullable): the result of @question_id.
 */
const SihuaQuestionScore *
sihua_score_lookup_question (SihuaScore *self,
                             const char *question_id)
{
  SihuaQuestion *question;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  question = sihua_model_lookup_question (self->model, question_id);
  if (question == NULL || question->index >= self->questions->len)
    return NULL;

  return &g_array_index (self->questions, SihuaQuestionScore, question->index);
}

double
sihua_score_round1 (double value)
{
  /* The nudge keeps 41.25, stored as 41.249999…, from rounding down. */
  if (isnan (value))
    return value;
  return round (value * 10 + (value >= 0 ? 1e-7 : -1e-7)) / 10;
}
