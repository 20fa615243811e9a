/* sihua-cli-company.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int         sihua_cli_company_add_run   (SihuaCli     *cli,
                                         int           argc,
                                         char        **argv);
int         sihua_cli_company_list_run  (SihuaCli     *cli,
                                         int           argc,
                                         char        **argv);
int         sihua_cli_company_show_run  (SihuaCli     *cli,
                                         int           argc,
                                         char        **argv);

void        sihua_cli_add_assessment    (JsonBuilder  *builder,
                                         const SihuaAssessment *assessment);

G_END_DECLS
