/* sihua-scene-chart.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-painter.h"
#include "sihua-palette.h"
#include "sihua-types.h"

G_BEGIN_DECLS

/* One scene of an index that rates scenes by level (the MIIT 2024 index's
 * 16 数字化经营 scenes). */
typedef struct
{
  char     *label;
  int       level;        /* -1 when not rated yet */
  gboolean  constraint;   /* a 约束性场景 */
} SihuaSceneChartScene;

/* What one overall level asks of the scenes, and what they give. */
typedef struct
{
  char *name;             /* "三级" */
  int   need_scenes;      /* -1 when the level asks no count */
  int   need_constraint;  /* -1 when the level asks no count */
  int   have_scenes;      /* scenes rated at or above the level */
  int   have_constraint;  /* constraint scenes rated at or above it */
} SihuaSceneChartLevel;

/*
 * The scene chart as plain data: one bar per scene, as long as its level,
 * the constraint scenes starred, a dashed line where each level begins, and
 * under each level what the overall level needs and what is there. The
 * front end fills it from the results and hands over the words in the
 * language it shows, so the window and the PDF draw the same picture.
 */
typedef struct
{
  GArray               *scenes;            /* SihuaSceneChartScene */
  guint                 n_levels;          /* levels 0 … n_levels − 1, at most SIHUA_N_STAGES */
  SihuaSceneChartLevel  levels[SIHUA_N_STAGES];
  char                 *constraint_legend; /* "★ 约束性场景" */
  char                 *need_caption;      /* "Needed" */
  char                 *have_caption;      /* "Reached" */
  char                 *not_rated;         /* "not rated" */
} SihuaSceneChart;

SihuaSceneChart *sihua_scene_chart_new       (guint                  n_levels);
void             sihua_scene_chart_free      (SihuaSceneChart       *chart);
void             sihua_scene_chart_add_scene (SihuaSceneChart       *chart,
                                              const char            *label,
                                              int                    level,
                                              gboolean               constraint);
char            *sihua_scene_chart_describe  (const SihuaSceneChart *chart);
void             sihua_scene_chart_draw      (const SihuaSceneChart *chart,
                                              SihuaPainter          *painter,
                                              const SihuaPalette    *palette,
                                              double                 width,
                                              double                 height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaSceneChart, sihua_scene_chart_free)

G_END_DECLS
