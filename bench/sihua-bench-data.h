/* sihua-bench-data.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How large a synthetic database to make; the same seed gives the same data. */
typedef struct
{
  guint   n_companies;
  guint   assessments_per_company;
  guint   answers_per_assessment;   /* ladder questions of the built-in model */
  guint32 seed;
} SihuaBenchDataSpec;

void sihua_bench_data_generate (const char               *path,
                                const SihuaBenchDataSpec *spec);
void sihua_bench_data_remove_dir (const char              *dir);

G_END_DECLS
