/* sihua-export-csv.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-export.h"
#include "sihua-export-file.h"

/*
 * CSV: one RFC 4180 file per table, FILE-companies.csv, FILE-assessments.csv
 * and FILE-answers.csv, UTF-8, CRLF line ends, optionally starting with a
 * byte order mark so Excel reads the Chinese text as UTF-8.
 */

typedef struct
{
  SihuaExportSink   parent;

  gboolean          bom;
  SihuaExportFile  *files[SIHUA_EXPORT_N_TABLES];
  GString          *line;
  SihuaExportCell  *cells;
} CsvSink;


static gboolean
flush_line (CsvSink           *self,
            SihuaExportTable   table,
            SihuaExportCell   *cells,
            guint              n_cells,
            GError           **error)
{
  GString *line = self->line;

  g_string_truncate (line, 0);
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      sihua_export_cell_append_csv (line, &cells[i]);
    }
  g_string_append (line, "\r\n");

  return sihua_export_file_write (self->files[table], line->str, line->len, error);
}

static gboolean
csv_begin (SihuaExportSink  *sink,
           GPtrArray        *dimensions,
           GError          **error)
{
  CsvSink *self = (CsvSink *)sink;
  guint max_columns = 0;

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    max_columns = MAX (max_columns, sihua_export_table_get_n_columns (t, dimensions));
  self->cells = g_new0 (SihuaExportCell, max_columns);

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    {
      guint n_columns = sihua_export_table_get_n_columns (t, dimensions);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

      if (self->bom && !sihua_export_file_write (self->files[t], "\xEF\xBB\xBF", 3, error))
        return FALSE;

      for (guint c = 0; c < n_columns; c++)
        {
          char *header_owned = NULL;
          const char *header = sihua_export_table_get_header (t, dimensions, c, sink->localized,
                                                              &header_owned);

          if (header_owned != NULL)
            g_ptr_array_add (owned, header_owned);
          self->cells[c] = sihua_export_cell_text (header);
        }

      if (!flush_line (self, t, self->cells, n_columns, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
csv_company (SihuaExportSink           *sink,
             const SihuaExportCompany  *company,
             GError                   **error)
{
  CsvSink *self = (CsvSink *)sink;

  sihua_export_company_cells (company, self->cells);

  return flush_line (self, SIHUA_EXPORT_TABLE_COMPANIES, self->cells,
                     sihua_export_table_get_n_columns (SIHUA_EXPORT_TABLE_COMPANIES, NULL),
                     error);
}

static gboolean
csv_assessment (SihuaExportSink              *sink,
                const SihuaExportAssessment  *assessment,
                GError                      **error)
{
  CsvSink *self = (CsvSink *)sink;

  sihua_export_assessment_cells (assessment, sink->dimensions, self->cells);

  return flush_line (self, SIHUA_EXPORT_TABLE_ASSESSMENTS, self->cells,
                     sihua_export_table_get_n_columns (SIHUA_EXPORT_TABLE_ASSESSMENTS,
                                                       sink->dimensions),
                     error);
}

static gboolean
csv_answer (SihuaExportSink          *sink,
            const SihuaExportAnswer  *answer,
            GError                  **error)
{
  CsvSink *self = (CsvSink *)sink;

  sihua_export_answer_cells (answer, self->cells);

  return flush_line (self, SIHUA_EXPORT_TABLE_ANSWERS, self->cells,
                     sihua_export_table_get_n_columns (SIHUA_EXPORT_TABLE_ANSWERS, NULL),
                     error);
}

static gboolean
csv_finish (SihuaExportSink  *sink,
            GError          **error)
{
  CsvSink *self = (CsvSink *)sink;

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    if (!sihua_export_file_commit (self->files[t], error))
      return FALSE;

  return TRUE;
}

static void
csv_free (SihuaExportSink *sink)
{
  CsvSink *self = (CsvSink *)sink;

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    g_clear_pointer (&self->files[t], sihua_export_file_free);
  g_string_free (self->line, TRUE);
  g_free (self->cells);
  g_free (self);
}

static const SihuaExportSinkClass csv_sink_class = {
  csv_begin,
  csv_company,
  csv_assessment,
  csv_answer,
  csv_finish,
  csv_free,
};

/**
 * sihua_export_csv_sink_new:
 * @path: FILE.csv; the tables go to FILE-companies.csv and so on
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
SihuaExportSink *
sihua_export_csv_sink_new (const char  *path,
                           gboolean     bom,
                           GError     **error)
{
  CsvSink *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (CsvSink, 1);
  self->parent.klass = &csv_sink_class;
  self->bom = bom;
  self->line = g_string_sized_new (1024);

  for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
    {
      g_autofree char *table_path = sihua_export_csv_table_path (path, t);

      self->files[t] = sihua_export_file_open (table_path, error);
      if (self->files[t] == NULL)
        {
          csv_free (&self->parent);
          return NULL;
        }
    }

  return &self->parent;
}
