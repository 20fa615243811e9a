/* sihua-welcome-dialog.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Asked once, on the first start: who writes the reports and for which
 * firm, so the first PDF already carries them (Preferences changes them
 * later). Skipping is fine; it is not asked again either way.
 */

GtkWidget *sihua_welcome_dialog_new        (GtkWindow *parent,
                                            GSettings *settings);
gboolean   sihua_welcome_dialog_is_wanted  (GSettings *settings);

G_END_DECLS
