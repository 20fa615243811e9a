/* sihua-score-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-score.h"

G_BEGIN_DECLS

/* The engine fills a score in; callers only ever see it finished. */
struct _SihuaScore
{
  gatomicrefcount  ref_count;

  SihuaModel      *model;
  gboolean         complete;
  guint            answered;
  guint            applicable;
  double           index;
  int              stage;
  double           points_total;
  double           points_max;

  GArray          *areas;       /* SihuaAreaPoints, points models only */

  GArray          *dimensions;  /* SihuaDimensionScore */
  GArray          *questions;   /* SihuaQuestionScore, by SihuaQuestion.index */
  GHashTable      *dimension_positions;  /* id → position + 1 */
};

SihuaScore *_sihua_score_new (SihuaModel *model);

G_END_DECLS
