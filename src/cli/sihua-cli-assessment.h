/* sihua-cli-assessment.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

SihuaStore *sihua_cli_open_assessment (SihuaCli          *cli,
                                       SihuaCliStoreUse   use,
                                       const char        *command,
                                       const char        *id_text,
                                       gint64            *id,
                                       int               *status);

int sihua_cli_assessment_new_run     (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);
int sihua_cli_assessment_answer_run  (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);
int sihua_cli_assessment_import_run  (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);
int sihua_cli_assessment_show_run    (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);
int sihua_cli_assessment_history_run (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);
int sihua_cli_assessment_undo_run    (SihuaCli  *cli,
                                      int        argc,
                                      char     **argv);

/* Shared with the families that work on one assessment's answers. */
gboolean    sihua_cli_lookup_question (SihuaStore       *store,
                                       gint64            id,
                                       const char       *question_id,
                                       int              *status);

G_END_DECLS
