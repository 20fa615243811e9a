/* sihua-bundle-check.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-assessment.h"
#include "sihua-bundle-private.h"
#include "sihua-model.h"
#include "sihua-text.h"
#include "sihua-uscc.h"

/*
 * The content of a bundle, checked as strictly as the same thing typed by a
 * consultant: answers against the model their assessment is pinned to,
 * texts (valid UTF-8, no control characters in one-line fields), numbers in
 * range, dates, credit codes, and each assessment against its company. The
 * structure (types, UUIDs, references) is checked before, in
 * sihua-bundle-data.c. A refusal names the company, assessment and question
 * by their text, as the consultant knows them.
 */

/* Microseconds since 1970 up to the end of year 9999: a time outside is
 * damage, not a date. */
#define MAX_TIME G_GINT64_CONSTANT (253402300799999999)

typedef struct
{
  SihuaBundle   *bundle;
  GHashTable   **uuids;          /* per table: uuid → row */
  SihuaLanguage  language;
} Check;

static gboolean
refuse (GError     **error,
        const char  *where,
        const char  *what)
{
  /* Translators: the first %s names the row ("the company “…”", "the answer
   * to “…” in the assessment of … dated …"), the second says what is wrong */
  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
               _("The bundle cannot be imported: %s: %s. Nothing was imported"), where, what);
  return FALSE;
}

/* --- texts ---------------------------------------------------------------- */

static gboolean
check_text (const char  *text,
            gboolean     multi_line,
            const char  *member,
            char       **what)
{
  glong length;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      *what = g_strdup_printf (_("%s is not valid UTF-8 text"), member);
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if (length > (multi_line ? SIHUA_BUNDLE_MAX_TEXT : SIHUA_BUNDLE_MAX_LINE))
    {
      *what = g_strdup_printf (_("%s is %ld characters long, more than the %d allowed"), member,
                               length, multi_line ? SIHUA_BUNDLE_MAX_TEXT : SIHUA_BUNDLE_MAX_LINE);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (multi_line && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (type == G_UNICODE_CONTROL ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR ||
          (!multi_line && (c == '\n' || c == '\t' || c == '\r')))
        {
          *what = g_strdup_printf (_("%s contains the control character U+%04X"), member, c);
          return FALSE;
        }
    }

  return TRUE;
}

/* One-line (@multi_line FALSE) or free text members of @row. */
static gboolean
check_texts (JsonObject          *row,
             const char * const  *members,
             gboolean             multi_line,
             char               **what)
{
  for (guint i = 0; members[i] != NULL; i++)
    if (!check_text (json_object_get_string_member_with_default (row, members[i], NULL),
                     multi_line, members[i], what))
      return FALSE;

  return TRUE;
}

static gboolean
check_time (JsonObject  *row,
            const char  *member,
            char       **what)
{
  gint64 time;

  if (!json_object_has_member (row, member) || json_object_get_null_member (row, member))
    return TRUE;
  time = json_object_get_int_member (row, member);
  if (time < 0 || time > MAX_TIME)
    {
      *what = g_strdup_printf (_("%s is not a time (%lld)"), member, (long long) time);
      return FALSE;
    }

  return TRUE;
}

/* --- names as the consultant knows them ------------------------------------ */

static const char *
company_name (Check      *check,
              const char *uuid)
{
  JsonObject *company = g_hash_table_lookup (check->uuids[BUNDLE_TABLE_COMPANIES], uuid);
  const char *name = company != NULL ? json_object_get_string_member_with_default (company, "name", NULL) : NULL;

  /* A name that is itself refused is not repeated in the message. */
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return "?";
  return name;
}

static char *
describe_assessment (Check      *check,
                     JsonObject *assessment)
{
  const char *date = json_object_get_string_member (assessment, "date");

  if (!g_utf8_validate (date, -1, NULL))
    date = "?";
  /* Translators: "the assessment of “COMPANY” dated 2026-11-20" */
  return g_strdup_printf (_("the assessment of “%s” dated %s"),
                          company_name (check, json_object_get_string_member (assessment, "company_uuid")),
                          date);
}

static SihuaModel *
assessment_model (Check      *check,
                  JsonObject *assessment)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s",
                                          json_object_get_string_member (assessment, "model_id"),
                                          json_object_get_string_member (assessment, "model_version"));

  return g_hash_table_lookup (check->bundle->model_objects, key);
}

static const char *
question_text (Check               *check,
               const SihuaQuestion *question)
{
  const char *text = sihua_text_get (&question->text, check->language, NULL);

  return text != NULL && *text != '\0' ? text : question->id;
}

/* --- rows ----------------------------------------------------------------- */

static gboolean
check_company (Check       *check,
               JsonObject  *row,
               GError     **error)
{
  static const char * const lines[] = { "name", "uscc", "industry", "region", "contact", NULL };
  static const char * const texts[] = { "address", "notes", NULL };
  const char *name = json_object_get_string_member (row, "name");
  const char *uscc = json_object_get_string_member_with_default (row, "uscc", NULL);
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;

  where = g_strdup_printf (_("the company “%s”"), company_name (check, json_object_get_string_member (row, "uuid")));

  if (!check_texts (row, lines, FALSE, &what) || !check_texts (row, texts, TRUE, &what) ||
      !check_time (row, "created_at", &what) || !check_time (row, "updated_at", &what))
    return refuse (error, where, what);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));
    if (*stripped == '\0')
      return refuse (error, where, _("its name is empty"));
  }

  if (uscc != NULL)
    {
      g_autoptr(GError) uscc_error = NULL;
      g_autofree char *normalized = sihua_uscc_normalize (uscc);

      /* Stored codes are normalized; one that is not did not come from Sihua. */
      if (g_strcmp0 (normalized, uscc) != 0 || !sihua_uscc_validate (uscc, &uscc_error))
        return refuse (error, where,
                       uscc_error != NULL ? uscc_error->message : _("the credit code is not in its stored form"));
    }

  if (json_object_has_member (row, "employees") && !json_object_get_null_member (row, "employees"))
    {
      gint64 employees = json_object_get_int_member (row, "employees");

      if (employees < 0 || employees > G_MAXINT)
        {
          g_autofree char *message = g_strdup_printf (_("the number of employees %lld is not possible"),
                                                      (long long) employees);
          return refuse (error, where, message);
        }
    }

  return TRUE;
}

static gboolean
check_assessment (Check       *check,
                  JsonObject  *row,
                  GError     **error)
{
  static const char * const lines[] = { "model_id", "model_version", "consultant", NULL };
  static const char * const texts[] = { "respondents", "notes", NULL };
  SihuaModel *model = assessment_model (check, row);
  guint n_levels = sihua_model_get_n_levels (model);
  const char *previous = json_object_get_string_member_with_default (row, "previous_uuid", NULL);
  g_autofree char *where = describe_assessment (check, row);
  g_autofree char *what = NULL;

  if (!check_texts (row, lines, FALSE, &what) || !check_texts (row, texts, TRUE, &what) ||
      !check_time (row, "created_at", &what) || !check_time (row, "updated_at", &what))
    return refuse (error, where, what);

  if (!sihua_assessment_date_is_valid (json_object_get_string_member (row, "date")))
    return refuse (error, where, _("its date is not of the form YYYY-MM-DD"));

  if (json_object_has_member (row, "target_level") && !json_object_get_null_member (row, "target_level"))
    {
      gint64 target = json_object_get_int_member (row, "target_level");

      if (target < 0 || target >= n_levels)
        {
          g_autofree char *message = g_strdup_printf (_("its target level %lld is not a level of its model (0 to %u)"),
                                                      (long long) target, n_levels - 1);
          return refuse (error, where, message);
        }
    }

  if (json_object_has_member (row, "result_index") && !json_object_get_null_member (row, "result_index"))
    {
      double index = json_object_get_double_member (row, "result_index");

      if (!isfinite (index) || index < 0 || index > 100)
        return refuse (error, where, _("its maturity index is not a number from 0 to 100"));
    }

  if (json_object_has_member (row, "result_stage") && !json_object_get_null_member (row, "result_stage"))
    {
      gint64 stage = json_object_get_int_member (row, "result_stage");

      if (stage < 0 || stage >= n_levels)
        return refuse (error, where, _("its stage is not a level of its model"));
    }

  /* The assessment it follows belongs to the same company. */
  if (previous != NULL)
    {
      JsonObject *before = g_hash_table_lookup (check->uuids[BUNDLE_TABLE_ASSESSMENTS], previous);

      if (before != NULL &&
          g_strcmp0 (json_object_get_string_member (before, "company_uuid"),
                     json_object_get_string_member (row, "company_uuid")) != 0)
        return refuse (error, where, _("the assessment it follows belongs to another company"));
    }

  return TRUE;
}

/* A stored value, read as the store reads it, then checked against the
 * question as a value the consultant chose would be. */
static gboolean
check_value (const char           *serialized,
             const SihuaQuestion  *question,
             const char           *member,
             char                **what)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SihuaAnswerValue) value = NULL;
  g_autoptr(GError) value_error = NULL;
  JsonObject *object;

  if (serialized == NULL)
    return TRUE;
  root = json_from_string (serialized, NULL);

  /* The store keeps a level in an int: a bigger number would be cut down
   * to a different level, so it is refused as it is written. */
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object != NULL && json_object_has_member (object, "level"))
    {
      JsonNode *level = json_object_get_member (object, "level");

      if (JSON_NODE_HOLDS_VALUE (level) && json_node_get_value_type (level) == G_TYPE_INT64 &&
          (json_node_get_int (level) < G_MININT || json_node_get_int (level) > G_MAXINT))
        {
          *what = g_strdup_printf (_("%s: level %lld does not exist; the levels are 0 to %u"),
                                   member, (long long) json_node_get_int (level),
                                   question->options != NULL && question->options->len > 0
                                   ? question->options->len - 1 : 0);
          return FALSE;
        }
    }

  value = sihua_answer_value_deserialize (serialized, &value_error);
  if (value == NULL || !sihua_answer_value_validate (question, value, &value_error))
    {
      *what = g_strdup_printf ("%s: %s", member, value_error->message);
      return FALSE;
    }
  if (value->kind == SIHUA_ANSWER_TEXT && !check_text (value->text, TRUE, member, what))
    return FALSE;

  return TRUE;
}

/* An answer or a history row: @values and @texts name its members. */
static gboolean
check_answer_row (Check               *check,
                  const BundleTable   *table,
                  JsonObject          *row,
                  const char * const  *values,
                  const char * const  *texts,
                  GError             **error)
{
  static const char * const lines[] = { "question_id", "author", NULL };
  JsonObject *assessment = g_hash_table_lookup (check->uuids[BUNDLE_TABLE_ASSESSMENTS],
                                                json_object_get_string_member (row, "assessment_uuid"));
  SihuaModel *model = assessment_model (check, assessment);
  const char *question_id = json_object_get_string_member (row, "question_id");
  const SihuaQuestion *question = NULL;
  g_autofree char *in = describe_assessment (check, assessment);
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;

  if (!check_texts (row, lines, FALSE, &what))
    return refuse (error, in, what);

  question = sihua_model_lookup_question (model, question_id);
  if (question == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("it answers a question “%s” that its model %s %s does not have"),
                                                  question_id, sihua_model_get_id (model),
                                                  sihua_model_get_version (model));
      return refuse (error, in, message);
    }

  if (table == &sihua_bundle_tables[BUNDLE_TABLE_ANSWERS])
    /* Translators: "the answer to “QUESTION” in the assessment of … dated …" */
    where = g_strdup_printf (_("the answer to “%s” in %s"), question_text (check, question), in);
  else
    /* Translators: "a change of the answer to “QUESTION” in the assessment of … dated …" */
    where = g_strdup_printf (_("a change of the answer to “%s” in %s"), question_text (check, question), in);

  for (guint i = 0; values[i] != NULL; i++)
    if (!check_value (json_object_get_string_member_with_default (row, values[i], NULL),
                      question, values[i], &what))
      return refuse (error, where, what);

  if (!check_texts (row, texts, TRUE, &what) ||
      !check_time (row, "updated_at", &what) || !check_time (row, "changed_at", &what))
    return refuse (error, where, what);

  return TRUE;
}

/**
 * _sihua_bundle_check_content:
 * @bundle: a bundle whose structure is checked and whose models are loaded
 * @uuids: per table, uuid → row
 *
 * Returns: %FALSE with @error naming the first row that fails a check.
 */
gboolean
_sihua_bundle_check_content (SihuaBundle  *bundle,
                             GHashTable  **uuids,
                             GError      **error)
{
  static const char * const answer_values[] = { "value", NULL };
  static const char * const answer_texts[] = { "note", "evidence", NULL };
  static const char * const history_values[] = { "old_value", "new_value", NULL };
  static const char * const history_texts[] = { "old_note", "old_evidence", "new_note", "new_evidence", NULL };
  Check check = { bundle, uuids, sihua_language_from_locale () };
  g_autoptr(GHashTable) answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *rows;

  rows = bundle->rows[BUNDLE_TABLE_COMPANIES];
  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (!check_company (&check, json_array_get_object_element (rows, r), error))
      return FALSE;

  rows = bundle->rows[BUNDLE_TABLE_ASSESSMENTS];
  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (!check_assessment (&check, json_array_get_object_element (rows, r), error))
      return FALSE;

  rows = bundle->rows[BUNDLE_TABLE_ANSWERS];
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      g_autofree char *key = NULL;

      if (!check_answer_row (&check, &sihua_bundle_tables[BUNDLE_TABLE_ANSWERS], row,
                             answer_values, answer_texts, error))
        return FALSE;

      /* One answer per question, as in the store. */
      key = g_strdup_printf ("%s\n%s", json_object_get_string_member (row, "assessment_uuid"),
                             json_object_get_string_member (row, "question_id"));
      if (!g_hash_table_add (answered, g_steal_pointer (&key)))
        {
          JsonObject *assessment = g_hash_table_lookup (uuids[BUNDLE_TABLE_ASSESSMENTS],
                                                        json_object_get_string_member (row, "assessment_uuid"));
          g_autofree char *where = describe_assessment (&check, assessment);
          g_autofree char *what = g_strdup_printf (_("the question “%s” is answered twice"),
                                                   question_text (&check,
                                                                  sihua_model_lookup_question (assessment_model (&check, assessment),
                                                                                               json_object_get_string_member (row, "question_id"))));
          return refuse (error, where, what);
        }
    }

  rows = bundle->rows[BUNDLE_TABLE_HISTORY];
  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (!check_answer_row (&check, &sihua_bundle_tables[BUNDLE_TABLE_HISTORY],
                           json_array_get_object_element (rows, r),
                           history_values, history_texts, error))
      return FALSE;

  return TRUE;
}
