/* sihua-window-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-window-private.h"

/* The window's problem page for a database that would not open, and the ways out of it. */

/* The ways out of the problem page, off while a database is being opened. */
static void
set_problem_actions_enabled (SihuaWindow *self,
                             gboolean     enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-read-only", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", enabled);
}

/**
 * sihua_window_show_store_error:
 * @path: the database that could not be opened
 * @error: why
 *
 * Tells the consultant the database could not be opened, and offers what
 * can be done: open it read-only, restore a backup, or open another file.
 * Nothing is written to the file.
 */
void
sihua_window_show_store_error (SihuaWindow  *self,
                               const char   *path,
                               const GError *error)
{
  g_autoptr(GPtrArray) backups = NULL;
  gboolean can_read_only;

  g_return_if_fail (SIHUA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_free (self->problem_path);
  self->problem_path = g_strdup (path);

  adw_status_page_set_description (self->problem_page, error->message);
  /* Name the file unless the message already does. */
  gtk_label_set_text (self->problem_path_label, path != NULL ? path : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_path_label),
                          path != NULL && strstr (error->message, path) == NULL);
  _sihua_window_set_can_change (self, FALSE);

  /* Offer only what can work for this kind of failure. */
  can_read_only = g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY)
                  || g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
  backups = path != NULL ? sihua_store_list_backups_for (path) : NULL;
  gtk_widget_set_visible (self->open_read_only_button, can_read_only && path != NULL);
  gtk_widget_set_visible (self->restore_backup_button, backups != NULL && backups->len > 0);

  set_problem_actions_enabled (self, TRUE);
  sihua_companies_page_set_store (self->companies_page, NULL, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

/* The database is being opened or replaced: the ways out of the problem
 * page wait, and the window says what it is doing. */
static void
show_opening (SihuaWindow *self)
{
  set_problem_actions_enabled (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "opening");
}

/* Work on the database runs to its end even when the window is closed
 * meanwhile. The default application, not the window's: a closed window
 * has none to release. */
static void
hold_application (gboolean hold)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL)
    return;
  if (hold)
    g_application_hold (app);
  else
    g_application_release (app);
}

typedef struct
{
  SihuaWindow *window;
  char        *path;
  char        *done_message;  /* a toast once the store is open, or NULL */
} Reopen;

static void
reopen_free (Reopen *reopen)
{
  g_object_unref (reopen->window);
  g_free (reopen->path);
  g_free (reopen->done_message);
  g_free (reopen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reopen, reopen_free)

static void
reopened_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Reopen) reopen = user_data;
  SihuaWindow *self = reopen->window;
  g_autoptr(GError) error = NULL;
  gboolean opened;

  opened = sihua_context_open_store_finish (SIHUA_CONTEXT (source), result, &error);
  hold_application (FALSE);
  /* A window closed meanwhile has no application. */
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (!opened)
    {
      sihua_window_show_store_error (self, reopen->path, error);
      return;
    }

  sihua_window_show_store (self);
  if (reopen->done_message != NULL)
    sihua_window_add_toast (self, reopen->done_message);
}

/* Opens @path on a thread with the "Opening the database…" page on
 * screen: the check of a large file takes seconds, and an upgrade or the
 * day's backup must not be cut short by closing the window. The store in
 * use stays unless @path opens. */
static void
reopen (SihuaWindow *self,
        const char  *path,
        gboolean     read_only,
        const char  *done_message)
{
  Reopen *reopen = g_new0 (Reopen, 1);

  reopen->window = g_object_ref (self);
  reopen->path = g_strdup (path);
  reopen->done_message = g_strdup (done_message);

  show_opening (self);
  hold_application (TRUE);
  sihua_context_open_store_async (self->context, path, read_only, NULL, reopened_cb, reopen);
}

static void
open_read_only_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  g_autofree char *path = g_strdup (self->problem_path);

  if (path != NULL)
    reopen (self, path, TRUE, _("Opened read-only: nothing can be changed"));
}

typedef struct
{
  char *path;
  char *backup;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->path);
  g_free (restore->backup);
  g_free (restore);
}

/* Copies a backup of a large database: not on the window's thread. */
static void
restore_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Restore *restore = task_data;
  g_autofree char *saved_copy = NULL;
  GError *error = NULL;

  if (sihua_store_restore (restore->path, restore->backup, &saved_copy, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SihuaWindow *self = SIHUA_WINDOW (source);
  Restore *restore = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  hold_application (FALSE);
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    sihua_window_show_store_error (self, restore->path, error);
  else
    reopen (self, restore->path, FALSE, _("The backup was restored"));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SihuaWindow      *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr(GTask) task = NULL;
  Restore *restore;

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL || self->problem_path == NULL)
    return;

  restore = g_new0 (Restore, 1);
  restore->path = g_strdup (self->problem_path);
  restore->backup = g_strdup (backup);

  show_opening (self);
  /* The store keeps the damaged file aside before it restores; the
   * application stays until the copy is in place. */
  hold_application (TRUE);
  task = g_task_new (self, NULL, restored_cb, NULL);
  g_task_set_source_tag (task, restore_response_cb);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);
  g_task_run_in_thread (task, restore_worker);
}

static void
backup_toggled_cb (GtkCheckButton   *check,
                   AdwMessageDialog *dialog)
{
  if (gtk_check_button_get_active (check))
    g_object_set_data_full (G_OBJECT (dialog), "backup",
                            g_strdup (g_object_get_data (G_OBJECT (check), "path")), g_free);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  g_autoptr(GPtrArray) backups = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *dialog, *list;

  if (self->problem_path == NULL)
    return;

  backups = sihua_store_list_backups_for (self->problem_path);
  if (backups == NULL || backups->len == 0)
    {
      sihua_window_add_toast (self, _("There is no backup of this database"));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore a Backup?"),
                                   _("The database is replaced by the backup you choose. The current file is kept beside it, so nothing is lost."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (info->created_at / G_USEC_PER_SEC);
      g_autofree char *title = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (info->size);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data_full (G_OBJECT (check), "path", g_strdup (info->path), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (backup_toggled_cb), dialog);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      if (i == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_database_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           SihuaWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL)
        reopen (self, path, FALSE, NULL);
    }

  g_object_unref (chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Sihua Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_database_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Repairing damage the open could not see
 */

static void
repair_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autofree char *kept = NULL;
  GError *error = NULL;

  if (sihua_store_repair (SIHUA_STORE (task_data), &kept, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
repaired_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SihuaWindow *self = SIHUA_WINDOW (source);
  g_autoptr(GError) error = NULL;

  hold_application (FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.repair-database", TRUE);
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    sihua_window_add_toast (self, error->message);
  else
    sihua_window_add_toast (self, _("The database was repaired; a copy of the damaged file is kept with the backups"));
  sihua_companies_page_reload (self->companies_page);
  sihua_company_page_reload (self->company_page);
}

static void
repair_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  g_autoptr(GTask) task = NULL;

  if (store == NULL || sihua_store_is_read_only (store))
    return;

  /* One transaction that rebuilds every index: the application stays
   * until it is done, and a second click waits for the first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.repair-database", FALSE);
  sihua_company_page_show_waiting (self->company_page, _("Repairing the database…"),
                                   _("A copy of the damaged file is kept first; a large database takes a few seconds"));
  hold_application (TRUE);
  task = g_task_new (self, NULL, repaired_cb, NULL);
  g_task_set_source_tag (task, repair_database_action);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, repair_thread);
}

void
_sihua_window_store_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-read-only", NULL, open_read_only_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.repair-database", NULL, repair_database_action);
}
