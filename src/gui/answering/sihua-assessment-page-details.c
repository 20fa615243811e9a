/* sihua-assessment-page-details.c: the assessment's details and the people
 * interviewed, edited in a dialog
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-assessment-page-private.h"

/* What the dialog's widgets are, kept on the dialog. */
typedef struct
{
  SihuaAssessmentPage *page;
  GtkEntry            *date;
  GtkEntry            *consultant;
  GtkSpinButton       *target;
  GtkEntry            *notes;
  GtkListBox          *interviewees;
  GtkEntry            *name;
  GtkEntry            *role;
  GtkEntry            *department;
} DetailsDialog;

static void fill_interviewees (DetailsDialog *details);

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          const char *label,
          GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);

  return field;
}

static void
remove_clicked_cb (GtkButton     *button,
                   DetailsDialog *details)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "interviewee"));
  g_autoptr(GError) error = NULL;

  if (!sihua_store_remove_interviewee (details->page->store, id, &error))
    _sihua_assessment_page_toast (details->page, error->message);
  fill_interviewees (details);
}

static void
fill_interviewees (DetailsDialog *details)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (details->interviewees))) != NULL)
    gtk_list_box_remove (details->interviewees, child);

  list = sihua_store_list_interviewees (details->page->store, details->page->assessment_id, &error);
  if (list == NULL)
    {
      _sihua_assessment_page_toast (details->page, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SihuaInterviewee *interviewee = g_ptr_array_index (list, i);
      g_autofree char *text = sihua_interviewee_describe (interviewee);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the interviewee and what they answered"));
      g_object_set_data (G_OBJECT (remove), "interviewee", GSIZE_TO_POINTER (interviewee->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), details);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (details->interviewees, row);
    }
}

static void
add_clicked_cb (GtkButton     *button,
                DetailsDialog *details)
{
  g_autoptr(GError) error = NULL;

  if (sihua_store_add_interviewee (details->page->store, details->page->assessment_id,
                                   gtk_editable_get_text (GTK_EDITABLE (details->name)),
                                   gtk_editable_get_text (GTK_EDITABLE (details->role)),
                                   gtk_editable_get_text (GTK_EDITABLE (details->department)), &error) == 0)
    {
      _sihua_assessment_page_toast (details->page, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (details->name), "");
  gtk_editable_set_text (GTK_EDITABLE (details->role), "");
  gtk_editable_set_text (GTK_EDITABLE (details->department), "");
  fill_interviewees (details);
  gtk_widget_grab_focus (GTK_WIDGET (details->name));
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
details_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DetailsDialog    *details)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  assessment = sihua_store_get_assessment (details->page->store, details->page->assessment_id, &error);
  if (assessment != NULL)
    {
      g_free (assessment->date);
      assessment->date = entry_text (details->date);
      g_free (assessment->consultant);
      assessment->consultant = entry_text (details->consultant);
      g_free (assessment->notes);
      assessment->notes = entry_text (details->notes);
      assessment->target_level = gtk_spin_button_get_value_as_int (details->target);
    }
  if (assessment == NULL || !sihua_store_update_assessment (details->page->store, assessment, &error))
    {
      _sihua_assessment_page_toast (details->page, error->message);
      return;
    }
  _sihua_assessment_page_update_titles (details->page);
}

/* The dialog shows what is stored; the interviewees change at once (each
 * add or remove is saved), the details when Save is chosen. A finalised
 * assessment's store refuses both, with the message that says to reopen. */
GtkWidget *
_sihua_assessment_page_details_dialog (SihuaAssessmentPage *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  DetailsDialog *details = g_new0 (DetailsDialog, 1);
  GtkWidget *dialog, *box, *grid, *add_box, *add_button, *heading;

  assessment = sihua_store_get_assessment (self->store, self->assessment_id, NULL);
  details->page = self;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Assessment Details"), NULL);
  g_object_set_data_full (G_OBJECT (dialog), "details", details, g_free);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  details->date = GTK_ENTRY (labelled (GTK_GRID (grid), 0, _("_Date"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (details->date, "YYYY-MM-DD");
  details->consultant = GTK_ENTRY (labelled (GTK_GRID (grid), 1, _("_Consultant"), gtk_entry_new ()));
  details->target = GTK_SPIN_BUTTON (labelled (GTK_GRID (grid), 2, _("_Target stage"),
                                               gtk_spin_button_new_with_range (-1, 4, 1)));
  details->notes = GTK_ENTRY (labelled (GTK_GRID (grid), 3, _("_Notes"), gtk_entry_new ()));
  if (assessment != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (details->date), assessment->date);
      gtk_editable_set_text (GTK_EDITABLE (details->consultant), assessment->consultant != NULL ? assessment->consultant : "");
      gtk_spin_button_set_value (details->target, assessment->target_level);
      gtk_editable_set_text (GTK_EDITABLE (details->notes), assessment->notes != NULL ? assessment->notes : "");
    }
  gtk_box_append (GTK_BOX (box), grid);

  heading = gtk_label_new (_("Interviewees"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  details->interviewees = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (details->interviewees, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (details->interviewees), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (details->interviewees));

  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  details->name = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (details->name, _("Name"));
  details->role = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (details->role, _("Role"));
  details->department = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (details->department, _("Department"));
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  /* The dialog is narrow: the name on a line of its own. */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (details->name));
  gtk_widget_set_hexpand (GTK_WIDGET (details->role), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (details->department), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (details->role), 6);
  gtk_editable_set_width_chars (GTK_EDITABLE (details->department), 6);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (details->role));
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (details->department));
  gtk_box_append (GTK_BOX (add_box), add_button);
  g_signal_connect (add_button, "clicked", G_CALLBACK (add_clicked_cb), details);
  gtk_box_append (GTK_BOX (box), add_box);

  fill_interviewees (details);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (details_response_cb), details);

  return dialog;
}

void
_sihua_assessment_page_details_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (_sihua_assessment_page_details_dialog (SIHUA_ASSESSMENT_PAGE (widget))));
}
