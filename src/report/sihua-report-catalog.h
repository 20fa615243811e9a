/* sihua-report-catalog.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sihua-types.h"

G_BEGIN_DECLS

/*
 * The report's own wording in the language chosen for one export, which need
 * not be the language of the user interface. The catalogue is read straight
 * from the compiled translation (.mo) of that language, so it neither
 * depends on which locales the system has generated nor changes the process
 * locale under other threads.
 */
typedef struct _SihuaReportCatalog SihuaReportCatalog;

SihuaReportCatalog *sihua_report_catalog_new          (SihuaLanguage        language);
SihuaReportCatalog *sihua_report_catalog_new_from_mo  (const char          *path,
                                                       GError             **error);
void                sihua_report_catalog_free         (SihuaReportCatalog  *self);
const char         *sihua_report_catalog_get          (SihuaReportCatalog  *self,
                                                       const char          *msgid) G_GNUC_FORMAT (2);
gboolean            sihua_report_catalog_has          (SihuaReportCatalog  *self,
                                                       const char          *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaReportCatalog, sihua_report_catalog_free)

G_END_DECLS
