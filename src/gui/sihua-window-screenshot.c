/* sihua-window-screenshot.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-assessment-page.h"
#include "sihua-company-dialog.h"
#include "sihua-screenshot.h"
#include "sihua-welcome-dialog.h"
#include "sihua-window-private.h"

/* The window's --screenshot: opens the page asked for, waits for its data, saves a PNG. */

static gboolean
save_screenshot_cb (gpointer user_data)
{
  SihuaWindow *self = user_data;
  GtkWidget *widget = self->shot_widget != NULL ? self->shot_widget : GTK_WIDGET (self);
  g_autoptr(GError) error = NULL;

  /* A page shown just now may not have drawn yet on a busy machine: the
   * render then comes out empty, and the next try finds it drawn. */
  if (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)
      || !gtk_widget_get_child_visible (widget))
    {
      if (self->shot_tries++ < 20)
        return G_SOURCE_CONTINUE;
    }

  /* Outside a frame the layout has settled, so the page draws whole. */
  if (!sihua_screenshot_save (widget, self->screenshot_path, &error))
    {
      if (self->shot_tries++ < 20)
        return G_SOURCE_CONTINUE;
      g_printerr ("sihua: %s\n", error->message);
    }

  /* Dialogs go with the window (they are transient for it). */
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

void
_sihua_window_take_screenshot (SihuaWindow *self,
                               GtkWidget   *widget)
{
  g_set_weak_pointer (&self->shot_widget, widget);
  g_timeout_add_full (G_PRIORITY_LOW, 400, save_screenshot_cb,
                      g_object_ref (self), g_object_unref);
}

/* The first company's page has loaded: on to the page to capture. */
void
_sihua_window_screenshot_company_loaded (SihuaWindow *self)
{
  const char *page = self->screenshot_page;
  GtkWindow *dialog = NULL;
  GtkWidget *popover = NULL;

  if (g_str_has_prefix (page, "assessment") || g_strcmp0 (page, "results") == 0)
    {
      gint64 latest = sihua_company_page_get_latest_id (self->company_page);

      if (latest > 0)
        sihua_window_open_assessment (self, latest, g_strcmp0 (page, "results") == 0);
      /* "assessment:DIMENSION" shows that dimension's questions. */
      if (latest > 0 && g_str_has_prefix (page, "assessment:"))
        sihua_assessment_page_set_dimension_id (SIHUA_ASSESSMENT_PAGE (self->assessment_page),
                                                page + strlen ("assessment:"));
    }
  else if (g_strcmp0 (page, "company-form") == 0 || g_strcmp0 (page, "industry") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-company", NULL);
      dialog = g_object_get_data (G_OBJECT (self), "last-dialog");
      if (dialog != NULL && g_strcmp0 (page, "industry") == 0)
        popover = sihua_company_dialog_show_industries (SIHUA_COMPANY_DIALOG (dialog));
    }

  /* A popover has a surface of its own, which the dialog's picture leaves out. */
  _sihua_window_take_screenshot (self, popover != NULL ? popover
                                       : dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (self));
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  SihuaWindow *self = user_data;
  const char *page = self->screenshot_page;
  GtkWindow *dialog = NULL;
  gint64 first = sihua_companies_page_get_first_id (self->companies_page);

  if (first > 0
      && (g_strcmp0 (page, "company") == 0 || g_str_has_prefix (page, "assessment")
          || g_strcmp0 (page, "results") == 0 || g_strcmp0 (page, "company-form") == 0
          || g_strcmp0 (page, "industry") == 0))
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
  else if (g_strcmp0 (page, "welcome") == 0)
    {
      GSettings *settings = sihua_context_get_settings (self->context);

      if (settings != NULL)
        {
          dialog = GTK_WINDOW (sihua_welcome_dialog_new (GTK_WINDOW (self), settings));
          gtk_window_present (dialog);
        }
    }
  else if (g_strcmp0 (page, "preferences") == 0)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      dialog = g_object_get_data (G_OBJECT (self), "last-dialog");
    }

  _sihua_window_take_screenshot (self, dialog != NULL ? GTK_WIDGET (dialog) : GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* The list of companies is on screen: on to the page to capture. */
void
_sihua_window_schedule_screenshot (SihuaWindow *self)
{
  /* Give the pages a moment to load what they show. */
  self->shot_scheduled = TRUE;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 150, screenshot_timeout_cb,
                      g_object_ref (self), g_object_unref);
}

/**
 * sihua_window_screenshot:
 * @page: companies, company, company-form, assessment, results,
 *   preferences, welcome (the first start's dialog) or industry (the
 *   company form with its list of industries open) (the first company and
 *   its newest assessment); assessment:DIMENSION for the questions of that
 *   dimension
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
  g_return_if_fail (path != NULL);

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  g_free (self->screenshot_page);
  self->screenshot_page = g_strdup (page != NULL ? page : "companies");

  /* Without a database there is no list to wait for. */
  if (_sihua_window_get_store (self) == NULL)
    _sihua_window_take_screenshot (self, GTK_WIDGET (self));
}
