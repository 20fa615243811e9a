/* sihua-test-gui.h: helpers of the in-process widget tests
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkDropTarget *sihua_test_find_drop_target (GtkWidget *widget);

G_END_DECLS
