/* sihua-tooltips.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-tooltips"

#include "config.h"

#include "sihua-tooltips.h"

/* GTK 4.8 gives a tooltip's label a maximum width of as many "characters"
 * as the text has, where a character is Pango's approximate width: half a
 * Chinese glyph. So "主菜单" wrapped to one glyph a line, and the tooltip
 * window, which measures its height without a width, stayed that tall even
 * when the label was widened. Our own label may grow to a fixed number of
 * characters: a short text keeps its own width and stays on one line, a
 * long one wraps there, and width and height agree in both languages. */

#define MAX_COLUMNS 50

static const char *ADOPTED = "sihua-tooltip-adopted";

/**
 * sihua_tooltip_label_new:
 * @text: the tooltip's text
 *
 * Returns: (transfer floating): a label that shows @text on as few lines
 * as fit in %MAX_COLUMNS approximate characters, breaking Chinese between characters and
 * English between words.
 */
GtkWidget *
sihua_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_COLUMNS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);

  return label;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);
  GtkWidget *label;

  if (markup == NULL || *markup == '\0')
    return FALSE;

  label = sihua_tooltip_label_new (gtk_widget_get_tooltip_text (widget));
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_tooltip_set_custom (tooltip, label);

  return TRUE;
}

/**
 * sihua_tooltips_adopt:
 * @widget: a widget, and the widgets it sits in
 *
 * Shows the tooltips of @widget and its ancestors with our own label. A
 * widget is adopted once; its text is read at each showing, so a tooltip
 * changed later still shows its current text.
 */
void
sihua_tooltips_adopt (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (!gtk_widget_get_has_tooltip (w) || g_object_get_data (G_OBJECT (w), ADOPTED))
        continue;

      g_object_set_data (G_OBJECT (w), ADOPTED, GINT_TO_POINTER (TRUE));
      g_signal_connect (w, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }
}

/* A tooltip is asked for after the pointer rests on a widget, or when the
 * widget takes the keyboard focus; adopting on motion and focus comes first. */
static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
  GtkWidget *picked = gtk_widget_pick (window, x, y, GTK_PICK_DEFAULT);

  if (picked != NULL)
    sihua_tooltips_adopt (picked);
}

static void
on_focus_widget (GtkWindow  *window,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus != NULL)
    sihua_tooltips_adopt (focus);
}

static void
watch_window (GtkWindow *window)
{
  GtkEventController *motion;

  if (g_object_get_data (G_OBJECT (window), ADOPTED))
    return;
  g_object_set_data (G_OBJECT (window), ADOPTED, GINT_TO_POINTER (TRUE));

  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), NULL);
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), motion);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_widget), NULL);
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_WINDOW (item))
        watch_window (GTK_WINDOW (item));
    }
}

/**
 * sihua_tooltips_install:
 *
 * Gives every window of the process, present and future, tooltips that
 * read right in Chinese (see the top of this file).
 */
void
sihua_tooltips_install (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
  on_toplevels_changed (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);
}
