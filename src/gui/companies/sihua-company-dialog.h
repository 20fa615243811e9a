/* sihua-company-dialog.h
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
 * The form for a new company or for editing one: required name,
 * 统一社会信用代码 checked as it is typed, inline messages on the rows.
 *
 * Signals:
 *  - "saved" (gint64 company_id): the company was stored; the form closes.
 */

#define SIHUA_TYPE_COMPANY_DIALOG (sihua_company_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SihuaCompanyDialog, sihua_company_dialog, SIHUA, COMPANY_DIALOG, AdwWindow)

SihuaCompanyDialog *sihua_company_dialog_new (GtkWindow          *parent,
                                              SihuaStore         *store,
                                              const SihuaCompany *company);

GtkWidget          *sihua_company_dialog_show_industries (SihuaCompanyDialog *self);

G_END_DECLS
