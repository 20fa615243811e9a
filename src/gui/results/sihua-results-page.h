/* sihua-results-page.h
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
 * The results of one assessment: stage ladder, index, radar and bars, what
 * is missing for the next level, consistency flags, comparison with the
 * previous assessment, roadmap, and "Export Report…". Content only (no header
 * bar of its own), with its own toast overlay.
 *
 * Properties (read-only, for the window's header):
 *  - "assessment-id": the assessment whose results are shown
 *  - "title" ("Results"), "subtitle" (the company's name)
 *
 * Signals:
 *  - "show-question" (const char *question_id): a consistency flag or a gap
 *    was activated; the window shows the assessment page and calls
 *    sihua_assessment_page_show_question().
 *
 * Call sihua_results_page_reload() whenever the page is shown again after
 * answers changed.
 */

#define SIHUA_TYPE_RESULTS_PAGE (sihua_results_page_get_type ())
G_DECLARE_FINAL_TYPE (SihuaResultsPage, sihua_results_page, SIHUA, RESULTS_PAGE, AdwBin)

GtkWidget *sihua_results_page_new               (void);
void       sihua_results_page_set_assessment    (SihuaResultsPage *self,
                                                 SihuaStore       *store,
                                                 gint64            assessment_id);
gint64     sihua_results_page_get_assessment_id (SihuaResultsPage *self);
const char *sihua_results_page_get_title        (SihuaResultsPage *self);
const char *sihua_results_page_get_subtitle     (SihuaResultsPage *self);
void       sihua_results_page_reload            (SihuaResultsPage *self);

G_END_DECLS
