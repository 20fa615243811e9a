/* sihua-text.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-text"

#include "config.h"

#include "sihua-text.h"

/**
 * sihua_language_from_string:
 * @name: "zh_CN" or "en" (also "zh", "zh-CN", "zh_CN.UTF-8", "en_US" …)
 * @ok: (out) (optional): whether @name named a language
 *
 * Returns: the language; English when @name is not understood.
 */
SihuaLanguage
sihua_language_from_string (const char *name,
                            gboolean   *ok)
{
  if (ok != NULL)
    *ok = TRUE;

  if (name != NULL)
    {
      if (g_ascii_strncasecmp (name, "zh", 2) == 0)
        return SIHUA_LANGUAGE_ZH_CN;
      if (g_ascii_strncasecmp (name, "en", 2) == 0)
        return SIHUA_LANGUAGE_EN;
    }

  if (ok != NULL)
    *ok = FALSE;

  return SIHUA_LANGUAGE_EN;
}

const char *
sihua_language_to_string (SihuaLanguage language)
{
  return language == SIHUA_LANGUAGE_ZH_CN ? "zh_CN" : "en";
}

/**
 * sihua_language_from_locale:
 *
 * Returns: Chinese when the messages locale (LANGUAGE, LC_ALL, LC_MESSAGES,
 *   LANG, as gettext reads them) is a Chinese one, English otherwise.
 */
SihuaLanguage
sihua_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  /* The first entry is the most specific name of the preferred language;
   * "C" means no translation, which is English. */
  if (names != NULL && names[0] != NULL && g_ascii_strncasecmp (names[0], "zh", 2) == 0)
    return SIHUA_LANGUAGE_ZH_CN;

  return SIHUA_LANGUAGE_EN;
}

static const char *
text_in (const SihuaText *text,
         SihuaLanguage    language)
{
  const char *value = language == SIHUA_LANGUAGE_ZH_CN ? text->zh_cn : text->en;

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * sihua_text_get:
 * @text: a text
 * @language: the wanted language
 * @is_fallback: (out) (optional): set when the other language had to be used
 *
 * Returns: (transfer none) (nullable): the text in @language, or in the other
 *   language when that one is missing; NULL only for an empty text.
 */
const char *
sihua_text_get (const SihuaText *text,
                SihuaLanguage    language,
                gboolean        *is_fallback)
{
  const char *value;

  if (is_fallback != NULL)
    *is_fallback = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  value = text_in (text, language);
  if (value != NULL)
    return value;

  value = text_in (text, language == SIHUA_LANGUAGE_ZH_CN ? SIHUA_LANGUAGE_EN
                                                          : SIHUA_LANGUAGE_ZH_CN);
  if (value != NULL && is_fallback != NULL)
    *is_fallback = TRUE;

  return value;
}

/**
 * sihua_text_dup_marked:
 *
 * Returns: (transfer full): the text in @language, followed by
 *   %SIHUA_TEXT_FALLBACK_MARK when it is in the other language; "" for an
 *   empty text.
 */
char *
sihua_text_dup_marked (const SihuaText *text,
                       SihuaLanguage    language)
{
  gboolean fallback = FALSE;
  const char *value;

  g_return_val_if_fail (text != NULL, NULL);

  value = sihua_text_get (text, language, &fallback);
  if (value == NULL)
    return g_strdup ("");
  if (fallback)
    return g_strconcat (value, SIHUA_TEXT_FALLBACK_MARK, NULL);

  return g_strdup (value);
}

void
sihua_text_clear (SihuaText *text)
{
  g_return_if_fail (text != NULL);

  g_clear_pointer (&text->zh_cn, g_free);
  g_clear_pointer (&text->en, g_free);
}

/**
 * sihua_utf8_display_width:
 *
 * Returns: how many terminal columns @text takes: a Chinese character (or
 *   any wide one) counts two, a combining mark none, anything else one.
 */
guint
sihua_utf8_display_width (const char *text)
{
  guint width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}
