/* sihua-industry-picker.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-industry.h"

G_BEGIN_DECLS

/*
 * The company form's industry field: the entry keeps taking any text (older
 * companies have free text), and a button beside it lists the GB/T 4754
 * industries, searched by code or name. A picked industry shows as
 * "C34 通用设备制造业" and is stored as its code.
 */

void  sihua_industry_picker_attach     (AdwEntryRow   *row,
                                        SihuaLanguage  language);
void  sihua_industry_picker_show       (AdwEntryRow   *row,
                                        const char    *stored,
                                        SihuaLanguage  language);
GtkWidget *sihua_industry_picker_popup (AdwEntryRow *row);
char *sihua_industry_picker_to_stored  (const char    *text,
                                        SihuaLanguage  language);

G_END_DECLS
