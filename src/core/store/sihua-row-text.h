/* sihua-row-text.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What a row is, for the message that names it. */
typedef enum
{
  SIHUA_ROW_COMPANY,
  SIHUA_ROW_ASSESSMENT,
  SIHUA_ROW_ANSWER,
  SIHUA_ROW_CHANGE,
  SIHUA_ROW_MODEL,
} SihuaRowKind;

gboolean sihua_row_text_check (sqlite3_stmt  *stmt,
                               SihuaRowKind   kind,
                               int            label_column,
                               GQuark         domain,
                               int            code,
                               GError       **error);

G_END_DECLS
