/* test-gui-company-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company page in this process, over a real store: it loads on the
 * store's thread, a newer company replaces a load on its way, a company
 * that is gone says so, and a page dropped mid-load is not touched again.
 * And the window around the pages: each header shows what its page says it
 * is, and the window remembers the place on whichever page is on screen.
 */

#include "config.h"

#include <adwaita.h>

#include "sihua-assessment-page.h"
#include "sihua-company-page.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"
#include "sihua-window-private.h"

typedef struct
{
  char             *dir;
  SihuaStore       *store;
  SihuaContext     *context;
  SihuaModel       *model;
  gint64            first_id;
  gint64            second_id;
  gint64            second_assessment;
  GtkWidget        *window;
  SihuaCompanyPage *page;
  GArray           *loaded;
  char             *failed;
} Fixture;

static gint64
add_company (Fixture    *fixture,
             const char *name,
             const char *region,
             guint       n_assessments,
             gint64     *last_assessment)
{
  g_autoptr(SihuaCompany) company = sihua_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  company->region = g_strdup (region);
  id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_assessments; i++)
    {
      gint64 assessment = sihua_store_new_assessment (fixture->store, id, fixture->model,
                                                      0, NULL, &error);
      g_assert_no_error (error);
      if (last_assessment != NULL)
        *last_assessment = assessment;
    }

  return id;
}

static void
loaded_cb (SihuaCompanyPage *page,
           Fixture          *fixture)
{
  gint64 id = sihua_company_page_get_company (page)->id;

  g_array_append_val (fixture->loaded, id);
}

static void
load_failed_cb (SihuaCompanyPage *page,
                const char       *message,
                Fixture          *fixture)
{
  g_free (fixture->failed);
  fixture->failed = g_strdup (message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->store = sihua_test_open_store_in (fixture->dir, "sihua.db");
  fixture->model = sihua_test_load_data_model ("example-small.json");

  /* The first company has many assessments, so its load is the slow one. */
  fixture->first_id = add_company (fixture, "常州恒力机械", "江苏省常州市", 40, NULL);
  fixture->second_id = add_company (fixture, "无锡精工", NULL, 1, &fixture->second_assessment);
  fixture->context = sihua_context_new (NULL, NULL);
  sihua_context_set_store (fixture->context, fixture->store);

  fixture->loaded = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->page = g_object_ref_sink (g_object_new (SIHUA_TYPE_COMPANY_PAGE,
                                                  "context", fixture->context,
                                                  NULL));
  g_signal_connect (fixture->page, "loaded", G_CALLBACK (loaded_cb), fixture);
  g_signal_connect (fixture->page, "load-failed", G_CALLBACK (load_failed_cb), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
wait_for_tasks (Fixture *fixture)
{
  /* Each task holds the store until the worker drops it; so do a page
   * and the context. */
  int held = 1 + (fixture->page != NULL) + (fixture->context != NULL);

  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > held)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  if (fixture->page != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->page));
  wait_for_tasks (fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture->context));
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->model);
  g_array_unref (fixture->loaded);
  g_free (fixture->failed);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
wait_for_page (Fixture *fixture)
{
  while (sihua_company_page_get_loading (fixture->page))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_latest_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Opening returns at once, before the store has answered. */
  sihua_company_page_set_company (fixture->page, fixture->first_id, NULL);
  g_assert_true (sihua_company_page_get_loading (fixture->page));
  g_assert_null (sihua_company_page_get_company (fixture->page));

  sihua_company_page_set_company (fixture->page, fixture->second_id, NULL);
  wait_for_page (fixture);
  wait_for_tasks (fixture);

  /* Only the second company ever reached the screen. */
  g_assert_cmpuint (fixture->loaded->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->loaded, gint64, 0), ==, fixture->second_id);
  g_assert_cmpint (sihua_company_page_get_company (fixture->page)->id, ==, fixture->second_id);
  g_assert_cmpstr (sihua_company_page_get_company (fixture->page)->name, ==, "无锡精工");
  g_assert_cmpint (sihua_company_page_get_latest_id (fixture->page), ==,
                   fixture->second_assessment);
  g_assert_null (fixture->failed);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 newer;

  sihua_company_page_set_company (fixture->page, fixture->second_id, NULL);
  wait_for_page (fixture);

  newer = sihua_store_new_assessment (fixture->store, fixture->second_id, fixture->model,
                                      fixture->second_assessment, NULL, &error);
  g_assert_no_error (error);

  /* The page keeps showing the company while it reads it again. */
  sihua_company_page_reload (fixture->page);
  g_assert_true (sihua_company_page_get_loading (fixture->page));
  g_assert_nonnull (sihua_company_page_get_company (fixture->page));
  wait_for_page (fixture);

  g_assert_cmpuint (fixture->loaded->len, ==, 2);
  g_assert_cmpint (sihua_company_page_get_latest_id (fixture->page), >=, newer);
  g_assert_cmpint (sihua_company_page_get_latest_id (fixture->page), !=,
                   fixture->second_assessment);
}

static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SihuaCompany) known = sihua_company_new ("已删除的公司");

  sihua_company_page_set_company (fixture->page, 4242, known);
  wait_for_page (fixture);

  g_assert_cmpuint (fixture->loaded->len, ==, 0);
  g_assert_cmpstr (fixture->failed, ==, "This company no longer exists");
  g_assert_null (sihua_company_page_get_company (fixture->page));
  g_assert_cmpint (sihua_company_page_get_latest_id (fixture->page), ==, 0);

  /* A company that exists still opens afterwards. */
  sihua_company_page_set_company (fixture->page, fixture->second_id, NULL);
  wait_for_page (fixture);
  g_assert_cmpuint (fixture->loaded->len, ==, 1);
}

static void
test_dropped_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  sihua_company_page_set_company (fixture->page, fixture->first_id, NULL);
  g_assert_true (sihua_company_page_get_loading (fixture->page));

  /* The load on its way holds no reference: the page goes at once, and its
   * callbacks, cancelled, leave the freed page alone. */
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_assert_finalize_object (g_steal_pointer (&fixture->page));
  wait_for_tasks (fixture);

  g_assert_cmpuint (fixture->loaded->len, ==, 0);
  g_assert_null (fixture->failed);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_titles (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SihuaCompany) listed = sihua_company_new ("常州恒力");
  guint titles = 0;

  g_signal_connect (fixture->page, "notify::title", G_CALLBACK (count_notify_cb), &titles);
  g_assert_cmpstr (sihua_company_page_get_title (fixture->page), ==, "");

  /* What the list knows is the title at once; the store's word follows. */
  listed->region = g_strdup ("常州");
  sihua_company_page_set_company (fixture->page, fixture->first_id, listed);
  g_assert_cmpint (sihua_company_page_get_company_id (fixture->page), ==, fixture->first_id);
  g_assert_cmpstr (sihua_company_page_get_title (fixture->page), ==, "常州恒力");
  g_assert_cmpstr (sihua_company_page_get_subtitle (fixture->page), ==, "常州");
  g_assert_cmpuint (titles, ==, 1);

  wait_for_page (fixture);
  g_assert_cmpstr (sihua_company_page_get_title (fixture->page), ==, "常州恒力机械");
  g_assert_cmpstr (sihua_company_page_get_subtitle (fixture->page), ==, "江苏省常州市");
  g_assert_cmpuint (titles, ==, 2);

  /* Reading the same company again changes nothing in the header. */
  sihua_company_page_reload (fixture->page);
  wait_for_page (fixture);
  g_assert_cmpuint (titles, ==, 2);

  sihua_company_page_set_company (fixture->page, fixture->second_id, NULL);
  wait_for_page (fixture);
  g_assert_cmpstr (sihua_company_page_get_title (fixture->page), ==, "无锡精工");
  g_assert_cmpstr (sihua_company_page_get_subtitle (fixture->page), ==, "");
  g_assert_cmpuint (titles, ==, 4);
}

/*
 * The window
 */

/* Runs the main loop until @done says so; a minute is far more than any
 * of these waits needs, even on a busy machine. */
static void
wait_until (gboolean (*done) (SihuaWindow *window),
            SihuaWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
companies_listed (SihuaWindow *window)
{
  return window->restored;
}

static gboolean
company_loaded (SihuaWindow *window)
{
  return !sihua_company_page_get_loading (window->company_page)
         && sihua_company_page_get_company (window->company_page) != NULL;
}

static gboolean
dimension_shown (SihuaWindow *window)
{
  /* Nothing was asked for beforehand, so a dimension is one on screen. */
  return sihua_assessment_page_get_dimension_id (SIHUA_ASSESSMENT_PAGE (window->assessment_page)) != NULL;
}

static const char *
visible_page_name (SihuaWindow *window)
{
  GtkWidget *child = adw_leaflet_get_visible_child (window->leaflet);

  return adw_leaflet_page_get_name (adw_leaflet_get_page (window->leaflet, child));
}

static SihuaWindow *
open_window (Fixture   *fixture,
             GSettings *settings)
{
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autoptr(SihuaContext) context = sihua_context_new (settings, catalog);
  SihuaWindow *window;

  sihua_context_set_store (context, fixture->store);
  window = g_object_ref_sink (sihua_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (companies_listed, window);

  return window;
}

static void
close_window (Fixture     *fixture,
              SihuaWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  /* The window, its pages and their reads on the way all let go of the
   * store: only the test and its own context hold it afterwards. */
  while (g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) > 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_window_headers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autofree char *subtitle = NULL;
  SihuaWindow *window;

  g_settings_set_string (settings, "last-assessment", "");
  window = open_window (fixture, settings);
  assessment = sihua_store_get_assessment (fixture->store, fixture->second_assessment, NULL);
  subtitle = g_strdup_printf ("Assessment of %s", assessment->date);

  /* The company's header names it from the list at once, before the store
   * has answered. */
  g_assert_true (sihua_window_open_company (window, fixture->first_id));
  g_assert_cmpstr (visible_page_name (window), ==, "company");
  g_assert_cmpstr (adw_window_title_get_title (window->company_title), ==, "常州恒力机械");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->company_title), ==, "江苏省常州市");
  wait_until (company_loaded, window);

  /* Another company: its page and the header change together. */
  g_assert_true (sihua_window_open_company (window, fixture->second_id));
  g_assert_cmpstr (adw_window_title_get_title (window->company_title), ==, "无锡精工");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->company_title), ==, "");
  wait_until (company_loaded, window);

  sihua_window_open_assessment (window, fixture->second_assessment, FALSE);
  g_assert_cmpstr (visible_page_name (window), ==, "assessment");
  g_assert_cmpstr (adw_window_title_get_title (window->assessment_title), ==, "无锡精工");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->assessment_title), ==, subtitle);

  sihua_window_open_assessment (window, fixture->second_assessment, TRUE);
  g_assert_cmpstr (visible_page_name (window), ==, "results");
  g_assert_cmpstr (adw_window_title_get_title (window->results_title), ==, "Results");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->results_title), ==, "无锡精工");

  /* Back on the first company, its header is its own again. */
  g_assert_true (sihua_window_open_company (window, fixture->first_id));
  g_assert_cmpstr (adw_window_title_get_title (window->company_title), ==, "常州恒力机械");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->company_title), ==, "江苏省常州市");
  wait_until (company_loaded, window);

  close_window (fixture, window);
}

static void
test_window_remembers_place (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autofree char *remembered = NULL;
  SihuaAssessmentPage *page;
  GPtrArray *dimensions = sihua_model_get_dimensions (fixture->model);
  const char *first, *second;
  SihuaWindow *window;

  g_assert_cmpuint (dimensions->len, >=, 2);
  first = ((SihuaDimension *) g_ptr_array_index (dimensions, 0))->id;
  second = ((SihuaDimension *) g_ptr_array_index (dimensions, 1))->id;

  g_settings_set_string (settings, "last-assessment", "");
  window = open_window (fixture, settings);
  assessment = sihua_store_get_assessment (fixture->store, fixture->second_assessment, NULL);

  g_assert_true (sihua_window_open_company (window, fixture->second_id));
  wait_until (company_loaded, window);
  sihua_window_open_assessment (window, fixture->second_assessment, FALSE);
  page = SIHUA_ASSESSMENT_PAGE (window->assessment_page);
  wait_until (dimension_shown, window);
  g_assert_cmpstr (sihua_assessment_page_get_dimension_id (page), ==, first);

  remembered = g_settings_get_string (settings, "last-assessment");
  g_assert_cmpstr (remembered, ==, assessment->uuid);
  g_clear_pointer (&remembered, g_free);

  /* Moving to another dimension on the page on screen is remembered at
   * once: the window follows the page it shows. */
  g_assert_true (sihua_assessment_page_set_dimension_id (page, second));
  remembered = g_settings_get_string (settings, "last-dimension");
  g_assert_cmpstr (remembered, ==, second);
  g_clear_pointer (&remembered, g_free);

  /* On the company's page no assessment is the place any more. */
  adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_cmpstr (visible_page_name (window), ==, "company");
  remembered = g_settings_get_string (settings, "last-assessment");
  g_assert_cmpstr (remembered, ==, "");
  g_clear_pointer (&remembered, g_free);

  close_window (fixture, window);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are compared in English. */
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/company-page/latest-wins", Fixture, NULL,
              fixture_set_up, test_latest_wins, fixture_tear_down);
  g_test_add ("/company-page/reload", Fixture, NULL,
              fixture_set_up, test_reload, fixture_tear_down);
  g_test_add ("/company-page/gone", Fixture, NULL,
              fixture_set_up, test_gone, fixture_tear_down);
  g_test_add ("/company-page/dropped-while-loading", Fixture, NULL,
              fixture_set_up, test_dropped_while_loading, fixture_tear_down);
  g_test_add ("/company-page/titles", Fixture, NULL,
              fixture_set_up, test_titles, fixture_tear_down);
  g_test_add ("/window/headers-follow-pages", Fixture, NULL,
              fixture_set_up, test_window_headers, fixture_tear_down);
  g_test_add ("/window/remembers-place-of-page-on-screen", Fixture, NULL,
              fixture_set_up, test_window_remembers_place, fixture_tear_down);

  return g_test_run ();
}
