/* sihua-chart-bars.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include <math.h>

#include "sihua-chart-private.h"

#define PADDING 8.0

static double
value_x (double plot_left,
         double plot_width,
         double value)
{
  return plot_left + plot_width * CLAMP (value, 0, 100) / 100;
}

/* Band names above the plot, each over its band, with a strip of the
 * stage's colour: the key to the bars' colours. */
static void
draw_bands (const SihuaChartContext *ctx,
            double                   plot_left,
            double                   plot_width,
            double                   top,
            double                   bottom,
            double                   size)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  double band_width = plot_width / 4;
  double baseline = top + _sihua_chart_ascent (painter, size);
  double strip_y = top + _sihua_chart_line_height (painter, size) + 2;

  for (int band = 0; band < 4; band++)
    {
      int stage = _SIHUA_CHART_BAND_STAGE (band);
      double x = plot_left + band * band_width;
      g_autofree char *name = _sihua_chart_ellipsize (painter, sihua_chart_data_get_level_name (ctx->data, stage),
                                                      size, band_width - 4);

      sihua_painter_set_color (painter, &palette->stage_text[stage]);
      sihua_painter_draw_text (painter, x + band_width / 2, baseline, name, size, SIHUA_TEXT_ALIGN_CENTER);
      sihua_palette_fill_stage (palette, painter, stage, x + 1, strip_y, band_width - 2, 4, 0);
    }

  /* Where every answer at level 1, 2 or 3 puts the score; 100 is all at
   * the top level. */
  sihua_painter_set_color (painter, &palette->axis);
  sihua_painter_set_line_width (painter, 0.75);
  sihua_painter_set_dash (painter, (const double[]) { 3, 3 }, 2);
  for (int stage = 1; stage <= 3; stage++)
    {
      double x = plot_left + stage * band_width;

      sihua_painter_move_to (painter, x, strip_y + 6);
      sihua_painter_line_to (painter, x, bottom);
    }
  sihua_painter_stroke (painter, FALSE);
  sihua_painter_set_dash (painter, NULL, 0);

  sihua_painter_set_color (painter, &palette->grid);
  sihua_painter_move_to (painter, plot_left + plot_width, strip_y + 6);
  sihua_painter_line_to (painter, plot_left + plot_width, bottom);
  sihua_painter_stroke (painter, FALSE);

  sihua_painter_set_color (painter, &palette->axis);
  sihua_painter_move_to (painter, plot_left, strip_y + 6);
  sihua_painter_line_to (painter, plot_left, bottom);
  sihua_painter_stroke (painter, FALSE);
}

static void
draw_scale (const SihuaChartContext *ctx,
            double                   plot_left,
            double                   plot_width,
            double                   baseline,
            double                   size)
{
  sihua_painter_set_color (ctx->painter, &ctx->palette->secondary);
  for (int value = 0; value <= 100; value += 25)
    {
      g_autofree char *text = g_strdup_printf ("%d", value);

      sihua_painter_draw_text (ctx->painter, value_x (plot_left, plot_width, value), baseline, text, size,
                               SIHUA_TEXT_ALIGN_CENTER);
    }
}

void
_sihua_chart_draw_bars (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  const SihuaChartData *data = ctx->data;
  guint n = data->dimensions->len;
  gboolean has_previous = sihua_chart_data_has_previous (data);
  gboolean has_target = sihua_chart_data_has_target (data);
  SihuaLegendItem legend[2];
  guint n_legend = 0;
  double size, header_height, legend_height, scale_height;
  double top, bottom, row_height, label_width = 0, plot_left, plot_width, value_room;

  if (n == 0)
    {
      _sihua_chart_draw_message (ctx, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_NO_DATA));
      return;
    }

  if (has_previous)
    legend[n_legend++] = (SihuaLegendItem) { SIHUA_SERIES_PREVIOUS,
      sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_PREVIOUS), TRUE };
  if (has_target)
    legend[n_legend++] = (SihuaLegendItem) { SIHUA_SERIES_TARGET,
      sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_TARGET), TRUE };

  /* Rows share the height; type shrinks with them, down to a floor. */
  size = ctx->font * 0.95;
  header_height = _sihua_chart_line_height (painter, size) + 12;
  scale_height = _sihua_chart_line_height (painter, size * 0.85) + 4;
  legend_height = n_legend > 0 ? _sihua_chart_line_height (painter, size) + 8 : 0;
  top = PADDING + header_height;
  bottom = ctx->height - PADDING - scale_height - legend_height;
  row_height = (bottom - top) / n;
  size = MIN (size, MAX (row_height * 0.62, 6.5));

  for (guint i = 0; i < n; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);

      label_width = MAX (label_width, sihua_painter_text_width (painter, dimension->label, size));
    }
  label_width = MIN (label_width, ctx->width * 0.32);
  value_room = sihua_painter_text_width (painter, "100", size) + size;
  plot_left = PADDING + label_width + size * 0.8;
  plot_width = ctx->width - PADDING - value_room - plot_left;

  draw_bands (ctx, plot_left, plot_width, PADDING, bottom, MIN (ctx->font * 0.95, plot_width / 4 / 3.2));

  for (guint i = 0; i < n; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);
      double y = top + i * row_height;
      double mid = y + row_height / 2;
      double bar_height = MIN (row_height * 0.62, size * 1.6);
      double baseline = mid + _sihua_chart_ascent (painter, size) * 0.42;
      g_autofree char *label = _sihua_chart_ellipsize (painter, sihua_chart_dimension_get_label (dimension, FALSE),
                                                       size, label_width);
      g_autofree char *value = _sihua_chart_format_score (dimension->score);
      double end = plot_left;
      double text_x, text_width;

      sihua_painter_set_color (painter, &palette->foreground);
      sihua_painter_draw_text (painter, plot_left - size * 0.8, baseline, label, size, SIHUA_TEXT_ALIGN_RIGHT);

      if (isnan (dimension->score))
        {
          sihua_painter_set_color (painter, &palette->secondary);
          sihua_painter_draw_text (painter, plot_left + size * 0.5, baseline,
                                   sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_NOT_SCORED),
                                   size, SIHUA_TEXT_ALIGN_LEFT);
          continue;
        }

      end = value_x (plot_left, plot_width, dimension->score);
      sihua_palette_fill_stage (palette, painter, MAX (dimension->stage, 0), plot_left, mid - bar_height / 2,
                                end - plot_left, bar_height, MIN (2, bar_height / 4));

      text_x = end + size * 0.4;
      text_width = sihua_painter_text_width (painter, value, size);

      /* Markers get a halo of the background; the score moves past a
       * marker it would run into. */
      for (SihuaSeries series = SIHUA_SERIES_PREVIOUS; series <= SIHUA_SERIES_TARGET; series++)
        {
          double marker_value = series == SIHUA_SERIES_PREVIOUS ? dimension->previous : dimension->target;
          double marker = bar_height * (series == SIHUA_SERIES_PREVIOUS ? 0.5 : 0.6);
          double x;

          if (isnan (marker_value))
            continue;

          x = value_x (plot_left, plot_width, marker_value);
          sihua_painter_set_color (painter, &palette->background);
          _sihua_chart_draw_marker (painter, series, x, mid, marker + MAX (1.5, marker * 0.45));
          sihua_painter_set_color (painter, &palette->series[series]);
          _sihua_chart_draw_marker (painter, series, x, mid, marker);

          if (x + marker * 0.7 > text_x - 1 && x - marker * 0.7 < text_x + text_width + 1)
            text_x = x + marker * 0.7 + size * 0.3;
        }

      sihua_painter_set_color (painter, &palette->foreground);
      sihua_painter_draw_text (painter, text_x, baseline, value, size, SIHUA_TEXT_ALIGN_LEFT);
    }

  draw_scale (ctx, plot_left, plot_width, bottom + _sihua_chart_ascent (painter, size * 0.85) + 4, size * 0.85);

  if (n_legend > 0)
    _sihua_chart_draw_legend (ctx, legend, n_legend, plot_left + plot_width / 2,
                              ctx->height - PADDING - _sihua_chart_line_height (painter, size) * 0.25, size);
}
