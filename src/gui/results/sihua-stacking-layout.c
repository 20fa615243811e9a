/* sihua-stacking-layout.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-stacking-layout"

#include "config.h"

#include "sihua-stacking-layout.h"

struct _SihuaStackingLayout
{
  GtkLayoutManager parent_instance;

  /* Below this width per child, the children stack. */
  int              child_width;
  int              spacing;
  gboolean         stacked;
};

G_DEFINE_FINAL_TYPE (SihuaStackingLayout, sihua_stacking_layout, GTK_TYPE_LAYOUT_MANAGER)

/*
 * Auxiliary methods
 */

static guint
count_shown (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;

  return n;
}

static gboolean
fits_side_by_side (SihuaStackingLayout *self,
                   guint                n,
                   int                  width)
{
  return width < 0 || n < 2 || width >= (int) n * self->child_width + ((int) n - 1) * self->spacing;
}

/*
 * GtkLayoutManager overrides
 */

static GtkSizeRequestMode
sihua_stacking_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sihua_stacking_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  SihuaStackingLayout *self = SIHUA_STACKING_LAYOUT (manager);
  guint n = count_shown (widget);
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && fits_side_by_side (self, n, for_size);
  int child_width = for_size;
  int min = 0, nat = 0;

  if (side_by_side && for_size >= 0 && n > 0)
    child_width = (for_size - ((int) n - 1) * self->spacing) / (int) n;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? child_width : -1,
                          &child_min, &child_nat, NULL, NULL);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* Stacked, the widest child is all the width needed. */
          min = MAX (min, child_min);
          nat += child_nat;
        }
      else if (side_by_side)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else
        {
          min += child_min;
          nat += child_nat;
        }
    }

  if (n > 1 && (orientation == GTK_ORIENTATION_HORIZONTAL || !side_by_side))
    {
      if (orientation == GTK_ORIENTATION_VERTICAL)
        min += ((int) n - 1) * self->spacing;
      nat += ((int) n - 1) * self->spacing;
    }

  *minimum = min;
  *natural = MAX (min, nat);
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
sihua_stacking_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  SihuaStackingLayout *self = SIHUA_STACKING_LAYOUT (manager);
  guint n = count_shown (widget);
  int position = 0;
  guint i = 0;

  self->stacked = !fits_side_by_side (self, n, width);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;

      if (!gtk_widget_should_layout (child))
        continue;

      if (self->stacked)
        {
          int child_min = 0, child_nat = 0;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
          allocation = (GtkAllocation) { 0, position, width, child_nat };
          position += child_nat + self->spacing;
        }
      else
        {
          /* Equal widths; the last child takes what division leaves. */
          int each = (width - ((int) n - 1) * self->spacing) / (int) n;
          int x = (int) i * (each + self->spacing);

          allocation = (GtkAllocation) { x, 0, i + 1 == n ? width - x : each, height };
        }

      gtk_widget_size_allocate (child, &allocation, -1);
      i++;
    }
}

/*
 * GObject overrides
 */

static void
sihua_stacking_layout_class_init (SihuaStackingLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sihua_stacking_layout_get_request_mode;
  manager_class->measure = sihua_stacking_layout_measure;
  manager_class->allocate = sihua_stacking_layout_allocate;
}

static void
sihua_stacking_layout_init (SihuaStackingLayout *self)
{
}

/*
 * Public API
 */

/**
 * sihua_stacking_layout_new:
 * @child_width: the width each child needs to stand beside the others
 * @spacing: pixels between two children, either way
 */
GtkLayoutManager *
sihua_stacking_layout_new (int child_width,
                           int spacing)
{
  SihuaStackingLayout *self = g_object_new (SIHUA_TYPE_STACKING_LAYOUT, NULL);

  self->child_width = MAX (child_width, 1);
  self->spacing = MAX (spacing, 0);

  return GTK_LAYOUT_MANAGER (self);
}

/**
 * sihua_stacking_layout_is_stacked:
 *
 * Returns: whether the last allocation put the children one under the other
 */
gboolean
sihua_stacking_layout_is_stacked (SihuaStackingLayout *self)
{
  g_return_val_if_fail (SIHUA_IS_STACKING_LAYOUT (self), FALSE);

  return self->stacked;
}
