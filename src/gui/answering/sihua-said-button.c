/* sihua-said-button.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-said"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-said-button.h"

struct _SihuaSaidButton
{
  AdwBin               parent_instance;

  SihuaStore          *store;
  gint64               assessment_id;
  SihuaModel          *model;
  const SihuaQuestion *question;
  SihuaLanguage        language;

  GtkMenuButton       *button;
  GtkGrid             *grid;
  GtkLabel            *message_label;
  GArray              *levels;        /* int: the level of each drop-down item after "—" */
  GHashTable          *drop_downs;    /* name → GtkDropDown */
  guint                syncing;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SihuaSaidButton, sihua_said_button, ADW_TYPE_BIN)

static void
show_message (SihuaSaidButton *self,
              const char      *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
selected_cb (GtkDropDown     *drop_down,
             GParamSpec      *pspec,
             SihuaSaidButton *self)
{
  gint64 interviewee_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop_down), "sihua-interviewee-id"));
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(SihuaAnswerValue) value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing > 0)
    return;
  /* Item 0 is "—": nothing said. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->levels->len)
    value = sihua_answer_value_new_level (g_array_index (self->levels, int, selected - 1));
  if (!sihua_store_set_interviewee_answer (self->store, interviewee_id, self->question->id, value, &error))
    {
      show_message (self, error->message);
      sihua_said_button_reload (self);
      return;
    }
  show_message (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static guint
position_of (SihuaSaidButton        *self,
             const SihuaAnswerValue *value)
{
  if (value == NULL || value->kind != SIHUA_ANSWER_LEVEL)
    return 0;
  for (guint i = 0; i < self->levels->len; i++)
    if (g_array_index (self->levels, int, i) == value->level)
      return i + 1;

  return 0;
}

static GtkStringList *
level_names (SihuaSaidButton *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  /* Translators: an interviewee who said nothing on this question */
  gtk_string_list_append (names, _("—"));
  for (guint i = 0; i < self->levels->len; i++)
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (g_array_index (self->levels, int, i));
      g_autofree char *shown = sihua_answer_value_describe (value, self->question, self->model, self->language);

      gtk_string_list_append (names, shown);
    }

  return names;
}

/**
 * sihua_said_button_reload:
 * @self: a button
 *
 * Shows the interviewees and what each said as the store holds them now.
 */
void
sihua_said_button_reload (SihuaSaidButton *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) heard = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean writable;

  g_return_if_fail (SIHUA_IS_SAID_BUTTON (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->drop_downs);

  assessment = sihua_store_get_assessment (self->store, self->assessment_id, NULL);
  writable = !sihua_store_is_read_only (self->store) && assessment != NULL && assessment->finalized_at == 0;
  people = sihua_store_list_interviewees (self->store, self->assessment_id, &error);
  if (people != NULL)
    said = sihua_store_list_interviewee_answers (self->store, self->assessment_id, &error);
  if (people == NULL || said == NULL)
    {
      show_message (self, error->message);
      return;
    }
  heard = sihua_interviewee_answers_for (said, self->question->id);

  /* Interviewees are added in the assessment's details: with none, there
   * is nobody to ask about. */
  gtk_widget_set_visible (GTK_WIDGET (self), people->len > 0);
  self->syncing++;
  for (guint i = 0; i < people->len; i++)
    {
      SihuaInterviewee *person = g_ptr_array_index (people, i);
      g_autoptr(GtkStringList) names = level_names (self);
      g_autofree char *who = sihua_interviewee_describe (person);
      GtkWidget *label = gtk_label_new (who);
      GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_grid_attach (self->grid, label, 0, i, 1, 1);

      for (guint h = 0; h < heard->len; h++)
        {
          SihuaIntervieweeAnswer *one = g_ptr_array_index (heard, h);

          if (one->interviewee_id == person->id)
            gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position_of (self, one->value));
        }
      gtk_widget_set_sensitive (drop_down, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, person->name, -1);
      g_object_set_data (G_OBJECT (drop_down), "sihua-interviewee-id", GSIZE_TO_POINTER (person->id));
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (selected_cb), self, 0);
      gtk_grid_attach (self->grid, drop_down, 1, i, 1, 1);
      g_hash_table_insert (self->drop_downs, g_strdup (person->name), drop_down);
    }
  self->syncing--;
}

static void
sihua_said_button_dispose (GObject *object)
{
  SihuaSaidButton *self = SIHUA_SAID_BUTTON (object);

  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->drop_downs, g_hash_table_unref);

  G_OBJECT_CLASS (sihua_said_button_parent_class)->dispose (object);
}

static void
sihua_said_button_class_init (SihuaSaidButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sihua_said_button_dispose;

  /**
   * SihuaSaidButton::changed:
   *
   * An interviewee's answer was stored.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sihua_said_button_init (SihuaSaidButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("What each interviewee said"));
  GtkWidget *hint = gtk_label_new (_("The answer chosen on the card is the one that scores."));

  self->levels = g_array_new (FALSE, FALSE, sizeof (int));
  self->drop_downs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_label));
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->button, _("Interviewees’ Answers"));
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_halign (GTK_WIDGET (self->button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Record the level each interviewee said"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
}

/**
 * sihua_said_button_new:
 * @store: the store the assessment lives in
 * @assessment_id: the assessment
 * @model: its model
 * @question: a ladder question of @model
 * @language: the language of the level names
 *
 * Returns: (transfer floating): a new button, showing what the store holds
 */
GtkWidget *
sihua_said_button_new (SihuaStore          *store,
                       gint64               assessment_id,
                       SihuaModel          *model,
                       const SihuaQuestion *question,
                       SihuaLanguage        language)
{
  SihuaSaidButton *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_SAID_BUTTON, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = assessment_id;
  self->model = g_object_ref (model);
  self->question = question;
  self->language = language;
  for (guint i = 0; i < question->options->len; i++)
    {
      SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->level >= 0)
        g_array_append_val (self->levels, option->level);
    }
  sihua_said_button_reload (self);

  return GTK_WIDGET (self);
}

/**
 * sihua_said_button_get_drop_down:
 * @self: a button
 * @name: an interviewee's name
 *
 * Returns: (transfer none) (nullable): the choice of what @name said
 */
GtkDropDown *
sihua_said_button_get_drop_down (SihuaSaidButton *self,
                                 const char      *name)
{
  g_return_val_if_fail (SIHUA_IS_SAID_BUTTON (self), NULL);

  return g_hash_table_lookup (self->drop_downs, name);
}
