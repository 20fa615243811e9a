/* sihua-cli-text.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <string.h>

#include "sihua-cli-text.h"

/*
 * Names, notes, answers, model texts, file names and messages that hold
 * them come from a database, a bundle, a model file or the command line,
 * that is from anyone. Printed as they are, an escape sequence in a company
 * name can clear the terminal and draw a fake message, a newline or a tab
 * can forge a line or a column of `company list`, and a bidi override can
 * show text in another order than it is stored.
 *
 * So every such text passes through sihua_cli_escape() before it is printed:
 * TAB, LF and CR show as \t, \n and \r; every other C0 control, DEL and
 * every C1 control shows as \u followed by four hex digits (ESC is
 * \u001b); so do the bidi controls U+200E, U+200F, U+202A–U+202E and
 * U+2066–U+2069; a byte that is not UTF-8 shows as \x and two hex digits.
 * Everything else, Chinese included, is printed as it is. A backslash is
 * not doubled, so the output stays readable; it is for people, and --json
 * is for programs.
 */

static gboolean
is_hidden (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  switch (c)
    {
    case '\t':
      g_string_append (out, "\\t");
      break;
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    default:
      g_string_append_printf (out, "\\u%04x", c);
    }
}

/**
 * sihua_cli_escape:
 * @text: (nullable): text from outside the program
 *
 * Returns: (transfer full) (nullable): @text fit to print on a terminal, as
 *   described above, or %NULL for %NULL
 */
char *
sihua_cli_escape (const char *text)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (is_hidden (c))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* Escaped copies handed out by sihua_cli_shown(), until the command ends. */
static GPtrArray *shown;

/**
 * sihua_cli_shown:
 * @text: (nullable): text from outside the program
 *
 * sihua_cli_escape() for use inside a printf() argument list: the copy lives
 * until sihua_cli_shown_clear(), which the command line calls at its end.
 *
 * Returns: (transfer none) (nullable): the escaped text
 */
const char *
sihua_cli_shown (const char *text)
{
  char *escaped;

  if (text == NULL)
    return NULL;
  if (shown == NULL)
    shown = g_ptr_array_new_with_free_func (g_free);

  escaped = sihua_cli_escape (text);
  g_ptr_array_add (shown, escaped);

  return escaped;
}

void
sihua_cli_shown_clear (void)
{
  g_clear_pointer (&shown, g_ptr_array_unref);
}

/**
 * sihua_cli_escape_json:
 * @json: JSON text as json-glib writes it
 *
 * json-glib escapes the C0 controls inside strings, as JSON requires, but
 * writes DEL, the C1 controls and the bidi controls as they are. Outside
 * strings JSON has none of them, so writing them as \u escapes keeps the
 * JSON and every value in it exactly the same.
 *
 * Returns: (transfer full): @json safe to print on a terminal
 */
char *
sihua_cli_escape_json (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));

  const char *p = json;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        g_string_append_c (out, *p++);
      else
        {
          if (is_hidden (c) && c != '\n')
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          p = g_utf8_next_char (p);
        }
    }

  return g_string_free (out, FALSE);
}
