/* sihua-cli-trash.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int  sihua_cli_company_delete_run     (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);
int  sihua_cli_company_merge_run      (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);
int  sihua_cli_assessment_delete_run  (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);
int  sihua_cli_trash_list_run         (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);
int  sihua_cli_trash_restore_run      (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);
int  sihua_cli_trash_empty_run        (SihuaCli  *cli,
                                       int        argc,
                                       char     **argv);

G_END_DECLS
