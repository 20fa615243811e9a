/* sihua-cairo-painter.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sihua-painter.h"

G_BEGIN_DECLS

/* The family charts are set in on screen; the PDF embeds the same font. */
#define SIHUA_CHART_FONT_FAMILY "WenQuanYi Zen Hei"

typedef void (*SihuaCairoDrawFunc) (SihuaPainter *painter,
                                    double        width,
                                    double        height,
                                    gpointer      user_data);

SihuaPainter    *sihua_cairo_painter_new    (cairo_t             *cr);
cairo_surface_t *sihua_cairo_render_surface (int                  width,
                                             int                  height,
                                             SihuaCairoDrawFunc   draw,
                                             gpointer             user_data);
gboolean         sihua_cairo_render_png     (int                  width,
                                             int                  height,
                                             SihuaCairoDrawFunc   draw,
                                             gpointer             user_data,
                                             const char          *filename,
                                             GError             **error);

G_END_DECLS
