/* sihua-application.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-model-catalog.h"
#include "sihua-store.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_APPLICATION (sihua_application_get_type ())
G_DECLARE_FINAL_TYPE (SihuaApplication, sihua_application, SIHUA, APPLICATION, AdwApplication)

SihuaApplication  *sihua_application_new                (void);
SihuaStore        *sihua_application_get_store          (SihuaApplication  *self);
GSettings         *sihua_application_get_settings       (SihuaApplication  *self);
SihuaModelCatalog *sihua_application_get_catalog        (SihuaApplication  *self);
SihuaModel        *sihua_application_get_levels_model   (SihuaApplication  *self);
void               sihua_application_open_store_async   (SihuaApplication  *self,
                                                         const char        *path,
                                                         gboolean           read_only,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
gboolean           sihua_application_open_store_finish  (SihuaApplication  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);

G_END_DECLS
