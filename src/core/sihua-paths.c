/* sihua-paths.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-paths"

#include "config.h"

#include "sihua-paths.h"

/**
 * sihua_paths_get_data_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/sihua`, where the database, its
 *   backups and the user's own questionnaire models live.
 */
char *
sihua_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sihua", NULL);
}

/**
 * sihua_paths_get_default_database:
 *
 * Returns: (transfer full): the database used when no `--db` is given.
 */
char *
sihua_paths_get_default_database (void)
{
  g_autofree char *dir = sihua_paths_get_data_dir ();

  return g_build_filename (dir, "sihua.db", NULL);
}

/**
 * sihua_paths_get_user_models_dir:
 *
 * Returns: (transfer full): the folder where installed models are looked for.
 */
char *
sihua_paths_get_user_models_dir (void)
{
  g_autofree char *dir = sihua_paths_get_data_dir ();

  return g_build_filename (dir, "models", NULL);
}

/**
 * sihua_paths_get_locale_dir:
 *
 * Where the program's translation catalogues are: `SIHUA_LOCALEDIR` if set
 * (`meson devenv` sets it), the install prefix's locale folder if Sihua is
 * installed there, and otherwise the build tree's, so a program run straight
 * from the build folder still writes Chinese reports in Chinese.
 *
 * Returns: (transfer none): a folder to pass to bindtextdomain()
 */
const char *
sihua_paths_get_locale_dir (void)
{
  const char *dir = g_getenv ("SIHUA_LOCALEDIR");
  g_autofree char *installed = NULL;

  if (dir != NULL && *dir != '\0')
    return dir;

  installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}
