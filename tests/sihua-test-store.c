/* sihua-test-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* A model from data/models/ that the test depends on, not one it checks:
 * failing to load it is a broken fixture, so it stops the test at once. */
SihuaModel *
sihua_test_load_data_model (const char *name)
{
  g_autofree char *path = sihua_test_data_model_file (name);
  g_autoptr(GError) error = NULL;
  SihuaModel *model = sihua_model_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* Opens (creating if new) a store the test expects to be sound; tests of
 * refused or damaged files call sihua_store_open() and check the error. */
SihuaStore *
sihua_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SihuaStore *store = sihua_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The usual case: a store file named @name in the test's temporary folder. */
SihuaStore *
sihua_test_open_store_in (const char *dir,
                          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return sihua_test_open_store (path);
}
