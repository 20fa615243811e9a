/* sihua-trash-entry.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SihuaTrashEntry:
 * @id: the entry's number, what sihua_store_restore_from_trash() takes
 * @company_id: the company deleted, or the company of the assessment deleted
 * @assessment_id: the assessment deleted, 0 when a whole company was
 * @company_name: the company's name
 * @assessment_date: (nullable): the assessment's date (YYYY-MM-DD)
 * @model_id: (nullable): the assessment's model
 * @n_assessments: how many assessments a deleted company holds
 * @merged_into: the company this one was merged into, 0 if it was deleted
 * @merged_into_name: (nullable): that company's name
 * @author: (nullable): who deleted it
 * @deleted_at: when (microseconds since 1970, UTC)
 *
 * One deletion in the trash. Plain data; strings are owned.
 */
typedef struct
{
  gint64  id;
  gint64  company_id;
  gint64  assessment_id;
  char   *company_name;
  char   *assessment_date;
  char   *model_id;
  int     n_assessments;
  gint64  merged_into;
  char   *merged_into_name;
  char   *author;
  gint64  deleted_at;
} SihuaTrashEntry;

void  sihua_trash_entry_free  (SihuaTrashEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaTrashEntry, sihua_trash_entry_free)

G_END_DECLS
