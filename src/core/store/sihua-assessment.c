/* sihua-assessment.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-assessment.h"

G_DEFINE_BOXED_TYPE (SihuaAssessment, sihua_assessment, sihua_assessment_copy, sihua_assessment_free)

/**
 * sihua_assessment_copy:
 * @assessment: an assessment
 *
 * Returns: (transfer full): a deep copy
 */
SihuaAssessment *
sihua_assessment_copy (const SihuaAssessment *assessment)
{
  SihuaAssessment *copy;

  g_return_val_if_fail (assessment != NULL, NULL);

  copy = g_memdup2 (assessment, sizeof *assessment);
  copy->uuid = g_strdup (assessment->uuid);
  copy->model_id = g_strdup (assessment->model_id);
  copy->model_version = g_strdup (assessment->model_version);
  copy->date = g_strdup (assessment->date);
  copy->consultant = g_strdup (assessment->consultant);
  copy->respondents = g_strdup (assessment->respondents);
  copy->notes = g_strdup (assessment->notes);

  return copy;
}

void
sihua_assessment_free (SihuaAssessment *assessment)
{
  if (assessment == NULL)
    return;

  g_free (assessment->uuid);
  g_free (assessment->model_id);
  g_free (assessment->model_version);
  g_free (assessment->date);
  g_free (assessment->consultant);
  g_free (assessment->respondents);
  g_free (assessment->notes);
  g_free (assessment);
}

/**
 * sihua_assessment_status_to_string:
 * @status: a status
 *
 * Returns: "in_progress" or "completed", as stored and printed in JSON
 */
const char *
sihua_assessment_status_to_string (SihuaAssessmentStatus status)
{
  return status == SIHUA_ASSESSMENT_COMPLETED ? "completed" : "in_progress";
}

/**
 * sihua_assessment_status_from_string:
 * @text: "in_progress" or "completed"
 * @status: (out): the status
 *
 * Returns: whether @text names a status
 */
gboolean
sihua_assessment_status_from_string (const char            *text,
                                     SihuaAssessmentStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (g_strcmp0 (text, "in_progress") == 0)
    *status = SIHUA_ASSESSMENT_IN_PROGRESS;
  else if (g_strcmp0 (text, "completed") == 0)
    *status = SIHUA_ASSESSMENT_COMPLETED;
  else
    return FALSE;

  return TRUE;
}

/**
 * sihua_assessment_date_is_valid:
 * @date: (nullable): an assessment's date
 *
 * The one rule for an assessment's date, whether typed or carried by a
 * bundle: a real calendar day written as YYYY-MM-DD.
 *
 * Returns: whether @date is such a day
 */
gboolean
sihua_assessment_date_is_valid (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);

  return parsed != NULL;
}
