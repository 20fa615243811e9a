/* sihua-cell.h
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
  SIHUA_CELL_EMPTY,
  SIHUA_CELL_TEXT,
  SIHUA_CELL_NUMBER,   /* written as a number; NAN is written as an empty cell */
  SIHUA_CELL_INTEGER,
  SIHUA_CELL_BOOLEAN,
} SihuaCellKind;

typedef struct
{
  SihuaCellKind  kind;
  const char    *text;
  double         number;
  gint64         integer;
  gboolean       boolean;
} SihuaCell;

/* Whether a spreadsheet could take @text for a formula or a command: it
 * begins with '=', '+', '-', '@', a tab or a carriage return. */
gboolean  sihua_cell_is_dangerous     (const char *text);
/* Appends @text as one CSV field: quoted when it holds a comma, a
 * semicolon, a tab, a quote, CR or LF (quotes doubled), and with an
 * apostrophe before every formula trigger that a reader splitting on any
 * of those could see at the start of a field (see sihua-cell.c). */
void      sihua_cell_append_csv_text  (GString    *out,
                                       const char *text);
/* Appends @cell as one CSV field; numbers in the C locale, shortest form
 * that reads back exactly. */
void      sihua_cell_append_csv       (GString         *out,
                                       const SihuaCell *cell);

static inline SihuaCell
sihua_cell_text (const char *text)
{
  SihuaCell cell = { text != NULL ? SIHUA_CELL_TEXT : SIHUA_CELL_EMPTY, text, 0, 0, FALSE };
  return cell;
}

static inline SihuaCell
sihua_cell_number (double number)
{
  SihuaCell cell = { SIHUA_CELL_NUMBER, NULL, number, 0, FALSE };
  return cell;
}

static inline SihuaCell
sihua_cell_integer (gint64 integer)
{
  SihuaCell cell = { SIHUA_CELL_INTEGER, NULL, 0, integer, FALSE };
  return cell;
}

static inline SihuaCell
sihua_cell_boolean (gboolean boolean)
{
  SihuaCell cell = { SIHUA_CELL_BOOLEAN, NULL, 0, 0, boolean };
  return cell;
}

static inline SihuaCell
sihua_cell_empty (void)
{
  SihuaCell cell = { SIHUA_CELL_EMPTY, NULL, 0, 0, FALSE };
  return cell;
}

G_END_DECLS
