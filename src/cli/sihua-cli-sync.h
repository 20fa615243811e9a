/* sihua-cli-sync.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int sihua_cli_sync_run              (SihuaCli  *cli,
                                     int        argc,
                                     char     **argv);
int sihua_cli_conflicts_list_run    (SihuaCli  *cli,
                                     int        argc,
                                     char     **argv);
int sihua_cli_conflicts_resolve_run (SihuaCli  *cli,
                                     int        argc,
                                     char     **argv);

G_END_DECLS
