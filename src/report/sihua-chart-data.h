/* sihua-chart-data.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sihua-roadmap.h"
#include "sihua-score.h"
#include "sihua-types.h"

G_BEGIN_DECLS

#define SIHUA_CHART_N_LEVELS 5

/* One dimension (or scene) as the charts see it. Scores are 0–100; NAN
 * means "not scored" (all questions not applicable, or no previous). */
typedef struct
{
  char   *label;
  char   *short_label;    /* nullable: used where space is tight */
  double  score;
  double  previous;
  double  target;
  int     stage;          /* 0–4, -1 when unscored */
  guint   counts[SIHUA_CHART_N_LEVELS];  /* questions answered at each level */
} SihuaChartDimension;

/* One assessment of the same company, for progress over time. */
typedef struct
{
  char   *date;           /* ISO 8601 date, "2025-03-14" */
  double  index;
  int     stage;
} SihuaChartPoint;

/* One measure of the roadmap on the priority matrix. */
typedef struct
{
  char     *label;        /* its rank, "3" */
  double    impact;       /* W_d × levels missing; ≥ 0 */
  int       effort;       /* 0 low, 1 medium, 2 high */
  int       level;        /* the stage it builds, -1 for none */
  gboolean  do_first;
} SihuaChartMeasure;

/* The words a chart prints besides the data. */
typedef enum
{
  SIHUA_CHART_TEXT_CURRENT,
  SIHUA_CHART_TEXT_PREVIOUS,
  SIHUA_CHART_TEXT_TARGET,
  SIHUA_CHART_TEXT_INDEX,
  SIHUA_CHART_TEXT_YOUR_STAGE,
  SIHUA_CHART_TEXT_QUESTIONS,
  SIHUA_CHART_TEXT_NOT_SCORED,
  SIHUA_CHART_TEXT_NO_DATA,
  SIHUA_CHART_TEXT_IMPACT,
  SIHUA_CHART_TEXT_EFFORT,
  SIHUA_CHART_TEXT_QUICK_WINS,
  SIHUA_CHART_TEXT_MAJOR_PROJECTS,
  SIHUA_CHART_TEXT_FILL_INS,
  SIHUA_CHART_TEXT_RECONSIDER,
  SIHUA_CHART_TEXT_LOW,
  SIHUA_CHART_TEXT_MEDIUM,
  SIHUA_CHART_TEXT_HIGH,
  SIHUA_CHART_N_TEXTS,
} SihuaChartText;

typedef struct
{
  SihuaLanguage  language;
  char          *title;           /* nullable; charts are usually captioned outside */
  GPtrArray     *dimensions;      /* SihuaChartDimension* */
  double         index;           /* 0–100 or NAN */
  int            stage;           /* 0–4, -1 unknown */
  double         previous_index;  /* NAN if no previous assessment */
  double         target_index;    /* NAN if no target */
  char          *level_names[SIHUA_CHART_N_LEVELS];  /* nullable: defaults */
  GPtrArray     *trend;           /* SihuaChartPoint*, oldest first */
  GPtrArray     *measures;        /* SihuaChartMeasure*, roadmap order */
  char          *texts[SIHUA_CHART_N_TEXTS];          /* nullable: defaults */
} SihuaChartData;

SihuaChartData      *sihua_chart_data_new            (SihuaLanguage          language);
void                 sihua_chart_data_free           (SihuaChartData        *data);
SihuaChartDimension *sihua_chart_data_add_dimension  (SihuaChartData        *data,
                                                      const char            *label,
                                                      double                 score);
SihuaChartPoint     *sihua_chart_data_add_point      (SihuaChartData        *data,
                                                      const char            *date,
                                                      double                 index,
                                                      int                    stage);
SihuaChartMeasure   *sihua_chart_data_add_measure    (SihuaChartData        *data,
                                                      const char            *label,
                                                      double                 impact,
                                                      int                    effort,
                                                      int                    level);
void                 sihua_chart_data_add_roadmap    (SihuaChartData        *data,
                                                      const SihuaRoadmap    *roadmap);
const char          *sihua_chart_data_get_text       (const SihuaChartData  *data,
                                                      SihuaChartText         text);
const char          *sihua_chart_data_get_level_name (const SihuaChartData  *data,
                                                      int                    level);
const char          *sihua_chart_dimension_get_label (const SihuaChartDimension *dimension,
                                                      gboolean               prefer_short);
int                  sihua_chart_stage_for_score     (double                 score);
gboolean             sihua_chart_data_has_previous   (const SihuaChartData  *data);
gboolean             sihua_chart_data_has_target     (const SihuaChartData  *data);

SihuaChartData      *sihua_chart_data_new_from_json  (JsonNode              *node,
                                                      SihuaLanguage          language,
                                                      GError               **error);
SihuaChartData      *sihua_chart_data_new_from_file  (const char            *filename,
                                                      SihuaLanguage          language,
                                                      GError               **error);
SihuaChartData      *sihua_chart_data_new_from_score (SihuaScore            *score,
                                                      SihuaScore            *previous,
                                                      int                    target_level,
                                                      SihuaLanguage          language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaChartData, sihua_chart_data_free)

G_END_DECLS
