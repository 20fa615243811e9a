/* sihua-save-state.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-save-state.h"

/* A registered enum so pages can carry the state as a property and the
 * window can bind to it. */
G_DEFINE_ENUM_TYPE (SihuaSaveState, sihua_save_state,
                    G_DEFINE_ENUM_VALUE (SIHUA_SAVE_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (SIHUA_SAVE_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (SIHUA_SAVE_STATE_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (SIHUA_SAVE_STATE_FAILED, "failed"))
