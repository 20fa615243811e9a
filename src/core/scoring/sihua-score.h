/* sihua-score.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sihua-model.h"

G_BEGIN_DECLS

/* Comparisons of shares, points and the index are exact up to this. */
#define SIHUA_SCORE_EPSILON 1e-9

/* Why a question does or does not count in its dimension. */
typedef enum
{
  SIHUA_QUESTION_STATUS_COUNTED,         /* answered, applicable, carries a value */
  SIHUA_QUESTION_STATUS_UNANSWERED,      /* applicable but not answered yet */
  SIHUA_QUESTION_STATUS_NOT_APPLICABLE,  /* answered 不适用 / N/A */
  SIHUA_QUESTION_STATUS_NOT_RELEVANT,    /* its relevant_if (or its dimension's) fails */
  SIHUA_QUESTION_STATUS_NOT_SCORED,      /* unscored area (profile, barriers) or a text question */
  SIHUA_QUESTION_STATUS_NO_VALUE,        /* answered, but the answer carries no level/points */
} SihuaQuestionStatus;

/* One question's part in the score. Plain data owned by its SihuaScore. */
typedef struct
{
  const SihuaQuestion *question;
  SihuaQuestionStatus  status;
  int                  level;        /* l_q, -1 if the answer carries no level */
  gboolean             has_points;
  double               points;       /* p_q, valid if has_points */
  double               max_points;   /* the most this question can earn, 0 if none */
  gboolean             derived;      /* unanswered, counted with the option its derive
                                      * rule picks from the recorded numbers */
} SihuaQuestionScore;

/* One dimension of a scored area. Plain data owned by its SihuaScore. */
typedef struct
{
  const SihuaDimension *dimension;
  gboolean              scored;          /* has at least one counted question */
  double                score;           /* s_d, 0–100; NAN when not scored */
  int                   stage;           /* g_d; -1 when not scored */
  guint                 answered;        /* applicable questions that are answered */
  guint                 applicable;      /* relevant scored questions not answered N/A */
  double                weight;          /* W_d */
  double                counted_weight;  /* Σ w_q over the counted questions */
  double                points;          /* Σ w_q·p_q over the counted questions */
  double                max_points;      /* Σ w_q·max p_q over the counted questions */
  gboolean              has_points;      /* a points model's dimension whose questions carry
                                          * points: s_d is their share and counts in I */
} SihuaDimensionScore;

/* One scored area's points in a model that scores by points: the currency
 * of the official indices (数字化基础 x / 50, 数字化管理 y / 30 …). Plain data
 * owned by its SihuaScore. Sums are exact; round only to show them
 * (sihua_score_round1). */
typedef struct
{
  const SihuaArea *area;
  double           points;  /* Σ w_q·p_q over its counted questions */
  double           max;     /* Σ w_q·max p_q over all its scored questions */
} SihuaAreaPoints;

typedef struct _SihuaScore SihuaScore;

#define SIHUA_TYPE_SCORE (sihua_score_get_type ())

GType                      sihua_score_get_type            (void) G_GNUC_CONST;

SihuaScore                *sihua_score_ref                 (SihuaScore *self);
void                       sihua_score_unref               (SihuaScore *self);

SihuaModel                *sihua_score_get_model           (SihuaScore *self);
/* TRUE when no applicable question of a scored area is unanswered. */
gboolean                   sihua_score_is_complete         (SihuaScore *self);
guint                      sihua_score_get_answered        (SihuaScore *self);
guint                      sihua_score_get_applicable      (SihuaScore *self);
/* I, 0–100; NAN when no dimension is scored. */
double                     sihua_score_get_index           (SihuaScore *self);
/* G; -1 when no dimension is scored. */
int                        sihua_score_get_stage           (SihuaScore *self);
/* Σ w_q·p_q over every counted question (points_total requirements). */
double                     sihua_score_get_points_total    (SihuaScore *self);
/* Σ of the areas' max: the most the model's points can add up to (100 for
 * the MIIT index); 0 when the model does not score by points. */
double                     sihua_score_get_points_max      (SihuaScore *self);
/* The scored areas whose questions carry points, in model order; none
 * unless the model scores by points ("question_value": "points"). Areas
 * rated by level only (the MIIT scenes) are left out. */
guint                      sihua_score_get_n_area_points   (SihuaScore *self);
const SihuaAreaPoints     *sihua_score_get_area_points     (SihuaScore *self,
                                                            guint       position);
/* How many scored dimensions — of the model's subset @subset, or all when
 * %NULL — are at stage @stage or above: n_L and c_L of the official level
 * rule, e.g. sihua_score_count_at_stage (score, "constraint_scenes", 3).
 * A scene's own level is its dimension's stage (sihua_score_lookup_dimension). */
guint                      sihua_score_count_at_stage      (SihuaScore *self,
                                                            const char *subset,
                                                            int         stage);
/* The highest stage there is (n_levels − 1). */
int                        sihua_score_get_max_stage       (SihuaScore *self);

/* The dimensions of the scored areas, in model order. */
guint                      sihua_score_get_n_dimensions    (SihuaScore *self);
const SihuaDimensionScore *sihua_score_get_dimension       (SihuaScore *self,
                                                            guint       position);
const SihuaDimensionScore *sihua_score_lookup_dimension    (SihuaScore *self,
                                                            const char *dimension_id);
/* Every question of the model, in model order (unscored areas included,
 * with status SIHUA_QUESTION_STATUS_NOT_SCORED). */
guint                      sihua_score_get_n_questions     (SihuaScore *self);
const SihuaQuestionScore  *sihua_score_get_question        (SihuaScore *self,
                                                            guint       position);
const SihuaQuestionScore  *sihua_score_lookup_question     (SihuaScore *self,
                                                            const char *question_id);

/* @value rounded to one decimal, halves away from zero (41.25 → 41.3), as
 * every figure is shown; NAN stays NAN. */
double                     sihua_score_round1              (double      value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaScore, sihua_score_unref)

G_END_DECLS
