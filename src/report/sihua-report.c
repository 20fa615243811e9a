/* sihua-report.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-official.h"
#include "sihua-pdf-painter.h"
#include "sihua-report-private.h"

G_DEFINE_QUARK (sihua-report-error-quark, sihua_report_error)

static const struct
{
  const char          *name;
  SihuaReportSections  section;
} section_names[] = {
  { "cover", SIHUA_REPORT_SECTION_COVER },
  { "summary", SIHUA_REPORT_SECTION_SUMMARY },
  { "guide", SIHUA_REPORT_SECTION_GUIDE },
  { "dimensions", SIHUA_REPORT_SECTION_DIMENSIONS },
  { "evidence", SIHUA_REPORT_SECTION_EVIDENCE },
  { "barriers", SIHUA_REPORT_SECTION_BARRIERS },
  { "roadmap", SIHUA_REPORT_SECTION_ROADMAP },
  { "appendix", SIHUA_REPORT_SECTION_APPENDIX },
};

void
sihua_report_options_init (SihuaReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->language = SIHUA_LANGUAGE_ZH_CN;
  options->sections = SIHUA_REPORT_SECTIONS_ALL;
}

/**
 * sihua_report_sections_parse:
 * @list: names separated by commas: cover, summary, guide, dimensions,
 *   evidence, barriers, roadmap, appendix, or "all"
 * @sections: (out): the sections
 * @error: return location for an error
 *
 * Returns: whether @list names only known sections, at least one.
 */
gboolean
sihua_report_sections_parse (const char           *list,
                             SihuaReportSections  *sections,
                             GError              **error)
{
  g_auto(GStrv) names = NULL;
  SihuaReportSections result = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (sections != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean known = FALSE;

      if (*name == '\0')
        continue;
      if (g_str_equal (name, "all"))
        {
          result = SIHUA_REPORT_SECTIONS_ALL;
          continue;
        }
      for (guint j = 0; j < G_N_ELEMENTS (section_names); j++)
        if (g_str_equal (name, section_names[j].name))
          {
            result |= section_names[j].section;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, SIHUA_REPORT_ERROR, SIHUA_REPORT_ERROR_INVALID,
                       _("Unknown report section “%s”; the sections are cover, summary, guide, "
                         "dimensions, evidence, barriers, roadmap and appendix"), name);
          return FALSE;
        }
    }

  if (result == 0)
    {
      g_set_error_literal (error, SIHUA_REPORT_ERROR, SIHUA_REPORT_ERROR_INVALID,
                           _("No report section chosen"));
      return FALSE;
    }

  *sections = result;
  return TRUE;
}

/* Shared helpers ----------------------------------------------------------- */

const char *
_sihua_report_tr (SihuaReport *report,
                  const char  *msgid)
{
  return sihua_report_catalog_get (report->catalog, msgid);
}

const char *
_sihua_report_text (SihuaReport     *report,
                    const SihuaText *text)
{
  const char *value = sihua_text_get (text, report->language, NULL);

  return value != NULL ? value : "";
}

const char *
_sihua_report_stage_name (SihuaReport *report,
                          int          stage)
{
  const SihuaLevel *level = stage >= 0 ? sihua_model_get_level (report->model, stage) : NULL;

  return level != NULL ? _sihua_report_text (report, &level->name) : "—";
}

/* "第 2 级（自动化）", "level 2 (Automation)": a stage as sentences name it. */
char *
_sihua_report_stage_label (SihuaReport *report,
                           int          stage)
{
  if (stage < 0)
    return g_strdup (TR (N_("not scored")));
  /* The official indices name their levels themselves: "二级", "Level 2". */
  if (sihua_official_applies (report->model))
    return g_strdup (_sihua_report_stage_name (report, stage));

  /* Translators: a stage of the model in a sentence: its number and name */
  return g_strdup_printf (TR (N_("level %d (%s)")), stage, _sihua_report_stage_name (report, stage));
}

SihuaPdfColor
_sihua_report_stage_color (SihuaReport *report,
                           int          stage)
{
  const SihuaColor *color;
  SihuaPdfColor result;

  if (stage < 0 || stage >= SIHUA_N_STAGES)
    color = &report->palette->empty;
  else
    color = &report->palette->stage[stage];

  result.r = color->red;
  result.g = color->green;
  result.b = color->blue;

  return result;
}

char *
_sihua_report_describe_answer (SihuaReport         *report,
                               const SihuaQuestion *question)
{
  SihuaAnswer *answer = g_hash_table_lookup (report->answers, question->id);

  /* Hidden by the answers, as on screen: not asked, so not "not answered",
   * and not counted in the summary either. */
  if (!sihua_question_is_relevant (report->model, question, report->answers))
    {
      const SihuaCondition *condition = question->relevant_if != NULL ? question->relevant_if
                                                                        : question->dimension->relevant_if;
      const SihuaQuestion *cause = condition != NULL
                                   ? sihua_model_lookup_question (report->model, condition->question_id)
                                   : NULL;

      if (cause != NULL)
        return g_strdup_printf (TR (N_("Not applicable: does not apply given the answer to “%s”")),
                                _sihua_report_text (report, &cause->text));
      return g_strdup (TR (N_("Not applicable to this company")));
    }

  if (answer == NULL || answer->value == NULL)
    return g_strdup (TR (N_("Not answered")));
  /* A scene of an official index is rated by a level it names itself. */
  if (answer->value->kind == SIHUA_ANSWER_LEVEL && sihua_official_applies (report->model))
    return g_strdup (_sihua_report_stage_name (report, answer->value->level));

  return sihua_answer_value_describe (answer->value, question, report->model, report->language);
}

/* The consultant's note and the evidence seen, for a table cell. */
char *
_sihua_report_note (SihuaReport         *report,
                    const SihuaQuestion *question)
{
  SihuaAnswer *answer = g_hash_table_lookup (report->answers, question->id);
  GString *text = g_string_new (NULL);

  if (answer != NULL && answer->note != NULL && *answer->note != '\0')
    g_string_append (text, answer->note);
  if (answer != NULL && answer->evidence != NULL && *answer->evidence != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, TR (N_("Evidence: %s")), answer->evidence);
    }

  return g_string_free (text, FALSE);
}

/* Charts ------------------------------------------------------------------- */

typedef struct
{
  SihuaChartKind      kind;
  SihuaChartData     *data;
  const SihuaPalette *palette;
} ChartBlock;

static void
chart_block_free (gpointer data)
{
  ChartBlock *block = data;

  sihua_chart_data_free (block->data);
  g_free (block);
}

static void
draw_chart_block (const SihuaPdfBlockContext *context,
                  gpointer                    user_data)
{
  ChartBlock *block = user_data;
  SihuaPainter *painter;

  painter = sihua_pdf_painter_new (context->pdf, context->page, context->font, context->x,
                                   SIHUA_PDF_A4_HEIGHT - context->y - context->height,
                                   context->width, context->height);
  sihua_chart_draw (block->kind, block->data, painter, block->palette,
                    context->width, context->height, SIHUA_CHART_FLAGS_NONE);
  sihua_painter_free (painter);
}

SihuaChartData *
_sihua_report_build_chart_data (SihuaReport *report)
{
  SihuaChartData *data = sihua_chart_data_new_from_score (report->score,
                                                          sihua_results_get_previous_score (report->results),
                                                          -1, report->language);

  /* The roadmap's measures, for the priority matrix. */
  if (report->roadmap != NULL)
    sihua_chart_data_add_roadmap (data, report->roadmap);

  /* The embedded font is cut down to the characters the report prints, so
   * it must learn every one the charts draw. */
  for (guint i = 0; i < SIHUA_CHART_N_LEVELS; i++)
    if (data->level_names[i] != NULL)
      sihua_pdf_font_add_text (report->font, data->level_names[i]);

  for (guint i = 0; i < data->dimensions->len; i++)
    {
      const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);

      sihua_pdf_font_add_text (report->font, dimension->label);
      if (dimension->short_label != NULL)
        sihua_pdf_font_add_text (report->font, dimension->short_label);
    }

  for (guint t = 0; t < SIHUA_CHART_N_TEXTS; t++)
    sihua_pdf_font_add_text (report->font, sihua_chart_data_get_text (data, t));
  /* Signs a chart may print besides digits and Latin letters. */
  sihua_pdf_font_add_text (report->font, "·—–…：（）％%+±↑↓→");

  return data;
}

/* Places a chart at (@x, @y) from the top-left of the current page. */
void
_sihua_report_add_chart (SihuaReport    *report,
                         SihuaChartKind  kind,
                         double          x,
                         double          y,
                         double          width,
                         double          height)
{
  ChartBlock *block = g_new0 (ChartBlock, 1);

  block->kind = kind;
  block->data = _sihua_report_build_chart_data (report);
  block->palette = report->palette;
  sihua_pdf_document_place_block (report->doc, x, y, width, height,
                                  draw_chart_block, block, chart_block_free);
}

/* Putting it together ------------------------------------------------------ */

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  SihuaReport *report = user_data;

  return g_strdup_printf (TR (N_("Page %u of %u")), page, n_pages);
}

void
_sihua_report_free (SihuaReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->doc, sihua_pdf_document_free);
  g_clear_pointer (&report->font, sihua_pdf_font_free);
  g_clear_pointer (&report->catalog, sihua_report_catalog_free);
  g_clear_object (&report->results);
  g_free (report);
}

/* Lays the report out from @results, ready to be saved. @options must
 * outlive the report. */
SihuaReport *
_sihua_report_new (SihuaResults             *results,
                   const SihuaReportOptions *options,
                   GError                  **error)
{
  g_autoptr(SihuaPdfFont) font = NULL;
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  SihuaReport *report;
  SihuaReportSections sections;
  gboolean official;

  font = sihua_pdf_font_new_default (error);
  if (font == NULL)
    return NULL;

  report = g_new0 (SihuaReport, 1);
  report->results = g_object_ref (results);
  report->company = sihua_results_get_company (results);
  report->assessment = sihua_results_get_assessment (results);
  report->model = sihua_results_get_model (results);
  report->answers = sihua_results_get_answers (results);
  report->options = options;
  report->language = options->language;
  report->font = g_steal_pointer (&font);
  report->catalog = sihua_report_catalog_new (options->language);
  report->palette = sihua_palette_get (SIHUA_PALETTE_LIGHT);
  report->stats = &report->own_stats;

  /* Shown, not computed: the window and the CLI show the same results. */
  report->score = sihua_results_get_score (results);
  report->target = sihua_results_get_target (results);
  report->roadmap = sihua_results_get_roadmap (results);
  report->next = sihua_results_get_next_level (results);
  report->flags = sihua_results_get_flags (results);
  report->comparison = sihua_results_get_comparison (results);
  report->previous = sihua_results_get_previous (results);

  report->doc = sihua_pdf_document_new (report->font);
  {
    g_autofree char *consultant = _sihua_report_consultant (report);
    g_autofree char *subject = g_strdup_printf ("%s · %s", report->company->name,
                                                report->assessment->date != NULL ? report->assessment->date : "");

    sihua_pdf_document_set_info (report->doc, _sihua_report_title (report), consultant, subject, options->created);
  }
  header = g_strdup_printf ("%s · %s", report->company->name, _sihua_report_title (report));
  sihua_pdf_document_set_header (report->doc, header, report->assessment->date);
  if (options->firm != NULL && *options->firm != '\0')
    footer = g_strdup_printf (TR (N_("Confidential · %s")), options->firm);
  else
    footer = g_strdup (TR (N_("Confidential")));
  if (options->record_sha256 != NULL)
    {
      g_autofree char *short_hash = sihua_revision_short_hash (options->record_sha256);
      g_autofree char *sealed = g_strdup_printf (TR (N_("%s · Finalised, revision %d · record %s")),
                                                 footer, options->revision, short_hash);

      g_free (footer);
      footer = g_steal_pointer (&sealed);
    }
  sihua_pdf_document_set_footer (report->doc, footer, page_label, report);

  sections = options->sections != 0 ? options->sections : SIHUA_REPORT_SECTIONS_ALL;
  if (sections & SIHUA_REPORT_SECTION_COVER)
    _sihua_report_add_cover (report);
  official = sihua_official_applies (report->model);
  if (sections & SIHUA_REPORT_SECTION_SUMMARY)
    {
      if (official)
        _sihua_report_add_official_summary (report);
      else
        _sihua_report_add_summary (report);
    }
  if (sections & SIHUA_REPORT_SECTION_GUIDE)
    _sihua_report_add_guide (report);
  if (sections & SIHUA_REPORT_SECTION_DIMENSIONS)
    _sihua_report_add_dimensions (report);
  if (sections & SIHUA_REPORT_SECTION_EVIDENCE)
    _sihua_report_add_evidence (report);
  if (sections & SIHUA_REPORT_SECTION_BARRIERS)
    _sihua_report_add_barriers (report);
  if (sections & SIHUA_REPORT_SECTION_ROADMAP)
    _sihua_report_add_roadmap (report);
  if (sections & SIHUA_REPORT_SECTION_APPENDIX)
    _sihua_report_add_appendix (report);
  if (official && (sections & SIHUA_REPORT_SECTION_APPENDIX))
    _sihua_report_add_answer_sheet (report);

  return report;
}

/**
 * sihua_report_write:
 * @results: the results of a stored assessment (with its company)
 * @options: language, sections, consultant and firm
 * @path: the PDF file to write
 * @stats: (out) (optional): what was written
 * @error: return location for an error
 *
 * Writes the assessment report. The file appears complete or not at all.
 *
 * Returns: whether the report was written.
 */
gboolean
sihua_report_write (SihuaResults             *results,
                    const SihuaReportOptions *options,
                    const char               *path,
                    SihuaReportStats         *stats,
                    GError                  **error)
{
  SihuaReport *report;
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_RESULTS (results), FALSE);
  g_return_val_if_fail (sihua_results_get_company (results) != NULL, FALSE);
  g_return_val_if_fail (sihua_results_get_assessment (results) != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = _sihua_report_new (results, options, error);
  if (report == NULL)
    return FALSE;

  ok = sihua_pdf_document_save (report->doc, path, error);
  report->stats->n_pages = sihua_pdf_document_get_n_pages (report->doc);
  report->stats->font_bytes = sihua_pdf_font_get_embedded_size (report->font);
  if (ok && stats != NULL)
    *stats = *report->stats;
  _sihua_report_free (report);

  return ok;
}

/**
 * sihua_report_write_from_store:
 * @store: the store
 * @assessment_id: the assessment to report on
 * @options: language, sections, consultant and firm
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Loads the results of the assessment (sihua_results_load()) and writes the
 * report.
 *
 * Returns: whether the report was written.
 */
gboolean
sihua_report_write_from_store (SihuaStore               *store,
                               gint64                    assessment_id,
                               const SihuaReportOptions *options,
                               const char               *path,
                               GError                  **error)
{
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autofree char *interviewees_line = NULL;
  SihuaReportOptions filled;
  const SihuaAssessment *assessment;

  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  results = sihua_results_load (store, assessment_id, NULL, error);
  if (results == NULL)
    return FALSE;

  /* The cover names the people interviewed, and a finalised record's hash. */
  filled = *options;
  if (filled.evidence_store == NULL)
    filled.evidence_store = store;
  interviewees = sihua_store_list_interviewees (store, assessment_id, error);
  if (interviewees == NULL)
    return FALSE;
  interviewees_line = sihua_interviewees_join (interviewees);
  if (filled.interviewees == NULL)
    filled.interviewees = interviewees_line;
  said = sihua_store_list_interviewee_answers (store, assessment_id, error);
  if (said == NULL)
    return FALSE;
  if (filled.interviewee_answers == NULL)
    filled.interviewee_answers = said;
  assessment = sihua_results_get_assessment (results);
  if (filled.record_sha256 == NULL && assessment->finalized_at != 0)
    {
      revisions = sihua_store_list_revisions (store, assessment_id, error);
      if (revisions == NULL)
        return FALSE;
      if (revisions->len > 0)
        {
          SihuaRevision *last = g_ptr_array_index (revisions, revisions->len - 1);

          filled.revision = last->revision;
          filled.record_sha256 = last->record_sha256;
        }
    }

  return sihua_report_write (results, &filled, path, NULL, error);
}
