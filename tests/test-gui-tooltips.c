/* test-gui-tooltips.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tooltips in Chinese and English: a short text stays on one line and the
 * tooltip is no taller than that line (GTK 4.8's own label made "主菜单" one
 * glyph a line, and a box three lines tall); a long text wraps at a sane
 * width; and every window's tooltips use our label.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sihua-tooltips.h"

static const char *LONG_TEXT =
  "以最近一次评估的回答为起点开始新的评估，沿用的回答在确认之前标为“沿用”，"
  "并在结果和报告中说明有多少回答尚未复核，以便顾问逐题核对后再出具报告。";

/* What a tooltip window asks of its content: sizes without a width given
 * (GtkTooltipWindow measures each orientation on its own). */
static void
measure_unconstrained (GtkWidget *widget,
                       int       *width,
                       int       *height)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, height, NULL, NULL);
}

static void
one_line (const char *text,
          int        *width,
          int        *height)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (text));

  measure_unconstrained (label, width, height);
  g_object_unref (label);
}

static void
test_short_text_on_one_line (gconstpointer data)
{
  const char *text = data;
  GtkWidget *label = g_object_ref_sink (sihua_tooltip_label_new (text));
  int width, height, line_width, line_height;

  measure_unconstrained (label, &width, &height);
  one_line (text, &line_width, &line_height);

  g_assert_cmpint (height, ==, line_height);
  g_assert_cmpint (width, >=, line_width);
  /* The height the window takes must also be the height at the width it
   * allocates: one line there too. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  g_assert_cmpint (height, ==, line_height);
  g_object_unref (label);
}

static void
test_long_text_wraps (void)
{
  GtkWidget *label = g_object_ref_sink (sihua_tooltip_label_new (LONG_TEXT));
  int width, height, line_width, line_height, allocated_height;

  measure_unconstrained (label, &width, &height);
  one_line (LONG_TEXT, &line_width, &line_height);

  g_assert_cmpint (width, <, line_width);
  g_assert_cmpint (height, >=, 2 * line_height);
  /* Measured without a width and at its own width, the same lines. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &allocated_height, NULL, NULL);
  g_assert_cmpint (allocated_height, ==, height);
  g_object_unref (label);
}

/* Blocking returns how many handlers matched (the match needs data, and
 * ours carry none); unblocking puts them back. */
static guint
count_query_handlers (GtkWidget *widget)
{
  guint id = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);
  GSignalMatchType match = G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA;
  guint count = g_signal_handlers_block_matched (widget, match, id, 0, NULL, NULL, NULL);

  g_signal_handlers_unblock_matched (widget, match, id, 0, NULL, NULL, NULL);
  return count;
}

static void
test_adopt_takes_ancestors_once (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *face = gtk_label_new ("+");
  GtkWidget *plain = gtk_label_new ("no tooltip");

  gtk_widget_set_tooltip_text (box, "新建企业");
  gtk_widget_set_tooltip_text (button, "主菜单");
  gtk_button_set_child (GTK_BUTTON (button), face);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_window_set_child (GTK_WINDOW (window), box);

  g_assert_cmpuint (count_query_handlers (button), ==, 0);
  /* From the button's own label, as the pointer finds it. */
  sihua_tooltips_adopt (face);
  g_assert_cmpuint (count_query_handlers (button), ==, 1);
  g_assert_cmpuint (count_query_handlers (box), ==, 1);
  g_assert_cmpuint (count_query_handlers (plain), ==, 0);

  /* Adopting again adds nothing: one label per showing, not two. */
  sihua_tooltips_adopt (button);
  g_assert_cmpuint (count_query_handlers (button), ==, 1);
  g_assert_cmpuint (count_query_handlers (box), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/tooltips/short/zh", "主菜单", test_short_text_on_one_line);
  g_test_add_data_func ("/tooltips/short/zh-4", "新建企业", test_short_text_on_one_line);
  g_test_add_data_func ("/tooltips/short/en", "New Company", test_short_text_on_one_line);
  g_test_add_data_func ("/tooltips/short/mixed", "Ctrl+E 导出 PDF 报告", test_short_text_on_one_line);
  g_test_add_func ("/tooltips/long-wraps", test_long_text_wraps);
  g_test_add_func ("/tooltips/adopt", test_adopt_takes_ancestors_once);

  return g_test_run ();
}
