/* sihua-chart-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-chart.h"

G_BEGIN_DECLS

/* What every chart's draw function receives. */
typedef struct
{
  SihuaPainter         *painter;
  const SihuaPalette   *palette;
  const SihuaChartData *data;
  double                width;
  double                height;
  double                font;       /* base font size, points */
} SihuaChartContext;

typedef struct
{
  SihuaSeries  series;
  const char  *label;
  gboolean     marker_only;   /* no line sample: the series is drawn as markers */
} SihuaLegendItem;

/* @msgid in @language, from the report's catalogue of that language. */
const char *_sihua_chart_word      (const char              *msgid,
                                    SihuaLanguage            language);
/* The stage whose band runs from 25·band to 25·(band + 1) on a 0–100
 * score: a score is 25·l when every answer is at level l, so the stretch
 * below 25·l is where level l is being built (75–100: the top level). */
#define _SIHUA_CHART_BAND_STAGE(band) ((band) + 1)

char   *_sihua_chart_ellipsize     (SihuaPainter            *painter,
                                    const char              *text,
                                    double                   size,
                                    double                   max_width);
char  **_sihua_chart_wrap          (SihuaPainter            *painter,
                                    const char              *text,
                                    double                   size,
                                    double                   max_width,
                                    guint                    max_lines);
double  _sihua_chart_line_height   (SihuaPainter            *painter,
                                    double                   size);
double  _sihua_chart_ascent        (SihuaPainter            *painter,
                                    double                   size);
char   *_sihua_chart_format_score  (double                   score);
char   *_sihua_chart_format_index  (double                   index);
double  _sihua_chart_legend_width  (const SihuaChartContext *ctx,
                                    const SihuaLegendItem   *items,
                                    guint                    n_items,
                                    double                   size);
void    _sihua_chart_draw_legend   (const SihuaChartContext *ctx,
                                    const SihuaLegendItem   *items,
                                    guint                    n_items,
                                    double                   center_x,
                                    double                   baseline,
                                    double                   size);
void    _sihua_chart_draw_message  (const SihuaChartContext *ctx,
                                    const char              *message);
void    _sihua_chart_draw_marker   (SihuaPainter            *painter,
                                    SihuaSeries              series,
                                    double                   x,
                                    double                   y,
                                    double                   size);

void    _sihua_chart_draw_radar    (const SihuaChartContext *ctx);
void    _sihua_chart_draw_ladder   (const SihuaChartContext *ctx);
void    _sihua_chart_draw_bars     (const SihuaChartContext *ctx);
void    _sihua_chart_draw_heatmap  (const SihuaChartContext *ctx);
void    _sihua_chart_draw_trend    (const SihuaChartContext *ctx);
void    _sihua_chart_draw_matrix   (const SihuaChartContext *ctx);

G_END_DECLS
