/* sihua-cli-bundle.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-bundle.h"
#include "sihua-cli-bundle.h"
#include "sihua-cli-text.h"

int
sihua_cli_bundle_export_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_auto(GStrv) companies = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING_ARRAY, &companies, N_("Bundle this company (repeat for more; default: all)"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The bundle file to write"), "FILE.sihua" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("bundle export", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);
  if (output == NULL)
    return sihua_cli_usage_error (_("bundle export needs -o FILE.sihua"));

  if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);
  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);

  if (!sihua_bundle_export (store, (const char * const *) companies, output, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bundle");
      json_builder_add_string_value (builder, output);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      sihua_cli_print_json (root);
    }
  else
    printf ("%s\n", sihua_cli_shown (output));

  return 0;
}

static void
print_report (SihuaBundleReport *report,
              gboolean           done)
{
  printf (done ? _("Imported:\n") : _("Would import:\n"));
  printf (_("  companies added: %u, unchanged: %u\n"),
          report->companies_added, report->companies_skipped);
  printf (_("  assessments added: %u, unchanged: %u, with new answers: %u\n"),
          report->assessments_added, report->assessments_skipped, report->assessments_merged);
  printf (_("  answers added: %u, taken from theirs: %u, kept mine: %u, conflicts resolved: %u\n"),
          report->answers_added, report->answers_taken, report->answers_kept,
          report->conflicts_resolved);
  printf (_("  companies merged (same credit code): %u, history entries added: %u, models added: %u\n"),
          report->companies_merged, report->history_added, report->models_added);
  printf (_("  evidence files added: %u\n"), report->evidence_added);

  if (report->conflicts->len > 0)
    printf (_("Conflicts (changed on both sides, or the same company entered twice):\n"));
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, i);
      g_autofree char *fields = g_strjoinv (", ", conflict->fields);

      if (conflict->kind == SIHUA_BUNDLE_ROW_SAME_COMPANY)
        /* Translators: the company in the bundle, then the one here with its credit code */
        printf (_("  company %s (%s) has the credit code of %s here: the same company? mine or theirs merges them (keeping this computer's or the bundle's details), both keeps them apart"),
                sihua_cli_shown (conflict->label), sihua_cli_shown (conflict->uuid),
                sihua_cli_shown (conflict->local_label));
      else
        printf ("  %s %s (%s): %s",
                conflict->kind == SIHUA_BUNDLE_ROW_COMPANY ? _("company") : _("assessment"),
                sihua_cli_shown (conflict->label), sihua_cli_shown (conflict->uuid), sihua_cli_shown (fields));
      if (conflict->choice != SIHUA_BUNDLE_CHOICE_NONE)
        printf (" → %s", sihua_bundle_choice_to_string (conflict->choice));
      printf ("\n");
      for (guint a = 0; a < conflict->answers->len; a++)
        {
          SihuaBundleAnswerConflict *answer = g_ptr_array_index (conflict->answers, a);

          /* Translators: an answer changed on both sides: question id, then each side's value and note */
          printf (_("    %s: mine %s%s%s, theirs %s%s%s\n"), sihua_cli_shown (answer->question_id),
                  answer->mine.value != NULL ? sihua_cli_shown (answer->mine.value) : _("(not answered)"),
                  answer->mine.note != NULL ? " · " : "",
                  answer->mine.note != NULL ? sihua_cli_shown (answer->mine.note) : "",
                  answer->theirs.value != NULL ? sihua_cli_shown (answer->theirs.value) : _("(not answered)"),
                  answer->theirs.note != NULL ? " · " : "",
                  answer->theirs.note != NULL ? sihua_cli_shown (answer->theirs.note) : "");
        }
    }
}

int
sihua_cli_bundle_import_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autofree char *on_conflict = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SihuaBundleChoice choice = SIHUA_BUNDLE_CHOICE_NONE;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { "on-conflict", 0, 0, G_OPTION_ARG_STRING, &on_conflict, N_("What to do with rows changed on both sides, and with a company entered on both laptops: mine, theirs or both"), "CHOICE" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("bundle import", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sihua_cli_usage_error (_("bundle import needs one FILE.sihua"));
  if (on_conflict != NULL && !sihua_bundle_choice_from_string (on_conflict, &choice))
    return sihua_cli_usage_error (_("Unknown choice %s: use mine, theirs or both"), on_conflict);

  /* Everything is checked before the database is even opened. */
  bundle = sihua_bundle_load (argv[1], &error);
  if (bundle == NULL)
    return sihua_cli_fail_error (error);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_CREATE, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);

  report = sihua_bundle_analyse (bundle, store, choice, &error);
  if (report == NULL)
    return sihua_cli_fail_error (error);

  if (report->conflicts->len > 0 && choice == SIHUA_BUNDLE_CHOICE_NONE)
    {
      if (cli->json)
        {
          g_autoptr(JsonNode) root = sihua_bundle_report_to_json (report);
          json_object_set_boolean_member (json_node_get_object (root), "imported", FALSE);
          sihua_cli_print_json (root);
        }
      else
        print_report (report, FALSE);
      return sihua_cli_fail (ngettext ("%u row needs a choice (changed on both sides, or the same company entered twice); nothing was imported. Choose with --on-conflict mine, theirs or both",
                                       "%u rows need a choice (changed on both sides, or the same company entered twice); nothing was imported. Choose with --on-conflict mine, theirs or both",
                                       report->conflicts->len),
                             report->conflicts->len);
    }

  if (!sihua_bundle_import (bundle, store, report, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = sihua_bundle_report_to_json (report);
      json_object_set_boolean_member (json_node_get_object (root), "imported", TRUE);
      sihua_cli_print_json (root);
    }
  else
    print_report (report, TRUE);

  return 0;
}
