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
