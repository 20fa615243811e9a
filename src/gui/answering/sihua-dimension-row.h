/* sihua-dimension-row.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sihua-model.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_DIMENSION_ROW (sihua_dimension_row_get_type ())
G_DECLARE_FINAL_TYPE (SihuaDimensionRow, sihua_dimension_row, SIHUA, DIMENSION_ROW, GtkListBoxRow)

GtkWidget            *sihua_dimension_row_new           (const SihuaDimension *dimension,
                                                         SihuaLanguage         language);
const SihuaDimension *sihua_dimension_row_get_dimension (SihuaDimensionRow    *self);
void                  sihua_dimension_row_set_progress  (SihuaDimensionRow    *self,
                                                         guint                 answered,
                                                         guint                 applicable);

G_END_DECLS
