/* test-gui-finalize.c: the answering page of an assessment: a photo
 * dropped on a card, two interviewees' different answers recorded on it,
 * then finalised from the page's own action: its answering controls, the
 * evidence strip and the interviewees' answers go read-only and a line says
 * why.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sihua-assessment-page-private.h"
#include "sihua-evidence-strip.h"
#include "sihua-question-card-private.h"
#include "sihua-said-button.h"
#include "sihua-screenshot.h"
#include "sihua-test-gui.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

static gboolean
page_shown (SihuaAssessmentPage *page)
{
  return sihua_assessment_page_get_dimension_id (page) != NULL;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Whether a row in @root's tree is titled @title. */
static gboolean
row_titled (GtkWidget  *root,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return TRUE;
      if (row_titled (child, title))
        return TRUE;
    }

  return FALSE;
}

static gboolean
drawn (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Turns the main loop until @done holds; the machine may be busy, so
 * there is no time limit but the test's own. */
#define WAIT_UNTIL(condition)                   \
  G_STMT_START {                                \
    while (!(condition))                        \
      g_main_context_iteration (NULL, TRUE);    \
  } G_STMT_END

/* Drops @file on @strip the way a file manager's drag ends: through the
 * drop target's own handler. Returns whether the strip took it. */
static gboolean
drop_file (GtkWidget *strip,
           GFile     *file)
{
  GtkDropTarget *drop = sihua_test_find_drop_target (strip);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (drop);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);

  return handled;
}

/* Picks in @name's row of the card's "Interviewees' answers" the item of
 * @level, as a click in the drop-down does: item 0 is "nothing said", then
 * the question's levels in order (the store is checked afterwards). */
static void
choose_said_level (SihuaQuestionCard *card,
                   const char        *name,
                   int                level)
{
  GtkDropDown *drop_down = sihua_said_button_get_drop_down (SIHUA_SAID_BUTTON (card->said_button), name);

  g_assert_nonnull (drop_down);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), >, (guint) level + 1);
  gtk_drop_down_set_selected (drop_down, level + 1);
}

static gboolean
said_line_has (SihuaQuestionCard *card,
               const char        *text)
{
  return card->said_label != NULL && strstr (gtk_label_get_text (card->said_label), text) != NULL;
}

static void
test_finalize_freezes_page (void)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械");
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *photo_path = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", "shop-floor.jpg", NULL);
  g_autoptr(GFile) photo = g_file_new_for_path (photo_path);
  g_autofree char *photo_uri = g_file_get_uri (photo);
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  SihuaStore *store = sihua_test_open_store_in (dir, "a.db");
  SihuaAssessmentPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *window;
  const char *question = NULL;
  gint64 company_id, id;
  GPtrArray *questions = sihua_model_get_questions (model);

  company_id = sihua_store_add_company (store, company, &error);
  id = sihua_store_new_assessment (store, company_id, model, 0, NULL, &error);
  g_assert_no_error (error);
  sihua_test_answer_everything (store, model, id, 2);
  for (guint i = 0; i < questions->len && question == NULL; i++)
    if (((SihuaQuestion *) questions->pdata[i])->type == SIHUA_QUESTION_LADDER)
      question = ((SihuaQuestion *) questions->pdata[i])->id;

  /* Two interviewees, as the details dialog adds them. */
  sihua_store_add_interviewee (store, id, "王芳", "生产经理", NULL, &error);
  sihua_store_add_interviewee (store, id, "赵强", NULL, "信息部", &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  page = SIHUA_ASSESSMENT_PAGE (sihua_assessment_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  sihua_assessment_page_set_assessment (page, store, id);
  WAIT_UNTIL (page_shown (page));

  /* The details dialog lists the interviewees as the cover will. */
  {
    GtkWidget *details = _sihua_assessment_page_details_dialog (page);
    const char *shots = g_getenv ("SIHUA_TEST_SHOT_DIR");

    gtk_window_present (GTK_WINDOW (details));
    WAIT_UNTIL (drawn (details));
    g_assert_true (row_titled (details, "王芳 (生产经理)"));
    g_assert_true (row_titled (details, "赵强 (信息部)"));
    if (shots != NULL)
      {
        g_autofree char *path = g_build_filename (shots, "details-dialog.png", NULL);

        g_assert_true (sihua_screenshot_save (details, path, &error));
        g_assert_no_error (error);
      }
    gtk_window_destroy (GTK_WINDOW (details));
  }

  /* On the card: a photo dropped on it, and each interviewee's level
   * recorded, two levels apart; the card then says who said what. */
  sihua_assessment_page_show_question (page, question);
  WAIT_UNTIL (g_hash_table_lookup (page->cards, question) != NULL);
  {
    SihuaQuestionCard *card = g_hash_table_lookup (page->cards, question);
    const char *shots = g_getenv ("SIHUA_TEST_SHOT_DIR");

    g_assert_nonnull (card->evidence_strip);
    g_assert_true (drop_file (card->evidence_strip, photo));
    g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (card->evidence_strip)), ==, 1);

    g_assert_nonnull (card->said_button);
    g_assert_true (gtk_widget_get_visible (card->said_button));
    choose_said_level (card, "王芳", 1);
    g_assert_true (said_line_has (card, "王芳"));
    g_assert_false (said_line_has (card, "to discuss"));
    choose_said_level (card, "赵强", 3);
    g_assert_true (said_line_has (card, "赵强"));
    g_assert_true (said_line_has (card, "to discuss"));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card->said_label), "warning"));
    if (shots != NULL)
      {
        g_autofree char *path = g_build_filename (shots, "card-said.png", NULL);

        WAIT_UNTIL (drawn (GTK_WIDGET (card)));
        g_assert_true (sihua_screenshot_save (GTK_WIDGET (card), path, &error));
        g_assert_no_error (error);
      }
  }

  /* Stored as chosen; the consolidated answer, which scores, unchanged. */
  said = sihua_store_list_interviewee_answers (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (said->len, ==, 2);
  g_assert_cmpint (((SihuaIntervieweeAnswer *) said->pdata[0])->value->level, ==, 1);
  g_assert_cmpint (((SihuaIntervieweeAnswer *) said->pdata[1])->value->level, ==, 3);
  to_discuss = sihua_interviewee_answers_to_discuss (said);
  g_assert_cmpuint (to_discuss->len, ==, 1);
  {
    g_autoptr(GHashTable) answers = sihua_store_load_answers (store, id, &error);
    SihuaAnswer *answer = g_hash_table_lookup (answers, question);

    g_assert_cmpint (answer->value->level, ==, 2);
  }

  /* Open: the controls take answers and Finalise is offered. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->question_stack)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->finalized_bar)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->finalize_button)));

  /* Finalise, and confirm in the dialog it asks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.finalize", NULL));
  WAIT_UNTIL ((dialog = find_dialog ("Finalise the Assessment?")) != NULL);
  adw_message_dialog_response (dialog, "finalize");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (page->finalized_bar)));

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->question_stack)));
  {
    g_autoptr(GList) cards = g_hash_table_get_values (page->cards);

    /* Every card shown, whatever its kind of answer, takes no input. */
    g_assert_nonnull (cards);
    for (GList *l = cards; l != NULL; l = l->next)
      g_assert_false (gtk_widget_is_sensitive (l->data));
  }
  /* The evidence strip and the interviewees' answers are read-only too:
   * a drop or an added file is refused, and their levels cannot change. */
  {
    SihuaQuestionCard *card = g_hash_table_lookup (page->cards, question);

    g_assert_false (gtk_widget_is_sensitive (card->evidence_strip));
    g_assert_false (drop_file (card->evidence_strip, photo));
    gtk_widget_activate_action (card->evidence_strip, "evidence.add-uri", "s", photo_uri);
    g_assert_cmpuint (sihua_evidence_strip_get_n_files (SIHUA_EVIDENCE_STRIP (card->evidence_strip)), ==, 1);
    g_assert_false (gtk_widget_is_sensitive (card->said_button));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sihua_said_button_get_drop_down (SIHUA_SAID_BUTTON (card->said_button), "王芳"))));
    files = sihua_store_list_evidence (store, id, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (files->len, ==, 1);
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->finalize_button)));
  g_assert_nonnull (strstr (gtk_label_get_text (page->finalized_label), "revision 1"));
  assessment = sihua_store_get_assessment (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assessment->finalized_at, >, 0);

  /* Reopened from the page, the controls take answers again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.reopen", NULL));
  WAIT_UNTIL ((dialog = find_dialog ("Reopen the Assessment?")) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "客户补充资料");
  adw_message_dialog_response (dialog, "reopen");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (page->finalized_bar)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->question_stack)));
  {
    SihuaQuestionCard *card = g_hash_table_lookup (page->cards, question);

    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sihua_said_button_get_drop_down (SIHUA_SAID_BUTTON (card->said_button), "王芳"))));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are compared in English. */
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/gui-finalize/finalize-freezes-page", test_finalize_freezes_page);

  return g_test_run ();
}
