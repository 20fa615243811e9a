/* sihua-company-item.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sihua-company.h"

G_BEGIN_DECLS

/* A SihuaCompany wrapped in a GObject, so list widgets can hold it. */
#define SIHUA_TYPE_COMPANY_ITEM (sihua_company_item_get_type ())
G_DECLARE_FINAL_TYPE (SihuaCompanyItem, sihua_company_item, SIHUA, COMPANY_ITEM, GObject)

SihuaCompanyItem   *sihua_company_item_new         (SihuaCompany     *company);
const SihuaCompany *sihua_company_item_get_company (SihuaCompanyItem *self);

G_END_DECLS
