/* sihua-answer-sheet.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-save-state.h"
#include "sihua-store.h"

G_BEGIN_DECLS

#define SIHUA_ANSWER_SHEET_ERROR (sihua_answer_sheet_error_quark ())

/**
 * SihuaAnswerSheetError:
 * @SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO: no change undone on this sheet
 *   is left to redo
 */
typedef enum
{
  SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO,
} SihuaAnswerSheetError;

#define SIHUA_TYPE_ANSWER_SHEET (sihua_answer_sheet_get_type ())
G_DECLARE_FINAL_TYPE (SihuaAnswerSheet, sihua_answer_sheet, SIHUA, ANSWER_SHEET, GObject)

GQuark             sihua_answer_sheet_error_quark    (void);

SihuaAnswerSheet  *sihua_answer_sheet_new            (SihuaStore          *store,
                                                      gint64               assessment_id);
SihuaStore        *sihua_answer_sheet_get_store      (SihuaAnswerSheet    *self);
gint64             sihua_answer_sheet_get_assessment_id (SihuaAnswerSheet *self);

void               sihua_answer_sheet_load_async     (SihuaAnswerSheet    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           sihua_answer_sheet_load_finish    (SihuaAnswerSheet    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean           sihua_answer_sheet_load           (SihuaAnswerSheet    *self,
                                                      GError             **error);

GHashTable        *sihua_answer_sheet_get_answers    (SihuaAnswerSheet    *self);
const SihuaAnswer *sihua_answer_sheet_lookup         (SihuaAnswerSheet    *self,
                                                      const char          *question_id);
const SihuaAnswer *sihua_answer_sheet_lookup_saved   (SihuaAnswerSheet    *self,
                                                      const char          *question_id);

void               sihua_answer_sheet_set            (SihuaAnswerSheet    *self,
                                                      const char          *question_id,
                                                      const SihuaAnswerValue *value,
                                                      const char          *note,
                                                      const char          *evidence);
void               sihua_answer_sheet_set_all        (SihuaAnswerSheet    *self,
                                                      GPtrArray           *answers);

void               sihua_answer_sheet_undo_async     (SihuaAnswerSheet    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
SihuaAnswerChange *sihua_answer_sheet_undo_finish    (SihuaAnswerSheet    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
SihuaAnswerChange *sihua_answer_sheet_undo           (SihuaAnswerSheet    *self,
                                                      GError             **error);
void               sihua_answer_sheet_redo_async     (SihuaAnswerSheet    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char              *sihua_answer_sheet_redo_finish    (SihuaAnswerSheet    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
char              *sihua_answer_sheet_redo           (SihuaAnswerSheet    *self,
                                                      GError             **error);
gboolean           sihua_answer_sheet_can_redo       (SihuaAnswerSheet    *self);

SihuaSaveState     sihua_answer_sheet_get_save_state (SihuaAnswerSheet    *self);
guint              sihua_answer_sheet_get_n_pending  (SihuaAnswerSheet    *self);
gboolean           sihua_answer_sheet_is_pending     (SihuaAnswerSheet    *self,
                                                      const char          *question_id);

void               sihua_answer_sheet_flush_async    (SihuaAnswerSheet    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           sihua_answer_sheet_flush_finish   (SihuaAnswerSheet    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean           sihua_answer_sheet_flush          (SihuaAnswerSheet    *self,
                                                      GError             **error);

G_END_DECLS
