/* test-hostile-files.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Files made to crash or poison: JSON nested hundreds of thousands of
 * levels deep, a bundle whose model takes the id and version of another
 * text, and a bundle that inflates far beyond what it holds. Each must be
 * refused with a message naming it, and nothing stored may change.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sihua-answer.h"
#include "sihua-bundle.h"
#include "sihua-chart-data.h"
#include "sihua-export.h"
#include "sihua-json-guard.h"
#include "sihua-model-catalog.h"
#include "sihua-score-json.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* Far deeper than json-glib's recursion survives with the default stack. */
#define HOSTILE_DEPTH 400000

/* --- helpers ------------------------------------------------------------ */

static char *
deep_json (const char *before,
           guint       depth,
           const char *after)
{
  GString *text = g_string_new (before);

  /* A valid start at every level, so json-glib goes all the way down. */
  for (guint i = 0; i < depth; i++)
    g_string_append (text, i % 2 == 0 ? "[" : "{\"a\":");
  g_string_append (text, after);

  return g_string_free (text, FALSE);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_equal (const char *path,
                   GBytes     *before)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, before));
}

typedef struct
{
  const char *path;
  const char *data;
  gsize       length;
} Entry;

/* A zip of @entries, each stored or deflated as libarchive chooses. */
static void
write_zip (const char  *path,
           const Entry *entries,
           guint        n_entries)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, entries[i].path);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, entries[i].length);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, entries[i].data, entries[i].length), ==,
                       (la_ssize_t) entries[i].length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* A bundle with a correct manifest around @entries, which must include the
 * four data entries. @manifest_extra (members ending in a comma, "models"
 * among them) goes into the manifest as it is; NULL: no models. */
static void
write_bundle (const char  *path,
              const Entry *entries,
              guint        n_entries,
              const char  *manifest_extra)
{
  g_autoptr(GString) manifest = g_string_new ("{\"format\":\"sihua-bundle\",\"format_version\":1,"
                                              "\"created\":\"2026-01-01T00:00:00Z\","
                                              "\"app_version\":\"0.1.0\",");
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Entry));
  Entry first;

  g_string_append (manifest, manifest_extra != NULL ? manifest_extra : "\"models\":[],");
  g_string_append (manifest, "\"entries\":[");
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) entries[i].data,
                                                         entries[i].length);

      g_string_append_printf (manifest, "%s{\"path\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\"}",
                              i > 0 ? "," : "", entries[i].path, entries[i].length, sha);
    }
  g_string_append (manifest, "]}");

  first.path = "manifest.json";
  first.data = manifest->str;
  first.length = manifest->len;
  g_array_append_val (all, first);
  g_array_append_vals (all, entries, n_entries);
  write_zip (path, (Entry *) all->data, all->len);
}

/* @length bytes that do not compress, so a bundle can be made as large as
 * the limits that depend on its size need. */
static char *
noise (gsize length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char *bytes = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);
  return bytes;
}

static const char *data_entries[] = {
  "data/companies.json", "data/assessments.json", "data/answers.json", "data/history.json",
};

/* Refused by sihua_bundle_load() with @code and a message holding @part. */
static void
assert_bundle_refused (const char *path,
                       int         code,
                       const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundle) bundle = sihua_bundle_load (path, &error);

  g_assert_null (bundle);
  g_assert_error (error, SIHUA_BUNDLE_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” lacks “%s”", error->message, part);
}

/* --- nesting depth ------------------------------------------------------ */

static void
test_depth_scan (void)
{
  const char *models[] = { "sihua-4hua.json", "example-small.json" };

  /* The real files nest a few levels; the limit is far above them. */
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      g_autofree char *path = sihua_test_data_model_file (models[i]);
      g_autoptr(GBytes) bytes = read_bytes (path);
      guint depth = sihua_json_guard_depth (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), G_MAXUINT);

      g_test_message ("%s nests %u levels", models[i], depth);
      g_assert_cmpuint (depth, >, 2);
      g_assert_cmpuint (depth, <=, SIHUA_JSON_MAX_DEPTH / 4);
    }

  g_assert_cmpuint (sihua_json_guard_depth ("[[[]]] {}", -1, 100), ==, 3);
  /* Brackets in strings and comments are not nesting … */
  g_assert_cmpuint (sihua_json_guard_depth ("[\"[[[\\\"[[\", '[[[', 1] // [[[\n", -1, 100), ==, 1);
  g_assert_cmpuint (sihua_json_guard_depth ("/* [[ \" */ [ # [[ '\n ]", -1, 100), ==, 1);
  /* … and closing ones there cannot hide the nesting that follows. */
  g_assert_cmpuint (sihua_json_guard_depth ("[[\"]]]]\"[[", -1, 100), ==, 4);
  g_assert_cmpuint (sihua_json_guard_depth ("]]]][[", -1, 100), ==, 2);
  /* The scan stops one past the limit. */
  {
    g_autofree char *deep = deep_json ("", HOSTILE_DEPTH, "");

    g_assert_cmpuint (sihua_json_guard_depth (deep, -1, 10), ==, 11);
    g_assert_false (sihua_json_guard_check (deep, -1, NULL, NULL));
  }
  {
    g_autofree char *at_limit = deep_json ("", SIHUA_JSON_MAX_DEPTH, "");

    g_assert_true (sihua_json_guard_check (at_limit, -1, "x", NULL));
  }
}

static void
test_depth_model (void)
{
  g_autofree char *deep = deep_json ("{\"format\":1,\"id\":\"deep\",\"levels\":", HOSTILE_DEPTH, "");
  g_autoptr(GBytes) bytes = g_bytes_new (deep, strlen (deep));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaModel) model = sihua_model_new_from_bytes (bytes, "deep.json", &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_null (model);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, "more than 64 levels deep"));

  problems = sihua_model_validate_bytes (bytes, "deep.json");
  g_assert_cmpuint (problems->len, ==, 1);
}

/* A model file like that in the models folder is left out at every start,
 * and the built-in model is still there. */
static void
test_depth_catalog (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *deep = deep_json ("", HOSTILE_DEPTH, "");
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SihuaModelProblem *problem;

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  catalog = sihua_model_catalog_new (dir);
  model = sihua_model_catalog_get_default (catalog);
  g_assert_nonnull (model);
  g_assert_cmpstr (sihua_model_get_id (model), ==, SIHUA_DEFAULT_MODEL_ID);

  problems = sihua_model_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, path);
  g_assert_nonnull (strstr (problem->message, "more than 64 levels deep"));

  sihua_test_remove_tree (dir);
}

static void
test_depth_answers_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "answers.json", NULL);
  g_autofree char *deep = deep_json ("{\"answers\":", HOSTILE_DEPTH, "");
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  answers = sihua_score_read_answers_file (model, path, &error);
  g_assert_null (answers);
  g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "more than 64 levels deep"));

  sihua_test_remove_tree (dir);
}

static void
test_depth_chart_data (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.json", NULL);
  g_autofree char *deep = deep_json ("", HOSTILE_DEPTH, "");
  g_autoptr(GError) error = NULL;
  SihuaChartData *chart;

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  chart = sihua_chart_data_new_from_file (path, SIHUA_LANGUAGE_EN, &error);
  g_assert_null (chart);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "more than 64 levels deep"));

  sihua_test_remove_tree (dir);
}

/* A stored answer value comes from the database (or a bundle's row). */
static void
test_depth_stored_answer (void)
{
  g_autofree char *deep = deep_json ("{\"options\":", HOSTILE_DEPTH, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_deserialize (deep, &error);

  g_assert_null (value);
  g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "more than 64 levels deep"));
  /* The message does not repeat the 400 000 brackets. */
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static void
test_depth_bundle (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *padding = noise (256 * 1024);
  g_autoptr(GString) deep_text = g_string_new (NULL);
  const char *deep;

  /* Long keys, so the values are no denser than in real data, and padding
   * that does not compress, so the bundle may unpack to this much. */
  for (guint i = 0; i < HOSTILE_DEPTH / 2; i++)
    g_string_append (deep_text, i % 2 == 0 ? "[" : "{\"a-long-member-name\":");
  deep = deep_text->str;

  /* Every data entry in turn. */
  for (guint d = 0; d < G_N_ELEMENTS (data_entries); d++)
    {
      g_autofree char *path = g_strdup_printf ("%s/entry-%u.sihua", dir, d);
      g_autofree char *expected = g_strdup_printf ("%s in the bundle nests", data_entries[d]);
      Entry entries[5];

      for (guint i = 0; i < 4; i++)
        {
          entries[i].path = data_entries[i];
          entries[i].data = i == d ? deep : "[]";
          entries[i].length = strlen (entries[i].data);
        }
      entries[4] = (Entry) { "padding.bin", padding, 256 * 1024 };
      write_bundle (path, entries, 5, NULL);
      assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_INVALID, expected);
    }

  /* The manifest. */
  {
    g_autofree char *path = g_build_filename (dir, "manifest.sihua", NULL);
    g_autofree char *extra = g_strdup_printf ("\"models\":[],\"deep\":%s", deep);
    g_autofree char *expected = g_strdup_printf ("The manifest of %s nests", path);
    Entry entries[5];

    /* Unclosed; json-glib recurses all the same. */
    for (guint i = 0; i < 4; i++)
      entries[i] = (Entry) { data_entries[i], "[]", 2 };
    entries[4] = (Entry) { "padding.bin", padding, 256 * 1024 };
    write_bundle (path, entries, 5, extra);
    assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_INVALID, expected);
  }

  /* A model carried by the bundle. */
  {
    g_autofree char *path = g_build_filename (dir, "model.sihua", NULL);
    Entry entries[6];

    for (guint i = 0; i < 4; i++)
      entries[i] = (Entry) { data_entries[i], "[]", 2 };
    entries[4] = (Entry) { "models/deep@1.json", deep, strlen (deep) };
    entries[5] = (Entry) { "padding.bin", padding, 256 * 1024 };
    write_bundle (path, entries, 6,
                  "\"models\":[{\"id\":\"deep\",\"version\":\"1\",\"path\":\"models/deep@1.json\"}],");
    assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_INVALID, "more than 64 levels deep");
  }

  sihua_test_remove_tree (dir);
}

/* --- model identity ----------------------------------------------------- */

typedef struct
{
  char       *dir;
  char       *models_dir;
  SihuaStore *source;      /* the sender's database */
  SihuaStore *target;      /* the receiving laptop's */
  char       *bundle;
} Identity;

static void
identity_set_up (Identity      *f,
                 gconstpointer  data)
{
  f->dir = sihua_test_make_tmpdir ();
  f->models_dir = g_build_filename (g_get_user_data_dir (), "sihua", "models", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->models_dir, 0700), ==, 0);
  f->source = sihua_test_open_store_in (f->dir, "sender.db");
  f->target = sihua_test_open_store_in (f->dir, "receiver.db");
  f->bundle = g_build_filename (f->dir, "sent.sihua", NULL);
}

static void
identity_tear_down (Identity      *f,
                    gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  sihua_test_remove_tree (f->models_dir);
  sihua_test_remove_tree (f->dir);
  g_free (f->models_dir);
  g_free (f->dir);
  g_free (f->bundle);
}

/* The model file @name with its English title replaced: same id and
 * version, another text. */
static SihuaModel *
changed_model (const char *name,
               const char *title)
{
  g_autofree char *path = sihua_test_data_model_file (name);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) changed = NULL;
  const char *en = strstr (text->str, "\"en\": \"");
  const char *end;
  SihuaModel *model;

  g_assert_nonnull (en);
  en += strlen ("\"en\": \"");
  end = strchr (en, '"');
  g_string_erase (text, en - text->str, end - en);
  g_string_insert (text, en - text->str, title);

  changed = g_bytes_new (text->str, text->len);
  model = sihua_model_new_from_bytes (changed, "changed.json", &error);
  g_assert_no_error (error);
  return model;
}

/* Sends one company assessed with @model from the sender's database. */
static void
send_assessment (Identity   *f,
                 SihuaModel *model)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("宁波精工");
  g_autoptr(GError) error = NULL;
  gint64 company_id;
  gint64 assessment_id;

  company_id = sihua_store_add_company (f->source, company, &error);
  g_assert_no_error (error);
  assessment_id = sihua_store_new_assessment (f->source, company_id, model, 0, "李顾问", &error);
  g_assert_no_error (error);
  g_assert_cmpint (assessment_id, >, 0);
  g_assert_true (sihua_bundle_export (f->source, NULL, f->bundle, &error));
  g_assert_no_error (error);
}

/* The bundle is refused by both the analysis and the import, with a
 * message naming @part, and the receiving database is unchanged. */
static void
assert_identity_refused (Identity   *f,
                         const char *part)
{
  g_autoptr(GBytes) before = read_bytes (sihua_store_get_path (f->target));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundle) bundle = sihua_bundle_load (f->bundle, &error);
  g_autoptr(SihuaBundleReport) report = NULL;
  SihuaBundleReport empty = { 0 };

  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, f->target, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_null (report);
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” lacks “%s”", error->message, part);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_clear_error (&error);

  /* An import without the analysis refuses as well. */
  empty.conflicts = g_ptr_array_new ();
  g_assert_false (sihua_bundle_import (bundle, f->target, &empty, &error));
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID);
  g_ptr_array_unref (empty.conflicts);

  assert_file_equal (sihua_store_get_path (f->target), before);
}

/* The receiving laptop has never used the built-in model: before, the
 * bundle's text became the model of every later assessment there. */
static void
test_identity_builtin (Identity      *f,
                       gconstpointer  data)
{
  g_autoptr(SihuaModel) forged = changed_model ("sihua-4hua.json", "Forged questions");
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autoptr(SihuaModel) builtin = sihua_model_catalog_get_default (catalog);
  g_autoptr(SihuaCompany) company = sihua_company_new ("苏州明达机械");
  g_autoptr(GBytes) pinned = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  g_assert_cmpstr (sihua_model_get_id (forged), ==, sihua_model_get_id (builtin));
  g_assert_cmpstr (sihua_model_get_version (forged), ==, sihua_model_get_version (builtin));
  send_assessment (f, forged);
  assert_identity_refused (f, "the built-in model");

  /* A new assessment here is pinned to the built-in text. */
  company_id = sihua_store_add_company (f->target, company, &error);
  g_assert_no_error (error);
  sihua_store_new_assessment (f->target, company_id, builtin, 0, NULL, &error);
  g_assert_no_error (error);
  pinned = sihua_store_get_model_bytes (f->target, sihua_model_get_id (builtin),
                                        sihua_model_get_version (builtin), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pinned, sihua_model_get_bytes (builtin)));
}

static void
test_identity_installed (Identity      *f,
                         gconstpointer  data)
{
  g_autofree char *source = sihua_test_data_model_file ("example-small.json");
  g_autofree char *installed = g_build_filename (f->models_dir, "example-small.json", NULL);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autoptr(SihuaModel) forged = changed_model ("example-small.json", "Forged questions");

  g_assert_true (g_file_set_contents (installed, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  send_assessment (f, forged);
  assert_identity_refused (f, installed);
}

/* Not installed here, but this database already keeps another text under
 * the same id and version for its own assessments. */
static void
test_identity_stored (Identity      *f,
                      gconstpointer  data)
{
  g_autoptr(SihuaModel) real = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaModel) forged = changed_model ("example-small.json", "Forged questions");
  g_autoptr(SihuaCompany) company = sihua_company_new ("苏州明达机械");
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  company_id = sihua_store_add_company (f->target, company, &error);
  g_assert_no_error (error);
  sihua_store_new_assessment (f->target, company_id, real, 0, NULL, &error);
  g_assert_no_error (error);

  send_assessment (f, forged);
  assert_identity_refused (f, "the copy this database keeps");
}

/* The same text under the same id and version is no problem at all. */
static void
test_identity_same (Identity      *f,
                    gconstpointer  data)
{
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autoptr(SihuaModel) builtin = sihua_model_catalog_get_default (catalog);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;

  send_assessment (f, builtin);
  bundle = sihua_bundle_load (f->bundle, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, f->target, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_bundle_import (bundle, f->target, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->assessments_added, ==, 1);
}

/* --- file modes --------------------------------------------------------- */

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %o", path, (unsigned) (st.st_mode & 0777));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Bundles and data exports hold everything the database does: owner only,
 * like the database and its backups, even under umask 000 and over a file
 * left with another mode. */
static void
test_modes_exports (Identity      *f,
                    gconstpointer  data)
{
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autofree char *json = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *part = g_strconcat (f->bundle, ".part", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  /* A leftover beside the bundle, readable by all. */
  g_assert_true (g_file_set_contents (part, "old", -1, NULL));
  g_assert_cmpint (g_chmod (part, 0666), ==, 0);
  send_assessment (f, model);
  assert_private (f->bundle);

  {
    SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_JSON, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
    g_assert_true (sihua_export_to_file (f->source, &options, json, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    assert_private (json);
  }
  {
    SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_XLSX, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
    g_assert_true (sihua_export_to_file (f->source, &options, xlsx, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    assert_private (xlsx);
  }
  {
    SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_CSV, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
    g_assert_true (sihua_export_to_file (f->source, &options, csv, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    for (SihuaExportTable t = SIHUA_EXPORT_TABLE_COMPANIES; t <= SIHUA_EXPORT_TABLE_ANSWERS; t++)
      {
        g_autofree char *table = sihua_export_csv_table_path (csv, t);
        assert_private (table);
      }
  }

  umask (old_umask);
}

/* --- inflation ---------------------------------------------------------- */

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* A bundle of 200 kB unpacking to 8 MiB of valid JSON (a real bundle
 * unpacks to six times its size): refused as a zip bomb. */
static void
test_inflation_ratio (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "inflates.sihua", NULL);
  gsize big = 8 * 1024 * 1024;
  g_autofree char *spaces = g_malloc (big);
  g_autofree char *padding = noise (200 * 1024);
  Entry entries[5];

  memset (spaces, ' ', big);
  spaces[0] = '[';
  spaces[big - 1] = ']';
  entries[0] = (Entry) { "data/answers.json", spaces, big };
  entries[1] = (Entry) { "data/assessments.json", "[]", 2 };
  entries[2] = (Entry) { "data/companies.json", "[]", 2 };
  entries[3] = (Entry) { "data/history.json", "[]", 2 };
  entries[4] = (Entry) { "padding.bin", padding, 200 * 1024 };
  write_bundle (path, entries, 5, NULL);
  g_test_message ("%" G_GSIZE_FORMAT " bytes unpack to %" G_GSIZE_FORMAT, file_size (path), big);

  assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_TOO_LARGE, "zip bomb");
  sihua_test_remove_tree (dir);
}

/* Many small entries add up: reading stops once the bundle has unpacked
 * to 32 times its size, whatever the entries say. */
static void
test_inflation_many_entries (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "many.sihua", NULL);
  gsize each = 256 * 1024;
  guint n = 2000;
  g_autofree char *spaces = g_malloc (each);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  const char *at;
  guint stopped_at;
  gsize size;

  memset (spaces, ' ', each);
  for (guint i = 0; i < G_N_ELEMENTS (data_entries); i++)
    {
      Entry e = { data_entries[i], "[]", 2 };
      g_array_append_val (entries, e);
    }
  for (guint i = 0; i < n; i++)
    {
      Entry e = { NULL, spaces, each };

      g_ptr_array_add (names, g_strdup_printf ("pad/%05u.txt", i));
      e.path = g_ptr_array_index (names, i);
      g_array_append_val (entries, e);
    }
  write_bundle (path, (Entry *) entries->data, entries->len, NULL);
  size = file_size (path);
  g_test_message ("%" G_GSIZE_FORMAT " bytes unpack to %" G_GSIZE_FORMAT, size, n * each);

  bundle = sihua_bundle_load (path, &error);
  g_assert_null (bundle);
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  at = strstr (error->message, "(at pad/");
  g_assert_nonnull (at);
  stopped_at = (guint) g_ascii_strtoull (at + strlen ("(at pad/"), NULL, 10);
  /* Written out rather than SIHUA_BUNDLE_MAX_RATIO: a real bundle unpacks
   * to 6 times its size, and 32 times is where reading must stop. */
  g_assert_cmpuint ((guint64) stopped_at * each, <=, (guint64) size * 32 + 1024 * 1024);

  sihua_test_remove_tree (dir);
}

/* An entry of tiny values ("[{},{},…") parses into a hundred times its
 * size: refused before json-glib sees it. */
static void
test_inflation_dense_json (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dense.sihua", NULL);
  guint n = 1024 * 1024;
  g_autoptr(GString) dense = g_string_sized_new (3 * n + 2);
  g_autofree char *padding = noise (300 * 1024);
  Entry entries[5];

  g_string_append_c (dense, '[');
  for (guint i = 0; i < n; i++)
    g_string_append (dense, i > 0 ? ",{}" : "{}");
  g_string_append_c (dense, ']');

  entries[0] = (Entry) { "data/answers.json", dense->str, dense->len };
  entries[1] = (Entry) { "data/assessments.json", "[]", 2 };
  entries[2] = (Entry) { "data/companies.json", "[]", 2 };
  entries[3] = (Entry) { "data/history.json", "[]", 2 };
  entries[4] = (Entry) { "padding.bin", padding, 300 * 1024 };
  write_bundle (path, entries, 5, NULL);

  assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                         "data/answers.json in the bundle");
  assert_bundle_refused (path, SIHUA_BUNDLE_ERROR_TOO_LARGE, "packs far more values");
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/depth/scan", test_depth_scan);
  g_test_add_func ("/hostile/depth/model", test_depth_model);
  g_test_add_func ("/hostile/depth/catalog", test_depth_catalog);
  g_test_add_func ("/hostile/depth/answers-file", test_depth_answers_file);
  g_test_add_func ("/hostile/depth/chart-data", test_depth_chart_data);
  g_test_add_func ("/hostile/depth/stored-answer", test_depth_stored_answer);
  g_test_add_func ("/hostile/depth/bundle", test_depth_bundle);

  g_test_add_func ("/hostile/inflation/ratio", test_inflation_ratio);
  g_test_add_func ("/hostile/inflation/many-entries", test_inflation_many_entries);
  g_test_add_func ("/hostile/inflation/dense-json", test_inflation_dense_json);

  g_test_add ("/hostile/model-identity/builtin", Identity, NULL,
              identity_set_up, test_identity_builtin, identity_tear_down);
  g_test_add ("/hostile/model-identity/installed", Identity, NULL,
              identity_set_up, test_identity_installed, identity_tear_down);
  g_test_add ("/hostile/model-identity/stored", Identity, NULL,
              identity_set_up, test_identity_stored, identity_tear_down);
  g_test_add ("/hostile/model-identity/same", Identity, NULL,
              identity_set_up, test_identity_same, identity_tear_down);

  g_test_add ("/hostile/modes/exports", Identity, NULL,
              identity_set_up, test_modes_exports, identity_tear_down);

  return g_test_run ();
}
