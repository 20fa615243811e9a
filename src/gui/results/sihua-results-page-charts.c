/* sihua-results-page-charts.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-chart-view.h"
#include "sihua-results-page-private.h"

/* The same charts as in the PDF: the stage ladder and the radar side by
 * side, the dimension bars below them. */

static GtkWidget *
add_chart (GtkBox         *box,
           SihuaChartKind  kind,
           SihuaChartData *data,
           const char     *name,
           int             height)
{
  GtkWidget *chart = sihua_chart_view_new (kind);
  g_autofree char *description = sihua_chart_describe (kind, data);

  sihua_chart_view_set_data (SIHUA_CHART_VIEW (chart), data);
  gtk_widget_set_size_request (chart, 280, height);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_widget_add_css_class (chart, "card");
  gtk_widget_add_css_class (chart, "results-chart");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  gtk_box_append (box, chart);

  return chart;
}

gboolean
_sihua_results_page_add_charts (SihuaResultsPage *self)
{
  int target = self->assessment != NULL ? self->assessment->target_level : -1;

  if (self->score == NULL)
    return FALSE;

  add_chart (self->charts_box, SIHUA_CHART_LADDER,
             sihua_chart_data_new_from_score (self->score, self->previous_score, target, self->language),
             _("Stage ladder"), 300);
  add_chart (self->charts_box, SIHUA_CHART_RADAR,
             sihua_chart_data_new_from_score (self->score, self->previous_score, target, self->language),
             _("Radar chart of the dimension scores"), 300);
  add_chart (self->bars_box, SIHUA_CHART_BARS,
             sihua_chart_data_new_from_score (self->score, self->previous_score, target, self->language),
             _("Dimension scores"), 420);
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->bars_box), TRUE);

  return TRUE;
}
