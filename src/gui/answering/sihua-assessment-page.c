/* sihua-assessment-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-assessment-page"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "sihua-assessment-page-private.h"
#include "sihua-dimension-row.h"
#include "sihua-question-card.h"

G_DEFINE_FINAL_TYPE (SihuaAssessmentPage, sihua_assessment_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIMENSION_ID,
  PROP_ASSESSMENT_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SAVE_STATE,
  N_PROPS
};

enum {
  SHOW_RESULTS,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/*
 * Auxiliary methods
 */

/* The answering and results pages bring their own style sheet, loaded once
 * with the first of them. */
void
_sihua_answer_pages_load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/sihua-answer.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const char *
text_of (SihuaAssessmentPage *self,
         const SihuaText     *text)
{
  return sihua_text_get (text, self->language, NULL);
}

static gboolean
dimension_is_shown (SihuaAssessmentPage  *self,
                    const SihuaDimension *dimension)
{
  for (guint i = 0; i < dimension->questions->len; i++)
    if (sihua_question_is_relevant (self->model, g_ptr_array_index (dimension->questions, i),
                                    self->answers))
      return TRUE;

  return FALSE;
}

static SihuaQuestionCard *
lookup_card (SihuaAssessmentPage *self,
             const char          *question_id)
{
  return self->cards ? g_hash_table_lookup (self->cards, question_id) : NULL;
}

/* Which cards and dimensions are shown follows the answers: a question whose
 * relevant_if no longer holds disappears, and comes back with its answer
 * when it holds again. */
void
_sihua_assessment_page_refresh (SihuaAssessmentPage *self)
{
  guint total_answered = 0, total_applicable = 0;
  GPtrArray *dimensions;

  if (self->model == NULL || self->disposed)
    return;

  dimensions = sihua_model_get_dimensions (self->model);

  for (guint d = 0; d < dimensions->len; d++)
    {
      const SihuaDimension *dimension = g_ptr_array_index (dimensions, d);
      GtkWidget *row = g_hash_table_lookup (self->rows, dimension->id);
      guint answered, applicable, relevant;

      for (guint i = 0; i < dimension->questions->len; i++)
        {
          const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
          SihuaQuestionCard *card = lookup_card (self, question->id);

          if (card != NULL)
            gtk_widget_set_visible (GTK_WIDGET (card),
                                    sihua_question_is_relevant (self->model, question, self->answers));
        }
      /* The count the company page and sihua-cli show too. */
      sihua_answer_count_dimension (self->model, dimension, self->answers, &answered, &applicable, &relevant);

      if (row != NULL)
        {
          gtk_widget_set_visible (row, relevant > 0);
          sihua_dimension_row_set_progress (SIHUA_DIMENSION_ROW (row), answered, applicable);
        }

      total_answered += answered;
      total_applicable += applicable;
    }

  {
    g_autofree char *overall = NULL;

    overall = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u question answered",
                                            "%u of %u questions answered",
                                            total_applicable),
                               total_answered, total_applicable);
    gtk_label_set_text (self->overall_label, overall);
  }

  /* The dimension on screen may just have become irrelevant. */
  if (self->current != NULL && !dimension_is_shown (self, self->current))
    _sihua_assessment_page_step_dimension (self, 1);
}

static const SihuaDimension *
find_shown_dimension (SihuaAssessmentPage  *self,
                      const SihuaDimension *from,
                      int                   direction)
{
  GPtrArray *dimensions = sihua_model_get_dimensions (self->model);
  guint position = 0;

  if (from == NULL || !g_ptr_array_find (dimensions, from, &position))
    return NULL;

  for (int i = (int) position + direction; i >= 0 && i < (int) dimensions->len; i += direction)
    {
      const SihuaDimension *dimension = g_ptr_array_index (dimensions, i);

      if (dimension_is_shown (self, dimension))
        return dimension;
    }

  return NULL;
}

static void
update_navigation (SihuaAssessmentPage *self)
{
  const SihuaDimension *previous = find_shown_dimension (self, self->current, -1);
  const SihuaDimension *next = find_shown_dimension (self, self->current, 1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.previous-dimension", previous != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.next-dimension", next != NULL);

  adw_button_content_set_label (self->previous_content,
                                previous ? text_of (self, &previous->title) : "");
  gtk_label_set_text (self->next_label, next ? text_of (self, &next->title) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->previous_button), previous != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next != NULL);

  {
    /* Translators: accessible names of the buttons that go to the previous or next dimension */
    g_autofree char *prev_name = g_strdup_printf (_("Previous dimension: %s"),
                                                  previous ? text_of (self, &previous->title) : "");
    g_autofree char *next_name = g_strdup_printf (_("Next dimension: %s"),
                                                  next ? text_of (self, &next->title) : "");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, prev_name, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);
  }
}

/*
 * Question cards
 */

/* The options an exclusive one ("none of these") just took away, by their
 * text and joined for a message; NULL if the new value took none away. */
static char *
cleared_by_exclusive (SihuaAssessmentPage    *self,
                      const SihuaQuestion    *question,
                      const SihuaAnswerValue *value)
{
  SihuaAnswer *before = g_hash_table_lookup (self->answers, question->id);
  g_autoptr(GString) names = NULL;
  gboolean exclusive_chosen = FALSE;

  if (question->type != SIHUA_QUESTION_MULTI || value == NULL || value->kind != SIHUA_ANSWER_OPTIONS
      || before == NULL || before->value == NULL || before->value->kind != SIHUA_ANSWER_OPTIONS)
    return NULL;

  for (guint i = 0; i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->exclusive && g_strv_contains ((const char * const *) value->option_ids, option->id)
          && !g_strv_contains ((const char * const *) before->value->option_ids, option->id))
        exclusive_chosen = TRUE;
    }
  if (!exclusive_chosen)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);

      if (!g_strv_contains ((const char * const *) before->value->option_ids, option->id)
          || g_strv_contains ((const char * const *) value->option_ids, option->id))
        continue;
      if (names->len > 0)
        /* Translators: between the options listed in a message */
        g_string_append (names, _(", "));
      g_string_append (names, text_of (self, &option->text));
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static void
toast_cleared (SihuaAssessmentPage *self,
               const char          *cleared)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* Translators: %s lists the options unticked, e.g. "ERP, MES" */
  message = g_strdup_printf (_("Unticked the other choices: %s"), cleared);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "assessment.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
card_value_chosen_cb (SihuaQuestionCard      *card,
                      const SihuaAnswerValue *value,
                      gboolean                advance,
                      SihuaAssessmentPage    *self)
{
  const SihuaQuestion *question = sihua_question_card_get_question (card);
  const char *note = sihua_question_card_get_note (card);
  const char *evidence = sihua_question_card_get_evidence (card);
  g_autofree char *cleared = cleared_by_exclusive (self, question, value);

  _sihua_assessment_page_save (self, question->id, value, note, evidence);
  if (cleared != NULL)
    toast_cleared (self, cleared);
  _sihua_assessment_page_refresh (self);
  update_navigation (self);

  if (advance)
    _sihua_assessment_page_focus_next (self, question, 1);
}

static void
card_value_rejected_cb (SihuaQuestionCard   *card,
                        gboolean             rejected,
                        SihuaAssessmentPage *self)
{
  const SihuaQuestion *question = sihua_question_card_get_question (card);

  if (self->disposed || self->rejected == NULL)
    return;
  if (rejected)
    g_hash_table_add (self->rejected, g_strdup (question->id));
  else
    g_hash_table_remove (self->rejected, question->id);
  _sihua_assessment_page_update_indicator (self);
}

static void
card_details_changed_cb (SihuaQuestionCard   *card,
                         SihuaAssessmentPage *self)
{
  const SihuaQuestion *question = sihua_question_card_get_question (card);
  const char *note = sihua_question_card_get_note (card);
  const char *evidence = sihua_question_card_get_evidence (card);
  SihuaAnswer *answer = g_hash_table_lookup (self->answers, question->id);
  const SihuaAnswerValue *value = answer ? answer->value : NULL;

  _sihua_assessment_page_save (self, question->id, value, note, evidence);
}

static void
card_move_cb (SihuaQuestionCard   *card,
              int                  direction,
              SihuaAssessmentPage *self)
{
  _sihua_assessment_page_focus_next (self, sihua_question_card_get_question (card), direction);
}

static void card_focus_entered_cb (GtkEventControllerFocus *controller,
                                   SihuaAssessmentPage     *self);

/* Cards built before a dimension is first painted; the rest follow in the
 * idle time after it, so switching to a long dimension stays quick. */
#define FIRST_CARDS 2
#define CARDS_PER_IDLE 2

static GtkWidget *
dimension_box (SihuaAssessmentPage  *self,
               const SihuaDimension *dimension)
{
  GtkWidget *box = gtk_stack_get_child_by_name (self->question_stack, dimension->id);

  if (box == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_stack_add_named (self->question_stack, box, dimension->id);
    }

  return box;
}

/* The number of cards of @dimension built so far: always its first ones. */
static guint
n_built (SihuaAssessmentPage  *self,
         const SihuaDimension *dimension)
{
  guint n = 0;

  while (n < dimension->questions->len
         && lookup_card (self, ((const SihuaQuestion *) g_ptr_array_index (dimension->questions, n))->id))
    n++;

  return n;
}

/**
 * _sihua_assessment_page_build_cards:
 * @count: how many of the dimension's first cards must exist, G_MAXUINT
 *   for all
 *
 * Builds the cards of @dimension that are missing among its first @count.
 */
/* Who said what: read once when the assessment opens (interviewees answer
 * through the details and the CLI, not on the cards). */
static void
load_said (SihuaAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->said, g_ptr_array_unref);
  g_clear_pointer (&self->to_discuss, g_ptr_array_unref);
  self->said = sihua_store_list_interviewee_answers (self->store, self->assessment_id, &error);
  if (self->said == NULL)
    {
      g_warning ("Interviewees' answers not read: %s", error->message);
      return;
    }
  self->to_discuss = sihua_interviewee_answers_to_discuss (self->said);
}

static void
show_said (SihuaAssessmentPage *self,
           SihuaQuestionCard   *card)
{
  const SihuaQuestion *question = sihua_question_card_get_question (card);
  g_autoptr(GPtrArray) heard = sihua_interviewee_answers_for (self->said, question->id);
  g_autoptr(GString) line = NULL;
  gboolean to_discuss;

  if (heard->len == 0)
    {
      sihua_question_card_set_said (card, NULL, FALSE);
      return;
    }
  line = g_string_new (NULL);
  for (guint i = 0; i < heard->len; i++)
    {
      SihuaIntervieweeAnswer *one = g_ptr_array_index (heard, i);
      g_autofree char *value = sihua_answer_value_describe (one->value, question, self->model, self->language);

      if (i > 0)
        g_string_append (line, " · ");
      /* TRANSLATORS: one interviewee's answer on a question card: name, answer */
      g_string_append_printf (line, _("%s: %s"), one->name, value);
    }
  to_discuss = g_ptr_array_find_with_equal_func (self->to_discuss, question->id, g_str_equal, NULL);
  if (to_discuss)
    {
      /* TRANSLATORS: what the interviewees said, when they disagree */
      g_autofree char *flagged = g_strdup_printf (_("%s — to discuss"), line->str);

      g_string_assign (line, flagged);
    }
  sihua_question_card_set_said (card, line->str, to_discuss);
}

static void
said_changed_cb (GtkWidget           *said_button,
                 SihuaAssessmentPage *self)
{
  GtkWidget *card = gtk_widget_get_ancestor (said_button, SIHUA_TYPE_QUESTION_CARD);

  load_said (self);
  if (card != NULL && self->said != NULL)
    show_said (self, SIHUA_QUESTION_CARD (card));
}

void
_sihua_assessment_page_build_cards (SihuaAssessmentPage  *self,
                                    const SihuaDimension *dimension,
                                    guint                 count)
{
  GtkWidget *box = dimension_box (self, dimension);
  guint i = n_built (self, dimension);

  for (; i < MIN (count, dimension->questions->len); i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
      GtkWidget *card = sihua_question_card_new (self->model, question, i + 1, self->language);
      GtkEventController *focus;
      GtkWidget *said_button;

      sihua_question_card_set_answer (SIHUA_QUESTION_CARD (card),
                                      g_hash_table_lookup (self->answers, question->id));
      sihua_question_card_show_evidence (SIHUA_QUESTION_CARD (card), self->store, self->assessment_id);
      said_button = sihua_question_card_show_said_button (SIHUA_QUESTION_CARD (card), self->store,
                                                          self->assessment_id);
      if (said_button != NULL)
        g_signal_connect_object (said_button, "changed", G_CALLBACK (said_changed_cb), self, 0);
      gtk_widget_set_visible (card, sihua_question_is_relevant (self->model, question, self->answers));
      g_signal_connect_object (card, "value-chosen", G_CALLBACK (card_value_chosen_cb), self, 0);
      g_signal_connect_object (card, "details-changed", G_CALLBACK (card_details_changed_cb), self, 0);
      g_signal_connect_object (card, "move", G_CALLBACK (card_move_cb), self, 0);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "enter", G_CALLBACK (card_focus_entered_cb), self, 0);
      gtk_widget_add_controller (card, focus);
      g_signal_connect_object (card, "value-rejected", G_CALLBACK (card_value_rejected_cb), self, 0);
      g_hash_table_insert (self->cards, g_strdup (question->id), card);
      show_said (self, SIHUA_QUESTION_CARD (card));
      gtk_box_append (GTK_BOX (box), card);
    }
}

/* Only the dimension on screen: a card added to a page out of sight gets
 * its style and sizes only when that page is shown, all at once, which made
 * going back to a dimension slower than the first visit. A dimension left
 * half built is finished when it is shown again. */
static gboolean
build_idle_cb (gpointer user_data)
{
  SihuaAssessmentPage *self = user_data;

  if (self->model != NULL && self->current != NULL
      && n_built (self, self->current) < self->current->questions->len)
    {
      _sihua_assessment_page_build_cards (self, self->current,
                                          n_built (self, self->current) + CARDS_PER_IDLE);
      return G_SOURCE_CONTINUE;
    }

  self->build_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static GtkWidget *
build_dimension_page (SihuaAssessmentPage  *self,
                      const SihuaDimension *dimension)
{
  gint64 started = g_get_monotonic_time ();
  GtkWidget *box;

  _sihua_assessment_page_build_cards (self, dimension, FIRST_CARDS);
  box = dimension_box (self, dimension);
  g_debug ("%u of %u cards of %s built in %.1f ms", n_built (self, dimension),
           dimension->questions->len, dimension->id,
           (g_get_monotonic_time () - started) / 1000.0);

  return box;
}

static SihuaQuestionCard *
first_card_to_answer (SihuaAssessmentPage  *self,
                      const SihuaDimension *dimension)
{
  SihuaQuestionCard *first = NULL;

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
      SihuaQuestionCard *card;

      /* Only the cards up to the one focused are needed now. */
      if (lookup_card (self, question->id) == NULL
          && sihua_question_is_relevant (self->model, question, self->answers)
          && !g_hash_table_contains (self->answers, question->id))
        _sihua_assessment_page_build_cards (self, dimension, i + 1);
      card = lookup_card (self, question->id);

      if (card == NULL || !gtk_widget_get_visible (GTK_WIDGET (card)))
        continue;
      if (first == NULL)
        first = card;
      if (!g_hash_table_contains (self->answers, question->id))
        return card;
    }

  return first;
}

/* The card the keyboard answers stands out, also before it has focus (on
 * entering a dimension from the list). */
static void
mark_current_card (SihuaAssessmentPage *self,
                   SihuaQuestionCard   *card)
{
  if (self->current_card == card)
    return;

  if (self->current_card != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->current_card), "current");
  g_set_weak_pointer (&self->current_card, card);
  if (card != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (card), "current");
}

/* Scrolls so the whole card shows, its options too, or its top when it is
 * taller than the view: the viewport alone only brings the focused button
 * into view, which left the next question's title on the bottom edge. */
static void
scroll_card_into_view (SihuaAssessmentPage *self,
                       SihuaQuestionCard   *card)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  graphene_rect_t bounds;
  double top, bottom, value, page;

  if (content == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (card), content, &bounds))
    return;

  top = bounds.origin.y - 12;
  bottom = bounds.origin.y + bounds.size.height + 12;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);

  if (bottom - top > page || top < value)
    value = top;
  else if (bottom > value + page)
    value = bottom - page;

  gtk_adjustment_set_value (adjustment, value);
}

/* Once more after the next frame's layout: a card just built, or one that
 * grew with its "Saving…" status, has its real position only then. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);

  if (self->scroll_ticks-- > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  if (self->current_card != NULL && gtk_widget_get_visible (GTK_WIDGET (self->current_card)))
    scroll_card_into_view (self, self->current_card);

  return G_SOURCE_REMOVE;
}

static void
card_focus_entered_cb (GtkEventControllerFocus *controller,
                       SihuaAssessmentPage     *self)
{
  mark_current_card (self, SIHUA_QUESTION_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static gboolean
focus_later_cb (gpointer user_data)
{
  SihuaAssessmentPage *self = user_data;
  SihuaQuestionCard *card;

  self->focus_idle_id = 0;

  card = self->focus_question ? lookup_card (self, self->focus_question) : NULL;
  if (card != NULL && gtk_widget_get_visible (GTK_WIDGET (card)))
    {
      sihua_question_card_focus_choice (card);
      mark_current_card (self, card);
      scroll_card_into_view (self, card);
      self->scroll_ticks = 1;
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
    }

  g_clear_pointer (&self->focus_question, g_free);

  return G_SOURCE_REMOVE;
}

/* Focus waits for the next frame's layout, so the viewport scrolls to a card
 * that has its real position. */
static void
focus_card_later (SihuaAssessmentPage *self,
                  SihuaQuestionCard   *card)
{
  g_free (self->focus_question);
  self->focus_question = g_strdup (sihua_question_card_get_question (card)->id);
  if (self->focus_idle_id == 0)
    self->focus_idle_id = g_idle_add (focus_later_cb, self);
}

void
_sihua_assessment_page_focus_next (SihuaAssessmentPage *self,
                                   const SihuaQuestion *from,
                                   int                  direction)
{
  const SihuaDimension *dimension = from->dimension;
  guint position;

  if (!g_ptr_array_find (dimension->questions, from, &position))
    return;

  for (int i = (int) position + direction; i >= 0 && i < (int) dimension->questions->len; i += direction)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
      SihuaQuestionCard *card;

      /* Going down may reach cards the idle time has not built yet. */
      _sihua_assessment_page_build_cards (self, dimension, i + 1);
      card = lookup_card (self, question->id);

      if (card != NULL && gtk_widget_get_visible (GTK_WIDGET (card)))
        {
          focus_card_later (self, card);
          return;
        }
    }

  /* After the last question of a dimension, the button to the next one. */
  if (direction > 0 && gtk_widget_get_visible (GTK_WIDGET (self->next_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

/* The rest of the cards of the dimension on screen, once its first frame
 * is painted: an idle callback could otherwise run while the frame clock
 * waits for its turn, and make that frame lay out more cards. */
static void
build_rest_later (SihuaAssessmentPage *self)
{
  if (!self->disposed && self->build_idle_id == 0 && self->current != NULL
      && n_built (self, self->current) < self->current->questions->len)
    self->build_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, build_idle_cb, self, NULL);
}

/* Microseconds of processor time the calling thread has used. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
stop_waiting_for_paint (SihuaAssessmentPage *self)
{
  /* A window closed before the paint disposes its frame clock, which drops
   * every handler on it: this one may be gone already. */
  if (self->paint_clock != NULL && self->after_paint_id != 0
      && g_signal_handler_is_connected (self->paint_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->paint_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->paint_clock);
}

static void
after_paint_cb (GdkFrameClock       *clock,
                SihuaAssessmentPage *self)
{
  stop_waiting_for_paint (self);
  build_rest_later (self);
  self->last_switch_ms = (g_get_monotonic_time () - self->switch_started) / 1000.0;
  /* The processor time of this thread too: on a busy machine the wall
   * clock mostly measures the other programs. */
  g_debug ("Dimension shown and painted in %.1f ms (%.1f ms CPU)", self->last_switch_ms,
           (thread_cpu_time () - self->switch_started_cpu) / 1000.0);
}

/**
 * _sihua_assessment_page_show_dimension:
 * @focus: whether to move focus to the first question to answer
 */
void
_sihua_assessment_page_show_dimension (SihuaAssessmentPage  *self,
                                       const SihuaDimension *dimension,
                                       gboolean              focus)
{
  GdkFrameClock *clock;
  GtkWidget *page;
  GtkWidget *row;

  g_assert (dimension != NULL);

  self->switch_started = g_get_monotonic_time ();
  self->switch_started_cpu = thread_cpu_time ();

  /* Building the previous dimension's cards would now build this one's,
   * before its first frame; it starts again once that frame is painted. */
  g_clear_handle_id (&self->build_idle_id, g_source_remove);

  page = gtk_stack_get_child_by_name (self->question_stack, dimension->id);
  if (page == NULL)
    page = build_dimension_page (self, dimension);
  gtk_stack_set_visible_child (self->question_stack, page);

  if (self->current != dimension)
    {
      self->current = dimension;
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIMENSION_ID]);
    }

  gtk_label_set_text (self->dimension_title, text_of (self, &dimension->title));
  gtk_label_set_text (self->dimension_description, text_of (self, &dimension->description));
  gtk_widget_set_visible (GTK_WIDGET (self->dimension_description),
                          text_of (self, &dimension->description) != NULL);

  row = g_hash_table_lookup (self->rows, dimension->id);
  if (row != NULL && gtk_list_box_get_selected_row (self->dimension_list) != GTK_LIST_BOX_ROW (row))
    {
      self->selecting++;
      gtk_list_box_select_row (self->dimension_list, GTK_LIST_BOX_ROW (row));
      self->selecting--;
    }

  update_navigation (self);

  {
    SihuaQuestionCard *card = first_card_to_answer (self, dimension);

    mark_current_card (self, card);
    if (focus && card != NULL)
      focus_card_later (self, card);
  }

  stop_waiting_for_paint (self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      self->paint_clock = g_object_ref (clock);
      self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
    }
  else
    build_rest_later (self);
}

void
_sihua_assessment_page_step_dimension (SihuaAssessmentPage *self,
                                       int                  direction)
{
  const SihuaDimension *dimension;

  if (self->current == NULL)
    return;

  dimension = find_shown_dimension (self, self->current, direction);
  if (dimension == NULL && !dimension_is_shown (self, self->current))
    dimension = find_shown_dimension (self, self->current, -direction);
  if (dimension != NULL)
    _sihua_assessment_page_show_dimension (self, dimension, TRUE);
}

/*
 * Callbacks
 */

static void
dimension_selected_cb (SihuaAssessmentPage *self,
                       GtkListBoxRow       *row)
{
  if (self->selecting > 0 || row == NULL)
    return;

  _sihua_assessment_page_show_dimension (self,
                                         sihua_dimension_row_get_dimension (SIHUA_DIMENSION_ROW (row)),
                                         FALSE);
}

static void
dimension_activated_cb (SihuaAssessmentPage *self,
                        GtkListBoxRow       *row)
{
  SihuaQuestionCard *card;

  if (self->current == NULL)
    return;

  /* Choosing a dimension with click or Enter takes the keyboard to its
   * questions; arrowing through the list only shows them. */
  card = first_card_to_answer (self, self->current);
  if (card != NULL)
    focus_card_later (self, card);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
dimension_header_func (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  SihuaAssessmentPage *self = user_data;
  const SihuaDimension *dimension = sihua_dimension_row_get_dimension (SIHUA_DIMENSION_ROW (row));
  const SihuaDimension *previous = before
    ? sihua_dimension_row_get_dimension (SIHUA_DIMENSION_ROW (before))
    : NULL;
  GtkWidget *header;

  if (previous != NULL && previous->area == dimension->area)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (text_of (self, &dimension->area->title));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "area-header");
  gtk_list_box_row_set_header (row, header);
}

static void
show_results_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);

  _sihua_assessment_page_flush_details (self);
  g_signal_emit (self, signals[SHOW_RESULTS], 0);
}

static void
step_dimension_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);

  _sihua_assessment_page_step_dimension (self,
                                         g_str_equal (action_name, "assessment.next-dimension") ? 1 : -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (widget);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _sihua_assessment_page_undo (SIHUA_ASSESSMENT_PAGE (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _sihua_assessment_page_redo (SIHUA_ASSESSMENT_PAGE (widget));
}

typedef struct
{
  SihuaAssessmentPage *self;
  guint                serial;
} LoadData;

static LoadData *
load_data_new (SihuaAssessmentPage *self)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->serial = self->load_serial;

  return data;
}

static void
answers_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(SihuaAssessmentPage) self = data->self;
  g_autoptr(GError) error = NULL;
  const SihuaDimension *dimension = NULL;
  guint serial = data->serial;
  gboolean loaded;

  g_free (data);
  loaded = sihua_answer_sheet_load_finish (SIHUA_ANSWER_SHEET (object), result, &error);

  /* A later sihua_assessment_page_set_assessment() wins. */
  if (self->disposed || self->load_serial != serial)
    return;

  if (!loaded)
    {
      _sihua_assessment_page_toast (self, error->message);
      return;
    }
  _sihua_assessment_page_sheet_loaded (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->toast_overlay), TRUE);
  _sihua_assessment_page_refresh (self);

  /* The wish is used up here: another assessment opened later starts from
   * its own place, not this one's. */
  if (self->wanted_dimension != NULL)
    dimension = sihua_model_lookup_dimension (self->model, self->wanted_dimension);
  g_clear_pointer (&self->wanted_dimension, g_free);
  if (dimension == NULL || !dimension_is_shown (self, dimension))
    {
      GPtrArray *dimensions = sihua_model_get_dimensions (self->model);

      for (guint i = 0; i < dimensions->len && dimension == NULL; i++)
        if (dimension_is_shown (self, g_ptr_array_index (dimensions, i)))
          dimension = g_ptr_array_index (dimensions, i);
    }
  if (dimension != NULL)
    _sihua_assessment_page_show_dimension (self, dimension, TRUE);

  if (self->wanted_question != NULL)
    {
      g_autofree char *question_id = g_steal_pointer (&self->wanted_question);
      sihua_assessment_page_show_question (self, question_id);
    }
}

/* Sets a string property, notifying only when it changes. */
static void
set_string_property (SihuaAssessmentPage  *self,
                     char                **field,
                     const char           *value,
                     guint                 prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The header names the company and the assessment's date. */
void
_sihua_assessment_page_update_titles (SihuaAssessmentPage *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *subtitle = NULL;

  assessment = sihua_store_get_assessment (self->store, self->assessment_id, NULL);
  if (assessment != NULL)
    {
      company = sihua_store_get_company (self->store, assessment->company_id, NULL);
      subtitle = g_strdup_printf (_("Assessment of %s"), assessment->date);
    }
  _sihua_assessment_page_update_finalized (self, assessment);

  set_string_property (self, &self->title, company != NULL ? company->name : "", PROP_TITLE);
  set_string_property (self, &self->subtitle, subtitle != NULL ? subtitle : "", PROP_SUBTITLE);
}

void
_sihua_assessment_page_set_save_state (SihuaAssessmentPage *self,
                                       SihuaSaveState       state)
{
  if (self->save_state == state)
    return;

  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

/*
 * GObject overrides
 */

static void
sihua_assessment_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SihuaAssessmentPage *self = SIHUA_ASSESSMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIMENSION_ID:
      g_value_set_string (value, sihua_assessment_page_get_dimension_id (self));
      break;

    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, sihua_assessment_page_get_assessment_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, sihua_assessment_page_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, sihua_assessment_page_get_subtitle (self));
      break;

    case PROP_SAVE_STATE:
      g_value_set_enum (value, sihua_assessment_page_get_save_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_assessment_page_dispose (GObject *object)
{
  SihuaAssessmentPage *self = (SihuaAssessmentPage *)object;

  /* Details being typed are written before the page goes; the queue keeps
   * the page (and the application) alive until they are committed. */
  if (!self->disposed)
    _sihua_assessment_page_flush_details (self);
  self->disposed = TRUE;

  g_clear_handle_id (&self->focus_idle_id, g_source_remove);
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_weak_pointer (&self->current_card);
  stop_waiting_for_paint (self);
  /* The sheet goes on until what it was given is committed. */
  _sihua_assessment_page_set_sheet (self, NULL);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->rejected, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (sihua_assessment_page_parent_class)->dispose (object);
}

static void
sihua_assessment_page_finalize (GObject *object)
{
  SihuaAssessmentPage *self = (SihuaAssessmentPage *)object;

  g_clear_object (&self->sheet);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->wanted_dimension, g_free);
  g_clear_pointer (&self->wanted_question, g_free);
  g_clear_pointer (&self->focus_question, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->said, g_ptr_array_unref);
  g_clear_pointer (&self->to_discuss, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sihua_assessment_page_parent_class)->finalize (object);
}

static void
sihua_assessment_page_class_init (SihuaAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sihua_assessment_page_get_property;
  object_class->dispose = sihua_assessment_page_dispose;
  object_class->finalize = sihua_assessment_page_finalize;

  properties[PROP_DIMENSION_ID] =
    g_param_spec_string ("dimension-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, SIHUA_TYPE_SAVE_STATE, SIHUA_SAVE_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihuaAssessmentPage::show-results:
   *
   * The consultant asked for the results of this assessment.
   */
  signals[SHOW_RESULTS] = g_signal_new ("show-results",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, flap);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, dimension_list);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, search_list);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, dimension_title);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, dimension_description);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, save_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, save_icon);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, question_stack);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, previous_content);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, finalize_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, finalized_bar);
  gtk_widget_class_bind_template_child (widget_class, SihuaAssessmentPage, finalized_label);
  gtk_widget_class_bind_template_callback (widget_class, dimension_selected_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_sihua_assessment_page_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_activate_cb",
                                                G_CALLBACK (_sihua_assessment_page_search_activate_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_stop_cb",
                                                G_CALLBACK (_sihua_assessment_page_search_stop_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_row_activated_cb",
                                                G_CALLBACK (_sihua_assessment_page_search_row_activated_cb));

  gtk_widget_class_install_action (widget_class, "assessment.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "assessment.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "assessment.show-results", NULL, show_results_action);
  gtk_widget_class_install_action (widget_class, "assessment.previous-dimension", NULL, step_dimension_action);
  gtk_widget_class_install_action (widget_class, "assessment.next-dimension", NULL, step_dimension_action);
  gtk_widget_class_install_action (widget_class, "assessment.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "assessment.details", NULL, _sihua_assessment_page_details_action);
  gtk_widget_class_install_action (widget_class, "assessment.finalize", NULL, _sihua_assessment_page_finalize_action);
  gtk_widget_class_install_action (widget_class, "assessment.reopen", NULL, _sihua_assessment_page_reopen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "assessment.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessment.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessment.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "assessment.show-results", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "assessment.previous-dimension", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "assessment.next-dimension", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "assessment.find", NULL);

  g_type_ensure (SIHUA_TYPE_DIMENSION_ROW);
  g_type_ensure (SIHUA_TYPE_QUESTION_CARD);

  _sihua_answer_pages_load_css ();
}

static void
sihua_assessment_page_init (SihuaAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = sihua_language_from_locale ();
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->answers = sihua_answer_table_new ();

  gtk_list_box_set_header_func (self->dimension_list, dimension_header_func, self, NULL);
  g_signal_connect_object (self->dimension_list, "row-activated",
                           G_CALLBACK (dimension_activated_cb), self, G_CONNECT_SWAPPED);
  _sihua_assessment_page_search_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.previous-dimension", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.next-dimension", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->previous_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
}

/*
 * Public API
 */

GtkWidget *
sihua_assessment_page_new (void)
{
  return g_object_new (SIHUA_TYPE_ASSESSMENT_PAGE, NULL);
}

static void
clear_page (SihuaAssessmentPage *self)
{
  GtkWidget *child;

  self->current = NULL;
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  g_hash_table_remove_all (self->cards);
  g_hash_table_remove_all (self->rejected);
  g_hash_table_remove_all (self->rows);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->question_stack))) != NULL)
    gtk_stack_remove (self->question_stack, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dimension_list))) != NULL)
    gtk_list_box_remove (self->dimension_list, child);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/**
 * sihua_assessment_page_set_assessment:
 * @store: the open store
 * @assessment_id: the assessment to answer
 *
 * Shows @assessment_id with its model (the version pinned by the
 * assessment) and its stored answers, loaded without blocking. Opens on the
 * dimension set with sihua_assessment_page_set_dimension_id() before, else
 * on the first one.
 */
void
sihua_assessment_page_set_assessment (SihuaAssessmentPage *self,
                                      SihuaStore          *store,
                                      gint64               assessment_id)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *dimensions;

  g_return_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (SIHUA_IS_STORE (store));

  _sihua_assessment_page_flush_details (self);
  clear_page (self);

  g_set_object (&self->store, store);
  if (self->assessment_id != assessment_id)
    {
      self->assessment_id = assessment_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_ID]);
    }
  _sihua_assessment_page_update_titles (self);
  load_said (self);
  g_clear_object (&self->model);
  sheet = sihua_answer_sheet_new (store, assessment_id);
  _sihua_assessment_page_set_sheet (self, sheet);

  model = sihua_store_load_assessment_model (store, assessment_id, &error);
  if (model == NULL)
    {
      gtk_label_set_text (self->dimension_title, _("This assessment cannot be opened"));
      gtk_label_set_text (self->dimension_description, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->dimension_description), TRUE);
      return;
    }
  self->model = g_steal_pointer (&model);

  dimensions = sihua_model_get_dimensions (self->model);
  for (guint i = 0; i < dimensions->len; i++)
    {
      const SihuaDimension *dimension = g_ptr_array_index (dimensions, i);
      GtkWidget *row = sihua_dimension_row_new (dimension, self->language);

      g_hash_table_insert (self->rows, g_strdup (dimension->id), row);
      gtk_list_box_append (self->dimension_list, row);
    }

  /* Until the answers are in, nothing can be answered. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->toast_overlay), FALSE);
  self->load_serial++;

  sihua_answer_sheet_load_async (sheet, NULL, answers_loaded_cb, load_data_new (self));
}

gint64
sihua_assessment_page_get_assessment_id (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), 0);

  return self->assessment_id;
}

/**
 * sihua_assessment_page_get_title:
 *
 * Returns: the name of the assessed company, or ""
 */
const char *
sihua_assessment_page_get_title (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), NULL);

  return self->title != NULL ? self->title : "";
}

/**
 * sihua_assessment_page_get_subtitle:
 *
 * Returns: which assessment this is ("Assessment of 2026-03-02"), or ""
 */
const char *
sihua_assessment_page_get_subtitle (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), NULL);

  return self->subtitle != NULL ? self->subtitle : "";
}

/**
 * sihua_assessment_page_get_save_state:
 *
 * Returns: where the answers given on the page stand on their way to the
 *   database
 */
SihuaSaveState
sihua_assessment_page_get_save_state (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), SIHUA_SAVE_STATE_IDLE);

  return self->save_state;
}

/**
 * sihua_assessment_page_get_dimension_id:
 *
 * Returns: (nullable): the id of the dimension on screen
 */
const char *
sihua_assessment_page_get_dimension_id (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), NULL);

  if (self->current != NULL)
    return self->current->id;

  return self->wanted_dimension;
}

/**
 * sihua_assessment_page_set_dimension_id:
 * @dimension_id: a dimension of the assessment's model
 *
 * Shows that dimension, or remembers it for when the assessment is loaded.
 *
 * Returns: %FALSE if the model has no such dimension, or it is not shown
 */
gboolean
sihua_assessment_page_set_dimension_id (SihuaAssessmentPage *self,
                                        const char          *dimension_id)
{
  const SihuaDimension *dimension;

  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (dimension_id != NULL, FALSE);

  if (self->model == NULL || self->current == NULL)
    {
      g_free (self->wanted_dimension);
      self->wanted_dimension = g_strdup (dimension_id);
      return TRUE;
    }

  dimension = sihua_model_lookup_dimension (self->model, dimension_id);
  if (dimension == NULL || !dimension_is_shown (self, dimension))
    return FALSE;

  _sihua_assessment_page_show_dimension (self, dimension, TRUE);
  return TRUE;
}

/**
 * sihua_assessment_page_show_question:
 * @question_id: a question of the assessment's model
 *
 * Shows the question's dimension and moves focus to the question (for a
 * consistency flag clicked on the results page).
 *
 * Returns: %FALSE if there is no such question or it is not shown
 */
gboolean
sihua_assessment_page_show_question (SihuaAssessmentPage *self,
                                     const char          *question_id)
{
  const SihuaQuestion *question;
  SihuaQuestionCard *card;

  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (self->model == NULL)
    return FALSE;

  if (self->current == NULL)
    {
      /* Still loading: show it once the answers are in. */
      g_free (self->wanted_question);
      self->wanted_question = g_strdup (question_id);
      return TRUE;
    }

  question = sihua_model_lookup_question (self->model, question_id);
  if (question == NULL || !sihua_question_is_relevant (self->model, question, self->answers))
    return FALSE;

  _sihua_assessment_page_show_dimension (self, question->dimension, FALSE);
  _sihua_assessment_page_build_cards (self, question->dimension, G_MAXUINT);
  card = lookup_card (self, question_id);
  if (card == NULL)
    return FALSE;

  focus_card_later (self, card);
  return TRUE;
}

/**
 * sihua_assessment_page_get_last_switch_time:
 *
 * Returns: how long the last dimension switch took until painted, in ms
 */
double
sihua_assessment_page_get_last_switch_time (SihuaAssessmentPage *self)
{
  g_return_val_if_fail (SIHUA_IS_ASSESSMENT_PAGE (self), 0);

  return self->last_switch_ms;
}
