/* test-store-rows.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* The lookup by UUID and the async company and assessment calls the window
 * uses: same results as the sync calls, refusals carried to the callback,
 * and calls made in order are done in order. */

typedef struct
{
  char       *dir;
  SihuaStore *store;
  SihuaModel *model;
  GMainLoop  *loop;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->store = sihua_test_open_store_in (fixture->dir, "sihua.db");
  fixture->model = sihua_test_load_data_model ("example-small.json");
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  /* The worker may still drop its last task's reference just after the
   * callback ran. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 1)
    g_usleep (1000);
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->model);
  g_main_loop_unref (fixture->loop);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_set_object (&fixture->result, result);
  g_main_loop_quit (fixture->loop);
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  g_clear_object (&fixture->result);
  g_main_loop_run (fixture->loop);
  g_assert_nonnull (fixture->result);

  return fixture->result;
}

static void
test_by_uuid (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  g_autoptr(SihuaAssessment) stored = NULL;
  g_autoptr(SihuaAssessment) found = NULL;
  g_autoptr(SihuaAssessment) found_async = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id, first, second;

  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  first = sihua_store_new_assessment (fixture->store, company_id, fixture->model, 0, NULL, &error);
  g_assert_no_error (error);
  second = sihua_store_new_assessment (fixture->store, company_id, fixture->model, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, !=, second);

  stored = sihua_store_get_assessment (fixture->store, second, &error);
  g_assert_no_error (error);
  found = sihua_store_get_assessment_by_uuid (fixture->store, stored->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, second);
  g_assert_cmpint (found->company_id, ==, company_id);
  g_assert_cmpstr (found->uuid, ==, stored->uuid);
  g_assert_cmpstr (found->date, ==, stored->date);

  sihua_store_get_assessment_by_uuid_async (fixture->store, stored->uuid, NULL, done_cb, fixture);
  found_async = sihua_store_get_assessment_by_uuid_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (found_async->id, ==, second);

  g_assert_null (sihua_store_get_assessment_by_uuid (fixture->store, "no-such-uuid", &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-uuid"));
  g_clear_error (&error);

  /* A UUID is matched exactly, never as a pattern. */
  g_assert_null (sihua_store_get_assessment_by_uuid (fixture->store, "%", &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
}

static void
test_companies_async (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("无锡精工");
  g_autoptr(SihuaCompany) bad = sihua_company_new ("错码");
  g_autoptr(SihuaCompany) read = NULL;
  g_autoptr(SihuaCompany) again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  company->region = g_strdup ("江苏无锡");
  sihua_store_add_company_async (fixture->store, company, NULL, done_cb, fixture);
  /* The caller's copy can go at once: the call copied it. */
  g_free (company->region);
  company->region = g_strdup ("changed after the call");
  id = sihua_store_add_company_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  sihua_store_get_company_async (fixture->store, id, NULL, done_cb, fixture);
  read = sihua_store_get_company_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "无锡精工");
  g_assert_cmpstr (read->region, ==, "江苏无锡");

  g_free (read->region);
  read->region = g_strdup ("江苏常州");
  sihua_store_update_company_async (fixture->store, read, NULL, done_cb, fixture);
  g_assert_true (sihua_store_update_company_finish (fixture->store, wait_result (fixture), &error));
  g_assert_no_error (error);
  again = sihua_store_get_company (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->region, ==, "江苏常州");

  /* A refusal reaches the callback, and nothing is stored. */
  bad->uscc = g_strdup ("91350100M000100Y4Z");
  sihua_store_add_company_async (fixture->store, bad, NULL, done_cb, fixture);
  g_assert_cmpint (sihua_store_add_company_finish (fixture->store, wait_result (fixture), &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  all = sihua_store_list_companies (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  sihua_store_get_company_async (fixture->store, 4242, NULL, done_cb, fixture);
  g_assert_null (sihua_store_get_company_finish (fixture->store, wait_result (fixture), &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
}

static void
test_assessments_async (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (2);
  g_autoptr(GHashTable) copied = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SihuaQuestion *question = NULL;
  GPtrArray *questions;
  gint64 company_id, first, second;

  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);

  sihua_store_new_assessment_async (fixture->store, company_id, fixture->model, 0, "李顾问",
                                    NULL, done_cb, fixture);
  first = sihua_store_new_assessment_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* Re-assess: the new assessment starts from the answers of the first. */
  questions = sihua_model_get_questions (fixture->model);
  for (guint i = 0; question == NULL && i < questions->len; i++)
    {
      SihuaQuestion *candidate = g_ptr_array_index (questions, i);

      if (candidate->type == SIHUA_QUESTION_LADDER)
        question = candidate;
    }
  g_assert (question != NULL);
  g_assert_true (sihua_store_set_answer (fixture->store, first, question->id, level, NULL, NULL, &error));
  g_assert_no_error (error);
  sihua_store_new_assessment_async (fixture->store, company_id, fixture->model, first, NULL,
                                    NULL, done_cb, fixture);
  second = sihua_store_new_assessment_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);
  copied = sihua_store_load_answers (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_hash_table_lookup (copied, question->id));

  sihua_store_list_assessments_async (fixture->store, company_id, NULL, done_cb, fixture);
  list = sihua_store_list_assessments_finish (fixture->store, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  sihua_store_new_assessment_async (fixture->store, 999, fixture->model, 0, NULL,
                                    NULL, done_cb, fixture);
  g_assert_cmpint (sihua_store_new_assessment_finish (fixture->store, wait_result (fixture), &error), ==, 0);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/rows/by-uuid", Fixture, NULL, fixture_set_up, test_by_uuid, fixture_tear_down);
  g_test_add ("/store/rows/companies-async", Fixture, NULL, fixture_set_up,
              test_companies_async, fixture_tear_down);
  g_test_add ("/store/rows/assessments-async", Fixture, NULL, fixture_set_up,
              test_assessments_async, fixture_tear_down);

  return g_test_run ();
}
