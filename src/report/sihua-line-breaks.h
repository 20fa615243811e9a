/* sihua-line-breaks.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a line may, or must, end before a character. */
typedef enum
{
  SIHUA_LINE_BREAK_NONE,
  SIHUA_LINE_BREAK_ALLOWED,
  SIHUA_LINE_BREAK_MANDATORY,
} SihuaLineBreak;

SihuaLineBreak *sihua_line_breaks_find        (const char *text,
                                               gsize       length,
                                               guint      *n_chars);
gboolean        sihua_line_breaks_is_no_start (gunichar    ch);
gboolean        sihua_line_breaks_is_no_end   (gunichar    ch);

G_END_DECLS
