/* sihua-report-settings.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include "sihua-report-settings.h"

/*
 * The report defaults the window's preferences keep, shared by the
 * window's "Export Report…" and `sihua-cli report`.
 */

static char *
dup_setting (GSettings  *settings,
             const char *key)
{
  g_autofree char *value = NULL;

  if (settings == NULL)
    return NULL;
  value = g_settings_get_string (settings, key);

  return value != NULL && *value != '\0' ? g_steal_pointer (&value) : NULL;
}

/**
 * sihua_report_settings_open:
 *
 * Returns: (transfer full) (nullable): the application's settings, %NULL
 *   when their schema is not installed (a bare build, some tests)
 */
GSettings *
sihua_report_settings_open (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

/**
 * sihua_report_settings_load:
 *
 * Reads the report defaults; without the settings schema, Chinese and
 * nothing else.
 *
 * Returns: (transfer full): the defaults
 */
SihuaReportSettings *
sihua_report_settings_load (void)
{
  g_autoptr(GSettings) settings = sihua_report_settings_open ();
  SihuaReportSettings *defaults = g_new0 (SihuaReportSettings, 1);
  g_autofree char *language = dup_setting (settings, "report-language");

  defaults->language = g_strcmp0 (language, "en") == 0 ? SIHUA_LANGUAGE_EN : SIHUA_LANGUAGE_ZH_CN;
  defaults->consultant = dup_setting (settings, "consultant-name");
  defaults->firm = dup_setting (settings, "firm-name");
  defaults->logo = dup_setting (settings, "logo-path");
  defaults->report_number_prefix = dup_setting (settings, "report-number-prefix");
  defaults->default_folder = dup_setting (settings, "default-folder");

  return defaults;
}

/**
 * sihua_report_settings_apply:
 * @settings: the defaults
 * @options: options to fill in; they borrow the strings of @settings
 *
 * Sets the language, consultant, firm and logo of @options.
 */
void
sihua_report_settings_apply (const SihuaReportSettings *settings,
                             SihuaReportOptions        *options)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (options != NULL);

  options->language = settings->language;
  options->consultant = settings->consultant;
  options->firm = settings->firm;
  options->logo = settings->logo;
  options->report_number_prefix = settings->report_number_prefix;
}

void
sihua_report_settings_free (SihuaReportSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->consultant);
  g_free (settings->firm);
  g_free (settings->logo);
  g_free (settings->report_number_prefix);
  g_free (settings->default_folder);
  g_free (settings);
}
