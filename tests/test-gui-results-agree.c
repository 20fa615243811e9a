/* test-gui-results-agree.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window, the PDF report and `sihua-cli score` show the same results of
 * one assessment: the same index and the same previous assessment, here one
 * found only by the fallback rule (not started from another), and again
 * after a bundle changed its answers. */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sihua-bundle.h"
#include "sihua-report.h"
#include "sihua-results-page-private.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"
#include "test-pdf-util.h"

typedef struct
{
  char       *dir;
  char       *db_path;
  SihuaStore *store;
  SihuaModel *model;
  gint64      company_id;
} Fixture;

/* What the results page shows once loaded: the index and the title of the
 * comparison group (NULL without one). */
static double
window_shows (SihuaResultsPage  *page,
              char             **since)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  const char *index_text;
  GtkWidget *child;

  sihua_results_page_reload (page);
  while ((page->results == NULL || page->loading != NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (page->results);

  *since = NULL;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (page->groups_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child));

      if (g_str_has_prefix (title, "Since the assessment of "))
        *since = g_strdup (title + strlen ("Since the assessment of "));
    }

  index_text = gtk_label_get_text (page->index_label);
  g_assert_true (g_str_has_prefix (index_text, "Index "));

  return g_ascii_strtod (index_text + strlen ("Index "), NULL);
}

static JsonObject *
cli_score (Fixture *f,
           gint64   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *argv[] = { g_getenv ("SIHUA_CLI"), "--db", f->db_path, "--json", "score", id_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_test_run (argv, NULL, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
pdf_of (Fixture *f,
        gint64   id)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = SIHUA_LANGUAGE_EN;
  g_assert_true (sihua_report_write_from_store (f->store, id, &options, path, &error));
  g_assert_no_error (error);

  return pdf_text (path);
}

static void
assert_agree (Fixture          *f,
              SihuaResultsPage *page,
              gint64            id,
              const char       *previous_date)
{
  g_autofree char *since = NULL;
  double index = window_shows (page, &since);
  g_autoptr(JsonObject) score = cli_score (f, id);
  g_autofree char *text = pdf_of (f, id);
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_autofree char *index_text = g_strdup_printf ("%.1f", index);
  JsonObject *previous;

  /* The window */
  g_assert_cmpstr (since, ==, previous_date);

  /* The CLI */
  g_assert_true (json_object_has_member (score, "previous"));
  previous = json_object_get_object_member (score, "previous");
  g_assert_nonnull (previous);
  g_assert_cmpstr (json_object_get_string_member (previous, "date"), ==, previous_date);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (score, "index"), index, 0.051);

  /* The PDF */
  g_assert_nonnull (strstr (flat, "Since the assessment of"));
  g_assert_nonnull (strstr (flat, previous_date));
  g_assert_nonnull (strstr (flat, index_text));
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

static void
test_agree (void)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("Huadong Precision Machinery");
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *back_path = NULL;
  g_autofree char *before_text = NULL;
  g_autoptr(SihuaStore) colleague = NULL;
  g_autoptr(SihuaAssessment) mine = NULL;
  g_autoptr(SihuaAssessment) theirs = NULL;
  g_autoptr(SihuaAssessment) cached = NULL;
  Fixture fixture = { 0 }, *f = &fixture;
  SihuaResultsPage *page;
  GtkWidget *window;
  gint64 current;
  double before, after;

  f->dir = g_dir_make_tmp ("sihua-agree-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "a.db", NULL);
  f->store = sihua_test_open_store_in (f->dir, "a.db");
  f->model = sihua_test_load_data_model ("example-small.json");
  f->company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);

  sihua_test_add_dated_assessment (f->store, f->company_id, f->model, "2025-01-10", 0, 1);
  current = sihua_test_add_dated_assessment (f->store, f->company_id, f->model, "2026-01-10", 0, 2);

  window = gtk_window_new ();
  page = SIHUA_RESULTS_PAGE (sihua_results_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sihua_results_page_set_assessment (page, f->store, current);

  assert_agree (f, page, current, "2025-01-10");
  before = window_shows (page, &before_text);

  /* A colleague answers higher on another laptop; the bundle comes back. */
  out_path = g_build_filename (f->dir, "out.sihua", NULL);
  back_path = g_build_filename (f->dir, "back.sihua", NULL);
  g_assert_true (sihua_bundle_export (f->store, NULL, out_path, &error));
  g_assert_no_error (error);
  colleague = sihua_test_open_store_in (f->dir, "b.db");
  import_bundle (colleague, out_path);
  mine = sihua_store_get_assessment (f->store, current, &error);
  theirs = sihua_store_get_assessment_by_uuid (colleague, mine->uuid, &error);
  g_assert_no_error (error);
  sihua_test_answer_all (colleague, f->model, theirs->id, 3);
  g_assert_true (sihua_bundle_export (colleague, NULL, back_path, &error));
  g_assert_no_error (error);
  import_bundle (f->store, back_path);

  assert_agree (f, page, current, "2025-01-10");
  {
    g_autofree char *since = NULL;

    after = window_shows (page, &since);
  }
  g_assert_cmpfloat (after, >, before);

  /* Lists show the same stage as the results. */
  cached = sihua_store_get_assessment (f->store, current, &error);
  g_assert_true (cached->has_result);
  g_assert_cmpint (cached->result_stage, ==, sihua_score_get_stage (page->score));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&colleague);
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Texts are compared in English. */
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/results-agree/fallback-previous-and-merge", test_agree);

  return g_test_run ();
}
