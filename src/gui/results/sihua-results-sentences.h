/* sihua-results-sentences.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-answer-flags.h"
#include "sihua-next-level.h"

G_BEGIN_DECLS

/*
 * What the results page says about the next stage and the answers to check,
 * in words a manager of the company follows: the stages by number and name,
 * the dimensions concerned by their titles, no weights or model rules.
 */

char *sihua_results_sentence_stage        (SihuaModel                *model,
                                           int                        level,
                                           SihuaLanguage              language);
char *sihua_results_sentence_requirement  (const SihuaRequirementGap *gap,
                                           SihuaScore                *score,
                                           SihuaLanguage              language);
char *sihua_results_sentence_dimension    (const SihuaDimensionGap   *gap,
                                           SihuaModel                *model,
                                           SihuaLanguage              language);
char *sihua_results_sentence_flag         (const SihuaAnswerFlag     *flag,
                                           SihuaModel                *model,
                                           SihuaLanguage              language);

G_END_DECLS
