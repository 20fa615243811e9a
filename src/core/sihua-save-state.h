/* sihua-save-state.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Where the answers given so far stand on their way to the database. One
 * value shared by the answer sheet that writes them and every front end that
 * shows it, so "Saved" means the same everywhere: every answer given has been
 * committed.
 */
typedef enum
{
  SIHUA_SAVE_STATE_IDLE,     /* nothing answered yet on this sheet */
  SIHUA_SAVE_STATE_PENDING,  /* at least one answer is still being written */
  SIHUA_SAVE_STATE_SAVED,    /* every answer given is committed */
  SIHUA_SAVE_STATE_FAILED,   /* the last write failed; its answer was taken back */
} SihuaSaveState;

#define SIHUA_TYPE_SAVE_STATE (sihua_save_state_get_type ())
GType sihua_save_state_get_type (void) G_GNUC_CONST;

G_END_DECLS
