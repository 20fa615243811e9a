/* sihua-cli-finalize.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int sihua_cli_assessment_set_run       (SihuaCli  *cli,
                                        int        argc,
                                        char     **argv);
int sihua_cli_assessment_finalize_run  (SihuaCli  *cli,
                                        int        argc,
                                        char     **argv);
int sihua_cli_assessment_reopen_run    (SihuaCli  *cli,
                                        int        argc,
                                        char     **argv);
int sihua_cli_assessment_revisions_run (SihuaCli  *cli,
                                        int        argc,
                                        char     **argv);
int sihua_cli_write_stored_report      (SihuaCli   *cli,
                                        gint64      id,
                                        int         revision,
                                        const char *output);

G_END_DECLS
