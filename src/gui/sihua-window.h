/* sihua-window.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sihua-context.h"

G_BEGIN_DECLS

#define SIHUA_TYPE_WINDOW (sihua_window_get_type ())
G_DECLARE_FINAL_TYPE (SihuaWindow, sihua_window, SIHUA, WINDOW, AdwApplicationWindow)

SihuaWindow *sihua_window_new                (GtkApplication   *application,
                                              SihuaContext     *context);
SihuaContext *sihua_window_get_context       (SihuaWindow      *self);
void         sihua_window_show_store         (SihuaWindow      *self);
void         sihua_window_show_store_error   (SihuaWindow      *self,
                                              const char       *path,
                                              const GError     *error);
void         sihua_window_screenshot         (SihuaWindow      *self,
                                              const char       *page,
                                              const char       *path);
gboolean     sihua_window_open_company       (SihuaWindow      *self,
                                              gint64            company_id);
void         sihua_window_open_assessment    (SihuaWindow      *self,
                                              gint64            assessment_id,
                                              gboolean          show_results);
void         sihua_window_add_toast          (SihuaWindow      *self,
                                              const char       *title);
void         sihua_window_show_toast         (SihuaWindow      *self,
                                              AdwToast         *toast);
const SihuaCompany *sihua_window_get_company (SihuaWindow      *self);
gint64       sihua_window_get_assessment_id  (SihuaWindow      *self);
void         sihua_window_reload_companies   (SihuaWindow      *self);

G_END_DECLS
