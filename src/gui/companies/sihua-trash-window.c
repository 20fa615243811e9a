/* sihua-trash-window.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-trash-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-trash-window.h"

/*
 * What the trash holds, each with a Restore button, and Empty Trash after a
 * confirmation. The window emits ::changed after either, so the companies
 * behind it are listed again.
 */

struct _SihuaTrashWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *empty_button;
  GtkStack        *stack;
  GtkListBox      *list_box;

  SihuaStore      *store;
};

G_DEFINE_FINAL_TYPE (SihuaTrashWindow, sihua_trash_window, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals [N_SIGNALS];

static void
show_error (SihuaTrashWindow *self,
            const GError     *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
restore_clicked_cb (GtkButton        *button,
                    SihuaTrashWindow *self)
{
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sihua-trash-entry"));
  g_autoptr(GError) error = NULL;

  if (!sihua_store_restore_from_trash (self->store, entry_id, &error))
    show_error (self, error);
  sihua_trash_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
entry_title (const SihuaTrashEntry *entry)
{
  if (entry->assessment_id != 0)
    /* TRANSLATORS: an assessment in the trash: its company and its date */
    return g_strdup_printf (_("Assessment of %s, %s"), entry->company_name, entry->assessment_date);

  return g_strdup (entry->company_name);
}

static char *
entry_subtitle (const SihuaTrashEntry *entry)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->deleted_at / G_USEC_PER_SEC);
  g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M");

  if (entry->merged_into != 0)
    return g_strdup_printf (ngettext ("Merged into %s on %s; %d assessment moved",
                                      "Merged into %s on %s; %d assessments moved",
                                      entry->n_assessments),
                            entry->merged_into_name, when, entry->n_assessments);
  if (entry->assessment_id != 0)
    return g_strdup_printf (_("Deleted on %s"), when);

  return g_strdup_printf (ngettext ("Company with %d assessment, deleted on %s",
                                    "Company with %d assessments, deleted on %s",
                                    entry->n_assessments),
                          entry->n_assessments, when);
}

static GtkWidget *
create_row (SihuaTrashWindow      *self,
            const SihuaTrashEntry *entry)
{
  g_autofree char *title = entry_title (entry);
  g_autofree char *subtitle = entry_subtitle (entry);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                entry->assessment_id != 0 ? "x-office-document-symbolic" : "system-users-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "sihua-trash-entry", GSIZE_TO_POINTER (entry->id));
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/**
 * sihua_trash_window_reload:
 *
 * Lists the trash again.
 */
void
sihua_trash_window_reload (SihuaTrashWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SIHUA_IS_TRASH_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  entries = sihua_store_list_trash (self->store, &error);
  if (entries == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (entries, i)));

  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_button),
                            entries->len > 0 && !sihua_store_is_read_only (self->store));
}

static void
empty_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SihuaTrashWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "empty") != 0)
    return;
  if (!sihua_store_empty_trash (self->store, NULL, NULL, &error))
    show_error (self, error);
  sihua_trash_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
empty_clicked_cb (SihuaTrashWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Empty the Trash?"),
                                              _("Everything in the trash is destroyed for good, with its answers, "
                                                "history and evidence files. This cannot be undone."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "empty",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (empty_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sihua_trash_window_dispose (GObject *object)
{
  SihuaTrashWindow *self = SIHUA_TRASH_WINDOW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sihua_trash_window_parent_class)->dispose (object);
}

static void
sihua_trash_window_class_init (SihuaTrashWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_trash_window_dispose;

  /**
   * SihuaTrashWindow::changed:
   *
   * Something was restored or destroyed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-trash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaTrashWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihuaTrashWindow, empty_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaTrashWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SihuaTrashWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, empty_clicked_cb);
}

static void
sihua_trash_window_init (SihuaTrashWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sihua_trash_window_new:
 * @parent: the main window
 * @store: the open store
 *
 * Returns: (transfer floating): the trash window, listing what it holds
 */
SihuaTrashWindow *
sihua_trash_window_new (GtkWindow  *parent,
                        SihuaStore *store)
{
  SihuaTrashWindow *self = g_object_new (SIHUA_TYPE_TRASH_WINDOW,
                                         "transient-for", parent,
                                         NULL);

  self->store = g_object_ref (store);
  sihua_trash_window_reload (self);

  return self;
}
