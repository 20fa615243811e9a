/* sihua-choice-grid.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-choice-grid"

#include "config.h"

#include "sihua-choice-grid.h"

#define COLUMN_SPACING 24
#define ROW_SPACING    2

struct _SihuaChoiceGrid
{
  GtkWidget  parent_instance;

  /* The GtkGrid laying the buttons out; this widget only picks its columns. */
  GtkWidget *grid;
  GPtrArray *buttons;

  guint      columns;
  guint      max_columns;
  int        column_spacing;
  guint      reflow_id;
};

G_DEFINE_FINAL_TYPE (SihuaChoiceGrid, sihua_choice_grid, GTK_TYPE_WIDGET)

/*
 * Auxiliary methods
 */

/* The most columns in which every button, label unwrapped, fits @width. */
static guint
fitting_columns (SihuaChoiceGrid *self,
                 int              width)
{
  int widest = 0;
  guint columns;

  for (guint i = 0; i < self->buttons->len; i++)
    {
      int natural = 0;

      gtk_widget_measure (g_ptr_array_index (self->buttons, i), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }

  for (columns = self->max_columns; columns > 1; columns--)
    if ((int) columns * widest + ((int) columns - 1) * self->column_spacing <= width)
      break;

  return columns;
}

static void
place (SihuaChoiceGrid *self,
       guint            columns)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->grid);

  /* Moved rather than removed and added again: focus stays where it is. */
  self->columns = columns;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkLayoutChild *child = gtk_layout_manager_get_layout_child (layout,
                                                                   g_ptr_array_index (self->buttons, i));

      gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (child), i % columns);
      gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), i / columns);
    }
}

/*
 * Callbacks
 */

static gboolean
reflow_cb (gpointer user_data)
{
  SihuaChoiceGrid *self = user_data;
  guint columns;

  self->reflow_id = 0;
  columns = fitting_columns (self, gtk_widget_get_width (GTK_WIDGET (self)));
  if (columns != self->columns)
    place (self, columns);

  return G_SOURCE_REMOVE;
}

/*
 * GtkWidget overrides
 */

static GtkSizeRequestMode
sihua_choice_grid_get_request_mode (GtkWidget *widget)
{
  SihuaChoiceGrid *self = SIHUA_CHOICE_GRID (widget);

  return gtk_widget_get_request_mode (self->grid);
}

static void
sihua_choice_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SihuaChoiceGrid *self = SIHUA_CHOICE_GRID (widget);

  gtk_widget_measure (self->grid, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sihua_choice_grid_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SihuaChoiceGrid *self = SIHUA_CHOICE_GRID (widget);

  gtk_widget_allocate (self->grid, width, height, baseline, NULL);

  /* The labels wrap, so the grid can always shrink and the width it gets
   * does not depend on its columns: no back and forth. Changing them
   * queues a resize, which has to wait until this allocation is over. */
  if (self->reflow_id == 0 && fitting_columns (self, width) != self->columns)
    self->reflow_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reflow_cb, self, NULL);
}

/*
 * GObject overrides
 */

static void
sihua_choice_grid_dispose (GObject *object)
{
  SihuaChoiceGrid *self = SIHUA_CHOICE_GRID (object);

  g_clear_handle_id (&self->reflow_id, g_source_remove);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (sihua_choice_grid_parent_class)->dispose (object);
}

static void
sihua_choice_grid_finalize (GObject *object)
{
  SihuaChoiceGrid *self = SIHUA_CHOICE_GRID (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (sihua_choice_grid_parent_class)->finalize (object);
}

static void
sihua_choice_grid_class_init (SihuaChoiceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_choice_grid_dispose;
  object_class->finalize = sihua_choice_grid_finalize;
  widget_class->get_request_mode = sihua_choice_grid_get_request_mode;
  widget_class->measure = sihua_choice_grid_measure;
  widget_class->size_allocate = sihua_choice_grid_size_allocate;
}

static void
sihua_choice_grid_init (SihuaChoiceGrid *self)
{
  self->buttons = g_ptr_array_new ();
  self->column_spacing = COLUMN_SPACING;
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), COLUMN_SPACING);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), ROW_SPACING);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

/*
 * Public API
 */

/**
 * sihua_choice_grid_new:
 * @max_columns: the most columns, when the width allows
 */
GtkWidget *
sihua_choice_grid_new (guint max_columns)
{
  SihuaChoiceGrid *self = g_object_new (SIHUA_TYPE_CHOICE_GRID, NULL);

  self->max_columns = self->columns = MAX (max_columns, 1);

  return GTK_WIDGET (self);
}

/**
 * sihua_choice_grid_append:
 * @button: a check button whose label wraps and expands
 *
 * Adds @button after the others, row by row.
 */
void
sihua_choice_grid_append (SihuaChoiceGrid *self,
                          GtkWidget       *button)
{
  guint i;

  g_return_if_fail (SIHUA_IS_CHOICE_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  i = self->buttons->len;
  g_ptr_array_add (self->buttons, button);
  gtk_grid_attach (GTK_GRID (self->grid), button, i % self->columns, i / self->columns, 1, 1);
}

/**
 * sihua_choice_grid_set_column_spacing:
 * @spacing: pixels between two columns
 *
 * Buttons drawn as buttons sit closer together than check buttons.
 */
void
sihua_choice_grid_set_column_spacing (SihuaChoiceGrid *self,
                                      int              spacing)
{
  g_return_if_fail (SIHUA_IS_CHOICE_GRID (self));

  self->column_spacing = MAX (spacing, 0);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), self->column_spacing);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), MAX (ROW_SPACING, self->column_spacing));
}

guint
sihua_choice_grid_get_columns (SihuaChoiceGrid *self)
{
  g_return_val_if_fail (SIHUA_IS_CHOICE_GRID (self), 0);

  return self->columns;
}
