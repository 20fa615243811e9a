/* sihua-assessment-page-save.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-assessment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-assessment-page-private.h"

/*
 * Writing answers: the page's SihuaAnswerSheet writes each change at once,
 * one at a time and in the order given, and puts an answer back when its
 * write fails. The page shows what the sheet says: a card shows "saved"
 * only after the store reports the commit, and the indicator follows the
 * sheet's save state.
 */

static SihuaQuestionCard *
lookup_card (SihuaAssessmentPage *self,
             const char          *question_id)
{
  return self->cards ? g_hash_table_lookup (self->cards, question_id) : NULL;
}

void
_sihua_assessment_page_toast (SihuaAssessmentPage *self,
                              const char          *message)
{
  AdwToast *toast;

  if (self->disposed)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sihua_assessment_page_set_indicator (SihuaAssessmentPage *self,
                                      SihuaSaveState       state)
{
  if (self->disposed)
    return;

  _sihua_assessment_page_set_save_state (self, state);
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_box), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_box), "pending");

  switch (state)
    {
    case SIHUA_SAVE_STATE_PENDING:
      gtk_widget_set_visible (GTK_WIDGET (self->save_box), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_icon), FALSE);
      gtk_label_set_text (self->save_label, _("Saving…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->save_box), "pending");
      break;

    case SIHUA_SAVE_STATE_SAVED:
      gtk_widget_set_visible (GTK_WIDGET (self->save_box), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_icon), TRUE);
      gtk_image_set_from_icon_name (self->save_icon, "object-select-symbolic");
      gtk_label_set_text (self->save_label, _("Saved"));
      break;

    case SIHUA_SAVE_STATE_FAILED:
      gtk_widget_set_visible (GTK_WIDGET (self->save_box), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_icon), TRUE);
      gtk_image_set_from_icon_name (self->save_icon, "dialog-warning-symbolic");
      gtk_label_set_text (self->save_label, _("Not saved"));
      gtk_widget_add_css_class (GTK_WIDGET (self->save_box), "error");
      break;

    case SIHUA_SAVE_STATE_IDLE:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->save_box), FALSE);
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->save_label),
                                  -1);
}

/* The sheet's state, unless a card holds a value that was refused: that
 * value is not saved whatever the sheet has committed. */
void
_sihua_assessment_page_update_indicator (SihuaAssessmentPage *self)
{
  SihuaSaveState state = SIHUA_SAVE_STATE_IDLE;

  if (self->sheet != NULL)
    state = sihua_answer_sheet_get_save_state (self->sheet);
  if (self->rejected != NULL && g_hash_table_size (self->rejected) > 0
      && state != SIHUA_SAVE_STATE_PENDING)
    state = SIHUA_SAVE_STATE_FAILED;

  _sihua_assessment_page_set_indicator (self, state);
}

static void
sheet_save_state_notified_cb (SihuaAssessmentPage *self)
{
  _sihua_assessment_page_update_indicator (self);
}

/* Taken back after a failed write, undone or redone: the card follows. The
 * answers the page gives itself are on their card already. */
static void
sheet_answer_changed_cb (SihuaAssessmentPage *self,
                         const char          *question_id)
{
  SihuaQuestionCard *card = lookup_card (self, question_id);

  if (self->giving || self->disposed)
    return;

  if (card != NULL)
    sihua_question_card_set_answer (card, g_hash_table_lookup (self->answers, question_id));
  _sihua_assessment_page_refresh (self);
}

static void
sheet_answer_saved_cb (SihuaAssessmentPage *self,
                       const char          *question_id)
{
  SihuaQuestionCard *card = lookup_card (self, question_id);

  if (card != NULL && !self->disposed)
    sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_SAVED, NULL);
}

static void
sheet_write_failed_cb (SihuaAssessmentPage *self,
                       const char          *question_id,
                       const GError        *error)
{
  g_autofree char *message = NULL;
  SihuaQuestionCard *card = lookup_card (self, question_id);

  g_warning ("Answer to %s not saved: %s", question_id, error->message);

  if (card != NULL && !self->disposed)
    sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_FAILED, error->message);

  /* Translators: %s is why the answer could not be written */
  message = g_strdup_printf (_("The answer was not saved: %s"), error->message);
  _sihua_assessment_page_toast (self, message);
}

/* The page shows @sheet from now on; the sheet it showed before goes on
 * writing what it was given, unseen. */
void
_sihua_assessment_page_set_sheet (SihuaAssessmentPage *self,
                                  SihuaAnswerSheet    *sheet)
{
  if (self->sheet != NULL)
    g_signal_handlers_disconnect_by_data (self->sheet, self);
  g_set_object (&self->sheet, sheet);

  g_clear_pointer (&self->answers, g_hash_table_unref);
  if (sheet == NULL)
    {
      self->answers = sihua_answer_table_new ();
      return;
    }
  self->answers = g_hash_table_ref (sihua_answer_sheet_get_answers (sheet));

  g_signal_connect_object (sheet, "notify::save-state",
                           G_CALLBACK (sheet_save_state_notified_cb), self, G_CONNECT_SWAPPED);
  sheet_save_state_notified_cb (self);
}

/* Once the stored answers are in: until then the sheet's changes are the
 * loading itself, which the page shows as a whole. */
void
_sihua_assessment_page_sheet_loaded (SihuaAssessmentPage *self)
{
  g_signal_connect_object (self->sheet, "answer-changed",
                           G_CALLBACK (sheet_answer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet, "answer-saved",
                           G_CALLBACK (sheet_answer_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet, "write-failed",
                           G_CALLBACK (sheet_write_failed_cb), self, G_CONNECT_SWAPPED);
}

void
_sihua_assessment_page_save (SihuaAssessmentPage    *self,
                             const char             *question_id,
                             const SihuaAnswerValue *value,
                             const char             *note,
                             const char             *evidence)
{
  SihuaQuestionCard *card;

  if (self->sheet == NULL)
    return;

  self->giving = TRUE;
  sihua_answer_sheet_set (self->sheet, question_id, value, note, evidence);
  self->giving = FALSE;

  card = lookup_card (self, question_id);
  if (card != NULL && !self->disposed)
    sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_PENDING, NULL);
}

void
_sihua_assessment_page_flush_details (SihuaAssessmentPage *self)
{
  GHashTableIter iter;
  gpointer card;

  if (self->cards == NULL)
    return;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    sihua_question_card_flush (card);
}

/*
 * Undo
 */

/* After an undo or a redo of the answer to @question_id: its card shows
 * it as stored, the page shows it, and a toast says which answer it was. */
static void
show_history_step (SihuaAssessmentPage *self,
                   const char          *question_id,
                   gboolean             undone)
{
  g_autofree char *message = NULL;
  const SihuaQuestion *question;
  SihuaQuestionCard *card;
  const char *text;

  if (self->model == NULL)
    return;

  card = lookup_card (self, question_id);
  if (card != NULL && !sihua_answer_sheet_is_pending (self->sheet, question_id))
    sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_SAVED, NULL);

  question = sihua_model_lookup_question (self->model, question_id);
  if (question == NULL)
    return;

  sihua_assessment_page_show_question (self, question_id);
  text = sihua_text_get (&question->text, self->language, NULL);
  if (undone)
    /* Translators: %s is the text of the question whose answer was undone */
    message = g_strdup_printf (_("Undone: the answer to “%s”"), text);
  else
    /* Translators: %s is the text of the question whose answer was given again */
    message = g_strdup_printf (_("Redone: the answer to “%s”"), text);
  _sihua_assessment_page_toast (self, message);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SihuaAssessmentPage) self = user_data;
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autoptr(GError) error = NULL;

  change = sihua_answer_sheet_undo_finish (SIHUA_ANSWER_SHEET (object), result, &error);
  if (self->disposed || SIHUA_ANSWER_SHEET (object) != self->sheet)
    return;

  if (change == NULL)
    {
      if (g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO))
        _sihua_assessment_page_toast (self, _("Nothing to undo"));
      else
        _sihua_assessment_page_toast (self, error->message);
      return;
    }

  show_history_step (self, change->question_id, TRUE);
}

/* Undo reverts the newest change in the store's history; the sheet commits
 * the changes still on their way first, so it is always the one just made. */
void
_sihua_assessment_page_undo (SihuaAssessmentPage *self)
{
  if (self->sheet == NULL)
    return;

  _sihua_assessment_page_flush_details (self);
  sihua_answer_sheet_undo_async (self->sheet, NULL, undo_done_cb, g_object_ref (self));
}

static void
redo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SihuaAssessmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *question_id = NULL;

  question_id = sihua_answer_sheet_redo_finish (SIHUA_ANSWER_SHEET (object), result, &error);
  if (self->disposed || SIHUA_ANSWER_SHEET (object) != self->sheet)
    return;

  if (question_id == NULL)
    {
      if (g_error_matches (error, SIHUA_ANSWER_SHEET_ERROR, SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO))
        _sihua_assessment_page_toast (self, _("Nothing to redo"));
      else
        _sihua_assessment_page_toast (self, error->message);
      return;
    }

  show_history_step (self, question_id, FALSE);
}

/* Redo gives back the change undone last, as long as no new answer came after it. */
void
_sihua_assessment_page_redo (SihuaAssessmentPage *self)
{
  if (self->sheet == NULL)
    return;

  _sihua_assessment_page_flush_details (self);
  sihua_answer_sheet_redo_async (self->sheet, NULL, redo_done_cb, g_object_ref (self));
}
