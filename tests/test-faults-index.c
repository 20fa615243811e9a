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

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
root_page (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt;
  int page;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return page;
}

/* Gives @index (on @table, over @columns) the entries of a copy of the
 * table in which @column is NULL: a shadow table and the same index on it
 * are built, the two indexes swap their pages, and the shadow is dropped
 * with the original pages. The table itself keeps its values. */
static void
damage_index (const char *path,
              const char *table,
              const char *index,
              const char *columns,
              const char *column)
{
  sqlite3 *db;
  g_autofree char *copy_columns = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
  int index_page, shadow_page;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], column))
      {
        g_free (names[i]);
        names[i] = g_strdup ("NULL");
      }
  copy_columns = g_strjoinv (", ", names);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE shadow (%s);"
                         "INSERT INTO shadow (rowid, %s) SELECT rowid, %s FROM %s;"
                         "CREATE INDEX shadow_index ON shadow (%s);",
                         columns, columns, copy_columns, table, columns);
  exec_sql (db, sql);
  index_page = root_page (db, index);
  shadow_page = root_page (db, "shadow_index");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = '%s';"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = 'shadow_index';"
                         "PRAGMA writable_schema = OFF;",
                         shadow_page, index, index_page);
  exec_sql (db, sql);
  sqlite3_close (db);

  /* A new connection reads the swapped schema. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "DROP TABLE shadow");
  sqlite3_close (db);
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

  damage_index (fixture->path, "answers", "sqlite_autoindex_answers_2",
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

  damage_index (fixture->path, "answer_history", "answer_history_question",
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

  damage_index (fixture->path, "assessments", "assessments_company",
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

  damage_index (fixture->path, "assessments", "sqlite_autoindex_assessments_1", "uuid", "uuid");
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

#undef ADD

  return g_test_run ();
}
