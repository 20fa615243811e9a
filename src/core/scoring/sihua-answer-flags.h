/* sihua-answer-flags.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-score.h"

G_BEGIN_DECLS

typedef enum
{
  SIHUA_ANSWER_FLAG_ABOVE_STAGE,       /* l_q ≥ g_d + 2: verify the evidence */
  SIHUA_ANSWER_FLAG_EVIDENCE_MISSING,  /* evidence_required, but note and evidence are empty */
  SIHUA_ANSWER_FLAG_BAND_MISMATCH,     /* the chosen band is not the one the numbers give */
  SIHUA_ANSWER_FLAG_CHECK,             /* a plausibility check of the model holds */
  SIHUA_ANSWER_FLAG_TO_DISCUSS,        /* interviewees' levels two or more apart */
} SihuaAnswerFlagReason;

typedef struct
{
  const SihuaQuestion   *question;
  SihuaAnswerFlagReason  reason;
  int                    level;            /* the answer's level, -1 if none */
  int                    dimension_stage;  /* g_d, -1 if the dimension is not scored */
  const SihuaCheck      *check;            /* SIHUA_ANSWER_FLAG_CHECK */
  const SihuaOption     *derived;          /* SIHUA_ANSWER_FLAG_BAND_MISMATCH: the numbers' band */
  double                 derived_value;    /* SIHUA_ANSWER_FLAG_BAND_MISMATCH: the computed value */
} SihuaAnswerFlag;

/* The answers the consultant should verify, in model order (per question
 * SIHUA_ANSWER_FLAG_ABOVE_STAGE, SIHUA_ANSWER_FLAG_EVIDENCE_MISSING, then
 * SIHUA_ANSWER_FLAG_BAND_MISMATCH), then the model's checks that hold, in
 * the model's order.
 * Returns a GArray of SihuaAnswerFlag. */
GArray     *sihua_answer_flags_compute            (SihuaScore *score,
                                                   GHashTable *answers);

void        sihua_answer_flags_add_to_discuss     (GArray     *flags,
                                                   SihuaModel *model,
                                                   GPtrArray  *question_ids);

/* "above_stage", "evidence_missing", "band_mismatch", "check",
 * "to_discuss": the JSON form. */
const char *sihua_answer_flag_reason_to_string    (SihuaAnswerFlagReason  reason);
/* A readable sentence for the consultant. */
char       *sihua_answer_flag_describe            (const SihuaAnswerFlag *flag,
                                                   SihuaModel            *model,
                                                   SihuaLanguage          language);

G_END_DECLS
