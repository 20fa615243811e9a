/* sihua-paths.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sihua_paths_get_data_dir          (void);
char *sihua_paths_get_default_database  (void);
char *sihua_paths_get_user_models_dir   (void);
const char *sihua_paths_get_locale_dir (void);

G_END_DECLS
