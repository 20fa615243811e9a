/* test-number-format.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sihua-number-format.h"

static void
test_score (void)
{
  g_autofree char *half = sihua_number_format_score (41.25);
  g_autofree char *plain = sihua_number_format_score (66.149);
  g_autofree char *none = sihua_number_format_score (NAN);

  /* Halves go away from zero, though 41.25 is stored a hair below. */
  g_assert_cmpstr (half, ==, "41.3");
  g_assert_cmpstr (plain, ==, "66.1");
  g_assert_cmpstr (none, ==, "—");
}

/* The case the report printed as +3.9 beside "62.3 → 66.1": the change of
 * the raw numbers rounds differently from the numbers shown. */
static void
test_change_of_shown_numbers (void)
{
  g_autofree char *change = sihua_number_format_change (62.25, 66.149);
  g_autofree char *same = sihua_number_format_change (50.04, 49.96);
  g_autofree char *down = sihua_number_format_change (70.0, 65.55);
  g_autofree char *missing = sihua_number_format_change (NAN, 40);

  g_assert_cmpstr (change, ==, "+3.8");
  /* Both print as 50.0: no change, and no "-0.0". */
  g_assert_cmpstr (same, ==, "+0.0");
  g_assert_cmpstr (down, ==, "-4.4");
  g_assert_cmpstr (missing, ==, "—");
  g_assert_true (isnan (sihua_number_change_shown (10, NAN)));
}

/* Whatever the numbers, the printed change is the difference of the two
 * printed numbers. */
static void
test_change_adds_up (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      double previous = g_test_rand_double_range (0, 100);
      double current = g_test_rand_double_range (0, 100);
      g_autofree char *previous_text = sihua_number_format_score (previous);
      g_autofree char *current_text = sihua_number_format_score (current);
      g_autofree char *change_text = sihua_number_format_change (previous, current);
      /* In tenths, to compare integers. */
      gint64 shown_previous = llround (g_ascii_strtod (previous_text, NULL) * 10);
      gint64 shown_current = llround (g_ascii_strtod (current_text, NULL) * 10);
      gint64 shown_change = llround (g_ascii_strtod (change_text, NULL) * 10);

      if (shown_change != shown_current - shown_previous)
        g_error ("%s → %s printed as %s", previous_text, current_text, change_text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number-format/score", test_score);
  g_test_add_func ("/number-format/change-of-shown-numbers", test_change_of_shown_numbers);
  g_test_add_func ("/number-format/change-adds-up", test_change_adds_up);

  return g_test_run ();
}
