/* sihua-pdf-painter.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <hpdf.h>

#include "sihua-painter.h"

G_BEGIN_DECLS

SihuaPainter *sihua_pdf_painter_new (HPDF_Doc   pdf,
                                     HPDF_Page  page,
                                     HPDF_Font  font,
                                     double     x,
                                     double     y,
                                     double     width,
                                     double     height);

G_END_DECLS
