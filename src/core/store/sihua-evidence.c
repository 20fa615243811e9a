/* sihua-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include "sihua-evidence.h"

G_DEFINE_BOXED_TYPE (SihuaEvidence, sihua_evidence, sihua_evidence_copy, sihua_evidence_free)

/**
 * sihua_evidence_new:
 *
 * Returns: (transfer full): an empty evidence record
 */
SihuaEvidence *
sihua_evidence_new (void)
{
  return g_new0 (SihuaEvidence, 1);
}

/**
 * sihua_evidence_copy:
 * @evidence: an evidence record
 *
 * Returns: (transfer full): a deep copy
 */
SihuaEvidence *
sihua_evidence_copy (const SihuaEvidence *evidence)
{
  SihuaEvidence *copy;

  g_return_val_if_fail (evidence != NULL, NULL);

  copy = g_memdup2 (evidence, sizeof *evidence);
  copy->uuid = g_strdup (evidence->uuid);
  copy->question_id = g_strdup (evidence->question_id);
  copy->sha256 = g_strdup (evidence->sha256);
  copy->file_name = g_strdup (evidence->file_name);
  copy->media_type = g_strdup (evidence->media_type);
  copy->author = g_strdup (evidence->author);

  return copy;
}

void
sihua_evidence_free (SihuaEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->uuid);
  g_free (evidence->question_id);
  g_free (evidence->sha256);
  g_free (evidence->file_name);
  g_free (evidence->media_type);
  g_free (evidence->author);
  g_free (evidence);
}

/**
 * sihua_evidence_is_image:
 * @evidence: an evidence record
 *
 * Returns: whether the file is a picture that can be shown as a thumbnail
 */
gboolean
sihua_evidence_is_image (const SihuaEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, FALSE);

  return g_str_has_prefix (evidence->media_type, "image/");
}
