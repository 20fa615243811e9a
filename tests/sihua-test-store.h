/* sihua-test-store.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-store.h"

G_BEGIN_DECLS

/* Kept apart from sihua-test-utils, which needs only GLib: these link the
 * core library, so only the tests that set up stores and models take them. */

SihuaModel *sihua_test_load_data_model (const char *name);
SihuaStore *sihua_test_open_store      (const char *path);
SihuaStore *sihua_test_open_store_in   (const char *dir,
                                        const char *name);
void        sihua_test_damage_index    (const char *path,
                                        const char *table,
                                        const char *index,
                                        const char *columns,
                                        const char *column);
void        sihua_test_answer_all      (SihuaStore *store,
                                        SihuaModel *model,
                                        gint64      assessment_id,
                                        int         level);
void        sihua_test_answer_everything (SihuaStore *store,
                                          SihuaModel *model,
                                          gint64      assessment_id,
                                          int         level);
gint64      sihua_test_add_dated_assessment (SihuaStore *store,
                                             gint64      company_id,
                                             SihuaModel *model,
                                             const char *date,
                                             gint64      from,
                                             int         level);
gint64      sihua_test_count_rows      (const char *db_path,
                                        const char *sql);

G_END_DECLS
