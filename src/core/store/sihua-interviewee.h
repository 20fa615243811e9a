/* sihua-interviewee.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sihua-answer.h"

G_BEGIN_DECLS

/**
 * SihuaInterviewee:
 * @id: the row's id
 * @assessment_id: the assessment the person was interviewed for
 * @name: the name, unique within the assessment
 * @role: (nullable): the job, e.g. 生产经理
 * @department: (nullable): the department
 *
 * One person interviewed during an assessment. Plain data; strings are owned.
 */
typedef struct
{
  gint64  id;
  gint64  assessment_id;
  char   *name;
  char   *role;
  char   *department;
} SihuaInterviewee;

/**
 * SihuaIntervieweeAnswer:
 * @interviewee_id: who answered
 * @name: their name
 * @question_id: the question
 * @value: what they said
 *
 * What one interviewee answered to one question. The consultant's
 * consolidated answer (the assessment's own) is the one that scores.
 */
typedef struct
{
  gint64            interviewee_id;
  char             *name;
  char             *question_id;
  SihuaAnswerValue *value;
} SihuaIntervieweeAnswer;

/* Levels this far apart or more mean the interviewees disagree: the
 * question is to be discussed before the consolidated answer is trusted. */
#define SIHUA_INTERVIEWEE_DISAGREEMENT 2

#define SIHUA_TYPE_INTERVIEWEE (sihua_interviewee_get_type ())

GType             sihua_interviewee_get_type        (void) G_GNUC_CONST;
SihuaInterviewee *sihua_interviewee_copy            (const SihuaInterviewee *interviewee);
void              sihua_interviewee_free            (SihuaInterviewee       *interviewee);
char             *sihua_interviewee_describe        (const SihuaInterviewee *interviewee);
char             *sihua_interviewees_join           (GPtrArray              *interviewees);

void              sihua_interviewee_answer_free     (SihuaIntervieweeAnswer *answer);
GPtrArray        *sihua_interviewee_answers_for     (GPtrArray              *answers,
                                                     const char             *question_id);
GPtrArray        *sihua_interviewee_answers_to_discuss (GPtrArray           *answers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaInterviewee, sihua_interviewee_free)

G_END_DECLS
