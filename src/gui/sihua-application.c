/* sihua-application.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-application.h"
#include "sihua-paths.h"
#include "sihua-screenshot.h"
#include "sihua-window.h"

struct _SihuaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SihuaStore     *store;
  char           *db_path;
  char           *screenshot_path;
};

G_DEFINE_FINAL_TYPE (SihuaApplication, sihua_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database instead of the default one"), N_("FILE") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save the first frame of the window as a PNG and quit"), N_("FILE") },
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

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
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

  return -1;
}

static void
sihua_application_startup (GApplication *app)
{
  SihuaApplication *self = SIHUA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (sihua_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  self->settings = g_settings_new (APP_ID);
}

static void
sihua_application_activate (GApplication *app)
{
  SihuaApplication *self = SIHUA_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *default_path = sihua_paths_get_default_database ();

      self->store = sihua_store_open (self->db_path ? self->db_path : default_path, &error);
    }

  window = GTK_WINDOW (sihua_window_new (self));
  if (self->store == NULL)
    sihua_window_show_store_error (SIHUA_WINDOW (window), error);

  if (self->screenshot_path != NULL)
    sihua_screenshot_after_first_frame (GTK_WIDGET (window), self->screenshot_path);

  gtk_window_present (window);
}

static void
sihua_application_finalize (GObject *object)
{
  SihuaApplication *self = (SihuaApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);

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

/**
 * sihua_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL if the
 *   database could not be opened.
 */
SihuaStore *
sihua_application_get_store (SihuaApplication *self)
{
  g_return_val_if_fail (SIHUA_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * sihua_application_get_settings:
 *
 * Returns: (transfer none): the application's settings.
 */
GSettings *
sihua_application_get_settings (SihuaApplication *self)
{
  g_return_val_if_fail (SIHUA_IS_APPLICATION (self), NULL);

  return self->settings;
}
