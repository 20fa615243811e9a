/* sihua-report-finalize.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sihua-report.h"

/* Writes the report of the record @record_sha256 to a file of its own and
 * reads it back: what is kept is exactly what a reader gets. */
static GBytes *
write_sealed_report (SihuaStore               *store,
                     gint64                    assessment_id,
                     const SihuaReportOptions *options,
                     int                       revision,
                     const char               *record_sha256,
                     GError                  **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  SihuaReportOptions sealed = *options;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  folder = g_dir_make_tmp ("sihua-finalize-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  path = g_build_filename (folder, "report.pdf", NULL);

  sealed.revision = revision;
  sealed.record_sha256 = record_sha256;
  ok = sihua_report_write_from_store (store, assessment_id, &sealed, path, error) &&
       g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  g_rmdir (folder);

  return ok ? g_bytes_new_take (contents, length) : NULL;
}

/**
 * sihua_report_finalize:
 * @store: the store
 * @assessment_id: a complete assessment
 * @options: how to write the report (language, sections, consultant, firm)
 * @error: return location for an error
 *
 * Finalises the assessment: writes its report with the record's hash on
 * the cover and in the footer, and has the store freeze the record and
 * keep that report byte for byte (sihua_store_finalize_assessment()). An
 * assessment with a relevant question unanswered is refused.
 *
 * Returns: whether the assessment is finalised
 */
gboolean
sihua_report_finalize (SihuaStore               *store,
                       gint64                    assessment_id,
                       const SihuaReportOptions *options,
                       GError                  **error)
{
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autofree char *record_sha256 = NULL;
  const SihuaAssessment *assessment;

  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  results = sihua_results_load (store, assessment_id, NULL, error);
  if (results == NULL)
    return FALSE;
  assessment = sihua_results_get_assessment (results);
  if (assessment->finalized_at != 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED,
                   _("Assessment %lld is finalised already (revision %d); to change it, reopen it with a reason first"),
                   (long long) assessment_id, assessment->revision);
      return FALSE;
    }
  if (!sihua_score_is_complete (sihua_results_get_score (results)))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("Assessment %lld cannot be finalised: answer every question first"),
                   (long long) assessment_id);
      return FALSE;
    }

  record_sha256 = sihua_store_get_record_sha256 (store, assessment_id, error);
  if (record_sha256 == NULL)
    return FALSE;
  report = write_sealed_report (store, assessment_id, options, assessment->revision, record_sha256, error);
  if (report == NULL)
    return FALSE;

  return sihua_store_finalize_assessment (store, assessment_id, record_sha256, report, error);
}
