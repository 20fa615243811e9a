/* sihua-next-level.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sihua-score.h"

G_BEGIN_DECLS

/* One question that holds its dimension back: it is at @level and must
 * reach @needed. */
typedef struct
{
  const SihuaQuestion *question;
  int                  level;
  int                  needed;
} SihuaQuestionGap;

/* What one dimension lacks to reach @target: the fewest questions (heaviest
 * first) that must rise to @target. */
typedef struct
{
  const SihuaDimension *dimension;
  int                   stage;          /* g_d now; -1 when not scored */
  int                   target;
  double                weight_have;    /* Σ w_q of the questions at ≥ target */
  double                weight_needed;  /* share × Σ w_q */
  GArray               *questions;      /* SihuaQuestionGap, the minimal set, heaviest first */
  guint                 unanswered;     /* applicable questions still unanswered */
} SihuaDimensionGap;

/* One requirement of the overall rule that does not hold yet. */
typedef struct
{
  const SihuaRequirement *requirement;
  int                     level;   /* the level whose requirement it is */
  double                  have;    /* weight share, points, index or count now */
  double                  need;    /* what the requirement asks for */
} SihuaRequirementGap;

typedef struct
{
  int        stage;         /* G now (-1 when nothing is scored) */
  int        target;        /* the level asked for; -1 when @stage is the top */
  GArray    *requirements;  /* SihuaRequirementGap: what fails at levels stage+1 … target */
  GPtrArray *overall;       /* SihuaDimensionGap*: the dimensions that must rise for target */
  GPtrArray *dimensions;    /* SihuaDimensionGap*: each scored dimension's own next stage
                             * (dimensions at the top stage are left out) */
} SihuaNextLevel;

/* What is missing for @target (-1: the next overall stage). */
SihuaNextLevel    *sihua_next_level_compute        (SihuaScore              *score,
                                                    int                      target);
void               sihua_next_level_free           (SihuaNextLevel          *next);

/* What @dimension lacks to reach @target; NULL when it is not scored or
 * already there. */
SihuaDimensionGap *sihua_dimension_gap_compute     (SihuaScore              *score,
                                                    const SihuaDimensionScore *dimension,
                                                    int                      target);
void               sihua_dimension_gap_free        (SihuaDimensionGap       *gap);

/* "2 more questions at 数字化 in 生产管控 reach stage 3". */
char              *sihua_dimension_gap_describe    (const SihuaDimensionGap *gap,
                                                    SihuaModel              *model,
                                                    SihuaLanguage            language);
/* One line per failing requirement ("Dimensions at 数字化 carry 50.0% of the
 * weight; 66.7% needed"). */
char              *sihua_requirement_gap_describe  (const SihuaRequirementGap *gap,
                                                    SihuaModel              *model,
                                                    SihuaLanguage            language);

/*
 * The next level in a points model's own terms (the MIIT index: "再得 6.5
 * 分，并再有 2 个约束性场景达到三级"), computed by sihua-points-gap.c.
 */

/* One change that earns points: choose @option instead of the current
 * answer (single) or add it (multi). */
typedef struct
{
  const SihuaQuestion *question;
  const SihuaOption   *option;
  double               gain;   /* the points it adds, exact */
} SihuaPointsStep;

/* A count requirement of the target level that fails: @have of @subset's
 * dimensions (all when NULL) are at @stage or above, @need are needed. */
typedef struct
{
  const char *subset;
  int         stage;
  guint       have;
  guint       need;
  GPtrArray  *candidates;  /* const SihuaDimensionScore*: below @stage, closest
                            * first (one step away before two), then model order */
} SihuaCountGap;

typedef struct
{
  int     stage;          /* G now */
  int     target;         /* G + 1; -1 at the top */
  double  points_have;    /* P */
  double  points_needed;  /* what the target's points requirement lacks; 0 when met */
  GArray *counts;         /* SihuaCountGap, the failing count requirements */
  GArray *steps;          /* SihuaPointsStep, most points first, then model order:
                           * one step per single item (its next better option)
                           * and one per option a multi item lacks */
  guint   steps_enough;   /* how many of the first steps add up to points_needed */
} SihuaPointsGap;

/* NULL unless the model scores by points. */
SihuaPointsGap    *sihua_points_gap_compute        (SihuaScore              *score,
                                                    GHashTable              *answers);
void               sihua_points_gap_free           (SihuaPointsGap          *gap);
/* "再得 6.5 分，并再有 2 个约束性场景达到三级（如 质量管理、设备管理）":
 * the whole gap in one sentence; NULL at the top level. */
char              *sihua_points_gap_describe       (const SihuaPointsGap    *gap,
                                                    SihuaModel              *model,
                                                    SihuaLanguage            language);
JsonNode          *sihua_points_gap_to_json        (const SihuaPointsGap    *gap,
                                                    SihuaModel              *model,
                                                    SihuaLanguage            language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaNextLevel, sihua_next_level_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaPointsGap, sihua_points_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaDimensionGap, sihua_dimension_gap_free)

G_END_DECLS
