/* sihua-chart-view.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sihua-cairo-painter.h"
#include "sihua-chart-view.h"

/* A chart on screen: the same drawing code as the PNG and the PDF, painted
 * with Cairo at the widget's size, in the palette of the current theme. */
struct _SihuaChartView
{
  GtkWidget       parent_instance;

  SihuaChartKind   kind;
  SihuaChartData  *data;
  SihuaSceneChart *scenes;  /* when set, drawn instead of @kind */
};

G_DEFINE_FINAL_TYPE (SihuaChartView, sihua_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_accessible_label (SihuaChartView *self)
{
  g_autofree char *label = NULL;

  if (self->data == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  label = sihua_chart_describe (self->kind, self->data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
style_manager_dark_changed_cb (SihuaChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sihua_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SihuaChartView *self = SIHUA_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  SihuaPalette palette = *sihua_palette_get (dark ? SIHUA_PALETTE_DARK : SIHUA_PALETTE_LIGHT);
  SihuaPainter *painter;
  GdkRGBA ink;
  cairo_t *cr;

  if ((self->data == NULL && self->scenes == NULL) || width <= 0 || height <= 0)
    return;

  /* Text and the previous assessment's marks in the theme's own ink, so
   * they read on whatever card colour the theme gives: fixed greys were
   * dark on dark. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  palette.foreground = (SihuaColor) { ink.red, ink.green, ink.blue, ink.alpha };
  palette.secondary = (SihuaColor) { ink.red, ink.green, ink.blue, ink.alpha * 0.75 };
  palette.series[SIHUA_SERIES_PREVIOUS] = (SihuaColor) { ink.red, ink.green, ink.blue, ink.alpha * 0.8 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painter = sihua_cairo_painter_new (cr);
  if (self->scenes != NULL)
    sihua_scene_chart_draw (self->scenes, painter, &palette, width, height);
  else
    sihua_chart_draw (self->kind, self->data, painter, &palette,
                      width, height, SIHUA_CHART_FLAGS_NONE);
  sihua_painter_free (painter);
  cairo_destroy (cr);
}

static void
sihua_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SihuaChartView *self = SIHUA_CHART_VIEW (widget);

  /* Below this, labels would have to shrink past reading size. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 560;
    }
  else if (self->scenes != NULL)
    {
      /* Rows of scenes stay readable at about 22 pixels each. */
      *minimum = 120 + 16 * self->scenes->scenes->len;
      *natural = 120 + 24 * self->scenes->scenes->len;
    }
  else
    {
      *minimum = 200;
      *natural = 392;
    }
}

static void
sihua_chart_view_finalize (GObject *object)
{
  SihuaChartView *self = (SihuaChartView *)object;

  g_clear_pointer (&self->data, sihua_chart_data_free);
  g_clear_pointer (&self->scenes, sihua_scene_chart_free);

  G_OBJECT_CLASS (sihua_chart_view_parent_class)->finalize (object);
}

static void
sihua_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SihuaChartView *self = SIHUA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, sihua_chart_view_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SihuaChartView *self = SIHUA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      sihua_chart_view_set_kind (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_chart_view_class_init (SihuaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sihua_chart_view_finalize;
  object_class->get_property = sihua_chart_view_get_property;
  object_class->set_property = sihua_chart_view_set_property;

  widget_class->snapshot = sihua_chart_view_snapshot;
  widget_class->measure = sihua_chart_view_measure;

  /**
   * SihuaChartView:kind:
   *
   * Which chart is drawn, a #SihuaChartKind.
   */
  properties [PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, SIHUA_N_CHART_KINDS - 1, SIHUA_CHART_RADAR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sihua_chart_view_init (SihuaChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
sihua_chart_view_new (SihuaChartKind kind)
{
  g_return_val_if_fail (kind < SIHUA_N_CHART_KINDS, NULL);

  return g_object_new (SIHUA_TYPE_CHART_VIEW, "kind", kind, NULL);
}

SihuaChartKind
sihua_chart_view_get_kind (SihuaChartView *self)
{
  g_return_val_if_fail (SIHUA_IS_CHART_VIEW (self), SIHUA_CHART_RADAR);

  return self->kind;
}

void
sihua_chart_view_set_kind (SihuaChartView *self,
                           SihuaChartKind  kind)
{
  g_return_if_fail (SIHUA_IS_CHART_VIEW (self));
  g_return_if_fail (kind < SIHUA_N_CHART_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

/**
 * sihua_chart_view_get_data:
 *
 * Returns: (transfer none) (nullable): the data drawn
 */
const SihuaChartData *
sihua_chart_view_get_data (SihuaChartView *self)
{
  g_return_val_if_fail (SIHUA_IS_CHART_VIEW (self), NULL);

  return self->data;
}

/**
 * sihua_chart_view_set_data:
 * @data: (transfer full) (nullable): what to draw; the view keeps it
 *
 * Replaces the data and redraws. Build the data in the user interface's
 * language (sihua_language_from_locale()).
 */
void
sihua_chart_view_set_data (SihuaChartView *self,
                           SihuaChartData *data)
{
  g_return_if_fail (SIHUA_IS_CHART_VIEW (self));

  if (self->data == data)
    return;

  g_clear_pointer (&self->data, sihua_chart_data_free);
  self->data = data;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sihua_chart_view_set_scene_chart:
 * @chart: (transfer full) (nullable): the scene chart of an official index;
 *   the view keeps it and draws it instead of its kind of chart
 *
 * Replaces the scene chart and redraws.
 */
void
sihua_chart_view_set_scene_chart (SihuaChartView  *self,
                                  SihuaSceneChart *chart)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SIHUA_IS_CHART_VIEW (self));

  if (self->scenes == chart)
    return;

  g_clear_pointer (&self->scenes, sihua_scene_chart_free);
  self->scenes = chart;
  if (chart != NULL)
    {
      description = sihua_scene_chart_describe (chart);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
