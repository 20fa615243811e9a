/* sihua-export.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-export.h"

G_DEFINE_QUARK (sihua-export-error-quark, sihua_export_error)

static const char * const table_names[SIHUA_EXPORT_N_TABLES] = {
  "companies",
  "assessments",
  "answers",
};

gboolean
sihua_export_format_from_string (const char        *name,
                                 SihuaExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "csv") == 0)
    *format = SIHUA_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (name, "xlsx") == 0)
    *format = SIHUA_EXPORT_FORMAT_XLSX;
  else if (g_ascii_strcasecmp (name, "json") == 0)
    *format = SIHUA_EXPORT_FORMAT_JSON;
  else
    return FALSE;

  return TRUE;
}

const char *
sihua_export_table_get_name (SihuaExportTable table)
{
  g_return_val_if_fail (table < SIHUA_EXPORT_N_TABLES, NULL);

  return table_names[table];
}

char *
sihua_export_csv_table_path (const char       *path,
                             SihuaExportTable  table)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (table < SIHUA_EXPORT_N_TABLES, NULL);

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    stem = g_strndup (path, strlen (path) - 4);
  else
    stem = g_strdup (path);

  return g_strdup_printf ("%s-%s.csv", stem, table_names[table]);
}

SihuaExportDimension *
sihua_export_dimension_new (const char *id,
                            const char *title)
{
  SihuaExportDimension *dimension;

  g_return_val_if_fail (id != NULL, NULL);

  dimension = g_new0 (SihuaExportDimension, 1);
  dimension->id = g_strdup (id);
  dimension->title = g_strdup (title != NULL ? title : id);

  return dimension;
}

void
sihua_export_dimension_free (SihuaExportDimension *dimension)
{
  if (dimension == NULL)
    return;

  g_free (dimension->id);
  g_free (dimension->title);
  g_free (dimension);
}

/**
 * sihua_export_sink_new:
 * @format: the file format
 * @path: the file to write; for CSV the stem of the three table files
 * @bom: CSV only: start each file with a UTF-8 byte order mark
 * @error: return location for a #SIHUA_EXPORT_ERROR
 *
 * Returns: (transfer full): a writer, or %NULL with @error set.
 */
SihuaExportSink *
sihua_export_sink_new (SihuaExportFormat   format,
                       const char         *path,
                       gboolean            bom,
                       GError            **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  switch (format)
    {
    case SIHUA_EXPORT_FORMAT_CSV:
      return sihua_export_csv_sink_new (path, bom, error);
    case SIHUA_EXPORT_FORMAT_XLSX:
      return sihua_export_xlsx_sink_new (path, error);
    case SIHUA_EXPORT_FORMAT_JSON:
      return sihua_export_json_sink_new (path, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sihua_export_sink_begin (SihuaExportSink  *sink,
                         GPtrArray        *dimensions,
                         GError          **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (dimensions != NULL, FALSE);

  g_clear_pointer (&sink->dimensions, g_ptr_array_unref);
  sink->dimensions = g_ptr_array_ref (dimensions);

  return sink->klass->begin (sink, dimensions, error);
}

gboolean
sihua_export_sink_company (SihuaExportSink           *sink,
                           const SihuaExportCompany  *company,
                           GError                   **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  return sink->klass->company (sink, company, error);
}

gboolean
sihua_export_sink_assessment (SihuaExportSink              *sink,
                              const SihuaExportAssessment  *assessment,
                              GError                      **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  return sink->klass->assessment (sink, assessment, error);
}

gboolean
sihua_export_sink_answer (SihuaExportSink          *sink,
                          const SihuaExportAnswer  *answer,
                          GError                  **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  return sink->klass->answer (sink, answer, error);
}

gboolean
sihua_export_sink_finish (SihuaExportSink  *sink,
                          GError          **error)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  return sink->klass->finish (sink, error);
}

void
sihua_export_sink_free (SihuaExportSink *sink)
{
  if (sink == NULL)
    return;

  g_clear_pointer (&sink->dimensions, g_ptr_array_unref);
  sink->klass->free (sink);
}
