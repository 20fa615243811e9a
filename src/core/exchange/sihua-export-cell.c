/* sihua-export-cell.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export-cell"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sihua-export-cell.h"

/*
 * Exports end up in spreadsheets. Excel and LibreOffice run a cell that
 * begins with '=', '+', '-' or '@' as a formula (and older Excel also took
 * a leading tab or CR as the start of one), so a company name such as
 * "=HYPERLINK(...)" typed at a client's site could run when an analyst opens
 * the file.
 *
 * A CSV file does not say how it is split: Excel in most European locales
 * splits on ';', other readers on a tab, and such a reader honours quotes
 * only at the start of what it takes for a field. So for any of them a new
 * field may start at the start of ours, or right after a ',' ';' tab, CR or
 * LF inside it, optionally after double quotes. Wherever a formula trigger
 * follows such a point, an apostrophe goes before it: the spreadsheet shows
 * text, and a script can strip the apostrophe to get the value back. Numbers
 * are written as numbers and are never touched (a negative score stays a
 * number). An XLSX cell holds its text as a string, never a formula, so XLSX
 * writes text unchanged. docs/export-format.md documents this.
 */

static gboolean
is_trigger (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Where some reader could start a new field after @c. */
static gboolean
is_separator (char c)
{
  return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
}

gboolean
sihua_export_cell_is_dangerous (const char *text)
{
  return text != NULL && is_trigger (text[0]);
}

void
sihua_export_cell_append_csv_text (GString    *out,
                                   const char *text)
{
  gboolean field_start = TRUE;
  gboolean quote;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  quote = strpbrk (text, ",;\t\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (field_start && is_trigger (*p))
        g_string_append_c (out, '\'');
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);

      /* A reader takes quotes at a field's start as its quoting. */
      field_start = is_separator (*p) || (field_start && *p == '"');
    }

  if (quote)
    g_string_append_c (out, '"');
}

void
sihua_export_cell_append_csv (GString               *out,
                              const SihuaExportCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (out != NULL);
  g_return_if_fail (cell != NULL);

  switch (cell->kind)
    {
    case SIHUA_EXPORT_CELL_EMPTY:
      break;

    case SIHUA_EXPORT_CELL_TEXT:
      sihua_export_cell_append_csv_text (out, cell->text);
      break;

    case SIHUA_EXPORT_CELL_NUMBER:
      if (isfinite (cell->number))
        g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, cell->number));
      break;

    case SIHUA_EXPORT_CELL_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->integer);
      break;

    case SIHUA_EXPORT_CELL_BOOLEAN:
      g_string_append (out, cell->boolean ? "true" : "false");
      break;

    default:
      g_assert_not_reached ();
    }
}
