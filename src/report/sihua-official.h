/* sihua-official.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-scene-chart.h"
#include "sihua-score.h"

G_BEGIN_DECLS

/* The points of one scored area in the official currency ("数字化基础
 * 32.5 / 50"). */
typedef struct
{
  const SihuaArea *area;
  double           points;   /* Σ w·p over its answered questions */
  double           max;      /* Σ w·max over all its questions */
} SihuaOfficialArea;

gboolean         sihua_official_applies       (SihuaModel    *model);
GArray          *sihua_official_area_points   (SihuaScore    *score);
SihuaSceneChart *sihua_official_scene_chart   (SihuaScore    *score,
                                               SihuaLanguage  language);
char            *sihua_official_format_points (double         points);

G_END_DECLS
