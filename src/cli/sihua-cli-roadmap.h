/* sihua-cli-roadmap.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int sihua_cli_roadmap_edit_run (SihuaCli  *cli,
                                int        argc,
                                char     **argv);
int sihua_cli_roadmap_add_run  (SihuaCli  *cli,
                                int        argc,
                                char     **argv);
int sihua_cli_roadmap_drop_run (SihuaCli  *cli,
                                int        argc,
                                char     **argv);

G_END_DECLS
