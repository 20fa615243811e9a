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
#include "sihua-window-private.h"

# include "sihua-assessment-page.h"
# include "sihua-results-page.h"

/* The main window: its pages, moving between them, and remembering the place. */

G_DEFINE_FINAL_TYPE (SihuaWindow, sihua_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void restore_last_assessment (SihuaWindow *self);

/*
 * Auxiliary methods
 */

GSettings *
_sihua_window_get_settings (SihuaWindow *self)
{
  return self->context != NULL ? sihua_context_get_settings (self->context) : NULL;
}

SihuaStore *
_sihua_window_get_store (SihuaWindow *self)
{
  return self->context != NULL ? sihua_context_get_store (self->context) : NULL;
}

/* Each header shows what its own page says it is: the header slides in
 * and out with the page, so it keeps showing that page's title during the
 * transition. */
static void
bind_header (GtkWidget      *page,
             AdwWindowTitle *title)
{
  g_object_bind_property (page, "title", title, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "subtitle", title, "subtitle", G_BINDING_SYNC_CREATE);
}

static void
restore_geometry (SihuaWindow *self)
{
  GSettings *settings = _sihua_window_get_settings (self);

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
  GSettings *settings = _sihua_window_get_settings (self);
  const char *page = visible_page (self);
  g_autofree char *uuid = NULL;
  const char *dimension = NULL;

  if (settings == NULL || _sihua_window_get_store (self) == NULL || !self->restored)
    return;

  if (self->assessment_id > 0
      && (g_strcmp0 (page, "assessment") == 0 || g_strcmp0 (page, "results") == 0))
    {
      g_autoptr(SihuaAssessment) assessment = NULL;

      assessment = sihua_store_get_assessment (_sihua_window_get_store (self),
                                               self->assessment_id, NULL);
      if (assessment != NULL)
        uuid = g_strdup (assessment->uuid);
      if (self->assessment_page != NULL)
        dimension = sihua_assessment_page_get_dimension_id (SIHUA_ASSESSMENT_PAGE (self->assessment_page));
    }

  g_settings_set_string (settings, "last-assessment", uuid != NULL ? uuid : "");
  g_settings_set_string (settings, "last-dimension", dimension != NULL ? dimension : "");
}

/* Companies can be added and edited only in a store open for writing. */
void
_sihua_window_set_can_change (SihuaWindow *self,
                              gboolean     can_change)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-company", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-company", can_change);
  _sihua_window_trash_set_can_change (self, can_change);
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
  else if (_sihua_window_get_store (self) == NULL)
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
                                     _sihua_window_get_store (self), self->assessment_id);
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
  bind_header (self->assessment_page, self->assessment_title);
  bind_header (self->results_page, self->results_title);
  g_signal_connect_object (self->assessment_page, "show-results",
                           G_CALLBACK (assessment_show_results_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_page, "show-question",
                           G_CALLBACK (results_show_question_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_vexpand (self->assessment_page, TRUE);
  gtk_widget_set_vexpand (self->results_page, TRUE);
  gtk_box_append (self->assessment_box, self->assessment_page);
  gtk_box_append (self->results_box, self->results_page);
}

/* The page widget shown under @name's header, or NULL if not made yet. */
static GtkWidget *
page_named (SihuaWindow *self,
            const char  *name)
{
  if (g_strcmp0 (name, "companies") == 0)
    return GTK_WIDGET (self->companies_page);
  if (g_strcmp0 (name, "company") == 0)
    return GTK_WIDGET (self->company_page);
  if (g_strcmp0 (name, "assessment") == 0)
    return self->assessment_page;
  if (g_strcmp0 (name, "results") == 0)
    return self->results_page;

  return NULL;
}

/*
 * Callbacks
 */


static void
leaflet_visible_child_changed_cb (SihuaWindow *self)
{
  const char *page = visible_page (self);

  g_signal_group_set_target (self->page_signals, page_named (self, page));

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
    _sihua_window_schedule_screenshot (self);
}

static void
company_loaded_cb (SihuaWindow *self)
{
  if (self->shot_waits_for_company)
    {
      self->shot_waits_for_company = FALSE;
      _sihua_window_screenshot_company_loaded (self);
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
      _sihua_window_take_screenshot (self, GTK_WIDGET (self));
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
  GSettings *settings = _sihua_window_get_settings (self);

  assessment = sihua_store_get_assessment_by_uuid_finish (SIHUA_STORE (source), result, NULL);
  if (assessment == NULL || _sihua_window_get_store (self) != SIHUA_STORE (source))
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
  GSettings *settings = _sihua_window_get_settings (self);
  g_autofree char *uuid = NULL;

  if (settings == NULL || _sihua_window_get_store (self) == NULL)
    return;

  uuid = g_settings_get_string (settings, "last-assessment");
  if (*uuid == '\0')
    return;

  sihua_store_get_assessment_by_uuid_async (_sihua_window_get_store (self), uuid, NULL,
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
  SihuaStore *store = _sihua_window_get_store (self);
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
  SihuaStore *store = _sihua_window_get_store (self);
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

/*
 * GObject overrides
 */

static void
sihua_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SihuaWindow *self = SIHUA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, sihua_window_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SihuaWindow *self = SIHUA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
sihua_window_close_request (GtkWindow *window)
{
  SihuaWindow *self = SIHUA_WINDOW (window);
  GSettings *settings = _sihua_window_get_settings (self);
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
sihua_window_constructed (GObject *object)
{
  SihuaWindow *self = (SihuaWindow *)object;

  G_OBJECT_CLASS (sihua_window_parent_class)->constructed (object);

  restore_geometry (self);
  sihua_company_page_set_context (self->company_page, self->context);

  if (_sihua_window_get_store (self) != NULL)
    sihua_window_show_store (self);
  else
    _sihua_window_set_can_change (self, FALSE);
}

static void
sihua_window_dispose (GObject *object)
{
  SihuaWindow *self = (SihuaWindow *)object;

  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);

  G_OBJECT_CLASS (sihua_window_parent_class)->dispose (object);
}

static void
sihua_window_finalize (GObject *object)
{
  SihuaWindow *self = (SihuaWindow *)object;

  g_clear_object (&self->context);
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

  object_class->constructed = sihua_window_constructed;
  object_class->dispose = sihua_window_dispose;
  object_class->finalize = sihua_window_finalize;
  object_class->get_property = sihua_window_get_property;
  object_class->set_property = sihua_window_set_property;
  window_class->close_request = sihua_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SIHUA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.new-company", NULL, new_company_action);
  gtk_widget_class_install_action (widget_class, "win.edit-company", NULL, edit_company_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-company", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);

  _sihua_window_store_class_init (widget_class);
  _sihua_window_exchange_class_init (widget_class);
  _sihua_window_trash_class_init (widget_class);

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

  bind_header (GTK_WIDGET (self->company_page), self->company_title);

  /* Only the answering page has a dimension; whichever page is on screen
   * says when the place to come back to changed. */
  /* The window owns the group and empties it in dispose, so the handlers
   * never outlive it. */
  self->page_signals = g_signal_group_new (GTK_TYPE_WIDGET);
  g_signal_group_connect_swapped (self->page_signals, "notify::dimension-id",
                                  G_CALLBACK (remember_place), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::assessment-id",
                                  G_CALLBACK (remember_place), self);

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

/**
 * sihua_window_new:
 * @application: (nullable): the application the window belongs to
 * @context: the store, settings and models to show and work on
 */
SihuaWindow *
sihua_window_new (GtkApplication *application,
                  SihuaContext   *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SIHUA_IS_CONTEXT (context), NULL);

  return g_object_new (SIHUA_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * sihua_window_get_context:
 *
 * Returns: (transfer none): the context the window and its pages share
 */
SihuaContext *
sihua_window_get_context (SihuaWindow *self)
{
  g_return_val_if_fail (SIHUA_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * sihua_window_show_store:
 *
 * Shows the context's store once it is open: its companies, or the
 * welcome page when it has none.
 */
void
sihua_window_show_store (SihuaWindow *self)
{
  SihuaStore *store;

  g_return_if_fail (SIHUA_IS_WINDOW (self));

  store = _sihua_window_get_store (self);
  g_return_if_fail (store != NULL);

  g_clear_pointer (&self->problem_path, g_free);
  _sihua_window_set_can_change (self, !sihua_store_is_read_only (store));
  sihua_companies_page_set_store (self->companies_page, store,
                                  sihua_context_get_levels_model (self->context));
  adw_leaflet_set_visible_child_name (self->leaflet, "companies");
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
  g_return_val_if_fail (SIHUA_IS_WINDOW (self), FALSE);

  if (_sihua_window_get_store (self) == NULL)
    return FALSE;

  /* The list already holds the name, so the header shows it before the
   * store answers. */
  sihua_company_page_set_company (self->company_page, company_id,
                                  sihua_companies_page_lookup (self->companies_page, company_id));
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

  sihua_assessment_page_set_assessment (SIHUA_ASSESSMENT_PAGE (self->assessment_page),
                                        _sihua_window_get_store (self), assessment_id);
  if (show_results)
    sihua_results_page_set_assessment (SIHUA_RESULTS_PAGE (self->results_page),
                                       _sihua_window_get_store (self), assessment_id);

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
