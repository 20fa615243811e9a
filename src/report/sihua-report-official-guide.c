/* sihua-report-official-guide.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-number-format.h"
#include "sihua-official.h"
#include "sihua-report-private.h"
#include "sihua-scoring.h"

/* How an official index reads: its rule in the guide and its dimensions'
 * pages, in points and scene levels rather than the stages of a maturity
 * model. Every number comes from the model, so a corrected version of the
 * index reads right without a change here. */

static guint
subset_size (SihuaReport *report,
             const char  *subset)
{
  const char * const *members = subset != NULL ? sihua_model_get_subset (report->model, subset) : NULL;

  return members != NULL ? g_strv_length ((GStrv) members) : 0;
}

static const char *
subset_name (SihuaReport *report,
             const char  *subset)
{
  const SihuaText *title = subset != NULL ? sihua_model_get_subset_title (report->model, subset) : NULL;

  return title != NULL ? _sihua_report_text (report, title) : TR (N_("Dimensions"));
}

/* The subsets the level rule counts, in the order it names them. */
static GPtrArray *
counted_subsets (SihuaReport *report)
{
  GPtrArray *subsets = g_ptr_array_new ();

  for (int level = 1; level <= (int) sihua_model_get_n_levels (report->model) - 1; level++)
    {
      GPtrArray *requirements = sihua_scoring_get_requirements (report->model, level);

      for (guint i = 0; requirements != NULL && i < requirements->len; i++)
        {
          const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

          if (requirement->kind == SIHUA_REQUIREMENT_COUNT_AT_STAGE && requirement->subset != NULL &&
              !g_ptr_array_find_with_equal_func (subsets, requirement->subset, g_str_equal, NULL))
            g_ptr_array_add (subsets, requirement->subset);
        }
    }

  return subsets;
}

static void
add_points_rule (SihuaReport *report)
{
  g_autoptr(GString) areas = g_string_new (NULL);
  g_autofree char *total = sihua_official_format_points (sihua_score_get_points_max (report->score));
  g_autofree char *text = NULL;
  guint n = sihua_score_get_n_area_points (report->score);

  for (guint i = 0; i < n; i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (report->score, i);
      g_autofree char *most = sihua_official_format_points (area->max);
      /* Translators: an area of the index and the most points it gives, "数字化基础 50 分" */
      g_autofree char *part = g_strdup_printf (TR (N_("%s (%s points)")), _sihua_report_text (report, &area->area->title),
                                               most);

      if (i > 0)
        g_string_append (areas, TR (N_("; ")));
      g_string_append (areas, part);
    }
  text = g_strdup_printf (TR (N_("Every scored item earns the points of the answer given, and the points add "
                                 "up by area: %s, %s points in all. The total is P.")),
                          areas->str, total);
  sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, text);
}

static void
add_scene_rule (SihuaReport *report,
                GPtrArray   *subsets)
{
  int top = (int) sihua_model_get_n_levels (report->model) - 1;
  g_autoptr(GString) text = g_string_new (NULL);

  if (subsets->len == 0 || top < 1)
    return;

  g_string_append_printf (text, TR (N_("Each of the %u %s is rated by the description that fits the company best, "
                                       "from %s to %s.")),
                          subset_size (report, g_ptr_array_index (subsets, 0)),
                          subset_name (report, g_ptr_array_index (subsets, 0)),
                          _sihua_report_stage_name (report, 1), _sihua_report_stage_name (report, top));
  for (guint i = 1; i < subsets->len; i++)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, TR (N_("%u of them are %s, which the level rule counts on their own.")),
                              subset_size (report, g_ptr_array_index (subsets, i)),
                              subset_name (report, g_ptr_array_index (subsets, i)));
    }
  sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, text->str);
}

/* What @requirements ask of column @column: the points (0) or the count of
 * subset column − 1; "—" when they ask nothing of it. */
static char *
requirement_cell (GPtrArray *requirements,
                  GPtrArray *subsets,
                  guint      column)
{
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

      if (column == 0 && requirement->kind == SIHUA_REQUIREMENT_POINTS_TOTAL)
        return sihua_official_format_points (requirement->min);
      if (column > 0 && requirement->kind == SIHUA_REQUIREMENT_COUNT_AT_STAGE &&
          g_strcmp0 (requirement->subset, g_ptr_array_index (subsets, column - 1)) == 0)
        return g_strdup_printf ("%d", requirement->count);
    }

  return g_strdup ("—");
}

/* One row a level: the points P must reach and how many of each subset
 * must be rated at that level or above. */
static void
add_level_table (SihuaReport *report,
                 GPtrArray   *subsets)
{
  guint n_columns = 2 + subsets->len;
  double *widths = g_newa (double, n_columns);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SihuaPdfTable) table = NULL;
  int top = (int) sihua_model_get_n_levels (report->model) - 1;

  /* The subsets' headers are the longest. */
  widths[0] = 2;
  widths[1] = 2.4;
  for (guint c = 2; c < n_columns; c++)
    widths[c] = 6.6 / subsets->len;
  table = sihua_pdf_table_new (n_columns, widths);
  g_ptr_array_add (header, g_strdup (TR (N_("Level"))));
  g_ptr_array_add (header, g_strdup (TR (N_("Points P at least"))));
  for (guint i = 0; i < subsets->len; i++)
    /* Translators: a column of the level table, "场景 at this level or above" */
    g_ptr_array_add (header, g_strdup_printf (TR (N_("%s at this level or above")),
                                              subset_name (report, g_ptr_array_index (subsets, i))));
  sihua_pdf_table_set_header (table, (const char **) header->pdata);
  for (int level = 1; level <= top; level++)
    {
      GPtrArray *requirements = sihua_scoring_get_requirements (report->model, level);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      SihuaPdfColor color = _sihua_report_stage_color (report, level);

      g_ptr_array_add (cells, g_strdup (_sihua_report_stage_name (report, level)));
      for (guint c = 0; c + 1 < n_columns; c++)
        g_ptr_array_add (cells, requirement_cell (requirements, subsets, c));
      sihua_pdf_table_add_row (table, (const char **) cells->pdata, &color);
    }
  sihua_pdf_document_add_table (report->doc, table);
}

/* The guide's account of how the level is found, for an official index. */
void
_sihua_report_add_official_rule (SihuaReport *report)
{
  g_autoptr(GPtrArray) subsets = counted_subsets (report);
  g_autofree char *closing = NULL;

  sihua_pdf_document_add_heading (report->doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("How the level is worked out")),
                                  FALSE);
  add_points_rule (report);
  add_scene_rule (report, subsets);
  add_level_table (report, subsets);
  closing = g_strdup_printf (TR (N_("The company is at the highest level whose requirements all hold; when not even "
                                    "those of %s hold, it is “%s”. A scene counts at a level when it is rated at "
                                    "that level or above.")),
                             _sihua_report_stage_name (report, 1), _sihua_report_stage_name (report, 0));
  sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, closing);
}

/* A points-only dimension (an item group of 基础/管理/成效) has no level:
 * its page gives its points and the answers that would add some. */
static void
add_points_dimension (SihuaReport               *report,
                      const SihuaDimensionScore *ds)
{
  SihuaPointsGap *gap = sihua_results_get_points_gap (report->results);
  SihuaPdfTextStyle status_style = *sihua_pdf_document_get_style (report->doc, SIHUA_PDF_STYLE_BODY);
  g_autofree char *points = sihua_official_format_points (ds->points);
  g_autofree char *most = sihua_official_format_points (ds->max_points);
  g_autofree char *status = NULL;
  gboolean any = FALSE;

  status = g_strdup_printf (TR (N_("%s of %s points · %u of %u questions answered")), points, most,
                            ds->answered, ds->applicable);
  status_style.bold = TRUE;
  sihua_pdf_document_add_paragraph_full (report->doc, &status_style, 0, NULL, status);

  for (guint i = 0; gap != NULL && gap->steps != NULL && i < gap->steps->len; i++)
    {
      const SihuaPointsStep *step = &g_array_index (gap->steps, SihuaPointsStep, i);
      g_autofree char *gain = NULL;
      g_autofree char *line = NULL;

      if (step->question->dimension != ds->dimension)
        continue;
      if (!any)
        sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY,
                                          TR (N_("Answers that would add points:")));
      any = TRUE;
      gain = sihua_official_format_exact (step->gain);
      line = g_strdup_printf (TR (N_("%s → %s (+%s points)")), _sihua_report_text (report, &step->question->text),
                              _sihua_report_text (report, &step->option->text), gain);
      sihua_pdf_document_add_bullet (report->doc, SIHUA_PDF_STYLE_BODY, line);
    }
  if (!any && ds->points < ds->max_points)
    sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("Answer the questions still open to see which answers would add points.")));
  else if (!any)
    sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, TR (N_("Every point of this group is earned.")));
}

static const SihuaOption *
option_at_level (const SihuaQuestion *question,
                 int                  level)
{
  for (guint i = 0; i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->level == level)
        return option;
    }

  return NULL;
}

/* A scene: its level, and what the description of the next level asks. */
static void
add_scene_dimension (SihuaReport               *report,
                     const SihuaDimensionScore *ds)
{
  SihuaPdfTextStyle status_style = *sihua_pdf_document_get_style (report->doc, SIHUA_PDF_STYLE_BODY);
  int top = (int) sihua_model_get_n_levels (report->model) - 1;
  g_autofree char *status = NULL;

  status = g_strdup_printf (TR (N_("Rated %s · %u of %u questions answered")),
                            _sihua_report_stage_name (report, ds->stage), ds->answered, ds->applicable);
  status_style.bold = TRUE;
  status_style.color = _sihua_report_stage_color (report, ds->stage);
  sihua_pdf_document_add_paragraph_full (report->doc, &status_style, 0, NULL, status);

  if (ds->stage >= top)
    {
      sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY,
                                        TR (N_("The scene is at the highest level of the index.")));
      return;
    }
  for (guint q = 0; q < ds->dimension->questions->len; q++)
    {
      const SihuaQuestion *question = g_ptr_array_index (ds->dimension->questions, q);
      const SihuaOption *next = option_at_level (question, ds->stage + 1);

      if (next == NULL)
        continue;
      sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, TR (N_("The next level asks:")));
      sihua_pdf_document_add_bullet (report->doc, SIHUA_PDF_STYLE_BODY, _sihua_report_text (report, &next->text));
    }
}

/* The status lines of one dimension's page of an official index. */
void
_sihua_report_add_official_dimension (SihuaReport               *report,
                                      const SihuaDimensionScore *ds)
{
  if (!ds->scored)
    sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("Not scored: no applicable question is answered yet.")));
  else if (ds->has_levels)
    add_scene_dimension (report, ds);
  else
    add_points_dimension (report, ds);
}

/* The change since the previous assessment, in points and levels; NULL
 * when there is none to compare with. */
char *
_sihua_report_official_change (SihuaReport *report)
{
  SihuaScore *previous = sihua_results_get_previous_score (report->results);
  const char *date;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *change = NULL;
  int previous_level, level;

  if (previous == NULL || report->previous == NULL)
    return NULL;

  date = report->previous->date != NULL ? report->previous->date : "—";
  before = sihua_official_format_points (sihua_score_get_points_total (previous));
  now = sihua_official_format_points (sihua_score_get_points_total (report->score));
  change = sihua_number_format_change (sihua_score_round1 (sihua_score_get_points_total (previous)),
                                       sihua_score_round1 (sihua_score_get_points_total (report->score)));
  previous_level = sihua_score_get_stage (previous);
  level = sihua_score_get_stage (report->score);
  if (previous_level == level)
    return g_strdup_printf (TR (N_("Compared with the assessment of %s, the points went from %s to %s (%s); the "
                                   "level is still %s.")),
                            date, before, now, change, _sihua_report_stage_name (report, level));

  return g_strdup_printf (TR (N_("Compared with the assessment of %s, the points went from %s to %s (%s) and the "
                                 "level from %s to %s.")),
                          date, before, now, change, _sihua_report_stage_name (report, previous_level),
                          _sihua_report_stage_name (report, level));
}
