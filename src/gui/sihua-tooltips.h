/* sihua-tooltips.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       sihua_tooltips_install   (void);
void       sihua_tooltips_adopt     (GtkWidget  *widget);
GtkWidget *sihua_tooltip_label_new  (const char *text);

G_END_DECLS
