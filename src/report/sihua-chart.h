/* sihua-chart.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-chart-data.h"
#include "sihua-painter.h"
#include "sihua-palette.h"

G_BEGIN_DECLS

typedef enum
{
  SIHUA_CHART_RADAR,
  SIHUA_CHART_LADDER,
  SIHUA_CHART_BARS,
  SIHUA_CHART_HEATMAP,
  SIHUA_CHART_TREND,
  SIHUA_CHART_MATRIX,
  SIHUA_N_CHART_KINDS,
} SihuaChartKind;

typedef enum
{
  SIHUA_CHART_FLAGS_NONE       = 0,
  /* Paint the palette's background first (PNGs); widgets and the PDF
   * leave the surface's own background. */
  SIHUA_CHART_FLAGS_BACKGROUND = 1 << 0,
} SihuaChartFlags;

/* A placed radar axis label, in chart coordinates. */
typedef struct
{
  char   **lines;      /* the label as drawn, one or two lines */
  char    *value;      /* the score as drawn after the last line, or NULL */
  double   x;          /* top left of the label's box */
  double   y;
  double   width;
  double   height;
  double   anchor_x;   /* where the axis ends */
  double   anchor_y;
  SihuaTextAlign align;
  gboolean moved;      /* pushed away from its axis: drawn with a leader */
} SihuaRadarLabel;

typedef struct
{
  double           center_x;
  double           center_y;
  double           radius;
  double           font_size;
  double           line_height;
  guint            n_labels;
  SihuaRadarLabel *labels;
  double           legend_y;   /* baseline of the legend row */
} SihuaRadarLayout;

gboolean          sihua_chart_kind_from_string  (const char            *name,
                                                 SihuaChartKind        *kind);
const char       *sihua_chart_kind_to_string    (SihuaChartKind         kind);
char             *sihua_chart_describe          (SihuaChartKind         kind,
                                                 const SihuaChartData  *data);
double            sihua_chart_base_font_size    (double                 width,
                                                 double                 height);
void              sihua_chart_draw              (SihuaChartKind         kind,
                                                 const SihuaChartData  *data,
                                                 SihuaPainter          *painter,
                                                 const SihuaPalette    *palette,
                                                 double                 width,
                                                 double                 height,
                                                 SihuaChartFlags        flags);

gboolean          sihua_chart_render_png        (SihuaChartKind         kind,
                                                 const SihuaChartData  *data,
                                                 SihuaPaletteVariant    variant,
                                                 int                    width,
                                                 int                    height,
                                                 const char            *filename,
                                                 GError               **error);

SihuaRadarLayout *sihua_radar_layout_new        (const SihuaChartData  *data,
                                                 SihuaPainter          *painter,
                                                 double                 width,
                                                 double                 height);
void              sihua_radar_layout_free       (SihuaRadarLayout      *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaRadarLayout, sihua_radar_layout_free)

G_END_DECLS
