/* sihua-application.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIHUA_TYPE_APPLICATION (sihua_application_get_type ())
G_DECLARE_FINAL_TYPE (SihuaApplication, sihua_application, SIHUA, APPLICATION, AdwApplication)

SihuaApplication *sihua_application_new (void);

G_END_DECLS
