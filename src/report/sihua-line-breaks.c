/* sihua-line-breaks.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-line-breaks"

#include "config.h"

#include <pango/pango.h>

#include "sihua-line-breaks.h"

/*
 * Where a line of mixed Chinese and Latin text may end. The PDF's paragraphs
 * and the charts' labels fit their lines in different ways (the PDF fills a
 * column, a label balances two short lines), but both ask here, so a label
 * and the report it is printed in never break the same text differently.
 */

/* Chinese typesetting rules (避头尾): these never begin a line … */
static const char no_start_chars[] =
  "。，、．，：；！？）》」』】〕〗〙〛｝］〉’”…‥·・〜～ー々〻ゝゞ%‰℃"
  ".,:;!?)]}>";
/* … and these never end one. */
static const char no_end_chars[] =
  "（《「『【〔〖〘〚｛［〈‘“([{<¥$£€#";

static gboolean
char_in (const char *set,
         gunichar    ch)
{
  /* Letters, digits and Chinese characters are by far the most common and
   * are in neither set. */
  if ((ch >= 0x4e00 && ch <= 0x9fff) || (ch < 0x80 && g_ascii_isalnum (ch)))
    return FALSE;

  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == ch)
      return TRUE;

  return FALSE;
}

/**
 * sihua_line_breaks_is_no_start:
 * @ch: a character
 *
 * Returns: whether @ch is closing punctuation that must not begin a line.
 */
gboolean
sihua_line_breaks_is_no_start (gunichar ch)
{
  return char_in (no_start_chars, ch);
}

/**
 * sihua_line_breaks_is_no_end:
 * @ch: a character
 *
 * Returns: whether @ch is opening punctuation that must not end a line.
 */
gboolean
sihua_line_breaks_is_no_end (gunichar ch)
{
  return char_in (no_end_chars, ch);
}

/**
 * sihua_line_breaks_find:
 * @text: valid UTF-8
 * @length: the length of @text in bytes
 * @n_chars: (out): the number of characters in @text
 *
 * Finds where lines of @text may end: where Pango finds a break opportunity
 * (UAX #14 with Chinese rules: between any two Chinese characters, at spaces
 * and hyphens between Latin words) and the punctuation agrees, that is
 * neither closing punctuation would begin the next line nor opening
 * punctuation end this one. Line feeds force a break, and so does the end.
 *
 * Returns: (transfer full) (array length=n_chars+1): for each character, and
 *   for the end of @text, whether a line may or must end before it
 */
SihuaLineBreak *
sihua_line_breaks_find (const char *text,
                        gsize       length,
                        guint      *n_chars)
{
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree gunichar *chars = NULL;
  SihuaLineBreak *breaks;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (n_chars != NULL, NULL);

  n = g_utf8_strlen (text, length);
  chars = g_new (gunichar, n + 1);
  attrs = g_new0 (PangoLogAttr, n + 1);
  breaks = g_new0 (SihuaLineBreak, n + 1);

  {
    const char *p = text;

    for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
      chars[i] = g_utf8_get_char (p);
  }

  if (n > 0)
    pango_get_log_attrs (text, length, -1, pango_language_from_string ("zh-cn"), attrs, n + 1);

  for (guint i = 1; i < n; i++)
    {
      if (attrs[i].is_mandatory_break)
        breaks[i] = SIHUA_LINE_BREAK_MANDATORY;
      else if (attrs[i].is_line_break &&
               !sihua_line_breaks_is_no_start (chars[i]) &&
               !sihua_line_breaks_is_no_end (chars[i - 1]))
        breaks[i] = SIHUA_LINE_BREAK_ALLOWED;
    }
  if (n > 0)
    breaks[n] = SIHUA_LINE_BREAK_MANDATORY;

  *n_chars = n;

  return breaks;
}
