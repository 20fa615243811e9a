/* sihua-stacking-layout.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Lays its widget's children out side by side in equal widths while each
 * gets at least its comfortable width, one under the other below that: the
 * results page's ladder and radar on a narrow window. Its minimum width is
 * that of the widest child, so it never holds a window wider.
 */

#define SIHUA_TYPE_STACKING_LAYOUT (sihua_stacking_layout_get_type ())
G_DECLARE_FINAL_TYPE (SihuaStackingLayout, sihua_stacking_layout, SIHUA, STACKING_LAYOUT, GtkLayoutManager)

GtkLayoutManager *sihua_stacking_layout_new         (int                  child_width,
                                                     int                  spacing);
gboolean          sihua_stacking_layout_is_stacked  (SihuaStackingLayout *self);

G_END_DECLS
