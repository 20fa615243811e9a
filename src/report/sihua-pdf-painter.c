/* sihua-pdf-painter.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-pdf-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sihua-pdf-painter.h"

typedef enum
{
  OP_MOVE,
  OP_LINE,
  OP_CURVE,
  OP_CLOSE,
  OP_RECTANGLE,
} PathOpKind;

typedef struct
{
  PathOpKind kind;
  double     p[6];
} PathOp;

typedef struct
{
  SihuaColor color;
  double     applied_alpha;
} PdfState;

typedef struct
{
  SihuaPainter  parent;

  HPDF_Doc      pdf;
  HPDF_Page     page;
  HPDF_Font     font;
  double        origin_x;   /* page coordinates of the chart's top left */
  double        origin_y;

  /* libharu has no "preserve": the path is kept here and replayed. */
  GArray       *path;
  PdfState      state;
  GArray       *stack;
  GHashTable   *alpha_states;  /* alpha × 1000 → HPDF_ExtGState */
} SihuaPdfPainter;

static inline double
page_x (SihuaPdfPainter *self,
        double           x)
{
  return self->origin_x + x;
}

static inline double
page_y (SihuaPdfPainter *self,
        double           y)
{
  return self->origin_y - y;
}

static void
add_op (SihuaPdfPainter *self,
        PathOpKind       kind,
        double           a,
        double           b,
        double           c,
        double           d,
        double           e,
        double           f)
{
  PathOp op = { kind, { a, b, c, d, e, f } };

  g_array_append_val (self->path, op);
}

static void
pdf_painter_move_to (SihuaPainter *painter,
                     double        x,
                     double        y)
{
  add_op ((SihuaPdfPainter *)painter, OP_MOVE, x, y, 0, 0, 0, 0);
}

static void
pdf_painter_line_to (SihuaPainter *painter,
                     double        x,
                     double        y)
{
  add_op ((SihuaPdfPainter *)painter, OP_LINE, x, y, 0, 0, 0, 0);
}

static void
pdf_painter_curve_to (SihuaPainter *painter,
                      double        x1,
                      double        y1,
                      double        x2,
                      double        y2,
                      double        x3,
                      double        y3)
{
  add_op ((SihuaPdfPainter *)painter, OP_CURVE, x1, y1, x2, y2, x3, y3);
}

static void
pdf_painter_close_path (SihuaPainter *painter)
{
  add_op ((SihuaPdfPainter *)painter, OP_CLOSE, 0, 0, 0, 0, 0, 0);
}

static void
pdf_painter_rectangle (SihuaPainter *painter,
                       double        x,
                       double        y,
                       double        width,
                       double        height)
{
  add_op ((SihuaPdfPainter *)painter, OP_RECTANGLE, x, y, width, height, 0, 0);
}

static gboolean
emit_path (SihuaPdfPainter *self)
{
  gboolean open = FALSE;

  for (guint i = 0; i < self->path->len; i++)
    {
      const PathOp *op = &g_array_index (self->path, PathOp, i);

      switch (op->kind)
        {
        case OP_MOVE:
          HPDF_Page_MoveTo (self->page, page_x (self, op->p[0]), page_y (self, op->p[1]));
          open = TRUE;
          break;

        case OP_LINE:
          if (!open)
            HPDF_Page_MoveTo (self->page, page_x (self, op->p[0]), page_y (self, op->p[1]));
          else
            HPDF_Page_LineTo (self->page, page_x (self, op->p[0]), page_y (self, op->p[1]));
          open = TRUE;
          break;

        case OP_CURVE:
          if (open)
            HPDF_Page_CurveTo (self->page,
                               page_x (self, op->p[0]), page_y (self, op->p[1]),
                               page_x (self, op->p[2]), page_y (self, op->p[3]),
                               page_x (self, op->p[4]), page_y (self, op->p[5]));
          break;

        case OP_CLOSE:
          if (open)
            HPDF_Page_ClosePath (self->page);
          break;

        case OP_RECTANGLE:
          /* PDF rectangles grow upwards from their lower left corner. */
          HPDF_Page_Rectangle (self->page, page_x (self, op->p[0]),
                               page_y (self, op->p[1] + op->p[3]), op->p[2], op->p[3]);
          open = TRUE;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return open;
}

static void
apply_alpha (SihuaPdfPainter *self,
             double           alpha)
{
  int key = (int)lround (CLAMP (alpha, 0, 1) * 1000);
  HPDF_ExtGState gstate;

  if (fabs (self->state.applied_alpha - key / 1000.0) < 1e-6)
    return;

  gstate = g_hash_table_lookup (self->alpha_states, GINT_TO_POINTER (key));
  if (gstate == NULL)
    {
      gstate = HPDF_CreateExtGState (self->pdf);
      HPDF_ExtGState_SetAlphaFill (gstate, key / 1000.0);
      HPDF_ExtGState_SetAlphaStroke (gstate, key / 1000.0);
      g_hash_table_insert (self->alpha_states, GINT_TO_POINTER (key), gstate);
    }

  HPDF_Page_SetExtGState (self->page, gstate);
  self->state.applied_alpha = key / 1000.0;
}

static void
pdf_painter_fill (SihuaPainter *painter,
                  gboolean      preserve)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;
  const SihuaColor *c = &self->state.color;

  apply_alpha (self, c->alpha);
  HPDF_Page_SetRGBFill (self->page, c->red, c->green, c->blue);
  if (emit_path (self))
    HPDF_Page_Fill (self->page);

  if (!preserve)
    g_array_set_size (self->path, 0);
}

static void
pdf_painter_stroke (SihuaPainter *painter,
                    gboolean      preserve)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;
  const SihuaColor *c = &self->state.color;

  apply_alpha (self, c->alpha);
  HPDF_Page_SetRGBStroke (self->page, c->red, c->green, c->blue);
  if (emit_path (self))
    HPDF_Page_Stroke (self->page);

  if (!preserve)
    g_array_set_size (self->path, 0);
}

static void
pdf_painter_set_color (SihuaPainter     *painter,
                       const SihuaColor *color)
{
  ((SihuaPdfPainter *)painter)->state.color = *color;
}

static void
pdf_painter_set_line_width (SihuaPainter *painter,
                            double        width)
{
  HPDF_Page_SetLineWidth (((SihuaPdfPainter *)painter)->page, width);
}

static void
pdf_painter_set_dash (SihuaPainter *painter,
                      const double *dashes,
                      guint         n_dashes)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;
  HPDF_UINT16 pattern[8];
  guint n = MIN (n_dashes, G_N_ELEMENTS (pattern));

  /* libharu takes whole points only; chart dashes are whole points. */
  for (guint i = 0; i < n; i++)
    pattern[i] = (HPDF_UINT16)MAX (1, lround (dashes[i]));

  HPDF_Page_SetDash (self->page, n > 0 ? pattern : NULL, n, 0);
}

static void
pdf_painter_save (SihuaPainter *painter)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;

  g_array_append_val (self->stack, self->state);
  HPDF_Page_GSave (self->page);
}

static void
pdf_painter_restore (SihuaPainter *painter)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;

  g_return_if_fail (self->stack->len > 0);

  HPDF_Page_GRestore (self->page);
  self->state = g_array_index (self->stack, PdfState, self->stack->len - 1);
  g_array_set_size (self->stack, self->stack->len - 1);
}

static void
pdf_painter_clip_rectangle (SihuaPainter *painter,
                            double        x,
                            double        y,
                            double        width,
                            double        height)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;

  g_array_set_size (self->path, 0);
  HPDF_Page_Rectangle (self->page, page_x (self, x), page_y (self, y + height), width, height);
  HPDF_Page_Clip (self->page);
  HPDF_Page_EndPath (self->page);
}

static double
text_width (SihuaPdfPainter *self,
            const char      *text,
            double           size)
{
  HPDF_TextWidth tw = HPDF_Font_TextWidth (self->font, (const HPDF_BYTE *)text, strlen (text));

  return tw.width * size / 1000.0;
}

static void
pdf_painter_measure_text (SihuaPainter     *painter,
                          const char       *text,
                          double            size,
                          SihuaTextExtents *extents)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;

  extents->width = text_width (self, text, size);
  extents->ascent = HPDF_Font_GetAscent (self->font) * size / 1000.0;
  extents->descent = -HPDF_Font_GetDescent (self->font) * size / 1000.0;
}

static void
pdf_painter_draw_text (SihuaPainter   *painter,
                       double          x,
                       double          baseline,
                       const char     *text,
                       double          size,
                       SihuaTextAlign  align)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;
  const SihuaColor *c = &self->state.color;

  if (align == SIHUA_TEXT_ALIGN_CENTER)
    x -= text_width (self, text, size) / 2;
  else if (align == SIHUA_TEXT_ALIGN_RIGHT)
    x -= text_width (self, text, size);

  apply_alpha (self, c->alpha);
  HPDF_Page_SetRGBFill (self->page, c->red, c->green, c->blue);
  HPDF_Page_BeginText (self->page);
  HPDF_Page_SetFontAndSize (self->page, self->font, size);
  HPDF_Page_TextOut (self->page, page_x (self, x), page_y (self, baseline), text);
  HPDF_Page_EndText (self->page);
}

static void
pdf_painter_free (SihuaPainter *painter)
{
  SihuaPdfPainter *self = (SihuaPdfPainter *)painter;

  /* Leave the page's graphics state as it was found. */
  while (self->stack->len > 0)
    pdf_painter_restore (painter);
  HPDF_Page_GRestore (self->page);

  g_array_unref (self->path);
  g_array_unref (self->stack);
  g_hash_table_unref (self->alpha_states);
  g_free (self);
}

static const SihuaPainterVTable pdf_painter_vtable = {
  .move_to = pdf_painter_move_to,
  .line_to = pdf_painter_line_to,
  .curve_to = pdf_painter_curve_to,
  .close_path = pdf_painter_close_path,
  .rectangle = pdf_painter_rectangle,
  .fill = pdf_painter_fill,
  .stroke = pdf_painter_stroke,
  .set_color = pdf_painter_set_color,
  .set_line_width = pdf_painter_set_line_width,
  .set_dash = pdf_painter_set_dash,
  .save = pdf_painter_save,
  .restore = pdf_painter_restore,
  .clip_rectangle = pdf_painter_clip_rectangle,
  .draw_text = pdf_painter_draw_text,
  .measure_text = pdf_painter_measure_text,
  .free = pdf_painter_free,
};

/**
 * sihua_pdf_painter_new:
 * @pdf: the document (for transparency states)
 * @page: the page to draw on
 * @font: a font loaded in libharu's UTF-8 mode; texts are UTF-8
 * @x: left edge of the chart on the page, in points
 * @y: top edge of the chart, in points from the top of the page
 * @width: width of the chart
 * @height: height of the chart
 *
 * Chart coordinates (origin top left, y down) are mapped into the given
 * rectangle of @page; drawing is clipped to it. Free the painter before
 * drawing anything else on @page: that restores the page's graphics state.
 *
 * Returns: (transfer full): the painter
 */
SihuaPainter *
sihua_pdf_painter_new (HPDF_Doc   pdf,
                       HPDF_Page  page,
                       HPDF_Font  font,
                       double     x,
                       double     y,
                       double     width,
                       double     height)
{
  SihuaPdfPainter *self;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (font != NULL, NULL);

  self = g_new0 (SihuaPdfPainter, 1);
  self->parent.vtable = &pdf_painter_vtable;
  self->pdf = pdf;
  self->page = page;
  self->font = font;
  self->origin_x = x;
  self->origin_y = HPDF_Page_GetHeight (page) - y;
  self->path = g_array_new (FALSE, FALSE, sizeof (PathOp));
  self->stack = g_array_new (FALSE, FALSE, sizeof (PdfState));
  self->alpha_states = g_hash_table_new (NULL, NULL);
  self->state.color = (SihuaColor) { 0, 0, 0, 1 };
  self->state.applied_alpha = 1;

  HPDF_Page_GSave (page);
  HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
  HPDF_Page_SetLineCap (page, HPDF_BUTT_END);
  pdf_painter_clip_rectangle (&self->parent, 0, 0, width, height);

  return &self->parent;
}
