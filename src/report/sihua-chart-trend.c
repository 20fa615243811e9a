/* sihua-chart-trend.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sihua-chart-private.h"

#define PADDING 8.0

static double
day_number (const char *date)
{
  int year = 0, month = 0, day = 0;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NAN;

  {
    g_autoptr(GDate) d = g_date_new_dmy (day, month, year);

    return g_date_get_julian (d);
  }
}

void
_sihua_chart_draw_trend (const SihuaChartContext *ctx)
{
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  const SihuaChartData *data = ctx->data;
  GPtrArray *points = data->trend;
  guint n = points->len;
  double size = ctx->font * 0.95;
  double small = size * 0.9;
  double axis_width = sihua_painter_text_width (painter, "100", small) + 6;
  double band_label_width = 0;
  double left, right, top, bottom, first_day = NAN, last_day = NAN;
  g_autofree double *xs = NULL;
  double last_label_end = -G_MAXDOUBLE;
  gboolean same_month = FALSE;

  if (n == 0)
    {
      _sihua_chart_draw_message (ctx, sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_NO_DATA));
      return;
    }

  for (int band = 0; band < 4; band++)
    band_label_width = MAX (band_label_width,
                            sihua_painter_text_width (painter,
                                                      sihua_chart_data_get_level_name (data, _SIHUA_CHART_BAND_STAGE (band)),
                                                      small));
  band_label_width = MIN (band_label_width, ctx->width * 0.25);

  left = PADDING + axis_width;
  right = ctx->width - PADDING - band_label_width - 8;
  top = PADDING + _sihua_chart_line_height (painter, small) * 0.6;
  bottom = ctx->height - PADDING - _sihua_chart_line_height (painter, small) - 6;

  /* Stage bands behind the line, named on the right. */
  for (int band = 0; band < 4; band++)
    {
      int stage = _SIHUA_CHART_BAND_STAGE (band);
      double y0 = bottom - (bottom - top) * (band + 1) / 4;
      double y1 = bottom - (bottom - top) * band / 4;
      SihuaColor tint = sihua_color_with_alpha (palette->stage[stage], 0.10);
      g_autofree char *name = _sihua_chart_ellipsize (painter, sihua_chart_data_get_level_name (data, stage),
                                                      small, band_label_width);

      sihua_painter_set_color (painter, &tint);
      sihua_painter_rectangle (painter, left, y0, right - left, y1 - y0);
      sihua_painter_fill (painter, FALSE);
      sihua_painter_set_color (painter, &palette->stage_text[stage]);
      sihua_painter_draw_text (painter, right + 6, (y0 + y1) / 2 + _sihua_chart_ascent (painter, small) * 0.42,
                               name, small, SIHUA_TEXT_ALIGN_LEFT);
    }

  /* The value axis: gridlines on the stage thresholds. */
  for (int value = 0; value <= 100; value += 25)
    {
      g_autofree char *text = g_strdup_printf ("%d", value);
      double y = bottom - (bottom - top) * value / 100;

      sihua_painter_set_color (painter, value == 0 ? &palette->axis : &palette->grid);
      sihua_painter_set_line_width (painter, value == 0 ? 1 : 0.75);
      sihua_painter_move_to (painter, left, y);
      sihua_painter_line_to (painter, right, y);
      sihua_painter_stroke (painter, FALSE);
      sihua_painter_set_color (painter, &palette->secondary);
      sihua_painter_draw_text (painter, left - 5, y + _sihua_chart_ascent (painter, small) * 0.42, text, small,
                               SIHUA_TEXT_ALIGN_RIGHT);
    }

  /* Year and month name a point, unless two points share a month. */
  for (guint i = 1; i < n; i++)
    if (strncmp (((SihuaChartPoint *)g_ptr_array_index (points, i - 1))->date,
                 ((SihuaChartPoint *)g_ptr_array_index (points, i))->date, 7) == 0)
      same_month = TRUE;

  /* Time runs to scale; a lone assessment sits in the middle. */
  xs = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      double day = day_number (((SihuaChartPoint *)g_ptr_array_index (points, i))->date);

      if (isnan (day))
        continue;
      first_day = isnan (first_day) ? day : MIN (first_day, day);
      last_day = isnan (last_day) ? day : MAX (last_day, day);
    }
  for (guint i = 0; i < n; i++)
    {
      double day = day_number (((SihuaChartPoint *)g_ptr_array_index (points, i))->date);
      double inset = MIN (size * 3.5, (right - left) / 4);

      if (n == 1 || isnan (day) || last_day - first_day < 1)
        xs[i] = n == 1 ? (left + right) / 2 : left + inset + (right - left - 2 * inset) * i / (n - 1);
      else
        xs[i] = left + inset + (right - left - 2 * inset) * (day - first_day) / (last_day - first_day);
    }

  if (!isnan (data->target_index))
    {
      double y = bottom - (bottom - top) * data->target_index / 100;
      g_autofree char *index = _sihua_chart_format_index (data->target_index);
      g_autofree char *text = g_strdup_printf ("%s %s", sihua_chart_data_get_text (data, SIHUA_CHART_TEXT_TARGET), index);

      sihua_palette_set_series_line (palette, painter, SIHUA_SERIES_TARGET);
      sihua_painter_move_to (painter, left, y);
      sihua_painter_line_to (painter, right, y);
      sihua_painter_stroke (painter, FALSE);
      sihua_painter_set_dash (painter, NULL, 0);
      sihua_painter_draw_text (painter, left + 4, y - small * 0.35, text, small, SIHUA_TEXT_ALIGN_LEFT);
    }

  sihua_palette_set_series_line (palette, painter, SIHUA_SERIES_CURRENT);
  for (guint i = 0; i < n; i++)
    {
      const SihuaChartPoint *point = g_ptr_array_index (points, i);
      double y = bottom - (bottom - top) * CLAMP (point->index, 0, 100) / 100;

      if (i == 0)
        sihua_painter_move_to (painter, xs[i], y);
      else
        sihua_painter_line_to (painter, xs[i], y);
    }
  if (n > 1)
    sihua_painter_stroke (painter, FALSE);

  for (guint i = 0; i < n; i++)
    {
      const SihuaChartPoint *point = g_ptr_array_index (points, i);
      double y = bottom - (bottom - top) * CLAMP (point->index, 0, 100) / 100;
      g_autofree char *value = _sihua_chart_format_index (point->index);
      g_autofree char *date = g_strndup (point->date, same_month ? 10 : 7);
      double date_width = sihua_painter_text_width (painter, date, small);
      double label_y = y - size * 0.9;

      sihua_painter_set_color (painter, &palette->background);
      sihua_painter_circle (painter, xs[i], y, size * 0.5);
      sihua_painter_fill (painter, FALSE);
      sihua_painter_set_color (painter, &palette->stage[CLAMP (point->stage, 0, 4)]);
      sihua_painter_circle (painter, xs[i], y, size * 0.36);
      sihua_painter_fill (painter, FALSE);

      /* Values above their points, or below when the top is near. */
      if (label_y - _sihua_chart_ascent (painter, size) < top)
        label_y = y + size * 0.9 + _sihua_chart_ascent (painter, size);
      sihua_painter_set_color (painter, &palette->foreground);
      sihua_painter_draw_text (painter, xs[i], label_y, value, size, SIHUA_TEXT_ALIGN_CENTER);

      /* Dates (year and month) under the axis, skipping any that would
       * run into the one before. */
      if (xs[i] - date_width / 2 > last_label_end + 6 && xs[i] + date_width / 2 <= ctx->width - PADDING)
        {
          sihua_painter_set_color (painter, &palette->secondary);
          sihua_painter_draw_text (painter, xs[i], bottom + 6 + _sihua_chart_ascent (painter, small), date, small,
                                   SIHUA_TEXT_ALIGN_CENTER);
          last_label_end = xs[i] + date_width / 2;
        }
    }
}
