/* sihua-text-layout.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-text-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

#include "sihua-text-layout.h"

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
 * sihua_text_layout_is_no_start:
 * @ch: a character
 *
 * Returns: whether @ch is closing punctuation that must not begin a line.
 */
gboolean
sihua_text_layout_is_no_start (gunichar ch)
{
  return char_in (no_start_chars, ch);
}

/**
 * sihua_text_layout_is_no_end:
 * @ch: a character
 *
 * Returns: whether @ch is opening punctuation that must not end a line.
 */
gboolean
sihua_text_layout_is_no_end (gunichar ch)
{
  return char_in (no_end_chars, ch);
}

typedef struct
{
  gunichar ch;
  gsize    offset;   /* byte offset in the text */
  double   width;
} Char;

static gboolean
is_space (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == 0x3000 || ch == 0xa0;
}

static gboolean
is_newline (gunichar ch)
{
  return ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029;
}

/* Whether a line may end before char @i: Pango's opinion (UAX #14 with
 * Chinese rules) and ours on punctuation both have to agree. */
static gboolean
may_break_before (const Char         *chars,
                  const PangoLogAttr *attrs,
                  guint               i,
                  guint               start)
{
  if (i <= start)
    return FALSE;
  if (!attrs[i].is_line_break)
    return FALSE;
  if (sihua_text_layout_is_no_start (chars[i].ch))
    return FALSE;
  if (sihua_text_layout_is_no_end (chars[i - 1].ch))
    return FALSE;

  return TRUE;
}

static void
push_line (GArray      *lines,
           const Char  *chars,
           guint        n_chars,
           gsize        text_length,
           guint        start,
           guint        end)
{
  SihuaTextLine line = { 0 };
  guint last = end;

  /* Spaces and line feeds at the end of a line are not drawn. */
  while (last > start && (is_space (chars[last - 1].ch) || is_newline (chars[last - 1].ch)))
    last--;

  line.start = start < n_chars ? chars[start].offset : text_length;
  line.length = (last < n_chars ? chars[last].offset : text_length) - line.start;
  for (guint i = start; i < last; i++)
    line.width += chars[i].width;

  g_array_append_val (lines, line);
}

/**
 * sihua_text_layout_break:
 * @font: the font the text is set in
 * @size: the font size in points
 * @text: a UTF-8 paragraph; line feeds force a break
 * @max_width: the width of the column in points
 *
 * Breaks @text into lines no wider than @max_width. Breaks fall where Pango
 * finds a line break opportunity (between any two Chinese characters, at
 * spaces and hyphens between Latin words), never before closing punctuation
 * nor after opening punctuation; a word wider than the column is broken
 * between two characters. Every line but an overlong single character fits.
 *
 * Returns: (transfer full) (element-type SihuaTextLine): the lines, at least
 *   one (empty for empty text).
 */
GArray *
sihua_text_layout_break (SihuaPdfFont *font,
                         double        size,
                         const char   *text,
                         double        max_width)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (SihuaTextLine));
  g_autofree Char *chars = NULL;
  g_autofree PangoLogAttr *attrs = NULL;
  gsize text_length;
  guint n_chars;
  guint start = 0;

  g_return_val_if_fail (font != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  text_length = strlen (text);
  n_chars = g_utf8_strlen (text, text_length);
  chars = g_new (Char, n_chars + 1);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);

  {
    const char *p = text;

    for (guint i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
      {
        chars[i].ch = g_utf8_get_char (p);
        chars[i].offset = p - text;
        chars[i].width = is_newline (chars[i].ch) ? 0.0 : sihua_pdf_font_char_width (font, chars[i].ch, size);
      }
  }

  if (n_chars > 0)
    pango_get_log_attrs (text, text_length, -1, pango_language_from_string ("zh-cn"),
                         attrs, n_chars + 1);

  while (start < n_chars)
    {
      double width = 0.0;
      guint best_break = 0;   /* 0: none found on this line yet */
      guint i;

      for (i = start; i < n_chars; i++)
        {
          if (i > start && attrs[i].is_mandatory_break)
            break;

          if (may_break_before (chars, attrs, i, start))
            best_break = i;

          /* Spaces may hang past the margin: they are trimmed, not drawn. */
          if (!is_space (chars[i].ch) && !is_newline (chars[i].ch) &&
              width + chars[i].width > max_width + 1e-6 && i > start)
            break;

          width += chars[i].width;
        }

      if (i >= n_chars || attrs[i].is_mandatory_break)
        {
          /* The rest of the paragraph, or up to a line feed, fits. */
          push_line (lines, chars, n_chars, text_length, start, i);
          start = i;
          continue;
        }

      if (best_break > start)
        {
          push_line (lines, chars, n_chars, text_length, start, best_break);
          start = best_break;
        }
      else
        {
          /* No allowed break: cut a long word (or an unbroken run) between
           * characters, still keeping closing punctuation off the start of
           * the next line and opening punctuation off the end of this one. */
          guint cut = i;

          while (cut - 1 > start &&
                 (sihua_text_layout_is_no_start (chars[cut].ch) ||
                  sihua_text_layout_is_no_end (chars[cut - 1].ch)))
            cut--;
          push_line (lines, chars, n_chars, text_length, start, cut);
          start = cut;
        }

      /* A line never starts with the spaces it broke at. */
      while (start < n_chars && is_space (chars[start].ch))
        start++;
    }

  if (lines->len == 0)
    {
      SihuaTextLine empty = { 0 };

      g_array_append_val (lines, empty);
    }

  return g_steal_pointer (&lines);
}
