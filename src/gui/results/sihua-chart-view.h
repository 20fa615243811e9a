/* sihua-chart-view.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sihua-chart.h"
#include "sihua-scene-chart.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_CHART_VIEW (sihua_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SihuaChartView, sihua_chart_view, SIHUA, CHART_VIEW, GtkWidget)

GtkWidget            *sihua_chart_view_new      (SihuaChartKind  kind);
SihuaChartKind        sihua_chart_view_get_kind (SihuaChartView *self);
void                  sihua_chart_view_set_kind (SihuaChartView *self,
                                                 SihuaChartKind  kind);
const SihuaChartData *sihua_chart_view_get_data (SihuaChartView *self);
void                  sihua_chart_view_set_data (SihuaChartView *self,
                                                 SihuaChartData *data);
void                  sihua_chart_view_set_scene_chart (SihuaChartView  *self,
                                                        SihuaSceneChart *chart);

G_END_DECLS
