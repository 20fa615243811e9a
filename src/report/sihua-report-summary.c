/* sihua-report-summary.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-official.h"
#include "sihua-industry.h"
#include "sihua-number-format.h"
#include "sihua-report-private.h"
#include "sihua-scoring.h"

/* The first pages: cover, executive summary and how to read the report. */

/* Cover -------------------------------------------------------------------- */

const char *
_sihua_report_title (SihuaReport *report)
{
  if (sihua_official_applies (report->model))
    return TR (N_("SME Digital Level Evaluation Report"));

  return TR (N_("Digital Transformation Maturity Assessment Report"));
}

char *
_sihua_report_consultant (SihuaReport *report)
{
  if (report->options->consultant != NULL && *report->options->consultant != '\0')
    return g_strdup (report->options->consultant);
  if (report->assessment->consultant != NULL)
    return g_strdup (report->assessment->consultant);
  return g_strdup ("");
}

void
_sihua_report_add_cover (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  const SihuaPdfTextStyle *body = sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
  double left = sihua_pdf_document_get_left (doc);
  double width = sihua_pdf_document_get_content_width (doc);
  int stage = sihua_score_get_stage (report->score);
  SihuaPdfColor accent = _sihua_report_stage_color (report, stage);
  SihuaPdfColor ink = sihua_pdf_color_from_hex (0x20252b);
  SihuaPdfColor muted = sihua_pdf_color_from_hex (0x6b7380);
  SihuaPdfTextStyle title_style = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_TITLE);
  SihuaPdfTextStyle company_style = title_style;
  g_autofree char *consultant = _sihua_report_consultant (report);
  g_autofree char *model_line = NULL;
  g_autofree char *stage_line = NULL;
  g_autofree char *sealed_line = NULL;
  g_autofree char *confidential = NULL;
  g_autofree char *report_number = NULL;
  g_autofree char *industry = sihua_industry_describe (report->company->industry, report->language);
  const char *firm = report->options->firm;
  double y;

  sihua_pdf_document_set_page_plain (doc);

  if (report->options->logo != NULL && *report->options->logo != '\0')
    sihua_pdf_document_place_image (doc, report->options->logo, left, 56, 150, 48);
  if (firm != NULL && *firm != '\0')
    sihua_pdf_document_place_text (doc, left + width - sihua_pdf_font_text_width (report->font, firm, -1, 10),
                                   78, 10, FALSE, &muted, firm);

  /* A band in the colour of the stage reached: the first thing a reader
   * sees is where the company stands. */
  sihua_pdf_document_place_rect (doc, left, 230, 6, 150, &accent, NULL);
  title_style.size = 26;
  title_style.line_height = 36;
  y = 232;
  y += sihua_pdf_document_place_text_box (doc, left + 24, y, width - 24, &title_style, _sihua_report_title (report));
  y += 14;
  company_style.size = 17;
  company_style.line_height = 25;
  company_style.bold = FALSE;
  company_style.color = ink;
  y += sihua_pdf_document_place_text_box (doc, left + 24, y, width - 24, &company_style,
                                          report->company->name);
  y += 16;
  if (sihua_official_applies (report->model))
    stage_line = _sihua_report_official_headline (report);
  else if (stage >= 0 && !isnan (sihua_score_get_index (report->score)))
    {
      g_autofree char *label = _sihua_report_stage_label (report, stage);
      g_autofree char *index = sihua_number_format_score (sihua_score_get_index (report->score));

      stage_line = g_strdup_printf (TR (N_("Stage reached: %s · index %s of 100")), label, index);
    }
  else
    stage_line = g_strdup (TR (N_("Not scored yet: no scored question is answered")));
  {
    SihuaPdfTextStyle stage_style = *body;

    stage_style.size = 12;
    stage_style.color = _sihua_report_stage_color (report, stage);
    stage_style.bold = TRUE;
    sihua_pdf_document_place_text_box (doc, left + 24, y, width - 24, &stage_style, stage_line);
  }

  /* PREFIX-20260314-012: the consultant's prefix, the assessment's date and
   * its number, so two reports never share a number. */
  if (report->options->report_number_prefix != NULL && *report->options->report_number_prefix != '\0')
    {
      g_autofree char *date = g_strdup (report->assessment->date != NULL ? report->assessment->date : "");

      g_strdelimit (date, "-", ' ');
      g_strstrip (date);
      {
        g_auto(GStrv) parts = g_strsplit (date, " ", -1);
        g_autofree char *compact = g_strjoinv ("", parts);

        report_number = g_strdup_printf ("%s-%s-%03" G_GINT64_FORMAT, report->options->report_number_prefix,
                                         compact, report->assessment->id);
      }
    }
  if (report->options->record_sha256 != NULL)
    {
      g_autofree char *short_hash = sihua_revision_short_hash (report->options->record_sha256);

      sealed_line = g_strdup_printf (TR (N_("Revision %d · record SHA-256 %s…")),
                                     report->options->revision, short_hash);
    }

  /* The facts of the assessment, as a small two-column list. */
  model_line = g_strdup_printf ("%s %s", _sihua_report_text (report, sihua_model_get_title (report->model)),
                                sihua_model_get_version (report->model));
  {
    const char *labels[] = {
      TR (N_("Report number")),
      TR (N_("Industry")),
      TR (N_("Assessment date")),
      TR (N_("Consultant")),
      TR (N_("Consulting firm")),
      TR (N_("Respondents")),
      TR (N_("Assessment model")),
      TR (N_("Finalised")),
    };
    const char *values[] = {
      report_number,
      industry,
      report->assessment->date,
      consultant,
      firm,
      report->options->interviewees != NULL ? report->options->interviewees : report->assessment->respondents,
      model_line,
      sealed_line,
    };
    SihuaPdfTextStyle label_style = *body;
    SihuaPdfTextStyle value_style = *body;

    label_style.color = muted;
    y = 560;
    sihua_pdf_document_place_line (doc, left, y - 8, left + width, y - 8, 0.5, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        double h;

        if (values[i] == NULL || *values[i] == '\0')
          continue;
        sihua_pdf_document_place_text_box (doc, left, y, 120, &label_style, labels[i]);
        h = sihua_pdf_document_place_text_box (doc, left + 130, y, width - 130, &value_style, values[i]);
        y += MAX (h, body->line_height) + 4;
      }
    sihua_pdf_document_place_line (doc, left, y + 4, left + width, y + 4, 0.5, NULL);
  }

  confidential = g_strdup_printf (TR (N_("Confidential. Prepared for the management of %s; "
                                         "not to be passed on without their consent.")),
                                  report->company->name);
  {
    SihuaPdfTextStyle small = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_SMALL);

    sihua_pdf_document_place_text_box (doc, left, SIHUA_PDF_A4_HEIGHT - 100, width, &small, confidential);
  }

  sihua_pdf_document_skip (doc, SIHUA_PDF_A4_HEIGHT);
}

/* Executive summary -------------------------------------------------------- */

static gint
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  const SihuaDimensionScore *da = *(const SihuaDimensionScore **)a;
  const SihuaDimensionScore *db = *(const SihuaDimensionScore **)b;

  if (da->score != db->score)
    return da->score > db->score ? -1 : 1;
  return 0;
}

static GPtrArray *
scored_dimensions_by_score (SihuaReport *report)
{
  GPtrArray *dimensions = g_ptr_array_new ();

  for (guint i = 0; i < sihua_score_get_n_dimensions (report->score); i++)
    {
      const SihuaDimensionScore *ds = sihua_score_get_dimension (report->score, i);

      if (ds->scored && sihua_dimension_is_scored (ds->dimension))
        g_ptr_array_add (dimensions, (gpointer)ds);
    }
  g_ptr_array_sort (dimensions, compare_by_score);

  return dimensions;
}

static char *
dimension_line (SihuaReport               *report,
                const SihuaDimensionScore *ds)
{
  g_autofree char *label = _sihua_report_stage_label (report, ds->stage);

  return g_strdup_printf (TR (N_("%s: %.0f of 100, at %s")),
                          _sihua_report_text (report, &ds->dimension->title), ds->score, label);
}

static char *
change_text (SihuaReport *report)
{
  const SihuaComparison *c = report->comparison;
  g_autofree char *previous_index = NULL;
  g_autofree char *current_index = NULL;
  g_autofree char *change = NULL;
  g_autofree char *previous_label = NULL;
  g_autofree char *current_label = NULL;
  const char *previous_date;

  if (c != NULL && !isnan (c->previous_index) && isnan (c->current_index))
    return g_strdup (TR (N_("The change since the previous assessment shows once questions are answered.")));
  if (c == NULL || isnan (c->previous_index))
    return g_strdup_printf (TR (N_("This is the first assessment of %s; it is the baseline later "
                                   "assessments will be measured against.")),
                            report->company->name);

  previous_date = report->previous != NULL && report->previous->date != NULL
                    ? report->previous->date : "—";

  /* The change is that of the two numbers as printed, as on the ladder. */
  previous_index = sihua_number_format_score (c->previous_index);
  current_index = sihua_number_format_score (c->current_index);
  change = sihua_number_format_change (c->previous_index, c->current_index);
  previous_label = _sihua_report_stage_label (report, c->previous_stage);
  current_label = _sihua_report_stage_label (report, c->current_stage);

  /* "from stage 0 to stage 0" reads as a misprint; say it stayed. */
  if (c->previous_stage == c->current_stage)
    return g_strdup_printf (TR (N_("Since the assessment of %s the index went from %s to %s "
                                   "(%s); the company is still at %s.")),
                            previous_date, previous_index, current_index, change, current_label);

  return g_strdup_printf (TR (N_("Since the assessment of %s the index went from %s to %s "
                                 "(%s) and the company moved from %s to %s.")),
                          previous_date, previous_index, current_index, change,
                          previous_label, current_label);
}

void
_sihua_report_add_summary (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  double left = sihua_pdf_document_get_left (doc);
  double width = sihua_pdf_document_get_content_width (doc);
  int stage = sihua_score_get_stage (report->score);
  SihuaPdfColor stage_color = _sihua_report_stage_color (report, stage);
  SihuaPdfColor muted = sihua_pdf_color_from_hex (0x6b7380);
  SihuaPdfTextStyle body = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
  SihuaPdfTextStyle small = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_SMALL);
  g_autoptr(GPtrArray) ranked = scored_dimensions_by_score (report);
  g_autofree char *index_text = NULL;
  g_autofree char *stage_text = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *change = NULL;
  double top, x, y, column;
  guint n_steps = 0;

  sihua_pdf_document_add_section (doc, TR (N_("Executive summary")));
  report->stats->page_summary = sihua_pdf_document_get_page (doc);

  top = sihua_pdf_document_get_cursor (doc);
  _sihua_report_add_chart (report, SIHUA_CHART_LADDER, left, top, width, 118);
  top += 126;

  /* The radar on the left, the figures beside it. */
  _sihua_report_add_chart (report, SIHUA_CHART_RADAR, left - 6, top, 290, 240);
  x = left + 296;
  column = width - 296;
  y = top + 10;
  sihua_pdf_document_place_text (doc, x, y + 8, 9, FALSE, &muted, TR (N_("Maturity index")));
  if (isnan (sihua_score_get_index (report->score)))
    index_text = g_strdup ("—");
  else
    index_text = sihua_number_format_score (sihua_score_get_index (report->score));
  sihua_pdf_document_place_text (doc, x, y + 50, 38, TRUE, &stage_color, index_text);
  sihua_pdf_document_place_text (doc, x + sihua_pdf_font_text_width (report->font, index_text, -1, 38) + 4,
                                 y + 50, 11, FALSE, &muted, TR (N_("of 100")));
  y += 62;
  if (stage >= 0)
    stage_text = g_strdup_printf (TR (N_("Level %d (%s)")), stage, _sihua_report_stage_name (report, stage));
  else
    stage_text = g_strdup (TR (N_("Not scored yet")));
  body.bold = TRUE;
  body.color = stage_color;
  body.size = 12;
  y += sihua_pdf_document_place_text_box (doc, x, y, column, &body, stage_text) + 4;
  answered = g_strdup_printf (TR (N_("%u of %u applicable questions answered")),
                              sihua_score_get_answered (report->score),
                              sihua_score_get_applicable (report->score));
  y += sihua_pdf_document_place_text_box (doc, x, y, column, &small, answered) + 8;
  change = change_text (report);
  small.color = sihua_pdf_color_from_hex (0x20252b);
  small.size = 9;
  small.line_height = 14;
  sihua_pdf_document_place_text_box (doc, x, y, column, &small, change);

  sihua_pdf_document_skip (doc, top + 240 - sihua_pdf_document_get_cursor (doc));

  /* Strengths and gaps side by side, so the summary stays on one page. */
  {
    const SihuaPdfTextStyle *sub = sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_SUBHEADING);
    SihuaPdfTextStyle item = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
    double half = (width - 24) / 2;
    double columns_top = sihua_pdf_document_get_cursor (doc) + sub->space_before;
    double bottom = columns_top;

    for (guint side = 0; side < 2; side++)
      {
        double cx = left + side * (half + 24);
        double cy = columns_top;

        cy += sihua_pdf_document_place_text_box (doc, cx, cy, half, sub,
                                                 side == 0 ? TR (N_("Strengths")) : TR (N_("Gaps")));
        cy += sub->space_after;
        for (guint i = 0; i < ranked->len && i < 3; i++)
          {
            const SihuaDimensionScore *ds = g_ptr_array_index (ranked, side == 0 ? i : ranked->len - 1 - i);
            g_autofree char *line = dimension_line (report, ds);
            SihuaPdfColor color = _sihua_report_stage_color (report, ds->stage);

            sihua_pdf_document_place_rect (doc, cx, cy + 4, 3, item.line_height - 8, &color, NULL);
            cy += sihua_pdf_document_place_text_box (doc, cx + 10, cy, half - 10, &item, line) + 3;
          }
        bottom = MAX (bottom, cy);
      }
    sihua_pdf_document_skip (doc, bottom - sihua_pdf_document_get_cursor (doc));
  }

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("Next steps")), FALSE);
  for (guint phase = 0; phase < G_N_ELEMENTS (report->roadmap->phases) && n_steps < 3; phase++)
    {
      GArray *items = report->roadmap->phases[phase].items;

      for (guint i = 0; i < items->len && n_steps < 3; i++, n_steps++)
        {
          const SihuaRoadmapItem *item = &g_array_index (items, SihuaRoadmapItem, i);
          g_autofree char *line = NULL;

          if (item->dimension != NULL)
            /* TRANSLATORS: an action, then the dimension it improves */
            line = g_strdup_printf (TR (N_("%s (%s)")), _sihua_report_text (report, &item->recommendation->title),
                                    _sihua_report_text (report, &item->dimension->title));
          else
            line = g_strdup (_sihua_report_text (report, &item->recommendation->title));
          sihua_pdf_document_add_bullet (doc, SIHUA_PDF_STYLE_BODY, line);
        }
    }
  if (n_steps == 0)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("The company stands at the top of the ladder; keep the data and "
                                             "models that got it there up to date.")));
}

/* How to read this report -------------------------------------------------- */

static char *
describe_requirement (SihuaReport            *report,
                      const SihuaRequirement *requirement,
                      int                     level)
{
  int stage = requirement->stage >= 0 ? requirement->stage : level;

  switch (requirement->kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      return g_strdup_printf (TR (N_("dimensions carrying at least %.0f%% of the weight are at this stage or above")),
                              requirement->share * 100);
    case SIHUA_REQUIREMENT_NO_LAGGARD:
      return g_strdup_printf (TR (N_("no dimension is more than %d stage(s) below it")), requirement->max_gap);
    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      return g_strdup_printf (TR (N_("the points add up to at least %.0f")), requirement->min);
    case SIHUA_REQUIREMENT_INDEX_MIN:
      return g_strdup_printf (TR (N_("the index is at least %.0f")), requirement->min);
    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      {
        g_autofree char *label = _sihua_report_stage_label (report, stage);

        return g_strdup_printf (TR (N_("at least %d dimensions are at %s")), requirement->count, label);
      }
    default:
      return g_strdup ("");
    }
}

void
_sihua_report_add_guide (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SihuaModel *model = report->model;
  const SihuaScoringRule *rule = sihua_model_get_scoring (model);
  const SihuaPdfTextStyle *body = sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
  SihuaPdfTextStyle name_style = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_SUBHEADING);
  SihuaPdfTextStyle description_style;
  double left = sihua_pdf_document_get_left (doc);
  GPtrArray *requirements;  /* owned by the model */
  g_autoptr(GString) rule_text = g_string_new (NULL);
  g_autofree char *dimension_rule = NULL;
  gboolean official = sihua_official_applies (model);

  sihua_pdf_document_add_section (doc, TR (N_("How to read this report")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    official
                                    ? TR (N_("The official index places the company at one of its levels, from "
                                             "the points its answers earn and the levels its scenes are rated at."))
                                    : TR (N_("The assessment places the company on a ladder of stages. Each stage "
                                             "builds on the one before: automating a poor process only makes "
                                             "mistakes faster, and data cannot drive decisions before it is "
                                             "collected and connected.")));

  description_style = *body;
  description_style.size = 9.2;
  description_style.line_height = 14.4;
  description_style.space_after = 4;
  name_style.space_before = 6;
  name_style.space_after = 3;
  for (guint level = 0; level < sihua_model_get_n_levels (model); level++)
    {
      const SihuaLevel *info = sihua_model_get_level (model, level);
      SihuaPdfColor color = _sihua_report_stage_color (report, level);
      g_autofree char *title = official ? g_strdup (_sihua_report_text (report, &info->name))
                                        : g_strdup_printf ("%u  %s", level, _sihua_report_text (report, &info->name));
      double y;

      sihua_pdf_document_ensure_space (doc, name_style.space_before + name_style.line_height + body->line_height * 2);
      y = sihua_pdf_document_get_cursor (doc) + name_style.space_before + 4;
      sihua_pdf_document_add_paragraph_full (doc, &name_style, 18, NULL, title);
      sihua_pdf_document_place_rect (doc, left, y, 11, 11, &color, NULL);
      sihua_pdf_document_add_paragraph_full (doc, &description_style, 18, NULL,
                                             _sihua_report_text (report, &info->description));
    }

  if (official)
    {
      _sihua_report_add_official_rule (report);
      return;
    }

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("How the stages are worked out")), FALSE);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    rule->question_value == SIHUA_QUESTION_VALUE_LEVEL
                                    ? TR (N_("Every scored question is answered with the description that fits the "
                                             "company best, and each description belongs to a stage. A dimension’s "
                                             "score (0–100) is the weighted average of its answers on that ladder."))
                                    : TR (N_("Every scored question earns points for the answer given. A "
                                             "dimension’s score (0–100) is the share of the points it could earn.")));
  dimension_rule = g_strdup_printf (TR (N_("A dimension reaches a stage when answers carrying at least %.0f%% of "
                                           "its question weight are at that stage or above.")),
                                    rule->dimension_stage_share * 100);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, dimension_rule);

  requirements = sihua_scoring_get_requirements (model, 1);
  g_string_append (rule_text, TR (N_("The company as a whole reaches a stage when")));
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      g_autofree char *part = describe_requirement (report, g_ptr_array_index (requirements, i), 1);

      g_string_append (rule_text, i == 0 ? " " : TR (N_(", and ")));
      g_string_append (rule_text, part);
    }
  g_string_append (rule_text, TR (N_(". The index (0–100) is the weighted average of all dimension scores.")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, rule_text->str);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("Questions answered “not applicable” count neither for nor against the "
                                           "company. Answers two or more stages above the rest of their dimension, "
                                           "and answers the model wants evidence for but that have none, are listed "
                                           "under “Items that need evidence”: they should be checked before the "
                                           "results are relied on.")));
}

