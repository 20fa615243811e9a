/* sihua-dimension-row.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-dimension-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-dimension-row.h"

/* A dimension in the answering sidebar: its title, how many of its
 * applicable questions are answered, and a status colour (not started, in
 * progress, complete). */
struct _SihuaDimensionRow
{
  GtkListBoxRow         parent_instance;

  const SihuaDimension *dimension;
  char                 *title;
  GtkWidget            *status_dot;
  GtkWidget            *title_label;
  GtkWidget            *count_label;
  GtkWidget            *progress_bar;
};

G_DEFINE_FINAL_TYPE (SihuaDimensionRow, sihua_dimension_row, GTK_TYPE_LIST_BOX_ROW)

static void
sihua_dimension_row_finalize (GObject *object)
{
  SihuaDimensionRow *self = (SihuaDimensionRow *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sihua_dimension_row_parent_class)->finalize (object);
}

static void
sihua_dimension_row_class_init (SihuaDimensionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sihua_dimension_row_finalize;
}

static void
sihua_dimension_row_init (SihuaDimensionRow *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  self->status_dot = gtk_image_new_from_icon_name ("media-record-symbolic");
  gtk_widget_add_css_class (self->status_dot, "dimension-status");
  gtk_widget_set_valign (self->status_dot, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), self->status_dot, 0, 0, 1, 1);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), self->title_label, 1, 0, 1, 1);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_add_css_class (self->count_label, "caption");
  gtk_grid_attach (GTK_GRID (grid), self->count_label, 2, 0, 1, 1);

  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_add_css_class (self->progress_bar, "dimension-progress");
  gtk_grid_attach (GTK_GRID (grid), self->progress_bar, 1, 1, 2, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), grid);
}

GtkWidget *
sihua_dimension_row_new (const SihuaDimension *dimension,
                         SihuaLanguage         language)
{
  SihuaDimensionRow *self;

  g_return_val_if_fail (dimension != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_DIMENSION_ROW, NULL);
  self->dimension = dimension;
  self->title = g_strdup (sihua_text_get (&dimension->title, language, NULL));
  gtk_label_set_text (GTK_LABEL (self->title_label), self->title);
  sihua_dimension_row_set_progress (self, 0, dimension->questions->len);

  return GTK_WIDGET (self);
}

const SihuaDimension *
sihua_dimension_row_get_dimension (SihuaDimensionRow *self)
{
  g_return_val_if_fail (SIHUA_IS_DIMENSION_ROW (self), NULL);

  return self->dimension;
}

/**
 * sihua_dimension_row_set_progress:
 * @answered: applicable questions answered
 * @applicable: questions shown and not answered N/A
 */
void
sihua_dimension_row_set_progress (SihuaDimensionRow *self,
                                  guint              answered,
                                  guint              applicable)
{
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;
  const char *status;
  const char *status_text;

  g_return_if_fail (SIHUA_IS_DIMENSION_ROW (self));

  if (answered >= applicable)
    {
      status = "complete";
      status_text = _("complete");
    }
  else if (answered > 0)
    {
      status = "in-progress";
      status_text = _("in progress");
    }
  else
    {
      status = "not-started";
      status_text = _("not started");
    }

  gtk_widget_remove_css_class (self->status_dot, "complete");
  gtk_widget_remove_css_class (self->status_dot, "in-progress");
  gtk_widget_remove_css_class (self->status_dot, "not-started");
  gtk_widget_add_css_class (self->status_dot, status);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_dot),
                                answered >= applicable ? "object-select-symbolic"
                                                       : "media-record-symbolic");

  /* Translators: answered questions of a dimension, "3/8" */
  count = g_strdup_printf (C_("progress", "%u/%u"), answered, applicable);
  gtk_label_set_text (GTK_LABEL (self->count_label), count);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 applicable > 0 ? (double) answered / applicable : 1.0);

  /* Translators: "Equipment, 3 of 8 answered, in progress" */
  accessible = g_strdup_printf (_("%s, %u of %u answered, %s"),
                                self->title ? self->title : "", answered, applicable, status_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
