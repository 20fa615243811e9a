/* sihua-results-page-export.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-report-settings.h"
#include "sihua-report.h"
#include "sihua-results-page-private.h"

/*
 * "Export Report…": language and sections in a dialog, the file in a file
 * chooser, the writing in a worker thread so the window stays responsive,
 * and a toast that opens the PDF when it is written.
 */

static const struct {
  SihuaReportSections  section;
  const char          *label;
} section_labels[] = {
  { SIHUA_REPORT_SECTION_COVER, N_("Cover") },
  { SIHUA_REPORT_SECTION_SUMMARY, N_("Executive summary") },
  { SIHUA_REPORT_SECTION_GUIDE, N_("How to read this report") },
  { SIHUA_REPORT_SECTION_DIMENSIONS, N_("Results by dimension") },
  { SIHUA_REPORT_SECTION_EVIDENCE, N_("Items that need evidence") },
  { SIHUA_REPORT_SECTION_BARRIERS, N_("Barriers") },
  { SIHUA_REPORT_SECTION_ROADMAP, N_("Roadmap") },
  { SIHUA_REPORT_SECTION_APPENDIX, N_("Appendix: every answer") },
};

typedef struct
{
  SihuaResultsPage    *self;
  GtkDropDown         *language;
  GtkCheckButton      *sections[G_N_ELEMENTS (section_labels)];
  SihuaLanguage        chosen_language;
  SihuaReportSections  chosen_sections;
} ExportDialog;

typedef struct
{
  SihuaStore          *store;
  gint64               assessment_id;
  SihuaLanguage        language;
  SihuaReportSections  sections;
  char                *consultant;
  char                *firm;
  char                *logo;
  char                *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->consultant);
  g_free (job->firm);
  g_free (job->logo);
  g_free (job->path);
  g_free (job);
}

static void
toast_open_clicked_cb (AdwToast *toast,
                       gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* A toast that a file was written, with a button that opens it. */
void
_sihua_results_page_toast_saved (SihuaResultsPage *self,
                                 const char       *message,
                                 const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_open_clicked_cb), NULL);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that stays until it is closed: something was not written. */
void
_sihua_results_page_toast_failed (SihuaResultsPage *self,
                                  const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SihuaResultsPage *self = SIHUA_RESULTS_PAGE (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s is why the report could not be written */
      message = g_strdup_printf (_("The report was not written: %s"), error->message);
      _sihua_results_page_toast_failed (self, message);
      return;
    }

  {
    g_autofree char *name = g_path_get_basename (job->path);

    /* Translators: %s is the file name of the report */
    message = g_strdup_printf (_("Report saved as %s"), name);
    _sihua_results_page_toast_saved (self, message, job->path);
  }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  SihuaReportOptions options;
  GError *error = NULL;

  sihua_report_options_init (&options);
  options.language = job->language;
  options.sections = job->sections;
  options.consultant = job->consultant;
  options.firm = job->firm;
  options.logo = job->logo;

  /* Everything the report needs is read here, in the worker, not in the
   * main loop. */
  if (sihua_report_write_from_store (job->store, job->assessment_id, &options, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_export (SihuaResultsPage *self,
              ExportDialog     *dialog,
              const char       *path)
{
  g_autoptr(SihuaReportSettings) defaults = sihua_report_settings_load ();
  g_autoptr(GSettings) settings = sihua_report_settings_open ();
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->store = g_object_ref (self->store);
  job->assessment_id = self->assessment_id;
  job->language = dialog->chosen_language;
  job->sections = dialog->chosen_sections;
  job->consultant = g_strdup (defaults->consultant);
  job->firm = g_strdup (defaults->firm);
  job->logo = g_strdup (defaults->logo);
  job->path = g_strdup (path);

  if (settings != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_settings_set_string (settings, "default-folder", folder);
    }

  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export", FALSE);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ExportDialog    *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, ".pdf"))
        {
          char *with_suffix = g_strconcat (path, ".pdf", NULL);
          g_free (path);
          path = with_suffix;
        }
      if (path != NULL)
        start_export (dialog->self, dialog, path);
    }

  g_object_unref (dialog->self);
  g_free (dialog);
  g_object_unref (chooser);
}

/* Exports start in the folder the report export remembers, else in the
 * documents folder. */
void
_sihua_results_page_open_export_folder (GtkFileChooser *chooser)
{
  g_autoptr(SihuaReportSettings) defaults = sihua_report_settings_load ();
  g_autofree char *folder = g_strdup (defaults->default_folder);

  if (folder == NULL)
    folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

static char *
suggest_name (SihuaResultsPage *self,
              SihuaLanguage     language)
{
  const SihuaCompany *company = sihua_results_get_company (self->results);
  g_autofree char *name = NULL;

  name = g_strdup (company ? company->name : "");
  g_strdelimit (name, "/\\:*?\"<>|", '-');

  if (language == SIHUA_LANGUAGE_ZH_CN)
    return g_strdup_printf ("%s-数字化转型评估报告-%s.pdf", name, self->assessment->date);

  return g_strdup_printf ("%s-digital-transformation-report-%s.pdf", name, self->assessment->date);
}

static void
dialog_response_cb (AdwMessageDialog *message_dialog,
                    const char       *response,
                    ExportDialog     *dialog)
{
  SihuaResultsPage *self = dialog->self;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  if (g_strcmp0 (response, "export") != 0 || self->assessment == NULL)
    {
      g_object_unref (dialog->self);
      g_free (dialog);
      return;
    }

  dialog->chosen_language = gtk_drop_down_get_selected (dialog->language) == 1
                          ? SIHUA_LANGUAGE_EN : SIHUA_LANGUAGE_ZH_CN;
  dialog->chosen_sections = 0;
  for (guint i = 0; i < G_N_ELEMENTS (section_labels); i++)
    if (gtk_check_button_get_active (dialog->sections[i]))
      dialog->chosen_sections |= section_labels[i].section;
  if (dialog->chosen_sections == 0)
    dialog->chosen_sections = SIHUA_REPORT_SECTIONS_ALL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  name = suggest_name (self, dialog->chosen_language);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  _sihua_results_page_open_export_folder (GTK_FILE_CHOOSER (chooser));

  {
    GtkFileFilter *filter = gtk_file_filter_new ();

    gtk_file_filter_set_name (filter, _("PDF documents"));
    gtk_file_filter_add_mime_type (filter, "application/pdf");
    gtk_file_filter_add_suffix (filter, "pdf");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    g_object_unref (filter);
  }

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_sihua_results_page_export (SihuaResultsPage *self)
{
  g_autoptr(SihuaReportSettings) defaults = sihua_report_settings_load ();
  ExportDialog *dialog;
  GtkWidget *message, *box, *row, *label, *grid;
  GtkRoot *root;
  const char *languages[] = { "中文", "English", NULL };

  if (self->exporting || self->assessment == NULL)
    return;

  dialog = g_new0 (ExportDialog, 1);
  dialog->self = g_object_ref (self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    _("Export Report"),
                                    _("Choose the language and the parts of the report, then where to save the PDF."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "export", _("Choose _File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Language"));
  gtk_box_append (GTK_BOX (row), label);
  dialog->language = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (languages));
  gtk_widget_set_hexpand (GTK_WIDGET (dialog->language), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (dialog->language));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->language),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report language"), -1);
  gtk_drop_down_set_selected (dialog->language, defaults->language == SIHUA_LANGUAGE_EN ? 1 : 0);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (dialog->language));
  gtk_box_append (GTK_BOX (box), row);

  label = gtk_label_new (_("Sections"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (section_labels); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(section_labels[i].label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      dialog->sections[i] = GTK_CHECK_BUTTON (check);
      gtk_grid_attach (GTK_GRID (grid), check, i % 2, i / 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  g_signal_connect (message, "response", G_CALLBACK (dialog_response_cb), dialog);
  gtk_window_present (GTK_WINDOW (message));
}
