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
 * Writing answers: each change goes to the store at once, one write at a
 * time and in the order given. A card shows "saved" only after the store
 * reports the commit; a failed write puts the card back to what is stored
 * and says so.
 */

static void start_next_write (SihuaAssessmentPage *self);
static void start_undo       (SihuaAssessmentPage *self);

static SihuaPendingWrite *
pending_write_new (const char             *question_id,
                   const SihuaAnswerValue *value,
                   const char             *note,
                   const char             *evidence)
{
  SihuaPendingWrite *write = g_new0 (SihuaPendingWrite, 1);

  write->question_id = g_strdup (question_id);
  write->value = value ? sihua_answer_value_copy (value) : NULL;
  write->note = g_strdup (note);
  write->evidence = g_strdup (evidence);

  return write;
}

static void
pending_write_free (SihuaPendingWrite *write)
{
  g_free (write->question_id);
  g_clear_pointer (&write->value, sihua_answer_value_free);
  g_free (write->note);
  g_free (write->evidence);
  g_free (write);
}

static SihuaAnswer *
answer_copy (const SihuaAnswer *answer)
{
  return sihua_answer_new (answer->question_id,
                           answer->value ? sihua_answer_value_copy (answer->value) : NULL,
                           answer->note, answer->evidence);
}

GHashTable *
_sihua_answer_table_copy (GHashTable *answers)
{
  GHashTable *copy = sihua_answer_table_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), answer_copy (value));

  return copy;
}

static SihuaPendingWrite *
find_queued (SihuaAssessmentPage *self,
             const char          *question_id)
{
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      SihuaPendingWrite *write = l->data;

      if (g_str_equal (write->question_id, question_id))
        return write;
    }

  return NULL;
}

static SihuaQuestionCard *
lookup_card (SihuaAssessmentPage *self,
             const char          *question_id)
{
  return self->cards ? g_hash_table_lookup (self->cards, question_id) : NULL;
}

/* Closing the window with answers still on their way to the disk must not
 * end the process before they are committed. */
static void
hold_application (SihuaAssessmentPage *self,
                  gboolean             hold)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL || self->holding_app == hold)
    return;

  self->holding_app = hold;
  if (hold)
    g_application_hold (app);
  else
    g_application_release (app);
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

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SihuaAssessmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  SihuaPendingWrite *write = g_steal_pointer (&self->in_flight);
  const char *question_id = write->question_id;
  gboolean superseded;

  sihua_store_set_answer_finish (SIHUA_STORE (object), result, &error);
  superseded = find_queued (self, question_id) != NULL;

  if (error == NULL)
    {
      if (write->value != NULL)
        g_hash_table_insert (self->saved, g_strdup (question_id),
                             sihua_answer_new (question_id, sihua_answer_value_copy (write->value),
                                               write->note, write->evidence));
      else
        g_hash_table_remove (self->saved, question_id);

      if (!self->disposed && !superseded && lookup_card (self, question_id) != NULL)
        sihua_question_card_set_save_state (lookup_card (self, question_id),
                                            SIHUA_SAVE_STATE_SAVED, NULL);
    }
  else
    {
      g_autofree char *message = NULL;
      SihuaQuestionCard *card = lookup_card (self, question_id);

      g_warning ("Answer to %s not saved: %s", question_id, error->message);
      self->failed = TRUE;

      if (!superseded)
        {
          SihuaAnswer *stored = g_hash_table_lookup (self->saved, question_id);

          if (stored != NULL)
            g_hash_table_insert (self->answers, g_strdup (question_id), answer_copy (stored));
          else
            g_hash_table_remove (self->answers, question_id);

          if (card != NULL && !self->disposed)
            sihua_question_card_set_answer (card, stored);
          _sihua_assessment_page_refresh (self);
        }

      if (card != NULL && !self->disposed)
        sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_FAILED, error->message);

      /* Translators: %s is why the answer could not be written */
      message = g_strdup_printf (_("The answer was not saved: %s"), error->message);
      _sihua_assessment_page_toast (self, message);
    }

  pending_write_free (write);

  if (g_queue_is_empty (&self->queue))
    {
      _sihua_assessment_page_set_indicator (self, self->failed ? SIHUA_SAVE_STATE_FAILED
                                                               : SIHUA_SAVE_STATE_SAVED);
      if (self->undo_waiting)
        {
          self->undo_waiting = FALSE;
          start_undo (self);
        }
      if (!self->undoing)
        hold_application (self, FALSE);
    }
  else
    start_next_write (self);
}

static void
start_next_write (SihuaAssessmentPage *self)
{
  SihuaPendingWrite *write;

  if (self->in_flight != NULL || g_queue_is_empty (&self->queue))
    return;

  write = g_queue_pop_head (&self->queue);
  self->in_flight = write;
  sihua_store_set_answer_async (self->store, self->assessment_id, write->question_id,
                                write->value, write->note, write->evidence,
                                NULL, write_done_cb, g_object_ref (self));
}

void
_sihua_assessment_page_save (SihuaAssessmentPage    *self,
                             const char             *question_id,
                             const SihuaAnswerValue *value,
                             const char             *note,
                             const char             *evidence)
{
  SihuaPendingWrite *write;
  SihuaQuestionCard *card;

  if (self->store == NULL)
    return;

  /* A write still waiting for its turn takes the newest value: the
   * intermediate ones need never reach the disk. */
  write = find_queued (self, question_id);
  if (write != NULL)
    {
      g_clear_pointer (&write->value, sihua_answer_value_free);
      write->value = value ? sihua_answer_value_copy (value) : NULL;
      g_free (write->note);
      write->note = g_strdup (note);
      g_free (write->evidence);
      write->evidence = g_strdup (evidence);
    }
  else
    g_queue_push_tail (&self->queue, pending_write_new (question_id, value, note, evidence));

  self->failed = FALSE;
  card = lookup_card (self, question_id);
  if (card != NULL)
    sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_PENDING, NULL);
  _sihua_assessment_page_set_indicator (self, SIHUA_SAVE_STATE_PENDING);
  hold_application (self, TRUE);

  start_next_write (self);
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

typedef struct
{
  SihuaStore *store;
  gint64      assessment_id;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_object (&data->store);
  g_free (data);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  UndoData *data = task_data;
  g_autoptr(GError) error = NULL;
  SihuaAnswerChange *change;

  change = sihua_store_undo (data->store, data->assessment_id, &error);
  if (change == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, change, (GDestroyNotify) sihua_answer_change_free);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (object);
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autoptr(GError) error = NULL;
  const SihuaQuestion *question;
  SihuaQuestionCard *card;

  self->undoing = FALSE;
  if (g_queue_is_empty (&self->queue) && self->in_flight == NULL)
    hold_application (self, FALSE);

  change = g_task_propagate_pointer (G_TASK (result), &error);
  if (change == NULL)
    {
      if (g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO))
        _sihua_assessment_page_toast (self, _("Nothing to undo"));
      else
        _sihua_assessment_page_toast (self, error->message);
      return;
    }

  if (change->old_value != NULL)
    {
      g_hash_table_insert (self->answers, g_strdup (change->question_id),
                           sihua_answer_new (change->question_id,
                                             sihua_answer_value_copy (change->old_value),
                                             change->old_note, change->old_evidence));
      g_hash_table_insert (self->saved, g_strdup (change->question_id),
                           sihua_answer_new (change->question_id,
                                             sihua_answer_value_copy (change->old_value),
                                             change->old_note, change->old_evidence));
    }
  else
    {
      g_hash_table_remove (self->answers, change->question_id);
      g_hash_table_remove (self->saved, change->question_id);
    }

  if (self->disposed || self->model == NULL)
    return;

  _sihua_assessment_page_refresh (self);
  card = lookup_card (self, change->question_id);
  if (card != NULL)
    {
      sihua_question_card_set_answer (card, g_hash_table_lookup (self->answers, change->question_id));
      sihua_question_card_set_save_state (card, SIHUA_SAVE_STATE_SAVED, NULL);
    }
  _sihua_assessment_page_set_indicator (self, SIHUA_SAVE_STATE_SAVED);

  question = sihua_model_lookup_question (self->model, change->question_id);
  if (question != NULL)
    {
      g_autofree char *message = NULL;

      sihua_assessment_page_show_question (self, change->question_id);
      /* Translators: %s is the text of the question whose answer was undone */
      message = g_strdup_printf (_("Undone: %s"), sihua_text_get (&question->text, self->language, NULL));
      _sihua_assessment_page_toast (self, message);
    }
}

static void
start_undo (SihuaAssessmentPage *self)
{
  g_autoptr(GTask) task = NULL;
  UndoData *data;

  if (self->undoing || self->store == NULL)
    return;

  self->undoing = TRUE;
  hold_application (self, TRUE);

  data = g_new0 (UndoData, 1);
  data->store = g_object_ref (self->store);
  data->assessment_id = self->assessment_id;

  task = g_task_new (self, NULL, undo_done_cb, NULL);
  g_task_set_source_tag (task, start_undo);
  g_task_set_task_data (task, data, (GDestroyNotify) undo_data_free);
  g_task_run_in_thread (task, undo_thread);
}

/* Undo reverts the newest change in the store's history; changes still on
 * their way are committed first, so it is always the one just made. */
void
_sihua_assessment_page_undo (SihuaAssessmentPage *self)
{
  if (self->store == NULL)
    return;

  _sihua_assessment_page_flush_details (self);

  if (self->in_flight != NULL || !g_queue_is_empty (&self->queue))
    {
      self->undo_waiting = TRUE;
      return;
    }

  start_undo (self);
}

void
_sihua_assessment_page_save_init (SihuaAssessmentPage *self)
{
  g_queue_init (&self->queue);
}

void
_sihua_assessment_page_save_finalize (SihuaAssessmentPage *self)
{
  g_queue_clear_full (&self->queue, (GDestroyNotify) pending_write_free);
  g_clear_pointer (&self->in_flight, pending_write_free);
  hold_application (self, FALSE);
}
