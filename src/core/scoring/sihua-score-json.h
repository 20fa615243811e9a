/* sihua-score-json.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sihua-comparison.h"
#include "sihua-answer-flags.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-score.h"

G_BEGIN_DECLS

/* The machine-readable forms `sihua-cli score --json` and `roadmap --json`
 * print (docs/scoring.md). Texts are in @language. */
JsonNode   *sihua_score_to_json              (SihuaScore     *score,
                                              GArray         *flags,
                                              SihuaNextLevel *next,
                                              SihuaLanguage   language);
JsonNode   *sihua_comparison_to_json         (SihuaComparison *comparison,
                                              gint64           previous_id,
                                              const char      *previous_date);
JsonNode   *sihua_next_level_to_json         (SihuaNextLevel *next,
                                              SihuaModel     *model,
                                              SihuaLanguage   language);
JsonNode   *sihua_roadmap_to_json            (SihuaRoadmap   *roadmap,
                                              SihuaModel     *model,
                                              SihuaLanguage   language);

/* Reads an answers file — {"answers": {"QID": VALUE, …}, "notes": {"QID":
 * "…"}, "evidence": {…}} as `assessment import` takes it — into an answer
 * table for @model. Any unknown question or invalid value fails the whole
 * file with a message naming it. */
GHashTable *sihua_score_read_answers         (SihuaModel     *model,
                                              JsonNode       *root,
                                              GError        **error);
GHashTable *sihua_score_read_answers_file    (SihuaModel     *model,
                                              const char     *path,
                                              GError        **error);

/* "stage_share", "no_laggard", "points_total", "index_min", "count_at_stage". */
const char *sihua_requirement_kind_to_string (SihuaRequirementKind kind);
/* "low", "medium", "high". */
const char *sihua_band_level_to_string       (SihuaBandLevel       band);

G_END_DECLS
