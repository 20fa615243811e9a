/* sihua-report-official.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-answer-sheet-export.h"
#include "sihua-official.h"
#include "sihua-pdf-painter.h"
#include "sihua-report-private.h"

/* The pages of an official index: its result in its own currency, and the
 * answer sheet a manager copies into the official online self-assessment. */

#define CHART_HEIGHT 290

/* Official summary --------------------------------------------------------- */

typedef struct
{
  SihuaSceneChart    *chart;
  const SihuaPalette *palette;
} SceneChartBlock;

static void
scene_chart_block_free (gpointer data)
{
  SceneChartBlock *block = data;

  sihua_scene_chart_free (block->chart);
  g_free (block);
}

static void
draw_scene_chart_block (const SihuaPdfBlockContext *context,
                        gpointer                    user_data)
{
  SceneChartBlock *block = user_data;
  SihuaPainter *painter;

  painter = sihua_pdf_painter_new (context->pdf, context->page, context->font, context->x,
                                   SIHUA_PDF_A4_HEIGHT - context->y - context->height,
                                   context->width, context->height);
  sihua_scene_chart_draw (block->chart, painter, block->palette, context->width, context->height);
  sihua_painter_free (painter);
}

/* The embedded font is cut down to the characters the report prints, so it
 * must learn every one the chart draws. */
static void
teach_font (SihuaReport           *report,
            const SihuaSceneChart *chart)
{
  for (guint i = 0; i < chart->scenes->len; i++)
    sihua_pdf_font_add_text (report->font, g_array_index (chart->scenes, SihuaSceneChartScene, i).label);
  for (guint l = 0; l < chart->n_levels; l++)
    if (chart->levels[l].name != NULL)
      sihua_pdf_font_add_text (report->font, chart->levels[l].name);
  sihua_pdf_font_add_text (report->font, chart->constraint_legend);
  sihua_pdf_font_add_text (report->font, chart->need_caption);
  sihua_pdf_font_add_text (report->font, chart->have_caption);
  sihua_pdf_font_add_text (report->font, chart->not_rated);
  sihua_pdf_font_add_text (report->font, "★≥·—…0123456789");
}

static void
add_points_table (SihuaReport *report)
{
  g_autoptr(SihuaPdfTable) table = sihua_pdf_table_new (3, (const double[]) { 5, 2, 2 });
  const char *header[] = { TR (N_("Area")), TR (N_("Points")), TR (N_("Of")) };
  g_autofree char *total = sihua_official_format_points (sihua_score_get_points_total (report->score));
  g_autofree char *most = sihua_official_format_points (sihua_score_get_points_max (report->score));
  const char *total_cells[] = { TR (N_("Total")), total, most };

  sihua_pdf_table_set_header (table, header);
  for (guint i = 0; i < sihua_score_get_n_area_points (report->score); i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (report->score, i);
      g_autofree char *points = sihua_official_format_points (area->points);
      g_autofree char *area_max = sihua_official_format_points (area->max);
      const char *cells[] = { _sihua_report_text (report, &area->area->title), points, area_max };

      sihua_pdf_table_add_row (table, cells, NULL);
    }
  sihua_pdf_table_add_row (table, total_cells, NULL);
  sihua_pdf_document_add_table (report->doc, table);
}

/* "6.375 missing" is "6.4 more": 6.3 more would not do. */
static char *
points_short (double needed)
{
  return sihua_official_format_points (ceil (needed * 10 - 1e-6) / 10);
}

/* What core found lacking for the next level, in the report's language:
 * the points, and each count of scenes with the closest candidates. */
static void
add_missing (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SihuaPointsGap *gap = sihua_results_get_points_gap (report->results);
  g_autofree char *title = NULL;

  if (gap == NULL || gap->target < 0)
    {
      sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                        TR (N_("The highest level of the index is reached.")));
      return;
    }

  title = g_strdup_printf (TR (N_("What is missing for %s")), _sihua_report_stage_name (report, gap->target));
  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, title, FALSE);

  if (gap->points_needed > 0)
    {
      g_autofree char *have = sihua_official_format_points (gap->points_have);
      g_autofree char *need = sihua_official_format_points (gap->points_have + gap->points_needed);
      g_autofree char *more = points_short (gap->points_needed);
      g_autofree char *line = g_strdup_printf (TR (N_("Points: %s of the %s needed, %s more")), have, need, more);

      sihua_pdf_document_add_bullet (doc, SIHUA_PDF_STYLE_BODY, line);
    }

  for (guint i = 0; i < gap->counts->len; i++)
    {
      const SihuaCountGap *count = &g_array_index (gap->counts, SihuaCountGap, i);
      const SihuaText *subset = count->subset != NULL ? sihua_model_get_subset_title (report->model, count->subset)
                                                      : NULL;
      g_autoptr(GString) closest = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint c = 0; c < count->candidates->len && c < count->need - MIN (count->have, count->need); c++)
        {
          const SihuaDimensionScore *candidate = g_ptr_array_index (count->candidates, c);

          if (closest->len > 0)
            g_string_append (closest, TR (N_("; ")));
          g_string_append (closest, _sihua_report_text (report, &candidate->dimension->title));
        }

      line = g_strdup_printf (TR (N_("%s at %s or above: %u of the %u needed; the closest: %s")),
                              subset != NULL ? _sihua_report_text (report, subset) : TR (N_("Dimensions")),
                              _sihua_report_stage_name (report, count->stage), count->have, count->need,
                              closest->str);
      sihua_pdf_document_add_bullet (doc, SIHUA_PDF_STYLE_BODY, line);
    }

  if (gap->points_needed <= 0 && gap->counts->len == 0)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("Every requirement of the next level is met once the open "
                                             "questions are answered.")));

}

/* The changes that close the points gap soonest, each with what it earns. */
static void
add_steps (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SihuaPointsGap *gap = sihua_results_get_points_gap (report->results);

  if (gap == NULL || gap->target < 0 || gap->steps == NULL || gap->steps_enough == 0)
    return;

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING,
                                  TR (N_("The changes that earn the most points for the least")), FALSE);
  for (guint i = 0; i < gap->steps->len && i < gap->steps_enough; i++)
    {
      const SihuaPointsStep *step = &g_array_index (gap->steps, SihuaPointsStep, i);
      g_autofree char *gain = sihua_official_format_exact (step->gain);
      g_autofree char *line = g_strdup_printf (TR (N_("%s → %s (+%s points)")),
                                               _sihua_report_text (report, &step->question->text),
                                               _sihua_report_text (report, &step->option->text), gain);

      sihua_pdf_document_add_bullet (doc, SIHUA_PDF_STYLE_BODY, line);
    }
}

static void
add_level_counts (SihuaReport           *report,
                  const SihuaSceneChart *chart)
{
  g_autoptr(SihuaPdfTable) table = sihua_pdf_table_new (5, (const double[]) { 2, 2, 2, 2, 2 });
  const char *header[] = {
    TR (N_("Level")), TR (N_("Scenes reached")), TR (N_("Scenes needed")),
    TR (N_("Constraint scenes reached")), TR (N_("Constraint scenes needed")),
  };

  sihua_pdf_table_set_header (table, header);
  for (guint l = 1; l < chart->n_levels; l++)
    {
      const SihuaSceneChartLevel *level = &chart->levels[l];
      g_autofree char *have = g_strdup_printf ("%d", level->have_scenes);
      g_autofree char *need = level->need_scenes >= 0 ? g_strdup_printf ("%d", level->need_scenes) : g_strdup ("—");
      g_autofree char *have_c = g_strdup_printf ("%d", level->have_constraint);
      g_autofree char *need_c = level->need_constraint >= 0 ? g_strdup_printf ("%d", level->need_constraint)
                                                             : g_strdup ("—");
      const char *cells[] = { level->name, have, need, have_c, need_c };

      sihua_pdf_table_add_row (table, cells, NULL);
    }
  sihua_pdf_document_add_table (report->doc, table);
}

/* "Level: 二级 · 53.6 of 100 points", the cover's and the summary's
 * headline for an official index. */
char *
_sihua_report_official_headline (SihuaReport *report)
{
  int stage = sihua_score_get_stage (report->score);
  g_autofree char *points = sihua_official_format_points (sihua_score_get_points_total (report->score));
  g_autofree char *points_max = sihua_official_format_points (sihua_score_get_points_max (report->score));

  if (stage < 0)
    return g_strdup (TR (N_("Not scored yet: no scored question is answered")));

  return g_strdup_printf (TR (N_("Level: %s · %s of %s points")),
                          _sihua_report_stage_name (report, stage), points, points_max);
}

/* The summary in the index's own currency: the level, the area points, the
 * scene chart, what is missing and the scene counts per level. */
void
_sihua_report_add_official_summary (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SceneChartBlock *block;
  SihuaSceneChart *chart = sihua_official_scene_chart (report->score, report->language);
  SihuaPdfTextStyle headline = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_HEADING);
  g_autofree char *level_line = NULL;
  g_autofree char *change = NULL;

  if (chart == NULL)
    return;

  sihua_pdf_document_add_section (doc, TR (N_("Official evaluation result")));
  report->stats->page_summary = sihua_pdf_document_get_page (doc);

  level_line = _sihua_report_official_headline (report);
  headline.color = _sihua_report_stage_color (report, sihua_score_get_stage (report->score));
  sihua_pdf_document_add_paragraph_full (doc, &headline, 0, NULL, level_line);
  change = _sihua_report_official_change (report);
  if (change != NULL)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, change);

  add_points_table (report);

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("Scene levels")), FALSE);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_SMALL,
                                    TR (N_("★ marks a constraint scene (约束性场景). A level needs its points and "
                                           "enough scenes, and constraint scenes among them, at that level or "
                                           "above.")));
  teach_font (report, chart);
  block = g_new0 (SceneChartBlock, 1);
  block->chart = chart;
  block->palette = report->palette;
  sihua_pdf_document_add_block (doc, CHART_HEIGHT, draw_scene_chart_block, block, scene_chart_block_free);
  add_missing (report);
  add_level_counts (report, chart);
  add_steps (report);
}

/* Answer sheet ------------------------------------------------------------- */

/* The answer sheet core builds for the window's export and the CLI, printed
 * with each item's points: the official form's order, the option letters,
 * the numbers behind the band items. */
void
_sihua_report_add_answer_sheet (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autoptr(SihuaPdfTable) table = sihua_pdf_table_new (5, (const double[]) { 0.6, 4.4, 1.7, 0.9, 2.7 });
  g_autoptr(GPtrArray) lines = sihua_answer_sheet_export_build (report->model, report->answers,
                                                                 report->language);
  const char *header[] = {
    TR (N_("No.")), TR (N_("Item")), TR (N_("Choice")), TR (N_("Points")), TR (N_("Numbers behind it")),
  };

  sihua_pdf_document_add_section (doc, TR (N_("Answer sheet for the official self-assessment")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("The answers in the order of the official online form, each with "
                                           "the letter of the option chosen (scenes with their level), so the "
                                           "form can be filled in line by line.")));
  sihua_pdf_table_set_header (table, header);

  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaAnswerSheetLine *line = g_ptr_array_index (lines, i);
      const SihuaQuestionScore *qs = sihua_score_lookup_question (report->score, line->question_id);
      g_autofree char *number = g_strdup_printf ("%u", line->number);
      g_autofree char *points = NULL;
      g_autofree char *item = NULL;
      g_autofree char *numbers = NULL;
      const char *cells[5];

      if (qs != NULL && qs->status == SIHUA_QUESTION_STATUS_COUNTED && qs->has_points && qs->max_points > 0)
        points = sihua_official_format_exact (qs->question->weight * qs->points);
      item = *line->answer != '\0' ? g_strdup_printf ("%s\n%s", line->question, line->answer)
                                    : g_strdup (line->question);
      numbers = *line->remark != '\0' && *line->numbers != '\0'
                  ? g_strdup_printf ("%s\n%s", line->numbers, line->remark)
                  : g_strdup (*line->numbers != '\0' ? line->numbers : line->remark);

      cells[0] = number;
      cells[1] = item;
      cells[2] = *line->letters != '\0' ? line->letters : "—";
      cells[3] = points != NULL ? points : "";
      cells[4] = numbers;
      sihua_pdf_table_add_row (table, cells, NULL);
    }

  sihua_pdf_document_add_table (doc, table);
}
