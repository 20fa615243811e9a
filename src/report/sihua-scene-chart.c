/* sihua-scene-chart.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart"

#include "config.h"

#include "sihua-chart-private.h"
#include "sihua-scene-chart.h"

#define PADDING 8.0
#define STAR "★"

static void
scene_clear (gpointer data)
{
  SihuaSceneChartScene *scene = data;

  g_free (scene->label);
}

SihuaSceneChart *
sihua_scene_chart_new (guint n_levels)
{
  SihuaSceneChart *chart = g_new0 (SihuaSceneChart, 1);

  g_return_val_if_fail (n_levels >= 2 && n_levels <= SIHUA_N_STAGES, NULL);

  chart->scenes = g_array_new (FALSE, TRUE, sizeof (SihuaSceneChartScene));
  g_array_set_clear_func (chart->scenes, scene_clear);
  chart->n_levels = n_levels;
  for (guint i = 0; i < SIHUA_N_STAGES; i++)
    {
      chart->levels[i].need_scenes = -1;
      chart->levels[i].need_constraint = -1;
    }

  return chart;
}

void
sihua_scene_chart_free (SihuaSceneChart *chart)
{
  if (chart == NULL)
    return;

  g_array_unref (chart->scenes);
  for (guint i = 0; i < SIHUA_N_STAGES; i++)
    g_free (chart->levels[i].name);
  g_free (chart->constraint_legend);
  g_free (chart->need_caption);
  g_free (chart->have_caption);
  g_free (chart->not_rated);
  g_free (chart);
}

void
sihua_scene_chart_add_scene (SihuaSceneChart *chart,
                             const char      *label,
                             int              level,
                             gboolean         constraint)
{
  SihuaSceneChartScene scene = { g_strdup (label), level, constraint };

  g_return_if_fail (chart != NULL);

  g_array_append_val (chart->scenes, scene);
}

static const char *
level_name (const SihuaSceneChart *chart,
            int                    level)
{
  if (level < 0 || level >= (int) chart->n_levels || chart->levels[level].name == NULL)
    return "";

  return chart->levels[level].name;
}

/**
 * sihua_scene_chart_describe:
 *
 * The chart in words, for screen readers: one line per scene with its
 * level, the constraint scenes starred.
 */
char *
sihua_scene_chart_describe (const SihuaSceneChart *chart)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (chart != NULL, NULL);

  for (guint i = 0; i < chart->scenes->len; i++)
    {
      const SihuaSceneChartScene *scene = &g_array_index (chart->scenes, SihuaSceneChartScene, i);

      g_string_append_printf (text, "%s%s%s: %s\n",
                              scene->constraint ? STAR : "", scene->constraint ? " " : "",
                              scene->label,
                              scene->level >= 0 ? level_name (chart, scene->level)
                                                : (chart->not_rated ? chart->not_rated : "—"));
    }

  if (text->len > 0)
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

static gboolean
level_met (const SihuaSceneChartLevel *level)
{
  return level->have_scenes >= MAX (level->need_scenes, 0) &&
         level->have_constraint >= MAX (level->need_constraint, 0);
}

/* Level names over their bands, the dashed lines where levels begin. */
static void
draw_levels (const SihuaSceneChart *chart,
             SihuaPainter          *painter,
             const SihuaPalette    *palette,
             double                 plot_left,
             double                 plot_width,
             double                 top,
             double                 bottom,
             double                 size)
{
  guint top_level = chart->n_levels - 1;
  double band = plot_width / top_level;
  double baseline = top + _sihua_chart_ascent (painter, size);
  double strip_y = top + _sihua_chart_line_height (painter, size) + 2;

  for (guint level = 1; level <= top_level; level++)
    {
      double x = plot_left + (level - 1) * band;
      g_autofree char *name = _sihua_chart_ellipsize (painter, level_name (chart, level), size, band - 4);

      sihua_painter_set_color (painter, &palette->stage_text[MIN (level, SIHUA_N_STAGES - 1)]);
      sihua_painter_draw_text (painter, x + band / 2, baseline, name, size, SIHUA_TEXT_ALIGN_CENTER);
      sihua_palette_fill_stage (palette, painter, MIN (level, SIHUA_N_STAGES - 1), x + 1, strip_y,
                                band - 2, 4, 0);
    }

  /* A bar that reaches a line has reached that line's level. */
  sihua_painter_set_color (painter, &palette->axis);
  sihua_painter_set_line_width (painter, 0.75);
  sihua_painter_set_dash (painter, (const double[]) { 3, 3 }, 2);
  for (guint level = 1; level <= top_level; level++)
    {
      double x = plot_left + level * band;

      sihua_painter_move_to (painter, x, strip_y + 6);
      sihua_painter_line_to (painter, x, bottom);
    }
  sihua_painter_stroke (painter, FALSE);
  sihua_painter_set_dash (painter, NULL, 0);

  sihua_painter_move_to (painter, plot_left, strip_y + 6);
  sihua_painter_line_to (painter, plot_left, bottom);
  sihua_painter_stroke (painter, FALSE);
}

/* Under each level's band: what the overall level needs ("≥6 · ★≥3") and
 * what the scenes give ("7 · ★2"), the latter in the target colour while
 * short of it. */
static void
draw_thresholds (const SihuaSceneChart *chart,
                 SihuaPainter          *painter,
                 const SihuaPalette    *palette,
                 double                 label_right,
                 double                 plot_left,
                 double                 plot_width,
                 double                 top,
                 double                 size)
{
  guint top_level = chart->n_levels - 1;
  double band = plot_width / top_level;
  double line = _sihua_chart_line_height (painter, size);
  double need_baseline = top + _sihua_chart_ascent (painter, size);
  double have_baseline = need_baseline + line;

  sihua_painter_set_color (painter, &palette->secondary);
  if (chart->need_caption != NULL)
    sihua_painter_draw_text (painter, label_right, need_baseline, chart->need_caption, size,
                             SIHUA_TEXT_ALIGN_RIGHT);
  if (chart->have_caption != NULL)
    sihua_painter_draw_text (painter, label_right, have_baseline, chart->have_caption, size,
                             SIHUA_TEXT_ALIGN_RIGHT);

  for (guint l = 1; l <= top_level; l++)
    {
      const SihuaSceneChartLevel *level = &chart->levels[l];
      double center = plot_left + (l - 0.5) * band;
      g_autofree char *need = NULL;
      g_autofree char *have = NULL;
      g_autofree char *need_fit = NULL;
      g_autofree char *have_fit = NULL;

      if (level->need_scenes < 0 && level->need_constraint < 0)
        need = g_strdup ("—");
      else if (level->need_constraint < 0)
        need = g_strdup_printf ("≥%d", level->need_scenes);
      else
        need = g_strdup_printf ("≥%d · " STAR "≥%d", MAX (level->need_scenes, 0), level->need_constraint);
      have = g_strdup_printf ("%d · " STAR "%d", level->have_scenes, level->have_constraint);
      need_fit = _sihua_chart_ellipsize (painter, need, size, band - 4);
      have_fit = _sihua_chart_ellipsize (painter, have, size, band - 4);

      sihua_painter_set_color (painter, &palette->secondary);
      sihua_painter_draw_text (painter, center, need_baseline, need_fit, size, SIHUA_TEXT_ALIGN_CENTER);
      sihua_painter_set_color (painter, level_met (level) ? &palette->foreground
                                                           : &palette->series[SIHUA_SERIES_TARGET]);
      sihua_painter_draw_text (painter, center, have_baseline, have_fit, size, SIHUA_TEXT_ALIGN_CENTER);
    }
}

/**
 * sihua_scene_chart_draw:
 * @width: the chart's width in points
 * @height: the chart's height in points
 *
 * Draws @chart, filling the rectangle (0, 0, @width, @height) of @painter.
 */
void
sihua_scene_chart_draw (const SihuaSceneChart *chart,
                        SihuaPainter          *painter,
                        const SihuaPalette    *palette,
                        double                 width,
                        double                 height)
{
  guint n;
  guint top_level;
  double font, size, header_height, footer_height, legend_height;
  double top, bottom, row_height, label_width = 0, star_width, plot_left, plot_width;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (painter != NULL);
  g_return_if_fail (palette != NULL);

  n = chart->scenes->len;
  top_level = chart->n_levels - 1;
  if (n == 0 || width < 1 || height < 1)
    return;

  sihua_painter_save (painter);
  sihua_painter_clip_rectangle (painter, 0, 0, width, height);

  /* Rows share the height; type shrinks with them, down to a floor. */
  font = sihua_chart_base_font_size (width, height);
  size = font * 0.9;
  header_height = _sihua_chart_line_height (painter, size) + 12;
  footer_height = _sihua_chart_line_height (painter, size * 0.9) * 2 + 8;
  legend_height = chart->constraint_legend != NULL ? _sihua_chart_line_height (painter, size * 0.9) + 4 : 0;
  top = PADDING + header_height;
  bottom = height - PADDING - footer_height - legend_height;
  row_height = (bottom - top) / n;
  size = MIN (size, MAX (row_height * 0.7, 6.0));

  star_width = sihua_painter_text_width (painter, STAR " ", size);
  for (guint i = 0; i < n; i++)
    {
      const SihuaSceneChartScene *scene = &g_array_index (chart->scenes, SihuaSceneChartScene, i);

      label_width = MAX (label_width, sihua_painter_text_width (painter, scene->label, size));
    }
  if (chart->need_caption != NULL)
    label_width = MAX (label_width, sihua_painter_text_width (painter, chart->need_caption, size * 0.9) - star_width);
  if (chart->have_caption != NULL)
    label_width = MAX (label_width, sihua_painter_text_width (painter, chart->have_caption, size * 0.9) - star_width);
  label_width = MIN (label_width, width * 0.3);
  plot_left = PADDING + star_width + label_width + size * 0.8;
  plot_width = width - PADDING - plot_left;

  draw_levels (chart, painter, palette, plot_left, plot_width, PADDING, bottom,
               MIN (font * 0.9, plot_width / top_level / 3.2));

  for (guint i = 0; i < n; i++)
    {
      const SihuaSceneChartScene *scene = &g_array_index (chart->scenes, SihuaSceneChartScene, i);
      double mid = top + (i + 0.5) * row_height;
      double bar_height = MIN (row_height * 0.62, size * 1.5);
      double baseline = mid + _sihua_chart_ascent (painter, size) * 0.42;
      g_autofree char *label = _sihua_chart_ellipsize (painter, scene->label, size, label_width);
      int level = MIN (scene->level, (int) top_level);

      if (scene->constraint)
        {
          sihua_painter_set_color (painter, &palette->series[SIHUA_SERIES_TARGET]);
          sihua_painter_draw_text (painter, PADDING, baseline, STAR, size, SIHUA_TEXT_ALIGN_LEFT);
        }
      sihua_painter_set_color (painter, &palette->foreground);
      sihua_painter_draw_text (painter, plot_left - size * 0.8, baseline, label, size, SIHUA_TEXT_ALIGN_RIGHT);

      if (level < 0)
        {
          sihua_painter_set_color (painter, &palette->secondary);
          sihua_painter_draw_text (painter, plot_left + size * 0.5, baseline,
                                   chart->not_rated != NULL ? chart->not_rated : "—",
                                   size, SIHUA_TEXT_ALIGN_LEFT);
          continue;
        }

      if (level == 0)
        {
          /* Not even the first level: a sliver, so the row is not read as empty. */
          sihua_palette_fill_stage (palette, painter, 0, plot_left, mid - bar_height / 2,
                                    2, bar_height, 0);
          continue;
        }

      sihua_palette_fill_stage (palette, painter, MIN (level, SIHUA_N_STAGES - 1), plot_left,
                                mid - bar_height / 2, plot_width * level / top_level - 1, bar_height,
                                MIN (2, bar_height / 4));
    }

  draw_thresholds (chart, painter, palette, plot_left - size * 0.8, plot_left, plot_width, bottom + 6,
                   size * 0.9);

  if (chart->constraint_legend != NULL)
    {
      sihua_painter_set_color (painter, &palette->secondary);
      sihua_painter_draw_text (painter, PADDING, height - PADDING - _sihua_chart_line_height (painter, size * 0.9) * 0.25,
                               chart->constraint_legend, size * 0.9, SIHUA_TEXT_ALIGN_LEFT);
    }

  sihua_painter_restore (painter);
}
