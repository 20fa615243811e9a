/* sihua-chart-heatmap.c
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

void
_sihua_chart_draw_heatmap (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  const SihuaChartData *data = ctx->data;
  guint n = data->dimensions->len;
  guint max_count = 0;
  double size, header_size, header_height, caption_height;
  double top, bottom, row_height, label_width = 0, plot_left, column_width, gap;

  if (n == 0)
    {
      _sihua_chart_draw_message (ctx, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_NO_DATA));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);

      for (guint level = 0; level < SIHUA_CHART_N_LEVELS; level++)
        max_count = MAX (max_count, dimension->counts[level]);
    }

  size = ctx->font * 0.95;
  caption_height = _sihua_chart_line_height (painter, size * 0.9) + 6;
  header_height = _sihua_chart_line_height (painter, size) + 8;
  top = PADDING + header_height;
  bottom = ctx->height - PADDING - caption_height;
  row_height = (bottom - top) / n;
  size = MIN (size, MAX (row_height * 0.62, 6.5));
  gap = MAX (1.5, MIN (row_height, 20) * 0.12);

  for (guint i = 0; i < n; i++)
    label_width = MAX (label_width, sihua_painter_text_width (painter,
                         ((SihuaChartDimension *)g_ptr_array_index (data->dimensions, i))->label, size));
  label_width = MIN (label_width, ctx->width * 0.32);
  plot_left = PADDING + label_width + size * 0.8;
  column_width = MIN ((ctx->width - PADDING - plot_left) / SIHUA_CHART_N_LEVELS, size * 9);

  /* Level names over the columns, in one size that fits the longest. */
  header_size = ctx->font * 0.95;
  for (int level = 0; level < SIHUA_CHART_N_LEVELS; level++)
    while (header_size > 6.5 &&
           sihua_painter_text_width (painter, sihua_chart_data_get_level_name (data, level), header_size) >
           column_width - 4)
      header_size -= 0.25;

  for (int level = 0; level < SIHUA_CHART_N_LEVELS; level++)
    {
      g_autofree char *name = _sihua_chart_ellipsize (painter, sihua_chart_data_get_level_name (data, level),
                                                      header_size, column_width - 2);
      double x = plot_left + level * column_width;

      sihua_painter_set_color (painter, &palette->stage_text[level]);
      sihua_painter_draw_text (painter, x + column_width / 2, PADDING + _sihua_chart_ascent (painter, header_size),
                               name, header_size, SIHUA_TEXT_ALIGN_CENTER);
      sihua_palette_fill_stage (palette, painter, level, x + gap / 2, top - 7, column_width - gap, 3, 0);
    }

  for (guint i = 0; i < n; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);
      double y = top + i * row_height;
      double baseline = y + row_height / 2 + _sihua_chart_ascent (painter, size) * 0.42;
      g_autofree char *label = _sihua_chart_ellipsize (painter, sihua_chart_dimension_get_label (dimension, FALSE),
                                                       size, label_width);

      sihua_painter_set_color (painter, &palette->foreground);
      sihua_painter_draw_text (painter, plot_left - size * 0.8, baseline, label, size, SIHUA_TEXT_ALIGN_RIGHT);

      for (guint level = 0; level < SIHUA_CHART_N_LEVELS; level++)
        {
          guint count = dimension->counts[level];
          double x = plot_left + level * column_width;
          double strength = max_count > 0 ? (double)count / max_count : 0;
          SihuaColor fill;

          /* Shade grows with the count; the number is printed too, so the
           * map reads in greyscale. */
          if (count == 0)
            fill = palette->empty;
          else
            fill = sihua_color_with_alpha (palette->stage[level], 0.22 + 0.78 * strength);

          sihua_painter_set_color (painter, &fill);
          sihua_painter_rounded_rectangle (painter, x + gap / 2, y + gap / 2, column_width - gap,
                                           row_height - gap, MIN (3, row_height / 5));
          sihua_painter_fill (painter, FALSE);

          if (count > 0)
            {
              g_autofree char *text = g_strdup_printf ("%u", count);

              sihua_painter_set_color (painter, 0.22 + 0.78 * strength > 0.8 ? &palette->stage_ink[level] :
                                                                             &palette->foreground);
              sihua_painter_draw_text (painter, x + column_width / 2, baseline, text, size,
                                       SIHUA_TEXT_ALIGN_CENTER);
            }
        }
    }

  {
    g_autofree char *caption = _sihua_chart_ellipsize (painter,
                                                       sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_QUESTIONS),
                                                       size * 0.9, ctx->width - 2 * PADDING);

    sihua_painter_set_color (painter, &palette->secondary);
    sihua_painter_draw_text (painter, plot_left + column_width * SIHUA_CHART_N_LEVELS / 2,
                             ctx->height - PADDING - _sihua_chart_line_height (painter, size * 0.9) * 0.25,
                             caption, size * 0.9, SIHUA_TEXT_ALIGN_CENTER);
  }
}
