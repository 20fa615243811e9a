/* sihua-company-item.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company-item"

#include "config.h"

#include "sihua-company-item.h"

struct _SihuaCompanyItem
{
  GObject       parent_instance;

  SihuaCompany *company;
};

G_DEFINE_FINAL_TYPE (SihuaCompanyItem, sihua_company_item, G_TYPE_OBJECT)

static void
sihua_company_item_finalize (GObject *object)
{
  SihuaCompanyItem *self = (SihuaCompanyItem *)object;

  g_clear_pointer (&self->company, sihua_company_free);

  G_OBJECT_CLASS (sihua_company_item_parent_class)->finalize (object);
}

static void
sihua_company_item_class_init (SihuaCompanyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_company_item_finalize;
}

static void
sihua_company_item_init (SihuaCompanyItem *self)
{
}

/**
 * sihua_company_item_new:
 * @company: (transfer full): the company to hold
 */
SihuaCompanyItem *
sihua_company_item_new (SihuaCompany *company)
{
  SihuaCompanyItem *self;

  g_return_val_if_fail (company != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_COMPANY_ITEM, NULL);
  self->company = company;

  return self;
}

const SihuaCompany *
sihua_company_item_get_company (SihuaCompanyItem *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_ITEM (self), NULL);

  return self->company;
}
