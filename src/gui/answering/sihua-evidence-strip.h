/* sihua-evidence-strip.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-store.h"

G_BEGIN_DECLS

/*
 * The evidence files of one answer, as thumbnails, with the ways to add
 * one (a file chooser, dropping files, pasting a picture or files) and to
 * open or delete one. Deleting offers Undo in the nearest toast overlay.
 *
 * Actions (group "evidence"): "add" opens the file chooser, "paste" adds
 * what the clipboard holds, "add-uri" (s) adds the file at a URI, the same
 * path a drop takes.
 */

#define SIHUA_TYPE_EVIDENCE_STRIP (sihua_evidence_strip_get_type ())
G_DECLARE_FINAL_TYPE (SihuaEvidenceStrip, sihua_evidence_strip, SIHUA, EVIDENCE_STRIP, GtkBox)

GtkWidget *sihua_evidence_strip_new        (SihuaStore         *store,
                                            gint64              assessment_id,
                                            const char         *question_id);
void       sihua_evidence_strip_reload     (SihuaEvidenceStrip *self);
guint      sihua_evidence_strip_get_n_files (SihuaEvidenceStrip *self);

G_END_DECLS
