/* sihua-welcome-dialog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-welcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-welcome-dialog.h"

typedef struct
{
  GSettings   *settings;
  AdwEntryRow *consultant;
  AdwEntryRow *firm;
} Welcome;

static void
welcome_free (Welcome *welcome)
{
  g_object_unref (welcome->settings);
  g_free (welcome);
}

static void
responded_cb (AdwMessageDialog *dialog,
              const char       *response,
              Welcome          *welcome)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      g_autofree char *consultant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (welcome->consultant))));
      g_autofree char *firm = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (welcome->firm))));

      g_settings_set_string (welcome->settings, "consultant-name", consultant);
      g_settings_set_string (welcome->settings, "firm-name", firm);
    }
  g_settings_set_boolean (welcome->settings, "welcome-done", TRUE);
}

/**
 * sihua_welcome_dialog_is_wanted:
 *
 * Returns: %TRUE on a first start: never answered, and no consultant set.
 */
gboolean
sihua_welcome_dialog_is_wanted (GSettings *settings)
{
  g_autofree char *consultant = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  consultant = g_settings_get_string (settings, "consultant-name");

  return !g_settings_get_boolean (settings, "welcome-done") && *consultant == '\0';
}

/**
 * sihua_welcome_dialog_new:
 * @parent: the main window
 * @settings: where the consultant and the firm are kept
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
sihua_welcome_dialog_new (GtkWindow *parent,
                          GSettings *settings)
{
  Welcome *welcome = g_new0 (Welcome, 1);
  GtkWidget *dialog;
  GtkWidget *list;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  dialog = adw_message_dialog_new (parent, _("Welcome to Sihua"),
                                   _("Reports name the consultant who assessed the company and the firm "
                                     "they work for. You can change both later in Preferences."));
  welcome->settings = g_object_ref (settings);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  welcome->consultant = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (welcome->consultant), _("Your name"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (welcome->consultant));
  welcome->firm = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (welcome->firm), _("Consulting firm"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (welcome->firm));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");

  g_signal_connect_data (dialog, "response", G_CALLBACK (responded_cb), welcome,
                         (GClosureNotify) (void (*) (void)) welcome_free, 0);

  return dialog;
}
