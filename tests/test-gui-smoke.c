/* test-gui-smoke.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real application under the test display, lets it render its
 * first frames into a PNG from inside the app and checks the picture and
 * what the app printed.
 */

#include "config.h"

#include <cairo.h>

#include "sihua-test-utils.h"

typedef struct
{
  int    width;
  int    height;
  guint  n_colours;
  char  *stderr_text;
} Shot;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->stderr_text, g_free);
}

static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int stride = cairo_image_surface_get_stride (surface);
  guchar *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 2)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 2)
      {
        guint32 pixel = *(guint32 *)(data + y * stride + x * 4);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }

  return g_hash_table_size (colours);
}

static void
take_shot (const char *language,
           const char *png,
           Shot       *shot)
{
  g_autofree char *dir = g_path_get_dirname (png);
  g_autofree char *db = g_build_filename (dir, "smoke.db", NULL);
  g_autofree char *lc_all = g_strdup_printf ("LC_ALL=%s", language);
  const char *app = g_getenv ("SIHUA_APP");
  const char *argv[] = { app, "--db", db, "--screenshot", png, NULL };
  const char *env[] = { lc_all, "LANGUAGE=", "GSK_RENDERER=cairo", NULL };
  cairo_surface_t *surface;
  int status;

  g_assert_nonnull (app);
  status = sihua_test_run (argv, env, NULL, &shot->stderr_text);
  if (status != 0)
    g_printerr ("%s", shot->stderr_text);
  g_assert_cmpint (status, ==, 0);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  shot->width = cairo_image_surface_get_width (surface);
  shot->height = cairo_image_surface_get_height (surface);
  shot->n_colours = count_colours (surface);
  cairo_surface_destroy (surface);

  /* The first start also created the database. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static void
assert_calm_start (const Shot *shot)
{
  /* A normal start prints nothing alarming. */
  g_assert_null (strstr (shot->stderr_text, "CRITICAL"));
  g_assert_null (strstr (shot->stderr_text, "WARNING"));
  g_assert_null (strstr (shot->stderr_text, "Gtk-"));
  g_assert_null (strstr (shot->stderr_text, "Adwaita-"));
}

static void
test_gui_first_frame (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *en_png = g_build_filename (dir, "en.png", NULL);
  g_autofree char *zh_png = g_build_filename (dir, "zh.png", NULL);
  g_autofree char *en_bytes = NULL;
  g_autofree char *zh_bytes = NULL;
  gsize en_len, zh_len;
  Shot en = { 0 }, zh = { 0 };

  take_shot ("en_US.UTF-8", en_png, &en);
  take_shot ("zh_CN.UTF-8", zh_png, &zh);

  assert_calm_start (&en);
  assert_calm_start (&zh);

  /* The default window size, not an empty or tiny window. */
  g_assert_cmpint (en.width, >=, 900);
  g_assert_cmpint (en.height, >=, 600);
  g_assert_cmpint (zh.width, ==, en.width);
  g_assert_cmpint (zh.height, ==, en.height);

  /* Text, icon and coloured stage labels give many colours; a blank or
   * single-colour frame would give a handful. */
  g_assert_cmpuint (en.n_colours, >, 50);
  g_assert_cmpuint (zh.n_colours, >, 50);

  /* The Chinese window shows other text than the English one. */
  g_assert_true (g_file_get_contents (en_png, &en_bytes, &en_len, NULL));
  g_assert_true (g_file_get_contents (zh_png, &zh_bytes, &zh_len, NULL));
  g_assert_false (en_len == zh_len && memcmp (en_bytes, zh_bytes, en_len) == 0);

  if (g_getenv ("SIHUA_KEEP_SCREENSHOTS") != NULL)
    g_printerr ("screenshots kept in %s\n", dir);
  else
    sihua_test_remove_tree (dir);

  shot_clear (&en);
  shot_clear (&zh);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/first-frame", test_gui_first_frame);

  return g_test_run ();
}
