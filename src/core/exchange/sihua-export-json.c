/* sihua-export-json.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-export.h"
#include "sihua-export-file.h"

/*
 * JSON in the schema docs/export-format.md describes: companies, each with
 * its assessments, each with its answers. The document is streamed: rows are
 * written as they come and the brackets around them are closed by hand, so
 * memory does not grow with the export. Building a JsonNode per row cost
 * more than the whole rest of the export, so rows are written directly.
 */

typedef struct
{
  SihuaExportSink   parent;

  SihuaExportFile  *file;
  GString          *buffer;
  guint             n_companies;
  guint             n_assessments;   /* of the open company */
  guint             n_answers;       /* of the open assessment */
  gboolean          in_company;
  gboolean          in_assessment;
  gboolean          first_member;
} JsonSink;

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
begin_object (JsonSink *self)
{
  g_string_append_c (self->buffer, '{');
  self->first_member = TRUE;
}

static void
member (JsonSink   *self,
        const char *name)
{
  if (!self->first_member)
    g_string_append_c (self->buffer, ',');
  self->first_member = FALSE;
  append_string (self->buffer, name);
  g_string_append_c (self->buffer, ':');
}

static void
add_string (JsonSink   *self,
            const char *name,
            const char *value)
{
  member (self, name);
  if (value != NULL)
    append_string (self->buffer, value);
  else
    g_string_append (self->buffer, "null");
}

static void
add_number (JsonSink   *self,
            const char *name,
            double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  member (self, name);
  if (isfinite (value))
    g_string_append (self->buffer, g_ascii_dtostr (buffer, sizeof buffer, value));
  else
    g_string_append (self->buffer, "null");
}

static void
add_int (JsonSink   *self,
         const char *name,
         gint64      value)
{
  member (self, name);
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
}

static void
add_optional_int (JsonSink   *self,
                  const char *name,
                  gint64      value)
{
  if (value >= 0)
    add_int (self, name, value);
  else
    add_string (self, name, NULL);
}

static void
add_boolean (JsonSink   *self,
             const char *name,
             gboolean    value)
{
  member (self, name);
  g_string_append (self->buffer, value ? "true" : "false");
}

static gboolean
flush (JsonSink  *self,
       GError   **error)
{
  gboolean ok = sihua_export_file_write (self->file, self->buffer->str, self->buffer->len, error);

  g_string_truncate (self->buffer, 0);
  return ok;
}

static gboolean
maybe_flush (JsonSink  *self,
             GError   **error)
{
  if (self->buffer->len < 64 * 1024)
    return TRUE;

  return flush (self, error);
}

static void
close_assessment (JsonSink *self)
{
  if (self->in_assessment)
    g_string_append (self->buffer, "]}");
  self->in_assessment = FALSE;
}

static void
close_company (JsonSink *self)
{
  close_assessment (self);
  if (self->in_company)
    g_string_append (self->buffer, "]}");
  self->in_company = FALSE;
}

static gboolean
json_begin (SihuaExportSink  *sink,
            GPtrArray        *dimensions,
            GError          **error)
{
  JsonSink *self = (JsonSink *)sink;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  begin_object (self);
  add_string (self, "format", "sihua-export");
  add_int (self, "version", SIHUA_EXPORT_JSON_VERSION);
  add_string (self, "generator", "Sihua " PACKAGE_VERSION);
  add_string (self, "exported", exported);
  member (self, "dimensions");
  g_string_append_c (self->buffer, '[');
  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaExportDimension *dimension = g_ptr_array_index (dimensions, i);

      if (i > 0)
        g_string_append_c (self->buffer, ',');
      begin_object (self);
      add_string (self, "id", dimension->id);
      add_string (self, "title", dimension->title);
      g_string_append_c (self->buffer, '}');
    }
  g_string_append (self->buffer, "],\"companies\":[");

  return flush (self, error);
}

static gboolean
json_company (SihuaExportSink           *sink,
              const SihuaExportCompany  *company,
              GError                   **error)
{
  JsonSink *self = (JsonSink *)sink;

  close_company (self);
  if (self->n_companies++ > 0)
    g_string_append_c (self->buffer, ',');

  begin_object (self);
  add_string (self, "uuid", company->uuid);
  add_string (self, "name", company->name);
  add_string (self, "uscc", company->uscc);
  add_string (self, "industry", company->industry);
  add_string (self, "size", company->size);
  add_optional_int (self, "employees", company->employees);
  add_string (self, "region", company->region);
  add_string (self, "address", company->address);
  add_string (self, "contact", company->contact);
  add_string (self, "notes", company->notes);
  add_string (self, "created", company->created);
  add_string (self, "modified", company->modified);
  member (self, "assessments");
  g_string_append_c (self->buffer, '[');

  self->in_company = TRUE;
  self->n_assessments = 0;

  return maybe_flush (self, error);
}

static gboolean
json_assessment (SihuaExportSink              *sink,
                 const SihuaExportAssessment  *assessment,
                 GError                      **error)
{
  JsonSink *self = (JsonSink *)sink;
  GPtrArray *dimensions = sink->dimensions;
  gboolean first = TRUE;

  g_return_val_if_fail (self->in_company, FALSE);

  close_assessment (self);
  if (self->n_assessments++ > 0)
    g_string_append_c (self->buffer, ',');

  begin_object (self);
  add_string (self, "uuid", assessment->uuid);
  add_string (self, "model_id", assessment->model_id);
  add_string (self, "model_version", assessment->model_version);
  add_string (self, "date", assessment->date);
  add_string (self, "consultant", assessment->consultant);
  add_string (self, "status", assessment->status);
  add_optional_int (self, "target_level", assessment->target_level);
  add_string (self, "previous_uuid", assessment->previous_uuid);
  add_string (self, "notes", assessment->notes);
  add_string (self, "created", assessment->created);
  add_string (self, "modified", assessment->modified);
  add_number (self, "index", assessment->index);
  add_optional_int (self, "stage", assessment->stage);
  add_int (self, "answered", assessment->answered);
  add_int (self, "applicable", assessment->applicable);
  add_int (self, "revision", assessment->revision);
  add_string (self, "finalized", assessment->finalized);
  add_string (self, "interviewees", assessment->interviewees);

  member (self, "dimension_scores");
  g_string_append_c (self->buffer, '{');
  for (guint d = 0; d < dimensions->len; d++)
    {
      SihuaExportDimension *dimension = g_ptr_array_index (dimensions, d);
      double score = assessment->dimension_scores != NULL ? assessment->dimension_scores[d] : NAN;
      int stage = assessment->dimension_stages != NULL ? assessment->dimension_stages[d] : -1;

      if (isnan (score))
        continue;

      if (!first)
        g_string_append_c (self->buffer, ',');
      first = FALSE;
      append_string (self->buffer, dimension->id);
      g_string_append_c (self->buffer, ':');
      begin_object (self);
      add_number (self, "score", score);
      add_optional_int (self, "stage", stage);
      g_string_append_c (self->buffer, '}');
    }
  g_string_append (self->buffer, "},\"answers\":[");

  self->in_assessment = TRUE;
  self->n_answers = 0;

  return maybe_flush (self, error);
}

static gboolean
json_answer (SihuaExportSink          *sink,
             const SihuaExportAnswer  *answer,
             GError                  **error)
{
  JsonSink *self = (JsonSink *)sink;

  g_return_val_if_fail (self->in_assessment, FALSE);

  if (self->n_answers++ > 0)
    g_string_append_c (self->buffer, ',');

  begin_object (self);
  add_string (self, "question_id", answer->question_id);
  add_string (self, "question", answer->question_text);
  add_string (self, "dimension_id", answer->dimension_id);
  member (self, "value");
  /* The storage form is JSON already (checked by the source). */
  g_string_append (self->buffer, answer->raw_value != NULL ? answer->raw_value : "null");
  add_string (self, "display", answer->value);
  add_optional_int (self, "level", answer->level);
  add_boolean (self, "na", answer->not_applicable);
  add_string (self, "note", answer->note);
  add_string (self, "evidence", answer->evidence);
  add_string (self, "answered_at", answer->answered_at);
  add_string (self, "answered_by", answer->answered_by);
  add_string (self, "evidence_files", answer->evidence_files);
  add_string (self, "interviewee_answers", answer->interviewee_answers);
  add_boolean (self, "to_discuss", answer->to_discuss);
  g_string_append_c (self->buffer, '}');

  return maybe_flush (self, error);
}

static gboolean
json_finish (SihuaExportSink  *sink,
             GError          **error)
{
  JsonSink *self = (JsonSink *)sink;

  close_company (self);
  g_string_append (self->buffer, "]}\n");

  return flush (self, error) && sihua_export_file_commit (self->file, error);
}

static void
json_free (SihuaExportSink *sink)
{
  JsonSink *self = (JsonSink *)sink;

  g_clear_pointer (&self->file, sihua_export_file_free);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

static const SihuaExportSinkClass json_sink_class = {
  json_begin,
  json_company,
  json_assessment,
  json_answer,
  json_finish,
  json_free,
};

/**
 * sihua_export_json_sink_new:
 * @path: the file to write
 *
 * Returns: (transfer full): the writer, or %NULL with @error set.
 */
SihuaExportSink *
sihua_export_json_sink_new (const char  *path,
                            GError     **error)
{
  JsonSink *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (JsonSink, 1);
  self->parent.klass = &json_sink_class;
  self->buffer = g_string_sized_new (128 * 1024);
  self->file = sihua_export_file_open (path, error);
  if (self->file == NULL)
    {
      json_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}
