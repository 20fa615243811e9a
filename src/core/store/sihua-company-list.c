/* sihua-company-list.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company-list"

#include "config.h"

#include "sihua-company-item.h"
#include "sihua-company-list.h"

struct _SihuaCompanyList
{
  GObject    parent_instance;

  /* SihuaCompany*, owned */
  GPtrArray *companies;
  /* SihuaCompanyItem* or NULL until asked for, one per company */
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SihuaCompanyList, sihua_company_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
sihua_company_list_get_item_type (GListModel *model)
{
  return SIHUA_TYPE_COMPANY_ITEM;
}

static guint
sihua_company_list_get_n_items (GListModel *model)
{
  SihuaCompanyList *self = SIHUA_COMPANY_LIST (model);

  return self->companies->len;
}

static gpointer
sihua_company_list_get_item (GListModel *model,
                             guint       position)
{
  SihuaCompanyList *self = SIHUA_COMPANY_LIST (model);
  SihuaCompanyItem *item;

  if (position >= self->companies->len)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = sihua_company_item_new (sihua_company_copy (g_ptr_array_index (self->companies,
                                                                          position)));
      self->items->pdata[position] = item;
    }

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sihua_company_list_get_item_type;
  iface->get_n_items = sihua_company_list_get_n_items;
  iface->get_item = sihua_company_list_get_item;
}

static void
clear_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
sihua_company_list_finalize (GObject *object)
{
  SihuaCompanyList *self = (SihuaCompanyList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->companies, g_ptr_array_unref);

  G_OBJECT_CLASS (sihua_company_list_parent_class)->finalize (object);
}

static void
sihua_company_list_class_init (SihuaCompanyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_company_list_finalize;
}

static void
sihua_company_list_init (SihuaCompanyList *self)
{
  self->companies = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_company_free);
  self->items = g_ptr_array_new_with_free_func (clear_item);
}

SihuaCompanyList *
sihua_company_list_new (void)
{
  return g_object_new (SIHUA_TYPE_COMPANY_LIST, NULL);
}

static gboolean
same_row (const SihuaCompany *a,
          const SihuaCompany *b)
{
  return a->id == b->id && a->updated_at == b->updated_at
         && a->latest_stage == b->latest_stage
         && a->n_assessments == b->n_assessments
         && g_strcmp0 (a->last_assessment_date, b->last_assessment_date) == 0;
}

/**
 * sihua_company_list_replace:
 * @companies: (transfer full): the companies to list, in order
 *
 * Shows @companies instead of the previous ones, in one items-changed that
 * spares the rows both lists begin with: a longer page of the same search
 * only appends, so the list view does work for the new rows alone.
 */
void
sihua_company_list_replace (SihuaCompanyList *self,
                            GPtrArray        *companies)
{
  g_autoptr(GPtrArray) old_companies = NULL;
  g_autoptr(GPtrArray) old_items = NULL;
  guint kept = 0;
  guint removed;

  g_return_if_fail (SIHUA_IS_COMPANY_LIST (self));
  g_return_if_fail (companies != NULL);

  while (kept < self->companies->len && kept < companies->len
         && same_row (g_ptr_array_index (self->companies, kept),
                      g_ptr_array_index (companies, kept)))
    kept++;

  removed = self->companies->len - kept;
  old_companies = g_steal_pointer (&self->companies);
  old_items = g_steal_pointer (&self->items);

  self->companies = companies;
  g_ptr_array_set_free_func (self->companies, (GDestroyNotify) sihua_company_free);
  self->items = g_ptr_array_new_full (companies->len, clear_item);
  g_ptr_array_set_size (self->items, companies->len);

  /* The rows that stay keep their items (and so their widgets). */
  for (guint i = 0; i < kept; i++)
    {
      self->items->pdata[i] = old_items->pdata[i];
      old_items->pdata[i] = NULL;
    }

  if (removed > 0 || companies->len > kept)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, removed, companies->len - kept);
}
