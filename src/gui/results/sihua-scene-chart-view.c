/* sihua-scene-chart-view.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-scene-chart-view"

#include "config.h"

#include <adwaita.h>

#include "sihua-cairo-painter.h"
#include "sihua-scene-chart-view.h"

/* The scene chart on screen: the drawing code the PDF uses, painted with
 * Cairo at the widget's size in the palette of the current theme. */
struct _SihuaSceneChartView
{
  GtkWidget        parent_instance;

  SihuaSceneChart *chart;
};

G_DEFINE_FINAL_TYPE (SihuaSceneChartView, sihua_scene_chart_view, GTK_TYPE_WIDGET)

static void
style_manager_dark_changed_cb (SihuaSceneChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sihua_scene_chart_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  SihuaSceneChartView *self = SIHUA_SCENE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  SihuaPainter *painter;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painter = sihua_cairo_painter_new (cr);
  sihua_scene_chart_draw (self->chart, painter,
                          sihua_palette_get (dark ? SIHUA_PALETTE_DARK : SIHUA_PALETTE_LIGHT),
                          width, height);
  sihua_painter_free (painter);
  cairo_destroy (cr);
}

static void
sihua_scene_chart_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  SihuaSceneChartView *self = SIHUA_SCENE_CHART_VIEW (widget);
  guint n = self->chart != NULL ? self->chart->scenes->len : 0;

  /* Sixteen rows stay readable at about 22 pixels each. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 640;
    }
  else
    {
      *minimum = 120 + 16 * n;
      *natural = 120 + 24 * n;
    }
}

static void
sihua_scene_chart_view_finalize (GObject *object)
{
  SihuaSceneChartView *self = (SihuaSceneChartView *)object;

  g_clear_pointer (&self->chart, sihua_scene_chart_free);

  G_OBJECT_CLASS (sihua_scene_chart_view_parent_class)->finalize (object);
}

static void
sihua_scene_chart_view_class_init (SihuaSceneChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sihua_scene_chart_view_finalize;

  widget_class->snapshot = sihua_scene_chart_view_snapshot;
  widget_class->measure = sihua_scene_chart_view_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sihua_scene_chart_view_init (SihuaSceneChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * sihua_scene_chart_view_new:
 * @chart: (transfer full): what to draw; the view keeps it
 */
GtkWidget *
sihua_scene_chart_view_new (SihuaSceneChart *chart)
{
  SihuaSceneChartView *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_SCENE_CHART_VIEW, NULL);
  self->chart = chart;
  description = sihua_scene_chart_describe (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

/**
 * sihua_scene_chart_view_get_chart:
 *
 * Returns: (transfer none): the chart drawn
 */
const SihuaSceneChart *
sihua_scene_chart_view_get_chart (SihuaSceneChartView *self)
{
  g_return_val_if_fail (SIHUA_IS_SCENE_CHART_VIEW (self), NULL);

  return self->chart;
}
