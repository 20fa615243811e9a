/* sihua-results.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-assessment.h"
#include "sihua-company.h"
#include "sihua-comparison.h"
#include "sihua-answer-flags.h"
#include "sihua-model.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-score.h"
#include "sihua-store.h"

G_BEGIN_DECLS

/**
 * SihuaResults:
 *
 * The results of one assessment, composed in one place so the window, the
 * PDF report and the CLI can never disagree: the assessment, its company,
 * the model version it is pinned to and its answers; the score, the
 * verification flags, the target and what is missing for it (next level),
 * the roadmap; and the previous assessment with its own model, answers and
 * score, and the comparison with it.
 *
 * The previous assessment is, by one rule:
 * 1. the assessment this one was started from (`previous_id`), if its row
 *    can be read;
 * 2. else the company's latest assessment dated earlier, or on the same
 *    date and created earlier, whatever its status.
 * A previous assessment whose model or answers cannot be read is left out,
 * with the comparison; the results are still complete otherwise.
 *
 * The target is the assessment's target level when it lies above the stage
 * reached, else the next stage.
 *
 * sihua_results_load() refreshes the result the store caches beside the
 * assessment (for lists) when it differs from the score, unless the store
 * is read-only; a failure to do so is logged and does not fail the load.
 */
#define SIHUA_TYPE_RESULTS (sihua_results_get_type ())
G_DECLARE_FINAL_TYPE (SihuaResults, sihua_results, SIHUA, RESULTS, GObject)

SihuaResults          *sihua_results_new                  (const SihuaCompany    *company,
                                                           const SihuaAssessment *assessment,
                                                           SihuaModel            *model,
                                                           GHashTable            *answers,
                                                           const SihuaAssessment *previous,
                                                           SihuaModel            *previous_model,
                                                           GHashTable            *previous_answers);
SihuaResults          *sihua_results_load                 (SihuaStore            *store,
                                                           gint64                 assessment_id,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
void                   sihua_results_load_async           (SihuaStore            *store,
                                                           gint64                 assessment_id,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
SihuaResults          *sihua_results_load_finish          (GAsyncResult          *result,
                                                           GError               **error);

const SihuaCompany    *sihua_results_get_company          (SihuaResults          *self);
const SihuaAssessment *sihua_results_get_assessment       (SihuaResults          *self);
SihuaModel            *sihua_results_get_model            (SihuaResults          *self);
GHashTable            *sihua_results_get_answers          (SihuaResults          *self);
SihuaScore            *sihua_results_get_score            (SihuaResults          *self);
int                    sihua_results_get_target           (SihuaResults          *self);
SihuaNextLevel        *sihua_results_get_next_level       (SihuaResults          *self);
/* Points models (the MIIT index): the next level in official terms. The
 * official figures themselves come from the score: per area
 * sihua_score_get_area_points() (数字化基础 x / 50 …), the total
 * sihua_score_get_points_total(), each scene's level as its dimension's
 * stage, n_L / c_L by sihua_score_count_at_stage (score, "scenes" or
 * "constraint_scenes", L), the level sihua_score_get_stage(). */
SihuaPointsGap        *sihua_results_get_points_gap       (SihuaResults          *self);
GArray                *sihua_results_get_flags            (SihuaResults          *self);
SihuaRoadmap          *sihua_results_get_roadmap          (SihuaResults          *self);
const SihuaAssessment *sihua_results_get_previous         (SihuaResults          *self);
SihuaModel            *sihua_results_get_previous_model   (SihuaResults          *self);
GHashTable            *sihua_results_get_previous_answers (SihuaResults          *self);
SihuaScore            *sihua_results_get_previous_score   (SihuaResults          *self);
SihuaComparison       *sihua_results_get_comparison       (SihuaResults          *self);
GArray                *sihua_results_get_follow_up        (SihuaResults          *self);
SihuaRoadmap          *sihua_results_compute_roadmap      (SihuaResults          *self,
                                                           int                    target);

G_END_DECLS
