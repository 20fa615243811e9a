/* sihua-cli-assessment.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-answer-sheet.h"
#include "sihua-cli-assessment.h"
#include "sihua-cli-company.h"
#include "sihua-cli-interviewee.h"
#include "sihua-cli-store.h"
#include "sihua-cli-text.h"
#include "sihua-json-guard.h"
#include "sihua-model-catalog.h"
#include "sihua-results.h"

/* Scores the assessment again and caches the result, so lists (the
 * window's companies, `company list`) show the stage reached however the
 * answers came in. The answers are stored already: a failure here is told,
 * not fatal. */
static void
refresh_result (SihuaStore *store,
                gint64      id)
{
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GError) error = NULL;
  const SihuaAssessment *cached;
  SihuaScore *score;

  /* Loading the results refreshes the cache; it only logs a failure, so
   * one left behind is written once more here, to tell why. */
  results = sihua_results_load (store, id, NULL, &error);
  if (results != NULL)
    {
      score = sihua_results_get_score (results);
      cached = sihua_results_get_assessment (results);
      if (cached->has_result == (sihua_score_get_stage (score) >= 0)
          && (!cached->has_result || cached->result_stage == sihua_score_get_stage (score)))
        return;
    }
  if (results == NULL
      || !sihua_store_set_assessment_result (store, id, sihua_score_get_index (score),
                                             sihua_score_get_stage (score), &error))
    g_printerr (_("Warning: the stage shown in lists was not updated: %s\n"),
                sihua_cli_shown (error->message));
}

static SihuaModel *
find_model (const char  *model_arg,
            GError     **error)
{
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  SihuaModel *model;

  /* A path to a model file, or the id of a known model. */
  if (model_arg != NULL && g_file_test (model_arg, G_FILE_TEST_IS_REGULAR))
    return sihua_model_new_from_file (model_arg, error);
  if (model_arg != NULL)
    return sihua_model_catalog_lookup (catalog, model_arg, NULL, error);

  model = sihua_model_catalog_get_default (catalog);
  if (model == NULL)
    g_set_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND,
                 _("No questionnaire model is installed"));

  return model;
}

/* The value as stored, as a JSON node: {"level":2}, {"na":true}, … */
static JsonNode *
value_to_node (const SihuaAnswerValue *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  if (value == NULL)
    return json_node_new (JSON_NODE_NULL);
  text = sihua_answer_value_serialize (value);
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return json_node_new (JSON_NODE_NULL);

  return json_node_copy (json_parser_get_root (parser));
}

static char *
describe (const SihuaAnswerValue *value,
          SihuaModel             *model,
          const char             *question_id)
{
  SihuaQuestion *question = model != NULL ? sihua_model_lookup_question (model, question_id) : NULL;

  if (value == NULL)
    return g_strdup (_("(unanswered)"));
  if (question == NULL)
    return sihua_answer_value_serialize (value);

  return sihua_answer_value_describe (value, question, model, sihua_language_from_locale ());
}

/* Opens the store and checks that @id_text names an assessment. */
SihuaStore *
sihua_cli_open_assessment (SihuaCli          *cli,
                           SihuaCliStoreUse   use,
                           const char        *command,
                           const char        *id_text,
                           gint64            *id,
                           int               *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  SihuaStore *store;

  if (!sihua_cli_parse_id (id_text, id))
    {
      *status = sihua_cli_usage_error (_("%s needs an assessment ID (a positive number), not “%s”"),
                                       command, id_text != NULL ? id_text : "");
      return NULL;
    }
  store = sihua_cli_open_store (cli, use, &error);
  if (store == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }
  /* History says who changed an answer: from the command line, the login. */
  if (sihua_store_get_author (store) == NULL)
    sihua_store_set_author (store, g_get_user_name ());
  assessment = sihua_store_get_assessment (store, *id, &error);
  if (assessment == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }

  return store;
}

/* The question @question_id of the model version @id was started with (a
 * later version of the model never reinterprets old answers). */
static SihuaQuestion *
lookup_pinned_question (SihuaStore  *store,
                        gint64       id,
                        const char  *question_id,
                        SihuaModel **model,
                        int         *status)
{
  g_autoptr(GError) error = NULL;
  SihuaQuestion *question;

  *model = sihua_store_load_assessment_model (store, id, &error);
  if (*model == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }
  question = sihua_model_lookup_question (*model, question_id);
  if (question == NULL)
    *status = sihua_cli_fail (_("The model %s %s has no question “%s”"),
                              sihua_model_get_id (*model), sihua_model_get_version (*model),
                              question_id);

  return question;
}

int
sihua_cli_assessment_new_run (SihuaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autofree char *company_arg = NULL;
  g_autofree char *model_arg = NULL;
  g_autofree char *from_arg = NULL;
  g_autofree char *consultant = NULL;
  GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING, &company_arg, NULL, NULL },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model_arg, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_arg, NULL, NULL },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &consultant, NULL, NULL },
    { NULL }
  };
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 company_id;
  gint64 from_id = 0;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("assessment new", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("assessment new: unexpected argument “%s”"), argv[1]);
  if (!sihua_cli_parse_id (company_arg, &company_id))
    return sihua_cli_usage_error (_("assessment new needs --company ID (a positive number)"));
  if (from_arg != NULL && !sihua_cli_parse_id (from_arg, &from_id))
    return sihua_cli_usage_error (_("assessment new: --from needs an assessment ID (a positive number)"));

  store = sihua_cli_get_store (cli, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);

  /* A re-assessment keeps the model of the one it starts from, unless told. */
  if (model_arg == NULL && from_id != 0)
    {
      g_autoptr(SihuaAssessment) previous = sihua_store_get_assessment (store, from_id, &error);

      if (previous == NULL)
        return sihua_cli_fail_error (error);
      model = sihua_store_load_assessment_model (store, from_id, &error);
    }
  else
    model = find_model (model_arg, &error);
  if (model == NULL)
    return sihua_cli_fail_error (error);

  id = sihua_store_new_assessment (store, company_id, model, from_id, consultant, &error);
  if (id == 0)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      assessment = sihua_store_get_assessment (store, id, &error);
      if (assessment == NULL)
        return sihua_cli_fail_error (error);
      sihua_cli_add_assessment (builder, assessment);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", id);

  return 0;
}

/* Keeps what one interviewee said; the consolidated answer, which scores,
 * stays as it is. */
static int
answer_by (SihuaCli               *cli,
           SihuaStore             *store,
           gint64                  id,
           SihuaModel             *model,
           const char             *question_id,
           const SihuaAnswerValue *value,
           const char             *name)
{
  g_autoptr(SihuaInterviewee) interviewee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int status;

  interviewee = sihua_cli_find_interviewee (store, id, name, &status);
  if (interviewee == NULL)
    return status;
  if (!sihua_store_set_interviewee_answer (store, interviewee->id, question_id, value, &error))
    return sihua_cli_fail_error (error);

  description = describe (value, model, question_id);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_int_member (builder, "assessment", id, TRUE);
      sihua_cli_add_string_member (builder, "question", question_id);
      sihua_cli_add_string_member (builder, "by", interviewee->name);
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, value_to_node (value));
      sihua_cli_add_string_member (builder, "text", description);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%s = %s (%s)\n", sihua_cli_shown (question_id), sihua_cli_shown (description),
            sihua_cli_shown (interviewee->name));

  return 0;
}

int
sihua_cli_assessment_answer_run (SihuaCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *by = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, NULL, NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, NULL, NULL },
    { NULL }
  };
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaAnswerValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  SihuaQuestion *question;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("assessment answer", entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return sihua_cli_usage_error (_("assessment answer needs ID QUESTION_ID VALUE"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment answer", argv[1], &id, &status);
  if (store == NULL)
    return status;

  question = lookup_pinned_question (store, id, argv[2], &model, &status);
  if (question == NULL)
    return status;
  value = sihua_answer_value_parse (question, argv[3], &error);
  if (value == NULL)
    return sihua_cli_fail_error (error);
  if (by != NULL)
    {
      if (note != NULL || evidence != NULL)
        return sihua_cli_usage_error (_("assessment answer: --note and --evidence belong to the consolidated "
                                        "answer, not to what one interviewee (--by) said"));
      return answer_by (cli, store, id, model, argv[2], value, by);
    }

  /* A note or evidence not given on the command line stays as it was;
   * --note "" clears it. */
  sheet = sihua_answer_sheet_new (store, id);
  if (note == NULL || evidence == NULL)
    {
      const SihuaAnswer *current;

      if (!sihua_answer_sheet_load (sheet, &error))
        return sihua_cli_fail_error (error);
      current = sihua_answer_sheet_lookup (sheet, argv[2]);
      if (current != NULL && note == NULL)
        note = g_strdup (current->note);
      if (current != NULL && evidence == NULL)
        evidence = g_strdup (current->evidence);
    }

  sihua_answer_sheet_set (sheet, argv[2], value, note, evidence);
  if (!sihua_answer_sheet_flush (sheet, &error))
    return sihua_cli_fail_error (error);
  refresh_result (store, id);

  description = describe (value, model, argv[2]);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_int_member (builder, "assessment", id, TRUE);
      sihua_cli_add_string_member (builder, "question", argv[2]);
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, value_to_node (value));
      sihua_cli_add_string_member (builder, "text", description);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%s = %s\n", sihua_cli_shown (argv[2]), sihua_cli_shown (description));

  return 0;
}

int
sihua_cli_assessment_import_run (SihuaCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) given = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  SihuaStore *store;
  JsonNode *answers_node;
  guint n_given = 0;
  gint64 id;
  int status;

  if (argc != 3)
    return sihua_cli_usage_error (_("assessment import needs ID FILE.json"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment import", argv[1], &id, &status);
  if (store == NULL)
    return status;

  if (!sihua_json_guard_load_file (parser, argv[2], &error))
    {
      if (sihua_json_guard_is_too_deep (error))
        return sihua_cli_fail (_("%s; nothing was imported"), error->message);
      return sihua_cli_fail (_("Cannot read %s: %s; nothing was imported"), argv[2], error->message);
    }
  /* One transaction: every answer of the file is stored, or none. */
  given = sihua_store_read_import_json (store, id, json_parser_get_root (parser), &error);
  if (given == NULL)
    return sihua_cli_fail ("%s: %s", argv[2], error->message);
  sheet = sihua_answer_sheet_new (store, id);
  sihua_answer_sheet_set_all (sheet, given);
  if (!sihua_answer_sheet_flush (sheet, &error))
    return sihua_cli_fail ("%s: %s", argv[2], error->message);
  refresh_result (store, id);

  answers_node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "answers");
  n_given = json_object_get_size (json_node_get_object (answers_node));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_int_member (builder, "assessment", id, TRUE);
      sihua_cli_add_int_member (builder, "imported", n_given, TRUE);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u answer", "Imported %u answers", n_given), n_given);
      printf ("\n");
    }

  return 0;
}

int
sihua_cli_assessment_show_run (SihuaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  GPtrArray *questions;
  gint64 id;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("assessment show needs an assessment ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_READ, "assessment show", argv[1], &id, &status);
  if (store == NULL)
    return status;
  assessment = sihua_store_get_assessment (store, id, &error);
  model = assessment != NULL ? sihua_store_load_assessment_model (store, id, &error) : NULL;
  answers = model != NULL ? sihua_store_load_answers (store, id, &error) : NULL;
  interviewees = answers != NULL ? sihua_store_list_interviewees (store, id, &error) : NULL;
  said = interviewees != NULL ? sihua_store_list_interviewee_answers (store, id, &error) : NULL;
  if (said == NULL)
    return sihua_cli_fail_error (error);
  to_discuss = sihua_interviewee_answers_to_discuss (said);

  /* Answers in the order of the questionnaire. */
  questions = sihua_model_get_questions (model);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "assessment");
      sihua_cli_add_assessment (builder, assessment);
      json_builder_set_member_name (builder, "interviewees");
      json_builder_begin_array (builder);
      for (guint i = 0; i < interviewees->len; i++)
        sihua_cli_add_interviewee (builder, g_ptr_array_index (interviewees, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "to_discuss");
      json_builder_begin_array (builder);
      for (guint i = 0; i < to_discuss->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (to_discuss, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_object (builder);
      for (guint i = 0; i < questions->len; i++)
        {
          SihuaQuestion *question = g_ptr_array_index (questions, i);
          SihuaAnswer *answer = g_hash_table_lookup (answers, question->id);
          g_autoptr(GPtrArray) heard = sihua_interviewee_answers_for (said, question->id);
          g_autofree char *text = NULL;

          if (answer == NULL && heard->len == 0)
            continue;
          json_builder_set_member_name (builder, question->id);
          json_builder_begin_object (builder);
          if (heard->len > 0)
            {
              json_builder_set_member_name (builder, "by");
              json_builder_begin_object (builder);
              for (guint j = 0; j < heard->len; j++)
                {
                  SihuaIntervieweeAnswer *one = g_ptr_array_index (heard, j);

                  json_builder_set_member_name (builder, one->name);
                  json_builder_add_value (builder, value_to_node (one->value));
                }
              json_builder_end_object (builder);
            }
          if (answer == NULL)
            {
              json_builder_end_object (builder);
              continue;
            }
          text = describe (answer->value, model, question->id);
          json_builder_set_member_name (builder, "value");
          json_builder_add_value (builder, value_to_node (answer->value));
          sihua_cli_add_string_member (builder, "text", text);
          sihua_cli_add_string_member (builder, "note", answer->note);
          sihua_cli_add_string_member (builder, "evidence", answer->evidence);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  printf ("%s %" G_GINT64_FORMAT "\n", _("Assessment:"), assessment->id);
  printf ("%s %" G_GINT64_FORMAT "\n", _("Company:"), assessment->company_id);
  printf ("%s %s %s\n", _("Model:"), sihua_cli_shown (assessment->model_id),
          sihua_cli_shown (assessment->model_version));
  printf ("%s %s\n", _("Date:"), sihua_cli_shown (assessment->date));
  if (assessment->consultant != NULL)
    printf ("%s %s\n", _("Consultant:"), sihua_cli_shown (assessment->consultant));
  if (assessment->finalized_at != 0)
    printf ("%s %s (%s %d)\n", _("Status:"), _("finalised"), _("revision"), assessment->revision);
  else
    printf ("%s %s\n", _("Status:"),
            assessment->status == SIHUA_ASSESSMENT_COMPLETED ? _("completed") : _("in progress"));
  for (guint i = 0; i < interviewees->len; i++)
    {
      g_autofree char *described = sihua_interviewee_describe (g_ptr_array_index (interviewees, i));

      printf ("%s %s\n", _("Interviewee:"), sihua_cli_shown (described));
    }
  if (assessment->previous_id > 0)
    printf ("%s %" G_GINT64_FORMAT "\n", _("Re-assessment of:"), assessment->previous_id);
  {
    guint answered, applicable;

    /* Of the questions that apply, as the window counts them. */
    sihua_answer_count (model, answers, &answered, &applicable);
    printf ("%s %u/%u\n", _("Answered:"), answered, applicable);
  }

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);
      SihuaAnswer *answer = g_hash_table_lookup (answers, question->id);
      g_autofree char *text = NULL;

      if (answer == NULL)
        continue;
      text = describe (answer->value, model, question->id);
      printf ("  %s = %s\n", sihua_cli_shown (question->id), sihua_cli_shown (text));
      {
        g_autoptr(GPtrArray) heard = sihua_interviewee_answers_for (said, question->id);

        for (guint j = 0; j < heard->len; j++)
          {
            SihuaIntervieweeAnswer *one = g_ptr_array_index (heard, j);
            g_autofree char *one_text = describe (one->value, model, question->id);

            printf ("      %s %s\n", sihua_cli_shown (one->name), sihua_cli_shown (one_text));
          }
        if (g_ptr_array_find_with_equal_func (to_discuss, question->id, g_str_equal, NULL))
          printf ("      %s\n", _("To discuss: the interviewees disagree by two levels or more"));
      }
      if (answer->note != NULL)
        printf ("      %s %s\n", _("Note:"), sihua_cli_shown (answer->note));
      if (answer->evidence != NULL)
        printf ("      %s %s\n", _("Evidence:"), sihua_cli_shown (answer->evidence));
    }

  return 0;
}

static void
add_change (JsonBuilder       *builder,
            SihuaAnswerChange *change,
            SihuaModel        *model)
{
  g_autofree char *when = sihua_cli_format_iso_time (change->changed_at);
  g_autofree char *old_text = describe (change->old_value, model, change->question_id);
  g_autofree char *new_text = describe (change->new_value, model, change->question_id);

  json_builder_begin_object (builder);
  sihua_cli_add_string_member (builder, "question", change->question_id);
  sihua_cli_add_string_member (builder, "changed_at", when);
  sihua_cli_add_string_member (builder, "author", change->author);
  json_builder_set_member_name (builder, "old_value");
  json_builder_add_value (builder, value_to_node (change->old_value));
  sihua_cli_add_string_member (builder, "old_text", change->old_value != NULL ? old_text : NULL);
  sihua_cli_add_string_member (builder, "old_note", change->old_note);
  json_builder_set_member_name (builder, "new_value");
  json_builder_add_value (builder, value_to_node (change->new_value));
  sihua_cli_add_string_member (builder, "new_text", change->new_value != NULL ? new_text : NULL);
  sihua_cli_add_string_member (builder, "new_note", change->new_note);
  json_builder_end_object (builder);
}

int
sihua_cli_assessment_history_run (SihuaCli  *cli,
                                  int        argc,
                                  char     **argv)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 3)
    return sihua_cli_usage_error (_("assessment history needs ID QUESTION_ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_READ, "assessment history", argv[1], &id, &status);
  if (store == NULL)
    return status;
  if (lookup_pinned_question (store, id, argv[2], &model, &status) == NULL)
    return status;
  history = sihua_store_get_history (store, id, argv[2], &error);
  if (history == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < history->len; i++)
        add_change (builder, g_ptr_array_index (history, i), model);
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  if (history->len == 0)
    printf ("%s\n", _("No changes yet."));
  for (guint i = 0; i < history->len; i++)
    {
      SihuaAnswerChange *change = g_ptr_array_index (history, i);
      g_autofree char *when = sihua_cli_format_time (change->changed_at);
      g_autofree char *old_text = describe (change->old_value, model, change->question_id);
      g_autofree char *new_text = describe (change->new_value, model, change->question_id);

      printf ("%s  %s  %s → %s", when,
              change->author != NULL ? sihua_cli_shown (change->author) : "-",
              sihua_cli_shown (old_text), sihua_cli_shown (new_text));
      if (g_strcmp0 (change->old_note, change->new_note) != 0)
        printf ("  (%s %s)", _("note:"), change->new_note != NULL ? sihua_cli_shown (change->new_note) : "-");
      printf ("\n");
    }

  return 0;
}

int
sihua_cli_assessment_undo_run (SihuaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("assessment undo needs an assessment ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment undo", argv[1], &id, &status);
  if (store == NULL)
    return status;
  model = sihua_store_load_assessment_model (store, id, NULL);
  sheet = sihua_answer_sheet_new (store, id);
  change = sihua_answer_sheet_undo (sheet, &error);
  if (change == NULL)
    return sihua_cli_fail_error (error);
  refresh_result (store, id);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_change (builder, change, model);
      sihua_cli_print_builder (builder);
      return 0;
    }

  old_text = describe (change->old_value, model, change->question_id);
  new_text = describe (change->new_value, model, change->question_id);
  /* TRANSLATORS: "Undone: QUESTION_ID is OLD again (was NEW)" */
  printf (_("Undone: %s is %s again (was %s)"), sihua_cli_shown (change->question_id),
          sihua_cli_shown (old_text), sihua_cli_shown (new_text));
  printf ("\n");

  return 0;
}

/**
 * sihua_cli_lookup_question:
 * @store: the store
 * @id: an assessment
 * @question_id: a question id as typed
 * @status: (out): the exit status when %NULL is returned
 *
 * Checks that the model version @id was started with has @question_id.
 *
 * Returns: whether it has
 */
gboolean
sihua_cli_lookup_question (SihuaStore *store,
                           gint64      id,
                           const char *question_id,
                           int        *status)
{
  g_autoptr(SihuaModel) model = NULL;

  return lookup_pinned_question (store, id, question_id, &model, status) != NULL;
}
