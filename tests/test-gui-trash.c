/* test-gui-trash.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window over a real store: deleting a company from its page leaves
 * the list and shows a toast whose Undo brings it back, with everything in
 * it; deleting an assessment from the company page does the same; the
 * Trash window lists what is deleted and restores it; merging a duplicate
 * moves its assessments, and the toast's Undo moves them back. With
 * SIHUA_TEST_SHOT_DIR set, the toast and the Trash window are saved as
 * pictures there (in the language of the environment).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sihua-companies-page.h"
#include "sihua-company-page.h"
#include "sihua-paths.h"
#include "sihua-screenshot.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"
#include "sihua-trash-window.h"
#include "sihua-window-private.h"

typedef struct
{
  char        *dir;
  SihuaStore  *store;
  SihuaModel  *model;
  gint64       company_id;
  gint64       assessment_id;
  SihuaWindow *window;
} Fixture;

/* Runs the main loop until @done holds; a minute is far more than any of
 * these waits needs, even on a busy machine. */
#define WAIT_UNTIL(done)                                                     \
  G_STMT_START {                                                             \
    gint64 deadline_ = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;        \
    while (!(done))                                                          \
      {                                                                      \
        g_assert_cmpint (g_get_monotonic_time (), <, deadline_);             \
        g_main_context_iteration (NULL, FALSE);                              \
        g_usleep (1000);                                                     \
      }                                                                      \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  g_autoptr(SihuaCompany) other = sihua_company_new ("无锡精工");
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SihuaContext) context = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sihua_test_make_tmpdir ();
  f->store = sihua_test_open_store_in (f->dir, "sihua.db");
  f->model = sihua_test_load_data_model ("example-small.json");
  f->company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);
  f->assessment_id = sihua_store_new_assessment (f->store, f->company_id, f->model, 0, NULL, &error);
  g_assert_no_error (error);
  sihua_test_answer_all (f->store, f->model, f->assessment_id, 2);
  sihua_store_add_company (f->store, other, &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "last-assessment", "");
  context = sihua_context_new (settings, catalog);
  sihua_context_set_store (context, f->store);
  f->window = g_object_ref_sink (sihua_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (f->window->restored);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  /* The pages' reads on their way let go of the store before it closes. */
  while (g_atomic_int_get (&G_OBJECT (f->store)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
company_loaded (Fixture *f,
                gint64   id)
{
  const SihuaCompany *shown = sihua_company_page_get_company (f->window->company_page);

  return !sihua_company_page_get_loading (f->window->company_page) && shown != NULL && shown->id == id;
}

static gboolean
listed (Fixture *f,
        gint64   id)
{
  return sihua_companies_page_lookup (f->window->companies_page, id) != NULL;
}

static guint
n_answers (Fixture *f)
{
  g_autoptr(GHashTable) answers = sihua_store_load_answers (f->store, f->assessment_id, NULL);

  return answers != NULL ? g_hash_table_size (answers) : 0;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;

  return G_SOURCE_CONTINUE;
}

/* Pictures are taken once the transitions (the page sliding back, the
 * toast coming in) have had their frames drawn. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("SIHUA_TEST_SHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n_frames = 0;
  guint tick;

  if (dir == NULL)
    return;
  tick = gtk_widget_add_tick_callback (widget, count_frame, &n_frames, NULL);
  WAIT_UNTIL (n_frames >= 60);
  gtk_widget_remove_tick_callback (widget, tick);
  path = g_build_filename (dir, name, NULL);
  sihua_screenshot_save (widget, path, &error);
  g_assert_no_error (error);
}

/* The toast the last deletion showed, checked to name @name. */
static AdwToast *
undo_toast (Fixture    *f,
            const char *name)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (f->window), "last-toast");

  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), name));
  g_assert_nonnull (adw_toast_get_button_label (toast));

  return toast;
}

static void
test_delete_company_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  guint answered = n_answers (f);
  AdwToast *toast;

  g_assert_cmpuint (answered, >, 0);
  g_assert_true (sihua_window_open_company (f->window, f->company_id));
  WAIT_UNTIL (company_loaded (f, f->company_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-company", NULL));
  WAIT_UNTIL (!listed (f, f->company_id));
  g_assert_true (listed (f, f->company_id + 1));
  toast = undo_toast (f, "常州恒力机械");
  save_shot (GTK_WIDGET (f->window), "trash-toast.png");

  g_signal_emit_by_name (toast, "button-clicked");
  WAIT_UNTIL (listed (f, f->company_id));
  WAIT_UNTIL (company_loaded (f, f->company_id));
  g_assert_cmpuint (n_answers (f), ==, answered);
}

/* The first Restore button of a trash entry under @root. */
static GtkWidget *
find_restore_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "sihua-trash-entry") != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_restore_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
assessment_listed (Fixture *f)
{
  g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (f->store, f->company_id, NULL);

  return assessments != NULL && assessments->len == 1;
}

static void
test_delete_assessment_and_restore_from_trash (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(SihuaAssessment) assessment = sihua_store_get_assessment (f->store, f->assessment_id, NULL);
  SihuaTrashWindow *trash;
  GtkWidget *restore;

  g_assert_true (sihua_window_open_company (f->window, f->company_id));
  WAIT_UNTIL (company_loaded (f, f->company_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-assessment", "x",
                                             f->assessment_id));
  g_assert_false (assessment_listed (f));
  undo_toast (f, assessment->date);

  /* The Trash window from the main menu lists it, and restores it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-trash", NULL));
  trash = g_object_get_data (G_OBJECT (f->window), "last-dialog");
  g_assert_true (SIHUA_IS_TRASH_WINDOW (trash));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (trash)) && gtk_widget_get_width (GTK_WIDGET (trash)) > 0);
  save_shot (GTK_WIDGET (trash), "trash-window.png");

  restore = find_restore_button (GTK_WIDGET (trash));
  g_assert_nonnull (restore);
  g_signal_emit_by_name (restore, "clicked");
  g_assert_true (assessment_listed (f));
  gtk_window_destroy (GTK_WINDOW (trash));
}

static guint
n_assessments_of (Fixture *f,
                  gint64   company_id)
{
  g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (f->store, company_id, NULL);

  return assessments != NULL ? assessments->len : 0;
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  gint64 other_id = f->company_id + 1;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwToast *toast;

  /* The duplicate has an assessment of its own, which the merge moves. */
  sihua_store_new_assessment (f->store, other_id, f->model, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_window_open_company (f->window, f->company_id));
  WAIT_UNTIL (company_loaded (f, f->company_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.merge-company", NULL));
  dialog = g_object_get_data (G_OBJECT (f->window), "last-dialog");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "常州恒力机械"));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)) && gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  save_shot (GTK_WIDGET (dialog), "merge-dialog.png");
  /* The only other company is offered first. */
  adw_message_dialog_response (dialog, "merge");

  g_assert_cmpuint (n_assessments_of (f, f->company_id), ==, 2);
  WAIT_UNTIL (!listed (f, other_id));
  toast = undo_toast (f, "无锡精工");

  g_signal_emit_by_name (toast, "button-clicked");
  WAIT_UNTIL (listed (f, other_id));
  g_assert_cmpuint (n_assessments_of (f, f->company_id), ==, 1);
  g_assert_cmpuint (n_assessments_of (f, other_id), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are compared as data (names, dates), so any language will
   * do: the pictures are taken in the environment's. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sihua_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/trash/delete-company-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_company_and_undo, fixture_tear_down);
  g_test_add ("/trash/delete-assessment-and-restore-from-trash", Fixture, NULL,
              fixture_set_up, test_delete_assessment_and_restore_from_trash, fixture_tear_down);
  g_test_add ("/trash/merge-and-undo", Fixture, NULL,
              fixture_set_up, test_merge_and_undo, fixture_tear_down);

  return g_test_run ();
}
