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

gboolean         sihua_official_applies       (SihuaModel    *model);
SihuaSceneChart *sihua_official_scene_chart   (SihuaScore    *score,
                                               SihuaLanguage  language);
char            *sihua_official_format_points (double         points);
char            *sihua_official_format_exact  (double         points);

G_END_DECLS
