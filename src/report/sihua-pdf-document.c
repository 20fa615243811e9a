/* sihua-pdf-document.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-pdf-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sihua-pdf-document.h"
#include "sihua-text-layout.h"

#include "sihua-pdf-document-private.h"

SihuaPdfColor
sihua_pdf_color_from_hex (guint32 rgb)
{
  SihuaPdfColor color = {
    ((rgb >> 16) & 0xff) / 255.0,
    ((rgb >> 8) & 0xff) / 255.0,
    (rgb & 0xff) / 255.0,
  };

  return color;
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_free (op->text);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
outline_entry_clear (gpointer data)
{
  OutlineEntry *entry = data;

  g_free (entry->title);
}

static void
owned_data_clear (gpointer data)
{
  OwnedData *owned = data;

  if (owned->destroy != NULL)
    owned->destroy (owned->data);
}

/* A stand-in for a character the font lacks, so nothing silently
 * disappears: a look-alike where there is one, else a white square. */
static gunichar
substitute (gunichar ch)
{
  switch (ch)
    {
    case 0x00a0: /* no-break space */
    case 0x2007:
    case 0x202f:
      return ' ';
    case 0x2022: /* bullet */
    case 0x2219:
      return 0x00b7;
    case 0x2010: /* hyphens and minus */
    case 0x2011:
    case 0x2212:
      return '-';
    default:
      return 0x25a1;
    }
}

/* Text as libharu can draw it: valid UTF-8, no control characters besides
 * line feeds (tabs become spaces), and with @font, only characters it has
 * (libharu's UTF-8 mode knows the Basic Multilingual Plane only). */
static char *
sanitize (SihuaPdfFont *font,
          const char   *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\t')
        ch = ' ';
      else if (ch == '\r')
        continue;
      else if ((ch < 0x20 && ch != '\n') || (ch >= 0x7f && ch < 0xa0))
        continue;
      else if (ch >= 0xfe00 && ch <= 0xfe0f)
        continue;   /* variation selectors */
      else if (font != NULL && ch != '\n' && !sihua_pdf_font_has_char (font, ch))
        ch = substitute (ch);
      else if (font == NULL && ch >= 0x10000)
        ch = 0xfffd;
      g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

static void
init_styles (SihuaPdfDocument *self)
{
  const SihuaPdfColor accent = { 0.0, 0.447, 0.698 };
  const SihuaPdfTextStyle styles[SIHUA_PDF_N_STYLES] = {
    [SIHUA_PDF_STYLE_TITLE]        = { 24.0, 34.0, 0.0, 14.0, TRUE, ink },
    [SIHUA_PDF_STYLE_HEADING]      = { 17.0, 25.0, 6.0, 12.0, TRUE, accent },
    [SIHUA_PDF_STYLE_SUBHEADING]   = { 12.5, 19.0, 14.0, 5.0, TRUE, ink },
    [SIHUA_PDF_STYLE_BODY]         = { 10.0, 16.5, 0.0, 7.0, FALSE, ink },
    [SIHUA_PDF_STYLE_SMALL]        = { 8.5, 13.0, 0.0, 5.0, FALSE, muted },
    [SIHUA_PDF_STYLE_TABLE]        = { 8.8, 13.2, 0.0, 0.0, FALSE, ink },
    [SIHUA_PDF_STYLE_TABLE_HEADER] = { 8.8, 13.2, 0.0, 0.0, TRUE, ink },
  };

  memcpy (self->styles, styles, sizeof styles);
}

/**
 * sihua_pdf_document_new:
 * @font: the font everything is set in; it must outlive the document
 *
 * Returns: (transfer full): an empty document with one blank page.
 */
SihuaPdfDocument *
sihua_pdf_document_new (SihuaPdfFont *font)
{
  SihuaPdfDocument *self;

  g_return_val_if_fail (font != NULL, NULL);

  self = g_new0 (SihuaPdfDocument, 1);
  self->font = font;
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_array_new (FALSE, TRUE, sizeof (OutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);
  self->owned = g_array_new (FALSE, TRUE, sizeof (OwnedData));
  g_array_set_clear_func (self->owned, owned_data_clear);
  init_styles (self);
  sihua_pdf_document_new_page (self);

  return self;
}

void
sihua_pdf_document_free (SihuaPdfDocument *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->pages);
  g_array_unref (self->outline);
  g_array_unref (self->owned);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_free (self);
}

SihuaPdfFont *
sihua_pdf_document_get_font (SihuaPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->font;
}

const SihuaPdfTextStyle *
sihua_pdf_document_get_style (SihuaPdfDocument *self,
                              SihuaPdfStyle     style)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style < SIHUA_PDF_N_STYLES, NULL);

  return &self->styles[style];
}

/**
 * sihua_pdf_document_set_info:
 * @self: a document
 * @title: (nullable): the document title
 * @author: (nullable): who wrote it
 * @subject: (nullable): what it is about
 * @created: (nullable): when; now if %NULL
 *
 * Sets the PDF's document information.
 */
void
sihua_pdf_document_set_info (SihuaPdfDocument *self,
                             const char       *title,
                             const char       *author,
                             const char       *subject,
                             GDateTime        *created)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = title != NULL ? sanitize (NULL, title) : NULL;
  g_free (self->author);
  self->author = author != NULL ? sanitize (NULL, author) : NULL;
  g_free (self->subject);
  self->subject = subject != NULL ? sanitize (NULL, subject) : NULL;
  g_clear_pointer (&self->created, g_date_time_unref);
  if (created != NULL)
    self->created = g_date_time_ref (created);
}

void
sihua_pdf_document_set_header (SihuaPdfDocument *self,
                               const char       *left,
                               const char       *right)
{
  g_return_if_fail (self != NULL);

  g_free (self->header_left);
  self->header_left = left != NULL ? sanitize (self->font, left) : NULL;
  g_free (self->header_right);
  self->header_right = right != NULL ? sanitize (self->font, right) : NULL;
}

/**
 * sihua_pdf_document_set_footer:
 * @self: a document
 * @left: (nullable): text at the left of every footer
 * @label_func: (nullable): makes the page label at the right, called at save
 *   time when the number of pages is known
 * @user_data: for @label_func
 */
void
sihua_pdf_document_set_footer (SihuaPdfDocument      *self,
                               const char            *left,
                               SihuaPdfPageLabelFunc  label_func,
                               gpointer               user_data)
{
  g_return_if_fail (self != NULL);

  g_free (self->footer_left);
  self->footer_left = left != NULL ? sanitize (self->font, left) : NULL;
  self->label_func = label_func;
  self->label_data = user_data;
}

double
sihua_pdf_document_get_left (SihuaPdfDocument *self)
{
  return MARGIN_LEFT;
}

double
sihua_pdf_document_get_content_width (SihuaPdfDocument *self)
{
  return SIHUA_PDF_A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
}

double
sihua_pdf_document_get_top (SihuaPdfDocument *self)
{
  return MARGIN_TOP;
}

double
sihua_pdf_document_get_bottom (SihuaPdfDocument *self)
{
  return SIHUA_PDF_A4_HEIGHT - MARGIN_BOTTOM;
}

double
sihua_pdf_document_get_cursor (SihuaPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->cursor;
}

double
sihua_pdf_document_get_remaining (SihuaPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return sihua_pdf_document_get_bottom (self) - self->cursor;
}

/**
 * sihua_pdf_document_skip:
 * @self: a document
 * @height: points to move the cursor down
 *
 * Moves the cursor down, to a new page if @height runs past the bottom.
 */
void
sihua_pdf_document_skip (SihuaPdfDocument *self,
                         double            height)
{
  g_return_if_fail (self != NULL);

  if (self->cursor + height > sihua_pdf_document_get_bottom (self))
    {
      sihua_pdf_document_new_page (self);
      return;
    }
  self->cursor += height;
  self->at_top = FALSE;
}

/**
 * sihua_pdf_document_ensure_space:
 * @self: a document
 * @height: points needed
 *
 * Starts a new page unless @height points are left on this one.
 */
void
sihua_pdf_document_ensure_space (SihuaPdfDocument *self,
                                 double            height)
{
  g_return_if_fail (self != NULL);

  if (!self->at_top && sihua_pdf_document_get_remaining (self) < height)
    sihua_pdf_document_new_page (self);
}

/* The pages that will be written: a trailing blank page (a section that
 * ended on a page break) is dropped. */
guint
_sihua_pdf_document_count_pages (SihuaPdfDocument *self)
{
  guint n_pages = self->pages->len;

  while (n_pages > 1 && ((Page *)g_ptr_array_index (self->pages, n_pages - 1))->ops->len == 0)
    n_pages--;

  return n_pages;
}

guint
sihua_pdf_document_get_n_pages (SihuaPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return _sihua_pdf_document_count_pages (self);
}

/* The current page, counted from 1. */
guint
sihua_pdf_document_get_page (SihuaPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
sihua_pdf_document_new_page (SihuaPdfDocument *self)
{
  Page *page;

  g_return_if_fail (self != NULL);

  page = g_new0 (Page, 1);
  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);
  g_ptr_array_add (self->pages, page);
  self->cursor = MARGIN_TOP;
  self->at_top = TRUE;
}

void
sihua_pdf_document_set_page_plain (SihuaPdfDocument *self)
{
  Page *page;

  g_return_if_fail (self != NULL);

  page = g_ptr_array_index (self->pages, self->pages->len - 1);
  page->plain = TRUE;
}

static Op *
add_op (SihuaPdfDocument *self,
        OpKind            kind)
{
  Page *page = g_ptr_array_index (self->pages, self->pages->len - 1);
  Op op = { 0 };

  op.kind = kind;
  g_array_append_val (page->ops, op);

  return &g_array_index (page->ops, Op, page->ops->len - 1);
}

void
sihua_pdf_document_place_text (SihuaPdfDocument    *self,
                               double               x,
                               double               y,
                               double               size,
                               gboolean             bold,
                               const SihuaPdfColor *color,
                               const char          *text)
{
  g_autofree char *clean = NULL;
  Op *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  clean = sanitize (self->font, text);
  if (*clean == '\0')
    return;

  sihua_pdf_font_add_text (self->font, clean);
  op = add_op (self, OP_TEXT);
  op->x = x;
  op->y = y;
  op->size = size;
  op->bold = bold;
  op->has_fill = TRUE;
  op->fill = color != NULL ? *color : ink;
  op->text = g_steal_pointer (&clean);
}

/**
 * sihua_pdf_document_place_text_box:
 * @self: a document
 * @x: left edge
 * @y: top edge
 * @width: the box width
 * @style: how to set the text
 * @text: the text, wrapped to @width
 *
 * Places wrapped text on the current page without moving the cursor.
 *
 * Returns: the height the text takes.
 */
double
sihua_pdf_document_place_text_box (SihuaPdfDocument        *self,
                                   double                   x,
                                   double                   y,
                                   double                   width,
                                   const SihuaPdfTextStyle *style,
                                   const char              *text)
{
  g_autofree char *clean = NULL;
  g_autoptr(GArray) lines = NULL;
  double baseline_offset;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (style != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  clean = sanitize (self->font, text);
  lines = sihua_text_layout_break (self->font, style->size, clean, width);
  baseline_offset = (style->line_height + style->size * 0.7) / 2.0;

  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaTextLine *line = &g_array_index (lines, SihuaTextLine, i);
      g_autofree char *part = g_strndup (clean + line->start, line->length);

      sihua_pdf_document_place_text (self, x, y + i * style->line_height + baseline_offset,
                                     style->size, style->bold, &style->color, part);
    }

  return lines->len * style->line_height;
}

void
sihua_pdf_document_place_rect (SihuaPdfDocument    *self,
                               double               x,
                               double               y,
                               double               width,
                               double               height,
                               const SihuaPdfColor *fill,
                               const SihuaPdfColor *stroke)
{
  Op *op;

  g_return_if_fail (self != NULL);

  op = add_op (self, OP_RECT);
  op->x = x;
  op->y = y;
  op->w = width;
  op->h = height;
  op->size = 0.6;
  op->has_fill = fill != NULL;
  op->fill = fill != NULL ? *fill : ink;
  op->has_stroke = stroke != NULL;
  op->stroke = stroke != NULL ? *stroke : ink;
}

void
sihua_pdf_document_place_line (SihuaPdfDocument    *self,
                               double               x0,
                               double               y0,
                               double               x1,
                               double               y1,
                               double               line_width,
                               const SihuaPdfColor *color)
{
  Op *op;

  g_return_if_fail (self != NULL);

  op = add_op (self, OP_LINE);
  op->x = x0;
  op->y = y0;
  op->w = x1;
  op->h = y1;
  op->size = line_width;
  op->has_stroke = TRUE;
  op->stroke = color != NULL ? *color : hairline;
}

/**
 * sihua_pdf_document_place_image:
 * @self: a document
 * @png_or_jpeg: an image file
 * @x: left edge
 * @y: top edge
 * @max_width: the image is scaled down to fit this …
 * @max_height: … and this, keeping its proportions
 *
 * Places an image (a logo); one that cannot be read is left out at save time.
 */
void
sihua_pdf_document_place_image (SihuaPdfDocument *self,
                                const char       *png_or_jpeg,
                                double            x,
                                double            y,
                                double            max_width,
                                double            max_height)
{
  Op *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (png_or_jpeg != NULL);

  op = add_op (self, OP_IMAGE);
  op->x = x;
  op->y = y;
  op->w = max_width;
  op->h = max_height;
  op->text = g_strdup (png_or_jpeg);
}

static void
own (SihuaPdfDocument *self,
     gpointer          data,
     GDestroyNotify    destroy)
{
  OwnedData owned = { data, destroy };

  if (destroy != NULL)
    g_array_append_val (self->owned, owned);
}

void
sihua_pdf_document_place_block (SihuaPdfDocument  *self,
                                double             x,
                                double             y,
                                double             width,
                                double             height,
                                SihuaPdfBlockFunc  func,
                                gpointer           user_data,
                                GDestroyNotify     destroy)
{
  Op *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  own (self, user_data, destroy);
  op = add_op (self, OP_BLOCK);
  op->x = x;
  op->y = y;
  op->w = width;
  op->h = height;
  op->func = func;
  op->data = user_data;
}

/**
 * sihua_pdf_document_add_block:
 * @self: a document
 * @height: the block's height; the block is never split
 * @func: draws the block at save time
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data with the document
 *
 * Adds a block the width of the text column (a chart), on a new page if it
 * does not fit on this one.
 */
void
sihua_pdf_document_add_block (SihuaPdfDocument  *self,
                              double             height,
                              SihuaPdfBlockFunc  func,
                              gpointer           user_data,
                              GDestroyNotify     destroy)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  sihua_pdf_document_ensure_space (self, height);
  sihua_pdf_document_place_block (self, MARGIN_LEFT, self->cursor,
                                  sihua_pdf_document_get_content_width (self), height,
                                  func, user_data, destroy);
  self->cursor += height;
  self->at_top = FALSE;
}

void
sihua_pdf_document_add_paragraph_full (SihuaPdfDocument        *self,
                                       const SihuaPdfTextStyle *style,
                                       double                   indent,
                                       const char              *bullet,
                                       const char              *text)
{
  g_autofree char *clean = NULL;
  g_autoptr(GArray) lines = NULL;
  double width;
  double baseline_offset;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (text != NULL);

  clean = sanitize (self->font, text);
  width = sihua_pdf_document_get_content_width (self) - indent;
  lines = sihua_text_layout_break (self->font, style->size, clean, width);
  baseline_offset = (style->line_height + style->size * 0.7) / 2.0;

  if (!self->at_top)
    {
      /* No orphan: the first two lines (or the only one) start together. */
      double first = style->space_before + MIN (lines->len, 2) * style->line_height;

      if (sihua_pdf_document_get_remaining (self) < first)
        sihua_pdf_document_new_page (self);
      else
        self->cursor += style->space_before;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaTextLine *line = &g_array_index (lines, SihuaTextLine, i);
      g_autofree char *part = NULL;

      if (sihua_pdf_document_get_remaining (self) < style->line_height)
        sihua_pdf_document_new_page (self);

      /* The bullet is drawn, not set: the font's • is missing or too big. */
      if (i == 0 && bullet != NULL)
        sihua_pdf_document_place_rect (self, MARGIN_LEFT + indent - style->size * 0.95,
                                       self->cursor + style->line_height / 2 - style->size * 0.16,
                                       style->size * 0.32, style->size * 0.32, &style->color, NULL);

      part = g_strndup (clean + line->start, line->length);
      sihua_pdf_document_place_text (self, MARGIN_LEFT + indent, self->cursor + baseline_offset,
                                     style->size, style->bold, &style->color, part);
      self->cursor += style->line_height;
      self->at_top = FALSE;
    }

  self->cursor += style->space_after;
}

void
sihua_pdf_document_add_paragraph (SihuaPdfDocument *self,
                                  SihuaPdfStyle     style,
                                  const char       *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style < SIHUA_PDF_N_STYLES);

  sihua_pdf_document_add_paragraph_full (self, &self->styles[style], 0.0, NULL, text);
}

void
sihua_pdf_document_add_bullet (SihuaPdfDocument *self,
                               SihuaPdfStyle     style,
                               const char       *text)
{
  SihuaPdfTextStyle bullet_style;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style < SIHUA_PDF_N_STYLES);

  bullet_style = self->styles[style];
  bullet_style.space_after = bullet_style.space_after / 2.0;
  sihua_pdf_document_add_paragraph_full (self, &bullet_style, bullet_style.size * 1.4, "•", text);
}

static void
add_outline (SihuaPdfDocument *self,
             const char       *title,
             guint             level)
{
  OutlineEntry entry = { sanitize (NULL, title), level, self->pages->len, self->cursor };

  g_array_append_val (self->outline, entry);
}

/**
 * sihua_pdf_document_add_heading:
 * @self: a document
 * @style: %SIHUA_PDF_STYLE_TITLE, %SIHUA_PDF_STYLE_HEADING or
 *   %SIHUA_PDF_STYLE_SUBHEADING
 * @text: the heading
 * @in_outline: whether it gets a bookmark (nested under the last heading)
 *
 * A heading stays with at least three lines of what follows it.
 */
void
sihua_pdf_document_add_heading (SihuaPdfDocument *self,
                                SihuaPdfStyle     style,
                                const char       *text,
                                gboolean          in_outline)
{
  const SihuaPdfTextStyle *text_style;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style < SIHUA_PDF_N_STYLES);

  text_style = &self->styles[style];
  sihua_pdf_document_ensure_space (self, text_style->space_before + text_style->line_height * 2 +
                                   self->styles[SIHUA_PDF_STYLE_BODY].line_height * 3);
  if (in_outline)
    add_outline (self, text, style == SIHUA_PDF_STYLE_SUBHEADING ? 1 : 0);
  sihua_pdf_document_add_paragraph_full (self, text_style, 0.0, NULL, text);
}

/**
 * sihua_pdf_document_add_section:
 * @self: a document
 * @title: the section title
 *
 * Starts a section on a new page, with a heading and a bookmark.
 */
void
sihua_pdf_document_add_section (SihuaPdfDocument *self,
                                const char       *title)
{
  g_return_if_fail (self != NULL);

  if (!self->at_top || ((Page *)g_ptr_array_index (self->pages, self->pages->len - 1))->ops->len > 0)
    sihua_pdf_document_new_page (self);
  sihua_pdf_document_add_heading (self, SIHUA_PDF_STYLE_HEADING, title, TRUE);
  sihua_pdf_document_place_line (self, MARGIN_LEFT, self->cursor - 6.0,
                                 MARGIN_LEFT + sihua_pdf_document_get_content_width (self),
                                 self->cursor - 6.0, 0.8, &self->styles[SIHUA_PDF_STYLE_HEADING].color);
  self->cursor += 4.0;
}

void
sihua_pdf_document_add_rule (SihuaPdfDocument *self)
{
  g_return_if_fail (self != NULL);

  sihua_pdf_document_skip (self, 4.0);
  sihua_pdf_document_place_line (self, MARGIN_LEFT, self->cursor,
                                 MARGIN_LEFT + sihua_pdf_document_get_content_width (self),
                                 self->cursor, 0.5, &hairline);
  sihua_pdf_document_skip (self, 8.0);
}

