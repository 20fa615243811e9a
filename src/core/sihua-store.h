/* sihua-store.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIHUA_STORE_ERROR (sihua_store_error_quark ())

typedef enum
{
  SIHUA_STORE_ERROR_OPEN,
  SIHUA_STORE_ERROR_NOT_SIHUA,
  SIHUA_STORE_ERROR_TOO_NEW,
  SIHUA_STORE_ERROR_CORRUPT,
  SIHUA_STORE_ERROR_READ_ONLY,
  SIHUA_STORE_ERROR_FAILED,
} SihuaStoreError;

#define SIHUA_TYPE_STORE (sihua_store_get_type ())
G_DECLARE_FINAL_TYPE (SihuaStore, sihua_store, SIHUA, STORE, GObject)

GQuark      sihua_store_error_quark (void);
SihuaStore *sihua_store_open        (const char  *path,
                                     GError     **error);
const char *sihua_store_get_path    (SihuaStore  *self);

G_END_DECLS
