/* sihua-export-table.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-export.h"
#include "sihua-score.h"

/*
 * The columns of the three tables CSV and XLSX share. Headers are stable
 * identifiers by default, the same in every language, so pivot tables and
 * scripts written against one export keep working on the next
 * (docs/export-format.md lists them); a localized export heads them with
 * their label in the user's language instead, for people reading the file.
 */

typedef struct
{
  const char *header;
  const char *label;   /* N_(): the header of a localized export */
  double      width;   /* XLSX column width, in characters */
} Column;

static const Column company_columns[] = {
  { "company_uuid", N_("Company UUID"), 38 },
  { "name", N_("Name"), 30 },
  { "uscc", N_("Unified social credit code"), 22 },
  { "industry", N_("Industry"), 12 },
  { "size", N_("Size"), 10 },
  { "employees", N_("Employees"), 11 },
  { "region", N_("Region"), 16 },
  { "address", N_("Address"), 30 },
  { "contact", N_("Contact"), 16 },
  { "notes", N_("Notes"), 40 },
  { "created", N_("Created"), 21 },
  { "modified", N_("Modified"), 21 },
};

static const Column assessment_columns[] = {
  { "assessment_uuid", N_("Assessment UUID"), 38 },
  { "company_uuid", N_("Company UUID"), 38 },
  { "company_name", N_("Company"), 30 },
  { "model_id", N_("Model"), 16 },
  { "model_version", N_("Model version"), 14 },
  { "date", N_("Date"), 12 },
  { "consultant", N_("Consultant"), 16 },
  { "status", N_("Status"), 12 },
  { "target_level", N_("Target level"), 12 },
  { "index", N_("Index"), 9 },
  { "stage", N_("Stage"), 7 },
  { "answered", N_("Answered"), 10 },
  { "applicable", N_("Applicable"), 11 },
  { "previous_uuid", N_("Previous assessment UUID"), 38 },
  { "notes", N_("Notes"), 40 },
  { "created", N_("Created"), 21 },
  { "modified", N_("Modified"), 21 },
  { "revision", N_("Revision"), 9 },
  { "finalized", N_("Finalised"), 21 },
  { "interviewees", N_("Interviewees"), 40 },
};
/* followed by one score column per dimension */
#define DIMENSION_WIDTH 14

static const Column answer_columns[] = {
  { "company_uuid", N_("Company UUID"), 38 },
  { "company_name", N_("Company"), 30 },
  { "assessment_uuid", N_("Assessment UUID"), 38 },
  { "assessment_date", N_("Assessment date"), 12 },
  { "dimension_id", N_("Dimension ID"), 18 },
  { "dimension", N_("Dimension"), 24 },
  { "question_id", N_("Question ID"), 18 },
  { "question", N_("Question"), 60 },
  { "value", N_("Answer"), 30 },
  { "number", N_("Number"), 10 },
  { "level", N_("Level"), 7 },
  { "na", N_("Not applicable"), 6 },
  { "note", N_("Note"), 40 },
  { "evidence", N_("Evidence"), 40 },
  { "answered_at", N_("Answered at"), 21 },
  { "answered_by", N_("Answered by"), 16 },
  /* Last, so that files read by column position before it keep working. */
  { "option_ids", N_("Option IDs"), 20 },
  { "evidence_files", N_("Evidence files"), 60 },
  /* What each interviewee said, beside the consolidated answer that scores. */
  { "interviewee_answers", N_("Interviewees' answers"), 50 },
  { "to_discuss", N_("To discuss"), 10 },
};

static const Column *
get_columns (SihuaExportTable  table,
             guint            *n_columns)
{
  switch (table)
    {
    case SIHUA_EXPORT_TABLE_COMPANIES:
      *n_columns = G_N_ELEMENTS (company_columns);
      return company_columns;
    case SIHUA_EXPORT_TABLE_ASSESSMENTS:
      *n_columns = G_N_ELEMENTS (assessment_columns);
      return assessment_columns;
    case SIHUA_EXPORT_TABLE_ANSWERS:
      *n_columns = G_N_ELEMENTS (answer_columns);
      return answer_columns;
    default:
      g_assert_not_reached ();
    }
}

guint
sihua_export_table_get_n_columns (SihuaExportTable  table,
                                  GPtrArray        *dimensions)
{
  guint n_columns;

  g_return_val_if_fail (table < SIHUA_EXPORT_N_TABLES, 0);

  get_columns (table, &n_columns);
  if (table == SIHUA_EXPORT_TABLE_ASSESSMENTS && dimensions != NULL)
    n_columns += dimensions->len;

  return n_columns;
}

/**
 * sihua_export_table_get_header:
 * @localized: the label in the user's language instead of the identifier
 * @owned: (out): set to a string to free when the header was made for the call
 *
 * Returns: the header of @column.
 */
const char *
sihua_export_table_get_header (SihuaExportTable   table,
                               GPtrArray         *dimensions,
                               guint              column,
                               gboolean           localized,
                               char             **owned)
{
  const Column *columns;
  guint n_columns;

  g_return_val_if_fail (table < SIHUA_EXPORT_N_TABLES, NULL);
  g_return_val_if_fail (owned != NULL, NULL);

  *owned = NULL;
  columns = get_columns (table, &n_columns);
  if (column < n_columns)
    return localized ? _(columns[column].label) : columns[column].header;

  g_return_val_if_fail (dimensions != NULL && column - n_columns < dimensions->len, NULL);

  /* "score:ID" keeps the header stable whatever the language of the titles. */
  {
    SihuaExportDimension *dimension = g_ptr_array_index (dimensions, column - n_columns);

    if (localized)
      /* Translators: the header of a dimension's score column in an export */
      *owned = g_strdup_printf (_("Score: %s"), dimension->title != NULL ? dimension->title : dimension->id);
    else
      *owned = g_strconcat ("score:", dimension->id, NULL);
  }

  return *owned;
}

double
sihua_export_table_get_width (SihuaExportTable table,
                              guint            column)
{
  const Column *columns;
  guint n_columns;

  g_return_val_if_fail (table < SIHUA_EXPORT_N_TABLES, 10);

  columns = get_columns (table, &n_columns);
  if (column < n_columns)
    return columns[column].width;

  return DIMENSION_WIDTH;
}

/* Scores as the window shows them, so a sum in a spreadsheet matches the
 * screen and the report. */
static SihuaExportCell
shown_score (double value)
{
  return isnan (value) ? sihua_export_cell_empty () : sihua_export_cell_number (sihua_score_round1 (value));
}

static SihuaExportCell
optional_integer (gint64 value)
{
  return value >= 0 ? sihua_export_cell_integer (value) : sihua_export_cell_empty ();
}

void
sihua_export_company_cells (const SihuaExportCompany *company,
                            SihuaExportCell          *cells)
{
  guint i = 0;

  g_return_if_fail (company != NULL);
  g_return_if_fail (cells != NULL);

  cells[i++] = sihua_export_cell_text (company->uuid);
  cells[i++] = sihua_export_cell_text (company->name);
  cells[i++] = sihua_export_cell_text (company->uscc);
  cells[i++] = sihua_export_cell_text (company->industry);
  cells[i++] = sihua_export_cell_text (company->size);
  cells[i++] = optional_integer (company->employees);
  cells[i++] = sihua_export_cell_text (company->region);
  cells[i++] = sihua_export_cell_text (company->address);
  cells[i++] = sihua_export_cell_text (company->contact);
  cells[i++] = sihua_export_cell_text (company->notes);
  cells[i++] = sihua_export_cell_text (company->created);
  cells[i++] = sihua_export_cell_text (company->modified);

  g_assert (i == G_N_ELEMENTS (company_columns));
}

void
sihua_export_assessment_cells (const SihuaExportAssessment *assessment,
                               GPtrArray                   *dimensions,
                               SihuaExportCell             *cells)
{
  guint i = 0;

  g_return_if_fail (assessment != NULL);
  g_return_if_fail (cells != NULL);

  cells[i++] = sihua_export_cell_text (assessment->uuid);
  cells[i++] = sihua_export_cell_text (assessment->company_uuid);
  cells[i++] = sihua_export_cell_text (assessment->company_name);
  cells[i++] = sihua_export_cell_text (assessment->model_id);
  cells[i++] = sihua_export_cell_text (assessment->model_version);
  cells[i++] = sihua_export_cell_text (assessment->date);
  cells[i++] = sihua_export_cell_text (assessment->consultant);
  cells[i++] = sihua_export_cell_text (assessment->status);
  cells[i++] = optional_integer (assessment->target_level);
  cells[i++] = shown_score (assessment->index);
  cells[i++] = optional_integer (assessment->stage);
  cells[i++] = sihua_export_cell_integer (assessment->answered);
  cells[i++] = sihua_export_cell_integer (assessment->applicable);
  cells[i++] = sihua_export_cell_text (assessment->previous_uuid);
  cells[i++] = sihua_export_cell_text (assessment->notes);
  cells[i++] = sihua_export_cell_text (assessment->created);
  cells[i++] = sihua_export_cell_text (assessment->modified);
  cells[i++] = sihua_export_cell_integer (assessment->revision);
  cells[i++] = sihua_export_cell_text (assessment->finalized);
  cells[i++] = sihua_export_cell_text (assessment->interviewees);

  g_assert (i == G_N_ELEMENTS (assessment_columns));

  for (guint d = 0; dimensions != NULL && d < dimensions->len; d++)
    {
      double score = assessment->dimension_scores != NULL ? assessment->dimension_scores[d] : NAN;
      cells[i++] = shown_score (score);
    }
}

void
sihua_export_answer_cells (const SihuaExportAnswer *answer,
                           SihuaExportCell         *cells)
{
  guint i = 0;

  g_return_if_fail (answer != NULL);
  g_return_if_fail (cells != NULL);

  cells[i++] = sihua_export_cell_text (answer->company_uuid);
  cells[i++] = sihua_export_cell_text (answer->company_name);
  cells[i++] = sihua_export_cell_text (answer->assessment_uuid);
  cells[i++] = sihua_export_cell_text (answer->assessment_date);
  cells[i++] = sihua_export_cell_text (answer->dimension_id);
  cells[i++] = sihua_export_cell_text (answer->dimension_title);
  cells[i++] = sihua_export_cell_text (answer->question_id);
  cells[i++] = sihua_export_cell_text (answer->question_text);
  cells[i++] = sihua_export_cell_text (answer->value);
  cells[i++] = answer->has_number ? sihua_export_cell_number (answer->number) : sihua_export_cell_empty ();
  cells[i++] = optional_integer (answer->level);
  cells[i++] = sihua_export_cell_boolean (answer->not_applicable);
  cells[i++] = sihua_export_cell_text (answer->note);
  cells[i++] = sihua_export_cell_text (answer->evidence);
  cells[i++] = sihua_export_cell_text (answer->answered_at);
  cells[i++] = sihua_export_cell_text (answer->answered_by);
  cells[i++] = sihua_export_cell_text (answer->option_ids);
  cells[i++] = sihua_export_cell_text (answer->evidence_files);
  cells[i++] = sihua_export_cell_text (answer->interviewee_answers);
  cells[i++] = sihua_export_cell_boolean (answer->to_discuss);

  g_assert (i == G_N_ELEMENTS (answer_columns));
}
