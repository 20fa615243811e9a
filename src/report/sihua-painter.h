/* sihua-painter.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, components 0–1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} SihuaColor;

typedef enum
{
  SIHUA_TEXT_ALIGN_LEFT,
  SIHUA_TEXT_ALIGN_CENTER,
  SIHUA_TEXT_ALIGN_RIGHT,
} SihuaTextAlign;

/* Sizes of a string set at a given size, in points: the advance width, and
 * the font's ascent and descent (both positive) so lines of different text
 * share one baseline grid. */
typedef struct
{
  double width;
  double ascent;
  double descent;
} SihuaTextExtents;

typedef struct _SihuaPainter SihuaPainter;

/* What a painter implements. Coordinates are points, origin top left, y
 * down; a painter maps them to its surface. A path is built with the path
 * calls and consumed by fill() or stroke() unless @preserve is set. */
typedef struct
{
  void (*move_to)        (SihuaPainter     *painter,
                          double            x,
                          double            y);
  void (*line_to)        (SihuaPainter     *painter,
                          double            x,
                          double            y);
  void (*curve_to)       (SihuaPainter     *painter,
                          double            x1,
                          double            y1,
                          double            x2,
                          double            y2,
                          double            x3,
                          double            y3);
  void (*close_path)     (SihuaPainter     *painter);
  void (*rectangle)      (SihuaPainter     *painter,
                          double            x,
                          double            y,
                          double            width,
                          double            height);
  void (*fill)           (SihuaPainter     *painter,
                          gboolean          preserve);
  void (*stroke)         (SihuaPainter     *painter,
                          gboolean          preserve);
  void (*set_color)      (SihuaPainter     *painter,
                          const SihuaColor *color);
  void (*set_line_width) (SihuaPainter     *painter,
                          double            width);
  void (*set_dash)       (SihuaPainter     *painter,
                          const double     *dashes,
                          guint             n_dashes);
  void (*save)           (SihuaPainter     *painter);
  void (*restore)        (SihuaPainter     *painter);
  void (*clip_rectangle) (SihuaPainter     *painter,
                          double            x,
                          double            y,
                          double            width,
                          double            height);
  void (*draw_text)      (SihuaPainter     *painter,
                          double            x,
                          double            baseline,
                          const char       *text,
                          double            size,
                          SihuaTextAlign    align);
  void (*measure_text)   (SihuaPainter     *painter,
                          const char       *text,
                          double            size,
                          SihuaTextExtents *extents);
  void (*free)           (SihuaPainter     *painter);
} SihuaPainterVTable;

/* Painters are plain structs that start with this member. */
struct _SihuaPainter
{
  const SihuaPainterVTable *vtable;
};

void   sihua_painter_move_to        (SihuaPainter     *painter,
                                     double            x,
                                     double            y);
void   sihua_painter_line_to        (SihuaPainter     *painter,
                                     double            x,
                                     double            y);
void   sihua_painter_curve_to       (SihuaPainter     *painter,
                                     double            x1,
                                     double            y1,
                                     double            x2,
                                     double            y2,
                                     double            x3,
                                     double            y3);
void   sihua_painter_close_path     (SihuaPainter     *painter);
void   sihua_painter_rectangle      (SihuaPainter     *painter,
                                     double            x,
                                     double            y,
                                     double            width,
                                     double            height);
void   sihua_painter_rounded_rectangle (SihuaPainter  *painter,
                                     double            x,
                                     double            y,
                                     double            width,
                                     double            height,
                                     double            radius);
void   sihua_painter_circle         (SihuaPainter     *painter,
                                     double            cx,
                                     double            cy,
                                     double            radius);
void   sihua_painter_fill           (SihuaPainter     *painter,
                                     gboolean          preserve);
void   sihua_painter_stroke         (SihuaPainter     *painter,
                                     gboolean          preserve);
void   sihua_painter_set_color      (SihuaPainter     *painter,
                                     const SihuaColor *color);
void   sihua_painter_set_line_width (SihuaPainter     *painter,
                                     double            width);
void   sihua_painter_set_dash       (SihuaPainter     *painter,
                                     const double     *dashes,
                                     guint             n_dashes);
void   sihua_painter_save           (SihuaPainter     *painter);
void   sihua_painter_restore        (SihuaPainter     *painter);
void   sihua_painter_clip_rectangle (SihuaPainter     *painter,
                                     double            x,
                                     double            y,
                                     double            width,
                                     double            height);
void   sihua_painter_draw_text      (SihuaPainter     *painter,
                                     double            x,
                                     double            baseline,
                                     const char       *text,
                                     double            size,
                                     SihuaTextAlign    align);
void   sihua_painter_measure_text   (SihuaPainter     *painter,
                                     const char       *text,
                                     double            size,
                                     SihuaTextExtents *extents);
double sihua_painter_text_width     (SihuaPainter     *painter,
                                     const char       *text,
                                     double            size);
void   sihua_painter_free           (SihuaPainter     *painter);

SihuaColor sihua_color_from_hex     (const char       *hex);
SihuaColor sihua_color_with_alpha   (SihuaColor        color,
                                     double            alpha);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaPainter, sihua_painter_free)

G_END_DECLS
