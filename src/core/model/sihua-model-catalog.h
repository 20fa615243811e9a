/* sihua-model-catalog.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-model.h"

G_BEGIN_DECLS

#define SIHUA_DEFAULT_MODEL_ID "sihua-4hua"

#define SIHUA_TYPE_MODEL_CATALOG (sihua_model_catalog_get_type ())
G_DECLARE_FINAL_TYPE (SihuaModelCatalog, sihua_model_catalog, SIHUA, MODEL_CATALOG, GObject)

/* The models Sihua knows: the built-in ones (in the core library's resources)
 * and those installed in @user_dir (NULL: sihua_paths_get_user_models_dir).
 * A broken installed model is left out and reported by
 * sihua_model_catalog_get_problems, never fatal. */
SihuaModelCatalog *sihua_model_catalog_new           (const char        *user_dir);
GPtrArray         *sihua_model_catalog_list          (SihuaModelCatalog *self);
SihuaModel        *sihua_model_catalog_lookup        (SihuaModelCatalog *self,
                                                      const char        *id,
                                                      const char        *version,
                                                      GError           **error);
SihuaModel        *sihua_model_catalog_get_default   (SihuaModelCatalog *self);
GPtrArray         *sihua_model_catalog_get_problems  (SihuaModelCatalog *self);
gboolean           sihua_model_catalog_is_builtin    (SihuaModelCatalog *self,
                                                      SihuaModel        *model);

G_END_DECLS
