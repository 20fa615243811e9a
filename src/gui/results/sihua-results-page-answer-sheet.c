/* sihua-results-page-answer-sheet.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-answer-sheet-export.h"
#include "sihua-results-page-private.h"

/*
 * "Answer Sheet…" of an official index: the answers in the official form's
 * order, with option letters and the numbers behind the bands, as an XLSX
 * workbook or a CSV file the manager keeps beside the online form. The rows
 * are built by core in the main loop (they only read the loaded results);
 * the file is written in a worker.
 */

typedef struct
{
  GPtrArray                    *lines;
  SihuaAnswerSheetExportFormat  format;
  SihuaLanguage                 language;
  char                         *path;
} SheetJob;

static void
sheet_job_free (SheetJob *job)
{
  g_clear_pointer (&job->lines, g_ptr_array_unref);
  g_free (job->path);
  g_free (job);
}

static void
sheet_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SihuaResultsPage *self = SIHUA_RESULTS_PAGE (object);
  SheetJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-answer-sheet", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s is why the answer sheet could not be written */
      message = g_strdup_printf (_("The answer sheet was not written: %s"), error->message);
      _sihua_results_page_toast_failed (self, message);
      return;
    }

  name = g_path_get_basename (job->path);
  /* Translators: %s is the file name of the answer sheet */
  message = g_strdup_printf (_("Answer sheet saved as %s"), name);
  _sihua_results_page_toast_saved (self, message, job->path);
}

static void
write_sheet_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SheetJob *job = task_data;
  GError *error = NULL;

  if (sihua_answer_sheet_export_write (job->lines, job->format, job->path, job->language, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_sheet (SihuaResultsPage *self,
             const char       *chosen)
{
  g_autoptr(GTask) task = NULL;
  SheetJob *job;

  if (self->results == NULL)
    return;

  job = g_new0 (SheetJob, 1);
  job->lines = sihua_answer_sheet_export_build (self->model, self->answers, self->language);
  job->language = self->language;
  if (g_str_has_suffix (chosen, ".csv"))
    {
      job->format = SIHUA_ANSWER_SHEET_EXPORT_CSV;
      job->path = g_strdup (chosen);
    }
  else
    {
      job->format = SIHUA_ANSWER_SHEET_EXPORT_XLSX;
      job->path = g_str_has_suffix (chosen, ".xlsx") ? g_strdup (chosen) : g_strconcat (chosen, ".xlsx", NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-answer-sheet", FALSE);
  task = g_task_new (self, NULL, sheet_written_cb, NULL);
  g_task_set_source_tag (task, write_sheet);
  g_task_set_task_data (task, job, (GDestroyNotify) sheet_job_free);
  g_task_run_in_thread (task, write_sheet_thread);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     SihuaResultsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        write_sheet (self, path);
    }

  g_object_unref (self);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

void
_sihua_results_page_export_answer_sheet (SihuaResultsPage *self)
{
  const SihuaCompany *company;
  g_autofree char *company_name = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  if (self->results == NULL || self->assessment == NULL)
    return;

  company = sihua_results_get_company (self->results);
  company_name = g_strdup (company != NULL ? company->name : "");
  g_strdelimit (company_name, "/\\:*?\"<>|", '-');
  /* Translators: the answer sheet's file name, "华东精密-answer-sheet-2026-03-01.xlsx" */
  name = g_strdup_printf (_("%s-answer-sheet-%s.xlsx"), company_name, self->assessment->date);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Export Answer Sheet"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  _sihua_results_page_open_export_folder (GTK_FILE_CHOOSER (chooser));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbooks (XLSX)"), "xlsx");
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), "csv");

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
