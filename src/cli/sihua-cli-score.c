/* sihua-cli-score.c
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

#include "sihua-cli-score.h"
#include "sihua-cli-text.h"
#include "sihua-model-catalog.h"
#include "sihua-number-format.h"
#include "sihua-results.h"
#include "sihua-score-json.h"

static SihuaModel *
load_model (const char  *model_arg,
            GError     **error)
{
  g_autoptr(SihuaModelCatalog) catalog = NULL;

  /* A path to a model file, or the id of a known model. */
  if (g_file_test (model_arg, G_FILE_TEST_IS_REGULAR))
    return sihua_model_new_from_file (model_arg, error);

  catalog = sihua_model_catalog_new (NULL);
  return sihua_model_catalog_lookup (catalog, model_arg, NULL, error);
}

/* The results both commands show: of a stored assessment (an ID), or of
 * answers in a file (--model and --answers). Returns 0 when @results is
 * set, else the exit status. */
static int
load_results (SihuaCli      *cli,
              const char    *command,
              int            argc,
              char         **argv,
              const char    *model_arg,
              const char    *answers_arg,
              SihuaResults **results)
{
  g_autoptr(GError) error = NULL;

  if (model_arg != NULL || answers_arg != NULL)
    {
      if (argc > 1)
        return sihua_cli_usage_error (_("%s: give either an assessment ID or --model and --answers, not both"),
                                      command);
      if (model_arg == NULL || answers_arg == NULL)
        return sihua_cli_usage_error (_("%s: --model and --answers go together"), command);

      g_autoptr(SihuaModel) model = NULL;
      g_autoptr(GHashTable) answers = NULL;

      model = load_model (model_arg, &error);
      if (model == NULL)
        return sihua_cli_fail_error (error);
      answers = sihua_score_read_answers_file (model, answers_arg, &error);
      if (answers == NULL)
        return sihua_cli_fail_error (error);
      *results = sihua_results_new (NULL, NULL, model, answers, NULL, NULL, NULL);
      return 0;
    }
  else
    {
      SihuaStore *store;
      gint64 id;
      int status = 0;

      if (argc != 2)
        return sihua_cli_usage_error (_("%s: which assessment? Give its ID (or --model and --answers)"),
                                      command);
      if (!sihua_cli_parse_assessment_id (command, argv[1], &id, &status))
        return status;

      store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
      if (store == NULL)
        return sihua_cli_fail_error (error);

      /* Scored with the model version the assessment is pinned to. */
      *results = sihua_results_load (store, id, NULL, &error);
      if (*results == NULL)
        return sihua_cli_fail_error (error);
      return 0;
    }
}

static const char *
level_name (SihuaModel    *model,
            int            level,
            SihuaLanguage  language)
{
  const SihuaLevel *l = level >= 0 ? sihua_model_get_level (model, level) : NULL;

  return l != NULL ? sihua_text_get (&l->name, language, NULL) : "—";
}

/* "level 2 (Automation)", "第 2 级（自动化）", as the window and the report say it. */
static char *
stage_phrase (SihuaModel    *model,
              int            level,
              SihuaLanguage  language)
{
  /* Translators: a stage of the model in a sentence: its number and name */
  return g_strdup_printf (_("level %d (%s)"), level, sihua_cli_shown (level_name (model, level, language)));
}

static void
print_gap_questions (const SihuaDimensionGap *gap)
{
  for (guint i = 0; i < gap->questions->len; i++)
    {
      const SihuaQuestionGap *q = &g_array_index (gap->questions, SihuaQuestionGap, i);

      printf ("      %s: %d → %d\n", sihua_cli_shown (q->question->id), q->level, q->needed);
    }
}

static const char *
trend_name (SihuaTrend trend)
{
  switch (trend)
    {
    case SIHUA_TREND_IMPROVED:
      return _("improved");
    case SIHUA_TREND_DECLINED:
      return _("declined");
    case SIHUA_TREND_UNCHANGED:
      return _("unchanged");
    case SIHUA_TREND_NEW:
      return _("newly scored");
    case SIHUA_TREND_DROPPED:
      return _("no longer scored");
    case SIHUA_TREND_UNSCORED:
    default:
      return _("not scored");
    }
}

static void
print_comparison (SihuaComparison *comparison,
                  gint64           previous_id,
                  SihuaScore      *score,
                  SihuaLanguage    language)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, previous_id);

  printf ("\n");
  printf (_("Since assessment %s:"), id);
  printf (" %s", trend_name (comparison->trend));
  if (!isnan (comparison->index_delta))
    printf (_(", index %+.1f, stage %+d"),
            sihua_number_change_shown (comparison->previous_index, comparison->current_index),
            comparison->stage_delta);
  printf ("\n");

  for (guint i = 0; i < comparison->dimensions->len; i++)
    {
      const SihuaDimensionChange *change = &g_array_index (comparison->dimensions, SihuaDimensionChange, i);
      const SihuaDimensionScore *d = sihua_score_lookup_dimension (score, change->dimension_id);
      const char *title = d != NULL ? sihua_text_get (&d->dimension->title, language, NULL)
                                    : change->dimension_id;

      if (isnan (change->delta))
        printf ("  %-12s %s\n", sihua_cli_shown (title), trend_name (change->trend));
      else
        printf ("  %-12s %+5.1f  %s\n", sihua_cli_shown (title),
                sihua_number_change_shown (change->previous_score, change->current_score),
                trend_name (change->trend));
    }
}

/* The official currency of a points model: each area's points out of its
 * maximum, and how many of each subset's dimensions reach each level. */
static void
print_points (SihuaScore    *score,
              SihuaLanguage  language)
{
  SihuaModel *model = sihua_score_get_model (score);
  g_auto(GStrv) subsets = sihua_model_list_subsets (model);

  printf (_("Points: %.1f of %.0f"), sihua_score_round1 (sihua_score_get_points_total (score)),
          sihua_score_get_points_max (score));
  printf ("\n");
  for (guint i = 0; i < sihua_score_get_n_area_points (score); i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (score, i);

      printf ("  %-12s %5.1f / %g\n", sihua_cli_shown (sihua_text_get (&area->area->title, language, NULL)),
              sihua_score_round1 (area->points), area->max);
    }

  for (guint i = 0; subsets[i] != NULL; i++)
    {
      printf (_("At each level or above (%s, %u):"), sihua_cli_shown (subsets[i]),
              g_strv_length ((GStrv) sihua_model_get_subset (model, subsets[i])));
      for (int level = 1; level <= sihua_score_get_max_stage (score); level++)
        printf ("  %s %u", sihua_cli_shown (level_name (model, level, language)),
                sihua_score_count_at_stage (score, subsets[i], level));
      printf ("\n");
    }
}

/* The next level in the official terms, and the items that give the most
 * points for one change each. */
static void
print_points_gap (const SihuaPointsGap *gap,
                  SihuaModel           *model,
                  SihuaLanguage         language)
{
  g_autofree char *text = sihua_points_gap_describe (gap, model, language);
  guint shown;

  if (text == NULL)
    return;

  printf ("\n%s\n", sihua_cli_shown (text));
  if (gap->steps->len == 0)
    return;

  /* Enough steps to close the points gap, and never fewer than a handful
   * to choose from. */
  shown = MIN (gap->steps->len, MAX (gap->steps_enough, 5));
  printf ("%s\n", _("Most points for the least change:"));
  for (guint i = 0; i < shown; i++)
    {
      const SihuaPointsStep *step = &g_array_index (gap->steps, SihuaPointsStep, i);
      g_autofree char *letter = g_ascii_strup (step->option->id, -1);

      printf ("  +%-6g %s → %s %s\n", step->gain, sihua_cli_shown (step->question->id), letter,
              sihua_cli_shown (sihua_text_get (&step->option->text, language, NULL)));
    }
}

static void
print_score (SihuaScore     *score,
             GArray         *flags,
             SihuaNextLevel *next,
             SihuaPointsGap *points_gap,
             SihuaLanguage   language)
{
  SihuaModel *model = sihua_score_get_model (score);
  int stage = sihua_score_get_stage (score);

  printf ("%s %s %s\n", _("Model:"), sihua_cli_shown (sihua_model_get_id (model)),
          sihua_cli_shown (sihua_model_get_version (model)));
  if (stage >= 0)
    {
      g_autofree char *phrase = stage_phrase (model, stage, language);

      printf ("%s %s\n", _("Overall stage:"), phrase);
    }
  else
    printf ("%s %s\n", _("Overall stage:"), _("not scored yet"));
  if (!isnan (sihua_score_get_index (score)))
    printf ("%s %.1f\n", _("Index:"), sihua_score_round1 (sihua_score_get_index (score)));
  if (sihua_score_get_n_area_points (score) > 0)
    print_points (score, language);
  printf (_("Answered: %u of %u applicable questions"),
          sihua_score_get_answered (score), sihua_score_get_applicable (score));
  printf (" (%s)\n", sihua_score_is_complete (score) ? _("complete") : _("incomplete"));

  printf ("\n%s\n", _("Dimensions:"));
  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);
      const char *title = sihua_text_get (&d->dimension->title, language, NULL);

      if (d->scored && !d->has_levels)
        printf ("  %-12s %5.1f  (%u/%u)\n", sihua_cli_shown (title), sihua_score_round1 (d->score),
                d->answered, d->applicable);
      else if (d->scored)
        printf ("  %-12s %5.1f  %d %s  (%u/%u)\n", sihua_cli_shown (title), sihua_score_round1 (d->score),
                d->stage, sihua_cli_shown (level_name (model, d->stage, language)), d->answered, d->applicable);
      else
        printf ("  %-12s %5s  %s  (%u/%u)\n", sihua_cli_shown (title), "—", _("not scored"),
                d->answered, d->applicable);
    }

  if (flags->len > 0)
    {
      printf ("\n%s\n", _("To verify:"));
      for (guint i = 0; i < flags->len; i++)
        {
          const SihuaAnswerFlag *flag = &g_array_index (flags, SihuaAnswerFlag, i);
          g_autofree char *text = sihua_answer_flag_describe (flag, model, language);

          printf ("  %s: %s\n", sihua_cli_shown (flag->question->id), sihua_cli_shown (text));
        }
    }

  if (points_gap != NULL)
    print_points_gap (points_gap, model, language);

  if (next->target >= 0)
    {
      g_autofree char *phrase = stage_phrase (model, next->target, language);

      printf ("\n%s %s\n", _("For the next stage:"), phrase);
      for (guint i = 0; i < next->requirements->len; i++)
        {
          g_autofree char *text = sihua_requirement_gap_describe (&g_array_index (next->requirements,
                                                                                  SihuaRequirementGap, i),
                                                                  model, language);
          printf ("  - %s\n", sihua_cli_shown (text));
        }
      for (guint i = 0; i < next->overall->len; i++)
        {
          const SihuaDimensionGap *gap = g_ptr_array_index (next->overall, i);
          g_autofree char *text = sihua_dimension_gap_describe (gap, model, language);

          printf ("  - %s\n", sihua_cli_shown (text));
          print_gap_questions (gap);
        }
    }
}

int
sihua_cli_score_run (SihuaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autofree char *model_arg = NULL;
  g_autofree char *answers_arg = NULL;
  g_autofree char *lang = NULL;
  g_autoptr(SihuaResults) results = NULL;
  const SihuaAssessment *previous;
  SihuaScore *score;
  SihuaLanguage language = sihua_language_from_locale ();
  int status = 0;
  GOptionEntry entries[] = {
    { "model", 0, 0, G_OPTION_ARG_STRING, &model_arg, N_("Score against this model (file or id) instead of an assessment"), "MODEL" },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_arg, N_("The answers file to score with --model"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the texts: zh_CN or en"), "LANG" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("score", entries, &argc, &argv, &status))
    return status;
  if (!sihua_cli_parse_language ("score", lang, &language, &status))
    return status;
  status = load_results (cli, "score", argc, argv, model_arg, answers_arg, &results);
  if (status != 0)
    return status;

  score = sihua_results_get_score (results);
  previous = sihua_results_get_previous (results);
  if (cli->json)
    {
      g_autoptr(JsonNode) root = sihua_score_to_json (score, sihua_results_get_flags (results),
                                                      sihua_results_get_next_level (results), language);
      JsonNode *since = previous != NULL
                        ? sihua_comparison_to_json (sihua_results_get_comparison (results),
                                                    previous->id, previous->date)
                        : json_node_new (JSON_NODE_NULL);

      json_object_set_member (json_node_get_object (root), "previous", since);
      if (sihua_results_get_points_gap (results) != NULL)
        json_object_set_member (json_node_get_object (root), "next_points",
                                sihua_points_gap_to_json (sihua_results_get_points_gap (results),
                                                          sihua_score_get_model (score), language));
      sihua_cli_print_json (root);
    }
  else
    {
      print_score (score, sihua_results_get_flags (results), sihua_results_get_next_level (results),
                   sihua_results_get_points_gap (results), language);
      if (previous != NULL)
        print_comparison (sihua_results_get_comparison (results), previous->id, score, language);
    }

  return 0;
}

static void
print_item (const SihuaRoadmapItem *item,
            SihuaModel             *model,
            SihuaLanguage           language)
{
  const SihuaRecommendation *recommendation = item->recommendation;
  const SihuaRoadmapEdit *edit = item->edit;
  g_autofree char *reason = sihua_roadmap_item_describe_reason (item, model, language, NULL, NULL);
  guint number = item->rank;

  printf ("  %u. %s", number, sihua_cli_shown (sihua_text_get (&recommendation->title, language, NULL)));
  if (item->dimension != NULL)
    printf (" (%s → %d)", sihua_cli_shown (sihua_text_get (&item->dimension->title, language, NULL)),
            recommendation->level);
  if (recommendation->quick_win)
    printf (" [%s]", _("quick win"));
  printf ("\n");
  if (*reason != '\0')
    printf ("     %s\n", sihua_cli_shown (reason));
  if (edit != NULL && (edit->owner != NULL || edit->start != NULL || edit->due != NULL
                       || !isnan (edit->budget) || edit->status != SIHUA_MEASURE_PLANNED))
    {
      printf ("     %s", sihua_measure_status_describe (edit->status));
      if (edit->owner != NULL)
        printf (" · %s", sihua_cli_shown (edit->owner));
      if (!isnan (edit->budget))
        {
          printf (" · ");
          printf (_("budget %g × 10 000 yuan"), edit->budget);
        }
      if (edit->start != NULL || edit->due != NULL)
        printf (" · %s–%s", edit->start != NULL ? sihua_cli_shown (edit->start) : "",
                edit->due != NULL ? sihua_cli_shown (edit->due) : "");
      printf ("\n");
    }
}

static void
print_roadmap (SihuaRoadmap  *roadmap,
               SihuaModel    *model,
               SihuaLanguage  language)
{
  g_autofree char *from = stage_phrase (model, MAX (roadmap->stage, 0), language);
  g_autofree char *to = stage_phrase (model, roadmap->target, language);
  printf (_("Roadmap from %s to %s"), from, to);
  printf ("\n");

  if (roadmap->gaps->len > 0)
    {
      printf ("\n%s\n", _("Gaps:"));
      for (guint i = 0; i < roadmap->gaps->len; i++)
        {
          const SihuaTargetGap *gap = &g_array_index (roadmap->gaps, SihuaTargetGap, i);

          printf ("  %s: ", sihua_cli_shown (sihua_text_get (&gap->dimension->title, language, NULL)));
          printf (ngettext ("stage %d, %d level missing", "stage %d, %d levels missing", gap->missing),
                  gap->stage, gap->missing);
          printf ("\n");
        }
    }

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      const SihuaRoadmapPhase *phase = &roadmap->phases[h];

      if (phase->items->len == 0)
        continue;
      printf ("\n%s\n", sihua_horizon_describe (phase->horizon));
      for (guint i = 0; i < phase->items->len; i++)
        print_item (&g_array_index (phase->items, SihuaRoadmapItem, i), model, language);
    }

  if (sihua_roadmap_get_n_items (roadmap) == 0)
    printf ("\n%s\n", _("No recommended actions between this stage and the target."));

  if (roadmap->barriers->len > 0)
    {
      printf ("\n%s\n", _("For the barriers the company reported:"));
      for (guint i = 0; i < roadmap->barriers->len; i++)
        {
          const SihuaRoadmapItem *item = &g_array_index (roadmap->barriers, SihuaRoadmapItem, i);

          printf ("  - %s (%s)\n", sihua_cli_shown (sihua_text_get (&item->recommendation->title, language, NULL)),
                  sihua_horizon_describe (item->recommendation->horizon));
        }
    }
}

/* What became of last time's measures, for a re-assessment. */
static void
add_follow_up_json (JsonObject    *root,
                    GArray        *follow_up,
                    SihuaLanguage  language)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; follow_up != NULL && i < follow_up->len; i++)
    {
      const SihuaRoadmapFollowUp *entry = &g_array_index (follow_up, SihuaRoadmapFollowUp, i);
      JsonObject *object = json_object_new ();
      const char *title = sihua_text_get (&entry->item->recommendation->title, language, NULL);

      json_object_set_string_member (object, "id", entry->item->recommendation->id);
      json_object_set_string_member (object, "title", title != NULL ? title : "");
      json_object_set_string_member (object, "status", sihua_measure_status_to_string (entry->status));
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (root, "follow_up", array);
}

static void
print_follow_up (GArray        *follow_up,
                 SihuaLanguage  language)
{
  if (follow_up == NULL || follow_up->len == 0)
    return;

  printf ("\n%s\n", _("Last time's roadmap:"));
  for (guint i = 0; i < follow_up->len; i++)
    {
      const SihuaRoadmapFollowUp *entry = &g_array_index (follow_up, SihuaRoadmapFollowUp, i);

      printf ("  - %s (%s): %s\n",
              sihua_cli_shown (sihua_text_get (&entry->item->recommendation->title, language, NULL)),
              sihua_cli_shown (entry->item->recommendation->id),
              sihua_measure_status_describe (entry->status));
    }
}

int
sihua_cli_roadmap_run (SihuaCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autofree char *model_arg = NULL;
  g_autofree char *answers_arg = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *target_arg = NULL;
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(SihuaRoadmap) other_target = NULL;
  SihuaRoadmap *roadmap;
  SihuaModel *model;
  SihuaLanguage language = sihua_language_from_locale ();
  int target = -1;
  int status = 0;
  GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_arg, N_("The overall level to plan for (default: the next one)"), "L" },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model_arg, N_("Plan against this model (file or id) instead of an assessment"), "MODEL" },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_arg, N_("The answers file to plan from with --model"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the texts: zh_CN or en"), "LANG" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("roadmap", entries, &argc, &argv, &status))
    return status;
  if (!sihua_cli_parse_language ("roadmap", lang, &language, &status))
    return status;
  status = load_results (cli, "roadmap", argc, argv, model_arg, answers_arg, &results);
  if (status != 0)
    return status;
  model = sihua_results_get_model (results);
  roadmap = sihua_results_get_roadmap (results);

  if (target_arg != NULL)
    {
      int max_level = (int) sihua_model_get_n_levels (model) - 1;
      char *end = NULL;
      gint64 value = g_ascii_strtoll (target_arg, &end, 10);

      if (end == target_arg || *end != '\0' || value < 0 || value > max_level)
        return sihua_cli_usage_error (_("roadmap: --target must be a level from 0 to %d, not “%s”"),
                                      max_level, target_arg);
      target = (int) value;
      /* A target asked for on the command line, not the assessment's. */
      if (target != sihua_results_get_target (results))
        roadmap = other_target = sihua_results_compute_roadmap (results, target);
    }

  if (cli->json)
    {
      g_autoptr(JsonNode) root = sihua_roadmap_to_json (roadmap, model, language);

      add_follow_up_json (json_node_get_object (root), sihua_results_get_follow_up (results), language);
      sihua_cli_print_json (root);
    }
  else
    {
      print_roadmap (roadmap, model, language);
      print_follow_up (sihua_results_get_follow_up (results), language);
    }

  return 0;
}
