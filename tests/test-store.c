/* test-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "sihua-store.h"
#include "sihua-test-utils.h"

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static gint64
add_company (SihuaStore *store,
             const char *name,
             const char *region,
             const char *industry)
{
  g_autoptr(SihuaCompany) company = sihua_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  company->region = g_strdup (region);
  company->industry = g_strdup (industry);
  id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
test_store_creates_private_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nested", "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  GStatBuf st;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_autofree char *nested = g_path_get_dirname (path);

  /* A missing folder is a mistyped path, not a new database. */
  store = sihua_store_open (path, &error);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING);
  g_assert_null (store);
  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_no_errno (g_mkdir (nested, 0700));
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (sihua_store_get_path (store), ==, path);
  g_assert_false (sihua_store_is_read_only (store));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_finalize_object (store);

  /* The file says what it is and which schema it has, and is in WAL mode. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                      " (SELECT user_version FROM pragma_user_version),"
                      " (SELECT journal_mode FROM pragma_journal_mode)", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0x53694875);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, SIHUA_STORE_SCHEMA_VERSION);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* A second open of the same file is a plain open. */
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

static void
test_store_rejects_foreign_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *text = "shopping list: bolts, nuts\n";
  SihuaStore *store;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  before = read_bytes (path);

  store = sihua_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_assert_null (strchr (error->message, '\n'));
  assert_unchanged (path, before);
  g_clear_error (&error);

  store = sihua_store_open_read_only (path, &error);
  g_assert_null (store);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  assert_unchanged (path, before);

  sihua_test_remove_tree (dir);
}

static void
test_store_rejects_foreign_sqlite (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE parts (id INTEGER, name TEXT);"
                                 "INSERT INTO parts VALUES (1, 'bolt');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  g_assert_nonnull (strstr (error->message, "another program"));
  assert_unchanged (path, before);

  sihua_test_remove_tree (dir);
}

static void
test_store_rejects_newer_schema (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  SihuaStore *store;
  sqlite3 *db;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "未来机械", NULL, NULL);
  g_assert_finalize_object (store);

  /* What a later Sihua would write. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  assert_unchanged (path, before);
  g_clear_error (&error);

  g_assert_null (sihua_store_open_read_only (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_TOO_NEW);
  assert_unchanged (path, before);

  sihua_test_remove_tree (dir);
}

static void
test_store_rejects_corrupt (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *notes = g_strnfill (600, 'x');
  SihuaStore *store;
  gsize size;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密");

      company->notes = g_strdup (notes);
      g_assert_cmpint (sihua_store_add_company (store, company, &error), >, 0);
    }
  g_assert_finalize_object (store);

  /* Scribble over the middle of the companies table's pages. */
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, 8 * 4096);
  for (gsize i = 0; i < 3 * 4096; i++)
    data[4 * 4096 + i] = (char)(i * 37 + 11);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "broken.db"));
  assert_unchanged (path, before);

  /* What the caller offers instead: a backup (none yet: it was new today). */
  backups = sihua_store_list_backups_for (path);
  g_assert_nonnull (backups);

  sihua_test_remove_tree (dir);
}

static void
test_store_read_only_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(SihuaCompany) extra = sihua_company_new ("新公司");
  SihuaStore *store;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "锁定机械", "苏州", "C34");
  g_assert_finalize_object (store);

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = read_bytes (path);

  g_assert_null (sihua_store_open (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  assert_unchanged (path, before);
  g_clear_error (&error);

  /* The offered way out: open it read-only, read everything, change nothing. */
  store = sihua_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_store_is_read_only (store));
  companies = sihua_store_list_companies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (companies->len, ==, 1);
  g_assert_cmpint (sihua_store_add_company (store, extra, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY);
  g_assert_finalize_object (store);
  assert_unchanged (path, before);

  g_chmod (path, 0600);
  sihua_test_remove_tree (dir);
}

static void
test_store_read_only_folder (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "share", NULL);
  g_autofree char *path = g_build_filename (sub, "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  SihuaStore *store;

  g_assert_no_errno (g_mkdir (sub, 0700));
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "只读文件夹", NULL, NULL);
  g_assert_finalize_object (store);
  before = read_bytes (path);

  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  g_assert_null (sihua_store_open (path, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  store = sihua_store_open_read_only (path, &error);
  g_assert_no_error (error);
  companies = sihua_store_list_companies (store, &error);
  g_assert_cmpuint (companies->len, ==, 1);
  g_assert_finalize_object (store);
  assert_unchanged (path, before);

  g_chmod (sub, 0700);
  sihua_test_remove_tree (dir);
}

static void
test_store_migrates_v1 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v1.db", NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GBytes) old = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  SihuaStore *store;
  gint64 id;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  g_chmod (path, 0600);

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  id = add_company (store, "升级测试", NULL, NULL);
  company = sihua_store_get_company (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (company->name, ==, "升级测试");
  g_assert_finalize_object (store);

  /* A copy of the version-1 file was kept before the upgrade. */
  backups = sihua_store_list_backups_for (path);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpint (sqlite3_open_v2 (((SihuaBackupInfo *)backups->pdata[backups->len - 1])->path, &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SIHUA_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The fixture itself is never changed by the test. */
  g_assert_true (g_bytes_equal (old, read_bytes (fixture)));

  sihua_test_remove_tree (dir);
}

static void
test_store_migrates_v1_read_only (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "schema-v1.db", NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GBytes) old = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  SihuaStore *store;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));

  /* Read-only upgrades only the in-memory snapshot. */
  store = sihua_store_open_read_only (path, &error);
  g_assert_no_error (error);
  companies = sihua_store_list_companies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (companies->len, ==, 0);
  g_assert_finalize_object (store);
  assert_unchanged (path, old);

  sihua_test_remove_tree (dir);
}

static void
test_store_companies (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("  苏州华东精密机械有限公司 ");
  g_autoptr(SihuaCompany) twin = sihua_company_new ("重复");
  g_autoptr(SihuaCompany) bad = sihua_company_new ("错码");
  g_autoptr(SihuaCompany) nameless = sihua_company_new ("   ");
  g_autoptr(SihuaCompany) loaded = NULL;
  g_autoptr(SihuaCompany) reloaded = NULL;
  SihuaStore *store;
  gint64 id;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);

  company->uscc = g_strdup ("91350100m000100y43");
  company->industry = g_strdup ("C34");
  company->size = SIHUA_COMPANY_SIZE_SMALL;
  company->employees = 120;
  company->region = g_strdup ("江苏省苏州市");
  company->contact = g_strdup ("王经理");
  id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, company->id);
  g_assert_nonnull (company->uuid);
  g_assert_true (g_uuid_string_is_valid (company->uuid));

  loaded = sihua_store_get_company (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "苏州华东精密机械有限公司");
  g_assert_cmpstr (loaded->uscc, ==, "91350100M000100Y43");
  g_assert_cmpstr (loaded->uuid, ==, company->uuid);
  g_assert_cmpint (loaded->size, ==, SIHUA_COMPANY_SIZE_SMALL);
  g_assert_cmpint (loaded->employees, ==, 120);
  g_assert_cmpstr (loaded->address, ==, NULL);
  g_assert_cmpint (loaded->latest_stage, ==, -1);
  g_assert_null (loaded->last_assessment_date);

  /* The same credit code twice, a wrong check character, no name: refused. */
  twin->uscc = g_strdup ("91350100M000100Y43");
  g_assert_cmpint (sihua_store_add_company (store, twin, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "苏州华东精密机械有限公司"));
  g_clear_error (&error);
  bad->uscc = g_strdup ("91350100M000100Y4Z");
  g_assert_cmpint (sihua_store_add_company (store, bad, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“3”"));
  g_clear_error (&error);
  g_assert_cmpint (sihua_store_add_company (store, nameless, &error), ==, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  loaded->address = g_strdup ("工业园区 8 号");
  loaded->employees = 130;
  g_assert_true (sihua_store_update_company (store, loaded, &error));
  g_assert_no_error (error);
  reloaded = sihua_store_get_company (store, id, &error);
  g_assert_cmpstr (reloaded->address, ==, "工业园区 8 号");
  g_assert_cmpint (reloaded->employees, ==, 130);
  g_assert_cmpint (reloaded->created_at, ==, company->created_at);

  g_assert_null (sihua_store_get_company (store, 4242, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);

  g_assert_finalize_object (store);
  sihua_test_remove_tree (dir);
}

static void
test_store_search (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SihuaStore *store;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "宁波东方模具", "浙江宁波", "C35");
  add_company (store, "ACME Castings", "广东佛山", "C33");
  add_company (store, "佛山南海五金", "广东佛山", "C33");
  add_company (store, "100%_Tools", "上海", "C34");

  found = sihua_store_search_companies (store, "佛山", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Case-insensitive, every word must match, in any field. */
  found = sihua_store_search_companies (store, "acme c33", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((SihuaCompany *)found->pdata[0])->name, ==, "ACME Castings");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* LIKE wildcards in the query are plain characters. */
  found = sihua_store_search_companies (store, "%_", 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sihua_store_search_companies (store, "'; DROP TABLE companies; --", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = sihua_store_search_companies (store, "", 2, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = sihua_store_list_companies (store, &error);
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_finalize_object (store);

  /* The list order and search go through indexes, not a sort of the table. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT id FROM companies WHERE search_key LIKE ?"
                      " ORDER BY coalesce(last_assessment_date, '') DESC, updated_at DESC LIMIT 50",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_null (strstr ((const char *)sqlite3_column_text (stmt, 3), "TEMP B-TREE"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  sihua_test_remove_tree (dir);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sihua_store_search_companies_finish (SIHUA_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SihuaStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sihua_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_store_search_many_async (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SihuaStore *store;
  sqlite3 *db;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* 10 000 companies, written straight in to keep the test quick. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "BEGIN;"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                                 " INSERT INTO companies (uuid, name, region, search_key, created_at, updated_at)"
                                 " SELECT 'u' || i, '公司' || i, '区域' || (i % 50),"
                                 " lower('公司' || i || char(10) || '区域' || (i % 50)), i, i FROM n;"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);

  /* Typing "公司99": each prefix searched, as search-as-you-type would. */
  {
    const char *prefixes[] = { "公", "公司", "公司9", "公司99", "区域4 公司99", NULL };
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; prefixes[i] != NULL; i++)
      {
        g_autoptr(GPtrArray) rows = sihua_store_search_companies (store, prefixes[i], 50, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (rows->len, >, 0);
      }
    g_test_message ("5 searches over 10 000 companies: %.1f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
  }

  sihua_store_search_companies_async (store, "公司99 区域", 20, NULL, search_done_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* 公司99, 公司990–999, 公司9900–9999: 111 rows, limited to 20. */
  g_assert_cmpuint (found->len, ==, 20);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Opening off the main thread. */
  {
    SihuaStore *opened = NULL;

    sihua_store_open_async (path, TRUE, NULL, open_done_cb, &opened);
    while (opened == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (sihua_store_is_read_only (opened));
    g_assert_finalize_object (opened);
  }
  while (g_atomic_int_get (&G_OBJECT (store)->ref_count) > 1)
    g_usleep (1000);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/creates-private-file", test_store_creates_private_file);
  g_test_add_func ("/store/bad-open/foreign-file", test_store_rejects_foreign_file);
  g_test_add_func ("/store/bad-open/foreign-sqlite", test_store_rejects_foreign_sqlite);
  g_test_add_func ("/store/bad-open/newer-schema", test_store_rejects_newer_schema);
  g_test_add_func ("/store/bad-open/corrupt", test_store_rejects_corrupt);
  g_test_add_func ("/store/bad-open/read-only-file", test_store_read_only_file);
  g_test_add_func ("/store/bad-open/read-only-folder", test_store_read_only_folder);
  g_test_add_func ("/store/migrate/v1", test_store_migrates_v1);
  g_test_add_func ("/store/migrate/v1-read-only", test_store_migrates_v1_read_only);
  g_test_add_func ("/store/companies", test_store_companies);
  g_test_add_func ("/store/search", test_store_search);
  g_test_add_func ("/store/search-many-async", test_store_search_many_async);

  return g_test_run ();
}
