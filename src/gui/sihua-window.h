/* sihua-window.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-application.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_WINDOW (sihua_window_get_type ())
G_DECLARE_FINAL_TYPE (SihuaWindow, sihua_window, SIHUA, WINDOW, AdwApplicationWindow)

SihuaWindow *sihua_window_new              (SihuaApplication *application);
void         sihua_window_show_store_error (SihuaWindow      *self,
                                            const GError     *error);

G_END_DECLS
