/* sihua-window.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-companies-page.h"
#include "sihua-company-dialog.h"
#include "sihua-company-page.h"
#include "sihua-gui-utils.h"
#include "sihua-preferences-window.h"
#include "sihua-screenshot.h"
#include "sihua-window.h"

# include "sihua-assessment-page.h"
# include "sihua-results-page.h"

struct _SihuaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *problem_page;
  GtkLabel             *problem_path_label;
  GtkWidget            *open_read_only_button;
  GtkWidget            *restore_backup_button;
  AdwLeaflet           *leaflet;
  SihuaCompaniesPage   *companies_page;
  SihuaCompanyPage     *company_page;
  AdwWindowTitle       *company_title;
  GtkBox               *assessment_box;
  AdwWindowTitle       *assessment_title;
  GtkBox               *results_box;
  AdwWindowTitle       *results_title;

  /* The answering and results pages (made in code: they may be absent). */
  GtkWidget            *assessment_page;
  GtkWidget            *results_page;
  gint64                assessment_id;

  /* The database that failed to open, while the problem page shows. */
  char                 *problem_path;

  /* --screenshot: which page, and where to, once the data is on screen. */
  char                 *screenshot_page;
  char                 *screenshot_path;
  GtkWidget            *shot_widget;

  guint                 restored : 1;
  guint                 shot_scheduled : 1;
  guint                 shot_waits_for_company : 1;
};

G_DEFINE_FINAL_TYPE (SihuaWindow, sihua_window, ADW_TYPE_APPLICATION_WINDOW)

static void restore_last_assessment (SihuaWindow *self);

/*
 * Auxiliary methods
 */

static SihuaApplication *
get_app (SihuaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? SIHUA_APPLICATION (app) : NULL;
}

static GSettings *
get_settings (SihuaWindow *self)
{
  SihuaApplication *app = get_app (self);

  return app != NULL ? sihua_application_get_settings (app) : NULL;
}

static SihuaStore *
get_store (SihuaWindow *self)
{
  SihuaApplication *app = get_app (self);

  return app != NULL ? sihua_application_get_store (app) : NULL;
}

static void
restore_geometry (SihuaWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static const char *
visible_page (SihuaWindow *self)
{
  GtkWidget *child = adw_leaflet_get_visible_child (self->leaflet);
  AdwLeafletPage *page = child != NULL ? adw_leaflet_get_page (self->leaflet, child) : NULL;

  return page != NULL ? adw_leaflet_page_get_name (page) : NULL;
}

/* Remembers where the consultant is, at once (a crash loses no place). */
static void
remember_place (SihuaWindow *self)
{
  GSettings *settings = get_settings (self);
  const char *page = visible_page (self);
  g_autofree char *uuid = NULL;
  const char *dimension = NULL;

  if (settings == NULL || get_store (self) == NULL || !self->restored)
    return;

  if (self->assessment_id > 0
      && (g_strcmp0 (page, "assessment") == 0 || g_strcmp0 (page, "results") == 0))
    {
      g_autoptr(SihuaAssessment) assessment = NULL;

      assessment = sihua_store_get_assessment (get_store (self), self->assessment_id, NULL);
      if (assessment != NULL)
        uuid = g_strdup (assessment->uuid);
      if (self->assessment_page != NULL)
        dimension = sihua_assessment_page_get_dimension_id (SIHUA_ASSESSMENT_PAGE (self->assessment_page));
    }

  g_settings_set_string (settings, "last-assessment", uuid != NULL ? uuid : "");
  g_settings_set_string (settings, "last-dimension", dimension != NULL ? dimension : "");
}

/* Companies can be added and edited only in a store open for writing. */
static void
set_can_change (SihuaWindow *self,
                gboolean     can_change)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-company", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-company", can_change);
}

static void
show_browse (SihuaWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
}

static void
update_main_page (SihuaWindow *self)
{
  if (self->problem_path != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "problem");
  else if (get_store (self) == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "opening");
  else if (sihua_companies_page_get_empty (self->companies_page))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    show_browse (self);
}

static void
assessment_show_results_cb (SihuaWindow *self)
{
  sihua_results_page_set_assessment (SIHUA_RESULTS_PAGE (self->results_page),
                                     get_store (self), self->assessment_id);
  adw_leaflet_set_visible_child_name (self->leaflet, "results");
}

static void
results_show_question_cb (SihuaWindow *self,
                          const char  *question_id)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "assessment");
  sihua_assessment_page_show_question (SIHUA_ASSESSMENT_PAGE (self->assessment_page), question_id);
}

static void
ensure_answer_pages (SihuaWindow *self)
{
  if (self->assessment_page != NULL)
    return;

  self->assessment_page = sihua_assessment_page_new ();
  self->results_page = sihua_results_page_new ();
  g_signal_connect_object (self->assessment_page, "show-results",
                           G_CALLBACK (assessment_show_results_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessment_page, "notify::dimension-id",
                           G_CALLBACK (remember_place), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_page, "show-question",
                           G_CALLBACK (results_show_question_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_vexpand (self->assessment_page, TRUE);
  gtk_widget_set_vexpand (self->results_page, TRUE);
  gtk_box_append (self->assessment_box, self->assessment_page);
  gtk_box_append (self->results_box, self->results_page);
}

static void
set_assessment_titles (SihuaWindow *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *subtitle = NULL;
  SihuaStore *store = get_store (self);

  assessment = sihua_store_get_assessment (store, self->assessment_id, NULL);
  if (assessment == NULL)
    return;
  company = sihua_store_get_company (store, assessment->company_id, NULL);

  subtitle = g_strdup_printf (_("Assessment of %s"), assessment->date);
  adw_window_title_set_title (self->assessment_title, company != NULL ? company->name : "");
  adw_window_title_set_subtitle (self->assessment_title, subtitle);
  adw_window_title_set_title (self->results_title, _("Results"));
  adw_window_title_set_subtitle (self->results_title, company != NULL ? company->name : "");
}

/*
 * Callbacks
 */


static void
leaflet_visible_child_changed_cb (SihuaWindow *self)
{
  const char *page = visible_page (self);

  /* Ctrl+F searches companies only on their page; elsewhere it belongs to
   * the page on screen (finding a question while answering). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 g_strcmp0 (page, "companies") == 0);

  /* Coming back to a page shows what changed on the pages after it. */
  if (g_strcmp0 (page, "companies") == 0)
    sihua_companies_page_reload (self->companies_page);
  else if (g_strcmp0 (page, "company") == 0)
    sihua_company_page_reload (self->company_page);
  else if (g_strcmp0 (page, "results") == 0 && self->results_page != NULL
           && !adw_leaflet_get_child_transition_running (self->leaflet))
    sihua_results_page_reload (SIHUA_RESULTS_PAGE (self->results_page));

  remember_place (self);
}

static void
company_activated_cb (SihuaWindow *self,
                      gint64       company_id)
{
  sihua_window_open_company (self, company_id);
}

static void
assessment_activated_cb (SihuaWindow *self,
                         gint64       assessment_id,
                         gboolean     completed)
{
  sihua_window_open_assessment (self, assessment_id, completed);
}

static void
companies_empty_changed_cb (SihuaWindow *self)
{
  update_main_page (self);
}

static void
company_saved_cb (SihuaWindow        *self,
                  gint64              company_id,
                  SihuaCompanyDialog *dialog)
{
  sihua_companies_page_reload (self->companies_page);
  sihua_window_open_company (self, company_id);
  show_browse (self);
}

static gboolean
save_screenshot_cb (gpointer user_data)
{
  SihuaWindow *self = user_data;
  GtkWidget *widget = self->shot_widget != NULL ? self->shot_widget : GTK_WIDGET (self);
  g_autoptr(GError) error = NULL;

  /* Outside a frame the layout has settled, so the page draws whole. */
  if (!sihua_screenshot_save (widget, self->screenshot_path, &error))
    g_printerr ("sihua: %s\n", error->message);

  /* Dialogs go with the window (they are transient for it). */
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
take_screenshot (SihuaWindow *self,
                 GtkWidget   *widget)
{
  g_set_weak_pointer (&self->shot_widget, widget);
  g_timeout_add_full (G_PRIORITY_LOW, 400, save_screenshot_cb,
                      g_object_ref (self), g_object_unref);
}

/* The first company's page has loaded: on to the page to capture. */
static void
screenshot_company_loaded (SihuaWindow *self)
{
  const char *page = self->screenshot_page;
  GtkWindow *dialog = NULL;

  if (g_strcmp0 (page, "assessment") == 0 || g_strcmp0 (page, "results") == 0)
    {
      gint64 latest = sihua_company_page_get_latest_id (self->company_page);

      if (latest > 0)
        sihua_window_open_assessment (self, latest, g_strcmp0 (page, "results") == 0);
    }
  else if (g_strcmp0 (page, "company-form") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-company", NULL);
      dialog = g_object_get_data (G_OBJECT (self), "last-dialog");
    }

  take_screenshot (self, dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (self));
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  SihuaWindow *self = user_data;
  const char *page = self->screenshot_page;
  GtkWindow *dialog = NULL;
  gint64 first = sihua_companies_page_get_first_id (self->companies_page);

  if (first > 0
      && (g_strcmp0 (page, "company") == 0 || g_strcmp0 (page, "assessment") == 0
          || g_strcmp0 (page, "results") == 0 || g_strcmp0 (page, "company-form") == 0))
    {
      /* The company's page loads on the store's thread; the rest follows
       * in company_loaded_cb(). */
      self->shot_waits_for_company = TRUE;
      sihua_window_open_company (self, first);
      return G_SOURCE_REMOVE;
    }
  else if (g_strcmp0 (page, "company-form") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-company", NULL);
      dialog = g_object_get_data (G_OBJECT (self), "last-dialog");
    }
  else if (g_strcmp0 (page, "preferences") == 0)
    {
      g_action_group_activate_action (G_ACTION_GROUP (get_app (self)), "preferences", NULL);
      dialog = g_object_get_data (G_OBJECT (self), "last-dialog");
    }

  take_screenshot (self, dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
companies_loaded_cb (SihuaWindow *self)
{
  update_main_page (self);

  if (!self->restored)
    {
      /* bench/bench-startup.py times start-up to this line. */
      g_debug ("Companies listed");
      self->restored = TRUE;
      if (self->screenshot_path == NULL)
        restore_last_assessment (self);
    }

  if (self->screenshot_path != NULL && !self->shot_scheduled)
    {
      /* Give the pages a moment to load what they show. */
      self->shot_scheduled = TRUE;
      g_timeout_add_full (G_PRIORITY_DEFAULT, 150, screenshot_timeout_cb,
                          g_object_ref (self), g_object_unref);
    }
}

static void
company_loaded_cb (SihuaWindow *self)
{
  const SihuaCompany *company = sihua_company_page_get_company (self->company_page);

  adw_window_title_set_title (self->company_title, company->name);
  adw_window_title_set_subtitle (self->company_title, company->region != NULL ? company->region : "");

  if (self->shot_waits_for_company)
    {
      self->shot_waits_for_company = FALSE;
      screenshot_company_loaded (self);
    }
}

static void
company_load_failed_cb (SihuaWindow *self,
                        const char  *message)
{
  sihua_window_add_toast (self, message);

  if (self->shot_waits_for_company)
    {
      self->shot_waits_for_company = FALSE;
      take_screenshot (self, GTK_WIDGET (self));
    }
}

/*
 * Restoring the last place
 */

static void
find_assessment_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SihuaWindow) self = user_data;
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autofree char *dimension = NULL;
  GSettings *settings = get_settings (self);

  assessment = sihua_store_get_assessment_by_uuid_finish (SIHUA_STORE (source), result, NULL);
  if (assessment == NULL || get_store (self) != SIHUA_STORE (source))
    return;

  /* The consultant may already have gone elsewhere. */
  if (g_strcmp0 (visible_page (self), "companies") != 0)
    return;

  /* Read before opening the company: opening it records the new place,
   * which clears the remembered dimension. */
  dimension = g_settings_get_string (settings, "last-dimension");

  if (!sihua_window_open_company (self, assessment->company_id))
    return;

  /* The page shows the remembered dimension once the assessment loads. */
  ensure_answer_pages (self);
  if (*dimension != '\0')
    sihua_assessment_page_set_dimension_id (SIHUA_ASSESSMENT_PAGE (self->assessment_page), dimension);
  sihua_window_open_assessment (self, assessment->id, FALSE);
}

static void
restore_last_assessment (SihuaWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *uuid = NULL;

  if (settings == NULL || get_store (self) == NULL)
    return;

  uuid = g_settings_get_string (settings, "last-assessment");
  if (*uuid == '\0')
    return;

  sihua_store_get_assessment_by_uuid_async (get_store (self), uuid, NULL,
                                            find_assessment_done_cb, g_object_ref (self));
}

/*
 * Actions
 */

static void
new_company_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  SihuaStore *store = get_store (self);
  SihuaCompanyDialog *dialog;

  if (store == NULL)
    return;

  if (sihua_store_is_read_only (store))
    {
      sihua_window_add_toast (self, _("The database is open read-only"));
      return;
    }

  dialog = sihua_company_dialog_new (GTK_WINDOW (self), store, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (company_saved_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), "last-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_company_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  const SihuaCompany *company = sihua_company_page_get_company (self->company_page);
  SihuaStore *store = get_store (self);
  SihuaCompanyDialog *dialog;

  if (store == NULL || company == NULL)
    return;

  dialog = sihua_company_dialog_new (GTK_WINDOW (self), store, company);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (company_saved_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), "last-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "browse") != 0)
    return;

  sihua_companies_page_focus_search (self->companies_page);
}

static void
reopen (SihuaWindow *self,
        const char  *path,
        gboolean     read_only)
{
  g_autoptr(GError) error = NULL;

  if (!sihua_application_open_store (get_app (self), path, read_only, &error))
    {
      sihua_window_show_store_error (self, path, error);
      return;
    }

  sihua_window_show_store (self);
  if (read_only)
    sihua_window_add_toast (self, _("Opened read-only: nothing can be changed"));
}

static void
open_read_only_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SihuaWindow *self = SIHUA_WINDOW (widget);
  g_autofree char *path = g_strdup (self->problem_path);

  if (path != NULL)
    reopen (self, path, TRUE);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SihuaWindow      *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autofree char *path = g_strdup (self->problem_path);
  g_autofree char *saved_copy = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL || path == NULL)
    return;

  /* The store keeps the damaged file aside before it restores. */
  if (!sihua_store_restore (path, backup, &saved_copy, &error))
    {
      sihua_window_show_store_error (self, path, error);
      return;
    }

  reopen (self, path, FALSE);
  if (self->problem_path == NULL)
    sihua_window_add_toast (self, _("The backup was restored"));
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
        reopen (self, path, FALSE);
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
 * GObject overrides
 */

static gboolean
sihua_window_close_request (GtkWindow *window)
{
  SihuaWindow *self = SIHUA_WINDOW (window);
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      remember_place (self);
    }

  return GTK_WINDOW_CLASS (sihua_window_parent_class)->close_request (window);
}

static void
sihua_window_finalize (GObject *object)
{
  SihuaWindow *self = (SihuaWindow *)object;

  g_clear_pointer (&self->problem_path, g_free);
  g_clear_pointer (&self->screenshot_page, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_weak_pointer (&self->shot_widget);

  G_OBJECT_CLASS (sihua_window_parent_class)->finalize (object);
}

static void
sihua_window_class_init (SihuaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = sihua_window_finalize;
  window_class->close_request = sihua_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.new-company", NULL, new_company_action);
  gtk_widget_class_install_action (widget_class, "win.edit-company", NULL, edit_company_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-read-only", NULL, open_read_only_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-company", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);

  _sihua_window_exchange_class_init (widget_class);

  g_type_ensure (SIHUA_TYPE_COMPANIES_PAGE);
  g_type_ensure (SIHUA_TYPE_COMPANY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, problem_path_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, open_read_only_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, restore_backup_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, companies_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, company_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, company_title);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, assessment_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, assessment_title);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, results_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, results_title);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, company_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, assessment_activated_cb);
}

static void
sihua_window_init (SihuaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->companies_page, "notify::empty",
                           G_CALLBACK (companies_empty_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->companies_page, "loaded",
                           G_CALLBACK (companies_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->company_page, "loaded",
                           G_CALLBACK (company_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->company_page, "load-failed",
                           G_CALLBACK (company_load_failed_cb), self, G_CONNECT_SWAPPED);
}

/*
 * Public API
 */

SihuaWindow *
sihua_window_new (SihuaApplication *application)
{
  SihuaWindow *self = g_object_new (SIHUA_TYPE_WINDOW,
                                    "application", application,
                                    NULL);

  /* "application" is not a construct property, so the settings are only
   * reachable once the object exists. */
  restore_geometry (self);

  if (sihua_application_get_store (application) != NULL)
    sihua_window_show_store (self);
  else
    set_can_change (self, FALSE);

  return self;
}

/**
 * sihua_window_show_store:
 *
 * Shows the application's store once it is open: its companies, or the
 * welcome page when it has none.
 */
void
sihua_window_show_store (SihuaWindow *self)
{
  SihuaStore *store;

  g_return_if_fail (SIHUA_IS_WINDOW (self));

  store = get_store (self);
  g_return_if_fail (store != NULL);

  g_clear_pointer (&self->problem_path, g_free);
  set_can_change (self, !sihua_store_is_read_only (store));
  sihua_companies_page_set_store (self->companies_page, store,
                                  sihua_application_get_levels_model (get_app (self)));
  adw_leaflet_set_visible_child_name (self->leaflet, "companies");
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
  set_can_change (self, FALSE);

  /* Offer only what can work for this kind of failure. */
  can_read_only = g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY)
                  || g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
  backups = path != NULL ? sihua_store_list_backups_for (path) : NULL;
  gtk_widget_set_visible (self->open_read_only_button, can_read_only && path != NULL);
  gtk_widget_set_visible (self->restore_backup_button, backups != NULL && backups->len > 0);

  sihua_companies_page_set_store (self->companies_page, NULL, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

/**
 * sihua_window_open_company:
 *
 * Shows the page of @company_id at once; the page reads the company and its
 * assessments on the store's thread and fills in when they arrive (a toast
 * says so if the company is gone).
 *
 * Returns: %FALSE if no database is open
 */
gboolean
sihua_window_open_company (SihuaWindow *self,
                           gint64       company_id)
{
  const SihuaCompany *listed;
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  SihuaStore *store;

  g_return_val_if_fail (SIHUA_IS_WINDOW (self), FALSE);

  store = get_store (self);
  if (store == NULL)
    return FALSE;

  /* The list already holds the name, so the header shows it before the
   * store answers; copied, as the list may change meanwhile. */
  listed = sihua_companies_page_lookup (self->companies_page, company_id);
  name = g_strdup (listed != NULL ? listed->name : NULL);
  region = g_strdup (listed != NULL ? listed->region : NULL);
  adw_window_title_set_title (self->company_title, name != NULL ? name : "");
  adw_window_title_set_subtitle (self->company_title, region != NULL ? region : "");

  sihua_company_page_set_company (self->company_page, store,
                                  sihua_application_get_catalog (get_app (self)),
                                  company_id, name);
  show_browse (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "company");

  return TRUE;
}

/**
 * sihua_window_open_assessment:
 * @show_results: open the results rather than the questions
 *
 * Shows the assessment @assessment_id (its company's page stays one step
 * back).
 */
void
sihua_window_open_assessment (SihuaWindow *self,
                              gint64       assessment_id,
                              gboolean     show_results)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));

  ensure_answer_pages (self);
  self->assessment_id = assessment_id;
  set_assessment_titles (self);

  sihua_assessment_page_set_assessment (SIHUA_ASSESSMENT_PAGE (self->assessment_page),
                                        get_store (self), assessment_id);
  if (show_results)
    sihua_results_page_set_assessment (SIHUA_RESULTS_PAGE (self->results_page),
                                       get_store (self), assessment_id);

  adw_leaflet_set_visible_child_name (self->leaflet, "assessment");
  if (show_results)
    adw_leaflet_set_visible_child_name (self->leaflet, "results");
  remember_place (self);
}

void
sihua_window_add_toast (SihuaWindow *self,
                        const char  *title)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/**
 * sihua_window_show_toast:
 * @toast: (transfer full): a toast, with its buttons
 */
void
sihua_window_show_toast (SihuaWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sihua_window_get_company:
 *
 * Returns: (transfer none) (nullable): the company whose page (or one of
 *   whose assessments) is on screen
 */
const SihuaCompany *
sihua_window_get_company (SihuaWindow *self)
{
  const char *page;

  g_return_val_if_fail (SIHUA_IS_WINDOW (self), NULL);

  page = visible_page (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "browse") != 0
      || page == NULL || g_strcmp0 (page, "companies") == 0)
    return NULL;

  return sihua_company_page_get_company (self->company_page);
}

/* The assessment on screen (answering or results), 0 if none. */
gint64
sihua_window_get_assessment_id (SihuaWindow *self)
{
  const char *page;

  g_return_val_if_fail (SIHUA_IS_WINDOW (self), 0);

  page = visible_page (self);
  if (g_strcmp0 (page, "assessment") == 0 || g_strcmp0 (page, "results") == 0)
    return self->assessment_id;

  return 0;
}

/* Shows again what the store holds, after data came in from elsewhere. */
void
sihua_window_reload_companies (SihuaWindow *self)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));

  sihua_companies_page_reload (self->companies_page);
  if (sihua_window_get_company (self) != NULL)
    sihua_company_page_reload (self->company_page);
}

/**
 * sihua_window_screenshot:
 * @page: companies, company, company-form, assessment, results or
 *   preferences (the first company and its newest assessment)
 * @path: the PNG to write
 *
 * Captures @page once the data is on screen, then closes the window.
 */
void
sihua_window_screenshot (SihuaWindow *self,
                         const char  *page,
                         const char  *path)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  g_free (self->screenshot_page);
  self->screenshot_page = g_strdup (page != NULL ? page : "companies");

  /* Without a database there is no list to wait for. */
  if (get_store (self) == NULL)
    take_screenshot (self, GTK_WIDGET (self));
}
