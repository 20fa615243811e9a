/* test-context.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The context the pages share: it hands out what it was given, tells when
 * another store takes the place of the one in use, and keeps that one when
 * another database does not open.
 */

#include "config.h"

#include "sihua-context.h"
#include "sihua-test-utils.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static SihuaStore *
create_store (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SihuaStore *store = sihua_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
test_hands_out (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  SihuaContext *context = sihua_context_new (settings, catalog);
  SihuaStore *first = create_store (dir, "first.db");
  SihuaStore *second = create_store (dir, "second.db");
  guint notified = 0;

  g_assert_true (sihua_context_get_settings (context) == settings);
  g_assert_true (sihua_context_get_catalog (context) == catalog);
  g_assert_true (sihua_context_get_levels_model (context) == sihua_model_catalog_get_default (catalog));
  g_assert_nonnull (sihua_context_get_levels_model (context));
  g_assert_null (sihua_context_get_store (context));

  g_signal_connect (context, "notify::store", G_CALLBACK (count_notify_cb), &notified);

  sihua_context_set_store (context, first);
  g_assert_true (sihua_context_get_store (context) == first);
  g_assert_cmpuint (notified, ==, 1);

  /* The same store again is no change. */
  sihua_context_set_store (context, first);
  g_assert_cmpuint (notified, ==, 1);

  sihua_context_set_store (context, second);
  g_assert_true (sihua_context_get_store (context) == second);
  g_assert_cmpuint (notified, ==, 2);

  /* The context holds a reference to the store it hands out. */
  g_object_unref (second);
  g_assert_true (SIHUA_IS_STORE (sihua_context_get_store (context)));

  /* Letting go of the context lets go of everything it held. */
  g_assert_finalize_object (context);
  g_assert_finalize_object (first);
  sihua_test_remove_tree (dir);
}

typedef struct
{
  gboolean  done;
  gboolean  opened;
  GError   *error;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;

  opening->opened = sihua_context_open_store_finish (SIHUA_CONTEXT (source), result,
                                                     &opening->error);
  opening->done = TRUE;
}

static gboolean
open_store (SihuaContext  *context,
            const char    *path,
            GError       **error)
{
  Opening opening = { 0 };

  sihua_context_open_store_async (context, path, FALSE, NULL, opened_cb, &opening);
  while (!opening.done)
    g_main_context_iteration (NULL, TRUE);

  if (opening.error != NULL)
    g_propagate_error (error, opening.error);

  return opening.opened;
}

static void
test_open (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  SihuaContext *context = sihua_context_new (NULL, NULL);
  SihuaStore *opened;
  guint notified = 0;

  g_object_unref (create_store (dir, "good.db"));
  g_assert_true (g_file_set_contents (notes, "Meeting notes, not a database.\n", -1, NULL));
  g_assert_null (sihua_context_get_levels_model (context));
  g_signal_connect (context, "notify::store", G_CALLBACK (count_notify_cb), &notified);

  g_assert_true (open_store (context, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  opened = sihua_context_get_store (context);
  g_assert_nonnull (opened);
  g_assert_cmpstr (sihua_store_get_path (opened), ==, good);

  /* A file that does not open replaces nothing, and says why. */
  g_assert_false (open_store (context, notes, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sihua_context_get_store (context) == opened);

  g_assert_finalize_object (context);
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/hands-out", test_hands_out);
  g_test_add_func ("/context/open", test_open);

  return g_test_run ();
}
