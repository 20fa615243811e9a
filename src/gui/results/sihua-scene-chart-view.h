/* sihua-scene-chart-view.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sihua-scene-chart.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_SCENE_CHART_VIEW (sihua_scene_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SihuaSceneChartView, sihua_scene_chart_view, SIHUA, SCENE_CHART_VIEW, GtkWidget)

GtkWidget             *sihua_scene_chart_view_new       (SihuaSceneChart     *chart);
const SihuaSceneChart *sihua_scene_chart_view_get_chart (SihuaSceneChartView *self);

G_END_DECLS
