/* sihua-cli-text.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *sihua_cli_escape       (const char *text);
const char *sihua_cli_shown        (const char *text);
char       *sihua_cli_escape_json  (const char *json);
void        sihua_cli_shown_clear  (void);

G_END_DECLS
