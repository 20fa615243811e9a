/* sihua-window-exchange.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-bundle-import-dialog.h"
#include "sihua-bundle.h"
#include "sihua-export-dialog.h"
#include "sihua-window-private.h"

/*
 * The window's actions for data going out and coming in: exports for
 * analysis, and bundles that carry companies between laptops. The work runs
 * off the main thread; the window only shows progress and the outcome.
 */

static void
set_default_folder (SihuaWindow          *self,
                    GtkFileChooserNative *chooser)
{
  GSettings *settings = _sihua_window_get_settings (self);
  g_autofree char *folder = settings != NULL ? g_settings_get_string (settings, "default-folder") : NULL;

  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
}

static void
remember_folder (SihuaWindow *self,
                 const char  *path)
{
  GSettings *settings = _sihua_window_get_settings (self);
  g_autofree char *folder = g_path_get_dirname (path);

  if (settings != NULL)
    g_settings_set_string (settings, "default-folder", folder);
}

/*
 * Toasts that open what was written
 */

static void
launch_uri (const char *uri)
{
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
toast_open_cb (AdwToast *toast)
{
  launch_uri (g_object_get_data (G_OBJECT (toast), "uri"));
}

static void
show_folder_clicked_cb (GtkButton *button)
{
  launch_uri (g_object_get_data (G_OBJECT (button), "uri"));
}

/* A toast naming @path; "Open" opens the file when @openable, and "Show in
 * Folder" opens the folder it is in. */
static void
show_saved_toast (SihuaWindow *self,
                  const char  *message,
                  const char  *path,
                  gboolean     openable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  if (openable)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (message);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Show in _Folder"));

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "uri", g_file_get_uri (folder), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (show_folder_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      adw_toast_set_custom_title (toast, box);

      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
    }
  else
    {
      adw_toast_set_button_label (toast, _("Show in _Folder"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (folder), g_free);
    }
  g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_open_cb), NULL);
  sihua_window_show_toast (self, toast);
}

static void
show_failure (SihuaWindow  *self,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog;

  /* The core's message says precisely what is wrong; shown as it is. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Export Data…
 */

static void
exported_cb (SihuaExportDialog *dialog,
             const char        *path,
             guint              format,
             SihuaWindow       *self)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;

  if (format == SIHUA_EXPORT_FORMAT_CSV)
    {
      /* Translators: %s is the start of the names of the three CSV files */
      message = g_strdup_printf (_("Exported as %s (three CSV files)"), name);
      show_saved_toast (self, message, path, FALSE);
      return;
    }

  /* Translators: %s is the file name */
  message = g_strdup_printf (_("Exported as %s"), name);
  show_saved_toast (self, message, path, TRUE);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  const SihuaCompany *company = sihua_window_get_company (self);
  gint64 assessment_id = sihua_window_get_assessment_id (self);
  const char *scope = g_variant_get_string (parameter, NULL);
  SihuaExportDialog *dialog;

  if (store == NULL)
    return;

  dialog = sihua_export_dialog_new (GTK_WINDOW (self), store, _sihua_window_get_settings (self));
  if (company != NULL)
    sihua_export_dialog_set_company (dialog, company->id, company->name);
  if (assessment_id > 0)
    {
      g_autoptr(SihuaAssessment) assessment = sihua_store_get_assessment (store, assessment_id, NULL);

      if (assessment != NULL)
        sihua_export_dialog_set_assessment (dialog, assessment_id, assessment->date);
    }

  if (g_strcmp0 (scope, "assessment") == 0)
    sihua_export_dialog_set_scope (dialog, SIHUA_EXPORT_SCOPE_ASSESSMENT);
  else if (g_strcmp0 (scope, "company") == 0)
    sihua_export_dialog_set_scope (dialog, SIHUA_EXPORT_SCOPE_COMPANY);
  else
    sihua_export_dialog_set_scope (dialog, SIHUA_EXPORT_SCOPE_ALL);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "last-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Export Bundle…
 */

typedef struct
{
  SihuaStore *store;
  GStrv       companies;
  char       *path;
} BundleJob;

static void
bundle_job_free (BundleJob *job)
{
  g_clear_object (&job->store);
  g_strfreev (job->companies);
  g_free (job->path);
  g_free (job);
}

static void
export_bundle_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  BundleJob *job = task_data;
  GError *error = NULL;

  if (sihua_bundle_export (job->store, (const char * const *) job->companies, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_bundle_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SihuaWindow *self = SIHUA_WINDOW (source);
  BundleJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_failure (self, _("The Bundle Was Not Written"), error);
      return;
    }

  name = g_path_get_basename (job->path);
  /* Translators: %s is the file name of the bundle */
  message = g_strdup_printf (_("Bundle saved as %s"), name);
  show_saved_toast (self, message, job->path, FALSE);
}

static void
export_bundle_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           SihuaWindow     *self)
{
  BundleJob *job = g_object_steal_data (G_OBJECT (chooser), "job");

  if (response == GTK_RESPONSE_ACCEPT && job != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GTask) task = NULL;

      if (path != NULL)
        {
          job->path = g_str_has_suffix (path, ".sihua") ? g_strdup (path)
                                                        : g_strconcat (path, ".sihua", NULL);
          remember_folder (self, job->path);
          task = g_task_new (self, NULL, export_bundle_done_cb, NULL);
          g_task_set_source_tag (task, export_bundle_response_cb);
          g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) bundle_job_free);
          g_task_run_in_thread (task, export_bundle_thread);
        }
    }

  g_clear_pointer (&job, bundle_job_free);
  g_object_unref (chooser);
}

static void
export_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  const SihuaCompany *company = sihua_window_get_company (self);
  gboolean one = g_strcmp0 (g_variant_get_string (parameter, NULL), "company") == 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  BundleJob *job;

  if (store == NULL || (one && company == NULL))
    return;

  job = g_new0 (BundleJob, 1);
  job->store = g_object_ref (store);
  if (one)
    {
      job->companies = g_new0 (char *, 2);
      job->companies[0] = g_strdup (company->uuid);
      stem = g_strdup (company->name);
      g_strdelimit (stem, "/\\:*?\"<>|", '-');
    }
  else
    /* Translators: the start of the suggested file name of a bundle of every company */
    stem = g_strdup (_("sihua-companies"));
  name = g_strdup_printf ("%s-%s.sihua", stem, today);

  chooser = gtk_file_chooser_native_new (_("Save the Bundle As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_default_folder (self, chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "job", job, (GDestroyNotify) bundle_job_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_bundle_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Import Bundle…
 */

typedef struct
{
  SihuaStore        *store;
  char              *path;
  SihuaBundle       *bundle;
  SihuaBundleReport *report;
  GHashTable        *models;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->store);
  g_free (job->path);
  g_clear_pointer (&job->bundle, sihua_bundle_free);
  g_clear_pointer (&job->report, sihua_bundle_report_free);
  g_clear_pointer (&job->models, g_hash_table_unref);
  g_free (job);
}

static void
load_bundle_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  /* Reading and checking every entry (checksums, paths, sizes),
   * comparing with the store and reading the models the conflicts are
   * pinned to: nothing is written yet. */
  job->bundle = sihua_bundle_load (job->path, &error);
  if (job->bundle != NULL)
    job->report = sihua_bundle_analyse (job->bundle, job->store, SIHUA_BUNDLE_CHOICE_NONE, &error);

  if (job->report != NULL)
    {
      job->models = sihua_bundle_import_dialog_load_models (job->store, job->report);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

static void
imported_cb (SihuaBundleImportDialog *dialog,
             SihuaBundleReport       *report,
             SihuaWindow             *self)
{
  g_autofree char *companies = NULL;
  g_autofree char *message = NULL;

  companies = g_strdup_printf (ngettext ("%u company", "%u companies", report->companies_added),
                               report->companies_added);
  /* Translators: %s is "2 companies"; %u counts assessments */
  message = g_strdup_printf (ngettext ("Imported %s and %u assessment",
                                       "Imported %s and %u assessments",
                                       report->assessments_added),
                             companies, report->assessments_added);
  /* What the merge changed in assessments already here, answer by answer. */
  if (report->answers_taken + report->answers_added + report->answers_kept > 0 &&
      report->assessments_merged + report->conflicts->len > 0)
    {
      g_autofree char *answers = NULL;
      g_autofree char *imported = NULL;

      /* Translators: appended to "Imported 1 company and 2 assessments"; the numbers count answers */
      answers = g_strdup_printf (_("; answers taken from theirs: %u, kept mine: %u, conflicts resolved: %u"),
                                 report->answers_taken + report->answers_added,
                                 report->answers_kept, report->conflicts_resolved);
      imported = g_steal_pointer (&message);
      message = g_strconcat (imported, answers, NULL);
    }
  sihua_window_add_toast (self, message);
  sihua_window_reload_companies (self);
}

static void
load_bundle_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SihuaWindow *self = SIHUA_WINDOW (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  SihuaBundleImportDialog *dialog;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bundle", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_failure (self, _("The Bundle Cannot Be Imported"), error);
      return;
    }

  /* The store may have been swapped for another meanwhile. */
  if (_sihua_window_get_store (self) != job->store)
    return;

  dialog = sihua_bundle_import_dialog_new (GTK_WINDOW (self), job->store,
                                           g_steal_pointer (&job->bundle),
                                           g_steal_pointer (&job->report),
                                           g_steal_pointer (&job->models));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "last-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_bundle_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           SihuaWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && _sihua_window_get_store (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autoptr(GTask) task = NULL;
          LoadJob *job = g_new0 (LoadJob, 1);

          job->store = g_object_ref (_sihua_window_get_store (self));
          job->path = g_steal_pointer (&path);
          remember_folder (self, job->path);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bundle", FALSE);
          task = g_task_new (self, NULL, load_bundle_done_cb, NULL);
          g_task_set_source_tag (task, import_bundle_response_cb);
          g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
          g_task_run_in_thread (task, load_bundle_thread);
        }
    }

  g_object_unref (chooser);
}

static void
import_bundle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = _sihua_window_get_store (self);
  g_autoptr(GtkFileFilter) bundles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (store == NULL)
    return;
  if (sihua_store_is_read_only (store))
    {
      sihua_window_add_toast (self, _("The database is open read-only"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose a Bundle to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (bundles, _("Sihua bundles"));
  gtk_file_filter_add_pattern (bundles, "*.sihua");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), bundles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  set_default_folder (self, chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_bundle_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/*
 * Class setup
 */

void
_sihua_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-data", "s", export_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-bundle", "s", export_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.import-bundle", NULL, import_bundle_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-data", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-bundle", NULL);
}
