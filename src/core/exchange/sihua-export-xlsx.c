/* sihua-export-xlsx.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sihua-export.h"
#include "sihua-export-file.h"

/*
 * XLSX through libxlsxwriter in constant-memory mode: each row goes to a
 * temporary file as soon as the next one starts, so memory stays flat
 * however many assessments are exported. Numbers are written as numbers,
 * texts as inline strings, unchanged: a string cell is never a formula, so
 * "+86 138…" stays what it is (CSV needs the apostrophes of sihua-export-cell.c).
 * A sheet is full at 1 048 576 rows; the answers then continue on
 * "answers 2" and so on.
 */

/* The most characters a cell may hold in Excel. */
#define MAX_CELL_CHARS 32767

typedef struct
{
  lxw_worksheet *worksheet;
  lxw_row_t      row;
  guint          n_columns;
  guint          n_sheets;
} Sheet;

typedef struct
{
  SihuaExportSink  parent;

  char            *path;
  char            *part_path;
  lxw_workbook    *workbook;
  lxw_format      *header_format;
  Sheet            sheets[SIHUA_EXPORT_N_TABLES];
  SihuaExportCell *cells;
  gboolean         committed;
} XlsxSink;

static gboolean
check (XlsxSink   *self,
       lxw_error   result,
       GError    **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), self->path, lxw_strerror (result));
  return FALSE;
}

static gboolean
write_cell (XlsxSink               *self,
            lxw_worksheet          *worksheet,
            lxw_row_t               row,
            lxw_col_t               col,
            const SihuaExportCell  *cell,
            lxw_format             *format,
            GError                **error)
{
  switch (cell->kind)
    {
    case SIHUA_EXPORT_CELL_EMPTY:
      return TRUE;

    case SIHUA_EXPORT_CELL_TEXT:
      {
        const char *text = cell->text;

        if (text == NULL || *text == '\0')
          return TRUE;
        if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
          {
            g_autofree char *cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
            return check (self, worksheet_write_string (worksheet, row, col, cut, format), error);
          }
        return check (self, worksheet_write_string (worksheet, row, col, text, format), error);
      }

    case SIHUA_EXPORT_CELL_NUMBER:
      if (!isfinite (cell->number))
        return TRUE;
      return check (self, worksheet_write_number (worksheet, row, col, cell->number, format), error);

    case SIHUA_EXPORT_CELL_INTEGER:
      return check (self, worksheet_write_number (worksheet, row, col, (double) cell->integer, format),
                    error);

    case SIHUA_EXPORT_CELL_BOOLEAN:
      return check (self, worksheet_write_boolean (worksheet, row, col, cell->boolean, format), error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_sheet (XlsxSink          *self,
           SihuaExportTable   table,
           GError           **error)
{
  Sheet *sheet = &self->sheets[table];
  GPtrArray *dimensions = self->parent.dimensions;
  g_autofree char *name = NULL;

  sheet->n_sheets++;
  if (sheet->n_sheets == 1)
    name = g_strdup (sihua_export_table_get_name (table));
  else
    name = g_strdup_printf ("%s %u", sihua_export_table_get_name (table), sheet->n_sheets);

  sheet->worksheet = workbook_add_worksheet (self->workbook, name);
  if (sheet->worksheet == NULL)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
                   _("Cannot write %s: %s"), self->path, name);
      return FALSE;
    }

  sheet->n_columns = sihua_export_table_get_n_columns (table, dimensions);
  sheet->row = 0;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *owned = NULL;
      const char *header = sihua_export_table_get_header (table, dimensions, c,
                                                         self->parent.localized, &owned);
      SihuaExportCell cell = sihua_export_cell_text (header);

      if (!check (self, worksheet_set_column (sheet->worksheet, c, c,
                                              sihua_export_table_get_width (table, c), NULL),
                  error) ||
          !write_cell (self, sheet->worksheet, 0, c, &cell, self->header_format, error))
        return FALSE;
    }

  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  sheet->row = 1;

  return TRUE;
}

static gboolean
write_row (XlsxSink          *self,
           SihuaExportTable   table,
           GError           **error)
{
  Sheet *sheet = &self->sheets[table];

  if (sheet->row >= LXW_ROW_MAX)
    {
      if (!add_sheet (self, table, error))
        return FALSE;
    }

  for (guint c = 0; c < sheet->n_columns; c++)
    if (!write_cell (self, sheet->worksheet, sheet->row, c, &self->cells[c], NULL, error))
      return FALSE;

  sheet->row++;

  return TRUE;
}

static gboolean
xlsx_begin (SihuaExportSink  *sink,
            GPtrArray        *dimensions,
            GError          **error)
{
  XlsxSink *self = (XlsxSink *)sink;
  guint max_columns = 0;

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    max_columns = MAX (max_columns, sihua_export_table_get_n_columns (t, dimensions));
  self->cells = g_new0 (SihuaExportCell, max_columns);

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    if (!add_sheet (self, t, error))
      return FALSE;

  return TRUE;
}

static gboolean
xlsx_company (SihuaExportSink           *sink,
              const SihuaExportCompany  *company,
              GError                   **error)
{
  XlsxSink *self = (XlsxSink *)sink;

  sihua_export_company_cells (company, self->cells);
  return write_row (self, SIHUA_EXPORT_TABLE_COMPANIES, error);
}

static gboolean
xlsx_assessment (SihuaExportSink              *sink,
                 const SihuaExportAssessment  *assessment,
                 GError                      **error)
{
  XlsxSink *self = (XlsxSink *)sink;

  sihua_export_assessment_cells (assessment, sink->dimensions, self->cells);
  return write_row (self, SIHUA_EXPORT_TABLE_ASSESSMENTS, error);
}

static gboolean
xlsx_answer (SihuaExportSink          *sink,
             const SihuaExportAnswer  *answer,
             GError                  **error)
{
  XlsxSink *self = (XlsxSink *)sink;

  sihua_export_answer_cells (answer, self->cells);
  return write_row (self, SIHUA_EXPORT_TABLE_ANSWERS, error);
}

static gboolean
xlsx_finish (SihuaExportSink  *sink,
             GError          **error)
{
  XlsxSink *self = (XlsxSink *)sink;
  lxw_error result;

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    {
      Sheet *sheet = &self->sheets[t];

      if (sheet->worksheet != NULL && sheet->n_sheets == 1 && sheet->n_columns > 0)
        worksheet_autofilter (sheet->worksheet, 0, 0, sheet->row - 1, sheet->n_columns - 1);
    }

  result = workbook_close (g_steal_pointer (&self->workbook));
  if (!check (self, result, error))
    return FALSE;

  if (g_rename (self->part_path, self->path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
                   _("Cannot write %s: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  self->committed = TRUE;

  return TRUE;
}

static void
xlsx_free (SihuaExportSink *sink)
{
  XlsxSink *self = (XlsxSink *)sink;

  if (self->workbook != NULL)
    {
      /* Closing is the only way to release the temporary files; the
       * half-written result is removed right after. */
      workbook_close (g_steal_pointer (&self->workbook));
    }
  if (!self->committed)
    g_unlink (self->part_path);

  g_free (self->cells);
  g_free (self->part_path);
  g_free (self->path);
  g_free (self);
}

static const SihuaExportSinkClass xlsx_sink_class = {
  xlsx_begin,
  xlsx_company,
  xlsx_assessment,
  xlsx_answer,
  xlsx_finish,
  xlsx_free,
};

/**
 * sihua_export_xlsx_sink_new:
 * @path: the workbook to write
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
SihuaExportSink *
sihua_export_xlsx_sink_new (const char  *path,
                            GError     **error)
{
  XlsxSink *self;
  lxw_workbook_options options = { 0 };
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (XlsxSink, 1);
  self->parent.klass = &xlsx_sink_class;
  self->path = g_strdup (path);
  self->part_path = g_strconcat (path, ".part", NULL);

  /* libxlsxwriter empties and rewrites the file it is given, which keeps
   * the owner-only mode it is created with here. */
  fd = sihua_export_file_create_private (self->part_path);
  if (fd >= 0)
    close (fd);

  options.constant_memory = LXW_TRUE;
  self->workbook = workbook_new_opt (self->part_path, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
                   _("Cannot write %s"), path);
      xlsx_free (&self->parent);
      return NULL;
    }

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);

  return &self->parent;
}
