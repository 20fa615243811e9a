/* sihua-text-layout.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sihua-pdf-font.h"

G_BEGIN_DECLS

/* One line of a broken paragraph: a byte range of the paragraph's text
 * (without the trailing spaces and line feed) and its width in points. */
typedef struct
{
  gsize  start;
  gsize  length;
  double width;
} SihuaTextLine;

GArray *sihua_text_layout_break (SihuaPdfFont *font,
                                 double        size,
                                 const char   *text,
                                 double        max_width);

G_END_DECLS
