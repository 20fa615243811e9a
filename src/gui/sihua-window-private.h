/* sihua-window-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-companies-page.h"
#include "sihua-company-page.h"
#include "sihua-window.h"

G_BEGIN_DECLS

struct _SihuaWindow
{
  AdwApplicationWindow  parent_instance;

  /* The store, settings and models, shared with the pages. */
  SihuaContext         *context;

  /* What the window does with the page on screen (remembering the place)
   * follows whichever page that is. */
  GSignalGroup         *page_signals;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *problem_page;
  GtkLabel             *problem_path_label;
  GtkWidget            *open_read_only_button;
  GtkWidget            *restore_backup_button;
  AdwLeaflet           *leaflet;
  SihuaCompaniesPage   *companies_page;
  SihuaCompanyPage     *company_page;
  AdwWindowTitle       *company_title;
  GtkBox               *assessment_box;
  AdwWindowTitle       *assessment_title;
  GtkBox               *results_box;
  AdwWindowTitle       *results_title;

  /* The answering and results pages (made in code: they may be absent). */
  GtkWidget            *assessment_page;
  GtkWidget            *results_page;
  gint64                assessment_id;

  /* The database that failed to open, while the problem page shows. */
  char                 *problem_path;

  /* --screenshot: which page, and where to, once the data is on screen. */
  char                 *screenshot_page;
  char                 *screenshot_path;
  GtkWidget            *shot_widget;
  guint                 shot_tries;

  guint                 restored : 1;
  guint                 shot_scheduled : 1;
  guint                 shot_waits_for_company : 1;
};

SihuaStore       *_sihua_window_get_store                 (SihuaWindow    *self);
GSettings        *_sihua_window_get_settings              (SihuaWindow    *self);
void              _sihua_window_set_can_change            (SihuaWindow    *self,
                                                           gboolean        can_change);

/* sihua-window-screenshot.c: --screenshot */
void              _sihua_window_schedule_screenshot       (SihuaWindow    *self);
void              _sihua_window_screenshot_company_loaded (SihuaWindow    *self);
void              _sihua_window_take_screenshot           (SihuaWindow    *self,
                                                           GtkWidget      *widget);

/* sihua-window-store.c: a database that could not be opened */
void              _sihua_window_store_class_init          (GtkWidgetClass *widget_class);

/* sihua-window-trash.c: deleting with undo, merging, the trash */
void              _sihua_window_trash_class_init          (GtkWidgetClass *widget_class);
void              _sihua_window_trash_set_can_change      (SihuaWindow    *self,
                                                           gboolean        can_change);

/* sihua-window-exchange.c: exports and bundles */
void              _sihua_window_exchange_class_init       (GtkWidgetClass *widget_class);

G_END_DECLS
