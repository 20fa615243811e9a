/* test-store-schema.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sihua-store.h"
#include "sihua-test-utils.h"

/* A database holding an object Sihua did not make, or one of Sihua's
 * changed or gone, is refused by every open and by restore, naming the
 * object, and left as it was. */

typedef struct
{
  const char *test_name;
  const char *sql;        /* run on a fresh Sihua database */
  const char *expected;   /* part of the message */
} SchemaCase;

static const SchemaCase schema_cases[] = {
  { "trigger",
    "CREATE TRIGGER wipe_answers AFTER INSERT ON companies BEGIN DELETE FROM answers; END;",
    "trigger named “wipe_answers” that Sihua did not create" },
  { "view",
    "CREATE VIEW all_notes AS SELECT notes FROM companies;",
    "view named “all_notes” that Sihua did not create" },
  { "table",
    "CREATE TABLE extra (x);",
    "table named “extra” that Sihua did not create" },
  { "index",
    "CREATE INDEX companies_by_name ON companies (name);",
    "index named “companies_by_name” that Sihua did not create" },
  { "changed-trigger",
    "DROP TRIGGER assessments_summary_insert;"
    "CREATE TRIGGER assessments_summary_insert AFTER INSERT ON assessments"
    " BEGIN DELETE FROM answers; END;",
    "trigger named “assessments_summary_insert” that differs from the one Sihua created" },
  { "missing-index",
    "DROP INDEX answer_history_question;",
    "lacks the index named “answer_history_question”" },
};

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static void
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
make_store (const char *path)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州精工机械");
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sihua_store_add_company (store, company, &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
assert_refused (GError     *error,
                const char *expected)
{
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  if (strstr (error->message, expected) == NULL ||
      strstr (error->message, "it was left untouched") == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_schema_refused (gconstpointer data)
{
  const SchemaCase *schema_case = data;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *current = g_build_filename (dir, "current.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) current_before = NULL;
  g_autoptr(GError) error = NULL;

  make_store (path);
  exec_on_file (path, schema_case->sql);
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  assert_refused (error, schema_case->expected);
  g_clear_error (&error);

  g_assert_null (sihua_store_open_read_only (path, &error));
  assert_refused (error, schema_case->expected);
  g_clear_error (&error);

  /* Offered as a backup, it does not replace the database. */
  make_store (current);
  current_before = read_bytes (current);
  g_assert_false (sihua_store_restore (current, path, NULL, &error));
  assert_refused (error, schema_case->expected);
  g_assert_true (g_bytes_equal (current_before, read_bytes (current)));

  g_assert_true (g_bytes_equal (before, read_bytes (path)));

  sihua_test_remove_tree (dir);
}

/* The schema of version 1 is compared with what step 1 makes, so an older
 * file opens and upgrades, but not with something added. */
static void
test_schema_v1 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v1.db", NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GBytes) old = read_bytes (fixture);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  exec_on_file (path, "CREATE TRIGGER keep_out AFTER INSERT ON store_info BEGIN SELECT 1; END;");
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  assert_refused (error, "trigger named “keep_out”");
  g_assert_true (g_bytes_equal (before, read_bytes (path)));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* What the upgrade made is Sihua's own schema, so it opens again. */
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

/* A database of version 3 (before sync) upgrades to the sync schema and
 * keeps its rows; its history rows are all still to be pushed. */
static void
test_schema_v3 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v3.db", NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GBytes) old = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  SihuaStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  history = sihua_store_get_history (store, 1, "profile.employees", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count (*) FROM answer_history WHERE server_seq IS NULL),"
                                           " (SELECT count (*) FROM companies WHERE name = '三版机械厂')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SIHUA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  sihua_test_remove_tree (dir);
}

/* ANALYZE's statistics tables hold numbers and never run: still Sihua's. */
static void
test_schema_statistics (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "analysed.db", NULL);
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  make_store (path);
  exec_on_file (path, "ANALYZE;");

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store-schema/refused/%s", schema_cases[i].test_name);

      g_test_add_data_func (name, &schema_cases[i], test_schema_refused);
    }
  g_test_add_func ("/store-schema/v1", test_schema_v1);
  g_test_add_func ("/store-schema/v3", test_schema_v3);
  g_test_add_func ("/store-schema/statistics", test_schema_statistics);

  return g_test_run ();
}
