/* test-store-text.c
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

/* Text that is not UTF-8 inside a database: SQLite hands it back as it is,
 * so one flipped bit in a note reached Pango (the report spun forever),
 * libxlsxwriter (it read past a buffer) and json-glib (exports and bundles
 * Sihua itself refuses). Every reader must refuse such a row as damage,
 * naming it, and write and change nothing. */

typedef struct
{
  const char *test_name;
  const char *damage;     /* SQL run on the database, ?1 the bad bytes */
  const char *field;      /* the column the message names */
  const char *record;     /* the text the message names the row by */
  gboolean    exported;   /* the exports and the report read it too */
} TextCase;

static const TextCase text_cases[] = {
  { "answer-note", "UPDATE answers SET note = ?1 WHERE question_id = 'systems.coverage'",
    "note", "systems.coverage", TRUE },
  { "company-notes", "UPDATE companies SET notes = ?1", "notes", "常州精工机械", TRUE },
  { "company-name", "UPDATE companies SET name = ?1", "name", "常", TRUE },
  { "assessment-consultant", "UPDATE assessments SET consultant = ?1", "consultant", "20", TRUE },
  /* Only bundles carry the history. */
  { "history-note", "UPDATE answer_history SET new_note = ?1", "new_note", "systems.coverage", FALSE },
};

typedef struct
{
  char   *dir;
  char   *path;
  gint64  company_id;
  gint64  assessment_id;
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const TextCase *text_case = data;
  /* "常州" with one bit of its last byte flipped: E5 B7 9E → E5 B7 1E. */
  static const char damaged[] = "\xe5\xb8\xb8\xe5\xb7\x1e";
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州精工机械");
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (2);
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sihua.db", NULL);
  store = sihua_test_open_store (fixture->path);
  model = sihua_test_load_data_model ("example-small.json");
  company->notes = g_strdup ("每周一次例会");
  fixture->company_id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (store, fixture->company_id, model, 0, "周顾问", &error);
  g_assert_no_error (error);
  g_assert_true (sihua_store_set_answer (store, fixture->assessment_id, "systems.coverage", value,
                                         "ERP 已上线", NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, text_case->damage, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, damaged, sizeof damaged - 1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
assert_damaged (const GError   *error,
                const TextCase *text_case)
{
  g_autofree char *field = g_strdup_printf ("“%s”", text_case->field);

  g_assert_nonnull (error);
  if (strstr (error->message, "not valid UTF-8): the database is damaged") == NULL ||
      strstr (error->message, field) == NULL ||
      strstr (error->message, text_case->record) == NULL)
    g_error ("“%s” does not name the field %s of “%s”", error->message, field, text_case->record);
}

/* Reads every kind of row; returns how many refused. */
static guint
read_everything (SihuaStore     *store,
                 Fixture        *fixture,
                 const TextCase *text_case)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  guint refused = 0;

#define READ(call)                                        \
  G_STMT_START {                                          \
    if ((call) == NULL)                                   \
      {                                                   \
        g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT); \
        assert_damaged (error, text_case);                \
        g_clear_error (&error);                           \
        refused++;                                        \
      }                                                   \
  } G_STMT_END

  READ (companies = sihua_store_list_companies (store, &error));
  READ (company = sihua_store_get_company (store, fixture->company_id, &error));
  READ (assessment = sihua_store_get_assessment (store, fixture->assessment_id, &error));
  READ (answers = sihua_store_load_answers (store, fixture->assessment_id, &error));
  READ (history = sihua_store_get_history (store, fixture->assessment_id, "systems.coverage", &error));
#undef READ

  return refused;
}

static void
test_text_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  const TextCase *text_case = data;
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GError) error = NULL;
  SihuaExportFormat formats[] = { SIHUA_EXPORT_FORMAT_JSON, SIHUA_EXPORT_FORMAT_CSV, SIHUA_EXPORT_FORMAT_XLSX };
  g_autofree char *bundle_path = g_build_filename (fixture->dir, "all.sihua", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *assessment_arg = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment_id);
  SihuaStore *store;

  store = sihua_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_everything (store, fixture, text_case), >=, 1);
  g_assert_finalize_object (store);

  store = sihua_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_everything (store, fixture, text_case), >=, 1);

  for (guint i = 0; text_case->exported && i < G_N_ELEMENTS (formats); i++)
    {
      SihuaExportOptions options = { .format = formats[i], .language = SIHUA_LANGUAGE_ZH_CN };
      g_autofree char *path = g_build_filename (fixture->dir, "export.out", NULL);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_assert_false (sihua_export_to_file (store, &options, path, NULL, NULL, NULL, &error));
      g_assert_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED);
      assert_damaged (error, text_case);
      g_clear_error (&error);

      /* Nothing written, not even one of the CSV files. */
      dir = g_dir_open (fixture->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, "export"));
    }

  g_assert_false (sihua_bundle_export (store, NULL, bundle_path, &error));
  assert_damaged (error, text_case);
  g_assert_false (g_file_test (bundle_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_finalize_object (store);

  /* The report stops with the message instead of spinning. */
  if (text_case->exported)
    {
      g_assert_cmpint (sihua_test_run_cli (fixture->path, NULL, &err, "report", assessment_arg,
                                           "-o", pdf, NULL), ==, 1);
      g_assert_nonnull (strstr (err, "the database is damaged"));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  g_assert_true (g_bytes_equal (before, read_bytes (fixture->path)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store-text/refused/%s", text_cases[i].test_name);

      g_test_add (name, Fixture, &text_cases[i], fixture_set_up, test_text_refused, fixture_tear_down);
    }

  return g_test_run ();
}
