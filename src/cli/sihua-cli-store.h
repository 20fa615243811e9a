/* sihua-cli-store.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-cli-context.h"

G_BEGIN_DECLS

int       sihua_cli_check_run             (SihuaCli    *cli,
                                           int          argc,
                                           char       **argv);
int       sihua_cli_backup_run            (SihuaCli    *cli,
                                           int          argc,
                                           char       **argv);
int       sihua_cli_restore_run           (SihuaCli    *cli,
                                           int          argc,
                                           char       **argv);

/* Shared by the company and assessment commands. */
gboolean  sihua_cli_parse_id              (const char  *text,
                                           gint64      *id);
char     *sihua_cli_format_time           (gint64       usec);
char     *sihua_cli_format_iso_time       (gint64       usec);
void      sihua_cli_add_string_member     (JsonBuilder *builder,
                                           const char  *name,
                                           const char  *value);
void      sihua_cli_add_int_member        (JsonBuilder *builder,
                                           const char  *name,
                                           gint64       value,
                                           gboolean     is_set);

G_END_DECLS
