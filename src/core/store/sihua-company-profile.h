/* sihua-company-profile.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-answer.h"

G_BEGIN_DECLS

/*
 * The answers a new assessment can take from its company's record instead
 * of asking twice: in the model's profile area, the industry question (a
 * single choice whose options are industry codes, "c34", or "other") from
 * the company's GB/T 4754 code, and the employees question (a number) from
 * the head count. Returns SihuaAnswer*, each valid for @model.
 */
GPtrArray *sihua_company_profile_answers (SihuaModel *model,
                                          const char *industry,
                                          gint64      employees);

G_END_DECLS
