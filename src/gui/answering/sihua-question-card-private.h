/* sihua-question-card-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-question-card.h"

G_BEGIN_DECLS

struct _SihuaQuestionCard
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkBox              *card_box;
  GtkLabel            *number_label;
  GtkLabel            *text_label;
  GtkLabel            *status_label;
  GtkLabel            *error_label;
  GtkToggleButton     *na_button;
  GtkBox              *options_box;
  GtkEntry            *note_entry;
  GtkEntry            *evidence_entry;
  GtkLabel            *evidence_label;
  GtkExpander         *help_expander;
  GtkBox              *help_box;
  /* Who said what, when interviewees answered the question. */
  GtkLabel            *said_label;
  GtkWidget           *said_button;     /* SihuaSaidButton, ladder questions only */
  GtkWidget           *evidence_strip;  /* SihuaEvidenceStrip */

  SihuaModel          *model;
  const SihuaQuestion *question;
  SihuaLanguage        language;

  /* One button per option of the question, in option order. */
  GPtrArray           *option_buttons;
  /* Numeric and text questions. */
  GtkEntry            *value_entry;

  /* What the card shows: the value and details last set or reported. */
  SihuaAnswerValue    *value;
  char                *note;
  char                *evidence;

  SihuaSaveState       save_state;
  /* The value entry holds text that was refused and so is not saved. */
  gboolean             rejected;
  guint                details_timeout_id;
  guint                syncing;
};

char _sihua_question_card_option_key       (guint                    index);
void _sihua_question_card_emit_value       (SihuaQuestionCard       *self,
                                            const SihuaAnswerValue  *value,
                                            gboolean                 advance);
void _sihua_question_card_set_rejected     (SihuaQuestionCard       *self,
                                            gboolean                 rejected);
void _sihua_question_card_details_leave_cb (GtkEventControllerFocus *controller,
                                            SihuaQuestionCard       *self);

/* sihua-question-card-build.c */
void _sihua_question_card_build            (SihuaQuestionCard       *self,
                                            guint                    number);

G_END_DECLS
