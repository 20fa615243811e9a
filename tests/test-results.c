/* test-results.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sihua-bundle.h"
#include "sihua-results.h"
#include "sihua-scoring.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* One company with assessments on chosen dates, answered at chosen levels. */
typedef struct
{
  char       *dir;
  char       *db_path;
  SihuaStore *store;
  SihuaModel *model;
  gint64      company_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械");
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sihua-results-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "a.db", NULL);
  f->store = sihua_test_open_store_in (f->dir, "a.db");
  f->model = sihua_test_load_data_model ("example-small.json");
  f->company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static gint64
add_assessment (Fixture    *f,
                const char *date,
                gint64      from,
                int         level)
{
  return sihua_test_add_dated_assessment (f->store, f->company_id, f->model, date, from, level);
}

static SihuaResults *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  SihuaResults *results = sihua_results_load (f->store, id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);

  return results;
}

static gint64
previous_id (SihuaResults *results)
{
  const SihuaAssessment *previous = sihua_results_get_previous (results);

  return previous != NULL ? previous->id : 0;
}

static void
test_started_from (Fixture       *f,
                   gconstpointer  data)
{
  gint64 first = add_assessment (f, "2025-01-10", 0, 1);
  gint64 second G_GNUC_UNUSED = add_assessment (f, "2025-06-10", 0, 2);
  gint64 third = add_assessment (f, "2026-01-10", first, 3);
  g_autoptr(SihuaResults) results = load (f, third);

  /* Started from the first: that one, not the later second. */
  g_assert_cmpint (previous_id (results), ==, first);
  g_assert_nonnull (sihua_results_get_comparison (results));
  g_assert_nonnull (sihua_results_get_previous_score (results));
  g_assert_cmpint (sihua_results_get_comparison (results)->previous_stage, ==,
                   sihua_score_get_stage (sihua_results_get_previous_score (results)));
}

static void
test_fallback (Fixture       *f,
               gconstpointer  data)
{
  gint64 first G_GNUC_UNUSED = add_assessment (f, "2025-01-10", 0, 1);
  gint64 second = add_assessment (f, "2025-06-10", 0, 2);
  gint64 later G_GNUC_UNUSED = add_assessment (f, "2027-01-10", 0, 1);
  gint64 third = add_assessment (f, "2026-01-10", 0, 3);
  g_autoptr(SihuaResults) results = load (f, third);
  SihuaComparison *comparison = sihua_results_get_comparison (results);

  /* Not started from another: the latest one dated before it, whatever
   * was created after it. */
  g_assert_cmpint (previous_id (results), ==, second);
  g_assert_nonnull (comparison);
  g_assert_cmpint (comparison->current_stage, ==, sihua_score_get_stage (sihua_results_get_score (results)));
}

static void
test_same_date (Fixture       *f,
                gconstpointer  data)
{
  gint64 morning = add_assessment (f, "2025-06-10", 0, 1);
  gint64 afternoon = add_assessment (f, "2025-06-10", 0, 2);
  g_autoptr(SihuaResults) later = load (f, afternoon);
  g_autoptr(SihuaResults) earlier = load (f, morning);

  /* The same day: the one created earlier comes first. */
  g_assert_cmpint (previous_id (later), ==, morning);
  g_assert_cmpint (previous_id (earlier), ==, 0);
  g_assert_null (sihua_results_get_comparison (earlier));
}

static void
test_no_previous (Fixture       *f,
                  gconstpointer  data)
{
  gint64 only = add_assessment (f, "2025-06-10", 0, 1);
  g_autoptr(SihuaResults) results = load (f, only);

  g_assert_null (sihua_results_get_previous (results));
  g_assert_null (sihua_results_get_previous_score (results));
  g_assert_null (sihua_results_get_comparison (results));
  g_assert_nonnull (sihua_results_get_company (results));
  g_assert_cmpstr (sihua_results_get_company (results)->name, ==, "华东精密机械");
  g_assert_cmpint (sihua_results_get_assessment (results)->id, ==, only);
  g_assert_nonnull (sihua_results_get_model (results));
  g_assert_nonnull (sihua_results_get_answers (results));
  g_assert_nonnull (sihua_results_get_score (results));
  g_assert_cmpint (sihua_score_get_stage (sihua_results_get_score (results)), >=, 0);
  g_assert_nonnull (sihua_results_get_next_level (results));
  g_assert_nonnull (sihua_results_get_flags (results));
  g_assert_nonnull (sihua_results_get_roadmap (results));
  g_assert_cmpint (sihua_results_get_roadmap (results)->target, ==, sihua_results_get_target (results));
  g_assert_cmpint (sihua_results_get_target (results), ==,
                   sihua_score_get_stage (sihua_results_get_score (results)) + 1);
}

/* The previous assessment pinned to a model version the database does not
 * hold: its row reads, its model does not. */
static void
test_unreadable_previous (Fixture       *f,
                          gconstpointer  data)
{
  gint64 first = add_assessment (f, "2025-01-10", 0, 1);
  gint64 second = add_assessment (f, "2026-01-10", first, 3);
  g_autoptr(SihuaResults) results = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE assessments SET model_version = '99.0' WHERE id = %" G_GINT64_FORMAT, first);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = sihua_test_open_store (f->db_path);

  results = load (f, second);
  g_assert_null (sihua_results_get_previous (results));
  g_assert_null (sihua_results_get_comparison (results));
  g_assert_nonnull (sihua_results_get_score (results));
  g_assert_nonnull (sihua_results_get_roadmap (results));
  g_assert_cmpint (sihua_score_get_stage (sihua_results_get_score (results)), >=, 0);
}

static void
assert_cached (SihuaStore *store,
               gint64      id,
               SihuaScore *score)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAssessment) stored = sihua_store_get_assessment (store, id, &error);

  g_assert_no_error (error);
  g_assert_true (stored->has_result);
  g_assert_cmpint (stored->result_stage, ==, sihua_score_get_stage (score));
  g_assert_cmpfloat (stored->result_index, ==, sihua_score_get_index (score));
}

static void
test_cache_refreshed (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_assessment (f, "2025-06-10", 0, 1);
  g_autoptr(SihuaResults) first = load (f, id);
  g_autoptr(SihuaResults) second = NULL;
  g_autoptr(SihuaStore) read_only = NULL;
  g_autoptr(SihuaResults) from_read_only = NULL;
  g_autoptr(SihuaAssessment) before = NULL;
  g_autoptr(SihuaAssessment) after = NULL;
  g_autoptr(GError) error = NULL;

  assert_cached (f->store, id, sihua_results_get_score (first));

  /* Answers change: the next load caches the new result. */
  sihua_test_answer_all (f->store, f->model, id, 3);
  second = load (f, id);
  g_assert_cmpint (sihua_score_get_stage (sihua_results_get_score (second)), !=,
                   sihua_score_get_stage (sihua_results_get_score (first)));
  assert_cached (f->store, id, sihua_results_get_score (second));

  /* Unchanged: nothing is written (the row's time stays). */
  before = sihua_store_get_assessment (f->store, id, &error);
  g_clear_object (&second);
  second = load (f, id);
  after = sihua_store_get_assessment (f->store, id, &error);
  g_assert_cmpint (before->updated_at, ==, after->updated_at);

  /* Read-only: the results load, nothing is written. */
  sihua_test_answer_all (f->store, f->model, id, 0);
  g_clear_pointer (&before, sihua_assessment_free);
  before = sihua_store_get_assessment (f->store, id, &error);
  read_only = sihua_store_open_read_only (f->db_path, &error);
  g_assert_no_error (error);
  from_read_only = sihua_results_load (read_only, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_read_only);
  g_clear_pointer (&after, sihua_assessment_free);
  after = sihua_store_get_assessment (f->store, id, &error);
  g_assert_cmpint (before->result_stage, ==, after->result_stage);
  g_assert_cmpint (before->updated_at, ==, after->updated_at);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SihuaResults **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sihua_results_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  gint64 first = add_assessment (f, "2025-01-10", 0, 1);
  gint64 second = add_assessment (f, "2026-01-10", 0, 3);
  g_autoptr(SihuaResults) sync = load (f, second);
  g_autoptr(SihuaResults) async = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  sihua_results_load_async (f->store, second, NULL, loaded_cb, &async);
  while (async == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (async);
  g_assert_cmpint (previous_id (async), ==, first);
  g_assert_cmpint (previous_id (sync), ==, first);
  g_assert_cmpint (sihua_score_get_stage (sihua_results_get_score (async)), ==,
                   sihua_score_get_stage (sihua_results_get_score (sync)));
  g_assert_cmpfloat (sihua_score_get_index (sihua_results_get_score (async)), ==,
                     sihua_score_get_index (sihua_results_get_score (sync)));
  g_assert_cmpint (sihua_results_get_comparison (async)->stage_delta, ==,
                   sihua_results_get_comparison (sync)->stage_delta);
  g_assert_cmpuint (sihua_results_get_flags (async)->len, ==, sihua_results_get_flags (sync)->len);
  g_assert_cmpuint (sihua_roadmap_get_n_items (sihua_results_get_roadmap (async)), ==,
                    sihua_roadmap_get_n_items (sihua_results_get_roadmap (sync)));
}

static void
import_bundle (SihuaStore *store,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundle) bundle = sihua_bundle_load (path, &error);
  g_autoptr(SihuaBundleReport) report = NULL;

  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, store, SIHUA_BUNDLE_CHOICE_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_bundle_import (bundle, store, report, &error));
  g_assert_no_error (error);
}

/* A colleague's answers come in by bundle: the stage cached here follows. */
static void
test_cache_after_merge (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_assessment (f, "2025-06-10", 0, 1);
  g_autofree char *bundle_path = g_build_filename (f->dir, "one.sihua", NULL);
  g_autofree char *again_path = g_build_filename (f->dir, "two.sihua", NULL);
  g_autofree char *theirs_path = g_build_filename (f->dir, "b.db", NULL);
  g_autoptr(SihuaStore) theirs = NULL;
  g_autoptr(SihuaResults) here = NULL;
  g_autoptr(SihuaResults) there = NULL;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaAssessment) theirs_assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaScore) score = NULL;
  g_autoptr(GHashTable) answers = NULL;

  g_clear_object (&here);
  here = load (f, id);
  g_assert_true (sihua_bundle_export (f->store, NULL, bundle_path, &error));
  g_assert_no_error (error);

  theirs = sihua_test_open_store_in (f->dir, "b.db");
  import_bundle (theirs, bundle_path);
  assessment = sihua_store_get_assessment (f->store, id, &error);
  theirs_assessment = sihua_store_get_assessment_by_uuid (theirs, assessment->uuid, &error);
  g_assert_no_error (error);
  there = sihua_results_load (theirs, theirs_assessment->id, NULL, &error);
  g_assert_no_error (error);

  /* Answered higher here, and not looked at again before sending. */
  sihua_test_answer_all (f->store, f->model, id, 3);
  g_assert_true (sihua_bundle_export (f->store, NULL, again_path, &error));
  g_assert_no_error (error);
  import_bundle (theirs, again_path);

  g_clear_pointer (&theirs_assessment, sihua_assessment_free);
  theirs_assessment = sihua_store_get_assessment_by_uuid (theirs, assessment->uuid, &error);
  answers = sihua_store_load_answers (theirs, theirs_assessment->id, &error);
  g_assert_no_error (error);
  score = sihua_scoring_compute (f->model, answers);
  g_assert_cmpint (sihua_score_get_stage (score), !=,
                   sihua_score_get_stage (sihua_results_get_score (there)));
  assert_cached (theirs, theirs_assessment->id, score);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/results/previous/started-from", test_started_from);
  ADD ("/results/previous/fallback", test_fallback);
  ADD ("/results/previous/same-date", test_same_date);
  ADD ("/results/previous/none", test_no_previous);
  ADD ("/results/previous/unreadable", test_unreadable_previous);
  ADD ("/results/cache/refreshed", test_cache_refreshed);
  ADD ("/results/cache/after-merge", test_cache_after_merge);
  ADD ("/results/async", test_async);

  return g_test_run ();
}
