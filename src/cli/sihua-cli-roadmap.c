/* sihua-cli-roadmap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "sihua-cli-assessment.h"
#include "sihua-cli-roadmap.h"
#include "sihua-cli-text.h"
#include "sihua-results.h"
#include "sihua-roadmap.h"

/* The consultant's changes to an assessment's roadmap: `roadmap edit`,
 * `roadmap add` and `roadmap drop`. The store checks every value; these
 * commands only read the command line and find the measure. */

/* Whether @measure_id was a measure of the previous assessment's roadmap:
 * a re-assessment marks what became of them. */
static gboolean
followed_up (SihuaResults *results,
             const char   *measure_id)
{
  GArray *follow_up = sihua_results_get_follow_up (results);

  for (guint i = 0; follow_up != NULL && i < follow_up->len; i++)
    if (g_str_equal (g_array_index (follow_up, SihuaRoadmapFollowUp, i).item->recommendation->id, measure_id))
      return TRUE;

  return FALSE;
}

/* The measure's changes so far, or new ones; NULL after telling the user
 * that the roadmap has no such measure. */
static SihuaRoadmapEdit *
find_measure (SihuaStore *store,
              gint64      assessment_id,
              const char *command,
              const char *measure_id,
              int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaResults) results = sihua_results_load (store, assessment_id, NULL, &error);
  GPtrArray *edits;
  SihuaRoadmap *roadmap;

  if (results == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }

  roadmap = sihua_results_get_roadmap (results);
  if (sihua_roadmap_lookup (roadmap, measure_id) == NULL && !followed_up (results, measure_id))
    {
      *status = sihua_cli_fail (_("%s: the roadmap of assessment %lld has no measure “%s”; "
                                  "sihua-cli roadmap %lld lists them"),
                                command, (long long) assessment_id, sihua_cli_shown (measure_id),
                                (long long) assessment_id);
      return NULL;
    }

  edits = roadmap->edits;
  for (guint i = 0; i < edits->len; i++)
    {
      const SihuaRoadmapEdit *edit = g_ptr_array_index (edits, i);

      if (g_str_equal (edit->measure_id, measure_id))
        return sihua_roadmap_edit_copy (edit);
    }

  return sihua_roadmap_edit_new (measure_id);
}

/* An empty text clears the field. */
static void
replace_text (char       **field,
              const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = *value != '\0' ? g_strdup (value) : NULL;
}

static void
print_edit (SihuaCli               *cli,
            const SihuaRoadmapEdit *edit)
{
  if (cli->json)
    {
      g_autofree char *json = sihua_roadmap_edit_to_json (edit);
      g_autoptr(JsonNode) root = json_from_string (json, NULL);

      sihua_cli_print_json (root);
    }
  else
    printf ("%s\n", sihua_cli_shown (edit->measure_id));
}

int
sihua_cli_roadmap_edit_run (SihuaCli  *cli,
                            int        argc,
                            char     **argv)
{
  g_autofree char *owner = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *note = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *phase = NULL;
  GOptionEntry entries[] = {
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who carries it out: a department or a person"), "TEXT" },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget, N_("The budget in 10 000 yuan (万元)"), "N" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("The month it starts"), "YYYY-MM" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The month it is due"), "YYYY-MM" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_arg, N_("planned, in_progress, done or dropped"), "STATUS" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note for the plan"), "TEXT" },
    { "rank", 0, 0, G_OPTION_ARG_STRING, &rank, N_("Move it to this place in the roadmap (0: back to the rule's)"), "N" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("The earliest phase: short, medium or long"), "PHASE" },
    { NULL }
  };
  g_autoptr(SihuaRoadmapEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("roadmap edit", entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sihua_cli_usage_error (_("roadmap edit needs an assessment ID and a measure id"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "roadmap edit", argv[1], &id, &status);
  if (store == NULL)
    return status;
  edit = find_measure (store, id, "roadmap edit", argv[2], &status);
  if (edit == NULL)
    return status;

  replace_text (&edit->owner, owner);
  replace_text (&edit->start, start);
  replace_text (&edit->due, due);
  replace_text (&edit->note, note);
  if (budget != NULL)
    {
      char *end = NULL;
      double value = *budget != '\0' ? g_ascii_strtod (budget, &end) : NAN;

      if (*budget != '\0' && (end == budget || *end != '\0'))
        return sihua_cli_usage_error (_("roadmap edit: --budget must be a number of 万元, not “%s”"),
                                      sihua_cli_shown (budget));
      edit->budget = value;
    }
  if (status_arg != NULL && !sihua_measure_status_from_string (status_arg, &edit->status))
    return sihua_cli_usage_error (_("roadmap edit: --status must be planned, in_progress, done or "
                                    "dropped, not “%s”"), sihua_cli_shown (status_arg));
  if (rank != NULL)
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (rank, &end, 10);

      if (end == rank || *end != '\0' || value < 0 || value > G_MAXINT)
        return sihua_cli_usage_error (_("roadmap edit: --rank must be a place from 1, or 0, not “%s”"),
                                      sihua_cli_shown (rank));
      edit->rank = value > 0 ? (int) value : -1;
    }
  if (phase != NULL)
    {
      SihuaHorizon horizon;

      if (!sihua_horizon_from_string (phase, &horizon))
        return sihua_cli_usage_error (_("roadmap edit: --phase must be short, medium or long, not “%s”"),
                                      sihua_cli_shown (phase));
      edit->horizon = horizon;
    }

  if (!sihua_store_set_roadmap_edit (store, id, edit, &error))
    return sihua_cli_fail_error (error);
  print_edit (cli, edit);

  return 0;
}

int
sihua_cli_roadmap_add_run (SihuaCli  *cli,
                           int        argc,
                           char     **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *dimension = NULL;
  g_autofree char *measure_id = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the measure is"), "TEXT" },
    { "dimension", 0, 0, G_OPTION_ARG_STRING, &dimension, N_("The dimension it raises"), "ID" },
    { NULL }
  };
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("roadmap add", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || title == NULL)
    return sihua_cli_usage_error (_("roadmap add needs an assessment ID and --title TEXT"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "roadmap add", argv[1], &id, &status);
  if (store == NULL)
    return status;
  if (dimension != NULL)
    {
      model = sihua_store_load_assessment_model (store, id, &error);
      if (model == NULL)
        return sihua_cli_fail_error (error);
      if (sihua_model_lookup_dimension (model, dimension) == NULL)
        return sihua_cli_fail (_("roadmap add: the model has no dimension “%s”; "
                                 "sihua-cli model show %s lists them"),
                               sihua_cli_shown (dimension), sihua_model_get_id (model));
    }

  measure_id = sihua_store_add_own_measure (store, id, title, dimension, &error);
  if (measure_id == NULL)
    return sihua_cli_fail_error (error);
  printf ("%s\n", measure_id);

  return 0;
}

int
sihua_cli_roadmap_drop_run (SihuaCli  *cli,
                            int        argc,
                            char     **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(SihuaRoadmapEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("roadmap drop", entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sihua_cli_usage_error (_("roadmap drop needs an assessment ID and a measure id"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "roadmap drop", argv[1], &id, &status);
  if (store == NULL)
    return status;
  edit = find_measure (store, id, "roadmap drop", argv[2], &status);
  if (edit == NULL)
    return status;

  edit->status = SIHUA_MEASURE_DROPPED;
  if (!sihua_store_set_roadmap_edit (store, id, edit, &error))
    return sihua_cli_fail_error (error);
  print_edit (cli, edit);

  return 0;
}
