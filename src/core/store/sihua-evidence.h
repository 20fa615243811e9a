/* sihua-evidence.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The largest evidence file the store takes, in bytes. A photo from a
 * phone is a few megabytes; a scanned form as PDF rarely more than ten. */
#define SIHUA_EVIDENCE_MAX_SIZE (20 * 1024 * 1024)

/**
 * SihuaEvidence:
 * @id: the local id of the link between the answer and the file
 * @uuid: the id that stays the same across laptops
 * @assessment_id: the assessment
 * @question_id: the question whose answer the file backs
 * @sha256: the file's SHA-256, in lower-case hex; the file is stored once
 *   under it however many answers show it
 * @file_name: the name the file was added under (its base name)
 * @media_type: its MIME type, such as "image/jpeg" or "application/pdf"
 * @author: (nullable): who added it
 * @added_at: microseconds since 1970 (UTC)
 * @ordinal: its place among the answer's evidence, in the order added
 * @size: the file's size in bytes
 *
 * One evidence file of one answer.
 */
typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  assessment_id;
  char   *question_id;
  char   *sha256;
  char   *file_name;
  char   *media_type;
  char   *author;
  gint64  added_at;
  int     ordinal;
  gint64  size;
} SihuaEvidence;

#define SIHUA_TYPE_EVIDENCE (sihua_evidence_get_type ())

GType          sihua_evidence_get_type (void) G_GNUC_CONST;
SihuaEvidence *sihua_evidence_new      (void);
SihuaEvidence *sihua_evidence_copy     (const SihuaEvidence *evidence);
void           sihua_evidence_free     (SihuaEvidence       *evidence);
gboolean       sihua_evidence_is_image (const SihuaEvidence *evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaEvidence, sihua_evidence_free)

G_END_DECLS
