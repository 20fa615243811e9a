/* sihua-bundle-import-dialog.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-bundle.h"
#include "sihua-store.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_BUNDLE_IMPORT_DIALOG (sihua_bundle_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SihuaBundleImportDialog, sihua_bundle_import_dialog, SIHUA, BUNDLE_IMPORT_DIALOG, AdwWindow)

GHashTable              *sihua_bundle_import_dialog_load_models (SihuaStore        *store,
                                                                 SihuaBundleReport *report);
SihuaBundleImportDialog *sihua_bundle_import_dialog_new         (GtkWindow         *parent,
                                                                 SihuaStore        *store,
                                                                 SihuaBundle       *bundle,
                                                                 SihuaBundleReport *report,
                                                                 GHashTable        *models);

G_END_DECLS
