/* sihua-screenshot.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-screenshot"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-screenshot.h"

/**
 * sihua_screenshot_save:
 * @widget: a realized widget
 * @path: where to write the PNG
 *
 * Renders @widget with its window's own renderer, so the PNG shows exactly
 * what is on screen (used by tests and for the pictures in docs/).
 */
gboolean
sihua_screenshot_save (GtkWidget   *widget,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window has no size yet"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s"), path);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GtkWidget *window;
  char      *path;
  guint      frames_left;
} PendingShot;

static void
pending_shot_free (PendingShot *shot)
{
  g_free (shot->path);
  g_free (shot);
}

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PendingShot *shot = user_data;
  g_autoptr(GError) error = NULL;

  /* Wait a few frames so fonts and the first layout have settled. */
  if (shot->frames_left-- > 0)
    return G_SOURCE_CONTINUE;

  if (!sihua_screenshot_save (shot->window, shot->path, &error))
    {
      fprintf (stderr, "sihua: %s\n", error->message);
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }

  gtk_window_close (GTK_WINDOW (shot->window));
  return G_SOURCE_REMOVE;
}

/**
 * sihua_screenshot_after_first_frame:
 * @window: the window to capture
 * @path: the PNG to write
 *
 * Saves @window to @path once it has drawn, then closes it.
 */
void
sihua_screenshot_after_first_frame (GtkWidget  *window,
                                    const char *path)
{
  PendingShot *shot = g_new0 (PendingShot, 1);

  shot->window = window;
  shot->path = g_strdup (path);
  shot->frames_left = 3;

  gtk_widget_add_tick_callback (window, frame_drawn_cb, shot,
                                (GDestroyNotify) pending_shot_free);
}
