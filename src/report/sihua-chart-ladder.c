/* sihua-chart-ladder.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include <math.h>

#include "sihua-chart-private.h"
#include "sihua-number-format.h"

#define PADDING 8.0

/* The index, large, with the previous index and the target beside it. */
static double
draw_header (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaChartData *data = ctx->data;
  double big = MIN (ctx->font * 2.6, ctx->height * 0.2);
  double small = MIN (ctx->font, MAX (big * 0.45, 7));
  double baseline = PADDING + _sihua_chart_ascent (painter, big);
  g_autofree char *index = _sihua_chart_format_index (data->index);
  double x = PADDING;

  sihua_painter_set_color (painter, &ctx->palette->secondary);
  sihua_painter_draw_text (painter, x, baseline, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_INDEX),
                           small, SIHUA_TEXT_ALIGN_LEFT);
  x += sihua_painter_text_width (painter, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_INDEX), small) +
       small * 0.5;

  sihua_painter_set_color (painter, data->stage >= 0 ? &ctx->palette->stage_text[data->stage] :
                                                       &ctx->palette->foreground);
  sihua_painter_draw_text (painter, x, baseline, index, big, SIHUA_TEXT_ALIGN_LEFT);
  x += sihua_painter_text_width (painter, index, big) + small * 1.2;

  if (!isnan (data->previous_index) && !isnan (data->index))
    {
      g_autofree char *previous = _sihua_chart_format_index (data->previous_index);
      g_autofree char *change = sihua_number_format_change (data->previous_index, data->index);
      g_autofree char *text = g_strdup_printf ("%s %s  (%s)",
                                               sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_PREVIOUS),
                                               previous, change);

      sihua_painter_set_color (painter, &ctx->palette->secondary);
      sihua_painter_draw_text (painter, x, baseline, text, small, SIHUA_TEXT_ALIGN_LEFT);
      x += sihua_painter_text_width (painter, text, small) + small * 1.5;
    }

  if (!isnan (data->target_index))
    {
      g_autofree char *target = _sihua_chart_format_index (data->target_index);
      g_autofree char *text = g_strdup_printf ("%s %s", sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_TARGET),
                                               target);

      if (x + sihua_painter_text_width (painter, text, small) < ctx->width - PADDING)
        {
          sihua_painter_set_color (painter, &ctx->palette->series[SIHUA_SERIES_TARGET]);
          sihua_painter_draw_text (painter, x, baseline, text, small, SIHUA_TEXT_ALIGN_LEFT);
        }
    }

  return baseline + _sihua_chart_line_height (painter, big) - _sihua_chart_ascent (painter, big);
}

/* Where the pointer goes: a bubble naming the company's place, with a tip
 * pointing down at (x, tip_y). */
static void
draw_marker (const SihuaChartContext *ctx,
             double                   x,
             double                   tip_y,
             double                   size)
{
  SihuaPainter *painter = ctx->painter;
  const char *text = sihua_chart_data_get_text (ctx->data, SIHUA_CHART_TEXT_YOUR_STAGE);
  double tip = size * 0.6;
  double height = _sihua_chart_line_height (painter, size) + size * 0.5;
  double width = sihua_painter_text_width (painter, text, size) + size * 1.2;
  double left = CLAMP (x - width / 2, PADDING, ctx->width - PADDING - width);
  double top = tip_y - tip - height;

  sihua_painter_set_color (painter, &ctx->palette->foreground);
  sihua_painter_rounded_rectangle (painter, left, top, width, height, size * 0.4);
  sihua_painter_fill (painter, FALSE);
  sihua_painter_move_to (painter, x - tip, top + height - 0.5);
  sihua_painter_line_to (painter, x + tip, top + height - 0.5);
  sihua_painter_line_to (painter, x, tip_y);
  sihua_painter_close_path (painter);
  sihua_painter_fill (painter, FALSE);

  sihua_painter_set_color (painter, &ctx->palette->background);
  sihua_painter_draw_text (painter, left + width / 2,
                           top + size * 0.25 + (height - size * 0.5 - _sihua_chart_line_height (painter, size)) / 2 +
                           _sihua_chart_ascent (painter, size) + size * 0.02,
                           text, size, SIHUA_TEXT_ALIGN_CENTER);
}

void
_sihua_chart_draw_ladder (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  const SihuaChartData *data = ctx->data;
  double header_bottom = draw_header (ctx);
  double marker_size = ctx->font * 0.95;
  double marker_room = _sihua_chart_line_height (painter, marker_size) + marker_size * 1.3 + 4;
  double bottom = ctx->height - PADDING;
  double step_width = (ctx->width - 2 * PADDING) / SIHUA_CHART_N_LEVELS;
  double gap = MAX (2, step_width * 0.03);
  double name_size = ctx->font * 1.3;
  gboolean compact = FALSE;
  double top, min_height;

  /* A short chart keeps its steps readable: the bubble gives way to a
   * small pointer, and the names shrink with the steps. */
  if (bottom - header_bottom - marker_room < _sihua_chart_line_height (painter, name_size) * 4)
    {
      compact = TRUE;
      marker_room = marker_size * 0.7;
    }
  top = header_bottom + marker_room + 6;
  name_size = MAX (7, MIN (name_size, (bottom - top) / 3.2));
  min_height = MIN (bottom - top, MAX ((bottom - top) * 0.3, _sihua_chart_line_height (painter, name_size) * 1.6));

  /* One size for all five names, the largest at which the longest fits. */
  for (int i = 0; i < SIHUA_CHART_N_LEVELS; i++)
    {
      const char *name = sihua_chart_data_get_level_name (data, i);

      while (name_size > 7 && sihua_painter_text_width (painter, name, name_size) > step_width - gap - 8)
        name_size -= 0.25;
    }

  for (int i = 0; i < SIHUA_CHART_N_LEVELS; i++)
    {
      double x = PADDING + i * step_width;
      double h = min_height + (bottom - top - min_height) * i / (SIHUA_CHART_N_LEVELS - 1);
      double y = bottom - h;
      double w = step_width - gap;
      gboolean reached = data->stage >= 0 && i <= data->stage;
      g_autofree char *name = _sihua_chart_ellipsize (painter, sihua_chart_data_get_level_name (data, i),
                                                      name_size, w - 6);
      g_autofree char *number = g_strdup_printf ("%d", i);
      double name_baseline = y + name_size * 0.6 + _sihua_chart_ascent (painter, name_size);

      if (reached)
        {
          sihua_palette_fill_stage (palette, painter, i, x, y, w, h, 3);
        }
      else
        {
          SihuaColor pale = sihua_color_with_alpha (palette->stage[i], 0.16);

          sihua_painter_set_color (painter, &pale);
          sihua_painter_rounded_rectangle (painter, x, y, w, h, 3);
          sihua_painter_fill (painter, TRUE);
          sihua_painter_set_color (painter, &palette->stage[i]);
          sihua_painter_set_line_width (painter, 1);
          sihua_painter_set_dash (painter, (const double[]) { 3, 2 }, 2);
          sihua_painter_stroke (painter, FALSE);
          sihua_painter_set_dash (painter, NULL, 0);
        }

      if (i == data->stage)
        {
          /* The company's own step gets a frame in the text colour. */
          sihua_painter_set_color (painter, &palette->foreground);
          sihua_painter_set_line_width (painter, 2);
          sihua_painter_rounded_rectangle (painter, x + 1, y + 1, w - 2, h - 2, 3);
          sihua_painter_stroke (painter, FALSE);
          if (compact)
            {
              double tip = marker_size * 0.55;

              sihua_painter_move_to (painter, x + w / 2 - tip, y - 3 - tip);
              sihua_painter_line_to (painter, x + w / 2 + tip, y - 3 - tip);
              sihua_painter_line_to (painter, x + w / 2, y - 3);
              sihua_painter_close_path (painter);
              sihua_painter_fill (painter, FALSE);
            }
          else
            {
              draw_marker (ctx, x + w / 2, y - 4, marker_size);
            }
        }

      /* The name sits on a plate so hatching never runs through it. */
      if (reached && palette->stage_hatch[i] != SIHUA_HATCH_NONE)
        {
          double plate_w = sihua_painter_text_width (painter, name, name_size) + name_size * 0.8;
          double plate_h = _sihua_chart_line_height (painter, name_size) + name_size * 0.2;

          sihua_painter_set_color (painter, &palette->stage[i]);
          sihua_painter_rounded_rectangle (painter, x + (w - plate_w) / 2, name_baseline -
                                           _sihua_chart_ascent (painter, name_size) - name_size * 0.15,
                                           plate_w, plate_h, 2);
          sihua_painter_fill (painter, FALSE);
        }

      sihua_painter_set_color (painter, reached ? &palette->stage_ink[i] : &palette->stage_text[i]);
      sihua_painter_draw_text (painter, x + w / 2, name_baseline, name, name_size, SIHUA_TEXT_ALIGN_CENTER);

      /* The level number at the foot of the step. */
      if (h > name_size * 4.5)
        {
          SihuaColor faint = sihua_color_with_alpha (reached ? palette->stage_ink[i] : palette->stage_text[i], 0.55);

          if (reached && palette->stage_hatch[i] != SIHUA_HATCH_NONE)
            {
              sihua_painter_set_color (painter, &palette->stage[i]);
              sihua_painter_circle (painter, x + w / 2, bottom - name_size * 1.25, name_size * 0.95);
              sihua_painter_fill (painter, FALSE);
            }
          sihua_painter_set_color (painter, &faint);
          sihua_painter_draw_text (painter, x + w / 2, bottom - name_size * 0.8, number, name_size * 1.3,
                                   SIHUA_TEXT_ALIGN_CENTER);
        }
      else
        {
          /* A step too short for its number at the foot has the room of
           * the taller steps above it: the number goes over the step, and
           * over the pointer on the company's own step. */
          double baseline = y - 4 - _sihua_chart_line_height (painter, name_size) +
                            _sihua_chart_ascent (painter, name_size);

          if (i == data->stage)
            baseline -= compact ? marker_size * 0.55 + 3
                                : _sihua_chart_line_height (painter, marker_size) + marker_size * 1.1 + 4;
          sihua_painter_set_color (painter, &palette->stage_text[i]);
          sihua_painter_draw_text (painter, x + w / 2, baseline, number, name_size, SIHUA_TEXT_ALIGN_CENTER);
        }
    }
}
