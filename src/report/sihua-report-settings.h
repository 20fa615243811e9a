/* sihua-report-settings.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-report.h"

G_BEGIN_DECLS

/**
 * SihuaReportSettings:
 * @language: the default report language
 * @consultant: (nullable): the consultant's name, %NULL when not set
 * @firm: (nullable): the firm's name
 * @logo: (nullable): the logo file
 * @default_folder: (nullable): where reports were last saved
 *
 * What the preferences say about reports, read once; strings are owned.
 */
typedef struct
{
  SihuaLanguage  language;
  char          *consultant;
  char          *firm;
  char          *logo;
  char          *report_number_prefix;
  char          *default_folder;
} SihuaReportSettings;

GSettings           *sihua_report_settings_open  (void);
SihuaReportSettings *sihua_report_settings_load  (void);
void                 sihua_report_settings_apply (const SihuaReportSettings *settings,
                                                  SihuaReportOptions        *options);
void                 sihua_report_settings_free  (SihuaReportSettings       *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaReportSettings, sihua_report_settings_free)

G_END_DECLS
