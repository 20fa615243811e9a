/* sihua-question-card.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-question-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-evidence-strip.h"
#include "sihua-said-button.h"
#include "sihua-question-card-private.h"

/* A question card: its value and details, keyboard answering, and its public API. */

/* Note and evidence are written this long after the last keystroke, so a
 * note typed in one go becomes one history entry, not one per letter. */
#define DETAILS_DELAY_MS 700

G_DEFINE_FINAL_TYPE (SihuaQuestionCard, sihua_question_card, ADW_TYPE_BIN)

enum {
  VALUE_CHOSEN,
  DETAILS_CHANGED,
  MOVE,
  VALUE_REJECTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/*
 * Auxiliary methods
 */

static gboolean
is_choice_question (const SihuaQuestion *question)
{
  return question->type == SIHUA_QUESTION_LADDER
      || question->type == SIHUA_QUESTION_SINGLE
      || question->type == SIHUA_QUESTION_YESNO;
}

void
_sihua_question_card_emit_value (SihuaQuestionCard      *self,
                                 const SihuaAnswerValue *value,
                                 gboolean                advance)
{
  g_clear_pointer (&self->value, sihua_answer_value_free);
  if (value != NULL)
    self->value = sihua_answer_value_copy (value);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  _sihua_question_card_set_rejected (self, FALSE);
  g_signal_emit (self, signals[VALUE_CHOSEN], 0, value, advance);
}

void
_sihua_question_card_set_rejected (SihuaQuestionCard *self,
                                   gboolean           rejected)
{
  if (self->rejected == rejected)
    return;

  self->rejected = rejected;
  g_signal_emit (self, signals[VALUE_REJECTED], 0, rejected);
}

static void
sync_value_widgets (SihuaQuestionCard *self)
{
  const SihuaAnswerValue *value = self->value;
  gboolean is_na = value != NULL && value->kind == SIHUA_ANSWER_NA;

  self->syncing++;

  gtk_toggle_button_set_active (self->na_button, is_na);
  if (is_na)
    gtk_widget_add_css_class (GTK_WIDGET (self->options_box), "not-applicable");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->options_box), "not-applicable");

  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);
      const SihuaOption *option = g_ptr_array_index (self->question->options, i);
      gboolean active = FALSE;

      if (value != NULL)
        {
          switch (value->kind)
            {
            case SIHUA_ANSWER_LEVEL:
              active = option->level == value->level;
              break;
            case SIHUA_ANSWER_OPTION:
              active = g_strcmp0 (option->id, value->option_id) == 0;
              break;
            case SIHUA_ANSWER_OPTIONS:
              active = value->option_ids != NULL
                    && g_strv_contains ((const char * const *) value->option_ids, option->id);
              break;
            case SIHUA_ANSWER_NA:
            case SIHUA_ANSWER_NUMBER:
            case SIHUA_ANSWER_TEXT:
            default:
              break;
            }
        }

      if (GTK_IS_TOGGLE_BUTTON (button))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
      else
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
    }

  if (self->value_entry != NULL)
    {
      g_autofree char *text = NULL;

      if (value != NULL && value->kind == SIHUA_ANSWER_NUMBER)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value->number));
        }
      else if (value != NULL && value->kind == SIHUA_ANSWER_TEXT)
        text = g_strdup (value->text);

      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text ? text : "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->value_entry), TRUE);
    }

  self->syncing--;
}

/*
 * Callbacks
 */

static void
na_toggled_cb (GtkToggleButton   *button,
               SihuaQuestionCard *self)
{
  if (self->syncing > 0)
    return;

  if (gtk_toggle_button_get_active (button))
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_na ();

      sync_value_widgets (self);
      self->syncing++;
      for (guint i = 0; i < self->option_buttons->len; i++)
        {
          GtkWidget *option = g_ptr_array_index (self->option_buttons, i);

          if (GTK_IS_TOGGLE_BUTTON (option))
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (option), FALSE);
          else
            gtk_check_button_set_active (GTK_CHECK_BUTTON (option), FALSE);
        }
      if (self->value_entry != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
      gtk_widget_add_css_class (GTK_WIDGET (self->options_box), "not-applicable");
      self->syncing--;

      _sihua_question_card_emit_value (self, value, TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->options_box), "not-applicable");
      _sihua_question_card_emit_value (self, NULL, FALSE);
    }
}

static void
flush_details (SihuaQuestionCard *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  const char *evidence = gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry));

  g_clear_handle_id (&self->details_timeout_id, g_source_remove);

  if (g_strcmp0 (note, self->note ? self->note : "") == 0
      && g_strcmp0 (evidence, self->evidence ? self->evidence : "") == 0)
    return;

  g_free (self->note);
  self->note = *note ? g_strdup (note) : NULL;
  g_free (self->evidence);
  self->evidence = *evidence ? g_strdup (evidence) : NULL;

  g_signal_emit (self, signals[DETAILS_CHANGED], 0);
}

static gboolean
details_timeout_cb (gpointer user_data)
{
  SihuaQuestionCard *self = user_data;

  self->details_timeout_id = 0;
  flush_details (self);

  return G_SOURCE_REMOVE;
}

static void
details_edited_cb (SihuaQuestionCard *self)
{
  if (self->syncing > 0)
    return;

  g_clear_handle_id (&self->details_timeout_id, g_source_remove);
  self->details_timeout_id = g_timeout_add (DETAILS_DELAY_MS, details_timeout_cb, self);
}

static void
details_activate_cb (SihuaQuestionCard *self)
{
  flush_details (self);
}

void
_sihua_question_card_details_leave_cb (GtkEventControllerFocus *controller,
                                       SihuaQuestionCard       *self)
{
  flush_details (self);
}

static gboolean
focus_is_in_text (SihuaQuestionCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_EDITABLE (focus);
}

static int
digit_of_key (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

/* The keys of the options of a choice question, in order: the digits first,
 * then the letters, N left out as it answers "not applicable". Long lists
 * such as the industries get a key for every option, one key press each. */
static const char option_keys[] = "123456789ABCDEFGHIJKLMOPQRSTUVWXYZ";

/**
 * _sihua_question_card_option_key:
 * @index: the position of an option, from 0
 *
 * Returns: the key that picks the option, or '\0' past the last key
 */
char
_sihua_question_card_option_key (guint index)
{
  return index < sizeof option_keys - 1 ? option_keys[index] : '\0';
}

/* The option @keyval picks, or -1. */
static int
option_of_key (SihuaQuestionCard *self,
               guint              keyval)
{
  guint32 c = gdk_keyval_to_unicode (gdk_keyval_to_upper (keyval));
  int digit = digit_of_key (keyval);
  const char *found;

  if (digit >= 1)
    c = '0' + digit;
  if (c == 0 || c > 127 || (found = strchr (option_keys, (int) c)) == NULL)
    return -1;
  if ((guint) (found - option_keys) >= self->option_buttons->len)
    return -1;

  return found - option_keys;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SihuaQuestionCard     *self)
{
  int digit;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      g_signal_emit (self, signals[MOVE], 0, -1);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      g_signal_emit (self, signals[MOVE], 0, 1);
      return GDK_EVENT_STOP;
    }

  /* Typing a note must never pick a level. */
  if (focus_is_in_text (self))
    return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_n || keyval == GDK_KEY_N)
      && gtk_widget_get_visible (GTK_WIDGET (self->na_button)))
    {
      gtk_toggle_button_set_active (self->na_button,
                                    !gtk_toggle_button_get_active (self->na_button));
      return GDK_EVENT_STOP;
    }

  digit = digit_of_key (keyval);
  if (self->question->type == SIHUA_QUESTION_LADDER)
    return digit >= 0 && sihua_question_card_pick_level (self, digit) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  /* Other choice questions: the key shown before each option picks it
   * (1 the first one, 2 the second…, then A, B…); in a multiple choice it
   * ticks or unticks the option. */
  if (is_choice_question (self->question) || self->question->type == SIHUA_QUESTION_MULTI)
    {
      int index = option_of_key (self, keyval);
      GtkWidget *button;

      if (index < 0)
        return GDK_EVENT_PROPAGATE;

      button = g_ptr_array_index (self->option_buttons, index);
      if (GTK_IS_TOGGLE_BUTTON (button))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      else if (self->question->type == SIHUA_QUESTION_MULTI)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                     !gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
      else
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      gtk_widget_grab_focus (button);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/*
 * GObject overrides
 */

static void
sihua_question_card_dispose (GObject *object)
{
  SihuaQuestionCard *self = (SihuaQuestionCard *)object;

  g_clear_handle_id (&self->details_timeout_id, g_source_remove);

  G_OBJECT_CLASS (sihua_question_card_parent_class)->dispose (object);
}

static void
sihua_question_card_finalize (GObject *object)
{
  SihuaQuestionCard *self = (SihuaQuestionCard *)object;

  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->value, sihua_answer_value_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sihua_question_card_parent_class)->finalize (object);
}

static void
sihua_question_card_class_init (SihuaQuestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_question_card_dispose;
  object_class->finalize = sihua_question_card_finalize;

  /**
   * SihuaQuestionCard::value-chosen:
   * @value: (nullable): the SihuaAnswerValue given, %NULL to clear the answer
   * @advance: whether focus should move on to the next question
   */
  signals[VALUE_CHOSEN] = g_signal_new ("value-chosen",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_BOOLEAN);

  /**
   * SihuaQuestionCard::details-changed:
   *
   * The note or the evidence was edited; read them with
   * sihua_question_card_get_note() and sihua_question_card_get_evidence().
   */
  signals[DETAILS_CHANGED] = g_signal_new ("details-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  /**
   * SihuaQuestionCard::move:
   * @direction: -1 for the question above, 1 for the one below
   */
  signals[MOVE] = g_signal_new ("move",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * SihuaQuestionCard::value-rejected:
   * @rejected: %TRUE when the value typed was refused (and so not saved),
   *   %FALSE once the card no longer holds a refused value
   */
  signals[VALUE_REJECTED] = g_signal_new ("value-rejected",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-question-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, card_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, error_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, na_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, options_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, evidence_entry);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, help_expander);
  gtk_widget_class_bind_template_child (widget_class, SihuaQuestionCard, help_box);
  gtk_widget_class_bind_template_callback (widget_class, na_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_activate_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "questioncard");
}

static void
sihua_question_card_init (SihuaQuestionCard *self)
{
  GtkEventController *keys;

  self->option_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/*
 * Public API
 */

/**
 * sihua_question_card_new:
 * @model: the model @question belongs to
 * @question: the question shown; must stay valid as long as @model
 * @number: its number within its dimension, from 1
 * @language: the language of the model texts
 */
GtkWidget *
sihua_question_card_new (SihuaModel          *model,
                         const SihuaQuestion *question,
                         guint                number,
                         SihuaLanguage        language)
{
  SihuaQuestionCard *self;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_QUESTION_CARD, NULL);
  self->model = g_object_ref (model);
  self->question = question;
  self->language = language;
  _sihua_question_card_build (self, number);

  return GTK_WIDGET (self);
}

/**
 * sihua_question_card_set_said:
 * @self: a card
 * @said: (nullable): what the interviewees said, one line; %NULL hides it
 * @to_discuss: they are two levels or more apart
 *
 * Shows, compactly under the answer, who said what; the consolidated
 * answer above is the one that scores.
 */
void
sihua_question_card_set_said (SihuaQuestionCard *self,
                              const char        *said,
                              gboolean           to_discuss)
{
  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));

  if (self->said_label == NULL && said == NULL)
    return;
  if (self->said_label == NULL)
    {
      self->said_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->said_label, 0);
      gtk_label_set_wrap (self->said_label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->said_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->said_label), "caption");
      gtk_box_insert_child_after (self->card_box, GTK_WIDGET (self->said_label), GTK_WIDGET (self->options_box));
    }
  gtk_label_set_text (self->said_label, said != NULL ? said : "");
  gtk_widget_set_visible (GTK_WIDGET (self->said_label), said != NULL);
  /* A disagreement stands out from the dim line it sits in. */
  if (to_discuss)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->said_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->said_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->said_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->said_label), "dim-label");
    }
}

const SihuaQuestion *
sihua_question_card_get_question (SihuaQuestionCard *self)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), NULL);

  return self->question;
}

/**
 * sihua_question_card_set_answer:
 * @answer: (nullable): the stored answer, %NULL if unanswered
 *
 * Shows @answer. Note and evidence being typed are left alone while the
 * entry has focus, so a late store reply never eats what is being typed.
 */
void
sihua_question_card_set_answer (SihuaQuestionCard *self,
                                const SihuaAnswer *answer)
{
  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));

  g_clear_pointer (&self->value, sihua_answer_value_free);
  if (answer != NULL && answer->value != NULL)
    self->value = sihua_answer_value_copy (answer->value);
  sync_value_widgets (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->value_entry != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
  _sihua_question_card_set_rejected (self, FALSE);

  self->syncing++;
  g_free (self->note);
  self->note = answer != NULL ? g_strdup (answer->note) : NULL;
  g_free (self->evidence);
  self->evidence = answer != NULL ? g_strdup (answer->evidence) : NULL;
  if (!gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (self->note_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), self->note ? self->note : "");
  if (!gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (self->evidence_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), self->evidence ? self->evidence : "");
  self->syncing--;
}

const char *
sihua_question_card_get_note (SihuaQuestionCard *self)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), NULL);

  return self->note;
}

const char *
sihua_question_card_get_evidence (SihuaQuestionCard *self)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), NULL);

  return self->evidence;
}

/**
 * sihua_question_card_set_save_state:
 * @message: (nullable): why saving failed, for %SIHUA_SAVE_STATE_FAILED
 *
 * A failed card says so in words until the next successful save.
 */
void
sihua_question_card_set_save_state (SihuaQuestionCard *self,
                                    SihuaSaveState     state,
                                    const char        *message)
{
  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));

  self->save_state = state;

  switch (state)
    {
    case SIHUA_SAVE_STATE_PENDING:
      gtk_label_set_text (self->status_label, _("Saving…"));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      break;

    case SIHUA_SAVE_STATE_FAILED:
      {
        g_autofree char *text = NULL;

        /* Translators: %s is the reason, e.g. "disk full" */
        text = g_strdup_printf (_("Not saved: %s. The choice shown is the one last stored."),
                                message ? message : _("unknown error"));
        gtk_label_set_text (self->status_label, _("Not saved"));
        gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
        gtk_label_set_text (self->error_label, text);
        gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        gtk_widget_add_css_class (GTK_WIDGET (self->card_box), "unsaved");
      }
      break;

    case SIHUA_SAVE_STATE_SAVED:
    case SIHUA_SAVE_STATE_IDLE:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->card_box), "unsaved");
      break;
    }

  if (state == SIHUA_SAVE_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

SihuaSaveState
sihua_question_card_get_save_state (SihuaQuestionCard *self)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), SIHUA_SAVE_STATE_IDLE);

  return self->save_state;
}

/**
 * sihua_question_card_flush:
 *
 * Reports a note or evidence still waiting for the typing pause, and a
 * number or text typed but not yet confirmed.
 */
void
sihua_question_card_flush (SihuaQuestionCard *self)
{
  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));

  if (self->details_timeout_id != 0)
    flush_details (self);
}

/**
 * sihua_question_card_focus_choice:
 *
 * Moves focus to the control that answers the question: the chosen option,
 * else the first one, else the value field.
 *
 * Returns: whether focus moved
 */
gboolean
sihua_question_card_focus_choice (SihuaQuestionCard *self)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), FALSE);

  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);
      gboolean active = GTK_IS_TOGGLE_BUTTON (button)
                      ? gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button))
                      : gtk_check_button_get_active (GTK_CHECK_BUTTON (button));

      if (active)
        return gtk_widget_grab_focus (button);
    }

  if (self->option_buttons->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (self->option_buttons, 0));

  if (self->value_entry != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));

  return gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/**
 * sihua_question_card_pick_level:
 * @level: a level of the model's ladder
 *
 * Chooses the option of a ladder question at @level, as a click would.
 *
 * Returns: whether the question has such an option
 */
gboolean
sihua_question_card_pick_level (SihuaQuestionCard *self,
                                int                level)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), FALSE);

  if (self->question->type != SIHUA_QUESTION_LADDER)
    return FALSE;

  for (guint i = 0; i < self->question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (self->question->options, i);
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);

      if (option->level != level)
        continue;

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        /* Picking the level already chosen just moves on. */
        g_signal_emit (self, signals[MOVE], 0, 1);
      else
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      return TRUE;
    }

  return FALSE;
}

/**
 * sihua_question_card_show_evidence:
 * @self: a card
 * @store: the store the answer lives in
 * @assessment_id: the assessment
 *
 * Shows the answer's evidence files under the note, with the ways to add,
 * open and delete them.
 */
void
sihua_question_card_show_evidence (SihuaQuestionCard *self,
                                   SihuaStore        *store,
                                   gint64             assessment_id)
{
  GtkWidget *strip;

  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));
  g_return_if_fail (SIHUA_IS_STORE (store));

  strip = sihua_evidence_strip_new (store, assessment_id, self->question->id);
  gtk_box_insert_child_after (self->card_box, strip,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->help_expander)));
  self->evidence_strip = strip;
}

/**
 * sihua_question_card_show_said_button:
 * @self: a card
 * @store: the store the answer lives in
 * @assessment_id: the assessment
 *
 * Shows, under the choices of a ladder question, the button where each
 * interviewee's level is recorded. Other questions get none.
 *
 * Returns: (transfer none) (nullable): the #SihuaSaidButton
 */
GtkWidget *
sihua_question_card_show_said_button (SihuaQuestionCard *self,
                                      SihuaStore        *store,
                                      gint64             assessment_id)
{
  g_return_val_if_fail (SIHUA_IS_QUESTION_CARD (self), NULL);
  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  if (self->question->type != SIHUA_QUESTION_LADDER || self->said_button != NULL)
    return self->said_button;
  self->said_button = sihua_said_button_new (store, assessment_id, self->model, self->question, self->language);
  gtk_box_insert_child_after (self->card_box, self->said_button, GTK_WIDGET (self->options_box));

  return self->said_button;
}

/**
 * sihua_question_card_reload_record:
 * @self: a card
 *
 * Shows the evidence files and the interviewees' answers as the store holds
 * them now, e.g. after the assessment was finalised or its interviewees
 * changed.
 */
void
sihua_question_card_reload_record (SihuaQuestionCard *self)
{
  g_return_if_fail (SIHUA_IS_QUESTION_CARD (self));

  if (self->evidence_strip != NULL)
    sihua_evidence_strip_reload (SIHUA_EVIDENCE_STRIP (self->evidence_strip));
  if (self->said_button != NULL)
    sihua_said_button_reload (SIHUA_SAID_BUTTON (self->said_button));
}
