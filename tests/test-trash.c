/* test-trash.c: deleting companies and assessments to the trash,
 * restoring them, emptying the trash and merging duplicate companies.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define USCC "91350100M000100Y43"

typedef struct
{
  char       *dir;
  char       *db;
  SihuaStore *store;
  SihuaModel *model;
  gint64      company_id;     /* 华东精密机械, with a full record */
  gint64      assessment_id;
  gint64      other_id;       /* 闽江电子, with one assessment */
  gint64      other_assessment_id;
  char       *question;
} Fixture;

static const char *
first_ladder (SihuaModel *model)
{
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        return question->id;
    }
  g_assert_not_reached ();
}

static gint64
add_company (SihuaStore *store,
             const char *name,
             const char *uscc,
             const char *region)
{
  g_autoptr(SihuaCompany) company = sihua_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  company->uscc = g_strdup (uscc);
  company->region = g_strdup (region);
  id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);

  return id;
}

static void
add_evidence (Fixture    *f,
              gint64      assessment_id,
              const char *file_name,
              const char *content)
{
  g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = sihua_store_add_evidence (f->store, assessment_id, f->question, file_name,
                                       "text/plain", data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) two = sihua_answer_value_new_level (2);
  g_autoptr(SihuaAnswerValue) three = sihua_answer_value_new_level (3);
  g_autoptr(GError) error = NULL;
  gint64 wang;

  f->dir = sihua_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "a.db", NULL);
  f->store = sihua_test_open_store (f->db);
  sihua_store_set_author (f->store, "李工");
  f->model = sihua_test_load_data_model ("example-small.json");
  f->question = g_strdup (first_ladder (f->model));

  f->company_id = add_company (f->store, "华东精密机械", NULL, NULL);
  f->assessment_id = sihua_store_new_assessment (f->store, f->company_id, f->model, 0, "李工", &error);
  g_assert_no_error (error);
  /* Two changes, so the answer has a history. */
  g_assert_true (sihua_store_set_answer (f->store, f->assessment_id, f->question, two, "first", NULL, &error));
  g_assert_true (sihua_store_set_answer (f->store, f->assessment_id, f->question, three, "second", NULL, &error));
  g_assert_no_error (error);
  wang = sihua_store_add_interviewee (f->store, f->assessment_id, "王芳", "生产经理", "生产部", &error);
  g_assert_no_error (error);
  g_assert_true (sihua_store_set_interviewee_answer (f->store, wang, f->question, two, &error));
  g_assert_no_error (error);
  add_evidence (f, f->assessment_id, "shop-floor.txt", "only in the first company");
  add_evidence (f, f->assessment_id, "form.txt", "shared by both companies");

  f->other_id = add_company (f->store, "闽江电子", USCC, "福建省福州市");
  f->other_assessment_id = sihua_store_new_assessment (f->store, f->other_id, f->model, 0, NULL, &error);
  g_assert_no_error (error);
  add_evidence (f, f->other_assessment_id, "form-copy.txt", "shared by both companies");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->question);
  g_free (f->db);
  g_free (f->dir);
}

/* Every row of every table that holds a record, as text: what must come
 * back unchanged from the trash. */
static char *
dump_records (const char *db_path)
{
  static const char * const tables[] = {
    "companies", "assessments", "answers", "answer_history", "interviewees",
    "interviewee_answers", "evidence", "evidence_history", "evidence_blobs",
    "assessment_revisions",
  };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const void *value = sqlite3_column_blob (stmt, c);

              g_string_append_len (dump, value != NULL ? value : "NULL", value != NULL ? sqlite3_column_bytes (stmt, c) : 4);
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (dump, FALSE);
}

static guint
n_listed_companies (Fixture    *f,
                    const char *query)
{
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GError) error = NULL;

  companies = sihua_store_search_companies (f->store, query, 0, &error);
  g_assert_no_error (error);

  return companies->len;
}

static void
test_delete_company_and_restore (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *before = dump_records (f->db);
  g_autofree char *after = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaAnswerValue) one = sihua_answer_value_new_level (1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SihuaTrashEntry *entry;
  gint64 entry_id;

  entry_id = sihua_store_delete_company (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);

  /* Gone from every way of finding it… */
  g_assert_cmpuint (n_listed_companies (f, NULL), ==, 1);
  g_assert_cmpuint (n_listed_companies (f, "华东"), ==, 0);
  company = sihua_store_get_company (f->store, f->company_id, &error);
  g_assert_null (company);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "trash"));
  g_clear_error (&error);
  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_null (assessment);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* …and from changes, until it is restored. */
  g_assert_false (sihua_store_set_answer (f->store, f->assessment_id, f->question, one, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sihua_store_delete_company (f->store, f->company_id, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "trash"));
  g_clear_error (&error);

  entries = sihua_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->id, ==, entry_id);
  g_assert_cmpint (entry->company_id, ==, f->company_id);
  g_assert_cmpint (entry->assessment_id, ==, 0);
  g_assert_cmpstr (entry->company_name, ==, "华东精密机械");
  g_assert_cmpint (entry->n_assessments, ==, 1);
  g_assert_cmpstr (entry->author, ==, "李工");

  g_assert_true (sihua_store_restore_from_trash (f->store, entry_id, &error));
  g_assert_no_error (error);
  after = dump_records (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_listed_companies (f, "华东"), ==, 1);
  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM trash"), ==, 0);

  /* The entry is used up. */
  g_assert_false (sihua_store_restore_from_trash (f->store, entry_id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_finalised_assessment (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) one = sihua_answer_value_new_level (1);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entry_id;

  g_assert_true (sihua_store_finalize_assessment (f->store, f->assessment_id, NULL, NULL, &error));
  g_assert_no_error (error);
  before = dump_records (f->db);

  entry_id = sihua_store_delete_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  assessments = sihua_store_list_assessments (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 0);
  /* The company's summary counts only what is not in the trash. */
  company = sihua_store_get_company (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (company->n_assessments, ==, 0);
  g_assert_null (company->last_assessment_date);

  /* Deleting it again says where it is. */
  g_assert_cmpint (sihua_store_delete_assessment (f->store, f->assessment_id, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sihua_store_restore_from_trash (f->store, entry_id, &error));
  g_assert_no_error (error);
  after = dump_records (f->db);
  g_assert_cmpstr (after, ==, before);

  /* Still finalised: the trash did not open a way around the freeze. */
  g_assert_false (sihua_store_set_answer (f->store, f->assessment_id, f->question, one, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
}

static void
test_assessment_of_trashed_company (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 assessment_entry, company_entry;

  assessment_entry = sihua_store_delete_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  company_entry = sihua_store_delete_company (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (company_entry, >, assessment_entry);

  g_assert_false (sihua_store_restore_from_trash (f->store, assessment_entry, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "restore the company first"));
  g_clear_error (&error);

  g_assert_true (sihua_store_restore_from_trash (f->store, company_entry, &error));
  g_assert_true (sihua_store_restore_from_trash (f->store, assessment_entry, &error));
  g_assert_no_error (error);
}

static void
test_empty_trash (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *shared_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "shared by both companies", -1);
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0, n_blobs = 0;

  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM evidence_blobs"), ==, 2);
  g_assert_cmpint (sihua_store_delete_company (f->store, f->company_id, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sihua_store_empty_trash (f->store, &n_entries, &n_blobs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 1);
  /* The file only the destroyed company had goes; the one the other
   * company's answer names stays. */
  g_assert_cmpuint (n_blobs, ==, 1);
  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM evidence_blobs"), ==, 1);
  shared = sihua_store_get_evidence_data (f->store, shared_sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shared);

  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM companies"), ==, 1);
  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM answers"), ==, 0);
  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM answer_history"), ==, 0);
  g_assert_cmpint (sihua_test_count_rows (f->db, "SELECT count(*) FROM interviewees"), ==, 0);
  entries = sihua_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = dump_records (f->db);
  g_autofree char *after = NULL;
  g_autoptr(SihuaCompany) kept = NULL;
  g_autoptr(SihuaCompany) restored = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SihuaTrashEntry *entry;
  gint64 entry_id;

  entry_id = sihua_store_merge_companies (f->store, f->company_id, f->other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);

  assessments = sihua_store_list_assessments (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 2);
  kept = sihua_store_get_company (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->name, ==, "华东精密机械");
  /* Empty fields were filled from the duplicate. */
  g_assert_cmpstr (kept->uscc, ==, USCC);
  g_assert_cmpstr (kept->region, ==, "福建省福州市");
  g_assert_cmpuint (kept->n_assessments, ==, 2);
  g_assert_cmpuint (n_listed_companies (f, NULL), ==, 1);
  g_assert_cmpuint (n_listed_companies (f, "福州"), ==, 1);

  entries = sihua_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->merged_into, ==, f->company_id);
  g_assert_cmpstr (entry->merged_into_name, ==, "华东精密机械");
  g_assert_cmpint (entry->n_assessments, ==, 1);

  g_assert_true (sihua_store_restore_from_trash (f->store, entry_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&assessments, g_ptr_array_unref);
  assessments = sihua_store_list_assessments (f->store, f->other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 1);
  restored = sihua_store_get_company (f->store, f->other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->uscc, ==, USCC);
  g_clear_pointer (&kept, sihua_company_free);
  kept = sihua_store_get_company (f->store, f->company_id, &error);
  g_assert_no_error (error);
  g_assert_null (kept->uscc);
  g_assert_cmpuint (kept->n_assessments, ==, 1);
  /* The filled-in region stays with the kept company (it was empty and the
   * merge is conflict-free); every record below the companies is back. */
  g_assert_cmpstr (kept->region, ==, "福建省福州市");
  after = dump_records (f->db);
  g_assert_cmpstr (strstr (after, "[assessments]"), ==, strstr (before, "[assessments]"));
}

static void
test_merge_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_store_merge_companies (f->store, f->company_id, f->company_id, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A finalised assessment's record names its company: it does not move. */
  g_assert_true (sihua_store_finalize_assessment (f->store, f->assessment_id, NULL, NULL, &error));
  g_assert_cmpint (sihua_store_merge_companies (f->store, f->other_id, f->company_id, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);
  g_assert_cmpuint (n_listed_companies (f, NULL), ==, 2);

  /* The other way round it can. */
  g_assert_cmpint (sihua_store_merge_companies (f->store, f->company_id, f->other_id, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/trash/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("delete-company-and-restore", test_delete_company_and_restore);
  ADD ("delete-finalised-assessment", test_delete_finalised_assessment);
  ADD ("assessment-of-trashed-company", test_assessment_of_trashed_company);
  ADD ("empty", test_empty_trash);
  ADD ("merge-and-undo", test_merge_and_undo);
  ADD ("merge-refusals", test_merge_refusals);
#undef ADD

  return g_test_run ();
}
