/* sihua-cli-finalize.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "sihua-cli-assessment.h"
#include "sihua-cli-company.h"
#include "sihua-cli-finalize.h"
#include "sihua-cli-text.h"
#include "sihua-report-settings.h"
#include "sihua-report.h"

static int
print_assessment (SihuaCli    *cli,
                  SihuaStore  *store,
                  gint64       id,
                  const char  *text)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (!cli->json)
    {
      printf ("%s\n", text);
      return 0;
    }
  assessment = sihua_store_get_assessment (store, id, &error);
  if (assessment == NULL)
    return sihua_cli_fail_error (error);
  builder = json_builder_new ();
  sihua_cli_add_assessment (builder, assessment);
  sihua_cli_print_builder (builder);

  return 0;
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

int
sihua_cli_assessment_set_run (SihuaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *consultant = NULL;
  g_autofree char *target = NULL;
  g_autofree char *notes = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &consultant, NULL, NULL },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, NULL, NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, NULL, NULL },
    { NULL }
  };
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("assessment set", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sihua_cli_usage_error (_("assessment set needs an assessment ID and what to change "
                                    "(--date, --consultant, --target, --notes)"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment set", argv[1], &id, &status);
  if (store == NULL)
    return status;
  assessment = sihua_store_get_assessment (store, id, &error);
  if (assessment == NULL)
    return sihua_cli_fail_error (error);

  /* What is not given stays as it was; an empty text clears it. */
  if (date != NULL)
    replace_text (&assessment->date, date);
  if (consultant != NULL)
    replace_text (&assessment->consultant, *consultant != '\0' ? consultant : NULL);
  if (notes != NULL)
    replace_text (&assessment->notes, *notes != '\0' ? notes : NULL);
  if (target != NULL && *target == '\0')
    assessment->target_level = -1;
  else if (target != NULL)
    {
      char *end = NULL;
      gint64 level = g_ascii_strtoll (target, &end, 10);

      if (end == target || *end != '\0' || level < 0 || level > 4)
        return sihua_cli_usage_error (_("assessment set: --target needs a level from 0 to 4, not “%s”"), target);
      assessment->target_level = level;
    }

  if (!sihua_store_update_assessment (store, assessment, &error))
    return sihua_cli_fail_error (error);

  return print_assessment (cli, store, id, _("Assessment details saved"));
}

int
sihua_cli_assessment_finalize_run (SihuaCli  *cli,
                                   int        argc,
                                   char     **argv)
{
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the report kept: zh_CN or en"), "LANG" },
    { NULL }
  };
  g_autoptr(SihuaReportSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("assessment finalize", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sihua_cli_usage_error (_("assessment finalize needs an assessment ID"));

  settings = sihua_report_settings_load ();
  sihua_report_options_init (&options);
  sihua_report_settings_apply (settings, &options);
  if (!sihua_cli_parse_language ("assessment finalize", lang, &options.language, &status))
    return status;

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment finalize", argv[1], &id, &status);
  if (store == NULL)
    return status;
  if (!sihua_report_finalize (store, id, &options, &error))
    return sihua_cli_fail_error (error);

  return print_assessment (cli, store, id, _("Finalised; the report is kept in the database"));
}

int
sihua_cli_assessment_reopen_run (SihuaCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("assessment reopen", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || reason == NULL)
    return sihua_cli_usage_error (_("assessment reopen needs an assessment ID and --reason TEXT"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "assessment reopen", argv[1], &id, &status);
  if (store == NULL)
    return status;
  if (!sihua_store_reopen_assessment (store, id, reason, &error))
    return sihua_cli_fail_error (error);

  return print_assessment (cli, store, id, _("Reopened; the finalised revision and its report are kept"));
}

int
sihua_cli_assessment_revisions_run (SihuaCli  *cli,
                                    int        argc,
                                    char     **argv)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("assessment revisions needs an assessment ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_READ, "assessment revisions", argv[1], &id, &status);
  if (store == NULL)
    return status;
  revisions = sihua_store_list_revisions (store, id, &error);
  if (revisions == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < revisions->len; i++)
        {
          SihuaRevision *revision = g_ptr_array_index (revisions, i);
          g_autofree char *finalized = sihua_cli_format_iso_time (revision->finalized_at);
          g_autofree char *reopened = revision->reopened_at != 0 ? sihua_cli_format_iso_time (revision->reopened_at) : NULL;

          json_builder_begin_object (builder);
          sihua_cli_add_int_member (builder, "revision", revision->revision, TRUE);
          sihua_cli_add_string_member (builder, "finalized_at", finalized);
          sihua_cli_add_string_member (builder, "record_sha256", revision->record_sha256);
          sihua_cli_add_string_member (builder, "report_sha256", revision->report_sha256);
          sihua_cli_add_int_member (builder, "report_size", revision->report_size, revision->report_size > 0);
          sihua_cli_add_string_member (builder, "reopened_at", reopened);
          sihua_cli_add_string_member (builder, "reopen_reason", revision->reopen_reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  for (guint i = 0; i < revisions->len; i++)
    {
      SihuaRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *finalized = sihua_cli_format_time (revision->finalized_at);
      g_autofree char *short_hash = sihua_revision_short_hash (revision->record_sha256);

      printf (_("Revision %d, finalised %s, record %s, report SHA-256 %s\n"), revision->revision, finalized,
              short_hash, revision->report_sha256 != NULL ? revision->report_sha256 : "-");
      if (revision->reopened_at != 0)
        {
          g_autofree char *reopened = sihua_cli_format_time (revision->reopened_at);

          printf (_("  reopened %s: %s\n"), reopened, sihua_cli_shown (revision->reopen_reason));
        }
    }

  return 0;
}

/* Hands out the report kept at finalisation, byte for byte. */
int
sihua_cli_write_stored_report (SihuaCli   *cli,
                               gint64      id,
                               int         revision,
                               const char *output)
{
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  SihuaStore *store;

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  report = sihua_store_get_revision_report (store, id, revision, &error);
  if (report == NULL)
    return sihua_cli_fail_error (error);
  if (!g_file_set_contents (output, g_bytes_get_data (report, NULL), g_bytes_get_size (report), &error))
    return sihua_cli_fail_error (error);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, report);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "file", output);
      sihua_cli_add_string_member (builder, "sha256", sha256);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("Finalised report written to %s (SHA-256 %s)\n"), sihua_cli_shown (output), sha256);

  return 0;
}
