/* sihua-test-utils.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *sihua_test_make_tmpdir     (void);
char *sihua_test_data_model_file (const char  *name);
void  sihua_test_remove_tree     (const char  *path);
int   sihua_test_run             (const char * const *argv,
                                  const char * const *extra_env,
                                  char              **out,
                                  char              **err);
int   sihua_test_run_cli         (const char  *db,
                                  char       **out,
                                  char       **err,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
