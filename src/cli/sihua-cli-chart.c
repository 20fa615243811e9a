/* sihua-cli-chart.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-chart.h"
#include "sihua-cli-chart.h"
#include "sihua-text.h"

#define MAX_SIZE 8000

static SihuaChartData *
load_from_store (SihuaCli      *cli,
                 const char    *id_text,
                 SihuaLanguage  language,
                 GError       **error);

int
sihua_cli_chart_run (SihuaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *data_file = NULL;
  g_autoptr(SihuaChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dark = FALSE;
  int width = 800;
  int height = 560;
  int status = 0;
  SihuaChartKind kind;
  SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("radar, ladder, bars, heatmap or trend"), "KIND" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG file to write"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 800)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 560)"), "H" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the chart: zh_CN or en"), "LANG" },
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_file, N_("Draw chart data from a JSON file instead of an assessment"), "FILE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the colours of the dark theme"), NULL },
    { NULL }
  };

  if (!sihua_cli_parse_options ("chart", entries, &argc, &argv, &status))
    return status;

  if (kind_name == NULL || !sihua_chart_kind_from_string (kind_name, &kind))
    return sihua_cli_usage_error (_("chart: --kind must be radar, ladder, bars, heatmap or trend"));
  if (output == NULL)
    return sihua_cli_usage_error (_("chart: name the PNG to write with -o FILE"));
  if (width < 50 || height < 50 || width > MAX_SIZE || height > MAX_SIZE)
    return sihua_cli_usage_error (_("chart: width and height must be between 50 and %d pixels"), MAX_SIZE);

  if (lang != NULL)
    {
      if (g_strcmp0 (lang, "zh_CN") == 0)
        language = SIHUA_LANGUAGE_ZH_CN;
      else if (g_strcmp0 (lang, "en") == 0)
        language = SIHUA_LANGUAGE_EN;
      else
        return sihua_cli_usage_error (_("chart: --lang must be zh_CN or en, not “%s”"), lang);
    }

  if (data_file != NULL)
    {
      if (argc > 1)
        return sihua_cli_usage_error (_("chart: give either an assessment ID or --data, not both"));
      data = sihua_chart_data_new_from_file (data_file, language, &error);
    }
  else
    {
      if (argc != 2)
        return sihua_cli_usage_error (_("chart: which assessment? Give its ID (or --data FILE)"));
      data = load_from_store (cli, argv[1], language, &error);
    }

  if (data == NULL)
    return sihua_cli_fail_error (error);

  if (!sihua_chart_render_png (kind, data, dark ? SIHUA_PALETTE_DARK : SIHUA_PALETTE_LIGHT,
                               width, height, output, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sihua_chart_kind_to_string (kind));
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, width);
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, height);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      sihua_cli_print_json (root);
    }

  return 0;
}

static SihuaChartData *
load_from_store (SihuaCli      *cli,
                 const char    *id_text,
                 SihuaLanguage  language,
                 GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Charts of stored assessments are not available yet; use --data FILE"));
  return NULL;
}
