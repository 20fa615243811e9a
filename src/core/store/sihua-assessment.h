/* sihua-assessment.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sihua-types.h"

G_BEGIN_DECLS

typedef enum
{
  SIHUA_ASSESSMENT_IN_PROGRESS,
  SIHUA_ASSESSMENT_COMPLETED,
} SihuaAssessmentStatus;

/**
 * SihuaAssessment:
 * @id: the local id (0 until stored)
 * @uuid: the id that stays the same across laptops
 * @company_id: the company assessed
 * @model_id: the questionnaire model's id
 * @model_version: the exact model version the answers belong to (pinned)
 * @date: "YYYY-MM-DD", the day of the assessment
 * @consultant: (nullable): who ran it
 * @status: in progress or completed
 * @respondents: (nullable): who was interviewed, free text
 * @target_level: the level the company aims for, -1 if not set
 * @notes: (nullable): free notes
 * @previous_id: the assessment this one re-assesses, 0 if none
 * @has_result: whether @result_index and @result_stage hold a cached result
 * @result_index: the cached maturity index, set by callers after scoring
 * @result_stage: the cached stage (0–4), -1 if none
 * @n_answers: how many questions are answered (read only)
 * @created_at: microseconds since 1970 (UTC)
 * @updated_at: microseconds since 1970 (UTC)
 * @revision: the revision, from 1; reopening a finalised assessment starts the next
 * @finalized_at: when the current revision was finalised (microseconds since
 *   1970, UTC), 0 while it can be changed
 *
 * An assessment as the store keeps it. Plain data; strings are owned.
 */
typedef struct
{
  gint64                 id;
  char                  *uuid;
  gint64                 company_id;
  char                  *model_id;
  char                  *model_version;
  char                  *date;
  char                  *consultant;
  SihuaAssessmentStatus  status;
  char                  *respondents;
  int                    target_level;
  char                  *notes;
  gint64                 previous_id;
  gboolean               has_result;
  double                 result_index;
  int                    result_stage;
  guint                  n_answers;
  int                    revision;
  gint64                 finalized_at;
  gint64                 created_at;
  gint64                 updated_at;
} SihuaAssessment;

#define SIHUA_TYPE_ASSESSMENT (sihua_assessment_get_type ())

GType            sihua_assessment_get_type            (void) G_GNUC_CONST;
SihuaAssessment *sihua_assessment_copy                (const SihuaAssessment *assessment);
void             sihua_assessment_free                (SihuaAssessment       *assessment);

const char      *sihua_assessment_status_to_string    (SihuaAssessmentStatus  status);
gboolean         sihua_assessment_status_from_string  (const char            *text,
                                                       SihuaAssessmentStatus *status);
gboolean         sihua_assessment_date_is_valid       (const char            *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaAssessment, sihua_assessment_free)

G_END_DECLS
