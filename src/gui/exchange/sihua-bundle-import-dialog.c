/* sihua-bundle-import-dialog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-bundle-import-dialog.h"
#include "sihua-text.h"

/* At most this many changed fields are named under a conflict. */
#define MAX_FIELDS_SHOWN 4

struct _SihuaBundleImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *import_button;
  GtkButton           *cancel_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;

  /* Owned references */
  SihuaStore          *store;
  SihuaBundle         *bundle;
  SihuaBundleReport   *report;
  /* Three toggle buttons per conflict: mine, theirs, both. */
  GPtrArray           *toggles;
  /* Assessment UUID → the SihuaModel it is pinned to here. */
  GHashTable          *models;

  guint                importing : 1;
};

G_DEFINE_FINAL_TYPE (SihuaBundleImportDialog, sihua_bundle_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals [N_SIGNALS];

static const SihuaBundleChoice choices[] = {
  SIHUA_BUNDLE_CHOICE_MINE,
  SIHUA_BUNDLE_CHOICE_THEIRS,
  SIHUA_BUNDLE_CHOICE_BOTH,
};

/*
 * Auxiliary methods
 */

static gboolean
all_decided (SihuaBundleImportDialog *self)
{
  for (guint i = 0; i < self->report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (self->report->conflicts, i);

      if (conflict->choice == SIHUA_BUNDLE_CHOICE_NONE)
        return FALSE;
    }

  return TRUE;
}

static void
update_import_button (SihuaBundleImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            !self->importing && all_decided (self));
}

static void
add_summary_row (SihuaBundleImportDialog *self,
                 const char              *title,
                 const char              *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->summary_group, row);
}

static char *
count_text (guint companies,
            guint assessments)
{
  g_autofree char *c = NULL;
  g_autofree char *a = NULL;

  c = g_strdup_printf (ngettext ("%u company", "%u companies", companies), companies);
  a = g_strdup_printf (ngettext ("%u assessment", "%u assessments", assessments), assessments);

  /* Translators: "3 companies, 5 assessments" */
  return g_strdup_printf (_("%s, %s"), c, a);
}

static void
fill_summary (SihuaBundleImportDialog *self)
{
  SihuaBundleReport *report = self->report;
  g_autofree char *added = count_text (report->companies_added, report->assessments_added);
  g_autofree char *skipped = count_text (report->companies_skipped, report->assessments_skipped);
  g_autofree char *conflicts = g_strdup_printf ("%u", report->conflicts->len);

  add_summary_row (self, _("Added"), added);
  if (report->assessments_merged > 0)
    {
      g_autofree char *merged = g_strdup_printf ("%u", report->assessments_merged);
      add_summary_row (self, _("Assessments with new answers"), merged);
    }
  if (report->answers_taken + report->answers_added > 0)
    {
      g_autofree char *taken = g_strdup_printf ("%u", report->answers_taken + report->answers_added);
      add_summary_row (self, _("Answers taken from the bundle (changed there only)"), taken);
    }
  if (report->answers_kept > 0)
    {
      g_autofree char *kept = g_strdup_printf ("%u", report->answers_kept);
      add_summary_row (self, _("Answers kept as on this computer (changed here only)"), kept);
    }
  add_summary_row (self, _("Already here, skipped"), skipped);
  add_summary_row (self, _("Conflicts"), conflicts);
}

/* "2 自动化 · note · 李顾问 · 2026-11-20 14:05", or "Not answered". */
static char *
describe_state (const SihuaBundleAnswerState *state,
                SihuaQuestion                *question,
                SihuaModel                   *model)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(SihuaAnswerValue) value = NULL;

  if (state->value == NULL)
    return g_strdup (_("Not answered"));

  value = sihua_answer_value_deserialize (state->value, NULL);
  if (value != NULL && question != NULL)
    {
      g_autofree char *text = sihua_answer_value_describe (value, question, model,
                                                           sihua_language_from_locale ());
      g_string_append (out, text);
    }
  else
    g_string_append (out, state->value);
  if (state->note != NULL)
    g_string_append_printf (out, "\n%s", state->note);
  if (state->evidence != NULL)
    /* Translators: the evidence given for an answer */
    g_string_append_printf (out, "\n%s", state->evidence);
  if (state->author != NULL || state->changed_at > 0)
    {
      g_autoptr(GDateTime) utc = state->changed_at > 0 ? g_date_time_new_from_unix_utc (state->changed_at / G_USEC_PER_SEC) : NULL;
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

      g_string_append_printf (out, "\n%s%s%s", state->author != NULL ? state->author : "",
                              state->author != NULL && when != NULL ? " · " : "",
                              when != NULL ? when : "");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
side_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  gtk_widget_set_hexpand (label, TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Each answer changed on both sides, the two versions side by side. */
static GtkWidget *
answers_grid (SihuaBundleConflict *conflict,
              SihuaModel          *model)
{
  SihuaLanguage language = sihua_language_from_locale ();
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_attach (GTK_GRID (grid), side_label (_("On this computer"), TRUE), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), side_label (_("In the bundle"), TRUE), 1, row++, 1, 1);

  for (guint i = 0; i < conflict->answers->len; i++)
    {
      SihuaBundleAnswerConflict *answer = g_ptr_array_index (conflict->answers, i);
      SihuaQuestion *question = model != NULL ? sihua_model_lookup_question (model, answer->question_id) : NULL;
      const char *text = question != NULL ? sihua_text_get (&question->text, language, NULL) : NULL;
      g_autofree char *mine = describe_state (&answer->mine, question, model);
      g_autofree char *theirs = describe_state (&answer->theirs, question, model);
      GtkWidget *title = side_label (text != NULL && *text != '\0' ? text : answer->question_id, FALSE);

      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_set_margin_top (title, 6);
      gtk_grid_attach (GTK_GRID (grid), title, 0, row++, 2, 1);
      gtk_grid_attach (GTK_GRID (grid), side_label (mine, FALSE), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), side_label (theirs, FALSE), 1, row++, 1, 1);
    }

  return grid;
}

static void
model_unref (gpointer model)
{
  if (model != NULL)
    g_object_unref (model);
}

/* The model an assessment in conflict is pinned to here, where the
 * consultant knows it: both sides hold the same assessment (its UUID). */
static SihuaModel *
conflict_model (SihuaBundleImportDialog *self,
                SihuaBundleConflict     *conflict)
{
  if (conflict->kind != SIHUA_BUNDLE_ROW_ASSESSMENT || conflict->uuid == NULL)
    return NULL;

  return g_hash_table_lookup (self->models, conflict->uuid);
}

/* "a, b, c and 2 more", or one item a line with @one_per_line. */
static void
append_list (GString    *out,
             GPtrArray  *items,
             gboolean    one_per_line)
{
  for (guint i = 0; i < items->len && i < MAX_FIELDS_SHOWN; i++)
    {
      if (one_per_line)
        g_string_append (out, "\n• ");
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
  if (items->len > MAX_FIELDS_SHOWN)
    {
      guint more = items->len - MAX_FIELDS_SHOWN;

      g_string_append (out, one_per_line ? "\n" : " ");
      /* Translators: follows a list of changed fields or questions */
      g_string_append_printf (out, ngettext ("and %u more", "and %u more", more), more);
    }
}

static char *
describe_fields (SihuaBundleConflict *conflict,
                 SihuaModel          *model)
{
  SihuaLanguage language = sihua_language_from_locale ();
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GString) answer_list = g_string_new (NULL);
  g_autoptr(GString) other_list = g_string_new (NULL);
  gboolean all_texts = TRUE;

  /* The core names a changed answer "answer:QUESTION_ID". */
  for (guint i = 0; conflict->fields != NULL && conflict->fields[i] != NULL; i++)
    {
      const char *field = conflict->fields[i];

      if (g_str_has_prefix (field, "answer:"))
        {
          const char *id = field + strlen ("answer:");
          SihuaQuestion *question = model != NULL ? sihua_model_lookup_question (model, id) : NULL;
          const char *text = question != NULL ? sihua_text_get (&question->text, language, NULL) : NULL;

          /* The question as the consultant asked it; its id only if the
           * model does not know it. */
          if (text != NULL && *text != '\0')
            g_ptr_array_add (answers, (gpointer) text);
          else
            {
              g_ptr_array_add (answers, (gpointer) id);
              all_texts = FALSE;
            }
        }
      else
        g_ptr_array_add (others, (gpointer) field);
    }
  /* Whole questions read better one a line; bare ids fit on one. */
  append_list (answer_list, answers, all_texts);
  append_list (other_list, others, FALSE);

  if (conflict->kind == SIHUA_BUNDLE_ROW_SAME_COMPANY)
    /* Translators: %s is the company on this computer with the same credit code */
    return g_strdup_printf (_("Company to merge · entered on both computers: it has the credit code of “%s” here. Merging puts the assessments of both under one company"),
                            conflict->local_label);

  if (conflict->kind == SIHUA_BUNDLE_ROW_COMPANY)
    /* Translators: %s lists what differs, e.g. "region, contact" */
    return g_strdup_printf (_("Company · changed: %s"), other_list->str);

  if (answers->len > 0 && others->len > 0)
    /* Translators: the first %s lists fields, the second the questions (one a line, or their ids) */
    return g_strdup_printf (_("Assessment · changed: %s; answers to %s"),
                            other_list->str, answer_list->str);
  if (answers->len > 0)
    /* Translators: %s lists the questions, one a line (or their ids, e.g. "data.collection, network.coverage") */
    return g_strdup_printf (_("Assessment · answers changed: %s"), answer_list->str);

  /* Translators: %s lists what differs, e.g. "consultant, notes" */
  return g_strdup_printf (_("Assessment · changed: %s"), other_list->str);
}

static void
choice_toggled_cb (GtkToggleButton         *button,
                   SihuaBundleImportDialog *self)
{
  SihuaBundleConflict *conflict = g_object_get_data (G_OBJECT (button), "conflict");

  if (!gtk_toggle_button_get_active (button) || conflict == NULL)
    return;

  conflict->choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));
  update_import_button (self);
}

static void
add_conflict_row (SihuaBundleImportDialog *self,
                  SihuaBundleConflict     *conflict)
{
  static const char *row_labels[] = { N_("Keep Mine"), N_("Take Theirs"), N_("Keep Both") };
  static const char *row_tips[] = {
    N_("Keep the version on this computer"),
    N_("Replace it with the version in the bundle"),
    N_("Keep this computer's version and add the bundle's as a copy"),
  };
  static const char *company_labels[] = { N_("Merge, Keep My Details"), N_("Merge, Take Theirs"), N_("Keep Apart") };
  static const char *company_tips[] = {
    N_("One company with the assessments of both; its details as on this computer"),
    N_("One company with the assessments of both; its details as in the bundle"),
    N_("Two companies; the bundle's without its credit code, which stays with this computer's"),
  };
  gboolean same = conflict->kind == SIHUA_BUNDLE_ROW_SAME_COMPANY;
  const char **labels = same ? company_labels : row_labels;
  const char **tips = same ? company_tips : row_tips;
  g_autofree char *subtitle = describe_fields (conflict, conflict_model (self, conflict));
  /* A preferences row, so the group puts it in its boxed list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title = gtk_label_new (conflict->label);
  GtkWidget *details = gtk_label_new (subtitle);
  GtkToggleButton *group = NULL;

  /* The choices go below the text, not beside it: the changed questions
   * are listed by their text, and beside three buttons a long English
   * question was squeezed into a narrow column. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (content), title);
  gtk_box_append (GTK_BOX (content), details);
  if (conflict->answers != NULL && conflict->answers->len > 0)
    gtk_box_append (GTK_BOX (content), answers_grid (conflict, conflict_model (self, conflict)));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_END);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[i]));
      g_autofree char *name = NULL;

      /* Translators: the accessible names of the choices; %s is the company or assessment */
      if (choices[i] == SIHUA_BUNDLE_CHOICE_MINE)
        name = g_strdup_printf (_("Keep mine: %s"), conflict->label);
      else if (choices[i] == SIHUA_BUNDLE_CHOICE_THEIRS)
        name = g_strdup_printf (_("Take theirs: %s"), conflict->label);
      else
        name = g_strdup_printf (_("Keep both: %s"), conflict->label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_tooltip_text (button, _(tips[i]));
      g_object_set_data (G_OBJECT (button), "conflict", conflict);
      g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choices[i]));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (conflict->choice == choices[i])
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
      g_ptr_array_add (self->toggles, button);
    }

  gtk_box_append (GTK_BOX (content), box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conflict->label, -1);
  adw_preferences_group_add (self->conflicts_group, row);
}

static void
choose_all (SihuaBundleImportDialog *self,
            guint                    which)
{
  for (guint i = which; i < self->toggles->len; i += G_N_ELEMENTS (choices))
    gtk_toggle_button_set_active (g_ptr_array_index (self->toggles, i), TRUE);
}

/*
 * Callbacks
 */

static void
all_mine_clicked_cb (SihuaBundleImportDialog *self)
{
  choose_all (self, 0);
}

static void
all_theirs_clicked_cb (SihuaBundleImportDialog *self)
{
  choose_all (self, 1);
}

static void
all_both_clicked_cb (SihuaBundleImportDialog *self)
{
  choose_all (self, 2);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SihuaBundleImportDialog *self = source_object;
  GError *error = NULL;

  /* The dialog waits (its controls off) while the worker owns the bundle
   * and the report; the store serializes its connection itself. */
  if (sihua_bundle_import (self->bundle, self->store, self->report, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SihuaBundleImportDialog *self = SIHUA_BUNDLE_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflicts_group), TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* All or nothing: the store is as it was. */
      g_autofree char *message = NULL;

      /* Translators: %s says why; nothing was changed */
      message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
      update_import_button (self);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, self->report);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (SihuaBundleImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->importing || !all_decided (self))
    return;

  self->importing = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflicts_group), FALSE);
  update_import_button (self);

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_source_tag (task, import_clicked_cb);
  g_task_run_in_thread (task, import_thread);
}

/*
 * GObject overrides
 */

static gboolean
sihua_bundle_import_dialog_close_request (GtkWindow *window)
{
  SihuaBundleImportDialog *self = SIHUA_BUNDLE_IMPORT_DIALOG (window);

  /* An import runs to its end (it is one transaction); then it closes. */
  if (self->importing)
    return TRUE;

  return GTK_WINDOW_CLASS (sihua_bundle_import_dialog_parent_class)->close_request (window);
}

static void
sihua_bundle_import_dialog_finalize (GObject *object)
{
  SihuaBundleImportDialog *self = SIHUA_BUNDLE_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->bundle, sihua_bundle_free);
  g_clear_pointer (&self->report, sihua_bundle_report_free);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_hash_table_unref);

  G_OBJECT_CLASS (sihua_bundle_import_dialog_parent_class)->finalize (object);
}

static void
sihua_bundle_import_dialog_class_init (SihuaBundleImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = sihua_bundle_import_dialog_finalize;
  window_class->close_request = sihua_bundle_import_dialog_close_request;

  /**
   * SihuaBundleImportDialog::imported:
   * @report: (type gpointer): the #SihuaBundleReport of what was done
   *
   * The bundle is merged into the store; the dialog closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sihua-bundle-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaBundleImportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_theirs_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_both_clicked_cb);
}

static void
sihua_bundle_import_dialog_init (SihuaBundleImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toggles = g_ptr_array_new ();
}

/*
 * Public API
 */

/**
 * sihua_bundle_import_dialog_load_models:
 * @store: the store the bundle is to be merged into
 * @report: sihua_bundle_analyse() of the bundle against @store
 *
 * Reads the model each assessment in conflict is pinned to in @store, so
 * the dialog can name the changed questions by their text. It touches no
 * widget: call it on the thread that loaded the bundle, since a bundle from
 * a busy week can hold hundreds of conflicts.
 *
 * Returns: (transfer full): assessment UUID → #SihuaModel; an assessment
 *   whose model cannot be read is left out (its questions go by their ids)
 */
GHashTable *
sihua_bundle_import_dialog_load_models (SihuaStore        *store,
                                        SihuaBundleReport *report)
{
  /* Many conflicts share a handful of model versions: parse each once. */
  g_autoptr(GHashTable) by_version = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, model_unref);
  GHashTable *by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal,
                                               g_free, g_object_unref);

  g_return_val_if_fail (SIHUA_IS_STORE (store), by_uuid);
  g_return_val_if_fail (report != NULL, by_uuid);

  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, i);
      g_autoptr(SihuaAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      SihuaModel *model;

      if (conflict->kind != SIHUA_BUNDLE_ROW_ASSESSMENT || conflict->uuid == NULL)
        continue;

      assessment = sihua_store_get_assessment_by_uuid (store, conflict->uuid, &error);
      if (assessment == NULL)
        {
          g_debug ("No pinned model for %s: %s", conflict->uuid, error->message);
          continue;
        }

      key = g_strdup_printf ("%s@%s", assessment->model_id, assessment->model_version);
      if (!g_hash_table_lookup_extended (by_version, key, NULL, (gpointer *) &model))
        {
          model = sihua_store_load_assessment_model (store, assessment->id, &error);
          if (model == NULL)
            g_debug ("Cannot load the model of %s: %s", conflict->uuid, error->message);
          g_hash_table_insert (by_version, g_steal_pointer (&key), model);
        }
      if (model != NULL)
        g_hash_table_insert (by_uuid, g_strdup (conflict->uuid), g_object_ref (model));
    }

  return by_uuid;
}

/**
 * sihua_bundle_import_dialog_new:
 * @store: the store to merge into
 * @bundle: (transfer full): a loaded bundle
 * @report: (transfer full): sihua_bundle_analyse() of @bundle against @store
 * @models: (transfer full): sihua_bundle_import_dialog_load_models() for
 *   @report
 *
 * Shows what importing @bundle will add, skip, and which rows conflict,
 * with a choice for each conflict; imports when asked.
 */
SihuaBundleImportDialog *
sihua_bundle_import_dialog_new (GtkWindow         *parent,
                                SihuaStore        *store,
                                SihuaBundle       *bundle,
                                SihuaBundleReport *report,
                                GHashTable        *models)
{
  SihuaBundleImportDialog *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);
  g_return_val_if_fail (bundle != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (models != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_BUNDLE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->bundle = bundle;
  self->report = report;
  self->models = models;

  fill_summary (self);
  for (guint i = 0; i < report->conflicts->len; i++)
    add_conflict_row (self, g_ptr_array_index (report->conflicts, i));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), report->conflicts->len > 0);
  update_import_button (self);

  return self;
}
