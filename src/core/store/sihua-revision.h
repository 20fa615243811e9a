/* sihua-revision.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SihuaRevision:
 * @revision: its number, from 1
 * @finalized_at: when it was finalised (microseconds since 1970, UTC)
 * @record_sha256: the SHA-256 of the frozen record (details, interviewees
 *   and answers); its short form is printed on the report
 * @report_sha256: (nullable): the SHA-256 of the report kept with it
 * @report_size: the report's size in bytes, 0 if none is kept
 * @reopened_at: when it was reopened, 0 if it is still the final one
 * @reopen_reason: (nullable): why it was reopened
 *
 * One finalisation of an assessment. Plain data; strings are owned.
 */
typedef struct
{
  int     revision;
  gint64  finalized_at;
  char   *record_sha256;
  char   *report_sha256;
  gsize   report_size;
  gint64  reopened_at;
  char   *reopen_reason;
} SihuaRevision;

void  sihua_revision_free        (SihuaRevision *revision);
char *sihua_revision_short_hash  (const char    *sha256);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaRevision, sihua_revision_free)

G_END_DECLS
