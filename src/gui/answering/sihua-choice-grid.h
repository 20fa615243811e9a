/* sihua-choice-grid.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The check or radio buttons of a choice question, in rows of equal
 * columns: as many columns (up to a maximum) as leave every label whole on
 * one line at the width it gets, so that a narrow window gives fewer
 * columns rather than labels broken inside a word.
 */

#define SIHUA_TYPE_CHOICE_GRID (sihua_choice_grid_get_type ())
G_DECLARE_FINAL_TYPE (SihuaChoiceGrid, sihua_choice_grid, SIHUA, CHOICE_GRID, GtkWidget)

GtkWidget *sihua_choice_grid_new         (guint            max_columns);
void       sihua_choice_grid_append      (SihuaChoiceGrid *self,
                                          GtkWidget       *button);
void       sihua_choice_grid_set_column_spacing (SihuaChoiceGrid *self,
                                                 int              spacing);
guint      sihua_choice_grid_get_columns (SihuaChoiceGrid *self);

G_END_DECLS
