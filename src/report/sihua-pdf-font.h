/* sihua-pdf-font.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

/*
 * The one font a report is set in. Text is measured from the original font
 * (HarfBuzz reads its advances) while the document is laid out; every
 * character measured or added is remembered, and once layout is done the font
 * is cut down to exactly those characters and embedded into the PDF.
 */
typedef struct _SihuaPdfFont SihuaPdfFont;

SihuaPdfFont *sihua_pdf_font_new            (const char    *file,
                                             guint          face_index,
                                             GError       **error);
SihuaPdfFont *sihua_pdf_font_new_default    (GError       **error);
void          sihua_pdf_font_free           (SihuaPdfFont  *self);

const char   *sihua_pdf_font_get_file       (SihuaPdfFont  *self);
void          sihua_pdf_font_add_text       (SihuaPdfFont  *self,
                                             const char    *text);
gboolean      sihua_pdf_font_has_char       (SihuaPdfFont  *self,
                                             gunichar       ch);
double        sihua_pdf_font_char_width     (SihuaPdfFont  *self,
                                             gunichar       ch,
                                             double         size);
double        sihua_pdf_font_text_width     (SihuaPdfFont  *self,
                                             const char    *text,
                                             gssize         length,
                                             double         size);
GBytes       *sihua_pdf_font_subset         (SihuaPdfFont  *self,
                                             GError       **error);
HPDF_Font     sihua_pdf_font_embed          (SihuaPdfFont  *self,
                                             HPDF_Doc       pdf,
                                             GError       **error);
gsize         sihua_pdf_font_get_embedded_size (SihuaPdfFont *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaPdfFont, sihua_pdf_font_free)

G_END_DECLS
