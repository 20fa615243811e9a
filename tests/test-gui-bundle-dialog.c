/* test-gui-bundle-dialog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundle import dialog in this process: a conflict over answers names
 * the questions by their text in the language of the interface, from the
 * model the assessment is pinned to, not by their ids.
 */

#include "config.h"

#include <adwaita.h>

#include "sihua-bundle-import-dialog.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define QUESTION "data.collection"

typedef struct
{
  char       *dir;
  SihuaStore *mine;
  SihuaModel *model;
  char       *bundle_path;
} Fixture;

static void
answer (SihuaStore *store,
        gint64      assessment_id,
        int         level)
{
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (level);
  g_autoptr(GError) error = NULL;

  sihua_store_set_answer (store, assessment_id, QUESTION, value, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Two laptops with the same assessment, answered differently since. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械有限公司");
  g_autoptr(SihuaStore) theirs = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id, assessment_id;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->model = sihua_test_load_data_model ("sihua-4hua.json");

  fixture->mine = sihua_test_open_store_in (fixture->dir, "mine.db");
  company_id = sihua_store_add_company (fixture->mine, company, &error);
  g_assert_no_error (error);
  assessment_id = sihua_store_new_assessment (fixture->mine, company_id, fixture->model, 0,
                                              NULL, &error);
  g_assert_no_error (error);
  answer (fixture->mine, assessment_id, 2);

  base = g_build_filename (fixture->dir, "base.sihua", NULL);
  g_assert_true (sihua_bundle_export (fixture->mine, NULL, base, &error));
  g_assert_no_error (error);

  theirs = sihua_test_open_store_in (fixture->dir, "theirs.db");
  bundle = sihua_bundle_load (base, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, theirs, SIHUA_BUNDLE_CHOICE_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_bundle_import (bundle, theirs, report, &error));
  g_assert_no_error (error);
  answer (theirs, assessment_id, 3);
  /* Changed here too since: a conflict (a change there only is simply taken). */
  answer (fixture->mine, assessment_id, 1);

  fixture->bundle_path = g_build_filename (fixture->dir, "theirs.sihua", NULL);
  g_assert_true (sihua_bundle_export (theirs, NULL, fixture->bundle_path, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->mine);
  g_clear_object (&fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->bundle_path);
}

/* Every text the dialog shows. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

typedef struct
{
  SihuaStore        *store;
  SihuaBundleReport *report;
} LoadModels;

static gpointer
load_models_thread (gpointer data)
{
  LoadModels *load = data;

  return sihua_bundle_import_dialog_load_models (load->store, load->report);
}

/* What a fresh dialog says about its conflict. */
static char *
conflict_text (Fixture *fixture)
{
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SihuaBundleReport *report;
  GHashTable *models;
  SihuaBundleImportDialog *dialog;

  bundle = sihua_bundle_load (fixture->bundle_path, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, fixture->mine, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->conflicts->len, ==, 1);

  /* As the window does it, on the thread that loaded the bundle. */
  models = g_thread_join (g_thread_new ("load-models", load_models_thread, &(LoadModels) {
                                          fixture->mine, report }));
  g_assert_cmpuint (g_hash_table_size (models), ==, 1);

  dialog = sihua_bundle_import_dialog_new (NULL, fixture->mine, g_steal_pointer (&bundle), report,
                                           models);
  collect_texts (GTK_WIDGET (dialog), out);
  gtk_window_destroy (GTK_WINDOW (dialog));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_question_text (Fixture       *fixture,
                    gconstpointer  data)
{
  const SihuaQuestion *question = sihua_model_lookup_question (fixture->model, QUESTION);
  g_autofree char *en = NULL;
  g_autofree char *zh = NULL;

  g_assert_nonnull (question);

  g_setenv ("LANGUAGE", "en", TRUE);
  en = conflict_text (fixture);
  g_assert_nonnull (strstr (en, question->text.en));
  g_assert_null (strstr (en, QUESTION));

  /* The interface in Chinese: the model's Chinese text. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  zh = conflict_text (fixture);
  g_assert_nonnull (strstr (zh, question->text.zh_cn));
  g_assert_null (strstr (zh, QUESTION));
}

/* Both versions of the conflicting answer are shown, as the consultant
 * reads them, so the choice is an informed one. */
static void
test_both_values (Fixture       *fixture,
                  gconstpointer  data)
{
  const SihuaQuestion *question = sihua_model_lookup_question (fixture->model, QUESTION);
  g_autoptr(SihuaAnswerValue) mine = sihua_answer_value_new_level (1);
  g_autoptr(SihuaAnswerValue) theirs = sihua_answer_value_new_level (3);
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *text = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  mine_text = sihua_answer_value_describe (mine, question, fixture->model, SIHUA_LANGUAGE_EN);
  theirs_text = sihua_answer_value_describe (theirs, question, fixture->model, SIHUA_LANGUAGE_EN);
  text = conflict_text (fixture);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "On this computer"));
  g_assert_nonnull (strstr (text, "In the bundle"));
  g_assert_nonnull (strstr (text, mine_text));
  g_assert_nonnull (strstr (text, theirs_text));
}

int
main (int   argc,
      char *argv[])
{
  /* The model's texts follow LANGUAGE; gettext stays off. */
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/bundle-dialog/question-text", Fixture, NULL,
              fixture_set_up, test_question_text, fixture_tear_down);
  g_test_add ("/bundle-dialog/both-values", Fixture, NULL,
              fixture_set_up, test_both_values, fixture_tear_down);

  return g_test_run ();
}
