/* test-report-font.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "sihua-report-font.h"

static void
test_font_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  g_unsetenv ("SIHUA_REPORT_FONT");
  file = sihua_report_font_find_file (&error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  /* The test command installs fonts-wqy-zenhei; it must be the one chosen,
   * since libharu embeds it without losing glyphs. */
  g_assert_true (g_str_has_suffix (file, "wqy-zenhei.ttc"));
}

static void
test_font_override_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  g_setenv ("SIHUA_REPORT_FONT", "/nonexistent/font.ttf", TRUE);
  file = sihua_report_font_find_file (&error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/font.ttf"));
  g_unsetenv ("SIHUA_REPORT_FONT");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-font/found", test_font_found);
  g_test_add_func ("/report-font/override-missing", test_font_override_missing);

  return g_test_run ();
}
