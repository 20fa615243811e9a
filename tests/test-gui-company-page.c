/* test-gui-company-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company page in this process, over a real store: it loads on the
 * store's thread, a newer company replaces a load on its way, a company
 * that is gone says so, and a page dropped mid-load is not touched again.
 */

#include "config.h"

#include <adwaita.h>

#include "sihua-company-page.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char             *dir;
  SihuaStore       *store;
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
             guint       n_assessments,
             gint64     *last_assessment)
{
  g_autoptr(SihuaCompany) company = sihua_company_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

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
  fixture->first_id = add_company (fixture, "常州恒力机械", 40, NULL);
  fixture->second_id = add_company (fixture, "无锡精工", 1, &fixture->second_assessment);

  fixture->loaded = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->page = g_object_ref_sink (g_object_new (SIHUA_TYPE_COMPANY_PAGE, NULL));
  g_signal_connect (fixture->page, "loaded", G_CALLBACK (loaded_cb), fixture);
  g_signal_connect (fixture->page, "load-failed", G_CALLBACK (load_failed_cb), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
wait_for_tasks (Fixture *fixture)
{
  /* Each task holds the store until the worker drops it; so does a page. */
  int held = fixture->page != NULL ? 2 : 1;

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
  sihua_company_page_set_company (fixture->page, fixture->store, NULL, fixture->first_id,
                                  "常州恒力机械");
  g_assert_true (sihua_company_page_get_loading (fixture->page));
  g_assert_null (sihua_company_page_get_company (fixture->page));

  sihua_company_page_set_company (fixture->page, fixture->store, NULL, fixture->second_id, NULL);
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

  sihua_company_page_set_company (fixture->page, fixture->store, NULL, fixture->second_id, NULL);
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
  sihua_company_page_set_company (fixture->page, fixture->store, NULL, 4242, "已删除的公司");
  wait_for_page (fixture);

  g_assert_cmpuint (fixture->loaded->len, ==, 0);
  g_assert_cmpstr (fixture->failed, ==, "This company no longer exists");
  g_assert_null (sihua_company_page_get_company (fixture->page));
  g_assert_cmpint (sihua_company_page_get_latest_id (fixture->page), ==, 0);

  /* A company that exists still opens afterwards. */
  sihua_company_page_set_company (fixture->page, fixture->store, NULL, fixture->second_id, NULL);
  wait_for_page (fixture);
  g_assert_cmpuint (fixture->loaded->len, ==, 1);
}

static void
test_dropped_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  sihua_company_page_set_company (fixture->page, fixture->store, NULL, fixture->first_id, NULL);
  g_assert_true (sihua_company_page_get_loading (fixture->page));

  /* The load on its way holds no reference: the page goes at once, and its
   * callbacks, cancelled, leave the freed page alone. */
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_assert_finalize_object (g_steal_pointer (&fixture->page));
  wait_for_tasks (fixture);

  g_assert_cmpuint (fixture->loaded->len, ==, 0);
  g_assert_null (fixture->failed);
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

  return g_test_run ();
}
