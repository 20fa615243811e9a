/* sihua-palette.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-painter.h"

G_BEGIN_DECLS

#define SIHUA_N_STAGES 5

typedef enum
{
  SIHUA_PALETTE_LIGHT,  /* white paper, PNG, light UI theme */
  SIHUA_PALETTE_DARK,   /* dark UI theme */
} SihuaPaletteVariant;

/* The series a chart compares. */
typedef enum
{
  SIHUA_SERIES_CURRENT,
  SIHUA_SERIES_PREVIOUS,
  SIHUA_SERIES_TARGET,
  SIHUA_N_SERIES,
} SihuaSeries;

/* Hatching laid over a stage's fill so stages stay apart in greyscale
 * print, where 0, 2 and 4 come out nearly the same grey. */
typedef enum
{
  SIHUA_HATCH_NONE,
  SIHUA_HATCH_DOTS,
  SIHUA_HATCH_DIAGONAL,
  SIHUA_HATCH_CROSS,
} SihuaHatch;

typedef struct
{
  SihuaColor background;
  SihuaColor foreground;       /* titles, values */
  SihuaColor secondary;        /* axis labels, captions */
  SihuaColor grid;
  SihuaColor axis;
  SihuaColor empty;            /* unscored dimensions, empty cells */
  SihuaColor stage[SIHUA_N_STAGES];        /* fills */
  SihuaColor stage_ink[SIHUA_N_STAGES];    /* text drawn on a stage fill */
  SihuaColor stage_text[SIHUA_N_STAGES];   /* a stage's colour as text on the background */
  SihuaHatch stage_hatch[SIHUA_N_STAGES];
  SihuaColor hatch_ink;
  SihuaColor series[SIHUA_N_SERIES];
  double     series_dash[SIHUA_N_SERIES][2];  /* {0, 0} is solid */
  double     series_width[SIHUA_N_SERIES];
} SihuaPalette;

const SihuaPalette *sihua_palette_get            (SihuaPaletteVariant  variant);
const char         *sihua_palette_stage_hex      (int                  stage);
void                sihua_palette_set_series_line (const SihuaPalette *palette,
                                                   SihuaPainter       *painter,
                                                   SihuaSeries         series);
void                sihua_palette_fill_stage     (const SihuaPalette  *palette,
                                                  SihuaPainter        *painter,
                                                  int                  stage,
                                                  double               x,
                                                  double               y,
                                                  double               width,
                                                  double               height,
                                                  double               radius);

G_END_DECLS
