/* sihua-results-page-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-results-page.h"
#include "sihua-results.h"

G_BEGIN_DECLS

struct _SihuaResultsPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkLabel         *stage_caption;
  GtkLabel         *stage_label;
  GtkLabel         *index_label;
  GtkLabel         *completeness_label;
  GtkWidget        *export_button;
  GtkWidget        *answer_sheet_button;  /* shown for an official index */
  GtkBox           *charts_box;
  GtkBox           *bars_box;
  GtkBox           *groups_box;

  SihuaStore       *store;
  gint64            assessment_id;
  SihuaLanguage     language;

  SihuaResults     *results;   /* NULL until loaded */
  GCancellable     *loading;   /* the load under way */
  gint64            load_started;

  /* What the window's header shows under "Results": the company. */
  char             *subtitle;

  /* Borrowed from @results */
  const SihuaAssessment *assessment;
  SihuaModel       *model;
  GHashTable       *answers;
  SihuaScore       *score;
  SihuaScore       *previous_score;

  gboolean          exporting;
};

/* sihua-results-page.c: a titled list in the page's groups, and a row in it
 * (a line that goes to @question_id when it is set). */
GtkWidget *_sihua_results_page_add_group    (SihuaResultsPage *self,
                                             const char       *title,
                                             const char       *description);
GtkWidget *_sihua_results_page_add_row      (GtkWidget        *list,
                                             const char       *title,
                                             const char       *subtitle,
                                             const char       *question_id,
                                             SihuaResultsPage *self);
/* sihua-results-page-official.c: FALSE when the model is not shown in an
 * official currency of its own */
gboolean   _sihua_results_page_show_official (SihuaResultsPage *self);
/* sihua-results-page-charts.c: FALSE when the charts cannot be shown */
gboolean _sihua_results_page_add_charts (SihuaResultsPage *self);
/* sihua-results-page-export.c */
void     _sihua_results_page_export     (SihuaResultsPage *self);
void     _sihua_results_page_open_export_folder (GtkFileChooser *chooser);
void     _sihua_results_page_toast_saved  (SihuaResultsPage *self,
                                           const char       *message,
                                           const char       *path);
void     _sihua_results_page_toast_failed (SihuaResultsPage *self,
                                           const char       *message);
/* sihua-results-page-answer-sheet.c */
void     _sihua_results_page_export_answer_sheet (SihuaResultsPage *self);
/* sihua-assessment-page.c */
void     _sihua_answer_pages_load_css   (void);

G_END_DECLS
