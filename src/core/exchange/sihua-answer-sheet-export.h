/* sihua-answer-sheet-export.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sihua-model.h"

G_BEGIN_DECLS

/*
 * The answer sheet of an assessment: its answers in the model's order, as
 * an official form asks them, so a manager can copy them into the official
 * online self-assessment (the MIIT index) in minutes. One row per scored
 * choice item (option letters upper case, as the form prints them) and per
 * ladder question (its level); the numbers recorded behind an item (device
 * counts, 万元/年 …) go with it, with the value a derive rule computes.
 *
 * The window and the report build the same rows with
 * sihua_answer_sheet_export_build() and show or print them; the CLI and the
 * window's export write them with sihua_answer_sheet_export_write().
 */

typedef enum
{
  SIHUA_ANSWER_SHEET_EXPORT_CSV,
  SIHUA_ANSWER_SHEET_EXPORT_XLSX,
} SihuaAnswerSheetExportFormat;

typedef struct
{
  guint  number;       /* 1, 2 … in model order */
  char  *area;         /* 数字化基础 */
  char  *dimension;    /* 设备系统 */
  char  *question_id;  /* base.network */
  char  *question;     /* the item's text */
  char  *letters;      /* "B, C"; for a ladder its level "3"; "" when unanswered */
  char  *answer;       /* the chosen options' texts, or the level's name */
  char  *numbers;      /* "其中生产设备数量为（台） 50; … → 40.0 %", or "" */
  char  *remark;       /* "Derived from the numbers", "N/A", or "" */
} SihuaAnswerSheetLine;

/* Returns: (transfer full) (element-type SihuaAnswerSheetLine): the lines. */
GPtrArray  *sihua_answer_sheet_export_build      (SihuaModel                    *model,
                                                  GHashTable                    *answers,
                                                  SihuaLanguage                  language);
void        sihua_answer_sheet_line_free         (SihuaAnswerSheetLine          *line);
/* The heading of @column (0–7, the line's fields in order) in @language. */
const char *sihua_answer_sheet_export_get_header (guint                          column,
                                                  SihuaLanguage                  language);
/* Writes @lines to @path (a CSV file with a byte order mark, which Excel
 * needs for Chinese text, or an XLSX workbook), replacing it only once it
 * is complete. */
gboolean    sihua_answer_sheet_export_write      (GPtrArray                     *lines,
                                                  SihuaAnswerSheetExportFormat   format,
                                                  const char                    *path,
                                                  SihuaLanguage                  language,
                                                  GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaAnswerSheetLine, sihua_answer_sheet_line_free)

G_END_DECLS
