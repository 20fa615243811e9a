/* sihua-chart-matrix.c
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

/* The priority matrix: each measure of the roadmap by its impact on the
 * stage (up) against its effort (across), numbered by its rank. Effort
 * comes in three bands, so the measures of one band and height share a
 * slot and are set side by side in it rather than on top of each other.
 * The quadrants carry the names consultants use: quick wins top left,
 * major projects top right, fill-ins and the ones to weigh again below. */

static void
draw_quadrant_name (const SihuaChartContext *ctx,
                    SihuaChartText           text,
                    double                   x,
                    double                   y,
                    double                   width,
                    double                   size,
                    SihuaTextAlign           align)
{
  g_autofree char *name = _sihua_chart_ellipsize (ctx->painter,
                                                  sihua_chart_data_get_text (ctx->data, text),
                                                  size, width);

  sihua_painter_set_color (ctx->painter, &ctx->palette->secondary);
  sihua_painter_draw_text (ctx->painter, x, y, name, size, align);
}

/* Measures of one effort band and (to a hundredth) one impact. */
static guint
slot_key (const SihuaChartMeasure *measure)
{
  return (guint) measure->effort * 100000u + (guint) round (measure->impact * 100);
}

void
_sihua_chart_draw_matrix (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  const SihuaChartData *data = ctx->data;
  GPtrArray *measures = data->measures;
  double size = ctx->font * 0.9;
  double small = size * 0.9;
  double line = _sihua_chart_line_height (painter, small);
  double left, right, top, bottom, column, max_impact = 0;
  const SihuaChartText bands[] = { SIHUA_CHART_TEXT_LOW, SIHUA_CHART_TEXT_MEDIUM, SIHUA_CHART_TEXT_HIGH };

  if (measures->len == 0)
    {
      _sihua_chart_draw_message (ctx, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_NO_DATA));
      return;
    }

  for (guint i = 0; i < measures->len; i++)
    max_impact = MAX (max_impact, ((SihuaChartMeasure *) g_ptr_array_index (measures, i))->impact);
  if (max_impact <= 0)
    max_impact = 1;

  left = PADDING + line + 4;
  right = ctx->width - PADDING;
  top = PADDING + line;
  bottom = ctx->height - PADDING - 2 * line - 6;
  column = (right - left) / 3;

  /* The quadrants: the upper left, where the quick wins sit, tinted. */
  {
    SihuaColor tint = sihua_color_with_alpha (palette->stage[1], 0.12);

    sihua_painter_set_color (painter, &tint);
    sihua_painter_rectangle (painter, left, top, column * 1.5, (bottom - top) / 2);
    sihua_painter_fill (painter, FALSE);
  }
  sihua_painter_set_color (painter, &palette->grid);
  sihua_painter_set_line_width (painter, 0.75);
  sihua_painter_move_to (painter, left + column * 1.5, top);
  sihua_painter_line_to (painter, left + column * 1.5, bottom);
  sihua_painter_move_to (painter, left, (top + bottom) / 2);
  sihua_painter_line_to (painter, right, (top + bottom) / 2);
  sihua_painter_stroke (painter, FALSE);
  sihua_painter_set_color (painter, &palette->axis);
  sihua_painter_set_line_width (painter, 1);
  sihua_painter_move_to (painter, left, top);
  sihua_painter_line_to (painter, left, bottom);
  sihua_painter_line_to (painter, right, bottom);
  sihua_painter_stroke (painter, FALSE);

  draw_quadrant_name (ctx, SIHUA_CHART_TEXT_QUICK_WINS, left + 4, top - line * 0.25 + line * 0.8,
                      column * 1.5 - 8, small, SIHUA_TEXT_ALIGN_LEFT);
  draw_quadrant_name (ctx, SIHUA_CHART_TEXT_MAJOR_PROJECTS, right - 4, top + line * 0.55,
                      column * 1.5 - 8, small, SIHUA_TEXT_ALIGN_RIGHT);
  draw_quadrant_name (ctx, SIHUA_CHART_TEXT_FILL_INS, left + 4, bottom - line * 0.4,
                      column * 1.5 - 8, small, SIHUA_TEXT_ALIGN_LEFT);
  draw_quadrant_name (ctx, SIHUA_CHART_TEXT_RECONSIDER, right - 4, bottom - line * 0.4,
                      column * 1.5 - 8, small, SIHUA_TEXT_ALIGN_RIGHT);

  /* The effort bands under the axis, and the axis names. */
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      sihua_painter_set_color (painter, &palette->secondary);
      sihua_painter_draw_text (painter, left + column * (b + 0.5), bottom + 4 + _sihua_chart_ascent (painter, small),
                               sihua_chart_data_get_text (data, bands[b]), small, SIHUA_TEXT_ALIGN_CENTER);
    }
  sihua_painter_set_color (painter, &palette->foreground);
  sihua_painter_draw_text (painter, (left + right) / 2, ctx->height - PADDING,
                           sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_EFFORT), small,
                           SIHUA_TEXT_ALIGN_CENTER);
  sihua_painter_draw_text (painter, PADDING, top - line * 0.3,
                           sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_IMPACT), small,
                           SIHUA_TEXT_ALIGN_LEFT);

  /* The measures: those of one effort band and impact share a slot, and
   * are set in rows across the band, the block centred on their height. */
  for (guint i = 0; i < measures->len; i++)
    {
      const SihuaChartMeasure *measure = g_ptr_array_index (measures, i);
      double radius = size * 0.75;
      double step = radius * 2.3;
      guint key = slot_key (measure);
      guint position = 0, count = 0, per_row, n_rows, row, col, in_row;
      double height = bottom - top - 2 * radius - line;
      double center_y = bottom - radius - 4 - height * measure->impact / max_impact;
      double block, x, y;
      int stage = CLAMP (measure->level, 0, SIHUA_N_STAGES - 1);

      for (guint j = 0; j < measures->len; j++)
        if (slot_key (g_ptr_array_index (measures, j)) == key)
          {
            if (j < i)
              position++;
            count++;
          }
      per_row = MAX (1, (guint) floor ((column - 2 * radius) / step) + 1);
      per_row = MIN (per_row, count);
      n_rows = (count + per_row - 1) / per_row;
      row = position / per_row;
      col = position % per_row;
      in_row = MIN (per_row, count - row * per_row);
      block = (n_rows - 1) * step;
      /* Keep the block inside the plot: a full slot grows away from the
       * edge it would cross. */
      center_y = CLAMP (center_y, top + line + radius + block / 2, bottom - radius - 2 - block / 2);
      y = center_y - block / 2 + row * step;
      x = left + column * (measure->effort + 0.5) + (col - (in_row - 1) / 2.0) * step;

      sihua_painter_set_color (painter, &palette->background);
      sihua_painter_circle (painter, x, y, radius + 1);
      sihua_painter_fill (painter, FALSE);
      sihua_painter_set_color (painter, measure->level >= 0 ? &palette->stage[stage] : &palette->empty);
      sihua_painter_circle (painter, x, y, radius);
      sihua_painter_fill (painter, FALSE);
      if (measure->do_first)
        {
          sihua_painter_set_color (painter, &palette->foreground);
          sihua_painter_set_line_width (painter, 1.2);
          sihua_painter_circle (painter, x, y, radius);
          sihua_painter_stroke (painter, FALSE);
        }
      sihua_painter_set_color (painter, measure->level >= 0 ? &palette->stage_ink[stage] : &palette->foreground);
      sihua_painter_draw_text (painter, x, y + _sihua_chart_ascent (painter, small) * 0.42, measure->label,
                               small, SIHUA_TEXT_ALIGN_CENTER);
    }
}
