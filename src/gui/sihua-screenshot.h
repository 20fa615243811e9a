/* sihua-screenshot.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean sihua_screenshot_save                (GtkWidget   *widget,
                                               const char  *path,
                                               GError     **error);
void     sihua_screenshot_after_first_frame   (GtkWidget   *window,
                                               const char  *path);

G_END_DECLS
