/* sihua-window-trash.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-companies-page.h"
#include "sihua-company-page.h"
#include "sihua-trash-window.h"
#include "sihua-window-private.h"

/*
 * Deleting companies and assessments, merging duplicates and the trash.
 * Every deletion goes to the store's trash and shows a toast whose Undo
 * restores that one trash entry; the Trash window lists the rest.
 */

static void
show_error_toast (SihuaWindow  *self,
                  const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  sihua_window_add_toast (self, escaped);
}

static void
undo_clicked_cb (AdwToast    *toast,
                 SihuaWindow *self)
{
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "sihua-trash-entry"));
  gint64 company_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "sihua-company"));
  g_autoptr(GError) error = NULL;

  if (!sihua_store_restore_from_trash (_sihua_window_get_store (self), entry_id, &error))
    {
      show_error_toast (self, error);
      return;
    }
  sihua_window_reload_companies (self);
  if (company_id != 0)
    sihua_window_open_company (self, company_id);
}

/* @title is plain text; @company_id, if not 0, is opened again on undo. */
static void
show_undo_toast (SihuaWindow *self,
                 const char  *title,
                 gint64       entry_id,
                 gint64       company_id)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "sihua-trash-entry", GSIZE_TO_POINTER (entry_id));
  g_object_set_data (G_OBJECT (toast), "sihua-company", GSIZE_TO_POINTER (company_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "last-toast", toast);
  sihua_window_show_toast (self, toast);
}

static void
delete_company_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  const SihuaCompany *company = sihua_window_get_company (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id, entry_id;

  if (store == NULL || company == NULL)
    return;
  company_id = company->id;
  name = g_strdup (company->name);

  entry_id = sihua_store_delete_company (store, company_id, &error);
  if (entry_id == 0)
    {
      show_error_toast (self, error);
      return;
    }
  gtk_widget_activate_action (widget, "win.back", NULL);
  sihua_window_reload_companies (self);

  title = g_strdup_printf (_("Deleted “%s”"), name);
  show_undo_toast (self, title, entry_id, company_id);
}

static void
delete_assessment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  gint64 assessment_id = g_variant_get_int64 (parameter);
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entry_id;

  if (store == NULL)
    return;
  assessment = sihua_store_get_assessment (store, assessment_id, &error);
  if (assessment != NULL)
    entry_id = sihua_store_delete_assessment (store, assessment_id, &error);
  if (assessment == NULL || entry_id == 0)
    {
      show_error_toast (self, error);
      return;
    }
  sihua_window_reload_companies (self);

  /* TRANSLATORS: %s is the assessment's date */
  title = g_strdup_printf (_("Deleted the assessment of %s"), assessment->date);
  show_undo_toast (self, title, entry_id, 0);
}

/* The companies a merge can take in: all but the one kept. */
typedef struct
{
  gint64  keep_id;
  char   *keep_name;
  GArray *ids;
  GPtrArray *names;
  GtkDropDown *drop_down;
} MergeChoice;

static void
merge_choice_free (MergeChoice *choice)
{
  g_free (choice->keep_name);
  g_array_unref (choice->ids);
  g_ptr_array_unref (choice->names);
  g_free (choice);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SihuaWindow      *self)
{
  MergeChoice *choice = g_object_get_data (G_OBJECT (dialog), "sihua-merge-choice");
  guint selected = gtk_drop_down_get_selected (choice->drop_down);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id, entry_id;

  if (g_strcmp0 (response, "merge") != 0 || selected >= choice->ids->len)
    return;
  other_id = g_array_index (choice->ids, gint64, selected);
  entry_id = sihua_store_merge_companies (_sihua_window_get_store (self), choice->keep_id, other_id, &error);
  if (entry_id == 0)
    {
      show_error_toast (self, error);
      return;
    }
  sihua_window_reload_companies (self);

  title = g_strdup_printf (_("Merged “%s” into “%s”"),
                           (const char *) g_ptr_array_index (choice->names, selected), choice->keep_name);
  show_undo_toast (self, title, entry_id, choice->keep_id);
}

static void
merge_company_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  const SihuaCompany *company = sihua_window_get_company (self);
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  MergeChoice *choice;
  GtkWidget *dialog;

  if (store == NULL || company == NULL)
    return;
  companies = sihua_store_search_companies (store, NULL, 0, &error);
  if (companies == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  choice = g_new0 (MergeChoice, 1);
  choice->keep_id = company->id;
  choice->keep_name = g_strdup (company->name);
  choice->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choice->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < companies->len; i++)
    {
      const SihuaCompany *other = g_ptr_array_index (companies, i);
      g_autofree char *label = NULL;

      if (other->id == company->id)
        continue;
      label = other->uscc != NULL ? g_strdup_printf ("%s (%s)", other->name, other->uscc) : g_strdup (other->name);
      gtk_string_list_append (labels, label);
      g_array_append_val (choice->ids, other->id);
      g_ptr_array_add (choice->names, g_strdup (other->name));
    }

  heading = g_strdup_printf (_("Merge a Duplicate Into “%s”?"), company->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The duplicate's assessments move to this company and its details fill the ones "
                                     "this company lacks; where both have one, this company's is kept. The duplicate "
                                     "goes to the trash: restoring it from there undoes the merge."));
  choice->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_enable_search (choice->drop_down, TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (choice->drop_down));
  g_object_set_data_full (G_OBJECT (dialog), "sihua-merge-choice", choice, (GDestroyNotify) merge_choice_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", choice->ids->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "last-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
trash_changed_cb (SihuaWindow *self)
{
  sihua_window_reload_companies (self);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  SihuaTrashWindow *trash;

  if (store == NULL)
    return;
  trash = sihua_trash_window_new (GTK_WINDOW (self), store);
  g_signal_connect_object (trash, "changed", G_CALLBACK (trash_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), "last-dialog", trash);
  gtk_window_present (GTK_WINDOW (trash));
}

void
_sihua_window_trash_set_can_change (SihuaWindow *self,
                                    gboolean     can_change)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-company", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-assessment", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-company", can_change);
}

void
_sihua_window_trash_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.delete-company", NULL, delete_company_action);
  gtk_widget_class_install_action (widget_class, "win.delete-assessment", "x", delete_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.merge-company", NULL, merge_company_action);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_action);
}
