/* sihua-pdf-document-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-pdf-document.h"

G_BEGIN_DECLS

#define MARGIN_LEFT   62.0
#define MARGIN_RIGHT  62.0
#define MARGIN_TOP    78.0
#define MARGIN_BOTTOM 72.0
#define HEADER_BASELINE 46.0
#define FOOTER_BASELINE (SIHUA_PDF_A4_HEIGHT - 40.0)

typedef enum
{
  OP_TEXT,
  OP_RECT,
  OP_LINE,
  OP_IMAGE,
  OP_BLOCK,
} OpKind;

typedef struct
{
  OpKind             kind;
  double             x, y, w, h;   /* top-down; text: baseline at y */
  double             size;         /* text size, or line width */
  gboolean           bold;
  gboolean           has_fill;
  gboolean           has_stroke;
  SihuaPdfColor      fill;
  SihuaPdfColor      stroke;
  char              *text;         /* text, or image file */
  SihuaPdfBlockFunc  func;
  gpointer           data;
} Op;

typedef struct
{
  GArray   *ops;
  gboolean  plain;
} Page;

typedef struct
{
  char  *title;
  guint  level;
  guint  page;
  double y;
} OutlineEntry;

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} OwnedData;

struct _SihuaPdfDocument
{
  SihuaPdfFont          *font;
  SihuaPdfTextStyle      styles[SIHUA_PDF_N_STYLES];
  GPtrArray             *pages;      /* Page* */
  GArray                *outline;    /* OutlineEntry */
  GArray                *owned;      /* OwnedData */
  double                 cursor;
  gboolean               at_top;     /* nothing placed in the flow of this page yet */

  char                  *title;
  char                  *author;
  char                  *subject;
  GDateTime             *created;
  char                  *header_left;
  char                  *header_right;
  char                  *footer_left;
  SihuaPdfPageLabelFunc  label_func;
  gpointer               label_data;

  HPDF_STATUS            hpdf_error;
  HPDF_STATUS            hpdf_detail;
};

static const SihuaPdfColor ink G_GNUC_UNUSED = { 0.13, 0.15, 0.18 };
static const SihuaPdfColor muted G_GNUC_UNUSED = { 0.42, 0.45, 0.49 };
static const SihuaPdfColor hairline G_GNUC_UNUSED = { 0.82, 0.84, 0.86 };

guint _sihua_pdf_document_count_pages (SihuaPdfDocument *self);

G_END_DECLS
