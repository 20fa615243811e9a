/* sihua-cli-context.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sihua-score.h"
#include "sihua-store.h"
#include "sihua-text.h"

G_BEGIN_DECLS

/* What every command receives: the options shared by all commands and the
 * store, opened on first use so commands that need no database never create
 * one. */
typedef struct
{
  char       *db_path;
  gboolean    db_is_default;  /* no --db: the data folder may be made */
  gboolean    json;
  SihuaStore *store;
} SihuaCli;

/* What a command does with the database: only commands that add data may
 * create it, and commands that only read never write, convert or back it
 * up (so they work on a write-protected file too). */
typedef enum
{
  SIHUA_CLI_STORE_READ,
  SIHUA_CLI_STORE_WRITE,
  SIHUA_CLI_STORE_CREATE,
} SihuaCliStoreUse;

typedef int (*SihuaCliRunFunc) (SihuaCli  *cli,
                                int        argc,
                                char     **argv);

typedef struct
{
  const char      *name;     /* one or two words: "company add" */
  const char      *usage;    /* arguments after the name, untranslated syntax */
  const char      *summary;  /* N_() one-line purpose */
  SihuaCliRunFunc  run;
} SihuaCliCommand;

/* Exit statuses: 1 for a failed operation, 2 for a wrong command line. */
#define SIHUA_CLI_EXIT_FAILURE 1
#define SIHUA_CLI_EXIT_USAGE   2

extern const SihuaCliCommand sihua_cli_commands[];
extern const guint           sihua_cli_n_commands;

SihuaStore *sihua_cli_get_store           (SihuaCli       *cli,
                                           GError        **error);
SihuaStore *sihua_cli_open_store          (SihuaCli       *cli,
                                           SihuaCliStoreUse use,
                                           GError        **error);
gboolean    sihua_cli_check_output        (SihuaCli       *cli,
                                           const char     *output,
                                           GError        **error);
int         sihua_cli_fail                (const char     *format,
                                           ...) G_GNUC_PRINTF (1, 2);
int         sihua_cli_fail_error          (const GError   *error);
int         sihua_cli_usage_error         (const char     *format,
                                           ...) G_GNUC_PRINTF (1, 2);
void        sihua_cli_print_json          (JsonNode       *node);
void        sihua_cli_print_builder       (JsonBuilder    *builder);
gboolean    sihua_cli_parse_options       (const char     *command,
                                           GOptionEntry   *entries,
                                           int            *argc,
                                           char         ***argv,
                                           int            *exit_status);

/* Shared by the commands that take ids, languages and assessments. */
gboolean    sihua_cli_parse_id            (const char     *text,
                                           gint64         *id);
gboolean    sihua_cli_parse_assessment_id (const char     *command,
                                           const char     *text,
                                           gint64         *id,
                                           int            *exit_status);
gboolean    sihua_cli_parse_language      (const char     *command,
                                           const char     *lang,
                                           SihuaLanguage  *language,
                                           int            *exit_status);

/* Shared by the commands that print records. */
char       *sihua_cli_format_time         (gint64          usec);
char       *sihua_cli_format_iso_time     (gint64          usec);
void        sihua_cli_add_string_member   (JsonBuilder    *builder,
                                           const char     *name,
                                           const char     *value);
void        sihua_cli_add_int_member      (JsonBuilder    *builder,
                                           const char     *name,
                                           gint64          value,
                                           gboolean        is_set);

G_END_DECLS
