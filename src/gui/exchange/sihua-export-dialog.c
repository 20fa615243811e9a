/* sihua-export-dialog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-export-dialog.h"
#include "sihua-text.h"

struct _SihuaExportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *cancel_button;
  GtkButton           *export_button;
  AdwPreferencesPage  *form_page;
  GtkCheckButton      *xlsx_check;
  GtkCheckButton      *csv_check;
  GtkCheckButton      *json_check;
  AdwActionRow        *bom_row;
  GtkSwitch           *bom_switch;
  AdwActionRow        *localized_row;
  GtkSwitch           *localized_switch;
  GtkCheckButton      *all_check;
  AdwActionRow        *company_row;
  GtkCheckButton      *company_check;
  AdwActionRow        *assessment_row;
  GtkCheckButton      *assessment_check;
  AdwPreferencesGroup *progress_group;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;

  /* Owned references */
  SihuaStore          *store;
  GSettings           *settings;
  GCancellable        *cancellable;
  char                *company_name;
  char                *path;

  gint64               company_id;
  gint64               assessment_id;
  guint                pulse_id;
  SihuaExportFormat    format;
};

G_DEFINE_FINAL_TYPE (SihuaExportDialog, sihua_export_dialog, ADW_TYPE_WINDOW)

enum { EXPORTED, N_SIGNALS };
static guint signals [N_SIGNALS];

/*
 * Auxiliary methods
 */

static SihuaExportFormat
chosen_format (SihuaExportDialog *self)
{
  if (gtk_check_button_get_active (self->csv_check))
    return SIHUA_EXPORT_FORMAT_CSV;
  if (gtk_check_button_get_active (self->json_check))
    return SIHUA_EXPORT_FORMAT_JSON;

  return SIHUA_EXPORT_FORMAT_XLSX;
}

static const char *
format_suffix (SihuaExportFormat format)
{
  switch (format)
    {
    case SIHUA_EXPORT_FORMAT_CSV:
      return ".csv";
    case SIHUA_EXPORT_FORMAT_JSON:
      return ".json";
    case SIHUA_EXPORT_FORMAT_XLSX:
    default:
      return ".xlsx";
    }
}

static char *
suggest_name (SihuaExportDialog *self,
              SihuaExportFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *stem = NULL;

  if (!gtk_check_button_get_active (self->all_check) && self->company_name != NULL)
    {
      stem = g_strdup (self->company_name);
      g_strdelimit (stem, "/\\:*?\"<>|", '-');
    }
  else
    /* Translators: the start of the suggested file name of an export of every company */
    stem = g_strdup (_("sihua-data"));

  return g_strdup_printf ("%s-%s%s", stem, today, format_suffix (format));
}

static void
set_busy (SihuaExportDialog *self,
          gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->xlsx_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->json_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bom_switch), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->localized_switch), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->company_check), !busy && self->company_id > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_check), !busy && self->assessment_id > 0);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
    }
}

static void
show_error (SihuaExportDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
}

/*
 * Callbacks
 */

static gboolean
pulse_cb (gpointer user_data)
{
  SihuaExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (SihuaExportDialog *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_label_set_text (self->progress_label, _("Exporting…"));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SihuaExportDialog *self = user_data;

  /* Late news from a worker whose dialog was closed meanwhile. */
  if (self->pulse_id != 0 || self->cancellable == NULL
      || g_cancellable_is_cancelled (self->cancellable))
    return;

  /* Every row is out; a workbook still has to be packed, which takes a
   * while for a large one and reports no share of its own. */
  if (fraction >= 0.99 && self->cancellable != NULL)
    {
      gtk_label_set_text (self->progress_label, _("Writing the file…"));
      self->pulse_id = g_timeout_add (150, pulse_cb, self);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SihuaExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Closed while exporting: the worker stopped and removed its file. */
  if (self->store == NULL)
    {
      sihua_export_to_file_finish (result, NULL);
      return;
    }

  g_clear_object (&self->cancellable);
  stop_pulse (self);
  if (!sihua_export_to_file_finish (result, &error))
    {
      set_busy (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The export was cancelled; no file was written."));
      else
        {
          /* Translators: %s says why the export failed */
          g_autofree char *message = g_strdup_printf (_("The data was not exported: %s"),
                                                     error->message);
          show_error (self, message);
        }
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, self->path, (guint) self->format);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (SihuaExportDialog *self,
              const char        *path)
{
  SihuaExportOptions options = { 0 };
  g_autofree char *company = NULL;
  g_autofree char *assessment = NULL;

  self->format = chosen_format (self);
  g_free (self->path);
  self->path = g_strdup (path);

  options.format = self->format;
  options.bom = gtk_switch_get_active (self->bom_switch);
  options.localized = gtk_switch_get_active (self->localized_switch);
  options.language = sihua_language_from_locale ();
  if (gtk_check_button_get_active (self->company_check) && self->company_id > 0)
    company = g_strdup_printf ("%" G_GINT64_FORMAT, self->company_id);
  else if (gtk_check_button_get_active (self->assessment_check) && self->assessment_id > 0)
    assessment = g_strdup_printf ("%" G_GINT64_FORMAT, self->assessment_id);
  options.company = company;
  options.assessment = assessment;

  if (self->settings != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_settings_set_string (self->settings, "default-folder", folder);
    }

  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  /* A worker with its own connection streams the rows; the window only
   * hears the share done. */
  sihua_export_to_file_async (self->store, &options, path,
                              progress_cb, g_object_ref (self), g_object_unref,
                              self->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     SihuaExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      const char *suffix = format_suffix (chosen_format (self));

      if (path != NULL && !g_str_has_suffix (path, suffix))
        {
          char *with_suffix = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with_suffix;
        }
      if (path != NULL)
        start_export (self, path);
    }

  g_object_unref (chooser);
}

static void
export_clicked_cb (SihuaExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *folder = NULL;
  g_autofree char *name = suggest_name (self, chosen_format (self));

  if (self->cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the Export As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "default-folder");
  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (SihuaExportDialog *self)
{
  /* While exporting, Cancel stops the export and leaves the dialog open to
   * say so; otherwise it closes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
format_toggled_cb (SihuaExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->bom_row),
                            gtk_check_button_get_active (self->csv_check));
  /* JSON keys are a schema, never translated. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->localized_row),
                            !gtk_check_button_get_active (self->json_check));
}

/*
 * GObject overrides
 */

static gboolean
sihua_export_dialog_close_request (GtkWindow *window)
{
  SihuaExportDialog *self = SIHUA_EXPORT_DIALOG (window);

  /* Closing stops a running export: no half file is left behind. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sihua_export_dialog_parent_class)->close_request (window);
}

static void
sihua_export_dialog_dispose (GObject *object)
{
  SihuaExportDialog *self = SIHUA_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sihua_export_dialog_parent_class)->dispose (object);
}

static void
sihua_export_dialog_finalize (GObject *object)
{
  SihuaExportDialog *self = SIHUA_EXPORT_DIALOG (object);

  g_free (self->company_name);
  g_free (self->path);

  G_OBJECT_CLASS (sihua_export_dialog_parent_class)->finalize (object);
}

static void
sihua_export_dialog_class_init (SihuaExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sihua_export_dialog_dispose;
  object_class->finalize = sihua_export_dialog_finalize;
  window_class->close_request = sihua_export_dialog_close_request;

  /**
   * SihuaExportDialog::exported:
   * @path: the file chosen (for CSV, the stem of the three files beside it)
   * @format: a #SihuaExportFormat
   *
   * The export is complete; the dialog closes.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, xlsx_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, bom_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, localized_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, localized_switch);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, company_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, assessment_check);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);
}

static void
sihua_export_dialog_init (SihuaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->company_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_row), FALSE);
}

/*
 * Public API
 */

SihuaExportDialog *
sihua_export_dialog_new (GtkWindow  *parent,
                         SihuaStore *store,
                         GSettings  *settings)
{
  SihuaExportDialog *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  self = g_object_new (SIHUA_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  return self;
}

/**
 * sihua_export_dialog_set_company:
 * @company_id: the company on screen
 * @name: its name, shown in the choice
 *
 * Offers "this company" as what to export.
 */
void
sihua_export_dialog_set_company (SihuaExportDialog *self,
                                 gint64             company_id,
                                 const char        *name)
{
  g_return_if_fail (SIHUA_IS_EXPORT_DIALOG (self));

  self->company_id = company_id;
  g_free (self->company_name);
  self->company_name = g_strdup (name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->company_row), company_id > 0);
  if (name != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->company_row), name);
}

/**
 * sihua_export_dialog_set_assessment:
 * @assessment_id: the assessment on screen
 * @label: its date (and model), shown in the choice
 *
 * Offers "this assessment" as what to export.
 */
void
sihua_export_dialog_set_assessment (SihuaExportDialog *self,
                                    gint64             assessment_id,
                                    const char        *label)
{
  g_return_if_fail (SIHUA_IS_EXPORT_DIALOG (self));

  self->assessment_id = assessment_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_row), assessment_id > 0);
  if (label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->assessment_row), label);
}

void
sihua_export_dialog_set_scope (SihuaExportDialog *self,
                               SihuaExportScope   scope)
{
  g_return_if_fail (SIHUA_IS_EXPORT_DIALOG (self));

  if (scope == SIHUA_EXPORT_SCOPE_ASSESSMENT && self->assessment_id > 0)
    gtk_check_button_set_active (self->assessment_check, TRUE);
  else if (scope == SIHUA_EXPORT_SCOPE_COMPANY && self->company_id > 0)
    gtk_check_button_set_active (self->company_check, TRUE);
  else
    gtk_check_button_set_active (self->all_check, TRUE);
}
