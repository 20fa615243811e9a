/* sihua-results-page-official.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-chart-view.h"
#include "sihua-official.h"
#include "sihua-results-page-private.h"

/* The results of an official index in its own currency: the points of each
 * area out of its maximum and the total out of 100, the level by its own
 * name, the scene chart, how many scenes reach each level against what the
 * level asks, and what is missing for the next level. */

static const char *
level_name (SihuaResultsPage *self,
            int               level)
{
  const SihuaLevel *info = sihua_model_get_level (self->model, level);

  return info != NULL ? sihua_text_get (&info->name, self->language, NULL) : "—";
}

static GtkWidget *
add_value_row (GtkWidget        *list,
               const char       *title,
               const char       *value,
               SihuaResultsPage *self)
{
  GtkWidget *row = _sihua_results_page_add_row (list, title, NULL, NULL, self);
  GtkWidget *label = gtk_label_new (value);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

/* Points and the missing line sit side by side above the chart. */
static void
move_to_top (SihuaResultsPage *self,
             GtkWidget        *list)
{
  GtkWidget *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);

  g_object_ref (group);
  gtk_box_remove (self->groups_box, group);
  gtk_widget_set_valign (group, GTK_ALIGN_START);
  gtk_box_append (self->charts_box, group);
  g_object_unref (group);
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), TRUE);
}

static void
show_points (SihuaResultsPage *self)
{
  g_autofree char *total = sihua_official_format_points (sihua_score_get_points_total (self->score));
  g_autofree char *most = sihua_official_format_points (sihua_score_get_points_max (self->score));
  g_autofree char *line = NULL;
  GtkWidget *list;

  list = _sihua_results_page_add_group (self, _("Points"), NULL);
  move_to_top (self, list);
  for (guint i = 0; i < sihua_score_get_n_area_points (self->score); i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (self->score, i);
      g_autofree char *points = sihua_official_format_points (area->points);
      g_autofree char *area_max = sihua_official_format_points (area->max);
      /* Translators: points of an area out of its maximum, "32.5 / 50" */
      g_autofree char *value = g_strdup_printf (_("%s / %s"), points, area_max);

      add_value_row (list, sihua_text_get (&area->area->title, self->language, NULL), value, self);
    }

  line = g_strdup_printf (_("%s / %s"), total, most);
  add_value_row (list, _("Total"), line, self);

  /* The headline speaks the same currency as the list. */
  g_free (line);
  /* Translators: the headline under the level, "63.5 of 100 points" */
  line = g_strdup_printf (_("%s of %s points"), total, most);
  gtk_label_set_text (self->index_label, line);
}

static void
show_scenes (SihuaResultsPage *self,
             SihuaSceneChart  *chart)
{
  GtkWidget *view;
  GtkWidget *list;

  list = _sihua_results_page_add_group (self, _("Scenes at each level"),
                                        _("★ marks a constraint scene (约束性场景). A level needs its points "
                                          "and enough scenes, and constraint scenes among them, at that "
                                          "level or above."));
  for (guint l = 1; l < chart->n_levels; l++)
    {
      const SihuaSceneChartLevel *level = &chart->levels[l];
      g_autofree char *line = NULL;

      if (level->need_scenes >= 0 || level->need_constraint >= 0)
        /* Translators: "7 scenes (★ 4) at 二级 or above; 二级 needs 6 (★ 3)" */
        line = g_strdup_printf (_("%d scenes (★ %d) at %s or above; %s needs %d (★ %d)"),
                                level->have_scenes, level->have_constraint, level->name,
                                level->name, MAX (level->need_scenes, 0), MAX (level->need_constraint, 0));
      else
        line = g_strdup_printf (_("%d scenes (★ %d) at %s or above"),
                                level->have_scenes, level->have_constraint, level->name);
      _sihua_results_page_add_row (list, line, NULL, NULL, self);
    }

  view = sihua_chart_view_new (SIHUA_CHART_BARS);
  sihua_chart_view_set_scene_chart (SIHUA_CHART_VIEW (view), chart);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "results-chart");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scene levels"),
                                  -1);
  gtk_box_append (self->bars_box, view);
  gtk_widget_set_visible (GTK_WIDGET (self->bars_box), TRUE);
}

/* Core's sentence first ("再得 6.4 分，并再有 1 个场景达到三级"), then the
 * cheapest changes that earn the points, each going to its question. */
static void
show_missing (SihuaResultsPage *self)
{
  SihuaPointsGap *gap = sihua_results_get_points_gap (self->results);
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *list;

  if (gap == NULL || gap->target < 0)
    return;

  /* Translators: %s is the next level, "三级" */
  title = g_strdup_printf (_("What is missing for %s"), level_name (self, gap->target));
  list = _sihua_results_page_add_group (self, title, NULL);
  move_to_top (self, list);

  sentence = sihua_points_gap_describe (gap, self->model, self->language);
  if (sentence == NULL)
    sentence = g_strdup (_("Every requirement of the next level is met once the open "
                           "questions are answered."));
  _sihua_results_page_add_row (list, sentence, NULL, NULL, self);

  for (guint i = 0; gap->steps != NULL && i < gap->steps->len && i < gap->steps_enough; i++)
    {
      const SihuaPointsStep *step = &g_array_index (gap->steps, SihuaPointsStep, i);
      g_autofree char *gain = sihua_official_format_exact (step->gain);
      /* Translators: one change that earns points, "数据安全 → C (+1.25 points)" */
      g_autofree char *line = g_strdup_printf (_("%s → %s (+%s points)"),
                                               sihua_text_get (&step->question->text, self->language, NULL),
                                               sihua_text_get (&step->option->text, self->language, NULL),
                                               gain);

      _sihua_results_page_add_row (list, line, NULL, step->question->id, self);
    }
}

gboolean
_sihua_results_page_show_official (SihuaResultsPage *self)
{
  SihuaSceneChart *chart;
  int stage;

  if (self->model == NULL || self->score == NULL || !sihua_official_applies (self->model))
    return FALSE;

  chart = sihua_official_scene_chart (self->score, self->language);
  if (chart == NULL)
    return FALSE;

  stage = sihua_score_get_stage (self->score);
  if (stage >= 0)
    gtk_label_set_text (self->stage_label, level_name (self, stage));

  gtk_label_set_text (self->stage_caption, _("Official level"));
  gtk_widget_set_visible (self->answer_sheet_button, TRUE);
  show_points (self);
  show_missing (self);
  show_scenes (self, chart);

  return TRUE;
}
