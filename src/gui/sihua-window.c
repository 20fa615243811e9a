/* sihua-window.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-window.h"

struct _SihuaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
};

G_DEFINE_FINAL_TYPE (SihuaWindow, sihua_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (SihuaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? sihua_application_get_settings (SIHUA_APPLICATION (app)) : NULL;
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
    }

  return GTK_WINDOW_CLASS (sihua_window_parent_class)->close_request (window);
}

static void
sihua_window_class_init (SihuaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = sihua_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihuaWindow, welcome_page);
}

static void
sihua_window_init (SihuaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SihuaWindow *
sihua_window_new (SihuaApplication *application)
{
  SihuaWindow *self = g_object_new (SIHUA_TYPE_WINDOW,
                                    "application", application,
                                    NULL);

  /* "application" is not a construct property, so the settings are only
   * reachable once the object exists. */
  restore_geometry (self);

  return self;
}

/**
 * sihua_window_show_store_error:
 * @error: why the database could not be opened
 *
 * Tells the consultant the database could not be opened; nothing is written
 * to it.
 */
void
sihua_window_show_store_error (SihuaWindow  *self,
                               const GError *error)
{
  g_return_if_fail (SIHUA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_icon_name (self->welcome_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->welcome_page, _("The database cannot be opened"));
  adw_status_page_set_description (self->welcome_page, error->message);
}
