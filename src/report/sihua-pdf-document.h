/* sihua-pdf-document.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <hpdf.h>

#include "sihua-pdf-font.h"

G_BEGIN_DECLS

/*
 * An A4 document laid out top to bottom: paragraphs, headings, tables that
 * split across pages, blocks kept together, free placement for covers. Layout
 * happens as content is added (coordinates from the top-left corner of the
 * page, in points); the PDF is only produced by sihua_pdf_document_save(),
 * once the page count is known and the font can be cut to the characters
 * actually used.
 */
typedef struct _SihuaPdfDocument SihuaPdfDocument;
typedef struct _SihuaPdfTable    SihuaPdfTable;

typedef struct
{
  double r, g, b;
} SihuaPdfColor;

typedef enum
{
  SIHUA_PDF_STYLE_TITLE,
  SIHUA_PDF_STYLE_HEADING,
  SIHUA_PDF_STYLE_SUBHEADING,
  SIHUA_PDF_STYLE_BODY,
  SIHUA_PDF_STYLE_SMALL,
  SIHUA_PDF_STYLE_TABLE,
  SIHUA_PDF_STYLE_TABLE_HEADER,
  SIHUA_PDF_N_STYLES
} SihuaPdfStyle;

typedef struct
{
  double        size;
  double        line_height;
  double        space_before;
  double        space_after;
  gboolean      bold;
  SihuaPdfColor color;
} SihuaPdfTextStyle;

/* What a block's drawing function gets at save time, in PDF coordinates
 * (origin bottom-left): the block's rectangle, y being its bottom edge. */
typedef struct
{
  HPDF_Doc      pdf;
  HPDF_Page     page;
  HPDF_Font     font;
  SihuaPdfFont *measure;
  double        x;
  double        y;
  double        width;
  double        height;
} SihuaPdfBlockContext;

typedef void  (*SihuaPdfBlockFunc)     (const SihuaPdfBlockContext *context,
                                        gpointer                    user_data);
/* Returns the footer's page label, "第 3 页 / 共 15 页". */
typedef char *(*SihuaPdfPageLabelFunc) (guint                       page,
                                        guint                       n_pages,
                                        gpointer                    user_data);

#define SIHUA_PDF_A4_WIDTH  595.276
#define SIHUA_PDF_A4_HEIGHT 841.89

SihuaPdfDocument        *sihua_pdf_document_new              (SihuaPdfFont            *font);
void                     sihua_pdf_document_free             (SihuaPdfDocument        *self);

SihuaPdfFont            *sihua_pdf_document_get_font         (SihuaPdfDocument        *self);
const SihuaPdfTextStyle *sihua_pdf_document_get_style        (SihuaPdfDocument        *self,
                                                              SihuaPdfStyle            style);
void                     sihua_pdf_document_set_info         (SihuaPdfDocument        *self,
                                                              const char              *title,
                                                              const char              *author,
                                                              const char              *subject,
                                                              GDateTime               *created);
void                     sihua_pdf_document_set_header       (SihuaPdfDocument        *self,
                                                              const char              *left,
                                                              const char              *right);
void                     sihua_pdf_document_set_footer       (SihuaPdfDocument        *self,
                                                              const char              *left,
                                                              SihuaPdfPageLabelFunc    label_func,
                                                              gpointer                 user_data);

/* Geometry and the cursor (points from the top of the page). */
double                   sihua_pdf_document_get_left         (SihuaPdfDocument        *self);
double                   sihua_pdf_document_get_content_width (SihuaPdfDocument       *self);
double                   sihua_pdf_document_get_top          (SihuaPdfDocument        *self);
double                   sihua_pdf_document_get_bottom       (SihuaPdfDocument        *self);
double                   sihua_pdf_document_get_cursor       (SihuaPdfDocument        *self);
double                   sihua_pdf_document_get_remaining    (SihuaPdfDocument        *self);
void                     sihua_pdf_document_skip             (SihuaPdfDocument        *self,
                                                              double                   height);
void                     sihua_pdf_document_ensure_space     (SihuaPdfDocument        *self,
                                                              double                   height);
guint                    sihua_pdf_document_get_n_pages      (SihuaPdfDocument        *self);
guint                    sihua_pdf_document_get_page         (SihuaPdfDocument        *self);

/* Pages. A plain page has no header or footer (the cover). */
void                     sihua_pdf_document_new_page         (SihuaPdfDocument        *self);
void                     sihua_pdf_document_set_page_plain   (SihuaPdfDocument        *self);

/* Flowing content. */
void                     sihua_pdf_document_add_section      (SihuaPdfDocument        *self,
                                                              const char              *title);
void                     sihua_pdf_document_add_heading      (SihuaPdfDocument        *self,
                                                              SihuaPdfStyle            style,
                                                              const char              *text,
                                                              gboolean                 in_outline);
void                     sihua_pdf_document_add_paragraph    (SihuaPdfDocument        *self,
                                                              SihuaPdfStyle            style,
                                                              const char              *text);
void                     sihua_pdf_document_add_paragraph_full (SihuaPdfDocument      *self,
                                                              const SihuaPdfTextStyle *style,
                                                              double                   indent,
                                                              const char              *bullet,
                                                              const char              *text);
void                     sihua_pdf_document_add_bullet       (SihuaPdfDocument        *self,
                                                              SihuaPdfStyle            style,
                                                              const char              *text);
void                     sihua_pdf_document_add_block        (SihuaPdfDocument        *self,
                                                              double                   height,
                                                              SihuaPdfBlockFunc        func,
                                                              gpointer                 user_data,
                                                              GDestroyNotify           destroy);
void                     sihua_pdf_document_add_table        (SihuaPdfDocument        *self,
                                                              SihuaPdfTable           *table);
void                     sihua_pdf_document_add_rule         (SihuaPdfDocument        *self);

/* Free placement on the current page. @y is the baseline for text and the
 * top edge for rectangles. */
void                     sihua_pdf_document_place_text       (SihuaPdfDocument        *self,
                                                              double                   x,
                                                              double                   y,
                                                              double                   size,
                                                              gboolean                 bold,
                                                              const SihuaPdfColor     *color,
                                                              const char              *text);
double                   sihua_pdf_document_place_text_box   (SihuaPdfDocument        *self,
                                                              double                   x,
                                                              double                   y,
                                                              double                   width,
                                                              const SihuaPdfTextStyle *style,
                                                              const char              *text);
void                     sihua_pdf_document_place_rect       (SihuaPdfDocument        *self,
                                                              double                   x,
                                                              double                   y,
                                                              double                   width,
                                                              double                   height,
                                                              const SihuaPdfColor     *fill,
                                                              const SihuaPdfColor     *stroke);
void                     sihua_pdf_document_place_line       (SihuaPdfDocument        *self,
                                                              double                   x0,
                                                              double                   y0,
                                                              double                   x1,
                                                              double                   y1,
                                                              double                   line_width,
                                                              const SihuaPdfColor     *color);
void                     sihua_pdf_document_place_image      (SihuaPdfDocument        *self,
                                                              const char              *png_or_jpeg,
                                                              double                   x,
                                                              double                   y,
                                                              double                   max_width,
                                                              double                   max_height);
void                     sihua_pdf_document_place_block      (SihuaPdfDocument        *self,
                                                              double                   x,
                                                              double                   y,
                                                              double                   width,
                                                              double                   height,
                                                              SihuaPdfBlockFunc        func,
                                                              gpointer                 user_data,
                                                              GDestroyNotify           destroy);

/* Another renderer's view of the laid-out pages (coordinates from the top
 * left, text at its baseline). Images are not replayed. */
typedef struct
{
  void (*begin_page) (gpointer             user_data,
                      guint                page);
  void (*text)       (gpointer             user_data,
                      double               x,
                      double               y,
                      double               size,
                      gboolean             bold,
                      const SihuaPdfColor *color,
                      const char          *text);
  void (*rect)       (gpointer             user_data,
                      double               x,
                      double               y,
                      double               width,
                      double               height,
                      const SihuaPdfColor *fill,
                      const SihuaPdfColor *stroke);
  void (*line)       (gpointer             user_data,
                      double               x0,
                      double               y0,
                      double               x1,
                      double               y1,
                      double               line_width,
                      const SihuaPdfColor *color);
  void (*block)      (gpointer             user_data,
                      double               x,
                      double               y,
                      double               width,
                      double               height);
} SihuaPdfReplay;

void                     sihua_pdf_document_replay           (SihuaPdfDocument        *self,
                                                              const SihuaPdfReplay    *replay,
                                                              gpointer                 user_data);
gboolean                 sihua_pdf_document_save             (SihuaPdfDocument        *self,
                                                              const char              *path,
                                                              GError                 **error);

/* Tables: relative column widths, a header row repeated on every page the
 * table runs onto, cells that wrap, rows split at line boundaries when they
 * are taller than what is left of a page. */
SihuaPdfTable           *sihua_pdf_table_new                 (guint                    n_columns,
                                                              const double            *widths);
void                     sihua_pdf_table_free                (SihuaPdfTable           *table);
void                     sihua_pdf_table_set_header          (SihuaPdfTable           *table,
                                                              const char * const      *cells);
void                     sihua_pdf_table_set_continued_mark  (SihuaPdfTable           *table,
                                                              const char              *mark);
void                     sihua_pdf_table_set_title_column    (SihuaPdfTable           *table,
                                                              guint                    column);
void                     sihua_pdf_table_add_row             (SihuaPdfTable           *table,
                                                              const char * const      *cells,
                                                              const SihuaPdfColor     *accent);

/* Drawing helpers for block functions. */
void                     sihua_pdf_draw_text                 (HPDF_Page                page,
                                                              HPDF_Font                font,
                                                              double                   size,
                                                              gboolean                 bold,
                                                              const SihuaPdfColor     *color,
                                                              double                   x,
                                                              double                   y,
                                                              const char              *text);
SihuaPdfColor            sihua_pdf_color_from_hex            (guint32                  rgb);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaPdfDocument, sihua_pdf_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaPdfTable, sihua_pdf_table_free)

G_END_DECLS
