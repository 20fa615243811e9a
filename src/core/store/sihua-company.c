/* sihua-company.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-company.h"

G_DEFINE_BOXED_TYPE (SihuaCompany, sihua_company, sihua_company_copy, sihua_company_free)

/**
 * sihua_company_new:
 * @name: the company's name
 *
 * Returns: (transfer full): a company not yet stored
 */
SihuaCompany *
sihua_company_new (const char *name)
{
  SihuaCompany *company = g_new0 (SihuaCompany, 1);

  company->name = g_strdup (name);
  company->employees = -1;
  company->latest_stage = -1;

  return company;
}

/**
 * sihua_company_copy:
 * @company: a company
 *
 * Returns: (transfer full): a deep copy
 */
SihuaCompany *
sihua_company_copy (const SihuaCompany *company)
{
  SihuaCompany *copy;

  g_return_val_if_fail (company != NULL, NULL);

  copy = g_memdup2 (company, sizeof *company);
  copy->uuid = g_strdup (company->uuid);
  copy->name = g_strdup (company->name);
  copy->uscc = g_strdup (company->uscc);
  copy->industry = g_strdup (company->industry);
  copy->region = g_strdup (company->region);
  copy->address = g_strdup (company->address);
  copy->contact = g_strdup (company->contact);
  copy->notes = g_strdup (company->notes);
  copy->last_assessment_date = g_strdup (company->last_assessment_date);

  return copy;
}

void
sihua_company_free (SihuaCompany *company)
{
  if (company == NULL)
    return;

  g_free (company->uuid);
  g_free (company->name);
  g_free (company->uscc);
  g_free (company->industry);
  g_free (company->region);
  g_free (company->address);
  g_free (company->contact);
  g_free (company->notes);
  g_free (company->last_assessment_date);
  g_free (company);
}

/**
 * sihua_company_size_to_string:
 * @size: a size band
 *
 * Returns: (nullable): "micro", "small", "medium", or %NULL when unknown
 */
const char *
sihua_company_size_to_string (SihuaCompanySize size)
{
  switch (size)
    {
    case SIHUA_COMPANY_SIZE_MICRO:
      return "micro";
    case SIHUA_COMPANY_SIZE_SMALL:
      return "small";
    case SIHUA_COMPANY_SIZE_MEDIUM:
      return "medium";
    case SIHUA_COMPANY_SIZE_UNKNOWN:
    default:
      return NULL;
    }
}

/**
 * sihua_company_size_from_string:
 * @text: (nullable): "micro", "small" or "medium"; %NULL means unknown
 * @size: (out): the size band
 *
 * Returns: whether @text names a size band
 */
gboolean
sihua_company_size_from_string (const char       *text,
                                SihuaCompanySize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (text == NULL)
    *size = SIHUA_COMPANY_SIZE_UNKNOWN;
  else if (g_str_equal (text, "micro"))
    *size = SIHUA_COMPANY_SIZE_MICRO;
  else if (g_str_equal (text, "small"))
    *size = SIHUA_COMPANY_SIZE_SMALL;
  else if (g_str_equal (text, "medium"))
    *size = SIHUA_COMPANY_SIZE_MEDIUM;
  else
    return FALSE;

  return TRUE;
}
