/* sihua-export-cell.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One cell of an exported table (CSV, XLSX). Plain data; text is borrowed. */
typedef enum
{
  SIHUA_EXPORT_CELL_EMPTY,
  SIHUA_EXPORT_CELL_TEXT,
  SIHUA_EXPORT_CELL_NUMBER,   /* written as a number; NAN is written as an empty cell */
  SIHUA_EXPORT_CELL_INTEGER,
  SIHUA_EXPORT_CELL_BOOLEAN,
} SihuaExportCellKind;

typedef struct
{
  SihuaExportCellKind  kind;
  const char          *text;
  double               number;
  gint64               integer;
  gboolean             boolean;
} SihuaExportCell;

/* Whether a spreadsheet could take @text for a formula or a command: it
 * begins with '=', '+', '-', '@', a tab or a carriage return. */
gboolean  sihua_export_cell_is_dangerous     (const char *text);
/* Appends @text as one CSV field: quoted when it holds a comma, a
 * semicolon, a tab, a quote, CR or LF (quotes doubled), and with an
 * apostrophe before every formula trigger that a reader splitting on any
 * of those could see at the start of a field (see sihua-export-cell.c). */
void      sihua_export_cell_append_csv_text  (GString    *out,
                                              const char *text);
/* Appends @cell as one CSV field; numbers in the C locale, shortest form
 * that reads back exactly. */
void      sihua_export_cell_append_csv       (GString               *out,
                                              const SihuaExportCell *cell);

static inline SihuaExportCell
sihua_export_cell_text (const char *text)
{
  SihuaExportCell cell = { text != NULL ? SIHUA_EXPORT_CELL_TEXT : SIHUA_EXPORT_CELL_EMPTY, text, 0, 0, FALSE };
  return cell;
}

static inline SihuaExportCell
sihua_export_cell_number (double number)
{
  SihuaExportCell cell = { SIHUA_EXPORT_CELL_NUMBER, NULL, number, 0, FALSE };
  return cell;
}

static inline SihuaExportCell
sihua_export_cell_integer (gint64 integer)
{
  SihuaExportCell cell = { SIHUA_EXPORT_CELL_INTEGER, NULL, 0, integer, FALSE };
  return cell;
}

static inline SihuaExportCell
sihua_export_cell_boolean (gboolean boolean)
{
  SihuaExportCell cell = { SIHUA_EXPORT_CELL_BOOLEAN, NULL, 0, 0, boolean };
  return cell;
}

static inline SihuaExportCell
sihua_export_cell_empty (void)
{
  SihuaExportCell cell = { SIHUA_EXPORT_CELL_EMPTY, NULL, 0, 0, FALSE };
  return cell;
}

G_END_DECLS
