/* sihua-company-page.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-context.h"

G_BEGIN_DECLS

/*
 * One company: its profile, its assessments over time and the progress they
 * show, with "New Assessment…" and "Re-assess". Content only: the window
 * holds the header bar.
 *
 * Properties:
 *  - "context": the store, settings and models (set by the window)
 *  - "company-id", "title" (its name), "subtitle" (its region): the company
 *    on the page, for the header; known from the list at once, from the
 *    store once it is read
 *
 * Signals:
 *  - "assessment-activated" (gint64 assessment_id, gboolean completed): an
 *    assessment was opened, or a new one was started.
 *  - "loaded": the company and its assessments arrived and are on screen.
 *  - "load-failed" (const char *message): the company cannot be read (it
 *    may no longer exist); the page shows the reason.
 */

#define SIHUA_TYPE_COMPANY_PAGE (sihua_company_page_get_type ())
G_DECLARE_FINAL_TYPE (SihuaCompanyPage, sihua_company_page, SIHUA, COMPANY_PAGE, AdwBin)

void                sihua_company_page_set_context     (SihuaCompanyPage   *self,
                                                        SihuaContext       *context);
void                sihua_company_page_set_company     (SihuaCompanyPage   *self,
                                                        gint64              company_id,
                                                        const SihuaCompany *known);
const SihuaCompany *sihua_company_page_get_company     (SihuaCompanyPage   *self);
gint64              sihua_company_page_get_company_id  (SihuaCompanyPage   *self);
const char         *sihua_company_page_get_title       (SihuaCompanyPage   *self);
const char         *sihua_company_page_get_subtitle    (SihuaCompanyPage   *self);
gboolean            sihua_company_page_get_loading     (SihuaCompanyPage   *self);
void                sihua_company_page_show_waiting    (SihuaCompanyPage   *self,
                                                        const char         *title,
                                                        const char         *description);
void                sihua_company_page_reload          (SihuaCompanyPage   *self);
void                sihua_company_page_new_assessment  (SihuaCompanyPage   *self);
gint64              sihua_company_page_get_latest_id   (SihuaCompanyPage   *self);

G_END_DECLS
