/* sihua-number-format.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Indexes and scores as every front end prints them: rounded once to one
 * decimal. A change is the difference of the two numbers as printed, so
 * "from 62.3 to 66.2" always comes with "+3.9", wherever it is shown.
 */

double  sihua_number_round_shown    (double value);
char   *sihua_number_format_score   (double value);
double  sihua_number_change_shown   (double previous,
                                     double current);
char   *sihua_number_format_change  (double previous,
                                     double current);

G_END_DECLS
