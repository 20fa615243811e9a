/* sihua-assessment-page-search.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-assessment-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-assessment-page-private.h"

/* Ctrl+F: find a question by its words, in any dimension. */

#define MAX_RESULTS 50

static char *
fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized ? normalized : text, -1);
}

/* Where a question matched, if not in its own text: a level or option
 * description, or the note or evidence written for it, to show under it. */
static char *
match_elsewhere (SihuaAssessmentPage *self,
                 const SihuaQuestion *question,
                 const char          *needle)
{
  SihuaAnswer *answer = g_hash_table_lookup (self->answers, question->id);

  for (guint i = 0; question->options != NULL && i < question->options->len; i++)
    {
      const SihuaOption *option = g_ptr_array_index (question->options, i);
      const char *text = sihua_text_get (&option->text, self->language, NULL);
      g_autofree char *hay = fold (text);

      if (strstr (hay, needle) != NULL)
        return g_strdup (text);
    }

  if (answer != NULL)
    {
      g_autofree char *note = fold (answer->note);
      g_autofree char *evidence = fold (answer->evidence);

      if (answer->note != NULL && strstr (note, needle) != NULL)
        return g_strdup_printf (_("Note: %s"), answer->note);
      if (answer->evidence != NULL && strstr (evidence, needle) != NULL)
        return g_strdup_printf (_("Evidence: %s"), answer->evidence);
    }

  return NULL;
}

static GtkWidget *
result_row_new (SihuaAssessmentPage *self,
                const SihuaQuestion *question,
                const char          *matched)
{
  const char *text = sihua_text_get (&question->text, self->language, NULL);
  const char *dimension = sihua_text_get (&question->dimension->title, self->language, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), label);

  if (matched != NULL)
    {
      label = gtk_label_new (matched);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "search-match");
      gtk_box_append (GTK_BOX (box), label);
    }

  label = gtk_label_new (dimension);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "question-id", g_strdup (question->id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  return row;
}

void
_sihua_assessment_page_search_changed_cb (SihuaAssessmentPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  GtkListBoxRow *row;
  GPtrArray *questions;
  guint found = 0;

  /* The rows only: the placeholder that says "nothing found" stays. */
  while ((row = gtk_list_box_get_row_at_index (self->search_list, 0)) != NULL)
    gtk_list_box_remove (self->search_list, GTK_WIDGET (row));

  if (self->model == NULL || text == NULL || *text == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "dimensions");
      return;
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  needle = fold (text);
  questions = sihua_model_get_questions (self->model);

  for (guint i = 0; i < questions->len && found < MAX_RESULTS; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      g_autofree char *hay = NULL;
      g_autofree char *matched = NULL;

      if (!sihua_question_is_relevant (self->model, question, self->answers))
        continue;

      hay = fold (sihua_text_get (&question->text, self->language, NULL));
      if (strstr (hay, needle) == NULL && strstr (question->id, text) == NULL
          && (matched = match_elsewhere (self, question, needle)) == NULL)
        continue;

      gtk_list_box_append (self->search_list, result_row_new (self, question, matched));
      found++;
    }

  if (found == 0)
    {
      g_autofree char *nothing = NULL;

      /* Translators: %s is what was typed in the question search */
      nothing = g_strdup_printf (_("No question, level or note contains “%s”."), text);
      gtk_label_set_text (self->search_placeholder, nothing);
    }
}

static void
show_found (SihuaAssessmentPage *self,
            GtkListBoxRow       *row)
{
  g_autofree char *question_id = g_strdup (g_object_get_data (G_OBJECT (row), "question-id"));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "dimensions");
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  sihua_assessment_page_show_question (self, question_id);
}

void
_sihua_assessment_page_search_activate_cb (SihuaAssessmentPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->search_list, 0);

  /* Enter before the results caught up with the typing: search now. */
  if (row == NULL)
    {
      _sihua_assessment_page_search_changed_cb (self);
      row = gtk_list_box_get_row_at_index (self->search_list, 0);
    }

  if (row != NULL)
    show_found (self, row);
}

void
_sihua_assessment_page_search_stop_cb (SihuaAssessmentPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "dimensions");

  if (self->current != NULL)
    sihua_assessment_page_set_dimension_id (self, self->current->id);
}

void
_sihua_assessment_page_search_row_activated_cb (SihuaAssessmentPage *self,
                                                GtkListBoxRow       *row)
{
  show_found (self, row);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       SihuaAssessmentPage   *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_row_at_index (self->search_list, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

void
_sihua_assessment_page_search_init (SihuaAssessmentPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *nothing = gtk_label_new (NULL);

  /* Said when nothing matches, rather than an empty list. */
  gtk_label_set_wrap (GTK_LABEL (nothing), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (nothing), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (nothing, 18);
  gtk_widget_set_margin_start (nothing, 12);
  gtk_widget_set_margin_end (nothing, 12);
  gtk_widget_add_css_class (nothing, "dim-label");
  gtk_list_box_set_placeholder (self->search_list, nothing);
  self->search_placeholder = GTK_LABEL (nothing);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
