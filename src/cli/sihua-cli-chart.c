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
#include "sihua-results.h"
#include "sihua-text.h"

#define MAX_SIZE 8000

static SihuaChartData *load_from_store (SihuaCli      *cli,
                                        gint64         id,
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

  if (!sihua_cli_parse_language ("chart", lang, &language, &status))
    return status;

  if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);

  if (data_file != NULL)
    {
      if (argc > 1)
        return sihua_cli_usage_error (_("chart: give either an assessment ID or --data, not both"));
      data = sihua_chart_data_new_from_file (data_file, language, &error);
    }
  else
    {
      gint64 id;

      if (argc != 2)
        return sihua_cli_usage_error (_("chart: which assessment? Give its ID (or --data FILE)"));
      if (!sihua_cli_parse_assessment_id ("chart", argv[1], &id, &status))
        return status;
      data = load_from_store (cli, id, language, &error);
    }

  if (data == NULL)
    return sihua_cli_fail_error (error);

  if (!sihua_chart_render_png (kind, data, dark ? SIHUA_PALETTE_DARK : SIHUA_PALETTE_LIGHT,
                               width, height, output, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

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
      sihua_cli_print_builder (builder);
    }

  return 0;
}

static int
compare_assessment_dates (gconstpointer a,
                          gconstpointer b)
{
  const SihuaAssessment *x = *(SihuaAssessment * const *)a;
  const SihuaAssessment *y = *(SihuaAssessment * const *)b;

  int by_date = g_strcmp0 (x->date, y->date);

  if (by_date != 0)
    return by_date;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The chart data of a stored assessment: its score, the previous
 * assessment's, its target stage, and every assessment of the company as
 * progress over time. */
static SihuaChartData *
load_from_store (SihuaCli      *cli,
                 gint64         id,
                 SihuaLanguage  language,
                 GError       **error)
{
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const SihuaAssessment *assessment;
  SihuaChartData *data;
  SihuaStore *store;

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, error);
  if (store == NULL)
    return NULL;
  results = sihua_results_load (store, id, NULL, error);
  if (results == NULL)
    return NULL;
  assessment = sihua_results_get_assessment (results);

  data = sihua_chart_data_new_from_score (sihua_results_get_score (results),
                                          sihua_results_get_previous_score (results),
                                          assessment->target_level, language);
  sihua_chart_data_add_roadmap (data, sihua_results_get_roadmap (results));

  history = sihua_store_list_assessments (store, assessment->company_id, NULL);
  if (history != NULL)
    {
      g_ptr_array_sort (history, compare_assessment_dates);
      for (guint i = 0; i < history->len; i++)
        {
          const SihuaAssessment *past = g_ptr_array_index (history, i);
          g_autoptr(SihuaResults) past_results = NULL;
          SihuaScore *past_score;

          if (past->date == NULL)
            continue;
          if (past->id == id)
            {
              sihua_chart_data_add_point (data, past->date, data->index, data->stage);
              continue;
            }
          past_results = sihua_results_load (store, past->id, NULL, NULL);
          past_score = past_results != NULL ? sihua_results_get_score (past_results) : NULL;
          if (past_score != NULL && sihua_score_get_stage (past_score) >= 0)
            sihua_chart_data_add_point (data, past->date, sihua_score_round1 (sihua_score_get_index (past_score)),
                                        sihua_score_get_stage (past_score));
        }
    }

  return data;
}
