/* test-pdf-report-fixture.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-assessment.h"
#include "sihua-company.h"
#include "sihua-model.h"
#include "sihua-report.h"
#include "sihua-scoring.h"

/* A report's input built from tests/fixtures/report-company.json and the
 * built-in model, every question answered by a fixed pattern (so the report
 * is the ≈15 pages of a real one), shared by the tests and the benchmark. */
typedef struct
{
  SihuaResults     *results;
  SihuaCompany     *company;
  SihuaAssessment  *assessment;
  SihuaAssessment  *previous;
  SihuaModel       *model;
  GHashTable       *answers;
  GHashTable       *previous_answers;
} ReportFixture;

static char *
fixture_answer_input (const SihuaQuestion *question,
                      guint                seed,
                      gboolean             previous)
{
  guint n_options = question->options != NULL ? question->options->len : 0;

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      {
        /* Levels spread 0–4, lower in the previous assessment. */
        int level = (int)((seed * 7 + question->index * 3) % 5);

        if (level > 3)
          level = 2;
        if (previous && level > 0)
          level--;
        return g_strdup_printf ("%d", level);
      }
    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_YESNO:
      {
        const SihuaOption *option = g_ptr_array_index (question->options, (seed + question->index) % n_options);

        return g_strdup (option->id);
      }
    case SIHUA_QUESTION_MULTI:
      {
        GString *ids = g_string_new (NULL);

        for (guint i = 0; i < n_options && i < 2; i++)
          {
            const SihuaOption *option = g_ptr_array_index (question->options, i);

            if (option->exclusive)
              continue;
            if (ids->len > 0)
              g_string_append_c (ids, ',');
            g_string_append (ids, option->id);
          }
        return g_string_free (ids, FALSE);
      }
    case SIHUA_QUESTION_NUMERIC:
      {
        double low = question->has_min ? question->min : 0.0;
        double high = question->has_max ? question->max : 200.0;

        return g_strdup_printf ("%g", round (low + (high - low) * ((seed + question->index) % 5) / 4.0));
      }
    case SIHUA_QUESTION_TEXT:
      return g_strdup ("资金和懂数据的人才都不足；IT staff: one person, part time.");
    default:
      return g_strdup ("na");
    }
}

static GHashTable *
fixture_answers (SihuaModel *model,
                 JsonObject *notes,
                 JsonObject *evidence,
                 gboolean    previous,
                 guint       long_note_chars)
{
  GHashTable *answers = sihua_answer_table_new ();
  GPtrArray *questions = sihua_model_get_questions (model);
  gboolean long_note_given = FALSE;

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      g_autofree char *input = fixture_answer_input (question, 11, previous);
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      SihuaAnswerValue *value;

      /* Every seventh optional question is not applicable. */
      if (question->allow_na && i % 7 == 5)
        {
          g_free (input);
          input = g_strdup ("na");
        }
      value = sihua_answer_value_parse (question, input, &error);
      if (value == NULL)
        g_error ("fixture answer %s for %s: %s", input, question->id, error->message);

      if (!previous && notes != NULL && json_object_has_member (notes, question->id))
        note = g_strdup (json_object_get_string_member (notes, question->id));
      else if (!previous && i % 3 == 0)
        note = g_strdup_printf ("顾问备注：第 %u 题与现场情况一致，见访谈记录 p.%u (interview notes).", i + 1, i + 2);

      /* The long note goes to the first scored question without one. */
      if (!previous && long_note_chars > 0 && !long_note_given && note == NULL &&
          sihua_question_is_scored (question))
        {
          long_note_given = TRUE;
          GString *text = g_string_new ("LONGNOTESTART ");

          for (guint n = 0; g_utf8_strlen (text->str, -1) < long_note_chars; n++)
            g_string_append_printf (text, "第%u段：车间主任补充说明了换线流程和设备点检情况，line %u in English too. ", n, n);
          g_string_append (text, "LONGNOTEEND");
          g_free (note);
          note = g_string_free (text, FALSE);
        }

      g_hash_table_insert (answers, g_strdup (question->id),
                           sihua_answer_new (question->id, value, note,
                                             !previous && evidence != NULL && json_object_has_member (evidence, question->id)
                                               ? json_object_get_string_member (evidence, question->id) : NULL));
    }

  return answers;
}

static ReportFixture *
report_fixture_new (const char *model_path,
                    const char *fixture_path,
                    guint       long_note_chars)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  ReportFixture *fixture = g_new0 (ReportFixture, 1);
  JsonObject *root, *company, *assessment;

  fixture->model = sihua_model_new_from_file (model_path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, fixture_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  company = json_object_get_object_member (root, "company");
  assessment = json_object_get_object_member (root, "assessment");

  fixture->company = sihua_company_new (json_object_get_string_member (company, "name"));
  fixture->company->industry = g_strdup (json_object_get_string_member (company, "industry"));
  fixture->company->region = g_strdup (json_object_get_string_member (company, "region"));

  fixture->assessment = g_new0 (SihuaAssessment, 1);
  fixture->assessment->id = 2;
  fixture->assessment->date = g_strdup (json_object_get_string_member (assessment, "date"));
  fixture->assessment->consultant = g_strdup (json_object_get_string_member (assessment, "consultant"));
  fixture->assessment->respondents = g_strdup (json_object_get_string_member (assessment, "respondents"));
  fixture->assessment->target_level = (int)json_object_get_int_member (assessment, "target_level");
  fixture->assessment->model_id = g_strdup (sihua_model_get_id (fixture->model));
  fixture->assessment->model_version = g_strdup (sihua_model_get_version (fixture->model));

  fixture->previous = g_new0 (SihuaAssessment, 1);
  fixture->previous->id = 1;
  fixture->previous->date = g_strdup (json_object_get_string_member (json_object_get_object_member (root, "previous"), "date"));

  fixture->answers = fixture_answers (fixture->model, json_object_get_object_member (root, "notes"),
                                      json_object_get_object_member (root, "evidence"), FALSE, long_note_chars);
  fixture->previous_answers = fixture_answers (fixture->model, NULL, NULL, TRUE, 0);
  fixture->results = sihua_results_new (fixture->company, fixture->assessment, fixture->model,
                                       fixture->answers, fixture->previous, fixture->model,
                                       fixture->previous_answers);

  return fixture;
}

static G_GNUC_UNUSED void
report_fixture_free (ReportFixture *fixture)
{
  g_object_unref (fixture->results);
  g_hash_table_unref (fixture->answers);
  g_hash_table_unref (fixture->previous_answers);
  sihua_assessment_free (fixture->assessment);
  sihua_assessment_free (fixture->previous);
  sihua_company_free (fixture->company);
  g_object_unref (fixture->model);
  g_free (fixture);
}
