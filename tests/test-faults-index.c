/* test-faults-index.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sihua-bundle.h"
#include "sihua-export.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* A damaged index behind an intact table. PRAGMA quick_check, which the
 * store runs when it opens a file, reads every page but does not compare
 * indexes with their tables, and SQLite reads a column from the index it
 * searched with when the index has it. So a NOT NULL column can read as
 * NULL from a file that passes the check (fuzz-db-open found this). Every
 * reader must refuse such a row as damage, and change nothing. */

typedef struct
{
  char   *dir;
  char   *path;
  gint64  company_id;
  gint64  assessment_id;
} Fixture;

static void
set_level (SihuaStore *store,
           gint64      assessment_id,
           const char *question_id,
           int         level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (level);

  g_assert_true (sihua_store_set_answer (store, assessment_id, question_id, value, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州智造装备有限公司");

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sihua.db", NULL);
  store = sihua_test_open_store (fixture->path);
  model = sihua_test_load_data_model ("example-small.json");

  fixture->company_id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (store, fixture->company_id, model, 0, "王工", &error);
  g_assert_no_error (error);
  set_level (store, fixture->assessment_id, "systems.coverage", 2);
  set_level (store, fixture->assessment_id, "systems.coverage", 3);
  set_level (store, fixture->assessment_id, "production.reporting", 1);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, size);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_file (path);

  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   g_bytes_get_data (before, NULL), g_bytes_get_size (before));
}

static void
assert_damaged (GError *error)
{
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_answer_question (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *export_path = g_build_filename (fixture->dir, "export.json", NULL);
  SihuaExportOptions options = { .format = SIHUA_EXPORT_FORMAT_JSON, .language = SIHUA_LANGUAGE_ZH_CN };
  gint64 follow_up;

  sihua_test_damage_index (fixture->path, "answers", "sqlite_autoindex_answers_2",
                "assessment_id, question_id", "question_id");

  /* Read-only first: the snapshot is refused row by row, never the file. */
  before = read_file (fixture->path);
  store = sihua_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  answers = sihua_store_load_answers (store, fixture->assessment_id, &error);
  assert_damaged (error);
  g_assert_null (answers);
  g_clear_error (&error);

  g_assert_false (sihua_export_to_file (store, &options, export_path, NULL, NULL, NULL, &error));
  g_assert_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_false (g_file_test (export_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
  assert_unchanged (fixture->path, before);

  /* A follow-up assessment copies the answers: refused, and not half made. */
  store = sihua_store_open (fixture->path, &error);
  g_assert_no_error (error);
  model = sihua_store_load_assessment_model (store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  follow_up = sihua_store_new_assessment (store, fixture->company_id, model,
                                          fixture->assessment_id, "王工", &error);
  assert_damaged (error);
  g_assert_cmpint (follow_up, ==, 0);
  g_clear_error (&error);
  assessments = sihua_store_list_assessments (store, fixture->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_history_question (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SihuaAnswerChange) undone = NULL;
  g_autoptr(GHashTable) answers = NULL;

  sihua_test_damage_index (fixture->path, "answer_history", "answer_history_question",
                "assessment_id, question_id, id", "question_id");

  store = sihua_store_open (fixture->path, &error);
  g_assert_no_error (error);
  history = sihua_store_get_history (store, fixture->assessment_id, NULL, &error);
  assert_damaged (error);
  g_assert_null (history);
  g_clear_error (&error);

  /* Undo finds the latest change through the same index: refused, and the
   * answer it would have removed is still there. */
  undone = sihua_store_undo (store, fixture->assessment_id, &error);
  assert_damaged (error);
  g_assert_null (undone);
  g_clear_error (&error);
  answers = sihua_store_load_answers (store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 2);
  g_assert_true (g_hash_table_contains (answers, "production.reporting"));
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_assessment_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GBytes) before = NULL;

  sihua_test_damage_index (fixture->path, "assessments", "assessments_company",
                "company_id, date", "date");
  before = read_file (fixture->path);

  store = sihua_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  assessments = sihua_store_list_assessments (store, fixture->company_id, &error);
  assert_damaged (error);
  g_assert_null (assessments);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
  assert_unchanged (fixture->path, before);
}

static void
test_assessment_uuid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *bundle_path = g_build_filename (fixture->dir, "out.sihua", NULL);

  sihua_test_damage_index (fixture->path, "assessments", "sqlite_autoindex_assessments_1", "uuid", "uuid");
  before = read_file (fixture->path);

  store = sihua_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  /* Found through the UUID's index, whose only entry now reads NULL. */
  found = sihua_store_list_assessments (store, fixture->company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  assessment = sihua_store_get_assessment_by_uuid (store, ((SihuaAssessment *) found->pdata[0])->uuid, &error);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_assert_null (assessment);
  g_clear_error (&error);

  /* The bundle reads whole tables; it may succeed or refuse, not crash. */
  if (!sihua_bundle_export (store, NULL, bundle_path, &error))
    g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
  assert_unchanged (fixture->path, before);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s NOT INDEXED", table);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

/* The backup of @kind in the folder beside the database, if there is one. */
static char *
find_backup (const char *dir,
             const char *kind)
{
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, kind) != NULL && g_str_has_suffix (name, ".db"))
      return g_build_filename (backups, name, NULL);

  return NULL;
}

/* Only an index is damaged: rebuilt from the table, every row is back, and
 * the damaged file is kept. */
static void
test_repair (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(SihuaStore) kept_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *report = NULL;
  SihuaAnswer *answer;

  sihua_test_damage_index (fixture->path, "answers", "sqlite_autoindex_answers_2",
                "assessment_id, question_id", "question_id");

  store = sihua_test_open_store (fixture->path);
  g_assert_false (sihua_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "sqlite_autoindex_answers_2"));
  g_clear_pointer (&report, g_free);

  g_assert_true (sihua_store_repair (store, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "before-repair"));

  answers = sihua_store_load_answers (store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 2);
  answer = g_hash_table_lookup (answers, "systems.coverage");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->value->level, ==, 3);
  history = sihua_store_get_history (store, fixture->assessment_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_true (sihua_store_check (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
  g_clear_pointer (&report, g_free);

  /* A second repair finds nothing to do and keeps no copy. */
  g_clear_pointer (&kept, g_free);
  g_assert_true (sihua_store_repair (store, &kept, &error));
  g_assert_null (kept);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The copy is the damaged file, for whoever wants to look at it. */
  g_clear_pointer (&kept, g_free);
  kept = find_backup (fixture->dir, "before-repair");
  g_assert_nonnull (kept);
  kept_store = sihua_store_open_read_only (kept, &error);
  g_assert_no_error (error);
  g_assert_false (sihua_store_check (kept_store, &report, &error));
  g_assert_nonnull (strstr (report, "sqlite_autoindex_answers_2"));
}

/* Two companies with one UUID: the table itself breaks the index's rule,
 * so rebuilding is refused and every row stays. */
static void
test_repair_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *db;

  sihua_test_damage_index (fixture->path, "companies", "sqlite_autoindex_companies_1", "uuid", "uuid");
  /* The damaged index no longer finds the UUID, so the copy gets in. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO companies (uuid, name, created_at, updated_at)"
                                  " SELECT uuid, name || ' (2)', created_at, updated_at FROM companies",
                                  NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (count_rows (fixture->path, "companies"), ==, 2);

  store = sihua_test_open_store (fixture->path);
  g_assert_false (sihua_store_repair (store, &kept, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_null (kept);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_assert_cmpint (count_rows (fixture->path, "companies"), ==, 2);
  g_assert_cmpint (count_rows (fixture->path, "answers"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/faults/index/answer-question", test_answer_question);
  ADD ("/faults/index/history-question", test_history_question);
  ADD ("/faults/index/assessment-date", test_assessment_date);
  ADD ("/faults/index/assessment-uuid", test_assessment_uuid);
  ADD ("/faults/index/repair", test_repair);
  ADD ("/faults/index/repair-refused", test_repair_refused);

#undef ADD

  return g_test_run ();
}
