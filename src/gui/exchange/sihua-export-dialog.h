/* sihua-export-dialog.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-export.h"
#include "sihua-store.h"

G_BEGIN_DECLS

typedef enum
{
  SIHUA_EXPORT_SCOPE_ALL,
  SIHUA_EXPORT_SCOPE_COMPANY,
  SIHUA_EXPORT_SCOPE_ASSESSMENT,
} SihuaExportScope;

#define SIHUA_TYPE_EXPORT_DIALOG (sihua_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SihuaExportDialog, sihua_export_dialog, SIHUA, EXPORT_DIALOG, AdwWindow)

SihuaExportDialog *sihua_export_dialog_new            (GtkWindow         *parent,
                                                       SihuaStore        *store,
                                                       GSettings         *settings);
void               sihua_export_dialog_set_company    (SihuaExportDialog *self,
                                                       gint64             company_id,
                                                       const char        *name);
void               sihua_export_dialog_set_assessment (SihuaExportDialog *self,
                                                       gint64             assessment_id,
                                                       const char        *label);
void               sihua_export_dialog_set_scope      (SihuaExportDialog *self,
                                                       SihuaExportScope   scope);

G_END_DECLS
