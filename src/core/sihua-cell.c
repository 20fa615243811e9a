/* sihua-cell.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cell"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sihua-cell.h"

/*
 * Exports end up in spreadsheets. Excel and LibreOffice run a cell that
 * begins with '=', '+', '-' or '@' as a formula (and older Excel also took
 * a leading tab or CR as the start of one), so a company name such as
 * "=HYPERLINK(...)" typed at a client's site could run when an analyst opens
 * the file. Such text gets a leading apostrophe: the spreadsheet shows it as
 * text, and a reader can strip the apostrophe to get the value back. Numbers
 * are written as numbers and are never touched (a negative score stays a
 * number). docs/export-format.md documents this.
 */

gboolean
sihua_cell_is_dangerous (const char *text)
{
  if (text == NULL)
    return FALSE;

  switch (text[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

char *
sihua_cell_neutralise (const char *text)
{
  if (text == NULL)
    return NULL;

  if (sihua_cell_is_dangerous (text))
    return g_strconcat ("'", text, NULL);

  return g_strdup (text);
}

void
sihua_cell_append_csv_text (GString    *out,
                            const char *text)
{
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (sihua_cell_is_dangerous (text))
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

void
sihua_cell_append_csv (GString         *out,
                       const SihuaCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (out != NULL);
  g_return_if_fail (cell != NULL);

  switch (cell->kind)
    {
    case SIHUA_CELL_EMPTY:
      break;

    case SIHUA_CELL_TEXT:
      sihua_cell_append_csv_text (out, cell->text);
      break;

    case SIHUA_CELL_NUMBER:
      if (isfinite (cell->number))
        g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, cell->number));
      break;

    case SIHUA_CELL_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->integer);
      break;

    case SIHUA_CELL_BOOLEAN:
      g_string_append (out, cell->boolean ? "true" : "false");
      break;

    default:
      g_assert_not_reached ();
    }
}
