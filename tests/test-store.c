/* test-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sihua-store.h"
#include "sihua-test-utils.h"

static void
test_store_creates_private_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nested", "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  GStatBuf st;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (sihua_store_get_path (store), ==, path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_finalize_object (store);

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
  g_autofree char *after = NULL;
  const char *text = "shopping list: bolts, nuts\n";
  SihuaStore *store;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  store = sihua_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  g_assert_nonnull (strstr (error->message, "notes.txt"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/creates-private-file", test_store_creates_private_file);
  g_test_add_func ("/store/rejects-foreign-file", test_store_rejects_foreign_file);

  return g_test_run ();
}
