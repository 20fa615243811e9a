/* sihua-results-page-charts.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-results-page-private.h"

gboolean
_sihua_results_page_add_charts (SihuaResultsPage *self)
{
  return FALSE;
}
