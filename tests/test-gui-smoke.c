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
take_page_shot (const char *language,
                const char *db,
                const char *page,
                const char *png,
                Shot       *shot)
{
  g_autofree char *lc_all = g_strdup_printf ("LC_ALL=%s", language);
  const char *app = g_getenv ("SIHUA_APP");
  const char *argv[] = { app, "--db", db, "--screenshot", png,
                         page != NULL ? "--screenshot-page" : NULL, page, NULL };
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
}

static void
take_shot (const char *language,
           const char *png,
           Shot       *shot)
{
  g_autofree char *dir = g_path_get_dirname (png);
  g_autofree char *db = g_build_filename (dir, "smoke.db", NULL);

  take_page_shot (language, db, NULL, png, shot);

  /* The first start also created the database. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static gboolean
same_file_contents (const char *a,
                    const char *b)
{
  g_autofree char *a_bytes = NULL;
  g_autofree char *b_bytes = NULL;
  gsize a_len, b_len;

  g_assert_true (g_file_get_contents (a, &a_bytes, &a_len, NULL));
  g_assert_true (g_file_get_contents (b, &b_bytes, &b_len, NULL));

  return a_len == b_len && memcmp (a_bytes, b_bytes, a_len) == 0;
}

static char *
add_company (const char *db,
             const char *name,
             const char *region)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = sihua_test_run_cli (db, &out, &err, "company", "add", "--name", name,
                               "--region", region, "--industry", "C34", NULL);
  if (status != 0)
    g_printerr ("%s", err);
  g_assert_cmpint (status, ==, 0);

  return g_strdup (g_strstrip (out));
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

static void
test_gui_pages (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "pages.db", NULL);
  g_autofree char *welcome_png = g_build_filename (dir, "welcome.png", NULL);
  const char *pages[] = { "companies", "company", "company-form", "preferences" };
  const char *languages[] = { "en_US.UTF-8", "zh_CN.UTF-8" };
  Shot welcome = { 0 };

  /* With no company the window greets; the list needs companies. */
  take_shot ("en_US.UTF-8", welcome_png, &welcome);
  g_free (add_company (db, "苏州华东精密机械有限公司", "江苏省苏州市吴中区"));
  g_free (add_company (db, "Xinda Textiles", "Shaoxing, Zhejiang"));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u.png", pages[p], l);
        g_autofree char *png = g_build_filename (dir, name, NULL);
        Shot shot = { 0 };

        take_page_shot (languages[l], db, pages[p], png, &shot);
        assert_calm_start (&shot);
        /* Every page draws text and widgets, not a blank frame. */
        g_assert_cmpuint (shot.n_colours, >, 50);
        if (g_str_equal (pages[p], "companies"))
          {
            g_assert_cmpint (shot.width, ==, welcome.width);
            g_assert_false (same_file_contents (png, welcome_png));
          }
        shot_clear (&shot);
      }

  if (g_getenv ("SIHUA_KEEP_SCREENSHOTS") != NULL)
    g_printerr ("screenshots kept in %s\n", dir);
  else
    sihua_test_remove_tree (dir);
  shot_clear (&welcome);
}

static void
test_gui_bad_database (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "notes.copy", NULL);
  g_autofree char *png = g_build_filename (dir, "problem.png", NULL);
  const char *text = "These are meeting notes, not a Sihua database.\n";
  Shot shot = { 0 };

  g_assert_true (g_file_set_contents (db, text, -1, NULL));
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));

  /* The window opens and explains instead of crashing or overwriting. */
  take_page_shot ("en_US.UTF-8", db, NULL, png, &shot);
  g_assert_null (strstr (shot.stderr_text, "CRITICAL"));
  g_assert_cmpuint (shot.n_colours, >, 50);
  g_assert_true (same_file_contents (db, copy));

  sihua_test_remove_tree (dir);
  shot_clear (&shot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/first-frame", test_gui_first_frame);
  g_test_add_func ("/gui/pages", test_gui_pages);
  g_test_add_func ("/gui/bad-database", test_gui_bad_database);

  return g_test_run ();
}
