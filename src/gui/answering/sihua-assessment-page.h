/* sihua-assessment-page.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-save-state.h"
#include "sihua-store.h"

G_BEGIN_DECLS

/*
 * The answering page: a sidebar of dimensions and the questions of one
 * dimension at a time. It is content only (no header bar of its own), so the
 * window can put it in its navigation; it carries its own toast overlay and a
 * small bar with the dimension title, the "saved" indicator and a Results
 * button.
 *
 * Every change is written through the store's async API at once; there is no
 * Save button.
 *
 * Properties (read-only, for the window's header):
 *  - "assessment-id": the assessment on the page
 *  - "title", "subtitle": the company's name, and which assessment it is
 *  - "save-state" (SihuaSaveState): where the answers given stand on their
 *    way to the database
 *
 * Signals:
 *  - "show-results" (void): the consultant asked for the results of this
 *    assessment (Results button, Ctrl+R). The window opens the results page.
 *  - "notify::dimension-id": the dimension on screen changed; the window may
 *    remember it to return to the same place after a restart.
 */

#define SIHUA_TYPE_ASSESSMENT_PAGE (sihua_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (SihuaAssessmentPage, sihua_assessment_page, SIHUA, ASSESSMENT_PAGE, AdwBin)

GtkWidget  *sihua_assessment_page_new               (void);
void        sihua_assessment_page_set_assessment    (SihuaAssessmentPage *self,
                                                     SihuaStore          *store,
                                                     gint64               assessment_id);
gint64      sihua_assessment_page_get_assessment_id (SihuaAssessmentPage *self);
const char *sihua_assessment_page_get_title         (SihuaAssessmentPage *self);
const char *sihua_assessment_page_get_subtitle      (SihuaAssessmentPage *self);
SihuaSaveState sihua_assessment_page_get_save_state (SihuaAssessmentPage *self);
const char *sihua_assessment_page_get_dimension_id  (SihuaAssessmentPage *self);
gboolean    sihua_assessment_page_set_dimension_id  (SihuaAssessmentPage *self,
                                                     const char          *dimension_id);
gboolean    sihua_assessment_page_show_question     (SihuaAssessmentPage *self,
                                                     const char          *question_id);

G_END_DECLS
