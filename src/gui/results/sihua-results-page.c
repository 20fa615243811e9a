/* sihua-results-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-number-format.h"
#include "sihua-official.h"
#include "sihua-results-page-private.h"
#include "sihua-stacking-layout.h"
#include "sihua-results-sentences.h"

G_DEFINE_FINAL_TYPE (SihuaResultsPage, sihua_results_page, ADW_TYPE_BIN)

enum {
  SHOW_QUESTION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_ASSESSMENT_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * Auxiliary methods
 */

static const char *
text_of (SihuaResultsPage *self,
         const SihuaText  *text)
{
  return sihua_text_get (text, self->language, NULL);
}

static char *
level_title (SihuaModel *model,
             int         level,
             SihuaLanguage language)
{
  const SihuaLevel *info = sihua_model_get_level (model, level);

  if (info == NULL)
    return g_strdup_printf ("%d", level);

  /* Translators: a stage on its own, as a heading: its number and name */
  return g_strdup_printf (_("Level %d (%s)"), level, sihua_text_get (&info->name, language, NULL));
}

static char *
format_score (double value)
{
  return sihua_number_format_score (value);
}

GtkWidget *
_sihua_results_page_add_group (SihuaResultsPage *self,
                               const char       *title,
                               const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->groups_box, group);

  return list;
}

static void
row_activated_cb (AdwActionRow     *row,
                  SihuaResultsPage *self)
{
  const char *question_id = g_object_get_data (G_OBJECT (row), "question-id");

  if (question_id != NULL)
    g_signal_emit (self, signals[SHOW_QUESTION], 0, question_id);
}

GtkWidget *
_sihua_results_page_add_row (GtkWidget        *list,
                             const char       *title,
                             const char       *subtitle,
                             const char       *question_id,
                             SihuaResultsPage *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  if (question_id != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      g_object_set_data_full (G_OBJECT (row), "question-id", g_strdup (question_id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
      gtk_widget_set_tooltip_text (row, _("Show this question"));
    }

  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/*
 * Sections
 */

static void
show_headline (SihuaResultsPage *self)
{
  int stage = sihua_score_get_stage (self->score);
  double index = sihua_score_get_index (self->score);
  guint answered = sihua_score_get_answered (self->score);
  guint applicable = sihua_score_get_applicable (self->score);
  g_autofree char *text = NULL;
  g_autofree char *index_text = format_score (index);

  for (int i = 0; i <= 4; i++)
    {
      g_autofree char *css = g_strdup_printf ("stage-%d", i);
      gtk_widget_remove_css_class (GTK_WIDGET (self->stage_label), css);
    }

  if (stage < 0)
    gtk_label_set_text (self->stage_label, _("Not scored yet"));
  else
    {
      g_autofree char *title = level_title (self->model, stage, self->language);
      g_autofree char *css = g_strdup_printf ("stage-%d", CLAMP (stage, 0, 4));

      gtk_label_set_text (self->stage_label, title);
      gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), css);
    }

  /* Translators: the maturity index, "Index 63.5 of 100" */
  text = g_strdup_printf (_("Index %s of 100"), index_text);
  gtk_label_set_text (self->index_label, text);
  g_clear_pointer (&text, g_free);

  /* "Scored": the answering page's count also includes the profile
   * questions, which describe the company but carry no level. */
  if (sihua_score_is_complete (self->score))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "All %u applicable scored question answered.",
                                         "All %u applicable scored questions answered.",
                                         applicable),
                            applicable);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u applicable scored question answered: the result is provisional.",
                                         "%u of %u applicable scored questions answered: the result is provisional.",
                                         applicable),
                            answered, applicable);
  gtk_label_set_text (self->completeness_label, text);
}

static void
show_next_level (SihuaResultsPage *self)
{
  SihuaNextLevel *next = sihua_results_get_next_level (self->results);
  g_autofree char *target = NULL;
  g_autofree char *title = NULL;
  GtkWidget *list;

  if (next == NULL || next->target < 0)
    return;

  target = sihua_results_sentence_stage (self->model, next->target, self->language);
  /* Translators: %s is the next stage, "level 3 (Digitalization)" */
  title = g_strdup_printf (_("What is missing for %s"), target);
  list = _sihua_results_page_add_group (self, title, _("Click a line to go to the first question that holds it back."));

  for (guint i = 0; next->requirements != NULL && i < next->requirements->len; i++)
    {
      const SihuaRequirementGap *gap = &g_array_index (next->requirements, SihuaRequirementGap, i);
      g_autofree char *line = sihua_results_sentence_requirement (gap, self->score, self->language);

      _sihua_results_page_add_row (list, line, NULL, NULL, self);
    }

  for (guint i = 0; next->overall != NULL && i < next->overall->len; i++)
    {
      const SihuaDimensionGap *gap = g_ptr_array_index (next->overall, i);
      g_autofree char *line = sihua_results_sentence_dimension (gap, self->model, self->language);
      const char *question_id = NULL;
      g_autofree char *subtitle = NULL;

      if (gap->questions != NULL && gap->questions->len > 0)
        {
          GString *names = g_string_new (NULL);

          question_id = g_array_index (gap->questions, SihuaQuestionGap, 0).question->id;
          for (guint q = 0; q < gap->questions->len; q++)
            {
              const SihuaQuestionGap *question_gap = &g_array_index (gap->questions, SihuaQuestionGap, q);

              if (q > 0)
                g_string_append (names, "；");
              g_string_append (names, text_of (self, &question_gap->question->text));
            }
          subtitle = g_string_free (names, FALSE);
        }

      _sihua_results_page_add_row (list, line, subtitle, question_id, self);
    }

  if (gtk_widget_get_first_child (list) == NULL)
    _sihua_results_page_add_row (list, _("Every requirement of the next stage is met once the open questions are answered."),
             NULL, NULL, self);
}

static void
show_flags (SihuaResultsPage *self)
{
  GArray *flags = sihua_results_get_flags (self->results);
  GtkWidget *list;

  list = _sihua_results_page_add_group (self, _("Answers to verify"),
                                        _("Answers much higher than the rest of their dimension, or given without a note or "
                                          "proof: check them before relying on the results."));

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const SihuaAnswerFlag *flag = &g_array_index (flags, SihuaAnswerFlag, i);
      g_autofree char *line = sihua_results_sentence_flag (flag, self->model, self->language);

      _sihua_results_page_add_row (list, text_of (self, &flag->question->text), line, flag->question->id, self);
    }

  if (flags == NULL || flags->len == 0)
    _sihua_results_page_add_row (list, _("No answer needs checking."), NULL, NULL, self);
}

static void
show_comparison (SihuaResultsPage *self)
{
  SihuaComparison *comparison = sihua_results_get_comparison (self->results);
  const SihuaAssessment *previous = sihua_results_get_previous (self->results);
  gboolean official = sihua_official_applies (self->model);
  g_autofree char *title = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *list;

  if (comparison == NULL || previous == NULL)
    return;

  /* Translators: %s is the date of the previous assessment */
  title = g_strdup_printf (_("Since the assessment of %s"), previous->date);
  list = _sihua_results_page_add_group (self, title, NULL);

  before = format_score (comparison->previous_index);
  after = format_score (comparison->current_index);
  if (comparison->previous_stage >= 0 && comparison->current_stage >= 0)
    {
      g_autofree char *from = sihua_results_sentence_stage (self->model, comparison->previous_stage,
                                                            self->language);
      g_autofree char *to = sihua_results_sentence_stage (self->model, comparison->current_stage,
                                                          self->language);

      /* An official index counts points, not a 0–100 index. */
      if (official)
        /* Translators: "From level 2 to level 3, 42.5 → 51.4 points" */
        headline = g_strdup_printf (_("From %s to %s, %s → %s points"), from, to, before, after);
      else
        /* Translators: "From level 1 (Informatization) to level 2 (Automation), index 40.2 → 55.0" */
        headline = g_strdup_printf (_("From %s to %s, index %s → %s"), from, to, before, after);
    }
  else if (official)
    headline = g_strdup_printf (_("%s → %s points"), before, after);
  else
    headline = g_strdup_printf (_("Index %s → %s"), before, after);
  _sihua_results_page_add_row (list, headline, NULL, NULL, self);

  for (guint i = 0; comparison->dimensions != NULL && i < comparison->dimensions->len; i++)
    {
      const SihuaDimensionChange *change = &g_array_index (comparison->dimensions, SihuaDimensionChange, i);
      const SihuaDimension *dimension = sihua_model_lookup_dimension (self->model, change->dimension_id);
      g_autofree char *from = format_score (change->previous_score);
      g_autofree char *to = format_score (change->current_score);
      g_autofree char *line = NULL;
      GtkWidget *row, *delta;

      if (change->trend == SIHUA_TREND_UNSCORED)
        continue;

      if (isnan (change->delta))
        line = g_strdup_printf ("%s → %s", from, to);
      else
        {
          g_autofree char *delta_text = sihua_number_format_change (change->previous_score,
                                                                    change->current_score);

          line = g_strdup_printf ("%s → %s (%s)", from, to, delta_text);
        }

      row = _sihua_results_page_add_row (list, dimension ? text_of (self, &dimension->title) : change->dimension_id,
                     line, NULL, self);

      delta = gtk_image_new_from_icon_name (change->trend == SIHUA_TREND_IMPROVED ? "go-up-symbolic"
                                            : change->trend == SIHUA_TREND_DECLINED ? "go-down-symbolic"
                                            : "go-next-symbolic");
      gtk_widget_add_css_class (delta, sihua_trend_to_string (change->trend));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delta), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      change->trend == SIHUA_TREND_IMPROVED ? _("improved")
                                      : change->trend == SIHUA_TREND_DECLINED ? _("declined")
                                      : _("unchanged"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delta);
    }
}

static const char *
band_name (SihuaBandLevel band)
{
  switch (band)
    {
    case SIHUA_BAND_LOW:
      return C_("band", "low");
    case SIHUA_BAND_MEDIUM:
      return C_("band", "medium");
    case SIHUA_BAND_HIGH:
    default:
      return C_("band", "high");
    }
}

static void
add_roadmap_item (SihuaResultsPage       *self,
                  GtkWidget              *list,
                  const SihuaRoadmapItem *item)
{
  const SihuaRecommendation *recommendation = item->recommendation;
  g_autofree char *bands = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *subtitle = NULL;
  const char *detail = text_of (self, &recommendation->detail);
  GtkWidget *row, *box, *label;

  /* The rule's one line of why under what the measure is (barrier
   * actions have none: they apply because the company said so). */
  if (item->dimension != NULL || item->edit != NULL)
    reason = sihua_roadmap_item_describe_reason (item, sihua_results_get_model (self->results),
                                                 self->language, NULL, NULL);
  if (reason != NULL && *reason != '\0')
    /* Translators: a measure's description, then why it stands where it does */
    subtitle = g_strdup_printf (_("%s\nWhy: %s"), detail != NULL ? detail : "", reason);
  else
    subtitle = g_strdup (detail);

  row = _sihua_results_page_add_row (list, text_of (self, &recommendation->title), subtitle, NULL, self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (recommendation->quick_win)
    {
      label = gtk_label_new (_("Quick win"));
      gtk_widget_add_css_class (label, "quick-win");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  /* Translators: "effort low · cost medium" */
  bands = g_strdup_printf (_("effort %s · cost %s"),
                           band_name (recommendation->effort), band_name (recommendation->cost));
  label = gtk_label_new (bands);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

static void
show_roadmap (SihuaResultsPage *self)
{
  SihuaRoadmap *roadmap = sihua_results_get_roadmap (self->results);

  if (roadmap == NULL)
    return;

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      const SihuaRoadmapPhase *phase = &roadmap->phases[h];
      g_autofree char *title = NULL;
      GtkWidget *list;

      if (phase->items == NULL || phase->items->len == 0)
        continue;

      /* Translators: %s is a time span, "0–6 months" */
      title = g_strdup_printf (_("Roadmap: %s"), sihua_horizon_describe (phase->horizon));
      list = _sihua_results_page_add_group (self, title, NULL);
      for (guint i = 0; i < phase->items->len; i++)
        add_roadmap_item (self, list, &g_array_index (phase->items, SihuaRoadmapItem, i));
    }

  if (roadmap->barriers != NULL && roadmap->barriers->len > 0)
    {
      GtkWidget *list = _sihua_results_page_add_group (self, _("Against the barriers reported"), NULL);

      for (guint i = 0; i < roadmap->barriers->len; i++)
        add_roadmap_item (self, list, &g_array_index (roadmap->barriers, SihuaRoadmapItem, i));
    }
}

static void
show_dimension_scores (SihuaResultsPage *self)
{
  GtkWidget *list = NULL;

  /* Without the chart widget, the scores are listed with level bars. */
  if (_sihua_results_page_add_charts (self))
    return;

  list = _sihua_results_page_add_group (self, _("Dimensions"), NULL);
  gtk_box_reorder_child_after (self->groups_box,
                               gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP), NULL);

  for (guint i = 0; i < sihua_score_get_n_dimensions (self->score); i++)
    {
      const SihuaDimensionScore *dimension = sihua_score_get_dimension (self->score, i);
      g_autofree char *score = format_score (dimension->score);
      g_autofree char *stage = dimension->stage >= 0
        ? level_title (self->model, dimension->stage, self->language)
        : g_strdup (_("not scored"));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", score, stage);
      GtkWidget *row, *bar;

      row = _sihua_results_page_add_row (list, text_of (self, &dimension->dimension->title), subtitle, NULL, self);
      bar = gtk_level_bar_new_for_interval (0, 100);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (dimension->score) ? 0 : dimension->score);
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
    }
}

static void
clear_results (SihuaResultsPage *self)
{
  self->assessment = NULL;
  self->model = NULL;
  self->answers = NULL;
  self->score = NULL;
  self->previous_score = NULL;
  g_clear_object (&self->results);

  gtk_widget_set_visible (self->answer_sheet_button, FALSE);
  gtk_label_set_text (self->stage_caption, _("Overall stage"));
  clear_box (self->charts_box);
  clear_box (self->bars_box);
  clear_box (self->groups_box);
}

static void
cancel_loading (SihuaResultsPage *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
show_error (SihuaResultsPage *self,
            const GError     *error)
{
  gtk_label_set_text (self->stage_label, _("The results cannot be shown"));
  gtk_label_set_text (self->index_label, error->message);
  gtk_label_set_text (self->completeness_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export", FALSE);
}

static void
show_results (SihuaResultsPage *self,
              SihuaResults     *results)
{
  self->results = g_object_ref (results);
  self->assessment = sihua_results_get_assessment (results);
  self->model = sihua_results_get_model (results);
  self->answers = sihua_results_get_answers (results);
  self->score = sihua_results_get_score (results);
  self->previous_score = sihua_results_get_previous_score (results);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export", TRUE);
  show_headline (self);
  /* An official index shows its own currency and its own missing line. */
  if (!_sihua_results_page_show_official (self))
    {
      show_dimension_scores (self);
      show_next_level (self);
    }
  show_flags (self);
  show_comparison (self);
  show_roadmap (self);
}

static void
results_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SihuaResultsPage) self = user_data;
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GError) error = NULL;

  results = sihua_results_load_finish (result, &error);
  /* Another load (or the page's end) took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  if (results == NULL)
    {
      show_error (self, error);
      return;
    }

  show_results (self, results);
  g_debug ("Results shown in %.1f ms", (g_get_monotonic_time () - self->load_started) / 1000.0);
}

/* The header's line under "Results" names the assessed company. */
static void
update_subtitle (SihuaResultsPage *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  const char *name;

  assessment = sihua_store_get_assessment (self->store, self->assessment_id, NULL);
  if (assessment != NULL)
    company = sihua_store_get_company (self->store, assessment->company_id, NULL);
  name = company != NULL ? company->name : "";

  if (g_strcmp0 (self->subtitle, name) == 0)
    return;

  g_free (self->subtitle);
  self->subtitle = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/*
 * GObject overrides
 */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _sihua_results_page_export (SIHUA_RESULTS_PAGE (widget));
}

static void
export_answer_sheet_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _sihua_results_page_export_answer_sheet (SIHUA_RESULTS_PAGE (widget));
}

/* Coming here with Ctrl+R leaves the focus on the page just hidden; the
 * keyboard comes along, so Ctrl+E works at once. */
static void
sihua_results_page_map (GtkWidget *widget)
{
  SihuaResultsPage *self = SIHUA_RESULTS_PAGE (widget);
  GtkRoot *root;
  GtkWidget *focus;

  GTK_WIDGET_CLASS (sihua_results_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget) || !gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (GTK_WIDGET (self->export_button));
}

static void
sihua_results_page_dispose (GObject *object)
{
  SihuaResultsPage *self = (SihuaResultsPage *)object;

  cancel_loading (self);
  clear_results (self);

  G_OBJECT_CLASS (sihua_results_page_parent_class)->dispose (object);
}

static void
sihua_results_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SihuaResultsPage *self = SIHUA_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, sihua_results_page_get_assessment_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, sihua_results_page_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, sihua_results_page_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_results_page_finalize (GObject *object)
{
  SihuaResultsPage *self = (SihuaResultsPage *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (sihua_results_page_parent_class)->finalize (object);
}

static void
sihua_results_page_class_init (SihuaResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_results_page_dispose;
  object_class->finalize = sihua_results_page_finalize;
  object_class->get_property = sihua_results_page_get_property;
  widget_class->map = sihua_results_page_map;

  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihuaResultsPage::show-question:
   * @question_id: the question to show on the assessment page
   */
  signals[SHOW_QUESTION] = g_signal_new ("show-question",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sihua-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, stage_caption);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, answer_sheet_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, bars_box);
  gtk_widget_class_bind_template_child (widget_class, SihuaResultsPage, groups_box);

  gtk_widget_class_install_action (widget_class, "results.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "results.export-answer-sheet", NULL,
                                   export_answer_sheet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "results.export", NULL);

  _sihua_answer_pages_load_css ();
}

static void
sihua_results_page_init (SihuaResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->language = sihua_language_from_locale ();

  /* Ladder and radar side by side while each has 340 px, one under the
   * other on a narrow window (libadwaita 1.2 has no breakpoints). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->charts_box), sihua_stacking_layout_new (340, 18));
}

/*
 * Public API
 */

GtkWidget *
sihua_results_page_new (void)
{
  return g_object_new (SIHUA_TYPE_RESULTS_PAGE, NULL);
}

/**
 * sihua_results_page_set_assessment:
 * @store: the open store
 * @assessment_id: the assessment whose results are shown
 */
void
sihua_results_page_set_assessment (SihuaResultsPage *self,
                                   SihuaStore       *store,
                                   gint64            assessment_id)
{
  g_return_if_fail (SIHUA_IS_RESULTS_PAGE (self));
  g_return_if_fail (SIHUA_IS_STORE (store));

  g_set_object (&self->store, store);
  if (self->assessment_id != assessment_id)
    {
      self->assessment_id = assessment_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_ID]);
    }
  update_subtitle (self);
  sihua_results_page_reload (self);
}

gint64
sihua_results_page_get_assessment_id (SihuaResultsPage *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS_PAGE (self), 0);

  return self->assessment_id;
}

/**
 * sihua_results_page_get_title:
 *
 * Returns: what the header calls the page
 */
const char *
sihua_results_page_get_title (SihuaResultsPage *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS_PAGE (self), NULL);

  return _("Results");
}

/**
 * sihua_results_page_get_subtitle:
 *
 * Returns: the name of the assessed company, or ""
 */
const char *
sihua_results_page_get_subtitle (SihuaResultsPage *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS_PAGE (self), NULL);

  return self->subtitle != NULL ? self->subtitle : "";
}

/**
 * sihua_results_page_reload:
 *
 * Loads the results again (on the store's worker thread, after the answers
 * given so far are stored) and shows them.
 */
void
sihua_results_page_reload (SihuaResultsPage *self)
{
  g_return_if_fail (SIHUA_IS_RESULTS_PAGE (self));

  cancel_loading (self);
  clear_results (self);
  if (self->store == NULL)
    return;

  /* No stale figures while loading. Export stays enabled, so the page
   * can take the focus when it is shown; it waits for the results. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export", TRUE);
  gtk_label_set_text (self->stage_label, "");
  gtk_label_set_text (self->index_label, "");
  gtk_label_set_text (self->completeness_label, "");

  self->loading = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();
  sihua_results_load_async (self->store, self->assessment_id, self->loading,
                            results_loaded_cb, g_object_ref (self));
}
