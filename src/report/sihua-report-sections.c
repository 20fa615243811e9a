/* sihua-report-sections.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-official.h"
#include "sihua-report-private.h"

static const char *
band_name (SihuaReport    *report,
           SihuaBandLevel  band)
{
  switch (band)
    {
    case SIHUA_BAND_LOW:
      return TR (N_("Low"));
    case SIHUA_BAND_MEDIUM:
      return TR (N_("Medium"));
    case SIHUA_BAND_HIGH:
      return TR (N_("High"));
    default:
      return "—";
    }
}

static const char *
measure_status_msgid (SihuaMeasureStatus status)
{
  switch (status)
    {
    case SIHUA_MEASURE_IN_PROGRESS:
      return N_("In progress");
    case SIHUA_MEASURE_DONE:
      return N_("Done");
    case SIHUA_MEASURE_DROPPED:
      return N_("Dropped");
    case SIHUA_MEASURE_PLANNED:
    default:
      return N_("Planned");
    }
}

static const char *
horizon_title (SihuaReport  *report,
               SihuaHorizon  horizon)
{
  switch (horizon)
    {
    case SIHUA_HORIZON_SHORT:
      return TR (N_("Within 6 months: quick wins"));
    case SIHUA_HORIZON_MEDIUM:
      return TR (N_("6 to 18 months: building capability"));
    case SIHUA_HORIZON_LONG:
      return TR (N_("18 to 36 months: the next stage"));
    default:
      return "";
    }
}

/* A table of questions with their answers and notes. */
static SihuaPdfTable *
new_answer_table (SihuaReport *report)
{
  const char *header[] = { TR (N_("Question")), TR (N_("Answer")), TR (N_("Notes")) };
  SihuaPdfTable *table = sihua_pdf_table_new (3, (const double[]) { 4.2, 3.2, 3.6 });

  sihua_pdf_table_set_header (table, header);
  sihua_pdf_table_set_continued_mark (table, TR (N_(" (cont.)")));

  return table;
}

static void
add_answer_row (SihuaReport         *report,
                SihuaPdfTable       *table,
                const SihuaQuestion *question)
{
  g_autofree char *answer = _sihua_report_describe_answer (report, question);
  g_autofree char *note = _sihua_report_note (report, question);
  const SihuaQuestionScore *qs = sihua_score_lookup_question (report->score, question->id);
  const char *cells[] = { _sihua_report_text (report, &question->text), answer, note };
  SihuaPdfColor color;

  if (qs != NULL && qs->status == SIHUA_QUESTION_STATUS_COUNTED && qs->level >= 0)
    {
      color = _sihua_report_stage_color (report, qs->level);
      sihua_pdf_table_add_row (table, cells, &color);
    }
  else
    sihua_pdf_table_add_row (table, cells, NULL);
}

static const SihuaDimensionGap *
find_gap (SihuaReport          *report,
          const SihuaDimension *dimension)
{
  for (guint i = 0; report->next->dimensions != NULL && i < report->next->dimensions->len; i++)
    {
      const SihuaDimensionGap *gap = g_ptr_array_index (report->next->dimensions, i);

      if (gap->dimension == dimension)
        return gap;
    }

  return NULL;
}

static void
add_gap_text (SihuaReport             *report,
              const SihuaDimensionGap *gap)
{
  g_autofree char *intro = NULL;
  g_autofree char *target = NULL;

  if (gap == NULL || gap->target < 0)
    return;

  target = _sihua_report_stage_label (report, gap->target);
  intro = g_strdup_printf (TR (N_("To reach %s:")), target);
  if (gap->questions == NULL || gap->questions->len == 0)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", intro,
                                               gap->unanswered > 0
                                               ? TR (N_("answer the questions still open first."))
                                               : TR (N_("nothing more is needed in this dimension.")));

      sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, text);
      return;
    }

  sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_BODY, intro);
  for (guint i = 0; i < gap->questions->len; i++)
    {
      const SihuaQuestionGap *qgap = &g_array_index (gap->questions, SihuaQuestionGap, i);
      g_autofree char *line = NULL;
      g_autofree char *needed = _sihua_report_stage_label (report, qgap->needed);

      if (qgap->level >= 0)
        {
          g_autofree char *now = _sihua_report_stage_label (report, qgap->level);

          line = g_strdup_printf (TR (N_("%s — now at %s, needs %s")),
                                  _sihua_report_text (report, &qgap->question->text), now, needed);
        }
      else
        line = g_strdup_printf (TR (N_("%s — needs %s")),
                                _sihua_report_text (report, &qgap->question->text), needed);
      sihua_pdf_document_add_bullet (report->doc, SIHUA_PDF_STYLE_BODY, line);
    }
}

void
_sihua_report_add_dimensions (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  guint n_scored = 0;
  double height;

  sihua_pdf_document_add_section (doc, TR (N_("Results by dimension")));
  report->stats->page_dimensions = sihua_pdf_document_get_page (doc);

  for (guint i = 0; i < sihua_score_get_n_dimensions (report->score); i++)
    if (sihua_dimension_is_scored (sihua_score_get_dimension (report->score, i)->dimension))
      n_scored++;

  /* An official index shows its scenes and points in its summary; a bar
   * of stages would say nothing of its points-only groups. */
  if (!sihua_official_applies (report->model))
    {
      /* The chart is a block: it moves to the next page whole rather than
       * splitting. */
      height = MIN (40.0 + n_scored * 19.0,
                    sihua_pdf_document_get_bottom (doc) - sihua_pdf_document_get_top (doc) - 40);
      sihua_pdf_document_ensure_space (doc, height);
      _sihua_report_add_chart (report, SIHUA_CHART_BARS, sihua_pdf_document_get_left (doc),
                               sihua_pdf_document_get_cursor (doc),
                               sihua_pdf_document_get_content_width (doc), height);
      sihua_pdf_document_skip (doc, height + 10);
    }

  for (guint i = 0; i < sihua_score_get_n_dimensions (report->score); i++)
    {
      const SihuaDimensionScore *ds = sihua_score_get_dimension (report->score, i);
      const SihuaDimension *dimension = ds->dimension;
      SihuaPdfTextStyle status_style = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
      g_autoptr(SihuaPdfTable) table = NULL;
      g_autofree char *status = NULL;
      guint n_rows = 0;

      if (!sihua_dimension_is_scored (dimension))
        continue;

      sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING,
                                      _sihua_report_text (report, &dimension->title), TRUE);
      if (sihua_official_applies (report->model))
        _sihua_report_add_official_dimension (report, ds);
      else if (ds->scored)
        {
          g_autofree char *label = _sihua_report_stage_label (report, ds->stage);

          status = g_strdup_printf (TR (N_("Score %.0f of 100 · at %s · %u of %u questions answered")),
                                    ds->score, label, ds->answered, ds->applicable);
        }
      else
        status = g_strdup (TR (N_("Not scored: no applicable question is answered yet.")));
      if (status != NULL)
        {
          status_style.bold = TRUE;
          status_style.color = _sihua_report_stage_color (report, ds->stage);
          sihua_pdf_document_add_paragraph_full (doc, &status_style, 0, NULL, status);
          add_gap_text (report, find_gap (report, dimension));
        }

      table = new_answer_table (report);
      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const SihuaQuestion *question = g_ptr_array_index (dimension->questions, q);
          const SihuaQuestionScore *qs = sihua_score_lookup_question (report->score, question->id);

          if (qs != NULL && qs->status == SIHUA_QUESTION_STATUS_NOT_RELEVANT)
            continue;
          add_answer_row (report, table, question);
          n_rows++;
        }
      if (n_rows > 0)
        sihua_pdf_document_add_table (doc, table);
    }
}

static const char *
flag_reason (SihuaReport     *report,
             const SihuaAnswerFlag *flag)
{
  switch (flag->reason)
    {
    case SIHUA_ANSWER_FLAG_ABOVE_STAGE:
      return TR (N_("Two or more stages above the rest of its dimension: check the evidence on site."));
    case SIHUA_ANSWER_FLAG_EVIDENCE_MISSING:
      return TR (N_("The model asks for evidence, but neither a note nor evidence was recorded."));
    case SIHUA_ANSWER_FLAG_TO_DISCUSS:
      return TR (N_("The interviewees’ answers are two or more levels apart: discuss before relying on it."));
    default:
      return "";
    }
}

void
_sihua_report_add_evidence (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autoptr(SihuaPdfTable) table = NULL;
  const char *header[] = { TR (N_("Question")), TR (N_("Dimension")), TR (N_("Answer")), TR (N_("Why it needs checking")) };

  sihua_pdf_document_add_section (doc, TR (N_("Items that need evidence")));
  if (report->flags == NULL || report->flags->len == 0)
    {
      sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                        TR (N_("No answer stands out from its dimension and every answer that needs "
                                               "evidence has it.")));
      return;
    }

  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("These answers should be backed by documents or seen on site before the "
                                           "results are relied on.")));
  table = sihua_pdf_table_new (4, (const double[]) { 3.6, 1.8, 2.6, 3.0 });
  sihua_pdf_table_set_header (table, header);
  sihua_pdf_table_set_continued_mark (table, TR (N_(" (cont.)")));
  for (guint i = 0; i < report->flags->len; i++)
    {
      const SihuaAnswerFlag *flag = &g_array_index (report->flags, SihuaAnswerFlag, i);
      g_autofree char *answer = _sihua_report_describe_answer (report, flag->question);
      const char *cells[] = {
        _sihua_report_text (report, &flag->question->text),
        flag->question->dimension != NULL ? _sihua_report_text (report, &flag->question->dimension->title) : "",
        answer,
        flag_reason (report, flag),
      };
      SihuaPdfColor color = _sihua_report_stage_color (report, flag->level);

      sihua_pdf_table_add_row (table, cells, flag->level >= 0 ? &color : NULL);
    }
  sihua_pdf_document_add_table (doc, table);
}

void
_sihua_report_add_barriers (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  SihuaArea *area = sihua_model_get_area_by_role (report->model, SIHUA_AREA_ROLE_BARRIERS);
  SihuaPdfTextStyle action_style = *sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_BODY);
  guint n_answered = 0;

  sihua_pdf_document_add_section (doc, TR (N_("Barriers to the transformation")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("Small manufacturers rarely stall for lack of technology alone. They do "
                                           "not know how to start, cannot afford the people or the money, do not "
                                           "see the value, or fear the risk. What the company reported decides "
                                           "how the plan begins.")));

  for (guint d = 0; area != NULL && d < area->dimensions->len; d++)
    {
      SihuaDimension *dimension = g_ptr_array_index (area->dimensions, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const SihuaQuestion *question = g_ptr_array_index (dimension->questions, q);
          SihuaAnswer *answer = g_hash_table_lookup (report->answers, question->id);
          g_autofree char *text = NULL;

          if (answer == NULL || answer->value == NULL)
            continue;
          sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING,
                                          _sihua_report_text (report, &question->text), FALSE);
          text = _sihua_report_describe_answer (report, question);
          sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, text);
          if (answer->note != NULL && *answer->note != '\0')
            sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_SMALL, answer->note);
          n_answered++;
        }
    }
  if (n_answered == 0)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, TR (N_("No barriers were reported.")));

  if (report->roadmap->barriers == NULL || report->roadmap->barriers->len == 0)
    return;

  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("What they mean for the plan")), FALSE);
  action_style.space_after = 2;
  for (guint i = 0; i < report->roadmap->barriers->len; i++)
    {
      const SihuaRoadmapItem *item = &g_array_index (report->roadmap->barriers, SihuaRoadmapItem, i);

      action_style.bold = TRUE;
      sihua_pdf_document_add_paragraph_full (doc, &action_style, 14, "•",
                                             _sihua_report_text (report, &item->recommendation->title));
      action_style.bold = FALSE;
      sihua_pdf_document_add_paragraph_full (doc, &action_style, 14, NULL,
                                             _sihua_report_text (report, &item->recommendation->detail));
      sihua_pdf_document_skip (doc, 5);
    }
}

static const char *
translate_cb (const char *msgid,
              gpointer    user_data)
{
  SihuaReport *report = user_data;

  return TR (msgid);
}

/* Who, how much and when, as the consultant set them: "生产部 · 12.5 万元 ·
 * 2027-01 – 2027-04 · 进行中". */
static char *
describe_plan (SihuaReport            *report,
               const SihuaRoadmapItem *item)
{
  const SihuaRoadmapEdit *edit = item->edit;
  g_autoptr(GString) line = g_string_new (NULL);

  if (edit == NULL)
    return NULL;
  if (edit->owner != NULL)
    g_string_append (line, edit->owner);
  if (!isnan (edit->budget))
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append_printf (line, TR (N_("%g × 10 000 yuan")), edit->budget);
    }
  if (edit->start != NULL || edit->due != NULL)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append_printf (line, "%s – %s", edit->start != NULL ? edit->start : "…",
                              edit->due != NULL ? edit->due : "…");
    }
  if (edit->status != SIHUA_MEASURE_PLANNED)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, TR (measure_status_msgid (edit->status)));
    }
  if (edit->note != NULL)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, edit->note);
    }

  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

/* What moved into or out of the phase because of its capacity. */
static void
add_phase_notes (SihuaReport             *report,
                 const SihuaRoadmapPhase *phase,
                 gboolean                 last)
{
  g_autofree char *text = NULL;

  if (phase->n_deferred > 0)
    {
      text = g_strdup_printf (TR (N_("%u of these measures come here because the phase before is "
                                     "full: a phase holds what an SME can carry at once.")),
                              phase->n_deferred);
      sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_SMALL, text);
      g_clear_pointer (&text, g_free);
    }
  if (last && report->roadmap->n_beyond > 0)
    {
      text = g_strdup_printf (TR (N_("At this pace %u measures reach beyond 36 months; plan them "
                                     "after the ones above, or drop some.")),
                              report->roadmap->n_beyond);
      sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_SMALL, text);
    }
}

static SihuaPdfTable *
new_roadmap_table (SihuaReport *report,
                   const char  *first_column)
{
  const char *header[] = { first_column, TR (N_("Dimension")), TR (N_("Effort")), TR (N_("Cost")) };
  SihuaPdfTable *table = sihua_pdf_table_new (4, (const double[]) { 6.0, 1.9, 1.1, 1.0 });

  sihua_pdf_table_set_header (table, header);
  sihua_pdf_table_set_continued_mark (table, TR (N_(" (cont.)")));
  sihua_pdf_table_set_title_column (table, 0);

  return table;
}

static void
add_roadmap_row (SihuaReport            *report,
                 SihuaPdfTable          *table,
                 const SihuaRoadmapItem *item,
                 const char             *action)
{
  const SihuaRecommendation *rec = item->recommendation;
  const char *cells[] = {
    action,
    item->dimension != NULL ? _sihua_report_text (report, &item->dimension->title) : "—",
    band_name (report, rec->effort),
    band_name (report, rec->cost),
  };
  SihuaPdfColor color = _sihua_report_stage_color (report, rec->level);

  sihua_pdf_table_add_row (table, cells, rec->level >= 0 ? &color : NULL);
}

/* The first measures of a phase in full: what, why, and the plan. */
static void
add_do_first (SihuaReport             *report,
              const SihuaRoadmapPhase *phase)
{
  g_autoptr(SihuaPdfTable) table = new_roadmap_table (report, TR (N_("Do first")));

  for (guint i = 0; i < phase->items->len && i < SIHUA_ROADMAP_DO_FIRST; i++)
    {
      const SihuaRoadmapItem *item = &g_array_index (phase->items, SihuaRoadmapItem, i);
      g_autofree char *reason = sihua_roadmap_item_describe_reason (item, report->model,
                                                                    report->language,
                                                                    translate_cb, report);
      g_autofree char *plan = describe_plan (report, item);
      g_autoptr(GString) action = g_string_new (NULL);
      const char *detail = _sihua_report_text (report, &item->recommendation->detail);

      g_string_append_printf (action, "%u. %s", item->rank,
                              _sihua_report_text (report, &item->recommendation->title));
      if (*detail != '\0')
        g_string_append_printf (action, "\n%s", detail);
      if (reason != NULL && *reason != '\0')
        g_string_append_printf (action, "\n%s%s", TR (N_("Why: ")), reason);
      if (plan != NULL)
        g_string_append_printf (action, "\n%s%s", TR (N_("Plan: ")), plan);
      add_roadmap_row (report, table, item, action->str);
    }
  sihua_pdf_document_add_table (report->doc, table);
}

/* The rest of a phase, one line each, in order. */
static void
add_the_rest (SihuaReport             *report,
              const SihuaRoadmapPhase *phase)
{
  g_autoptr(SihuaPdfTable) table = NULL;

  if (phase->items->len <= SIHUA_ROADMAP_DO_FIRST)
    return;

  table = new_roadmap_table (report, TR (N_("Then")));
  for (guint i = SIHUA_ROADMAP_DO_FIRST; i < phase->items->len; i++)
    {
      const SihuaRoadmapItem *item = &g_array_index (phase->items, SihuaRoadmapItem, i);
      g_autofree char *plan = describe_plan (report, item);
      g_autofree char *action = NULL;

      action = g_strdup_printf ("%u. %s%s%s", item->rank,
                                _sihua_report_text (report, &item->recommendation->title),
                                plan != NULL ? "\n" : "", plan != NULL ? plan : "");
      add_roadmap_row (report, table, item, action);
    }
  sihua_pdf_document_add_table (report->doc, table);
}

/* The measures the consultant dropped, named so the reader knows. */
static void
add_dropped (SihuaReport *report)
{
  g_autoptr(GString) names = NULL;
  g_autofree char *text = NULL;

  if (report->roadmap->dropped == NULL || report->roadmap->dropped->len == 0)
    return;

  names = g_string_new (NULL);
  for (guint i = 0; i < report->roadmap->dropped->len; i++)
    {
      const SihuaRoadmapItem *item = &g_array_index (report->roadmap->dropped, SihuaRoadmapItem, i);

      if (i > 0)
        g_string_append (names, report->language == SIHUA_LANGUAGE_ZH_CN ? "、" : ", ");
      g_string_append (names, _sihua_report_text (report, &item->recommendation->title));
    }
  text = g_strdup_printf (TR (N_("Left out of the plan by the consultant: %s.")), names->str);
  sihua_pdf_document_add_paragraph (report->doc, SIHUA_PDF_STYLE_SMALL, text);
}

/* Impact against effort, numbered as the tables below: where the quick
 * wins are is seen at a glance. */
static void
add_priority_matrix (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  double height = 230;
  double width = MIN (sihua_pdf_document_get_content_width (doc), 420);

  if (sihua_roadmap_get_n_items (report->roadmap) == 0)
    return;

  sihua_pdf_document_ensure_space (doc, height + 30);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_SMALL,
                                    TR (N_("Priority matrix: each measure by its impact on the stage "
                                           "and its effort, numbered as in the tables below; "
                                           "the ringed ones are done first in their phase.")));
  _sihua_report_add_chart (report, SIHUA_CHART_MATRIX, sihua_pdf_document_get_left (doc),
                           sihua_pdf_document_get_cursor (doc), width, height);
  sihua_pdf_document_skip (doc, height + 10);
}

void
_sihua_report_add_roadmap (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autofree char *intro = NULL;
  guint n_items = 0;

  sihua_pdf_document_add_section (doc, TR (N_("Roadmap")));
  if (sihua_score_get_stage (report->score) >= 0)
    {
      g_autofree char *from = _sihua_report_stage_label (report, sihua_score_get_stage (report->score));
      g_autofree char *to = _sihua_report_stage_label (report, report->target);

      if (sihua_official_applies (report->model))
        intro = g_strdup_printf (TR (N_("The actions that take the company from %s to %s, in order. "
                                        "Each phase builds on the one before; the coloured bar shows the level an "
                                        "action builds.")),
                                 from, to);
      else
        intro = g_strdup_printf (TR (N_("The actions that take the company from %s to %s, in order. "
                                        "Each phase builds on the one before; the coloured bar shows the stage an "
                                        "action builds.")),
                                 from, to);
    }
  else
    intro = g_strdup (TR (N_("The roadmap follows from the answers; it is complete once the questionnaire is.")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, intro);
  add_priority_matrix (report);

  for (guint phase = 0; phase < G_N_ELEMENTS (report->roadmap->phases); phase++)
    {
      const SihuaRoadmapPhase *p = &report->roadmap->phases[phase];

      if (p->items == NULL || p->items->len == 0)
        continue;

      sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, horizon_title (report, p->horizon), TRUE);
      add_do_first (report, p);
      add_the_rest (report, p);
      add_phase_notes (report, p, phase + 1 == G_N_ELEMENTS (report->roadmap->phases));
      n_items += p->items->len;
    }
  add_dropped (report);

  if (n_items == 0)
    sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                      TR (N_("The model has no further actions for this company.")));
}

static void
draw_signature_line (SihuaReport *report,
                     double       x,
                     double       y,
                     double       width,
                     const char  *label)
{
  SihuaPdfColor muted = sihua_pdf_color_from_hex (0x6b7380);
  SihuaPdfColor ink = sihua_pdf_color_from_hex (0x20252b);

  sihua_pdf_document_place_line (report->doc, x, y, x + width, y, 0.7, &ink);
  sihua_pdf_document_place_text (report->doc, x, y + 14, 9, FALSE, &muted, label);
}

static void
add_signatures (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  double left = sihua_pdf_document_get_left (doc);
  double width = sihua_pdf_document_get_content_width (doc);
  double column = (width - 40) / 3;
  double y;

  sihua_pdf_document_ensure_space (doc, 150);
  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("Signatures")), TRUE);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_SMALL,
                                    TR (N_("By signing, both parties confirm that the answers above reflect the "
                                           "company as it was seen on the day of the assessment.")));
  y = sihua_pdf_document_get_cursor (doc) + 50;
  draw_signature_line (report, left, y, column, TR (N_("Assessor")));
  draw_signature_line (report, left + column + 20, y, column, TR (N_("Company representative")));
  draw_signature_line (report, left + 2 * (column + 20), y, column, TR (N_("Date")));
  sihua_pdf_document_skip (doc, 70);
}

/* What each interviewee said, question by question, with the questions
 * where they disagree by two levels or more marked to be discussed; the
 * consolidated answer above is the one that scored. */
static void
add_who_said_what (SihuaReport *report)
{
  GPtrArray *said = report->options->interviewee_answers;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(SihuaPdfTable) table = NULL;
  const char *header[] = { TR (N_("Question")), TR (N_("Interviewee")), TR (N_("Answer")) };
  GPtrArray *questions = sihua_model_get_questions (report->model);

  if (said == NULL || said->len == 0)
    return;

  to_discuss = sihua_interviewee_answers_to_discuss (said);
  sihua_pdf_document_add_heading (report->doc, SIHUA_PDF_STYLE_SUBHEADING, TR (N_("Who said what")), TRUE);
  table = sihua_pdf_table_new (3, (const double[]) { 4.6, 2.4, 4.0 });
  sihua_pdf_table_set_header (table, header);
  for (guint q = 0; q < questions->len; q++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, q);
      g_autoptr(GPtrArray) heard = sihua_interviewee_answers_for (said, question->id);
      gboolean disputed = g_ptr_array_find_with_equal_func (to_discuss, question->id, g_str_equal, NULL);
      g_autofree char *title = NULL;

      if (heard->len == 0)
        continue;
      title = disputed ? g_strdup_printf (TR (N_("%s (to discuss)")), _sihua_report_text (report, &question->text))
                       : g_strdup (_sihua_report_text (report, &question->text));
      for (guint i = 0; i < heard->len; i++)
        {
          SihuaIntervieweeAnswer *one = g_ptr_array_index (heard, i);
          g_autofree char *answer = sihua_answer_value_describe (one->value, question, report->model, report->language);
          const char *cells[] = { i == 0 ? title : "", one->name, answer };

          sihua_pdf_table_add_row (table, cells, NULL);
        }
    }
  sihua_pdf_document_add_table (report->doc, table);
}

void
_sihua_report_add_appendix (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  GPtrArray *areas = sihua_model_get_areas (report->model);

  sihua_pdf_document_add_section (doc, TR (N_("Appendix: the full questionnaire")));
  report->stats->page_appendix = sihua_pdf_document_get_page (doc);

  for (guint a = 0; a < areas->len; a++)
    {
      SihuaArea *area = g_ptr_array_index (areas, a);
      g_autoptr(SihuaPdfTable) table = new_answer_table (report);

      sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, _sihua_report_text (report, &area->title), TRUE);
      for (guint d = 0; d < area->dimensions->len; d++)
        {
          SihuaDimension *dimension = g_ptr_array_index (area->dimensions, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            add_answer_row (report, table, g_ptr_array_index (dimension->questions, q));
        }
      sihua_pdf_document_add_table (doc, table);
    }

  add_who_said_what (report);
  _sihua_report_add_evidence_files (report);
  add_signatures (report);
}
