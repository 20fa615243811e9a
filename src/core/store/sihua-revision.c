/* sihua-revision.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-revision"

#include "config.h"

#include "sihua-revision.h"

void
sihua_revision_free (SihuaRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->record_sha256);
  g_free (revision->report_sha256);
  g_free (revision->reopen_reason);
  g_free (revision);
}

/* How many hex digits of a SHA-256 the report prints: enough that no
 * changed record matches by chance, few enough to read out on the phone. */
#define SHORT_HASH_DIGITS 16

/**
 * sihua_revision_short_hash:
 * @sha256: a SHA-256 in hex
 *
 * Returns: (transfer full): its first digits in groups of four, as the
 *   report prints them: "3f2a 9c01 77be 5d40"
 */
char *
sihua_revision_short_hash (const char *sha256)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; sha256 != NULL && sha256[i] != '\0' && i < SHORT_HASH_DIGITS; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, sha256[i]);
    }

  return g_string_free (text, FALSE);
}
