/* sihua-application.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-application.h"
#include "sihua-tooltips.h"
#include "sihua-context.h"
#include "sihua-paths.h"
#include "sihua-preferences-window.h"
#include "sihua-welcome-dialog.h"
#include "sihua-window.h"

struct _SihuaApplication
{
  AdwApplication  parent_instance;

  /* The store, settings and models the window and its pages share. */
  SihuaContext      *context;
  char              *db_path;
  char              *screenshot_path;
  char              *screenshot_page;
  /* --screenshot-size and --screenshot-theme: 0 and NULL keep the window's own. */
  int                screenshot_width;
  int                screenshot_height;
  char              *screenshot_theme;
};

G_DEFINE_FINAL_TYPE (SihuaApplication, sihua_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database instead of the default one"), N_("FILE") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save the first frame of the window as a PNG and quit"), N_("FILE") },
  { "screenshot-page", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The page to save with --screenshot: companies, company, company-form, assessment, assessment:DIMENSION, results, preferences, welcome or industry"), N_("PAGE") },
  { "screenshot-size", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The window size for --screenshot, e.g. 800x600"), N_("WIDTHxHEIGHT") },
  { "screenshot-theme", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The style for --screenshot: light or dark"), N_("THEME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/*
 * Actions
 */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SihuaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing windows first lets them remember their size and place. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SihuaApplication *self = user_data;
  static const char *developers[] = { "The Sihua developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Sihua"),
                        "developer-name", _("The Sihua developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Assess how far a manufacturer has come on the four stages of "
                                      "digital transformation — informatization, automation, "
                                      "digitalization and intelligentization — and hand its managers "
                                      "a report with what to do next."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SihuaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SihuaPreferencesWindow *preferences;

  preferences = sihua_preferences_window_new (parent, sihua_context_get_settings (self->context));
  if (parent != NULL)
    g_object_set_data (G_OBJECT (parent), "last-dialog", preferences);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/*
 * GApplication overrides
 */

static int
sihua_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  SihuaApplication *self = SIHUA_APPLICATION (app);
  const char *path;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("sihua %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    self->db_path = g_strdup (path);
  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    self->screenshot_path = g_strdup (path);
  if (g_variant_dict_lookup (options, "screenshot-page", "&s", &path))
    self->screenshot_page = g_strdup (path);
  if (g_variant_dict_lookup (options, "screenshot-size", "&s", &path)
      && sscanf (path, "%dx%d", &self->screenshot_width, &self->screenshot_height) != 2)
    {
      g_printerr (_("sihua: --screenshot-size takes WIDTHxHEIGHT, e.g. 800x600, not “%s”\n"), path);
      return 2;
    }
  if (g_variant_dict_lookup (options, "screenshot-theme", "&s", &path))
    {
      if (g_strcmp0 (path, "light") != 0 && g_strcmp0 (path, "dark") != 0)
        {
          g_printerr (_("sihua: --screenshot-theme takes light or dark, not “%s”\n"), path);
          return 2;
        }
      self->screenshot_theme = g_strdup (path);
    }

  return -1;
}

static void
sihua_application_startup (GApplication *app)
{
  SihuaApplication *self = SIHUA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(SihuaModelCatalog) catalog = NULL;

  G_APPLICATION_CLASS (sihua_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  /* The window's own rules (list rows, badges, form errors); the stage
   * colours themselves come from style.css. */
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/sihua-pages.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  sihua_tooltips_install ();

  settings = g_settings_new (APP_ID);
  catalog = sihua_model_catalog_new (NULL);
  self->context = sihua_context_new (settings, catalog);
}

/* The first open: the application (held meanwhile) and its first window. */
typedef struct
{
  SihuaApplication *app;
  SihuaWindow      *window;
} FirstOpen;

static void
first_open_free (FirstOpen *open)
{
  g_application_release (G_APPLICATION (open->app));
  g_object_unref (open->app);
  g_object_unref (open->window);
  g_free (open);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FirstOpen, first_open_free)

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FirstOpen) open = user_data;
  SihuaApplication *self = open->app;
  SihuaWindow *window = open->window;
  g_autoptr(GError) error = NULL;
  gboolean opened;

  opened = sihua_context_open_store_finish (SIHUA_CONTEXT (source), result, &error);
  /* A window closed meanwhile has no application. */
  if (gtk_window_get_application (GTK_WINDOW (window)) == NULL)
    return;

  if (opened)
    sihua_window_show_store (window);
  else
    sihua_window_show_store_error (window, self->db_path, error);

  if (self->screenshot_path != NULL)
    sihua_window_screenshot (window, self->screenshot_page, self->screenshot_path);
  else if (opened && sihua_welcome_dialog_is_wanted (sihua_context_get_settings (self->context)))
    gtk_window_present (GTK_WINDOW (sihua_welcome_dialog_new (GTK_WINDOW (window),
                                                              sihua_context_get_settings (self->context))));
}

/* The size and style a --screenshot asks for, whatever the settings say. */
static void
apply_screenshot_options (SihuaApplication *self,
                          GtkWindow        *window)
{
  if (self->screenshot_width > 0 && self->screenshot_height > 0)
    {
      gtk_window_unmaximize (window);
      gtk_window_set_default_size (window, self->screenshot_width, self->screenshot_height);
    }
  if (self->screenshot_theme != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        g_str_equal (self->screenshot_theme, "dark")
                                        ? ADW_COLOR_SCHEME_FORCE_DARK
                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
sihua_application_activate (GApplication *app)
{
  SihuaApplication *self = SIHUA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db_path == NULL)
    {
      g_autofree char *data_dir = sihua_paths_get_data_dir ();

      /* The default database is made on first start, folder and all. A
       * --db naming a missing folder is refused by the store instead: a
       * mistyped path must not look like a new, empty database. */
      g_mkdir_with_parents (data_dir, 0700);
      self->db_path = sihua_paths_get_default_database ();
    }

  /* The window comes first: opening checks every page of the database
   * (a second or more for a large one), and may upgrade or back it up. */
  window = GTK_WINDOW (sihua_window_new (GTK_APPLICATION (self), self->context));
  if (self->screenshot_path != NULL)
    apply_screenshot_options (self, window);
  gtk_window_present (window);

  if (sihua_context_get_store (self->context) == NULL)
    {
      /* Closing the window must not end the process in the middle of an
       * upgrade or a backup. */
      FirstOpen *open = g_new0 (FirstOpen, 1);

      open->app = g_object_ref (self);
      open->window = g_object_ref (SIHUA_WINDOW (window));
      g_application_hold (app);
      sihua_context_open_store_async (self->context, self->db_path, FALSE, NULL,
                                      store_opened_cb, open);
    }
  else if (self->screenshot_path != NULL)
    sihua_window_screenshot (SIHUA_WINDOW (window), self->screenshot_page, self->screenshot_path);
}

static void
sihua_application_finalize (GObject *object)
{
  SihuaApplication *self = (SihuaApplication *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->screenshot_page, g_free);
  g_clear_pointer (&self->screenshot_theme, g_free);

  G_OBJECT_CLASS (sihua_application_parent_class)->finalize (object);
}

static void
sihua_application_class_init (SihuaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sihua_application_finalize;

  app_class->handle_local_options = sihua_application_handle_local_options;
  app_class->startup = sihua_application_startup;
  app_class->activate = sihua_application_activate;
}

static void
sihua_application_init (SihuaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/*
 * Public API
 */

SihuaApplication *
sihua_application_new (void)
{
  /* NON_UNIQUE: each start with its own --db is its own process, and tests
   * may run several side by side. */
  return g_object_new (SIHUA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
