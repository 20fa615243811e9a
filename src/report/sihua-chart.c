/* sihua-chart.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sihua-cairo-painter.h"
#include "sihua-chart-private.h"
#include "sihua-line-breaks.h"
#include "sihua-number-format.h"

static const char * const kind_names[SIHUA_N_CHART_KINDS] = {
  "radar", "ladder", "bars", "heatmap", "trend", "matrix",
};

gboolean
sihua_chart_kind_from_string (const char     *name,
                              SihuaChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < SIHUA_N_CHART_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = (SihuaChartKind)i;
        return TRUE;
      }

  return FALSE;
}

const char *
sihua_chart_kind_to_string (SihuaChartKind kind)
{
  g_return_val_if_fail (kind < SIHUA_N_CHART_KINDS, NULL);

  return kind_names[kind];
}

/**
 * sihua_chart_describe:
 *
 * A sentence for screen readers, in the user interface's language.
 *
 * Returns: (transfer full): the description
 */
char *
sihua_chart_describe (SihuaChartKind        kind,
                      const SihuaChartData *data)
{
  g_autofree char *index = NULL;
  guint n;

  g_return_val_if_fail (data != NULL, NULL);

  n = data->dimensions->len;
  index = _sihua_chart_format_score (data->index);

  switch (kind)
    {
    case SIHUA_CHART_RADAR:
      return g_strdup_printf (ngettext ("Radar chart of %u dimension score",
                                        "Radar chart of %u dimension scores", n), n);
    case SIHUA_CHART_LADDER:
      if (data->stage < 0)
        return g_strdup (_("Stage ladder; the stage is not known yet"));
      return g_strdup_printf (_("Stage ladder: stage %d of 4, index %s"), data->stage, index);
    case SIHUA_CHART_BARS:
      return g_strdup_printf (ngettext ("Bar chart of %u dimension score",
                                        "Bar chart of %u dimension scores", n), n);
    case SIHUA_CHART_HEATMAP:
      return g_strdup_printf (ngettext ("Heat map of questions per level for %u dimension",
                                        "Heat map of questions per level for %u dimensions", n), n);
    case SIHUA_CHART_TREND:
      n = data->trend->len;
      return g_strdup_printf (ngettext ("Progress of the index over %u assessment",
                                        "Progress of the index over %u assessments", n), n);
    case SIHUA_CHART_MATRIX:
      n = data->measures->len;
      return g_strdup_printf (ngettext ("Priority matrix of %u measure: impact against effort",
                                        "Priority matrix of %u measures: impact against effort", n), n);
    case SIHUA_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sihua_chart_base_font_size:
 *
 * Labels grow with the chart, within limits that keep them readable both
 * in a 9 cm wide PDF figure and in a large PNG.
 */
double
sihua_chart_base_font_size (double width,
                            double height)
{
  return CLAMP (6.5 + MIN (width, height * 1.4) / 110.0, 8.5, 30.0);
}

/**
 * sihua_chart_draw:
 * @width: the chart's width in points
 * @height: the chart's height in points
 *
 * Draws one chart of @data, filling the rectangle (0, 0, @width, @height)
 * of @painter.
 */
void
sihua_chart_draw (SihuaChartKind        kind,
                  const SihuaChartData *data,
                  SihuaPainter         *painter,
                  const SihuaPalette   *palette,
                  double                width,
                  double                height,
                  SihuaChartFlags       flags)
{
  SihuaChartContext ctx = {
    .painter = painter,
    .palette = palette,
    .data = data,
    .width = width,
    .height = height,
    .font = sihua_chart_base_font_size (width, height),
  };

  g_return_if_fail (kind < SIHUA_N_CHART_KINDS);
  g_return_if_fail (data != NULL);
  g_return_if_fail (painter != NULL);
  g_return_if_fail (palette != NULL);

  if (width < 1 || height < 1)
    return;

  sihua_painter_save (painter);
  sihua_painter_clip_rectangle (painter, 0, 0, width, height);

  if (flags & SIHUA_CHART_FLAGS_BACKGROUND)
    {
      sihua_painter_set_color (painter, &palette->background);
      sihua_painter_rectangle (painter, 0, 0, width, height);
      sihua_painter_fill (painter, FALSE);
    }

  switch (kind)
    {
    case SIHUA_CHART_RADAR:
      _sihua_chart_draw_radar (&ctx);
      break;
    case SIHUA_CHART_LADDER:
      _sihua_chart_draw_ladder (&ctx);
      break;
    case SIHUA_CHART_BARS:
      _sihua_chart_draw_bars (&ctx);
      break;
    case SIHUA_CHART_HEATMAP:
      _sihua_chart_draw_heatmap (&ctx);
      break;
    case SIHUA_CHART_TREND:
      _sihua_chart_draw_trend (&ctx);
      break;
    case SIHUA_CHART_MATRIX:
      _sihua_chart_draw_matrix (&ctx);
      break;
    case SIHUA_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  sihua_painter_restore (painter);
}

typedef struct
{
  SihuaChartKind        kind;
  const SihuaChartData *data;
  const SihuaPalette   *palette;
} RenderJob;

static void
render_job_draw (SihuaPainter *painter,
                 double        width,
                 double        height,
                 gpointer      user_data)
{
  RenderJob *job = user_data;

  sihua_chart_draw (job->kind, job->data, painter, job->palette, width, height,
                    SIHUA_CHART_FLAGS_BACKGROUND);
}

/**
 * sihua_chart_render_png:
 *
 * Writes the chart as a PNG of exactly @width × @height pixels, on the
 * palette's background.
 */
gboolean
sihua_chart_render_png (SihuaChartKind         kind,
                        const SihuaChartData  *data,
                        SihuaPaletteVariant    variant,
                        int                    width,
                        int                    height,
                        const char            *filename,
                        GError               **error)
{
  RenderJob job = { kind, data, sihua_palette_get (variant) };

  g_return_val_if_fail (kind < SIHUA_N_CHART_KINDS, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  return sihua_cairo_render_png (width, height, render_job_draw, &job, filename, error);
}

/*
 * Text helpers shared by the charts
 */

/* Cuts @text at a character so that it and "…" fit in @max_width. */
char *
_sihua_chart_ellipsize (SihuaPainter *painter,
                        const char   *text,
                        double        size,
                        double        max_width)
{
  const char *end;
  gboolean ascii = TRUE;

  if (sihua_painter_text_width (painter, text, size) <= max_width)
    return g_strdup (text);

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80)
      ascii = FALSE;

  end = text + strlen (text);
  while ((end = g_utf8_find_prev_char (text, end)) != NULL)
    {
      g_autoptr(GString) cut = g_string_new_len (text, end - text);

      while (cut->len > 0 && g_ascii_isspace (cut->str[cut->len - 1]))
        g_string_truncate (cut, cut->len - 1);
      /* Chinese fonts centre "…" like 省略号; Latin text gets dots. */
      g_string_append (cut, ascii ? "..." : "…");
      if (sihua_painter_text_width (painter, cut->str, size) <= max_width)
        return g_string_free (g_steal_pointer (&cut), FALSE);
    }

  return g_strdup (ascii ? "..." : "…");
}

static char *
strip_line (const char *start,
            const char *end)
{
  char *line = g_strndup (start, end - start);

  return g_strstrip (line);
}

/* Breaks @text into at most @max_lines lines no wider than @max_width,
 * where sihua_line_breaks_find() allows (the PDF's paragraphs follow the same
 * rule); the last line is ellipsized if text is left. */
char **
_sihua_chart_wrap (SihuaPainter *painter,
                   const char   *text,
                   double        size,
                   double        max_width,
                   guint         max_lines)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree SihuaLineBreak *breaks = NULL;
  guint n_chars;
  const char *line_start = text;
  guint line_start_char = 0;

  breaks = sihua_line_breaks_find (text, strlen (text), &n_chars);

  /* Two lines of about equal width read better than a full line and an
   * orphan ("采购与仓储物" / "流"): try the balanced split first. */
  if (max_lines >= 2 && sihua_painter_text_width (painter, text, size) > max_width)
    {
      const char *p = text;
      const char *best = NULL;
      double best_width = G_MAXDOUBLE;

      for (guint i = 1; i < n_chars; i++)
        {
          p = g_utf8_next_char (p);
          if (breaks[i] != SIHUA_LINE_BREAK_NONE)
            {
              g_autofree char *first = strip_line (text, p);
              g_autofree char *second = strip_line (p, p + strlen (p));
              double w = MAX (sihua_painter_text_width (painter, first, size),
                              sihua_painter_text_width (painter, second, size));

              if (w <= max_width && w < best_width && *first != '\0' && *second != '\0')
                {
                  best = p;
                  best_width = w;
                }
            }
        }

      if (best != NULL)
        {
          g_ptr_array_add (lines, strip_line (text, best));
          g_ptr_array_add (lines, strip_line (best, best + strlen (best)));
          g_ptr_array_add (lines, NULL);
          return (char **)g_ptr_array_free (g_steal_pointer (&lines), FALSE);
        }
    }

  while (*line_start != '\0' && lines->len < max_lines)
    {
      const char *best_end = NULL;
      guint best_char = 0;
      const char *p = line_start;

      if (lines->len == max_lines - 1 ||
          sihua_painter_text_width (painter, line_start, size) <= max_width)
        {
          g_autofree char *rest = strip_line (line_start, line_start + strlen (line_start));

          g_ptr_array_add (lines, _sihua_chart_ellipsize (painter, rest, size, max_width));
          line_start += strlen (line_start);
          break;
        }

      /* The longest prefix that ends at a break opportunity and fits. */
      for (guint i = line_start_char + 1; i <= n_chars; i++)
        {
          g_autofree char *candidate = NULL;

          p = g_utf8_next_char (p);
          if (breaks[i] == SIHUA_LINE_BREAK_NONE)
            continue;
          candidate = strip_line (line_start, p);
          if (sihua_painter_text_width (painter, candidate, size) > max_width)
            break;
          best_end = p;
          best_char = i;
        }

      if (best_end == NULL)
        {
          /* One word wider than the line: keep it whole ("Organizatio" /
           * "n" reads as a misprint); the layouts measure the lines they
           * get, so a wide word makes them shrink the chart instead. */
          p = line_start;
          for (guint i = line_start_char + 1; i <= n_chars; i++)
            {
              p = g_utf8_next_char (p);
              if (breaks[i] != SIHUA_LINE_BREAK_NONE)
                {
                  best_end = p;
                  best_char = i;
                  break;
                }
            }
        }

      if (best_end == NULL)
        break;
      g_ptr_array_add (lines, strip_line (line_start, best_end));
      line_start = best_end;
      line_start_char = best_char;
      while (*line_start == ' ')
        {
          line_start++;
          line_start_char++;
        }
    }

  g_ptr_array_add (lines, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

double
_sihua_chart_line_height (SihuaPainter *painter,
                          double        size)
{
  SihuaTextExtents extents;

  sihua_painter_measure_text (painter, "Hg国", size, &extents);

  return (extents.ascent + extents.descent) * 1.05;
}

double
_sihua_chart_ascent (SihuaPainter *painter,
                     double        size)
{
  SihuaTextExtents extents;

  sihua_painter_measure_text (painter, "Hg国", size, &extents);

  return extents.ascent;
}

char *
_sihua_chart_format_score (double score)
{
  if (isnan (score))
    return g_strdup ("—");

  return g_strdup_printf ("%.0f", score);
}

char *
_sihua_chart_format_index (double index)
{
  return sihua_number_format_score (index);
}

/*
 * Legend and markers
 */

#define LEGEND_SAMPLE 22.0
#define LEGEND_GAP 6.0
#define LEGEND_SPACING 20.0

void
_sihua_chart_draw_marker (SihuaPainter *painter,
                          SihuaSeries   series,
                          double        x,
                          double        y,
                          double        size)
{
  double r = size / 2;

  sihua_painter_set_dash (painter, NULL, 0);
  switch (series)
    {
    case SIHUA_SERIES_CURRENT:
      sihua_painter_circle (painter, x, y, r);
      sihua_painter_fill (painter, FALSE);
      break;
    case SIHUA_SERIES_PREVIOUS:
      sihua_painter_rectangle (painter, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      sihua_painter_fill (painter, FALSE);
      break;
    case SIHUA_SERIES_TARGET:
      sihua_painter_move_to (painter, x, y - r * 1.2);
      sihua_painter_line_to (painter, x + r * 1.2, y);
      sihua_painter_line_to (painter, x, y + r * 1.2);
      sihua_painter_line_to (painter, x - r * 1.2, y);
      sihua_painter_close_path (painter);
      sihua_painter_fill (painter, FALSE);
      break;
    case SIHUA_N_SERIES:
    default:
      g_assert_not_reached ();
    }
}

double
_sihua_chart_legend_width (const SihuaChartContext *ctx,
                           const SihuaLegendItem   *items,
                           guint                    n_items,
                           double                   size)
{
  double width = 0;
  double scale = size / 10.0;

  for (guint i = 0; i < n_items; i++)
    {
      width += (LEGEND_SAMPLE + LEGEND_GAP) * scale;
      width += sihua_painter_text_width (ctx->painter, items[i].label, size);
      if (i + 1 < n_items)
        width += LEGEND_SPACING * scale;
    }

  return width;
}

/* One centred row: a line sample with the series' marker, then its name. */
void
_sihua_chart_draw_legend (const SihuaChartContext *ctx,
                          const SihuaLegendItem   *items,
                          guint                    n_items,
                          double                   center_x,
                          double                   baseline,
                          double                   size)
{
  SihuaPainter *painter = ctx->painter;
  double scale = size / 10.0;
  double x = center_x - _sihua_chart_legend_width (ctx, items, n_items, size) / 2;
  double mid = baseline - _sihua_chart_ascent (painter, size) * 0.38;

  for (guint i = 0; i < n_items; i++)
    {
      sihua_painter_save (painter);
      sihua_palette_set_series_line (ctx->palette, painter, items[i].series);
      if (!items[i].marker_only)
        {
          sihua_painter_move_to (painter, x, mid);
          sihua_painter_line_to (painter, x + LEGEND_SAMPLE * scale, mid);
          sihua_painter_stroke (painter, FALSE);
        }
      _sihua_chart_draw_marker (painter, items[i].series, x + LEGEND_SAMPLE * scale / 2, mid,
                                (items[i].marker_only ? 7 : 5) * scale);
      sihua_painter_restore (painter);

      x += (LEGEND_SAMPLE + LEGEND_GAP) * scale;
      sihua_painter_set_color (painter, &ctx->palette->foreground);
      sihua_painter_draw_text (painter, x, baseline, items[i].label, size, SIHUA_TEXT_ALIGN_LEFT);
      x += sihua_painter_text_width (painter, items[i].label, size) + LEGEND_SPACING * scale;
    }
}

void
_sihua_chart_draw_message (const SihuaChartContext *ctx,
                           const char              *message)
{
  g_autofree char *text = _sihua_chart_ellipsize (ctx->painter, message, ctx->font, ctx->width - 20);

  sihua_painter_set_color (ctx->painter, &ctx->palette->secondary);
  sihua_painter_draw_text (ctx->painter, ctx->width / 2, ctx->height / 2, text, ctx->font,
                           SIHUA_TEXT_ALIGN_CENTER);
}
