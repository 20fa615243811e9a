/* sihua-report-official.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-official.h"
#include "sihua-pdf-painter.h"
#include "sihua-report-private.h"

/* The pages of an official index: its result in its own currency, and the
 * answer sheet a manager copies into the official online self-assessment. */

#define CHART_HEIGHT 380

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
  g_autoptr(GArray) areas = sihua_official_area_points (report->score);
  g_autoptr(SihuaPdfTable) table = sihua_pdf_table_new (3, (const double[]) { 5, 2, 2 });
  const char *header[] = { TR (N_("Area")), TR (N_("Points")), TR (N_("Of")) };
  g_autofree char *total = sihua_official_format_points (sihua_score_get_points_total (report->score));
  g_autofree char *total_max = NULL;
  double max = 0;

  sihua_pdf_table_set_header (table, header);
  for (guint i = 0; i < areas->len; i++)
    {
      const SihuaOfficialArea *area = &g_array_index (areas, SihuaOfficialArea, i);
      g_autofree char *points = sihua_official_format_points (area->points);
      g_autofree char *area_max = sihua_official_format_points (area->max);
      const char *cells[] = { _sihua_report_text (report, &area->area->title), points, area_max };

      sihua_pdf_table_add_row (table, cells, NULL);
      max += area->max;
    }
  total_max = sihua_official_format_points (max);
  {
    const char *cells[] = { TR (N_("Total")), total, total_max };

    sihua_pdf_table_add_row (table, cells, NULL);
  }
  sihua_pdf_document_add_table (report->doc, table);
}

static void
add_missing (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autofree char *title = NULL;

  if (report->next == NULL || report->next->target < 0)
    {
      sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                        TR (N_("The highest level of the index is reached.")));
      return;
    }

  title = g_strdup_printf (TR (N_("What is missing for %s")), _sihua_report_stage_name (report, report->next->target));
  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, title, FALSE);
  for (guint i = 0; report->next->requirements != NULL && i < report->next->requirements->len; i++)
    {
      const SihuaRequirementGap *gap = &g_array_index (report->next->requirements, SihuaRequirementGap, i);
      g_autofree char *line = sihua_requirement_gap_describe (gap, report->model, report->language);

      sihua_pdf_document_add_bullet (doc, SIHUA_PDF_STYLE_BODY, line);
    }
  if (report->next->requirements == NULL || report->next->requirements->len == 0)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("Every requirement of the next level is met once the open "
                                             "questions are answered.")));
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

/* The summary in the index's own currency: the level, the area points, what
 * is missing, the scene chart and the scene counts per level. */
void
_sihua_report_add_official_summary (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SceneChartBlock *block;
  SihuaSceneChart *chart = sihua_official_scene_chart (report->score, report->language);
  int stage = sihua_score_get_stage (report->score);
  SihuaPdfTextStyle headline = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_HEADING);
  g_autofree char *level_line = NULL;
  g_autofree char *points = sihua_official_format_points (sihua_score_get_points_total (report->score));

  if (chart == NULL)
    return;

  sihua_pdf_document_add_section (doc, TR (N_("Official evaluation result")));
  report->stats->page_summary = sihua_pdf_document_get_page (doc);

  if (stage >= 0)
    level_line = g_strdup_printf (TR (N_("Level: %s · %s points of 100")),
                                  _sihua_report_stage_name (report, stage), points);
  else
    level_line = g_strdup (TR (N_("Not scored yet: no scored question is answered")));
  headline.color = _sihua_report_stage_color (report, stage);
  sihua_pdf_document_add_paragraph_full (doc, &headline, 0, NULL, level_line);

  add_points_table (report);
  add_missing (report);

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("Scene levels")), FALSE);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_SMALL,
                                    TR (N_("★ marks a constraint scene (约束性场景). A level needs its points and "
                                           "enough scenes, and constraint scenes among them, at that level or "
                                           "above.")));
  teach_font (report, chart);
  add_level_counts (report, chart);

  block = g_new0 (SceneChartBlock, 1);
  block->chart = chart;
  block->palette = report->palette;
  sihua_pdf_document_add_block (doc, CHART_HEIGHT, draw_scene_chart_block, block, scene_chart_block_free);
}

/* Answer sheet ------------------------------------------------------------- */

/* "A, C, E": the official form names options by letter, and the model's
 * option ids are those letters. */
static char *
option_letters (const SihuaQuestion    *question,
                const SihuaAnswerValue *value)
{
  g_autofree char *joined = NULL;

  switch (value->kind)
    {
    case SIHUA_ANSWER_OPTION:
      return g_ascii_strup (value->option_id, -1);

    case SIHUA_ANSWER_OPTIONS:
      joined = g_strjoinv (", ", value->option_ids);
      return g_ascii_strup (joined, -1);

    case SIHUA_ANSWER_LEVEL:
      return g_strdup_printf ("%d", value->level);

    default:
      return NULL;
    }
}

/* The numbers recorded beside a question in its dimension (device counts,
 * 万元/年): what the official form asks in its data fields. */
static char *
numbers_behind (SihuaReport         *report,
                const SihuaQuestion *question)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < question->dimension->questions->len; i++)
    {
      const SihuaQuestion *other = g_ptr_array_index (question->dimension->questions, i);
      SihuaAnswer *answer;
      g_autofree char *value = NULL;

      if (other == question || sihua_question_is_scored (other) || other->type != SIHUA_QUESTION_NUMERIC)
        continue;
      answer = g_hash_table_lookup (report->answers, other->id);
      if (answer == NULL || answer->value == NULL)
        continue;
      value = sihua_answer_value_describe (answer->value, other, report->model, report->language);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", _sihua_report_text (report, &other->text), value);
    }

  return g_string_free (text, FALSE);
}

/* Every scored question in the model's order, which is the official form's,
 * with the letters chosen, their points and the numbers behind a band. */
void
_sihua_report_add_answer_sheet (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autoptr(SihuaPdfTable) table = sihua_pdf_table_new (5, (const double[]) { 0.7, 4.6, 1.2, 1.0, 2.8 });
  const char *header[] = {
    TR (N_("No.")), TR (N_("Item")), TR (N_("Choice")), TR (N_("Points")), TR (N_("Numbers behind it")),
  };
  GPtrArray *questions = sihua_model_get_questions (report->model);
  guint number = 0;

  sihua_pdf_document_add_section (doc, TR (N_("Answer sheet for the official self-assessment")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("The answers in the order of the official online form, each with "
                                           "the letter of the option chosen (scenes with their level), so the "
                                           "form can be filled in line by line.")));
  sihua_pdf_table_set_header (table, header);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      const SihuaQuestionScore *qs = sihua_score_lookup_question (report->score, question->id);
      SihuaAnswer *answer = g_hash_table_lookup (report->answers, question->id);
      g_autofree char *no = NULL;
      g_autofree char *letters = NULL;
      g_autofree char *points = NULL;
      g_autofree char *numbers = NULL;
      g_autofree char *item = NULL;
      const char *cells[5];

      if (!sihua_question_is_scored (question) || !question->dimension->area->scored)
        continue;

      no = g_strdup_printf ("%u", ++number);
      if (answer != NULL && answer->value != NULL)
        {
          g_autofree char *described = sihua_answer_value_describe (answer->value, question, report->model,
                                                                    report->language);

          letters = option_letters (question, answer->value);
          item = g_strdup_printf ("%s\n%s", _sihua_report_text (report, &question->text), described);
        }
      else
        item = g_strdup_printf ("%s\n%s", _sihua_report_text (report, &question->text), TR (N_("Not answered")));
      if (qs != NULL && qs->status == SIHUA_QUESTION_STATUS_COUNTED && qs->has_points)
        points = sihua_official_format_points (question->weight * qs->points);
      numbers = numbers_behind (report, question);

      cells[0] = no;
      cells[1] = item;
      cells[2] = letters != NULL ? letters : "—";
      cells[3] = points != NULL ? points : "";
      cells[4] = numbers;
      sihua_pdf_table_add_row (table, cells, NULL);
    }

  sihua_pdf_document_add_table (doc, table);
}
