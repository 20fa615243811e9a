/* sihua-painter.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The painter is a vtable struct rather than a GObject interface: a painter
 * lives for one rendering, has no properties or signals, and is called many
 * thousand times per chart; a plain struct keeps the calls cheap and lets
 * the Cairo and libharu painters be small structs of their own. */

#define G_LOG_DOMAIN "sihua-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sihua-painter.h"

void
sihua_painter_move_to (SihuaPainter *painter,
                       double        x,
                       double        y)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->move_to (painter, x, y);
}

void
sihua_painter_line_to (SihuaPainter *painter,
                       double        x,
                       double        y)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->line_to (painter, x, y);
}

void
sihua_painter_curve_to (SihuaPainter *painter,
                        double        x1,
                        double        y1,
                        double        x2,
                        double        y2,
                        double        x3,
                        double        y3)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->curve_to (painter, x1, y1, x2, y2, x3, y3);
}

void
sihua_painter_close_path (SihuaPainter *painter)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->close_path (painter);
}

void
sihua_painter_rectangle (SihuaPainter *painter,
                         double        x,
                         double        y,
                         double        width,
                         double        height)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->rectangle (painter, x, y, width, height);
}

/* Quarter circles as cubic Béziers; the constant makes the midpoint exact. */
#define KAPPA 0.5522847498

void
sihua_painter_rounded_rectangle (SihuaPainter *painter,
                                 double        x,
                                 double        y,
                                 double        width,
                                 double        height,
                                 double        radius)
{
  double k;

  g_return_if_fail (painter != NULL);

  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      sihua_painter_rectangle (painter, x, y, width, height);
      return;
    }

  k = radius * (1 - KAPPA);
  sihua_painter_move_to (painter, x + radius, y);
  sihua_painter_line_to (painter, x + width - radius, y);
  sihua_painter_curve_to (painter, x + width - k, y, x + width, y + k, x + width, y + radius);
  sihua_painter_line_to (painter, x + width, y + height - radius);
  sihua_painter_curve_to (painter, x + width, y + height - k, x + width - k, y + height,
                          x + width - radius, y + height);
  sihua_painter_line_to (painter, x + radius, y + height);
  sihua_painter_curve_to (painter, x + k, y + height, x, y + height - k, x, y + height - radius);
  sihua_painter_line_to (painter, x, y + radius);
  sihua_painter_curve_to (painter, x, y + k, x + k, y, x + radius, y);
  sihua_painter_close_path (painter);
}

void
sihua_painter_circle (SihuaPainter *painter,
                      double        cx,
                      double        cy,
                      double        radius)
{
  double k = radius * KAPPA;

  g_return_if_fail (painter != NULL);

  sihua_painter_move_to (painter, cx + radius, cy);
  sihua_painter_curve_to (painter, cx + radius, cy + k, cx + k, cy + radius, cx, cy + radius);
  sihua_painter_curve_to (painter, cx - k, cy + radius, cx - radius, cy + k, cx - radius, cy);
  sihua_painter_curve_to (painter, cx - radius, cy - k, cx - k, cy - radius, cx, cy - radius);
  sihua_painter_curve_to (painter, cx + k, cy - radius, cx + radius, cy - k, cx + radius, cy);
  sihua_painter_close_path (painter);
}

void
sihua_painter_fill (SihuaPainter *painter,
                    gboolean      preserve)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->fill (painter, preserve);
}

void
sihua_painter_stroke (SihuaPainter *painter,
                      gboolean      preserve)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->stroke (painter, preserve);
}

void
sihua_painter_set_color (SihuaPainter     *painter,
                         const SihuaColor *color)
{
  g_return_if_fail (painter != NULL);
  g_return_if_fail (color != NULL);
  painter->vtable->set_color (painter, color);
}

void
sihua_painter_set_line_width (SihuaPainter *painter,
                              double        width)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->set_line_width (painter, width);
}

/**
 * sihua_painter_set_dash:
 * @dashes: (array length=n_dashes) (nullable): on/off lengths in points
 * @n_dashes: 0 for solid lines
 */
void
sihua_painter_set_dash (SihuaPainter *painter,
                        const double *dashes,
                        guint         n_dashes)
{
  g_return_if_fail (painter != NULL);
  g_return_if_fail (n_dashes == 0 || dashes != NULL);
  painter->vtable->set_dash (painter, dashes, n_dashes);
}

void
sihua_painter_save (SihuaPainter *painter)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->save (painter);
}

void
sihua_painter_restore (SihuaPainter *painter)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->restore (painter);
}

void
sihua_painter_clip_rectangle (SihuaPainter *painter,
                              double        x,
                              double        y,
                              double        width,
                              double        height)
{
  g_return_if_fail (painter != NULL);
  painter->vtable->clip_rectangle (painter, x, y, width, height);
}

/**
 * sihua_painter_draw_text:
 * @x: the left edge, centre or right edge of the text, following @align
 * @baseline: the y of the text's baseline
 * @size: the font size in points
 *
 * Draws one line of text in the painter's font and current colour.
 */
void
sihua_painter_draw_text (SihuaPainter   *painter,
                         double          x,
                         double          baseline,
                         const char     *text,
                         double          size,
                         SihuaTextAlign  align)
{
  g_return_if_fail (painter != NULL);
  g_return_if_fail (text != NULL);

  if (*text == '\0')
    return;
  painter->vtable->draw_text (painter, x, baseline, text, size, align);
}

void
sihua_painter_measure_text (SihuaPainter     *painter,
                            const char       *text,
                            double            size,
                            SihuaTextExtents *extents)
{
  g_return_if_fail (painter != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (extents != NULL);

  painter->vtable->measure_text (painter, text, size, extents);
}

double
sihua_painter_text_width (SihuaPainter *painter,
                          const char   *text,
                          double        size)
{
  SihuaTextExtents extents = { 0, };

  sihua_painter_measure_text (painter, text, size, &extents);

  return extents.width;
}

void
sihua_painter_free (SihuaPainter *painter)
{
  if (painter != NULL)
    painter->vtable->free (painter);
}

/**
 * sihua_color_from_hex:
 * @hex: `#rrggbb`
 *
 * Returns: the opaque colour, or black if @hex is not a colour.
 */
SihuaColor
sihua_color_from_hex (const char *hex)
{
  SihuaColor color = { 0, 0, 0, 1 };
  guint64 value;

  g_return_val_if_fail (hex != NULL, color);

  if (hex[0] == '#')
    hex++;
  if (strlen (hex) != 6 || !g_ascii_string_to_unsigned (hex, 16, 0, 0xffffff, &value, NULL))
    return color;

  color.red = ((value >> 16) & 0xff) / 255.0;
  color.green = ((value >> 8) & 0xff) / 255.0;
  color.blue = (value & 0xff) / 255.0;

  return color;
}

SihuaColor
sihua_color_with_alpha (SihuaColor color,
                        double     alpha)
{
  color.alpha = alpha;
  return color;
}
