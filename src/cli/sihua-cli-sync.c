/* sihua-cli-sync.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-sync.h"
#include "sihua-cli-text.h"
#include "sihua-sync.h"

int
sihua_cli_sync_run (SihuaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *url = NULL;
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(SihuaSync) sync = NULL;
  g_autoptr(GError) error = NULL;
  SihuaSyncReport report;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The firm's PostgreSQL (remembered for this database after the first sync)"), "URL" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("sync", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_CREATE, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  if (sihua_store_get_author (store) == NULL)
    sihua_store_set_author (store, g_get_user_name ());

  if (url == NULL)
    {
      url = sihua_sync_get_url (store, &error);
      if (url == NULL)
        return error != NULL ? sihua_cli_fail_error (error)
                             : sihua_cli_usage_error (_("This database has not synced yet: give the server with --url URL"));
    }

  server = sihua_server_connect (url, &error);
  if (server == NULL || !sihua_sync_set_url (store, url, &error))
    return sihua_cli_fail_error (error);

  sync = sihua_sync_new (store, server);
  if (!sihua_sync_run (sync, &report, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_int_member (builder, "rows_pushed", report.rows_pushed, TRUE);
      sihua_cli_add_int_member (builder, "records_pushed", report.records_pushed, TRUE);
      sihua_cli_add_int_member (builder, "rows_pulled", report.rows_pulled, TRUE);
      sihua_cli_add_int_member (builder, "records_pulled", report.records_pulled, TRUE);
      sihua_cli_add_int_member (builder, "answers_taken", report.answers_taken, TRUE);
      sihua_cli_add_int_member (builder, "conflicts_found", report.conflicts_found, TRUE);
      sihua_cli_add_int_member (builder, "conflicts_open", report.conflicts_open, TRUE);
      sihua_cli_add_int_member (builder, "cursor", report.cursor, TRUE);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    {
      printf (_("Pushed %u answer changes and %u companies or assessments; pulled %u answer changes and %u companies or assessments\n"),
              report.rows_pushed, report.records_pushed, report.rows_pulled, report.records_pulled);
      printf (_("Answers taken from the server: %u; new conflicts: %u; open conflicts: %u\n"),
              report.answers_taken, report.conflicts_found, report.conflicts_open);
      if (report.conflicts_open > 0)
        printf (_("See them with “sihua-cli conflicts list” and settle each with “sihua-cli conflicts resolve ID mine|theirs|both”\n"));
    }

  return 0;
}

static void
add_state (JsonBuilder          *builder,
           const char           *name,
           const SihuaSyncState *state)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  sihua_cli_add_string_member (builder, "value", state->value);
  sihua_cli_add_string_member (builder, "note", state->note);
  sihua_cli_add_string_member (builder, "evidence", state->evidence);
  sihua_cli_add_string_member (builder, "author", state->author);
  sihua_cli_add_int_member (builder, "changed_at", state->changed_at, state->changed_at != 0);
  json_builder_end_object (builder);
}

static const char *
shown_value (const SihuaSyncState *state)
{
  return state->value != NULL ? sihua_cli_shown (state->value) : _("(not answered)");
}

int
sihua_cli_conflicts_list_run (SihuaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all = FALSE;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also list the settled conflicts"), NULL },
    { NULL }
  };

  if (!sihua_cli_parse_options ("conflicts list", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  conflicts = sihua_sync_list_conflicts (store, all, &error);
  if (conflicts == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < conflicts->len; i++)
        {
          SihuaSyncConflict *conflict = g_ptr_array_index (conflicts, i);

          json_builder_begin_object (builder);
          sihua_cli_add_string_member (builder, "id", conflict->uuid);
          sihua_cli_add_int_member (builder, "assessment", conflict->assessment_id, TRUE);
          sihua_cli_add_string_member (builder, "assessment_uuid", conflict->assessment_uuid);
          sihua_cli_add_string_member (builder, "company", conflict->company_name);
          sihua_cli_add_string_member (builder, "question_id", conflict->question_id);
          add_state (builder, "mine", &conflict->mine);
          add_state (builder, "theirs", &conflict->theirs);
          sihua_cli_add_string_member (builder, "resolution", conflict->resolution);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  if (conflicts->len == 0)
    printf (_("No open conflicts\n"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      SihuaSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *id = g_strndup (conflict->uuid, 8);

      /* Translators: a conflict: its short id, the company, the assessment id, the question */
      printf (_("%s  %s, assessment %lld, %s%s\n"), id,
              sihua_cli_shown (conflict->company_name), (long long) conflict->assessment_id,
              sihua_cli_shown (conflict->question_id),
              conflict->resolution != NULL ? _(" (settled)") : "");
      printf (_("    mine: %s%s%s (%s)\n"), shown_value (&conflict->mine),
              conflict->mine.note != NULL ? " · " : "",
              conflict->mine.note != NULL ? sihua_cli_shown (conflict->mine.note) : "",
              conflict->mine.author != NULL ? sihua_cli_shown (conflict->mine.author) : "-");
      printf (_("    theirs: %s%s%s (%s)\n"), shown_value (&conflict->theirs),
              conflict->theirs.note != NULL ? " · " : "",
              conflict->theirs.note != NULL ? sihua_cli_shown (conflict->theirs.note) : "",
              conflict->theirs.author != NULL ? sihua_cli_shown (conflict->theirs.author) : "-");
    }

  return 0;
}

int
sihua_cli_conflicts_resolve_run (SihuaCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  SihuaSyncChoice choice;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { NULL }
  };

  if (!sihua_cli_parse_options ("conflicts resolve", entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sihua_cli_usage_error (_("conflicts resolve needs an ID and mine, theirs or both"));
  if (!sihua_sync_choice_from_string (argv[2], &choice))
    return sihua_cli_usage_error (_("Unknown choice %s: use mine, theirs or both"), argv[2]);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_WRITE, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  if (sihua_store_get_author (store) == NULL)
    sihua_store_set_author (store, g_get_user_name ());
  if (!sihua_sync_resolve_conflict (store, argv[1], choice, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "resolved", argv[1]);
      sihua_cli_add_string_member (builder, "choice", argv[2]);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("Settled; the decision goes to the server with the next sync\n"));

  return 0;
}
