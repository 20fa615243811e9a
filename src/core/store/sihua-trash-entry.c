/* sihua-trash-entry.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-trash-entry"

#include "config.h"

#include "sihua-trash-entry.h"

void
sihua_trash_entry_free (SihuaTrashEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->company_name);
  g_free (entry->assessment_date);
  g_free (entry->model_id);
  g_free (entry->merged_into_name);
  g_free (entry->author);
  g_free (entry);
}
