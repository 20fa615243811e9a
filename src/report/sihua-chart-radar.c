/* sihua-chart-radar.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include <math.h>

#include "sihua-chart-private.h"

#define PADDING 6.0
#define LABEL_GAP 0.5        /* between the outer ring and a label, in ems */
#define LABEL_SPACING 2.0    /* between two labels, in points */

typedef struct
{
  char   **lines;
  char    *value;
  double   width;
  double   height;
  double   value_width;
} LabelText;

static double
axis_angle (guint i,
            guint n)
{
  /* The first axis points up; the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * i / n;
}

static gboolean
boxes_overlap (const SihuaRadarLabel *a,
               const SihuaRadarLabel *b,
               double                 spacing)
{
  return a->x < b->x + b->width + spacing && b->x < a->x + a->width + spacing &&
         a->y < b->y + b->height + spacing && b->y < a->y + a->height + spacing;
}

/* The distance from (cx, cy) to the nearest point of the label's box. */
static double
box_distance (const SihuaRadarLabel *label,
              double                 cx,
              double                 cy)
{
  double dx = MAX (MAX (label->x - cx, 0), cx - (label->x + label->width));
  double dy = MAX (MAX (label->y - cy, 0), cy - (label->y + label->height));

  return sqrt (dx * dx + dy * dy);
}

/* Places every label at the end of its axis for @radius, then pushes
 * overlapping neighbours apart. Returns whether the result is
 * clean: inside the area, clear of the web and of each other. */
static gboolean
place_labels (SihuaRadarLayout *layout,
              const LabelText  *texts,
              double            radius,
              double            top,
              double            bottom,
              double            width)
{
  guint n = layout->n_labels;
  double gap = layout->font_size * LABEL_GAP;

  layout->radius = radius;
  for (guint i = 0; i < n; i++)
    {
      SihuaRadarLabel *label = &layout->labels[i];
      double angle = axis_angle (i, n);
      double c = cos (angle);
      double s = sin (angle);
      double fx = 0.5 - 0.5 * CLAMP (c * 3, -1, 1);
      double fy = 0.5 - 0.5 * CLAMP (s * 3, -1, 1);

      label->anchor_x = layout->center_x + radius * c;
      label->anchor_y = layout->center_y + radius * s;
      label->width = texts[i].width;
      label->height = texts[i].height;
      label->x = layout->center_x + (radius + gap) * c - label->width * fx;
      label->y = layout->center_y + (radius + gap) * s - label->height * fy;
      label->align = fx < 0.2 ? SIHUA_TEXT_ALIGN_LEFT :
                     fx > 0.8 ? SIHUA_TEXT_ALIGN_RIGHT : SIHUA_TEXT_ALIGN_CENTER;
      label->moved = FALSE;
    }

  for (guint pass = 0; pass < 60; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            SihuaRadarLabel *a = &layout->labels[i];
            SihuaRadarLabel *b = &layout->labels[j];
            SihuaRadarLabel *upper, *lower;
            double overlap_x, overlap_y;

            if (!boxes_overlap (a, b, LABEL_SPACING))
              continue;

            overlap_x = MIN (a->x + a->width, b->x + b->width) + LABEL_SPACING - MAX (a->x, b->x);
            overlap_y = MIN (a->y + a->height, b->y + b->height) + LABEL_SPACING - MAX (a->y, b->y);

            /* Whichever way is shorter: labels near the top and bottom
             * slide sideways, labels on the sides slide up and down; the
             * label farther from the centre gives way, so none is pushed
             * into the web. */
            if (overlap_x < overlap_y)
              {
                SihuaRadarLabel *left = a->x + a->width / 2 <= b->x + b->width / 2 ? a : b;
                SihuaRadarLabel *right = left == a ? b : a;
                double share = 0.5;

                if (left->x + left->width / 2 > layout->center_x)
                  share = 0;
                else if (right->x + right->width / 2 < layout->center_x)
                  share = 1;
                left->x -= overlap_x * share + 0.1;
                right->x += overlap_x * (1 - share) + 0.1;
              }
            else
              {
                double share = 0.5;

                upper = a->y + a->height / 2 <= b->y + b->height / 2 ? a : b;
                lower = upper == a ? b : a;
                if (upper->y + upper->height / 2 > layout->center_y)
                  share = 0;
                else if (lower->y + lower->height / 2 < layout->center_y)
                  share = 1;
                upper->y -= overlap_y * share + 0.1;
                lower->y += overlap_y * (1 - share) + 0.1;
              }
            a->moved = b->moved = TRUE;
            changed = TRUE;
          }

      for (guint i = 0; i < n; i++)
        {
          SihuaRadarLabel *label = &layout->labels[i];

          label->y = CLAMP (label->y, top, bottom - label->height);
          label->x = CLAMP (label->x, PADDING, width - PADDING - label->width);
        }

      if (!changed)
        break;
    }

  for (guint i = 0; i < n; i++)
    {
      const SihuaRadarLabel *label = &layout->labels[i];

      if (label->x < PADDING - 0.01 || label->x + label->width > width - PADDING + 0.01 ||
          label->y < top - 0.01 || label->y + label->height > bottom + 0.01)
        return FALSE;
      if (box_distance (label, layout->center_x, layout->center_y) < radius + 1)
        return FALSE;
      for (guint j = i + 1; j < n; j++)
        if (boxes_overlap (label, &layout->labels[j], 0))
          return FALSE;
    }

  return TRUE;
}

static void
label_texts_clear (LabelText *texts,
                   guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      g_clear_pointer (&texts[i].lines, g_strfreev);
      g_clear_pointer (&texts[i].value, g_free);
    }
}

static void
measure_labels (const SihuaChartData *data,
                SihuaPainter         *painter,
                double                size,
                double                max_width,
                guint                 max_lines,
                double                line_height,
                LabelText            *texts)
{
  for (guint i = 0; i < data->dimensions->len; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);
      double value_gap = size * 0.35;
      guint n_lines;

      texts[i].value = _sihua_chart_format_score (dimension->score);
      texts[i].value_width = sihua_painter_text_width (painter, texts[i].value, size) + value_gap;
      /* Lines leave room for the score, which follows the last one. */
      texts[i].lines = _sihua_chart_wrap (painter, sihua_chart_dimension_get_label (dimension, TRUE),
                                          size, MAX (max_width - texts[i].value_width, size * 4),
                                          max_lines);
      n_lines = g_strv_length (texts[i].lines);

      /* The score follows the last line; if it does not fit there, it
       * takes a line of its own rather than cutting the name ("Organizat…"),
       * and only a name wider than the whole label gives way. */
      if (n_lines > 0)
        {
          char *last = texts[i].lines[n_lines - 1];
          double room = MAX (max_width, size * 4);
          double available = room - texts[i].value_width;
          double last_width = sihua_painter_text_width (painter, last, size);

          if (last_width > available && last_width <= room)
            {
              char **lines = g_new0 (char *, n_lines + 2);

              for (guint l = 0; l < n_lines; l++)
                lines[l] = texts[i].lines[l];
              lines[n_lines] = g_strdup ("");
              g_free (texts[i].lines);
              texts[i].lines = lines;
              n_lines++;
            }
          else if (last_width > available)
            {
              texts[i].lines[n_lines - 1] = _sihua_chart_ellipsize (painter, last, size, available);
              g_free (last);
            }
        }

      texts[i].width = 0;
      for (guint l = 0; l < n_lines; l++)
        {
          double w = sihua_painter_text_width (painter, texts[i].lines[l], size);

          if (l == n_lines - 1)
            w += texts[i].value_width;
          texts[i].width = MAX (texts[i].width, w);
        }
      texts[i].height = MAX (n_lines, 1) * line_height;
    }
}

/**
 * sihua_radar_layout_new:
 *
 * Places the web and the axis labels of a radar chart: the largest web for
 * which every label fits inside the chart without touching another label
 * or the web, trying smaller type and single-line labels if needed.
 *
 * Returns: (transfer full): the layout
 */
SihuaRadarLayout *
sihua_radar_layout_new (const SihuaChartData *data,
                        SihuaPainter         *painter,
                        double                width,
                        double                height)
{
  static const double font_steps[] = { 1.0, 0.92, 0.85, 0.78, 0.72 };
  SihuaRadarLayout *layout;
  double base = sihua_chart_base_font_size (width, height);
  guint n;
  double top, bottom;
  g_autofree LabelText *texts = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (painter != NULL, NULL);

  n = data->dimensions->len;
  layout = g_new0 (SihuaRadarLayout, 1);
  layout->n_labels = n;
  layout->labels = g_new0 (SihuaRadarLabel, n);
  layout->font_size = base * 0.95;

  /* The legend takes the bottom row. */
  layout->line_height = _sihua_chart_line_height (painter, base);
  layout->legend_y = height - PADDING - layout->line_height * 0.3;
  top = PADDING;
  bottom = height - PADDING - layout->line_height * 1.8;
  layout->center_x = width / 2;
  layout->center_y = (top + bottom) / 2;
  texts = g_new0 (LabelText, MAX (n, 1));

  for (guint attempt = 0; attempt < G_N_ELEMENTS (font_steps) * 2; attempt++)
    {
      double size = base * 0.95 * font_steps[attempt / 2];
      guint max_lines = attempt % 2 == 0 ? 2 : 1;
      double max_width = width * (n > 12 ? 0.2 : 0.24);
      double line_height = _sihua_chart_line_height (painter, size);
      double r_max = MIN (width, bottom - top) / 2;
      gboolean last = attempt == G_N_ELEMENTS (font_steps) * 2 - 1;

      label_texts_clear (texts, n);
      measure_labels (data, painter, size, max_width, max_lines, line_height, texts);
      layout->font_size = size;
      layout->line_height = line_height;

      for (double radius = r_max; radius >= r_max * 0.3; radius -= r_max * 0.02)
        if (place_labels (layout, texts, radius, top, bottom, width))
          goto placed;

      if (last)
        place_labels (layout, texts, r_max * 0.3, top, bottom, width);
    }

placed:
  for (guint i = 0; i < n; i++)
    {
      layout->labels[i].lines = g_steal_pointer (&texts[i].lines);
      layout->labels[i].value = g_steal_pointer (&texts[i].value);
    }
  label_texts_clear (texts, n);

  return layout;
}

void
sihua_radar_layout_free (SihuaRadarLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->n_labels; i++)
    {
      g_strfreev (layout->labels[i].lines);
      g_free (layout->labels[i].value);
    }
  g_free (layout->labels);
  g_free (layout);
}

/*
 * Drawing
 */

static void
vertex (const SihuaRadarLayout *layout,
        guint                   i,
        double                  value,
        double                 *x,
        double                 *y)
{
  double angle = axis_angle (i, layout->n_labels);
  double r = layout->radius * CLAMP (value, 0, 100) / 100;

  *x = layout->center_x + r * cos (angle);
  *y = layout->center_y + r * sin (angle);
}

static double
dimension_value (const SihuaChartDimension *dimension,
                 SihuaSeries                series)
{
  switch (series)
    {
    case SIHUA_SERIES_CURRENT:
      return dimension->score;
    case SIHUA_SERIES_PREVIOUS:
      return dimension->previous;
    case SIHUA_SERIES_TARGET:
      return dimension->target;
    case SIHUA_N_SERIES:
    default:
      g_assert_not_reached ();
    }
}

/* The polygon through the series' scored values; unscored axes are left
 * out rather than drawn as zero. */
static gboolean
series_path (const SihuaChartContext *ctx,
             const SihuaRadarLayout  *layout,
             SihuaSeries              series)
{
  gboolean started = FALSE;

  for (guint i = 0; i < layout->n_labels; i++)
    {
      double value = dimension_value (g_ptr_array_index (ctx->data->dimensions, i), series);
      double x, y;

      if (isnan (value))
        continue;
      vertex (layout, i, value, &x, &y);
      if (started)
        sihua_painter_line_to (ctx->painter, x, y);
      else
        sihua_painter_move_to (ctx->painter, x, y);
      started = TRUE;
    }

  if (started)
    sihua_painter_close_path (ctx->painter);

  return started;
}

static void
draw_web (const SihuaChartContext *ctx,
          const SihuaRadarLayout  *layout)
{
  SihuaPainter *painter = ctx->painter;
  guint n = layout->n_labels;

  sihua_painter_set_line_width (painter, 0.75);
  for (int ring = 1; ring <= 4; ring++)
    {
      for (guint i = 0; i < n; i++)
        {
          double x, y;

          vertex (layout, i, ring * 25, &x, &y);
          if (i == 0)
            sihua_painter_move_to (painter, x, y);
          else
            sihua_painter_line_to (painter, x, y);
        }
      sihua_painter_close_path (painter);
      sihua_painter_set_color (painter, ring == 4 ? &ctx->palette->axis : &ctx->palette->grid);
      sihua_painter_stroke (painter, FALSE);
    }

  sihua_painter_set_color (painter, &ctx->palette->grid);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      vertex (layout, i, 100, &x, &y);
      sihua_painter_move_to (painter, layout->center_x, layout->center_y);
      sihua_painter_line_to (painter, x, y);
    }
  sihua_painter_stroke (painter, FALSE);

}

static void
draw_ring_values (const SihuaChartContext *ctx,
                  const SihuaRadarLayout  *layout)
{
  SihuaPainter *painter = ctx->painter;
  double size = layout->font_size * 0.8;

  /* Ring values beside the first axis, where no data label goes. */
  for (int ring = 1; ring <= 4; ring++)
    {
      g_autofree char *text = g_strdup_printf ("%d", ring * 25);
      double y = layout->center_y - layout->radius * ring / 4;

      SihuaColor halo = sihua_color_with_alpha (ctx->palette->background, 0.85);
      double w = sihua_painter_text_width (painter, text, size);

      /* A halo keeps the value readable where a series crosses it. */
      sihua_painter_set_color (painter, &halo);
      sihua_painter_rounded_rectangle (painter, layout->center_x + 1.5, y + 1, w + 3, size * 1.1, 2);
      sihua_painter_fill (painter, FALSE);
      sihua_painter_set_color (painter, &ctx->palette->secondary);
      sihua_painter_draw_text (painter, layout->center_x + 3, y + size * 0.95, text, size,
                               SIHUA_TEXT_ALIGN_LEFT);
    }
}

static void
draw_labels (const SihuaChartContext *ctx,
             const SihuaRadarLayout  *layout)
{
  SihuaPainter *painter = ctx->painter;
  double size = layout->font_size;
  double ascent = _sihua_chart_ascent (painter, size);
  double pad = (layout->line_height - layout->line_height / 1.05) / 2;

  for (guint i = 0; i < layout->n_labels; i++)
    {
      const SihuaRadarLabel *label = &layout->labels[i];
      const SihuaChartDimension *dimension = g_ptr_array_index (ctx->data->dimensions, i);
      guint n_lines = g_strv_length (label->lines);
      double value_width = sihua_painter_text_width (painter, label->value, size) + size * 0.35;

      if (label->moved)
        {
          /* A short leader from the axis to the label it was pushed from. */
          double tx = CLAMP (label->anchor_x, label->x, label->x + label->width);
          double ty = CLAMP (label->anchor_y, label->y, label->y + label->height);

          sihua_painter_set_color (painter, &ctx->palette->grid);
          sihua_painter_set_line_width (painter, 0.6);
          sihua_painter_move_to (painter, label->anchor_x, label->anchor_y);
          sihua_painter_line_to (painter, tx, ty);
          sihua_painter_stroke (painter, FALSE);
        }

      for (guint l = 0; l < n_lines; l++)
        {
          double baseline = label->y + pad + l * layout->line_height + ascent;
          double line_width = sihua_painter_text_width (painter, label->lines[l], size);
          double total = line_width + (l == n_lines - 1 ? value_width : 0);
          double x;

          if (label->align == SIHUA_TEXT_ALIGN_LEFT)
            x = label->x;
          else if (label->align == SIHUA_TEXT_ALIGN_RIGHT)
            x = label->x + label->width - total;
          else
            x = label->x + (label->width - total) / 2;

          sihua_painter_set_color (painter, &ctx->palette->foreground);
          sihua_painter_draw_text (painter, x, baseline, label->lines[l], size, SIHUA_TEXT_ALIGN_LEFT);

          if (l == n_lines - 1)
            {
              const SihuaColor *color = dimension->stage >= 0 ?
                                        &ctx->palette->stage_text[dimension->stage] :
                                        &ctx->palette->secondary;

              sihua_painter_set_color (painter, color);
              sihua_painter_draw_text (painter, x + line_width + size * 0.35, baseline,
                                       label->value, size, SIHUA_TEXT_ALIGN_LEFT);
            }
        }
    }
}

void
_sihua_chart_draw_radar (const SihuaChartContext *ctx)
{
  g_autoptr(SihuaRadarLayout) layout = NULL;
  SihuaPainter *painter = ctx->painter;
  const SihuaPalette *palette = ctx->palette;
  SihuaLegendItem legend[SIHUA_N_SERIES];
  guint n_legend = 0;
  double legend_size;

  if (ctx->data->dimensions->len == 0)
    {
      _sihua_chart_draw_message (ctx, sihua_chart_data_get_text (ctx->data, SIHUA_CHART_TEXT_NO_DATA));
      return;
    }

  layout = sihua_radar_layout_new (ctx->data, painter, ctx->width, ctx->height);
  draw_web (ctx, layout);

  if (sihua_chart_data_has_target (ctx->data) && series_path (ctx, layout, SIHUA_SERIES_TARGET))
    {
      sihua_palette_set_series_line (palette, painter, SIHUA_SERIES_TARGET);
      sihua_painter_stroke (painter, FALSE);
    }

  if (sihua_chart_data_has_previous (ctx->data) && series_path (ctx, layout, SIHUA_SERIES_PREVIOUS))
    {
      sihua_palette_set_series_line (palette, painter, SIHUA_SERIES_PREVIOUS);
      sihua_painter_stroke (painter, FALSE);
    }

  if (series_path (ctx, layout, SIHUA_SERIES_CURRENT))
    {
      SihuaColor fill = sihua_color_with_alpha (palette->series[SIHUA_SERIES_CURRENT], 0.16);

      sihua_painter_set_color (painter, &fill);
      sihua_painter_fill (painter, TRUE);
      sihua_palette_set_series_line (palette, painter, SIHUA_SERIES_CURRENT);
      sihua_painter_stroke (painter, FALSE);
    }

  /* Each score's dot in the colour of its stage. */
  for (guint i = 0; i < layout->n_labels; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (ctx->data->dimensions, i);
      double x, y;

      if (isnan (dimension->score) || dimension->stage < 0)
        continue;
      vertex (layout, i, dimension->score, &x, &y);
      sihua_painter_set_color (painter, &palette->background);
      sihua_painter_circle (painter, x, y, layout->font_size * 0.36);
      sihua_painter_fill (painter, FALSE);
      sihua_painter_set_color (painter, &palette->stage[dimension->stage]);
      sihua_painter_circle (painter, x, y, layout->font_size * 0.26);
      sihua_painter_fill (painter, FALSE);
    }

  draw_ring_values (ctx, layout);
  draw_labels (ctx, layout);

  legend[n_legend++] = (SihuaLegendItem) { SIHUA_SERIES_CURRENT,
    sihua_chart_data_get_text (ctx->data, SIHUA_CHART_TEXT_CURRENT) };
  if (sihua_chart_data_has_previous (ctx->data))
    legend[n_legend++] = (SihuaLegendItem) { SIHUA_SERIES_PREVIOUS,
      sihua_chart_data_get_text (ctx->data, SIHUA_CHART_TEXT_PREVIOUS) };
  if (sihua_chart_data_has_target (ctx->data))
    legend[n_legend++] = (SihuaLegendItem) { SIHUA_SERIES_TARGET,
      sihua_chart_data_get_text (ctx->data, SIHUA_CHART_TEXT_TARGET) };

  legend_size = MIN (ctx->font * 0.95, layout->font_size * 1.05);
  while (legend_size > 6 && _sihua_chart_legend_width (ctx, legend, n_legend, legend_size) > ctx->width - 12)
    legend_size -= 0.5;
  _sihua_chart_draw_legend (ctx, legend, n_legend, ctx->width / 2, layout->legend_y, legend_size);
}
