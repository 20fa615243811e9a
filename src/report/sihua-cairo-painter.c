/* sihua-cairo-painter.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cairo-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sihua-cairo-painter.h"

typedef struct
{
  SihuaPainter          parent;

  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
} SihuaCairoPainter;

static void
cairo_painter_move_to (SihuaPainter *painter,
                       double        x,
                       double        y)
{
  cairo_move_to (((SihuaCairoPainter *)painter)->cr, x, y);
}

static void
cairo_painter_line_to (SihuaPainter *painter,
                       double        x,
                       double        y)
{
  cairo_line_to (((SihuaCairoPainter *)painter)->cr, x, y);
}

static void
cairo_painter_curve_to (SihuaPainter *painter,
                        double        x1,
                        double        y1,
                        double        x2,
                        double        y2,
                        double        x3,
                        double        y3)
{
  cairo_curve_to (((SihuaCairoPainter *)painter)->cr, x1, y1, x2, y2, x3, y3);
}

static void
cairo_painter_close_path (SihuaPainter *painter)
{
  cairo_close_path (((SihuaCairoPainter *)painter)->cr);
}

static void
cairo_painter_rectangle (SihuaPainter *painter,
                         double        x,
                         double        y,
                         double        width,
                         double        height)
{
  cairo_rectangle (((SihuaCairoPainter *)painter)->cr, x, y, width, height);
}

static void
cairo_painter_fill (SihuaPainter *painter,
                    gboolean      preserve)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;

  if (preserve)
    cairo_fill_preserve (self->cr);
  else
    cairo_fill (self->cr);
}

static void
cairo_painter_stroke (SihuaPainter *painter,
                      gboolean      preserve)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;

  if (preserve)
    cairo_stroke_preserve (self->cr);
  else
    cairo_stroke (self->cr);
}

static void
cairo_painter_set_color (SihuaPainter     *painter,
                         const SihuaColor *color)
{
  cairo_set_source_rgba (((SihuaCairoPainter *)painter)->cr,
                         color->red, color->green, color->blue, color->alpha);
}

static void
cairo_painter_set_line_width (SihuaPainter *painter,
                              double        width)
{
  cairo_set_line_width (((SihuaCairoPainter *)painter)->cr, width);
}

static void
cairo_painter_set_dash (SihuaPainter *painter,
                        const double *dashes,
                        guint         n_dashes)
{
  cairo_set_dash (((SihuaCairoPainter *)painter)->cr, dashes, n_dashes, 0);
}

static void
cairo_painter_save (SihuaPainter *painter)
{
  cairo_save (((SihuaCairoPainter *)painter)->cr);
}

static void
cairo_painter_restore (SihuaPainter *painter)
{
  cairo_restore (((SihuaCairoPainter *)painter)->cr);
}

static void
cairo_painter_clip_rectangle (SihuaPainter *painter,
                              double        x,
                              double        y,
                              double        width,
                              double        height)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;

  cairo_new_path (self->cr);
  cairo_rectangle (self->cr, x, y, width, height);
  cairo_clip (self->cr);
}

static void
set_layout_text (SihuaCairoPainter *self,
                 const char        *text,
                 double             size)
{
  pango_font_description_set_absolute_size (self->font, size * PANGO_SCALE);
  pango_layout_set_font_description (self->layout, self->font);
  pango_layout_set_text (self->layout, text, -1);
}

static void
cairo_painter_measure_text (SihuaPainter     *painter,
                            const char       *text,
                            double            size,
                            SihuaTextExtents *extents)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;
  PangoRectangle logical;
  int baseline;

  set_layout_text (self, text, size);
  pango_layout_get_extents (self->layout, NULL, &logical);
  baseline = pango_layout_get_baseline (self->layout);

  extents->width = (double)logical.width / PANGO_SCALE;
  extents->ascent = (double)baseline / PANGO_SCALE;
  extents->descent = (double)(logical.height - baseline) / PANGO_SCALE;
}

static void
cairo_painter_draw_text (SihuaPainter   *painter,
                         double          x,
                         double          baseline,
                         const char     *text,
                         double          size,
                         SihuaTextAlign  align)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;
  PangoRectangle logical;

  set_layout_text (self, text, size);
  pango_layout_get_extents (self->layout, NULL, &logical);

  if (align == SIHUA_TEXT_ALIGN_CENTER)
    x -= (double)logical.width / PANGO_SCALE / 2;
  else if (align == SIHUA_TEXT_ALIGN_RIGHT)
    x -= (double)logical.width / PANGO_SCALE;

  cairo_new_path (self->cr);
  cairo_move_to (self->cr, x, baseline - (double)pango_layout_get_baseline (self->layout) / PANGO_SCALE);
  pango_cairo_show_layout (self->cr, self->layout);
  cairo_new_path (self->cr);
}

static void
cairo_painter_free (SihuaPainter *painter)
{
  SihuaCairoPainter *self = (SihuaCairoPainter *)painter;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_free (self);
}

static const SihuaPainterVTable cairo_painter_vtable = {
  .move_to = cairo_painter_move_to,
  .line_to = cairo_painter_line_to,
  .curve_to = cairo_painter_curve_to,
  .close_path = cairo_painter_close_path,
  .rectangle = cairo_painter_rectangle,
  .fill = cairo_painter_fill,
  .stroke = cairo_painter_stroke,
  .set_color = cairo_painter_set_color,
  .set_line_width = cairo_painter_set_line_width,
  .set_dash = cairo_painter_set_dash,
  .save = cairo_painter_save,
  .restore = cairo_painter_restore,
  .clip_rectangle = cairo_painter_clip_rectangle,
  .draw_text = cairo_painter_draw_text,
  .measure_text = cairo_painter_measure_text,
  .free = cairo_painter_free,
};

/**
 * sihua_cairo_painter_new:
 * @cr: the context to paint on, in points (scale it for other units)
 *
 * Returns: (transfer full): a painter drawing on @cr with Pango text in
 *   %SIHUA_CHART_FONT_FAMILY.
 */
SihuaPainter *
sihua_cairo_painter_new (cairo_t *cr)
{
  SihuaCairoPainter *self;
  cairo_font_options_t *options;
  PangoContext *context;

  g_return_val_if_fail (cr != NULL, NULL);

  self = g_new0 (SihuaCairoPainter, 1);
  self->parent.vtable = &cairo_painter_vtable;
  self->cr = cairo_reference (cr);
  self->layout = pango_cairo_create_layout (cr);
  self->font = pango_font_description_from_string (SIHUA_CHART_FONT_FAMILY);

  /* Unhinted metrics: text widths then scale linearly with size and match
   * what the PDF painter measures, so a layout looks the same on screen, in
   * a PNG and in the report. */
  context = pango_layout_get_context (self->layout);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (self->layout);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  return &self->parent;
}

/**
 * sihua_cairo_render_surface:
 * @width: pixels; one pixel is one point
 * @height: pixels
 *
 * Returns: (transfer full): an ARGB image of exactly @width × @height
 *   pixels with what @draw painted
 */
cairo_surface_t *
sihua_cairo_render_surface (int                 width,
                            int                 height,
                            SihuaCairoDrawFunc  draw,
                            gpointer            user_data)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  SihuaPainter *painter;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  painter = sihua_cairo_painter_new (cr);
  draw (painter, width, height, user_data);
  sihua_painter_free (painter);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

gboolean
sihua_cairo_render_png (int                  width,
                        int                  height,
                        SihuaCairoDrawFunc   draw,
                        gpointer             user_data,
                        const char          *filename,
                        GError             **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (filename != NULL, FALSE);

  surface = sihua_cairo_render_surface (width, height, draw, user_data);
  status = cairo_surface_write_to_png (surface, filename);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot write %s: %s"), filename, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
