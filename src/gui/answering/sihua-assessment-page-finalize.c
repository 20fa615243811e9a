/* sihua-assessment-page-finalize.c: finalising and reopening
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-assessment-page-private.h"
#include "sihua-report-settings.h"
#include "sihua-report.h"

/* A finalised assessment shows its answers but takes no change: the
 * controls go insensitive and a line above them says why and offers to
 * reopen. The store refuses changes anyway; this keeps the window from
 * offering them. */
void
_sihua_assessment_page_update_finalized (SihuaAssessmentPage   *self,
                                         const SihuaAssessment *assessment)
{
  gboolean finalized = assessment != NULL && assessment->finalized_at != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->finalized_bar), finalized);
  gtk_widget_set_visible (GTK_WIDGET (self->finalize_button), assessment != NULL && !finalized);
  gtk_widget_set_sensitive (GTK_WIDGET (self->question_stack), !finalized);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.undo", !finalized);
  /* The evidence strips and interviewees' answers follow the freeze and
   * any change of the interviewees. */
  if (self->cards != NULL)
    {
      GHashTableIter iter;
      gpointer card;

      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, NULL, &card))
        sihua_question_card_reload_record (card);
    }
  if (finalized)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (assessment->finalized_at / G_USEC_PER_SEC);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      g_autofree char *text = g_strdup_printf (_("Finalised on %s (revision %d): the answers, interviewees and "
                                                 "details are frozen. Reopen it with a reason to change them."),
                                               date, assessment->revision);

      gtk_label_set_text (self->finalized_label, text);
    }
}

static void
finalize_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      SihuaAssessmentPage *self)
{
  g_autoptr(SihuaReportSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  if (g_strcmp0 (response, "finalize") != 0 || self->store == NULL)
    return;

  /* The answers typed last go to the disk before the record is frozen. */
  if (self->sheet != NULL && !sihua_answer_sheet_flush (self->sheet, &error))
    {
      _sihua_assessment_page_toast (self, error->message);
      return;
    }
  settings = sihua_report_settings_load ();
  sihua_report_options_init (&options);
  sihua_report_settings_apply (settings, &options);
  if (!sihua_report_finalize (self->store, self->assessment_id, &options, &error))
    {
      _sihua_assessment_page_toast (self, error->message);
      return;
    }
  _sihua_assessment_page_update_titles (self);
  _sihua_assessment_page_toast (self, _("Finalised: the report is kept with the assessment"));
}

void
_sihua_assessment_page_finalize_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Finalise the Assessment?"),
                                   _("Its answers, interviewees and details are frozen, and the report is "
                                     "written and kept with it, so the signed version can be handed out "
                                     "again. Changing anything later means reopening it with a reason."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "finalize", _("_Finalise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalize", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (finalize_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", *reason != '\0');
}

static void
reopen_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    SihuaAssessmentPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reopen") != 0 || self->store == NULL)
    return;
  if (!sihua_store_reopen_assessment (self->store, self->assessment_id, gtk_editable_get_text (entry), &error))
    {
      _sihua_assessment_page_toast (self, error->message);
      return;
    }
  _sihua_assessment_page_update_titles (self);
  _sihua_assessment_page_toast (self, _("Reopened: the finalised revision and its report are kept"));
}

void
_sihua_assessment_page_reopen_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Reopen the Assessment?"),
                                   _("A new revision starts; the finalised one and its report are kept. "
                                     "Say why it is reopened."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  g_signal_connect_object (entry, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
