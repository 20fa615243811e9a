/* sihua-company-list.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-company.h"

G_BEGIN_DECLS

/* A list model over the companies of a search result. Items are made only
 * when the list view asks for them (the rows on screen), so swapping in a
 * result of 10 000 companies costs the main loop next to nothing. */
#define SIHUA_TYPE_COMPANY_LIST (sihua_company_list_get_type ())
G_DECLARE_FINAL_TYPE (SihuaCompanyList, sihua_company_list, SIHUA, COMPANY_LIST, GObject)

SihuaCompanyList *sihua_company_list_new     (void);
void              sihua_company_list_replace (SihuaCompanyList *self,
                                              GPtrArray        *companies);

G_END_DECLS
