/* sihua-gui-utils.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sihua-model.h"

G_BEGIN_DECLS

void        sihua_gui_set_stage_badge (GtkLabel   *label,
                                       SihuaModel *model,
                                       int         stage);
const char *sihua_gui_model_title     (SihuaModel *model);

G_END_DECLS
