/* sihua-palette.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-palette"

#include "config.h"

#include <math.h>

#include "sihua-palette.h"

/* The Okabe–Ito colours of the five stages; resources/style.css defines the
 * same values as @stage_N_color, keep the two in step. */
static const char * const stage_hex[SIHUA_N_STAGES] = {
  "#8c8c8c", "#0072b2", "#009e73", "#e69f00", "#cc79a7",
};

/* Stage colours as text on white need more contrast than as fills; these
 * are the same hues darkened (the app's CSS uses the same for labels). */
static const char * const stage_text_light_hex[SIHUA_N_STAGES] = {
  "#6b6b6b", "#0072b2", "#007a59", "#b57a00", "#a8568a",
};

static const char * const stage_text_dark_hex[SIHUA_N_STAGES] = {
  "#b0b0b0", "#56b4e9", "#2fc79b", "#f0b030", "#e19ac3",
};

static SihuaPalette palettes[2];

static void
init_palette (SihuaPalette *p,
              gboolean      dark)
{
  for (int i = 0; i < SIHUA_N_STAGES; i++)
    {
      p->stage[i] = sihua_color_from_hex (stage_hex[i]);
      p->stage_text[i] = sihua_color_from_hex (dark ? stage_text_dark_hex[i] : stage_text_light_hex[i]);
      /* White only on the dark blue; the others are light enough that near
       * black reads better (contrast ≥ 4.5 either way). */
      p->stage_ink[i] = sihua_color_from_hex (i == 1 ? "#ffffff" : "#1a1a1a");
    }

  /* Lightness in grey: 0 ≈ 2 ≈ 4, so those three carry a hatch. */
  p->stage_hatch[0] = SIHUA_HATCH_DOTS;
  p->stage_hatch[1] = SIHUA_HATCH_NONE;
  p->stage_hatch[2] = SIHUA_HATCH_DIAGONAL;
  p->stage_hatch[3] = SIHUA_HATCH_NONE;
  p->stage_hatch[4] = SIHUA_HATCH_CROSS;
  p->hatch_ink = sihua_color_with_alpha (sihua_color_from_hex ("#ffffff"), 0.55);

  if (dark)
    {
      p->background = sihua_color_from_hex ("#242424");
      p->foreground = sihua_color_from_hex ("#f0f0f0");
      p->secondary = sihua_color_from_hex ("#b8b8b8");
      p->grid = sihua_color_from_hex ("#4a4a4a");
      p->axis = sihua_color_from_hex ("#8a8a8a");
      p->empty = sihua_color_from_hex ("#333333");
      p->series[SIHUA_SERIES_CURRENT] = sihua_color_from_hex ("#56b4e9");
      p->series[SIHUA_SERIES_PREVIOUS] = sihua_color_from_hex ("#bdbdbd");
      p->series[SIHUA_SERIES_TARGET] = sihua_color_from_hex ("#f08a4b");
    }
  else
    {
      p->background = sihua_color_from_hex ("#ffffff");
      p->foreground = sihua_color_from_hex ("#1f1f1f");
      p->secondary = sihua_color_from_hex ("#5c5c5c");
      p->grid = sihua_color_from_hex ("#dcdcdc");
      p->axis = sihua_color_from_hex ("#9a9a9a");
      p->empty = sihua_color_from_hex ("#f2f2f2");
      p->series[SIHUA_SERIES_CURRENT] = sihua_color_from_hex ("#0072b2");
      p->series[SIHUA_SERIES_PREVIOUS] = sihua_color_from_hex ("#555555");
      p->series[SIHUA_SERIES_TARGET] = sihua_color_from_hex ("#d55e00");
    }

  /* Current is solid and thick, previous dashed, target finely dotted: the
   * three stay apart without colour. */
  p->series_dash[SIHUA_SERIES_CURRENT][0] = 0;
  p->series_dash[SIHUA_SERIES_CURRENT][1] = 0;
  p->series_dash[SIHUA_SERIES_PREVIOUS][0] = 5;
  p->series_dash[SIHUA_SERIES_PREVIOUS][1] = 3;
  p->series_dash[SIHUA_SERIES_TARGET][0] = 2;
  p->series_dash[SIHUA_SERIES_TARGET][1] = 2;
  p->series_width[SIHUA_SERIES_CURRENT] = 2.25;
  p->series_width[SIHUA_SERIES_PREVIOUS] = 1.5;
  p->series_width[SIHUA_SERIES_TARGET] = 1.5;
}

/**
 * sihua_palette_get:
 *
 * Returns: (transfer none): the colours of every chart for @variant
 */
const SihuaPalette *
sihua_palette_get (SihuaPaletteVariant variant)
{
  static gsize initialized = 0;

  g_return_val_if_fail (variant <= SIHUA_PALETTE_DARK, NULL);

  if (g_once_init_enter (&initialized))
    {
      init_palette (&palettes[SIHUA_PALETTE_LIGHT], FALSE);
      init_palette (&palettes[SIHUA_PALETTE_DARK], TRUE);
      g_once_init_leave (&initialized, 1);
    }

  return &palettes[variant];
}

/**
 * sihua_palette_stage_hex:
 *
 * Returns: the `#rrggbb` colour of @stage (0–4), for callers outside charts
 */
const char *
sihua_palette_stage_hex (int stage)
{
  g_return_val_if_fail (stage >= 0 && stage < SIHUA_N_STAGES, "#000000");

  return stage_hex[stage];
}

void
sihua_palette_set_series_line (const SihuaPalette *palette,
                               SihuaPainter       *painter,
                               SihuaSeries         series)
{
  g_return_if_fail (palette != NULL);
  g_return_if_fail (series < SIHUA_N_SERIES);

  sihua_painter_set_color (painter, &palette->series[series]);
  sihua_painter_set_line_width (painter, palette->series_width[series]);
  if (palette->series_dash[series][0] > 0)
    sihua_painter_set_dash (painter, palette->series_dash[series], 2);
  else
    sihua_painter_set_dash (painter, NULL, 0);
}

static void
draw_hatch (const SihuaPalette *palette,
            SihuaPainter       *painter,
            SihuaHatch          hatch,
            double              x,
            double              y,
            double              width,
            double              height)
{
  const double step = 5;

  sihua_painter_set_color (painter, &palette->hatch_ink);
  sihua_painter_set_dash (painter, NULL, 0);

  if (hatch == SIHUA_HATCH_DOTS)
    {
      /* Offset rows, anchored to the page so neighbouring cells line up. */
      for (double yy = floor (y / step) * step; yy < y + height + step; yy += step)
        for (double xx = floor (x / (2 * step)) * 2 * step + ((int)(yy / step) % 2) * step;
             xx < x + width + step; xx += 2 * step)
          sihua_painter_circle (painter, xx, yy, 0.9);
      sihua_painter_fill (painter, FALSE);
      return;
    }

  sihua_painter_set_line_width (painter, 1);
  for (double d = floor ((x - height) / step) * step; d < x + width; d += step)
    {
      sihua_painter_move_to (painter, d, y + height);
      sihua_painter_line_to (painter, d + height, y);
      if (hatch == SIHUA_HATCH_CROSS)
        {
          sihua_painter_move_to (painter, d, y);
          sihua_painter_line_to (painter, d + height, y + height);
        }
    }
  sihua_painter_stroke (painter, FALSE);
}

/**
 * sihua_palette_fill_stage:
 * @radius: corner radius, 0 for square corners
 *
 * Fills a rectangle in @stage's colour with its greyscale hatch.
 */
void
sihua_palette_fill_stage (const SihuaPalette *palette,
                          SihuaPainter       *painter,
                          int                 stage,
                          double              x,
                          double              y,
                          double              width,
                          double              height,
                          double              radius)
{
  g_return_if_fail (palette != NULL);
  g_return_if_fail (stage >= 0 && stage < SIHUA_N_STAGES);

  if (width <= 0 || height <= 0)
    return;

  sihua_painter_set_color (painter, &palette->stage[stage]);
  sihua_painter_rounded_rectangle (painter, x, y, width, height, radius);
  sihua_painter_fill (painter, FALSE);

  if (palette->stage_hatch[stage] == SIHUA_HATCH_NONE)
    return;

  sihua_painter_save (painter);
  sihua_painter_clip_rectangle (painter, x, y, width, height);
  draw_hatch (palette, painter, palette->stage_hatch[stage], x, y, width, height);
  sihua_painter_restore (painter);
}
