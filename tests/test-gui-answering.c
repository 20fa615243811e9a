/* test-gui-answering.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answering page in-process, in a window of a small laptop's 800 px:
 * every dimension of both built-in models, in English and in Chinese, must
 * leave the window within the screen; keys pick options (letters past the
 * ninth); an exclusive option unticks the others and says which; undo and
 * redo say which answer they touched; the question search finds a note and
 * says when nothing matches. Waits on conditions, never on time.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <libintl.h>

#include "sihua-assessment-page-private.h"
#include "sihua-results-page-private.h"
#include "sihua-paths.h"
#include "sihua-question-card-private.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define SCREEN_WIDTH 800

typedef struct
{
  char                *dir;
  SihuaStore          *store;
  SihuaModel          *model;
  gint64               assessment;
  GtkWidget           *window;
  SihuaAssessmentPage *page;
} Fixture;

static void
use_language (const char *language)
{
  gboolean chinese = g_str_has_prefix (language, "zh");

  g_setenv ("LANGUAGE", chinese ? "zh_CN" : "en", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, chinese ? "zh_CN.UTF-8" : "en_US.UTF-8"));
}

static void
fixture_open (Fixture    *fixture,
              const char *model_file,
              const char *language)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("Huadong Precision Machinery");
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  use_language (language);
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->store = sihua_test_open_store_in (fixture->dir, "sihua.db");
  fixture->model = sihua_test_load_data_model (model_file);
  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  fixture->assessment = sihua_store_new_assessment (fixture->store, company_id, fixture->model,
                                                    0, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_show (Fixture *fixture)
{
  fixture->page = SIHUA_ASSESSMENT_PAGE (sihua_assessment_page_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), SCREEN_WIDTH, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));

  sihua_assessment_page_set_assessment (fixture->page, fixture->store, fixture->assessment);
  /* Loaded once the page shows a dimension and takes answers. */
  while (fixture->page->current == NULL
         || !gtk_widget_get_sensitive (GTK_WIDGET (fixture->page->toast_overlay)))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_writes (Fixture *fixture)
{
  while (sihua_answer_sheet_get_n_pending (fixture->page->sheet) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_close (Fixture *fixture)
{
  if (fixture->window != NULL)
    {
      wait_for_writes (fixture);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->store);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Waits for the window's next frame to be painted, its layout done. */
static void
paint_done_cb (GdkFrameClock *clock,
               gboolean      *painted)
{
  *painted = TRUE;
}

static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (paint_done_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static SihuaQuestionCard *
card_of (Fixture    *fixture,
         const char *question_id)
{
  return g_hash_table_lookup (fixture->page->cards, question_id);
}

/* A key pressed on @card, as the card's own key controller sees it. */
static gboolean
press_key (SihuaQuestionCard *card,
           guint              keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (card));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* The texts of the labels under @widget, joined by newlines. */
static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* Waits until a toast whose text contains @text is shown. */
static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  for (;;)
    {
      g_autoptr(GString) texts = g_string_new (NULL);

      collect_labels (GTK_WIDGET (fixture->page->toast_overlay), texts);
      if (strstr (texts->str, text) != NULL)
        return;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_for_focus_in (Fixture   *fixture,
                   GtkWidget *widget)
{
  GtkWidget *focus;

  while ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) == NULL
         || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    g_main_context_iteration (NULL, TRUE);
}

static const SihuaAnswer *
shown_answer (Fixture    *fixture,
              const char *question_id)
{
  return g_hash_table_lookup (fixture->page->answers, question_id);
}

/*
 * Tests
 */

static void
check_width (const char *model_file,
             const char *language)
{
  GPtrArray *dimensions;
  Fixture fixture = { 0 };

  fixture_open (&fixture, model_file, language);
  fixture_show (&fixture);

  dimensions = sihua_model_get_dimensions (fixture.model);
  for (guint i = 0; i < dimensions->len; i++)
    {
      const SihuaDimension *dimension = g_ptr_array_index (dimensions, i);
      int minimum = 0;

      /* Every card of the dimension, not only the first few. */
      if (!sihua_assessment_page_set_dimension_id (fixture.page, dimension->id))
        continue;
      _sihua_assessment_page_build_cards (fixture.page, dimension, G_MAXUINT);
      wait_for_paint (fixture.window);

      gtk_widget_measure (fixture.window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > SCREEN_WIDTH || gtk_widget_get_width (fixture.window) > SCREEN_WIDTH)
        g_test_message ("%s, %s: the window needs %d px, is %d px", language, dimension->id,
                        minimum, gtk_widget_get_width (fixture.window));
      g_assert_cmpint (minimum, <=, SCREEN_WIDTH);
      g_assert_cmpint (gtk_widget_get_width (fixture.window), <=, SCREEN_WIDTH);
    }

  fixture_close (&fixture);
}

static void
test_width_sihua_en (void)
{
  check_width ("sihua-4hua.json", "en");
}

static void
test_width_sihua_zh (void)
{
  check_width ("sihua-4hua.json", "zh_CN");
}

static void
test_keys_pick_options (void)
{
  Fixture fixture = { 0 };
  SihuaQuestionCard *card;
  const SihuaAnswer *answer;

  fixture_open (&fixture, "sihua-4hua.json", "en");
  fixture_show (&fixture);

  /* The industry list has more than nine options: B is the eleventh. */
  g_assert_true (sihua_assessment_page_set_dimension_id (fixture.page, "profile"));
  card = card_of (&fixture, "profile.industry");
  g_assert_nonnull (card);
  g_assert_cmpuint (sihua_question_card_get_question (card)->options->len, >, 10);
  g_assert_true (press_key (card, GDK_KEY_b));
  answer = shown_answer (&fixture, "profile.industry");
  g_assert_nonnull (answer);
  g_assert_cmpstr (answer->value->option_id, ==,
                   ((const SihuaOption *) g_ptr_array_index (sihua_question_card_get_question (card)->options, 10))->id);
  /* N is left out of the option keys: it means "not applicable". */
  press_key (card, GDK_KEY_n);
  answer = shown_answer (&fixture, "profile.industry");
  g_assert_true (answer->value->kind == SIHUA_ANSWER_NA
                 || g_strcmp0 (answer->value->option_id,
                               ((const SihuaOption *) g_ptr_array_index (sihua_question_card_get_question (card)->options, 10))->id) == 0);

  fixture_close (&fixture);
}

static void
test_exclusive_option (void)
{
  Fixture fixture = { 0 };
  const SihuaQuestion *question;
  const SihuaAnswer *answer;
  SihuaQuestionCard *card;
  guint exclusive = G_MAXUINT;

  fixture_open (&fixture, "sihua-4hua.json", "en");
  question = sihua_model_lookup_question (fixture.model, "barriers.kinds");
  g_assert_nonnull (question);
  for (guint i = 0; i < question->options->len; i++)
    if (((const SihuaOption *) g_ptr_array_index (question->options, i))->exclusive)
      exclusive = i;
  g_assert_cmpuint (exclusive, <, 9);
  g_assert_cmpuint (exclusive, >=, 2);
  fixture_show (&fixture);

  g_assert_true (sihua_assessment_page_show_question (fixture.page, "barriers.kinds"));
  card = card_of (&fixture, "barriers.kinds");
  g_assert_nonnull (card);

  /* 1 and 2 tick two options; the exclusive one's digit unticks both.
   * Each written before the next key, as a person types: changes still on
   * their way are written as one. */
  g_assert_true (press_key (card, GDK_KEY_1));
  wait_for_writes (&fixture);
  g_assert_true (press_key (card, GDK_KEY_2));
  wait_for_writes (&fixture);
  answer = shown_answer (&fixture, "barriers.kinds");
  g_assert_nonnull (answer);
  g_assert_cmpuint (g_strv_length (answer->value->option_ids), ==, 2);

  g_assert_true (press_key (card, GDK_KEY_1 + exclusive));
  answer = shown_answer (&fixture, "barriers.kinds");
  g_assert_cmpuint (g_strv_length (answer->value->option_ids), ==, 1);
  g_assert_cmpstr (answer->value->option_ids[0], ==,
                   ((const SihuaOption *) g_ptr_array_index (question->options, exclusive))->id);
  wait_for_toast (&fixture, "Unticked the other choices: ");
  wait_for_toast (&fixture, sihua_text_get (&((const SihuaOption *) g_ptr_array_index (question->options, 0))->text,
                                            SIHUA_LANGUAGE_EN, NULL));

  /* Undo gives the two options back, and says whose answer it was. */
  wait_for_writes (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "assessment.undo", NULL);
  wait_for_toast (&fixture, "Undone: the answer to “");
  while ((answer = shown_answer (&fixture, "barriers.kinds")) == NULL
         || g_strv_length (answer->value->option_ids) != 2)
    g_main_context_iteration (NULL, TRUE);

  /* Redo puts "none" back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "assessment.redo", NULL);
  wait_for_toast (&fixture, "Redone: the answer to “");
  while ((answer = shown_answer (&fixture, "barriers.kinds")) == NULL
         || g_strv_length (answer->value->option_ids) != 1)
    g_main_context_iteration (NULL, TRUE);

  fixture_close (&fixture);
}

static void
test_undo_redo_level (void)
{
  Fixture fixture = { 0 };
  const SihuaQuestion *question;
  SihuaQuestionCard *card;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  fixture_open (&fixture, "sihua-4hua.json", "zh_CN");
  question = sihua_model_lookup_question (fixture.model, "equipment.automation");
  fixture_show (&fixture);
  g_assert_true (sihua_assessment_page_show_question (fixture.page, "equipment.automation"));
  card = card_of (&fixture, "equipment.automation");

  g_assert_true (press_key (card, GDK_KEY_3));
  g_assert_cmpint (shown_answer (&fixture, "equipment.automation")->value->level, ==, 3);
  wait_for_writes (&fixture);

  /* The toasts name the question, in the user's language. */
  undone = g_strdup_printf ("已撤销：“%s”的回答", sihua_text_get (&question->text, SIHUA_LANGUAGE_ZH_CN, NULL));
  redone = g_strdup_printf ("已重做：“%s”的回答", sihua_text_get (&question->text, SIHUA_LANGUAGE_ZH_CN, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "assessment.undo", NULL);
  wait_for_toast (&fixture, undone);
  while (shown_answer (&fixture, "equipment.automation") != NULL)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "assessment.redo", NULL);
  wait_for_toast (&fixture, redone);
  while (shown_answer (&fixture, "equipment.automation") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (shown_answer (&fixture, "equipment.automation")->value->level, ==, 3);

  /* Nothing more to redo, and it says so. */
  wait_for_writes (&fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "assessment.redo", NULL);
  wait_for_toast (&fixture, "没有可重做的操作");

  fixture_close (&fixture);
}

static void
test_search_notes (void)
{
  g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (2);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 };
  GtkListBoxRow *row;

  fixture_open (&fixture, "sihua-4hua.json", "en");
  sihua_store_set_answer (fixture.store, fixture.assessment, "equipment.control", level,
                          "Two machining lines run on PLCs since 2019", NULL, &error);
  g_assert_no_error (error);
  fixture_show (&fixture);

  /* A word of the note only. The entry searches after a pause in the typing. */
  gtk_editable_set_text (GTK_EDITABLE (fixture.page->search_entry), "machining lines");
  while ((row = gtk_list_box_get_row_at_index (fixture.page->search_list, 0)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "question-id"), ==, "equipment.control");
  g_assert_null (gtk_list_box_get_row_at_index (fixture.page->search_list, 1));

  /* Nothing: the list says so. */
  gtk_editable_set_text (GTK_EDITABLE (fixture.page->search_entry), "zebra crossing");
  while (strstr (gtk_label_get_text (fixture.page->search_placeholder), "zebra crossing") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gtk_list_box_get_row_at_index (fixture.page->search_list, 0));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture.page->search_placeholder),
                            "No question, level or note contains “zebra crossing”"));

  /* Words of level descriptions only, in no question's text. */
  gtk_editable_set_text (GTK_EDITABLE (fixture.page->search_entry), "PLC");
  while (gtk_list_box_get_row_at_index (fixture.page->search_list, 0) == NULL)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (fixture.page->search_list, i)) != NULL; i++)
    {
      const SihuaQuestion *question = sihua_model_lookup_question (fixture.model,
                                                                   g_object_get_data (G_OBJECT (row), "question-id"));
      g_assert_null (strstr (sihua_text_get (&question->text, SIHUA_LANGUAGE_EN, NULL), "PLC"));
    }

  fixture_close (&fixture);
}


static void
test_width_miit_en (void)
{
  check_width ("miit-2024.json", "en");
}

static void
test_width_miit_zh (void)
{
  check_width ("miit-2024.json", "zh_CN");
}

static JsonObject *
cli_score (Fixture *fixture)
{
  g_autofree char *db = g_build_filename (fixture->dir, "sihua.db", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment);
  const char *argv[] = { g_getenv ("SIHUA_CLI"), "--db", db, "--json", "score", id, NULL };
  const char *env[] = { "LC_ALL=en_US.UTF-8", "LANGUAGE=", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (argv[0]);
  g_assert_cmpint (sihua_test_run (argv, env, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* An MIIT assessment answered with the keys alone: digits for the levels of
 * the scenes, a key per option of the single choices, digits and letters ticking the multiple choices, 1 (无)
 * unticking the others, numbers typed and confirmed with Enter; the results
 * page then shows the level the store's scoring gives. */
static void
test_miit_by_keyboard (void)
{
  g_autoptr(JsonObject) score = NULL;
  GPtrArray *questions;
  GtkWidget *results_window;
  SihuaResultsPage *results;
  const SihuaAnswer *answer;
  Fixture fixture = { 0 };

  fixture_open (&fixture, "miit-2024.json", "en");
  fixture_show (&fixture);
  questions = sihua_model_get_questions (fixture.model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      SihuaQuestionCard *card;

      if (!sihua_question_is_relevant (fixture.model, question, fixture.page->answers))
        continue;
      g_assert_true (sihua_assessment_page_show_question (fixture.page, question->id));
      card = card_of (&fixture, question->id);
      g_assert_nonnull (card);
      /* Keys go where the page puts the focus, as after ↓ from the last card. */
      wait_for_focus_in (&fixture, GTK_WIDGET (card));

      switch (question->type)
        {
        case SIHUA_QUESTION_SINGLE:
        case SIHUA_QUESTION_YESNO:
          g_assert_true (press_key (card, GDK_KEY_1 + MIN (question->options->len, 3) - 1));
          break;

        case SIHUA_QUESTION_MULTI:
          g_assert_true (press_key (card, GDK_KEY_2));
          wait_for_writes (&fixture);
          g_assert_true (press_key (card, GDK_KEY_3));
          wait_for_writes (&fixture);
          if (question->options->len > 10)
            {
              /* Past the ninth option, letters: A is the tenth. */
              g_assert_true (press_key (card, GDK_KEY_a));
              wait_for_writes (&fixture);
              answer = shown_answer (&fixture, question->id);
              g_assert_true (g_strv_contains ((const char * const *) answer->value->option_ids,
                                              ((const SihuaOption *) g_ptr_array_index (question->options, 9))->id));
            }
          break;

        case SIHUA_QUESTION_NUMERIC:
          {
            GtkWidget *entry = NULL;

            for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (card->options_box));
                 child != NULL && entry == NULL;
                 child = gtk_widget_get_next_sibling (child))
              if (GTK_IS_ENTRY (child))
                entry = child;
            g_assert_nonnull (entry);
            gtk_editable_set_text (GTK_EDITABLE (entry), "10");
            g_signal_emit_by_name (entry, "activate");
          }
          break;

        case SIHUA_QUESTION_LADDER:
          g_assert_true (press_key (card, GDK_KEY_2));
          break;

        case SIHUA_QUESTION_TEXT:
        default:
          break;
        }
      wait_for_writes (&fixture);
    }

  /* 无 (the first option of the network question) unticks the others. */
  {
    SihuaQuestionCard *card;

    g_assert_true (sihua_assessment_page_show_question (fixture.page, "base.network"));
    card = card_of (&fixture, "base.network");
    wait_for_focus_in (&fixture, GTK_WIDGET (card));
    g_assert_cmpuint (g_strv_length (shown_answer (&fixture, "base.network")->value->option_ids), ==, 2);
    g_assert_true (press_key (card, GDK_KEY_1));
    answer = shown_answer (&fixture, "base.network");
    g_assert_cmpuint (g_strv_length (answer->value->option_ids), ==, 1);
    g_assert_cmpstr (answer->value->option_ids[0], ==, "a");
    wait_for_toast (&fixture, "Unticked the other choices: ");
    wait_for_writes (&fixture);
  }

  /* The results page shows the level the scoring of the stored answers gives. */
  score = cli_score (&fixture);
  g_test_message ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " answered",
                  json_object_get_int_member (score, "answered"), json_object_get_int_member (score, "applicable"));
  g_assert_false (json_object_get_null_member (score, "stage_name"));

  results_window = gtk_window_new ();
  results = SIHUA_RESULTS_PAGE (sihua_results_page_new ());
  gtk_window_set_child (GTK_WINDOW (results_window), GTK_WIDGET (results));
  gtk_window_present (GTK_WINDOW (results_window));
  sihua_results_page_set_assessment (results, fixture.store, fixture.assessment);
  while (results->results == NULL || results->loading != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("the results page says %s; sihua-cli score says %s",
                  gtk_label_get_text (results->stage_label),
                  json_object_get_string_member (score, "stage_name"));
  g_assert_nonnull (strstr (gtk_label_get_text (results->stage_label),
                            json_object_get_string_member (score, "stage_name")));
  gtk_window_destroy (GTK_WINDOW (results_window));

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, sihua_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/gui/answering/width/sihua-4hua/en", test_width_sihua_en);
  g_test_add_func ("/gui/answering/width/sihua-4hua/zh_CN", test_width_sihua_zh);
  g_test_add_func ("/gui/answering/width/miit-2024/en", test_width_miit_en);
  g_test_add_func ("/gui/answering/width/miit-2024/zh_CN", test_width_miit_zh);
  g_test_add_func ("/gui/answering/keys-pick-options", test_keys_pick_options);
  g_test_add_func ("/gui/answering/miit-by-keyboard", test_miit_by_keyboard);
  g_test_add_func ("/gui/answering/exclusive-option", test_exclusive_option);
  g_test_add_func ("/gui/answering/undo-redo", test_undo_redo_level);
  g_test_add_func ("/gui/answering/search-notes", test_search_notes);

  return g_test_run ();
}
