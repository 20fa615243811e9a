/* sihua-scoring.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-model.h"
#include "sihua-score.h"

G_BEGIN_DECLS

/* Scores @answers (question id → SihuaAnswer*, see sihua_answer_table_new)
 * with the rule @model states (docs/scoring.md). Pure: @answers is only read. */
SihuaScore *sihua_scoring_compute            (SihuaModel             *model,
                                              GHashTable             *answers);

/* Whether the requirements of @level alone hold for @score (level 0 always
 * holds). The overall stage is the highest level for which this holds for it
 * and every level below. */
gboolean    sihua_scoring_level_holds        (SihuaScore             *score,
                                              int                     level);
/* Whether one requirement holds at @level. */
gboolean    sihua_scoring_requirement_holds  (SihuaScore             *score,
                                              const SihuaRequirement *requirement,
                                              int                     level);
/* The requirements of @level (the level's own or the default ones). */
GPtrArray  *sihua_scoring_get_requirements   (SihuaModel             *model,
                                              int                     level);

/* a ≥ b up to SIHUA_SCORE_EPSILON. */
gboolean    sihua_scoring_at_least           (double                  a,
                                              double                  b);

G_END_DECLS
