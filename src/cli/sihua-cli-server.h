/* sihua-cli-server.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int sihua_cli_server_init_run           (SihuaCli  *cli,
                                         int        argc,
                                         char     **argv);
int sihua_cli_server_add_consultant_run (SihuaCli  *cli,
                                         int        argc,
                                         char     **argv);
int sihua_cli_server_save_password_run (SihuaCli  *cli,
                                        int        argc,
                                        char     **argv);

G_END_DECLS
