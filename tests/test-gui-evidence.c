/* test-gui-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question card's evidence in a real window, over a real store: a photo
 * and a PDF dropped on the card (the drop target's own "drop" handler is
 * emitted with the file list a file manager sends) show as a thumbnail and
 * a document tile; deleting one takes it off the card and offers Undo.
 */

#include "config.h"

#include <adwaita.h>

#include "sihua-evidence-strip.h"
#include "sihua-question-card.h"
#include "sihua-store.h"
#include "sihua-test-gui.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  SihuaStore *store;
  SihuaModel *model;
  gint64      assessment_id;
  GtkWidget  *window;
  GtkWidget  *overlay;
  GtkWidget  *card;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("宁波模具");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 company_id;

  fixture->dir = sihua_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->store = sihua_test_open_store (path);
  fixture->model = sihua_test_load_data_model ("example-small.json");
  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, company_id, fixture->model,
                                                       0, NULL, &error);
  g_assert_no_error (error);

  fixture->card = sihua_question_card_new (fixture->model,
                                           sihua_model_lookup_question (fixture->model, "systems.coverage"),
                                           1, SIHUA_LANGUAGE_ZH_CN);
  sihua_question_card_show_evidence (SIHUA_QUESTION_CARD (fixture->card), fixture->store,
                                     fixture->assessment_id);
  fixture->overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), fixture->card);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The first descendant of @widget of @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", name, NULL);

  return g_file_new_for_path (path);
}

/* Runs the main loop until the window has drawn what changed. */
static void
wait_for_frame (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (fixture->window);
  gint64 before = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;

  while (clock == NULL || gdk_frame_clock_get_frame_counter (clock) <= before + 1)
    {
      g_main_context_iteration (NULL, TRUE);
      if (clock == NULL)
        clock = gtk_widget_get_frame_clock (fixture->window);
    }
}

static void
test_drop_shows_thumbnails (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *strip = find_descendant (fixture->card, SIHUA_TYPE_EVIDENCE_STRIP);
  GtkDropTarget *drop;
  g_autoptr(GFile) photo = fixture_file ("shop-floor.jpg");
  g_autoptr(GFile) form = fixture_file ("scanned-form.pdf");
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *picture;
  GtkWidget *tile;
  GtkWidget *delete_button;
  GdkPaintable *thumbnail;
  gboolean handled = FALSE;

  g_assert_nonnull (strip);
  g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (strip)), ==, 0);
  drop = sihua_test_find_drop_target (strip);
  g_assert_nonnull (drop);

  files = g_slist_append (files, photo);
  files = g_slist_append (files, form);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  wait_for_frame (fixture);

  /* Stored, in the order dropped, and shown. */
  stored = sihua_store_list_evidence (fixture->store, fixture->assessment_id, "systems.coverage", NULL);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (((SihuaEvidence *) stored->pdata[0])->file_name, ==, "shop-floor.jpg");
  g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (strip)), ==, 2);

  /* The photo's tile is a thumbnail no larger than a thumbnail, in the
   * photo's proportions (640×480), named by the file. */
  picture = find_descendant (strip, GTK_TYPE_PICTURE);
  g_assert_nonnull (picture);
  g_assert_true (gtk_widget_get_mapped (picture));
  thumbnail = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (thumbnail);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), <=, 112);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail) * 3, ==,
                   gdk_paintable_get_intrinsic_height (thumbnail) * 4);
  tile = gtk_widget_get_ancestor (picture, GTK_TYPE_OVERLAY);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (tile), "shop-floor.jpg"));

  /* Deleting the photo leaves the PDF and offers Undo. */
  delete_button = find_descendant (tile, GTK_TYPE_BUTTON);
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  wait_for_frame (fixture);
  g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (strip)), ==, 1);
  g_assert_null (find_descendant (strip, GTK_TYPE_PICTURE));
}

/* The same file added through the action (what the file chooser and the
 * drop both end in) is stored once and shown on both answers' cards. */
static void
test_add_uri_action (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *strip = find_descendant (fixture->card, SIHUA_TYPE_EVIDENCE_STRIP);
  g_autoptr(GFile) photo = fixture_file ("shop-floor.jpg");
  g_autofree char *uri = g_file_get_uri (photo);
  g_autofree char *missing_uri = g_strconcat (uri, ".gone", NULL);
  GtkWidget *label;

  g_assert_true (gtk_widget_activate_action (strip, "evidence.add-uri", "s", uri));
  wait_for_frame (fixture);
  g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (strip)), ==, 1);

  /* A file that is not there is named in the strip; nothing is added. */
  g_assert_true (gtk_widget_activate_action (strip, "evidence.add-uri", "s", missing_uri));
  wait_for_frame (fixture);
  g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (strip)), ==, 1);
  label = gtk_widget_get_last_child (strip);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "shop-floor.jpg.gone"));
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

  g_test_add ("/evidence/drop-shows-thumbnails", Fixture, NULL, fixture_set_up,
              test_drop_shows_thumbnails, fixture_tear_down);
  g_test_add ("/evidence/add-uri-action", Fixture, NULL, fixture_set_up,
              test_add_uri_action, fixture_tear_down);

  return g_test_run ();
}
