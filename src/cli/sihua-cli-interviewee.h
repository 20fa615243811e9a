/* sihua-cli-interviewee.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int               sihua_cli_interviewee_add_run    (SihuaCli    *cli,
                                                    int          argc,
                                                    char       **argv);
int               sihua_cli_interviewee_list_run   (SihuaCli    *cli,
                                                    int          argc,
                                                    char       **argv);
int               sihua_cli_interviewee_remove_run (SihuaCli    *cli,
                                                    int          argc,
                                                    char       **argv);
SihuaInterviewee *sihua_cli_find_interviewee       (SihuaStore  *store,
                                                    gint64       assessment_id,
                                                    const char  *name,
                                                    int         *status);
void              sihua_cli_add_interviewee        (JsonBuilder *builder,
                                                    const SihuaInterviewee *interviewee);

G_END_DECLS
