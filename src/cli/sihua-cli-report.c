/* sihua-cli-report.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-finalize.h"
#include "sihua-cli-report.h"
#include "sihua-cli-text.h"
#include "sihua-report-settings.h"
#include "sihua-report.h"

int
sihua_cli_report_run (SihuaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *sections_text = NULL;
  g_autoptr(SihuaReportSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;
  SihuaStore *store;
  gboolean stored = FALSE;
  int revision = 0;
  gint64 id;
  int status = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the report: zh_CN or en"), "LANG" },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &sections_text,
      N_("Sections to include, separated by commas (cover, summary, guide, dimensions, evidence, "
         "barriers, roadmap, appendix)"), "LIST" },
    { "stored", 0, 0, G_OPTION_ARG_NONE, &stored,
      N_("Hand out the report kept when the assessment was finalised, byte for byte"), NULL },
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision,
      N_("With --stored: the revision whose report to hand out (default: the latest)"), "N" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("report", entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return sihua_cli_usage_error (_("report: give one assessment ID"));
  if (!sihua_cli_parse_assessment_id ("report", argv[1], &id, &status))
    return status;
  if (output == NULL || *output == '\0')
    return sihua_cli_usage_error (_("report: name the PDF to write with -o FILE"));

  if (stored)
    {
      if (!sihua_cli_check_output (cli, output, &error))
        return sihua_cli_fail_error (error);
      return sihua_cli_write_stored_report (cli, id, revision, output);
    }

  /* The consultant, firm, logo and default language of the preferences. */
  settings = sihua_report_settings_load ();
  sihua_report_options_init (&options);
  sihua_report_settings_apply (settings, &options);
  if (!sihua_cli_parse_language ("report", lang, &options.language, &status))
    return status;

  if (sections_text != NULL && !sihua_report_sections_parse (sections_text, &options.sections, &error))
    return sihua_cli_usage_error ("report: %s", error->message);

  if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);
  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);

  if (!sihua_report_write_from_store (store, id, &options, output, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, sihua_language_to_string (options.language));
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("Report written to %s\n"), sihua_cli_shown (output));

  return 0;
}
