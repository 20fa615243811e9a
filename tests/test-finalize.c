/* test-finalize.c: interviewees, their answers, assessment details,
 * finalising and revisions, through the store, the answer sheet and the
 * report.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sihua-answer-sheet.h"
#include "sihua-report.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  SihuaStore *store;
  SihuaModel *model;
  gint64      assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械");
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  f->dir = sihua_test_make_tmpdir ();
  f->store = sihua_test_open_store_in (f->dir, "a.db");
  f->model = sihua_test_load_data_model ("example-small.json");
  company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);
  f->assessment_id = sihua_store_new_assessment (f->store, company_id, f->model, 0, "李工", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const char *
first_ladder (Fixture *f)
{
  GPtrArray *questions = sihua_model_get_questions (f->model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        return question->id;
    }
  g_assert_not_reached ();
}

static void
finalize (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = SIHUA_LANGUAGE_EN;
  g_assert_true (sihua_report_finalize (f->store, f->assessment_id, &options, &error));
  g_assert_no_error (error);
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaAssessment) read_back = NULL;
  g_autoptr(GError) error = NULL;

  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_free (assessment->date);
  assessment->date = g_strdup ("2026-03-14");
  g_free (assessment->notes);
  assessment->notes = g_strdup ("二车间未看");
  assessment->target_level = 3;
  g_assert_true (sihua_store_update_assessment (f->store, assessment, &error));
  g_assert_no_error (error);

  read_back = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back->date, ==, "2026-03-14");
  g_assert_cmpstr (read_back->notes, ==, "二车间未看");
  g_assert_cmpstr (read_back->consultant, ==, "李工");
  g_assert_cmpint (read_back->target_level, ==, 3);
  g_assert_cmpint (read_back->revision, ==, 1);
  g_assert_cmpint (read_back->finalized_at, ==, 0);
}

static void
test_interviewees (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 wang, zhao;

  wang = sihua_store_add_interviewee (f->store, f->assessment_id, " 王芳 ", "生产经理", "生产部", &error);
  g_assert_no_error (error);
  zhao = sihua_store_add_interviewee (f->store, f->assessment_id, "赵强", NULL, "信息部", &error);
  g_assert_no_error (error);
  g_assert_cmpint (wang, >, 0);
  g_assert_cmpint (zhao, >, wang);

  /* A name twice, or no name, is refused and nothing changes. */
  g_assert_cmpint (sihua_store_add_interviewee (f->store, f->assessment_id, "王芳", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sihua_store_add_interviewee (f->store, f->assessment_id, "  ", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = sihua_store_list_interviewees (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SihuaInterviewee *) list->pdata[0])->name, ==, "王芳");
  line = sihua_interviewees_join (list);
  g_assert_nonnull (strstr (line, "王芳"));
  g_assert_nonnull (strstr (line, "生产经理"));
  g_assert_nonnull (strstr (line, "赵强"));
}

static void
test_disagreement (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) one = sihua_answer_value_new_level (1);
  g_autoptr(SihuaAnswerValue) two = sihua_answer_value_new_level (2);
  g_autoptr(SihuaAnswerValue) three = sihua_answer_value_new_level (3);
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  const char *question = first_ladder (f);
  gint64 wang, zhao;

  wang = sihua_store_add_interviewee (f->store, f->assessment_id, "王芳", NULL, NULL, &error);
  zhao = sihua_store_add_interviewee (f->store, f->assessment_id, "赵强", NULL, NULL, &error);
  g_assert_no_error (error);

  /* One level apart: no flag. */
  sihua_store_set_interviewee_answer (f->store, wang, question, one, &error);
  sihua_store_set_interviewee_answer (f->store, zhao, question, two, &error);
  g_assert_no_error (error);
  said = sihua_store_list_interviewee_answers (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (said->len, ==, 2);
  to_discuss = sihua_interviewee_answers_to_discuss (said);
  g_assert_cmpuint (to_discuss->len, ==, 0);
  g_clear_pointer (&said, g_ptr_array_unref);
  g_clear_pointer (&to_discuss, g_ptr_array_unref);

  /* Two levels apart: to discuss. */
  sihua_store_set_interviewee_answer (f->store, zhao, question, three, &error);
  g_assert_no_error (error);
  said = sihua_store_list_interviewee_answers (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (said->len, ==, 2);
  to_discuss = sihua_interviewee_answers_to_discuss (said);
  g_assert_cmpuint (to_discuss->len, ==, 1);
  g_assert_cmpstr (to_discuss->pdata[0], ==, question);

  /* What they said does not score: the consolidated answer is untouched. */
  answers = sihua_store_load_answers (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_null (g_hash_table_lookup (answers, question));
}

static void
test_finalized_refuses (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (0);
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  g_autoptr(SihuaInterviewee) renamed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *record_before = NULL;
  g_autofree char *record_after = NULL;
  const char *question = first_ladder (f);
  gint64 wang;

  /* Not complete: refused. */
  {
    SihuaReportOptions options;

    sihua_report_options_init (&options);
    g_assert_false (sihua_report_finalize (f->store, f->assessment_id, &options, &error));
    g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  wang = sihua_store_add_interviewee (f->store, f->assessment_id, "王芳", NULL, NULL, &error);
  g_assert_no_error (error);
  sihua_test_answer_everything (f->store, f->model, f->assessment_id, 2);
  finalize (f);
  record_before = sihua_store_get_record_sha256 (f->store, f->assessment_id, &error);
  g_assert_no_error (error);

  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assessment->finalized_at, >, 0);

  /* Every way in is refused with the message that says how to reopen. */
  g_assert_false (sihua_store_set_answer (f->store, f->assessment_id, question, level, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);

  sheet = sihua_answer_sheet_new (f->store, f->assessment_id);
  g_assert_true (sihua_answer_sheet_load (sheet, &error));
  g_assert_no_error (error);
  sihua_answer_sheet_set (sheet, question, level, "changed", NULL);
  g_assert_false (sihua_answer_sheet_flush (sheet, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);

  g_free (assessment->notes);
  assessment->notes = g_strdup ("后改");
  g_assert_false (sihua_store_update_assessment (f->store, assessment, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);

  g_assert_cmpint (sihua_store_add_interviewee (f->store, f->assessment_id, "赵强", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  list = sihua_store_list_interviewees (f->store, f->assessment_id, &error);
  renamed = sihua_interviewee_copy (list->pdata[0]);
  g_free (renamed->name);
  renamed->name = g_strdup ("王芳芳");
  g_assert_false (sihua_store_update_interviewee (f->store, renamed, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  g_assert_false (sihua_store_remove_interviewee (f->store, wang, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  g_assert_false (sihua_store_set_interviewee_answer (f->store, wang, question, level, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  g_assert_null (sihua_store_undo (f->store, f->assessment_id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);

  /* Nothing of the record moved. */
  record_after = sihua_store_get_record_sha256 (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record_before, ==, record_after);
}

static void
test_stored_report_and_revisions (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (3);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) first_again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_sha = NULL;
  SihuaRevision *r1, *r2;

  sihua_test_answer_everything (f->store, f->model, f->assessment_id, 1);
  finalize (f);
  first = sihua_store_get_revision_report (f->store, f->assessment_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (first), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (first, NULL), "%PDF", 4) == 0);
  first_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, first);

  /* Reopening needs a reason, and only a finalised assessment reopens. */
  g_assert_false (sihua_store_reopen_assessment (f->store, f->assessment_id, "  ", &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sihua_store_reopen_assessment (f->store, f->assessment_id, "客户补充了MES资料", &error));
  g_assert_no_error (error);
  g_assert_false (sihua_store_reopen_assessment (f->store, f->assessment_id, "again", &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The next revision changes and is finalised in its turn. */
  g_assert_true (sihua_store_set_answer (f->store, f->assessment_id, first_ladder (f), level, NULL, NULL, &error));
  g_assert_no_error (error);
  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_cmpint (assessment->revision, ==, 2);
  g_assert_cmpint (assessment->finalized_at, ==, 0);
  finalize (f);

  revisions = sihua_store_list_revisions (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  r1 = revisions->pdata[0];
  r2 = revisions->pdata[1];
  g_assert_cmpint (r1->revision, ==, 1);
  g_assert_cmpint (r2->revision, ==, 2);
  g_assert_cmpstr (r1->reopen_reason, ==, "客户补充了MES资料");
  g_assert_cmpint (r1->reopened_at, >, 0);
  g_assert_cmpint (r2->reopened_at, ==, 0);
  g_assert_cmpstr (r1->report_sha256, ==, first_sha);
  g_assert_cmpstr (r1->record_sha256, !=, r2->record_sha256);

  /* The first revision's report comes back byte for byte. */
  first_again = sihua_store_get_revision_report (f->store, f->assessment_id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, first_again));
  second = sihua_store_get_revision_report (f->store, f->assessment_id, 0, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (first, second));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/finalize/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("details", test_details);
  ADD ("interviewees", test_interviewees);
  ADD ("disagreement", test_disagreement);
  ADD ("finalized-refuses", test_finalized_refuses);
  ADD ("stored-report-and-revisions", test_stored_report_and_revisions);
#undef ADD

  return g_test_run ();
}
