/* test-gui-choice-grid.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid of a choice question's options in a real window: it takes as
 * many columns as keep every label on one line, so a narrow window gets
 * fewer columns instead of "其他制造" / "业".
 */

#include "config.h"

#include <adwaita.h>

#include "sihua-choice-grid.h"

/* The industry options of the built-in model, the longest first-column
 * label included. */
static const char *industries[] = {
  "C13 农副食品加工业", "C14 食品制造业", "C17 纺织业", "C26 化学原料和化学制品制造业",
  "C27 医药制造业", "C29 橡胶和塑料制品业", "C30 非金属矿物制品业", "C33 金属制品业",
  "C34 通用设备制造业", "C35 专用设备制造业", "C36 汽车制造业", "C38 电气机械和器材制造业",
  "C39 计算机、通信和其他电子设备制造业", "其他制造业",
};

typedef struct
{
  GtkWidget *window;
  GtkWidget *grid;
  GPtrArray *labels;
} Shown;

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (void)
{
  gboolean done = FALSE;

  /* Long enough to map, lay out, reflow and lay out again. */
  g_timeout_add (500, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
show (Shown *shown,
      int    width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  shown->labels = g_ptr_array_new ();
  shown->grid = sihua_choice_grid_new (3);
  gtk_widget_set_hexpand (shown->grid, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    {
      GtkWidget *label = gtk_label_new (industries[i]);
      GtkWidget *button = gtk_check_button_new ();

      /* As the question card makes them. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      sihua_choice_grid_append (SIHUA_CHOICE_GRID (shown->grid), button);
      g_ptr_array_add (shown->labels, label);
    }
  gtk_box_append (GTK_BOX (box), shown->grid);

  shown->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (shown->window), box);
  gtk_window_set_default_size (GTK_WINDOW (shown->window), width, 400);
  gtk_window_present (GTK_WINDOW (shown->window));
  settle ();
}

static void
shown_clear (Shown *shown)
{
  gtk_window_destroy (GTK_WINDOW (shown->window));
  g_ptr_array_unref (shown->labels);
}

static void
assert_one_line_each (Shown *shown)
{
  for (guint i = 0; i < shown->labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (shown->labels, i);
      PangoLayout *layout = gtk_label_get_layout (label);

      if (pango_layout_get_line_count (layout) != 1)
        g_error ("\"%s\" wraps in %u columns, %d px wide", gtk_label_get_text (label),
                 sihua_choice_grid_get_columns (SIHUA_CHOICE_GRID (shown->grid)),
                 gtk_widget_get_width (GTK_WIDGET (label)));
    }
}

static void
test_wide (void)
{
  Shown shown = { 0 };

  show (&shown, 1400);
  g_assert_cmpuint (sihua_choice_grid_get_columns (SIHUA_CHOICE_GRID (shown.grid)), ==, 3);
  assert_one_line_each (&shown);
  shown_clear (&shown);
}

static void
test_narrow (void)
{
  Shown shown = { 0 };
  guint columns;

  /* Three columns would squeeze the longest labels onto two lines. */
  show (&shown, 640);
  columns = sihua_choice_grid_get_columns (SIHUA_CHOICE_GRID (shown.grid));
  g_assert_cmpuint (columns, >=, 1);
  g_assert_cmpuint (columns, <, 3);
  assert_one_line_each (&shown);
  shown_clear (&shown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/choice-grid/wide", test_wide);
  g_test_add_func ("/choice-grid/narrow", test_narrow);

  return g_test_run ();
}
