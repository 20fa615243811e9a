/* test-store-answers.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  SihuaStore *store;
  SihuaModel *model;
  gint64      company_id;
  gint64      assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->store = sihua_test_open_store (fixture->path);
  sihua_store_set_author (fixture->store, "李顾问");
  fixture->model = sihua_test_load_data_model ("example-small.json");
  fixture->company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, fixture->company_id,
                                                       fixture->model, 0, "李顾问", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->assessment_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The worker thread may still be dropping its reference to the last
   * task (and so to the store) just after the callback ran. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 1)
    g_usleep (1000);
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
set_level (Fixture    *fixture,
           const char *question_id,
           int         level,
           const char *note)
{
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (level);
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, question_id,
                                         value, note, NULL, &error));
  g_assert_no_error (error);
}

static int
stored_level (Fixture    *fixture,
              const char *question_id)
{
  g_autoptr(GHashTable) answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, NULL);
  SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  if (answer == NULL)
    return -1;
  g_assert_cmpint (answer->value->kind, ==, SIHUA_ANSWER_LEVEL);

  return answer->value->level;
}

static void
test_assessment_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  assessment = sihua_store_get_assessment (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  today = g_date_time_format (now, "%Y-%m-%d");
  g_assert_cmpstr (assessment->model_id, ==, "example-small");
  g_assert_cmpstr (assessment->model_version, ==, "1.0.0");
  g_assert_cmpstr (assessment->date, ==, today);
  g_assert_cmpstr (assessment->consultant, ==, "李顾问");
  g_assert_cmpint (assessment->status, ==, SIHUA_ASSESSMENT_IN_PROGRESS);
  g_assert_cmpint (assessment->previous_id, ==, 0);
  g_assert_false (assessment->has_result);
  g_assert_true (g_uuid_string_is_valid (assessment->uuid));

  g_assert_true (sihua_store_set_assessment_result (fixture->store, fixture->assessment_id, 2.4, 2, &error));
  g_assert_true (sihua_store_set_assessment_status (fixture->store, fixture->assessment_id,
                                                    SIHUA_ASSESSMENT_COMPLETED, &error));
  assessment->respondents = g_strdup ("厂长, IT 主管");
  assessment->target_level = 3;
  assessment->status = SIHUA_ASSESSMENT_COMPLETED;
  g_assert_true (sihua_store_update_assessment (fixture->store, assessment, &error));
  g_assert_no_error (error);

  list = sihua_store_list_assessments (fixture->store, fixture->company_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&assessment, sihua_assessment_free);
  assessment = sihua_assessment_copy (list->pdata[0]);
  g_assert_true (assessment->has_result);
  g_assert_cmpfloat (assessment->result_index, ==, 2.4);
  g_assert_cmpint (assessment->result_stage, ==, 2);
  g_assert_cmpint (assessment->target_level, ==, 3);
  g_assert_cmpstr (assessment->respondents, ==, "厂长, IT 主管");
  g_assert_cmpint (assessment->status, ==, SIHUA_ASSESSMENT_COMPLETED);

  /* The company list carries the latest date and stage. */
  company = sihua_store_get_company (fixture->store, fixture->company_id, &error);
  g_assert_cmpstr (company->last_assessment_date, ==, today);
  g_assert_cmpint (company->latest_stage, ==, 2);
  g_assert_cmpuint (company->n_assessments, ==, 1);

  g_free (assessment->date);
  assessment->date = g_strdup ("2026-13-40");
  g_assert_false (sihua_store_update_assessment (fixture->store, assessment, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sihua_store_new_assessment (fixture->store, 999, fixture->model, 0, NULL, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
}

static void
test_answers_roundtrip (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *modules[] = { "erp", "finance", NULL };
  g_autoptr(SihuaAnswerValue) multi = sihua_answer_value_new_options (modules);
  g_autoptr(SihuaAnswerValue) number = sihua_answer_value_new_number (42.5);
  g_autoptr(SihuaAnswerValue) text = sihua_answer_value_new_text ("以销定产；'quotes' \"and\" 符号");
  g_autoptr(SihuaAnswerValue) na = sihua_answer_value_new_na ();
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  SihuaAnswer *answer;

  set_level (fixture, "systems.coverage", 2, "ERP 已上线");
  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, "systems.modules",
                                         multi, NULL, "看了 ERP 界面", &error));
  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, "production.networked",
                                         number, NULL, NULL, &error));
  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, "profile.notes",
                                         text, NULL, NULL, &error));
  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, "production.batch",
                                         na, NULL, NULL, &error));
  g_assert_no_error (error);

  answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 5);

  answer = g_hash_table_lookup (answers, "systems.coverage");
  g_assert_cmpint (answer->value->level, ==, 2);
  g_assert_cmpstr (answer->note, ==, "ERP 已上线");
  answer = g_hash_table_lookup (answers, "systems.modules");
  g_assert_true (sihua_answer_value_equal (answer->value, multi));
  g_assert_cmpstr (answer->evidence, ==, "看了 ERP 界面");
  answer = g_hash_table_lookup (answers, "production.networked");
  g_assert_true (sihua_answer_value_equal (answer->value, number));
  answer = g_hash_table_lookup (answers, "profile.notes");
  g_assert_true (sihua_answer_value_equal (answer->value, text));
  answer = g_hash_table_lookup (answers, "production.batch");
  g_assert_cmpint (answer->value->kind, ==, SIHUA_ANSWER_NA);

  /* Clearing removes the answer. */
  g_assert_true (sihua_store_set_answer (fixture->store, fixture->assessment_id, "production.batch",
                                         NULL, NULL, NULL, &error));
  g_clear_pointer (&answers, g_hash_table_unref);
  answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_false (g_hash_table_contains (answers, "production.batch"));

  g_assert_false (sihua_store_set_answer (fixture->store, 777, "systems.coverage", na, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
}

static void
test_history_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  SihuaAnswerChange *change;

  set_level (fixture, "systems.coverage", 1, NULL);
  set_level (fixture, "systems.coverage", 2, NULL);
  set_level (fixture, "systems.coverage", 2, NULL);   /* no change: no history */
  set_level (fixture, "systems.coverage", 2, "补充说明");
  set_level (fixture, "production.reporting", 3, NULL);

  history = sihua_store_get_history (fixture->store, fixture->assessment_id, "systems.coverage", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  change = history->pdata[0];
  g_assert_null (change->old_value);
  g_assert_cmpint (change->new_value->level, ==, 1);
  g_assert_cmpstr (change->author, ==, "李顾问");
  change = history->pdata[1];
  g_assert_cmpint (change->old_value->level, ==, 1);
  g_assert_cmpint (change->new_value->level, ==, 2);
  change = history->pdata[2];
  g_assert_null (change->old_note);
  g_assert_cmpstr (change->new_note, ==, "补充说明");
  g_assert_cmpint (change->changed_at, >=, ((SihuaAnswerChange *)history->pdata[1])->changed_at);
  g_clear_pointer (&history, g_ptr_array_unref);

  history = sihua_store_get_history (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (history->len, ==, 4);

  /* Undo walks back one change at a time, across questions. */
  change = sihua_store_undo (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (change->question_id, ==, "production.reporting");
  sihua_answer_change_free (change);
  g_assert_cmpint (stored_level (fixture, "production.reporting"), ==, -1);

  change = sihua_store_undo (fixture->store, fixture->assessment_id, &error);
  sihua_answer_change_free (change);
  {
    g_autoptr(GHashTable) answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, NULL);
    SihuaAnswer *answer = g_hash_table_lookup (answers, "systems.coverage");

    g_assert_cmpint (answer->value->level, ==, 2);
    g_assert_null (answer->note);
  }
  sihua_answer_change_free (sihua_store_undo (fixture->store, fixture->assessment_id, &error));
  g_assert_cmpint (stored_level (fixture, "systems.coverage"), ==, 1);
  sihua_answer_change_free (sihua_store_undo (fixture->store, fixture->assessment_id, &error));
  g_assert_cmpint (stored_level (fixture, "systems.coverage"), ==, -1);
  g_assert_no_error (error);

  g_assert_null (sihua_store_undo (fixture->store, fixture->assessment_id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(JsonNode) good = NULL;
  g_autoptr(JsonNode) unknown = NULL;
  g_autoptr(JsonNode) invalid = NULL;
  SihuaAnswer *answer;

  set_level (fixture, "systems.coverage", 1, NULL);

  unknown = parse_json ("{\"answers\": {\"systems.coverage\": 4, \"no.such\": 2}}");
  g_assert_false (sihua_store_import_json (fixture->store, fixture->assessment_id, unknown, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no.such"));
  g_clear_error (&error);

  invalid = parse_json ("{\"answers\": {\"systems.coverage\": 4, \"production.networked\": 250}}");
  g_assert_false (sihua_store_import_json (fixture->store, fixture->assessment_id, invalid, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Share of production machines networked"));
  g_clear_error (&error);

  /* Nothing of the refused files was stored. */
  g_assert_cmpint (stored_level (fixture, "systems.coverage"), ==, 1);

  good = parse_json ("{\"answers\": {\"systems.coverage\": 3, \"systems.modules\": [\"erp\", \"mes\"],"
                     " \"production.batch\": \"na\", \"production.networked\": 35,"
                     " \"profile.production_type\": \"discrete\"},"
                     " \"notes\": {\"systems.coverage\": \"来自问卷\"}}");
  g_assert_true (sihua_store_import_json (fixture->store, fixture->assessment_id, good, &error));
  g_assert_no_error (error);
  answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 5);
  answer = g_hash_table_lookup (answers, "systems.coverage");
  g_assert_cmpint (answer->value->level, ==, 3);
  g_assert_cmpstr (answer->note, ==, "来自问卷");
  answer = g_hash_table_lookup (answers, "production.batch");
  g_assert_cmpint (answer->value->kind, ==, SIHUA_ANSWER_NA);
}

static void
test_model_is_pinned (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = sihua_test_data_model_file ("example-small.json");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SihuaModel) newer = NULL;
  g_autoptr(SihuaModel) pinned = NULL;
  g_autoptr(SihuaModel) pinned_newer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  gint64 second;

  /* A later version of the same model, installed after the first assessment. */
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "业务系统覆盖到什么程度？", "业务系统（新版）覆盖到什么程度？", 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  newer = sihua_model_new_from_bytes (bytes, "newer", &error);
  g_assert_no_error (error);

  second = sihua_store_new_assessment (fixture->store, fixture->company_id, newer, 0, NULL, &error);
  g_assert_no_error (error);

  pinned = sihua_store_load_assessment_model (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sihua_model_get_version (pinned), ==, "1.0.0");
  g_assert_true (g_bytes_equal (sihua_model_get_bytes (pinned), sihua_model_get_bytes (fixture->model)));
  g_assert_cmpstr (sihua_model_lookup_question (pinned, "systems.coverage")->text.zh_cn, ==,
                   "业务系统覆盖到什么程度？");

  pinned_newer = sihua_store_load_assessment_model (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sihua_model_get_version (pinned_newer), ==, "2.0.0");
  g_assert_true (g_bytes_equal (sihua_model_get_bytes (pinned_newer), bytes));
}

static void
test_reassessment_copies_answers (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) old_answers = NULL;
  g_autoptr(SihuaAssessment) second = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SihuaCompany) other = sihua_company_new ("别家");
  gint64 other_id;
  gint64 id;

  set_level (fixture, "systems.coverage", 2, "去年");
  set_level (fixture, "production.reporting", 1, NULL);

  id = sihua_store_new_assessment (fixture->store, fixture->company_id, fixture->model,
                                   fixture->assessment_id, "王顾问", &error);
  g_assert_no_error (error);
  second = sihua_store_get_assessment (fixture->store, id, &error);
  g_assert_cmpint (second->previous_id, ==, fixture->assessment_id);
  g_assert_cmpuint (second->n_answers, ==, 2);

  answers = sihua_store_load_answers (fixture->store, id, &error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 2);
  g_assert_cmpstr (((SihuaAnswer *)g_hash_table_lookup (answers, "systems.coverage"))->note, ==, "去年");

  /* The copy is the starting point: no history, and the old one is untouched. */
  history = sihua_store_get_history (fixture->store, id, NULL, &error);
  g_assert_cmpuint (history->len, ==, 0);
  fixture->assessment_id = id;
  set_level (fixture, "systems.coverage", 3, NULL);
  old_answers = sihua_store_load_answers (fixture->store, second->previous_id, &error);
  g_assert_cmpint (((SihuaAnswer *)g_hash_table_lookup (old_answers, "systems.coverage"))->value->level, ==, 2);

  /* Only a previous assessment of the same company. */
  other_id = sihua_store_add_company (fixture->store, other, &error);
  g_assert_cmpint (sihua_store_new_assessment (fixture->store, other_id, fixture->model, id, NULL, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
}

typedef struct
{
  guint n_done;
  guint n_failed;
} AsyncState;

static void
set_answer_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncState *state = user_data;

  if (!sihua_store_set_answer_finish (SIHUA_STORE (object), result, NULL))
    state->n_failed++;
  state->n_done++;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GHashTable **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sihua_store_load_answers_finish (SIHUA_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async_in_order (Fixture       *fixture,
                     gconstpointer  data)
{
  AsyncState state = { 0 };
  g_autoptr(GHashTable) answers = NULL;

  /* A consultant clicking quickly through the levels: the last click wins. */
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (i % 5);

      sihua_store_set_answer_async (fixture->store, fixture->assessment_id, "systems.coverage",
                                    value, NULL, NULL, NULL, set_answer_done_cb, &state);
    }
  sihua_store_load_answers_async (fixture->store, fixture->assessment_id, NULL, load_done_cb, &answers);

  while (state.n_done < 40 || answers == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (state.n_failed, ==, 0);
  /* The load was queued after the answers, so it sees the last one. */
  g_assert_cmpint (((SihuaAnswer *)g_hash_table_lookup (answers, "systems.coverage"))->value->level, ==, 39 % 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/assessment/new", test_assessment_new);
  ADD ("/store/answers/roundtrip", test_answers_roundtrip);
  ADD ("/store/answers/history-and-undo", test_history_and_undo);
  ADD ("/store/answers/import-all-or-nothing", test_import_all_or_nothing);
  ADD ("/store/assessment/model-pinned", test_model_is_pinned);
  ADD ("/store/assessment/reassessment", test_reassessment_copies_answers);
  ADD ("/store/answers/async-in-order", test_async_in_order);

#undef ADD

  return g_test_run ();
}
