/* sihua-cli-export.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-export.h"
#include "sihua-cli-text.h"
#include "sihua-answer-sheet-export.h"
#include "sihua-export.h"
#include "sihua-results.h"
#include "sihua-text.h"

/* The answers of one assessment as the official form asks them. */
static int
export_answer_sheet (SihuaCli                 *cli,
                     const SihuaExportOptions *options,
                     const char               *assessment,
                     const char               *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (assessment == NULL)
    return sihua_cli_usage_error (_("--answer-sheet needs --assessment ID"));
  if (options->format == SIHUA_EXPORT_FORMAT_JSON)
    return sihua_cli_usage_error (_("The answer sheet is written as csv or xlsx"));
  if (!sihua_cli_parse_assessment_id ("export", assessment, &id, &status))
    return status;
  if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  results = sihua_results_load (store, id, NULL, &error);
  if (results == NULL)
    return sihua_cli_fail_error (error);

  lines = sihua_answer_sheet_export_build (sihua_results_get_model (results),
                                           sihua_results_get_answers (results), options->language);
  if (!sihua_answer_sheet_export_write (lines, options->format == SIHUA_EXPORT_FORMAT_XLSX
                                               ? SIHUA_ANSWER_SHEET_EXPORT_XLSX
                                               : SIHUA_ANSWER_SHEET_EXPORT_CSV,
                                       output, options->language, &error))
    return sihua_cli_fail_error (error);

  printf ("%s\n", sihua_cli_shown (output));
  return 0;
}

int
sihua_cli_export_run (SihuaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  gboolean bom = FALSE;
  gboolean answer_sheet = FALSE;
  gboolean no_bom = FALSE;
  gboolean localized = FALSE;
  SihuaExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  int status;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("csv, xlsx or json"), "FORMAT" },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company, N_("Export only this company"), "ID" },
    { "assessment", 0, 0, G_OPTION_ARG_STRING, &assessment, N_("Export only this assessment"), "ID" },
    /* The mark is written by default; --bom stays accepted for older scripts. */
    { "bom", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &bom, NULL, NULL },
    { "no-bom", 0, 0, G_OPTION_ARG_NONE, &no_bom,
      N_("Leave out the byte order mark CSV files start with (for programs other than Excel)"), NULL },
    { "localized", 0, 0, G_OPTION_ARG_NONE, &localized,
      N_("Head CSV and XLSX columns, and name statuses, in the user's language"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of question texts: zh_CN or en"), "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE" },
    { "answer-sheet", 0, 0, G_OPTION_ARG_NONE, &answer_sheet, N_("Write the answer sheet of one assessment (--assessment), in the order of the official form; csv or xlsx"), NULL },
    { NULL }
  };

  if (!sihua_cli_parse_options ("export", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);
  if (format_name == NULL)
    return sihua_cli_usage_error (_("export needs --format csv, xlsx or json"));
  if (!sihua_export_format_from_string (format_name, &options.format))
    return sihua_cli_usage_error (_("Unknown export format %s: use csv, xlsx or json"), format_name);
  if (output == NULL)
    return sihua_cli_usage_error (_("export needs -o FILE"));
  if (company != NULL && assessment != NULL)
    return sihua_cli_usage_error (_("Give --company or --assessment, not both"));
  if (bom && no_bom)
    return sihua_cli_usage_error (_("Give --bom or --no-bom, not both"));

  options.language = sihua_language_from_locale ();
  if (lang != NULL)
    {
      gboolean ok;

      options.language = sihua_language_from_string (lang, &ok);
      if (!ok)
        return sihua_cli_usage_error (_("Unknown language %s: use zh_CN or en"), lang);
    }
  if (answer_sheet)
    return export_answer_sheet (cli, &options, assessment, output);

  options.company = company;
  options.assessment = assessment;
  /* Excel on Windows reads a CSV without the mark in the ANSI code page,
   * which garbles Chinese. */
  options.bom = !no_bom;
  options.localized = localized;

  if (options.format == SIHUA_EXPORT_FORMAT_CSV)
    {
      for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
        {
          g_autofree char *path = sihua_export_csv_table_path (output, t);

          if (!sihua_cli_check_output (cli, path, &error))
            return sihua_cli_fail_error (error);
        }
    }
  else if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);

  if (!sihua_export_to_file (store, &options, output, NULL, NULL, NULL, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      if (options.format == SIHUA_EXPORT_FORMAT_CSV)
        for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
          {
            g_autofree char *path = sihua_export_csv_table_path (output, t);
            json_builder_add_string_value (builder, path);
          }
      else
        json_builder_add_string_value (builder, output);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      sihua_cli_print_json (root);
      return 0;
    }

  if (options.format == SIHUA_EXPORT_FORMAT_CSV)
    for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
      {
        g_autofree char *path = sihua_export_csv_table_path (output, t);
        printf ("%s\n", sihua_cli_shown (path));
      }
  else
    printf ("%s\n", sihua_cli_shown (output));

  return 0;
}
