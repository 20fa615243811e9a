/* sihua-text.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-types.h"

G_BEGIN_DECLS

/* A text of a model in both languages; either may be NULL, not both. */
typedef struct
{
  char *zh_cn;
  char *en;
} SihuaText;

/* Shown after a text whose translation is missing, so a reader sees it. */
#define SIHUA_TEXT_FALLBACK_MARK "⁽*⁾"

SihuaLanguage  sihua_language_from_string     (const char      *name,
                                               gboolean        *ok);
const char    *sihua_language_to_string       (SihuaLanguage    language);
SihuaLanguage  sihua_language_from_locale     (void);

const char    *sihua_text_get                 (const SihuaText *text,
                                               SihuaLanguage    language,
                                               gboolean        *is_fallback);
char          *sihua_text_dup_marked          (const SihuaText *text,
                                               SihuaLanguage    language);
void           sihua_text_clear               (SihuaText       *text);

guint          sihua_utf8_display_width       (const char      *text);

G_END_DECLS
