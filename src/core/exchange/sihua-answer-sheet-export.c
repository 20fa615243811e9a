/* sihua-answer-sheet-export.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sihua-answer.h"
#include "sihua-answer-sheet-export.h"
#include "sihua-export.h"
#include "sihua-export-file.h"

#define N_COLUMNS 8

/* The sheet is for the official form, whose language is not the window's:
 * its words follow the language asked for, like the model's texts. */
static const SihuaText headers[N_COLUMNS] = {
  { (char *) "序号", (char *) "No." },
  { (char *) "维度", (char *) "Area" },
  { (char *) "指标", (char *) "Indicator" },
  { (char *) "题目", (char *) "Item" },
  { (char *) "选项", (char *) "Option" },
  { (char *) "答案", (char *) "Answer" },
  { (char *) "填报数据", (char *) "Figures" },
  { (char *) "备注", (char *) "Remark" },
};
static const double widths[N_COLUMNS] = { 6, 12, 14, 50, 8, 50, 40, 24 };
static const SihuaText remark_derived = {
  (char *) "由填报数据推算", (char *) "Derived from the figures" };
static const SihuaText remark_mismatch = {
  (char *) "与填报数据推算的选项不一致，请核实", (char *) "Differs from the option the figures give: verify" };
static const SihuaText sheet_name = { (char *) "答题卡", (char *) "Answer sheet" };
static const SihuaText remark_na = { (char *) "不适用", (char *) "Not applicable" };

void
sihua_answer_sheet_line_free (SihuaAnswerSheetLine *row)
{
  if (row == NULL)
    return;
  g_free (row->area);
  g_free (row->dimension);
  g_free (row->question_id);
  g_free (row->question);
  g_free (row->letters);
  g_free (row->answer);
  g_free (row->numbers);
  g_free (row->remark);
  g_free (row);
}

const char *
sihua_answer_sheet_export_get_header (guint         column,
                               SihuaLanguage language)
{
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  return sihua_text_get (&headers[column], language, NULL);
}

static const SihuaAnswerValue *
answer_value (GHashTable *answers,
              const char *question_id)
{
  const SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  return answer != NULL ? answer->value : NULL;
}

/* "其中生产设备数量为（台） 50" for each number recorded with the item. */
static void
append_number (GString             *numbers,
               const SihuaQuestion *question,
               GHashTable          *answers,
               SihuaLanguage        language)
{
  const SihuaAnswerValue *value = answer_value (answers, question->id);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == NULL || value->kind != SIHUA_ANSWER_NUMBER)
    return;

  if (numbers->len > 0)
    g_string_append (numbers, "; ");
  g_ascii_formatd (number, sizeof number, "%.15g", value->number);
  g_string_append_printf (numbers, "%s %s", sihua_text_get (&question->text, language, NULL), number);
}

static void
fill_choice (SihuaAnswerSheetLine     *row,
             SihuaModel              *model,
             const SihuaQuestion     *question,
             const SihuaAnswerValue  *value,
             GHashTable              *answers,
             SihuaLanguage            language)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const SihuaOption *derived = sihua_question_derive_option (model, question, answers, NULL);
  const char * const *ids = NULL;
  const char *single[2] = { NULL, NULL };

  if (value != NULL && value->kind == SIHUA_ANSWER_OPTION)
    {
      single[0] = value->option_id;
      ids = single;
      if (derived != NULL && g_strcmp0 (derived->id, value->option_id) != 0)
        row->remark = g_strdup (sihua_text_get (&remark_mismatch, language, NULL));
    }
  else if (value != NULL && value->kind == SIHUA_ANSWER_OPTIONS)
    ids = (const char * const *) value->option_ids;
  else if (value == NULL && derived != NULL)
    {
      single[0] = derived->id;
      ids = single;
      row->remark = g_strdup (sihua_text_get (&remark_derived, language, NULL));
    }

  /* The options in the form's order, whatever order they were ticked in. */
  for (guint i = 0; ids != NULL && i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);

      if (!g_strv_contains (ids, option->id))
        continue;
      g_ptr_array_add (letters, g_ascii_strup (option->id, -1));
      g_ptr_array_add (texts, (gpointer) sihua_text_get (&option->text, language, NULL));
    }
  g_ptr_array_add (letters, NULL);
  g_ptr_array_add (texts, NULL);

  row->letters = g_strjoinv (", ", (char **) letters->pdata);
  /* Options such as 企业网络建设连接情况's hold commas of their own. */
  row->answer = g_strjoinv ("; ", (char **) texts->pdata);
}

static void
fill_ladder (SihuaAnswerSheetLine    *row,
             SihuaModel             *model,
             const SihuaQuestion    *question,
             const SihuaAnswerValue *value,
             SihuaLanguage           language)
{
  int level = -1;
  const SihuaLevel *named;

  if (value != NULL && value->kind != SIHUA_ANSWER_NA)
    sihua_answer_value_evaluate (value, question, &level, NULL, NULL);

  named = level >= 0 ? sihua_model_get_level (model, level) : NULL;
  row->letters = level >= 0 ? g_strdup_printf ("%d", level) : g_strdup ("");
  row->answer = g_strdup (named != NULL ? sihua_text_get (&named->name, language, NULL) : "");
}

static GString *
collect_numbers (SihuaModel          *model,
                 const SihuaQuestion *question,
                 guint                position,
                 GHashTable          *answers,
                 SihuaLanguage        language)
{
  const SihuaDimension *dimension = question->dimension;
  GString *numbers = g_string_new (NULL);
  const SihuaDerive *derive = question->derive;
  double value;

  /* The figures the form asks right below the item. */
  for (guint i = position + 1; i < dimension->questions->len; i++)
    {
      const SihuaQuestion *next = g_ptr_array_index (dimension->questions, i);

      if (next->type != SIHUA_QUESTION_NUMERIC)
        break;
      append_number (numbers, next, answers, language);
    }

  /* A band shares its total with the band before (设备联网率 uses the
   * 总设备 of 设备数字化率): name it again, then the value it gives. */
  if (derive != NULL && derive->denominator_id != NULL)
    {
      const SihuaQuestion *denominator = sihua_model_lookup_question (model, derive->denominator_id);

      if (denominator != NULL && denominator->dimension == dimension &&
          strstr (numbers->str, sihua_text_get (&denominator->text, language, NULL)) == NULL)
        append_number (numbers, denominator, answers, language);
    }
  if (derive != NULL && sihua_question_derive_option (model, question, answers, &value) != NULL)
    g_string_append_printf (numbers, " → %.1f", value);

  return numbers;
}

/**
 * sihua_answer_sheet_export_build:
 * @model: the model the answers belong to
 * @answers: (element-type utf8 SihuaAnswer): the answers
 * @language: the language of the texts
 *
 * Returns: (transfer full) (element-type SihuaAnswerSheetLine): one row per
 *   scored question, in model order.
 */
GPtrArray *
sihua_answer_sheet_export_build (SihuaModel    *model,
                          GHashTable    *answers,
                          SihuaLanguage  language)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_sheet_line_free);
  GPtrArray *areas;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  areas = sihua_model_get_areas (model);
  for (guint a = 0; a < areas->len; a++)
    {
      const SihuaArea *area = g_ptr_array_index (areas, a);

      if (!area->scored)
        continue;

      for (guint d = 0; d < area->dimensions->len; d++)
        {
          const SihuaDimension *dimension = g_ptr_array_index (area->dimensions, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const SihuaQuestion *question = g_ptr_array_index (dimension->questions, q);
              const SihuaAnswerValue *value = answer_value (answers, question->id);
              SihuaAnswerSheetLine *row;
              GString *numbers;

              if (!sihua_question_is_scored (question) || question->type == SIHUA_QUESTION_NUMERIC)
                continue;

              row = g_new0 (SihuaAnswerSheetLine, 1);
              row->number = rows->len + 1;
              row->area = g_strdup (sihua_text_get (&area->title, language, NULL));
              row->dimension = g_strdup (sihua_text_get (&dimension->title, language, NULL));
              row->question_id = g_strdup (question->id);
              row->question = g_strdup (sihua_text_get (&question->text, language, NULL));

              if (value != NULL && value->kind == SIHUA_ANSWER_NA)
                {
                  row->letters = g_strdup ("");
                  row->answer = g_strdup ("");
                  row->remark = g_strdup (sihua_text_get (&remark_na, language, NULL));
                }
              else if (question->type == SIHUA_QUESTION_LADDER)
                fill_ladder (row, model, question, value, language);
              else
                fill_choice (row, model, question, value, answers, language);

              numbers = collect_numbers (model, question, q, answers, language);
              row->numbers = g_string_free (numbers, FALSE);
              if (row->remark == NULL)
                row->remark = g_strdup ("");
              g_ptr_array_add (rows, row);
            }
        }
    }

  return rows;
}

static void
row_cells (const SihuaAnswerSheetLine *row,
           SihuaExportCell           *cells)
{
  cells[0] = sihua_export_cell_integer (row->number);
  cells[1] = sihua_export_cell_text (row->area);
  cells[2] = sihua_export_cell_text (row->dimension);
  cells[3] = sihua_export_cell_text (row->question);
  cells[4] = sihua_export_cell_text (row->letters);
  cells[5] = sihua_export_cell_text (row->answer);
  cells[6] = sihua_export_cell_text (row->numbers);
  cells[7] = sihua_export_cell_text (row->remark);
}

static gboolean
write_csv (GPtrArray     *rows,
           const char    *path,
           SihuaLanguage  language,
           GError       **error)
{
  g_autoptr(SihuaExportFile) file = sihua_export_file_open (path, error);
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  if (file == NULL)
    return FALSE;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      sihua_export_cell_append_csv_text (out, sihua_answer_sheet_export_get_header (c, language));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < rows->len; i++)
    {
      SihuaExportCell cells[N_COLUMNS];

      row_cells (g_ptr_array_index (rows, i), cells);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          sihua_export_cell_append_csv (out, &cells[c]);
        }
      g_string_append (out, "\r\n");
    }

  return sihua_export_file_write (file, out->str, out->len, error) &&
         sihua_export_file_commit (file, error);
}

static gboolean
check_xlsx (lxw_error    result,
            const char  *path,
            GError     **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), path, lxw_strerror (result));
  return FALSE;
}

static gboolean
write_xlsx_cells (lxw_worksheet  *sheet,
                  GPtrArray      *rows,
                  SihuaLanguage   language,
                  lxw_format     *bold,
                  lxw_format     *wrap,
                  const char     *path,
                  GError        **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (!check_xlsx (worksheet_set_column (sheet, c, c, widths[c], wrap), path, error) ||
        !check_xlsx (worksheet_write_string (sheet, 0, c, sihua_answer_sheet_export_get_header (c, language),
                                             bold), path, error))
      return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      SihuaExportCell cells[N_COLUMNS];

      row_cells (g_ptr_array_index (rows, i), cells);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          lxw_error result = LXW_NO_ERROR;

          if (cells[c].kind == SIHUA_EXPORT_CELL_INTEGER)
            result = worksheet_write_number (sheet, i + 1, c, (double) cells[c].integer, NULL);
          else if (cells[c].kind == SIHUA_EXPORT_CELL_TEXT && *cells[c].text != '\0')
            result = worksheet_write_string (sheet, i + 1, c, cells[c].text, NULL);
          if (!check_xlsx (result, path, error))
            return FALSE;
        }
    }

  worksheet_freeze_panes (sheet, 1, 0);
  return TRUE;
}

static gboolean
write_xlsx (GPtrArray     *rows,
            const char    *path,
            SihuaLanguage  language,
            GError       **error)
{
  g_autofree char *part_path = g_strconcat (path, ".part", NULL);
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold, *wrap;
  gboolean ok;
  int fd;

  /* Owner-only, like every export: it holds a client's answers. */
  fd = sihua_export_file_create_private (part_path);
  if (fd >= 0)
    close (fd);

  workbook = workbook_new (part_path);
  if (workbook == NULL)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE, _("Cannot write %s"), path);
      g_unlink (part_path);
      return FALSE;
    }

  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  sheet = workbook_add_worksheet (workbook, sihua_text_get (&sheet_name, language, NULL));

  ok = write_xlsx_cells (sheet, rows, language, bold, wrap, path, error);
  if (!check_xlsx (workbook_close (workbook), path, ok ? error : NULL))
    ok = FALSE;

  if (ok && g_rename (part_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part_path);

  return ok;
}

/**
 * sihua_answer_sheet_export_write:
 * @rows: (element-type SihuaAnswerSheetLine): from sihua_answer_sheet_export_build()
 *
 * Returns: whether @path was written; %FALSE with @error set otherwise.
 */
gboolean
sihua_answer_sheet_export_write (GPtrArray               *rows,
                          SihuaAnswerSheetExportFormat   format,
                          const char              *path,
                          SihuaLanguage            language,
                          GError                 **error)
{
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == SIHUA_ANSWER_SHEET_EXPORT_XLSX)
    return write_xlsx (rows, path, language, error);
  return write_csv (rows, path, language, error);
}
