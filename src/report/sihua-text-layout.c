/* sihua-text-layout.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-text-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-line-breaks.h"
#include "sihua-text-layout.h"

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

/* Whether a line may end before char @i (and after the line's first). */
static gboolean
may_break_before (const SihuaLineBreak *breaks,
                  guint                 i,
                  guint                 start)
{
  return i > start && breaks[i] != SIHUA_LINE_BREAK_NONE;
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
 * Breaks @text into lines no wider than @max_width, at the places
 * sihua_line_breaks_find() allows; a word wider than the column is broken
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
  g_autofree SihuaLineBreak *breaks = NULL;
  gsize text_length;
  guint n_chars;
  guint start = 0;

  g_return_val_if_fail (font != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  text_length = strlen (text);
  breaks = sihua_line_breaks_find (text, text_length, &n_chars);
  chars = g_new (Char, n_chars + 1);

  {
    const char *p = text;

    for (guint i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
      {
        chars[i].ch = g_utf8_get_char (p);
        chars[i].offset = p - text;
        chars[i].width = is_newline (chars[i].ch) ? 0.0 : sihua_pdf_font_char_width (font, chars[i].ch, size);
      }
  }

  while (start < n_chars)
    {
      double width = 0.0;
      guint best_break = 0;   /* 0: none found on this line yet */
      guint i;

      for (i = start; i < n_chars; i++)
        {
          if (i > start && breaks[i] == SIHUA_LINE_BREAK_MANDATORY)
            break;

          if (may_break_before (breaks, i, start))
            best_break = i;

          /* Spaces may hang past the margin: they are trimmed, not drawn. */
          if (!is_space (chars[i].ch) && !is_newline (chars[i].ch) &&
              width + chars[i].width > max_width + 1e-6 && i > start)
            break;

          width += chars[i].width;
        }

      if (i >= n_chars || breaks[i] == SIHUA_LINE_BREAK_MANDATORY)
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
                 (sihua_line_breaks_is_no_start (chars[cut].ch) ||
                  sihua_line_breaks_is_no_end (chars[cut - 1].ch)))
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
