/* sihua-trash-window.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-store.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_TRASH_WINDOW (sihua_trash_window_get_type ())
G_DECLARE_FINAL_TYPE (SihuaTrashWindow, sihua_trash_window, SIHUA, TRASH_WINDOW, AdwWindow)

SihuaTrashWindow *sihua_trash_window_new     (GtkWindow        *parent,
                                              SihuaStore       *store);
void              sihua_trash_window_reload  (SihuaTrashWindow *self);

G_END_DECLS
