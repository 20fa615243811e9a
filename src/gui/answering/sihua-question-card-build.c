/* sihua-question-card-build.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-question-card"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-choice-grid.h"
#include "sihua-question-card-private.h"

/* A question card's widgets, built for the question's type, and the values its options give. */

/*
 * Auxiliary methods
 */

static const char *
text_of (SihuaQuestionCard *self,
         const SihuaText   *text)
{
  return sihua_text_get (text, self->language, NULL);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static char *
option_level_title (SihuaQuestionCard *self,
                    const SihuaOption *option)
{
  const SihuaLevel *level = sihua_model_get_level (self->model, option->level);

  if (level == NULL)
    return g_strdup_printf ("%d", option->level);

  return g_strdup_printf ("%d · %s", option->level, text_of (self, &level->name));
}

/* An option's text after the key that picks it ("3", "A"). The text takes
 * the whole width of its column and wraps only where that is too narrow:
 * left to its natural width, a short label beside a two-line one would be
 * squeezed to the narrowest width fitting two lines ("其他制造" / "业"). */
static GtkWidget *
keyed_label_new (SihuaQuestionCard *self,
                 guint              index,
                 gboolean           start)
{
  const SihuaOption *option = g_ptr_array_index (self->question->options, index);
  char key[2] = { _sihua_question_card_option_key (index), '\0' };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  if (!start)
    gtk_widget_set_halign (box, GTK_ALIGN_CENTER);

  if (key[0] != '\0')
    {
      label = gtk_label_new (key);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "option-key");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key,
                                      -1);
      gtk_box_append (GTK_BOX (box), label);
    }

  label = gtk_label_new (text_of (self, &option->text));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), start ? 0 : 0.5);
  gtk_label_set_justify (GTK_LABEL (label), start ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER);
  gtk_widget_set_hexpand (label, start);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

/*
 * Callbacks
 */

static void
choice_toggled_cb (GtkWidget         *button,
                   SihuaQuestionCard *self)
{
  const SihuaOption *option;
  gboolean active;
  guint index;

  if (self->syncing > 0)
    return;

  if (GTK_IS_TOGGLE_BUTTON (button))
    active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
  else
    active = gtk_check_button_get_active (GTK_CHECK_BUTTON (button));

  /* The button switched off in a group tells nothing new. */
  if (!active)
    return;

  if (!g_ptr_array_find (self->option_buttons, button, &index))
    return;

  option = g_ptr_array_index (self->question->options, index);

  /* A choice replaces N/A. */
  self->syncing++;
  gtk_toggle_button_set_active (self->na_button, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->options_box), "not-applicable");
  self->syncing--;

  if (self->question->type == SIHUA_QUESTION_LADDER && option->level >= 0)
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (option->level);
      _sihua_question_card_emit_value (self, value, TRUE);
    }
  else
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_option (option->id);
      _sihua_question_card_emit_value (self, value, TRUE);
    }
}

static void
multi_toggled_cb (GtkCheckButton    *button,
                  SihuaQuestionCard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(SihuaAnswerValue) value = NULL;
  guint index;

  if (self->syncing > 0)
    return;

  if (!g_ptr_array_find (self->option_buttons, button, &index))
    return;

  /* An exclusive option ("none of these") and the others rule each other out. */
  if (gtk_check_button_get_active (button))
    {
      const SihuaOption *chosen = g_ptr_array_index (self->question->options, index);

      self->syncing++;
      for (guint i = 0; i < self->option_buttons->len; i++)
        {
          const SihuaOption *option = g_ptr_array_index (self->question->options, i);

          if (i != index && (chosen->exclusive || option->exclusive))
            gtk_check_button_set_active (g_ptr_array_index (self->option_buttons, i), FALSE);
        }
      gtk_toggle_button_set_active (self->na_button, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->options_box), "not-applicable");
      self->syncing--;
    }

  for (guint i = 0; i < self->option_buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->option_buttons, i)))
      {
        const SihuaOption *option = g_ptr_array_index (self->question->options, i);
        g_ptr_array_add (ids, option->id);
      }
  g_ptr_array_add (ids, NULL);

  if (ids->len > 1)
    value = sihua_answer_value_new_options ((const char * const *) ids->pdata);

  _sihua_question_card_emit_value (self, value, FALSE);
}

static void
commit_entry_value (SihuaQuestionCard *self)
{
  g_autoptr(SihuaAnswerValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;

  if (self->syncing > 0 || self->value_entry == NULL)
    return;

  input = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_entry))));

  if (*input == '\0')
    {
      /* Emptying the field clears a value, or leaves "no answer" alone. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      _sihua_question_card_set_rejected (self, FALSE);
      if (self->value == NULL || self->value->kind == SIHUA_ANSWER_NA)
        return;
      _sihua_question_card_emit_value (self, NULL, FALSE);
      return;
    }

  if (self->question->type == SIHUA_QUESTION_TEXT)
    value = sihua_answer_value_new_text (input);
  else
    value = sihua_answer_value_parse (self->question, input, &error);

  if (value == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
      _sihua_question_card_set_rejected (self, TRUE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");

  if (self->value != NULL && sihua_answer_value_equal (self->value, value))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      _sihua_question_card_set_rejected (self, FALSE);
      return;
    }

  _sihua_question_card_emit_value (self, value, FALSE);
}

static void
value_entry_activate_cb (GtkEntry          *entry,
                         SihuaQuestionCard *self)
{
  commit_entry_value (self);
}

static void
value_entry_leave_cb (GtkEventControllerFocus *controller,
                      SihuaQuestionCard       *self)
{
  commit_entry_value (self);
}

/*
 * Building the answer widgets
 */

static GtkWidget *
build_ladder_option (SihuaQuestionCard *self,
                     const SihuaOption *option)
{
  g_autofree char *title = option_level_title (self, option);
  g_autofree char *accessible = NULL;
  g_autofree char *css = NULL;
  const char *description = text_of (self, &option->text);
  GtkWidget *button, *box, *title_label, *description_label;

  button = gtk_toggle_button_new ();
  gtk_widget_add_css_class (button, "ladder-option");
  css = g_strdup_printf ("stage-%d", CLAMP (option->level, 0, 4));
  gtk_widget_add_css_class (button, css);
  gtk_widget_set_hexpand (button, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_START);

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  /* Five long English names ("Intelligentization") unbroken held the
   * window wider than a small screen; a name breaks only when it must. */
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (title_label), GTK_NATURAL_WRAP_WORD);
  gtk_widget_add_css_class (title_label, "ladder-option-title");
  gtk_box_append (GTK_BOX (box), title_label);

  description_label = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (description_label), 0);
  gtk_label_set_yalign (GTK_LABEL (description_label), 0);
  gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (description_label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (description_label), 28);
  gtk_widget_add_css_class (description_label, "ladder-option-description");
  gtk_box_append (GTK_BOX (box), description_label);

  gtk_button_set_child (GTK_BUTTON (button), box);

  /* Translators: the accessible name of a level card: "2 · Automation: <what it looks like>" */
  accessible = g_strdup_printf (_("%s: %s"), title, description);
  set_accessible_label (button, accessible);
  gtk_widget_set_tooltip_text (button, NULL);

  return button;
}

static void
build_choices (SihuaQuestionCard *self)
{
  const SihuaQuestion *question = self->question;
  GtkWidget *first = NULL;
  GtkWidget *grid = NULL;
  GtkWidget *choices = NULL;
  guint columns = 1;

  if (question->type == SIHUA_QUESTION_LADDER)
    {
      /* A grid rather than a homogeneous box: in a horizontal box each level
       * card is asked for its width at a given height, which a wrapping
       * label answers by laying out its text again and again, and twenty
       * cards of five levels made a dimension slow to show. */
      grid = gtk_grid_new ();
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
      gtk_widget_set_hexpand (grid, TRUE);
      gtk_widget_add_css_class (grid, "ladder-options");
      gtk_box_append (self->options_box, grid);
    }
  else if (question->type == SIHUA_QUESTION_YESNO)
    {
      /* Side by side while the labels fit, one under the other when they
       * do not: long answers in one row forced the window wider. */
      choices = sihua_choice_grid_new (question->options->len);
      sihua_choice_grid_set_column_spacing (SIHUA_CHOICE_GRID (choices), 8);
      gtk_widget_set_hexpand (choices, TRUE);
      gtk_widget_add_css_class (choices, "yesno-options");
      gtk_box_append (self->options_box, choices);
    }
  else
    {
      /* Single and multi choices: a grid of check or radio buttons, more
       * columns for longer lists so the card stays short, fewer when the
       * width cannot hold the labels whole. */
      columns = question->options->len > 8 ? 3 : question->options->len > 4 ? 2 : 1;
      choices = sihua_choice_grid_new (columns);
      gtk_widget_set_hexpand (choices, TRUE);
      gtk_box_append (self->options_box, choices);
    }

  for (guint i = 0; i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);
      GtkWidget *button;

      if (question->type == SIHUA_QUESTION_LADDER)
        {
          button = build_ladder_option (self, option);
          gtk_grid_attach (GTK_GRID (grid), button, i, 0, 1, 1);
          if (first != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
          g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
        }
      else if (question->type == SIHUA_QUESTION_YESNO)
        {
          button = gtk_toggle_button_new ();
          gtk_widget_set_hexpand (button, TRUE);
          gtk_button_set_child (GTK_BUTTON (button), keyed_label_new (self, i, FALSE));
          set_accessible_label (button, text_of (self, &option->text));
          sihua_choice_grid_append (SIHUA_CHOICE_GRID (choices), button);
          if (first != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
          g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
        }
      else
        {
          button = gtk_check_button_new ();
          gtk_widget_set_hexpand (button, TRUE);
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          gtk_check_button_set_child (GTK_CHECK_BUTTON (button), keyed_label_new (self, i, TRUE));
          set_accessible_label (button, text_of (self, &option->text));
          sihua_choice_grid_append (SIHUA_CHOICE_GRID (choices), button);

          if (question->type == SIHUA_QUESTION_MULTI)
            g_signal_connect (button, "toggled", G_CALLBACK (multi_toggled_cb), self);
          else
            {
              if (first != NULL)
                gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (first));
              g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
            }
        }

      if (first == NULL)
        first = button;
      g_ptr_array_add (self->option_buttons, button);
    }
}

static void
build_entry (SihuaQuestionCard *self)
{
  const SihuaQuestion *question = self->question;
  GtkEventController *focus;
  GtkWidget *entry;

  entry = gtk_entry_new ();
  self->value_entry = GTK_ENTRY (entry);
  gtk_box_append (self->options_box, entry);
  set_accessible_label (entry, text_of (self, &question->text));

  if (question->type == SIHUA_QUESTION_NUMERIC)
    {
      const char *unit = text_of (self, &question->unit);

      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Number"));

      if (unit != NULL)
        {
          GtkWidget *label = gtk_label_new (unit);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (self->options_box, label);
        }

      if (question->has_min || question->has_max)
        {
          g_autofree char *range = NULL;
          GtkWidget *label;

          if (question->has_min && question->has_max)
            /* Translators: the allowed range of a number, e.g. "from 0 to 100" */
            range = g_strdup_printf (_("from %g to %g"), question->min, question->max);
          else if (question->has_min)
            range = g_strdup_printf (_("at least %g"), question->min);
          else
            range = g_strdup_printf (_("at most %g"), question->max);

          label = gtk_label_new (range);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_margin_start (label, 12);
          gtk_box_append (self->options_box, label);
        }
    }
  else
    {
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Answer in a few words"));
    }

  g_signal_connect (entry, "activate", G_CALLBACK (value_entry_activate_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (value_entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
}

static void
add_help_section (SihuaQuestionCard *self,
                  const char        *heading,
                  const SihuaText   *text)
{
  const char *body = text_of (self, text);
  GtkWidget *label;

  if (body == NULL || *body == '\0')
    return;

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->help_box, label);

  label = gtk_label_new (body);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (self->help_box, label);
}

static gboolean
has_text (SihuaQuestionCard *self,
          const SihuaText   *text)
{
  const char *body = text_of (self, text);

  return body != NULL && *body != '\0';
}

static void
help_expanded_cb (SihuaQuestionCard *self)
{
  const SihuaQuestion *question = self->question;

  if (!gtk_expander_get_expanded (self->help_expander)
      || gtk_widget_get_first_child (GTK_WIDGET (self->help_box)) != NULL)
    return;

  add_help_section (self, _("What to ask"), &question->help_ask);
  add_help_section (self, _("What to look at"), &question->help_evidence);
  add_help_section (self, _("Why it matters"), &question->help_why);
}

void
_sihua_question_card_build (SihuaQuestionCard *self,
                            guint              number)
{
  const SihuaQuestion *question = self->question;
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  const char *text = text_of (self, &question->text);
  GtkEventController *focus;

  gtk_label_set_text (self->number_label, number_text);
  gtk_label_set_text (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->na_button), question->allow_na);

  set_accessible_label (GTK_WIDGET (self), text);
  {
    /* Translators: the accessible name of the N/A button of a question */
    g_autofree char *na = g_strdup_printf (_("Not applicable: %s"), text);
    set_accessible_label (GTK_WIDGET (self->na_button), na);
  }
  {
    g_autofree char *note = g_strdup_printf (_("Note: %s"), text);
    g_autofree char *evidence = g_strdup_printf (_("Evidence: %s"), text);
    set_accessible_label (GTK_WIDGET (self->note_entry), note);
    set_accessible_label (GTK_WIDGET (self->evidence_entry), evidence);
  }

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_MULTI:
    case SIHUA_QUESTION_YESNO:
      build_choices (self);
      break;
    case SIHUA_QUESTION_NUMERIC:
    case SIHUA_QUESTION_TEXT:
    default:
      build_entry (self);
      break;
    }

  if (question->evidence_required)
    gtk_label_set_text (self->evidence_label, _("Evidence seen (required)"));

  /* The help is built when first opened: most cards never open it, and
   * fewer widgets make a long dimension quicker to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->help_expander),
                          has_text (self, &question->help_ask)
                          || has_text (self, &question->help_evidence)
                          || has_text (self, &question->help_why));
  g_signal_connect_object (self->help_expander, "notify::expanded",
                           G_CALLBACK (help_expanded_cb), self, G_CONNECT_SWAPPED);
  /* GtkExpander gives its button no name of its own. */
  set_accessible_label (GTK_WIDGET (self->help_expander), _("How to ask, what to look at"));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (_sihua_question_card_details_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (_sihua_question_card_details_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->evidence_entry), focus);
}
