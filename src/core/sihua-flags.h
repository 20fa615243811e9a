/* sihua-flags.h
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
  SIHUA_FLAG_ABOVE_STAGE,       /* l_q ≥ g_d + 2: verify the evidence */
  SIHUA_FLAG_EVIDENCE_MISSING,  /* evidence_required, but note and evidence are empty */
} SihuaFlagReason;

typedef struct
{
  const SihuaQuestion *question;
  SihuaFlagReason      reason;
  int                  level;            /* the answer's level, -1 if none */
  int                  dimension_stage;  /* g_d, -1 if the dimension is not scored */
} SihuaFlag;

/* The answers the consultant should verify, in model order (per question
 * SIHUA_FLAG_ABOVE_STAGE before SIHUA_FLAG_EVIDENCE_MISSING). Returns a
 * GArray of SihuaFlag. */
GArray     *sihua_flags_compute            (SihuaScore      *score,
                                            GHashTable      *answers);

/* "above_stage", "evidence_missing": the JSON form. */
const char *sihua_flag_reason_to_string    (SihuaFlagReason  reason);
/* A readable sentence for the consultant. */
char       *sihua_flag_describe            (const SihuaFlag *flag,
                                            SihuaModel      *model,
                                            SihuaLanguage    language);

G_END_DECLS
