/* sihua-question-card.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-answer.h"
#include "sihua-model.h"
#include "sihua-save-state.h"
#include "sihua-store.h"

G_BEGIN_DECLS

/*
 * One question with its answer widgets. It only shows and reports: the page
 * writes to the store.
 *
 * Signals:
 *  - "value-chosen" (gpointer value, gboolean advance): the consultant gave
 *    a value (a SihuaAnswerValue*, transfer none; NULL clears the answer).
 *    @advance is TRUE when focus should move on to the next question.
 *  - "details-changed": the note or the evidence was edited.
 *  - "move" (int direction): Up (-1) or Down (+1) pressed on the card.
 *  - "value-rejected" (gboolean rejected): the value typed was refused and
 *    is not saved (TRUE), or the card no longer holds such a value (FALSE).
 */

#define SIHUA_TYPE_QUESTION_CARD (sihua_question_card_get_type ())
G_DECLARE_FINAL_TYPE (SihuaQuestionCard, sihua_question_card, SIHUA, QUESTION_CARD, AdwBin)

GtkWidget           *sihua_question_card_new            (SihuaModel          *model,
                                                         const SihuaQuestion *question,
                                                         guint                number,
                                                         SihuaLanguage        language);
const SihuaQuestion *sihua_question_card_get_question   (SihuaQuestionCard   *self);
void                 sihua_question_card_set_said       (SihuaQuestionCard   *self,
                                                         const char          *said,
                                                         gboolean             to_discuss);
void                 sihua_question_card_set_answer     (SihuaQuestionCard   *self,
                                                         const SihuaAnswer   *answer);
const char          *sihua_question_card_get_note       (SihuaQuestionCard   *self);
const char          *sihua_question_card_get_evidence   (SihuaQuestionCard   *self);
void                 sihua_question_card_set_save_state (SihuaQuestionCard   *self,
                                                         SihuaSaveState       state,
                                                         const char          *message);
SihuaSaveState       sihua_question_card_get_save_state (SihuaQuestionCard   *self);
void                 sihua_question_card_flush          (SihuaQuestionCard   *self);
gboolean             sihua_question_card_focus_choice   (SihuaQuestionCard   *self);
gboolean             sihua_question_card_pick_level     (SihuaQuestionCard   *self,
                                                         int                  level);
void                 sihua_question_card_show_evidence  (SihuaQuestionCard   *self,
                                                         SihuaStore          *store,
                                                         gint64               assessment_id);
GtkWidget           *sihua_question_card_show_said_button (SihuaQuestionCard *self,
                                                         SihuaStore          *store,
                                                         gint64               assessment_id);
void                 sihua_question_card_reload_record  (SihuaQuestionCard   *self);

G_END_DECLS
