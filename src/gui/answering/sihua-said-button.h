/* sihua-said-button.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-store.h"

G_BEGIN_DECLS

/*
 * "Interviewees' answers" on a question card: a button whose popover has a
 * compact row per interviewee with the level they said. Each choice is
 * stored at once; the consolidated answer on the card stays the one that
 * scores. Read-only when the assessment is finalised.
 *
 * Signals: "changed" after an interviewee's answer was stored.
 */

#define SIHUA_TYPE_SAID_BUTTON (sihua_said_button_get_type ())
G_DECLARE_FINAL_TYPE (SihuaSaidButton, sihua_said_button, SIHUA, SAID_BUTTON, AdwBin)

GtkWidget   *sihua_said_button_new            (SihuaStore          *store,
                                               gint64               assessment_id,
                                               SihuaModel          *model,
                                               const SihuaQuestion *question,
                                               SihuaLanguage        language);
void         sihua_said_button_reload         (SihuaSaidButton     *self);
GtkDropDown *sihua_said_button_get_drop_down  (SihuaSaidButton     *self,
                                               const char          *name);

G_END_DECLS
