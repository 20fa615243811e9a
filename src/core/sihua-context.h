/* sihua-context.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-model-catalog.h"
#include "sihua-store.h"

G_BEGIN_DECLS

/*
 * What the pages of one application share: the open store, the settings and
 * the questionnaire models. Made once by the application and handed to the
 * window, which hands it to its pages; nothing looks these up globally.
 *
 * Properties:
 *  - "store" (nullable): the open database; it changes, with a notify, when
 *    another database is opened.
 *  - "settings" (nullable), "catalog" (nullable): fixed at construction.
 */

#define SIHUA_TYPE_CONTEXT (sihua_context_get_type ())
G_DECLARE_FINAL_TYPE (SihuaContext, sihua_context, SIHUA, CONTEXT, GObject)

SihuaContext      *sihua_context_new              (GSettings           *settings,
                                                   SihuaModelCatalog   *catalog);
SihuaStore        *sihua_context_get_store        (SihuaContext        *self);
void               sihua_context_set_store        (SihuaContext        *self,
                                                   SihuaStore          *store);
GSettings         *sihua_context_get_settings     (SihuaContext        *self);
SihuaModelCatalog *sihua_context_get_catalog      (SihuaContext        *self);
SihuaModel        *sihua_context_get_levels_model (SihuaContext        *self);
void               sihua_context_open_store_async (SihuaContext        *self,
                                                   const char          *path,
                                                   gboolean             read_only,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean           sihua_context_open_store_finish (SihuaContext       *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

G_END_DECLS
