/* sihua-companies-page.h
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
 * The list of companies with search-as-you-type over name, region and
 * industry, most recently assessed first. Content only: the window holds the
 * header bar.
 *
 * Signals:
 *  - "company-activated" (gint64 company_id)
 *  - "notify::empty": whether the database holds no company at all
 *  - "loaded": a query finished and the list shows its result
 */

#define SIHUA_TYPE_COMPANIES_PAGE (sihua_companies_page_get_type ())
G_DECLARE_FINAL_TYPE (SihuaCompaniesPage, sihua_companies_page, SIHUA, COMPANIES_PAGE, AdwBin)

void      sihua_companies_page_set_store        (SihuaCompaniesPage *self,
                                                 SihuaStore         *store,
                                                 SihuaModel         *levels_model);
void      sihua_companies_page_reload           (SihuaCompaniesPage *self);
gboolean  sihua_companies_page_get_empty        (SihuaCompaniesPage *self);
void      sihua_companies_page_focus_search     (SihuaCompaniesPage *self);
gint64    sihua_companies_page_get_first_id     (SihuaCompaniesPage *self);
const SihuaCompany *sihua_companies_page_lookup (SihuaCompaniesPage *self,
                                                 gint64              company_id);

G_END_DECLS
