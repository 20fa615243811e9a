/* sihua-comparison.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-score.h"

G_BEGIN_DECLS

typedef enum
{
  SIHUA_TREND_UNCHANGED,
  SIHUA_TREND_IMPROVED,
  SIHUA_TREND_DECLINED,
  SIHUA_TREND_NEW,       /* scored now, not before */
  SIHUA_TREND_DROPPED,   /* scored before, not now */
  SIHUA_TREND_UNSCORED,  /* scored in neither */
} SihuaTrend;

typedef struct
{
  const char *dimension_id;    /* owned by the current (or previous) model */
  double      previous_score;  /* NAN if not scored */
  double      current_score;   /* NAN if not scored */
  double      delta;           /* NAN unless both are scored */
  int         previous_stage;  /* -1 if not scored */
  int         current_stage;
  SihuaTrend  trend;           /* of the score */
} SihuaDimensionChange;

typedef struct
{
  double      previous_index;
  double      current_index;
  double      index_delta;     /* NAN unless both are scored */
  int         previous_stage;
  int         current_stage;
  int         stage_delta;     /* 0 unless both are scored */
  SihuaTrend  trend;           /* of the stage, then of the index */
  GArray     *dimensions;      /* SihuaDimensionChange: the current model's dimensions, then
                                * those only the previous one had */
} SihuaComparison;

/* Compares two assessments of one company (their models may differ in
 * version: dimensions are matched by id). */
SihuaComparison *sihua_comparison_compute   (SihuaScore      *previous,
                                             SihuaScore      *current);
void             sihua_comparison_free      (SihuaComparison *comparison);
const char      *sihua_trend_to_string      (SihuaTrend       trend);

typedef struct
{
  const SihuaDimension *dimension;
  int                   stage;    /* -1 if not scored */
  int                   missing;  /* levels missing to the target, 0 when reached */
} SihuaTargetGap;

typedef struct
{
  int      target;
  int      stage;
  gboolean reached;      /* G ≥ target */
  GArray  *dimensions;   /* SihuaTargetGap, every dimension of the scored areas */
} SihuaTargetComparison;

SihuaTargetComparison *sihua_target_comparison_compute (SihuaScore            *score,
                                                        int                    target);
void                   sihua_target_comparison_free    (SihuaTargetComparison *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaComparison, sihua_comparison_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaTargetComparison, sihua_target_comparison_free)

G_END_DECLS
