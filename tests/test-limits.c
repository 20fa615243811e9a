/* test-limits.c: a model with 5 000 questions, notes of 100 000 characters.
 * (10 000 companies: test-store's /store/search-many-async.) Timings are
 * printed, never asserted; bench/ measures.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-company.h"
#include "sihua-model.h"
#include "sihua-roadmap.h"
#include "sihua-score.h"
#include "sihua-scoring.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define N_BIG_DIMENSIONS 50
#define N_PER_DIMENSION  100

/* The example model with an area of 50 × 100 more ladder questions, each a
 * copy of systems.coverage under a new id. */
static GBytes *
make_big_model (void)
{
  g_autofree char *file = sihua_test_data_model_file ("example-small.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonNode *template = NULL;
  g_autofree char *template_text = NULL;
  JsonArray *areas;
  JsonArray *dimensions = json_array_new ();
  JsonObject *area = json_object_new ();
  JsonObject *title = json_object_new ();
  char *text;
  gsize length;

  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", "limits-5000");
  areas = json_object_get_array_member (root, "areas");

  for (guint a = 0; a < json_array_get_length (areas); a++)
    {
      JsonArray *dims = json_object_get_array_member (json_array_get_object_element (areas, a), "dimensions");

      for (guint d = 0; d < json_array_get_length (dims); d++)
        {
          JsonArray *questions = json_object_get_array_member (json_array_get_object_element (dims, d), "questions");

          for (guint q = 0; q < json_array_get_length (questions); q++)
            if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (questions, q), "id"),
                           "systems.coverage") == 0)
              template = json_array_get_element (questions, q);
        }
    }
  g_assert_nonnull (template);
  template_text = json_to_string (template, FALSE);

  for (guint d = 0; d < N_BIG_DIMENSIONS; d++)
    {
      JsonObject *dimension = json_object_new ();
      JsonObject *dim_title = json_object_new ();
      JsonArray *questions = json_array_new ();
      g_autofree char *dim_id = g_strdup_printf ("bulk%02u", d);
      g_autofree char *zh = g_strdup_printf ("批量维度%u", d + 1);
      g_autofree char *en = g_strdup_printf ("Bulk dimension %u", d + 1);

      for (guint q = 0; q < N_PER_DIMENSION; q++)
        {
          /* json_node_copy() shares the object: copy through text. */
          g_autofree char *id = g_strdup_printf ("%s.q%03u", dim_id, q);
          JsonNode *copy = json_from_string (template_text, &error);

          g_assert_no_error (error);

          json_object_set_string_member (json_node_get_object (copy), "id", id);
          json_array_add_element (questions, copy);
        }
      json_object_set_string_member (dim_title, "zh_CN", zh);
      json_object_set_string_member (dim_title, "en", en);
      json_object_set_string_member (dimension, "id", dim_id);
      json_object_set_object_member (dimension, "title", dim_title);
      json_object_set_array_member (dimension, "questions", questions);
      json_array_add_object_element (dimensions, dimension);
    }
  json_object_set_string_member (title, "zh_CN", "批量");
  json_object_set_string_member (title, "en", "Bulk");
  json_object_set_string_member (area, "id", "bulk");
  json_object_set_object_member (area, "title", title);
  json_object_set_array_member (area, "dimensions", dimensions);
  json_array_add_object_element (areas, area);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
test_model_5000_questions (void)
{
  g_autoptr(GBytes) bytes = make_big_model ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(SihuaRoadmap) roadmap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(SihuaCompany) company = sihua_company_new ("大型问卷测试企业");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
  g_autoptr(GHashTable) stored = NULL;
  GPtrArray *questions;
  SihuaStore *store;
  SihuaModel *pinned;
  gint64 assessment_id;
  gint64 start;
  guint n_ladders = 0;

  g_test_message ("model: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));

  start = g_get_monotonic_time ();
  problems = sihua_model_validate_bytes (bytes, "limits-5000.json");
  g_test_message ("validate: %.0f ms", elapsed_ms (start));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((SihuaModelProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);

  start = g_get_monotonic_time ();
  model = sihua_model_new_from_bytes (bytes, "limits-5000.json", &error);
  g_assert_no_error (error);
  g_test_message ("load: %.0f ms", elapsed_ms (start));
  questions = sihua_model_get_questions (model);
  g_assert_cmpuint (questions->len, >=, N_BIG_DIMENSIONS * N_PER_DIMENSION);

  /* Every ladder question answered, levels spread out. */
  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type != SIHUA_QUESTION_LADDER)
        continue;
      g_hash_table_insert (answers, g_strdup (question->id),
                           sihua_answer_new (question->id, sihua_answer_value_new_level ((int) (n_ladders % 5)),
                                             NULL, "现场核实"));
      g_ptr_array_add (batch, sihua_answer_new (question->id, sihua_answer_value_new_level ((int) (n_ladders % 5)),
                                                NULL, "现场核实"));
      n_ladders++;
    }

  start = g_get_monotonic_time ();
  score = sihua_scoring_compute (model, answers);
  roadmap = sihua_roadmap_compute (score, answers, -1);
  g_test_message ("score and roadmap of %u answers: %.0f ms", n_ladders, elapsed_ms (start));
  g_assert_cmpuint (sihua_score_get_n_dimensions (score), >=, N_BIG_DIMENSIONS);
  g_assert_cmpuint (sihua_score_get_answered (score), ==, n_ladders);
  g_assert_nonnull (roadmap);

  /* Stored, pinned and read back. */
  store = sihua_test_open_store (db);
  assessment_id = sihua_store_new_assessment (store, sihua_store_add_company (store, company, &error),
                                              model, 0, "郑顾问", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (sihua_store_import_answers (store, assessment_id, batch, &error));
  g_assert_no_error (error);
  g_test_message ("import %u answers: %.0f ms", batch->len, elapsed_ms (start));
  start = g_get_monotonic_time ();
  stored = sihua_store_load_answers (store, assessment_id, &error);
  g_assert_no_error (error);
  pinned = sihua_store_load_assessment_model (store, assessment_id, &error);
  g_assert_no_error (error);
  g_test_message ("load answers and pinned model: %.0f ms", elapsed_ms (start));
  g_assert_cmpuint (g_hash_table_size (stored), ==, n_ladders);
  g_assert_cmpuint (sihua_model_get_questions (pinned)->len, ==, questions->len);
  g_assert_finalize_object (pinned);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

static char *
make_long_note (void)
{
  /* 100 000 characters, mixed Chinese and Latin, with line breaks. */
  const char *sentence = "二车间 12 台数控机床中 8 台已联网（DNC），程序由工艺员统一下发；MES 报工率约 85%。\n";
  glong per_sentence = g_utf8_strlen (sentence, -1);
  g_autoptr(GString) note = g_string_new (NULL);
  glong length = 0;

  while (length + per_sentence <= 100000)
    {
      g_string_append (note, sentence);
      length += per_sentence;
    }
  while (length < 100000)
    {
      g_string_append (note, "止");
      length++;
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
test_long_note (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *note = make_long_note ();
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("长备注测试企业");
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (2);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  SihuaAnswer *answer;
  SihuaStore *store;
  gint64 assessment_id;

  g_assert_cmpint (g_utf8_strlen (note, -1), ==, 100000);
  model = sihua_test_load_data_model ("example-small.json");

  store = sihua_test_open_store (db);
  assessment_id = sihua_store_new_assessment (store, sihua_store_add_company (store, company, &error),
                                              model, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_store_set_answer (store, assessment_id, "systems.coverage", value, note, note, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = sihua_test_open_store (db);
  answers = sihua_store_load_answers (store, assessment_id, &error);
  g_assert_no_error (error);
  answer = g_hash_table_lookup (answers, "systems.coverage");
  g_assert_nonnull (answer);
  g_assert_cmpstr (answer->note, ==, note);
  g_assert_cmpstr (answer->evidence, ==, note);
  history = sihua_store_get_history (store, assessment_id, "systems.coverage", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

/* The report typesets a 100 000-character note: every page is produced and
 * the note's end reaches the PDF. */
static void
test_long_note_report (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *import = g_build_filename (dir, "answers.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *note = make_long_note ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = NULL;
  gint64 start;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "equipment.automation");
  json_builder_add_int_value (builder, 2);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "equipment.automation");
  json_builder_add_string_value (builder, note);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (import, json, -1, NULL));

  g_assert_cmpint (sihua_test_run_cli (db, NULL, NULL, "company", "add", "--name", "长备注报告企业", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (db, NULL, NULL, "assessment", "new", "--company", "1", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (db, NULL, &err, "assessment", "import", "1", import, NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  start = g_get_monotonic_time ();
  g_assert_cmpint (sihua_test_run_cli (db, NULL, &err, "report", "1", "-o", pdf, NULL), ==, 0);
  g_test_message ("report with a 100 000-character note: %.0f ms", elapsed_ms (start));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* pdftotext (poppler-utils, in the test packages) when present. */
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *info = NULL;

      g_assert_cmpint (sihua_test_run (argv, NULL, &text, NULL), ==, 0);
      /* The note's first and last words reached the PDF. */
      g_assert_nonnull (strstr (text, "二车间"));
      g_assert_nonnull (strstr (text, "止"));
      g_test_message ("report text: %" G_GSIZE_FORMAT " bytes", strlen (text));
    }

  sihua_test_remove_tree (dir);
}

/* A JSON level far beyond int is refused, not wrapped: 4294967298 once
 * came out as level 2. */
static void
test_level_beyond_int (void)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 numbers[] = { G_GINT64_CONSTANT (4294967298), G_GINT64_CONSTANT (-4294967294),
                             G_MAXINT64, G_MININT64 };
  SihuaQuestion *question;

  model = sihua_test_load_data_model ("example-small.json");
  question = sihua_model_lookup_question (model, "systems.coverage");
  g_assert_nonnull (question);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), numbers[i]);
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_from_json (question, node, &error);

      g_assert_null (value);
      g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/model-5000-questions", test_model_5000_questions);
  g_test_add_func ("/limits/note-100000-characters", test_long_note);
  g_test_add_func ("/limits/note-100000-characters-report", test_long_note_report);
  g_test_add_func ("/limits/level-beyond-int", test_level_beyond_int);

  return g_test_run ();
}
