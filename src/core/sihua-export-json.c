/* sihua-export-json.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sihua-export.h"
#include "sihua-export-file.h"

/*
 * JSON in the schema docs/export-format.md describes: companies, each with
 * its assessments, each with its answers. The document is streamed: every
 * row is generated on its own and the brackets around them are written by
 * hand, so memory does not grow with the export.
 */

typedef struct
{
  SihuaExportSink   parent;

  SihuaExportFile  *file;
  JsonGenerator    *generator;
  GString          *buffer;
  guint             n_companies;
  guint             n_assessments;   /* of the open company */
  guint             n_answers;       /* of the open assessment */
  gboolean          in_company;
  gboolean          in_assessment;
} JsonSink;

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_optional_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Appends the object @builder holds to the buffer; with @open the closing
 * brace is left off so members can follow. */
static void
append_object (JsonSink    *self,
               JsonBuilder *builder,
               gboolean     open)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (self->generator, node);
  text = json_generator_to_data (self->generator, &length);

  if (open)
    {
      g_assert (length >= 2 && text[length - 1] == '}');
      g_string_append_len (self->buffer, text, length - 1);
      if (length > 2)
        g_string_append_c (self->buffer, ',');
    }
  else
    g_string_append_len (self->buffer, text, length);
}

static gboolean
flush (JsonSink  *self,
       GError   **error)
{
  gboolean ok = sihua_export_file_write (self->file, self->buffer->str, self->buffer->len, error);

  g_string_truncate (self->buffer, 0);
  return ok;
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
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  add_string (builder, "format", "sihua-export");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIHUA_EXPORT_JSON_VERSION);
  add_string (builder, "generator", "Sihua " PACKAGE_VERSION);
  add_string (builder, "exported", exported);
  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaExportDimension *dimension = g_ptr_array_index (dimensions, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", dimension->id);
      add_string (builder, "title", dimension->title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  append_object (self, builder, TRUE);
  g_string_append (self->buffer, "\"companies\":[");

  return flush (self, error);
}

static gboolean
json_company (SihuaExportSink           *sink,
              const SihuaExportCompany  *company,
              GError                   **error)
{
  JsonSink *self = (JsonSink *)sink;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  close_company (self);
  if (self->n_companies++ > 0)
    g_string_append_c (self->buffer, ',');

  json_builder_begin_object (builder);
  add_string (builder, "uuid", company->uuid);
  add_string (builder, "name", company->name);
  add_string (builder, "uscc", company->uscc);
  add_string (builder, "industry", company->industry);
  add_string (builder, "size", company->size);
  add_optional_int (builder, "employees", company->employees);
  add_string (builder, "region", company->region);
  add_string (builder, "address", company->address);
  add_string (builder, "contact", company->contact);
  add_string (builder, "notes", company->notes);
  add_string (builder, "created", company->created);
  add_string (builder, "modified", company->modified);
  json_builder_end_object (builder);

  append_object (self, builder, TRUE);
  g_string_append (self->buffer, "\"assessments\":[");
  self->in_company = TRUE;
  self->n_assessments = 0;

  return flush (self, error);
}

static gboolean
json_assessment (SihuaExportSink              *sink,
                 const SihuaExportAssessment  *assessment,
                 GError                      **error)
{
  JsonSink *self = (JsonSink *)sink;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *dimensions = sink->dimensions;

  g_return_val_if_fail (self->in_company, FALSE);

  close_assessment (self);
  if (self->n_assessments++ > 0)
    g_string_append_c (self->buffer, ',');

  json_builder_begin_object (builder);
  add_string (builder, "uuid", assessment->uuid);
  add_string (builder, "model_id", assessment->model_id);
  add_string (builder, "model_version", assessment->model_version);
  add_string (builder, "date", assessment->date);
  add_string (builder, "consultant", assessment->consultant);
  add_string (builder, "status", assessment->status);
  add_optional_int (builder, "target_level", assessment->target_level);
  add_string (builder, "previous_uuid", assessment->previous_uuid);
  add_string (builder, "notes", assessment->notes);
  add_string (builder, "created", assessment->created);
  add_string (builder, "modified", assessment->modified);
  add_number (builder, "index", assessment->index);
  add_optional_int (builder, "stage", assessment->stage);
  json_builder_set_member_name (builder, "answered");
  json_builder_add_int_value (builder, assessment->answered);
  json_builder_set_member_name (builder, "applicable");
  json_builder_add_int_value (builder, assessment->applicable);
  json_builder_set_member_name (builder, "dimension_scores");
  json_builder_begin_object (builder);
  for (guint d = 0; d < dimensions->len; d++)
    {
      SihuaExportDimension *dimension = g_ptr_array_index (dimensions, d);
      double score = assessment->dimension_scores != NULL ? assessment->dimension_scores[d] : NAN;
      int stage = assessment->dimension_stages != NULL ? assessment->dimension_stages[d] : -1;

      if (isnan (score))
        continue;

      json_builder_set_member_name (builder, dimension->id);
      json_builder_begin_object (builder);
      add_number (builder, "score", score);
      add_optional_int (builder, "stage", stage);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  append_object (self, builder, TRUE);
  g_string_append (self->buffer, "\"answers\":[");
  self->in_assessment = TRUE;
  self->n_answers = 0;

  return flush (self, error);
}

static gboolean
json_answer (SihuaExportSink          *sink,
             const SihuaExportAnswer  *answer,
             GError                  **error)
{
  JsonSink *self = (JsonSink *)sink;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) raw = NULL;

  g_return_val_if_fail (self->in_assessment, FALSE);

  if (self->n_answers++ > 0)
    g_string_append_c (self->buffer, ',');

  if (answer->raw_value != NULL)
    raw = json_from_string (answer->raw_value, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "question_id", answer->question_id);
  add_string (builder, "question", answer->question_text);
  add_string (builder, "dimension_id", answer->dimension_id);
  json_builder_set_member_name (builder, "value");
  if (raw != NULL)
    json_builder_add_value (builder, g_steal_pointer (&raw));
  else
    json_builder_add_null_value (builder);
  add_string (builder, "display", answer->value);
  add_optional_int (builder, "level", answer->level);
  json_builder_set_member_name (builder, "na");
  json_builder_add_boolean_value (builder, answer->not_applicable);
  add_string (builder, "note", answer->note);
  add_string (builder, "evidence", answer->evidence);
  add_string (builder, "answered_at", answer->answered_at);
  add_string (builder, "answered_by", answer->answered_by);
  json_builder_end_object (builder);

  append_object (self, builder, FALSE);

  if (self->buffer->len < 64 * 1024)
    return TRUE;

  return flush (self, error);
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
  g_clear_object (&self->generator);
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
  self->generator = json_generator_new ();
  self->buffer = g_string_sized_new (64 * 1024);
  self->file = sihua_export_file_open (path, error);
  if (self->file == NULL)
    {
      json_free (&self->parent);
      return NULL;
    }

  return &self->parent;
}
