/* sihua-industry.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-text.h"

G_BEGIN_DECLS

/*
 * The industry classification a company's industry is picked from: the
 * sections and the manufacturing divisions of GB/T 4754-2017, read from
 * data/industries/ (built into the core library). A company stores the
 * code ("C34"); an industry typed as free text before the list existed
 * stays as it is and is shown as typed.
 */
typedef struct
{
  const char *code;       /* "C", "C34" */
  SihuaText   name;
} SihuaIndustry;

guint                sihua_industry_get_n_items  (void);
const SihuaIndustry *sihua_industry_get_item     (guint          position);
const SihuaIndustry *sihua_industry_lookup       (const char    *code);
char                *sihua_industry_describe     (const char    *industry,
                                                  SihuaLanguage  language);
char                *sihua_industry_from_text    (const char    *text,
                                                  SihuaLanguage  language);

G_END_DECLS
