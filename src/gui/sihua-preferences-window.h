/* sihua-preferences-window.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIHUA_TYPE_PREFERENCES_WINDOW (sihua_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SihuaPreferencesWindow, sihua_preferences_window, SIHUA, PREFERENCES_WINDOW, AdwPreferencesWindow)

SihuaPreferencesWindow *sihua_preferences_window_new (GtkWindow *parent,
                                                      GSettings *settings);

G_END_DECLS
