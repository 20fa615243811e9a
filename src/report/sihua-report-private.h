/* sihua-report-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-chart.h"
#include "sihua-comparison.h"
#include "sihua-answer-flags.h"
#include "sihua-next-level.h"
#include "sihua-palette.h"
#include "sihua-pdf-document.h"
#include "sihua-report-catalog.h"
#include "sihua-report.h"
#include "sihua-roadmap.h"

G_BEGIN_DECLS

/* Everything the sections of one report share while it is built. */
typedef struct
{
  SihuaResults             *results;      /* what the report shows, composed in core */
  const SihuaCompany       *company;
  const SihuaAssessment    *assessment;
  SihuaModel               *model;
  GHashTable               *answers;
  const SihuaReportOptions *options;
  SihuaLanguage             language;
  SihuaReportCatalog       *catalog;
  SihuaPdfDocument         *doc;
  SihuaPdfFont             *font;
  const SihuaPalette       *palette;
  SihuaScore               *score;
  GArray                   *flags;       /* SihuaAnswerFlag */
  SihuaRoadmap             *roadmap;
  SihuaNextLevel           *next;
  SihuaComparison          *comparison;  /* nullable */
  const SihuaAssessment    *previous;    /* nullable: set with @comparison */
  int                       target;
  SihuaReportStats         *stats;
  SihuaReportStats          own_stats;
} SihuaReport;

SihuaReport   *_sihua_report_new           (SihuaResults             *results,
                                            const SihuaReportOptions *options,
                                            GError                  **error);
void           _sihua_report_free          (SihuaReport     *report);

const char    *_sihua_report_tr            (SihuaReport     *report,
                                            const char      *msgid) G_GNUC_FORMAT (2);
const char    *_sihua_report_text          (SihuaReport     *report,
                                            const SihuaText *text);
const char    *_sihua_report_stage_name    (SihuaReport     *report,
                                            int              stage);
char          *_sihua_report_stage_label   (SihuaReport     *report,
                                            int              stage);
SihuaPdfColor  _sihua_report_stage_color   (SihuaReport     *report,
                                            int              stage);
char          *_sihua_report_describe_answer (SihuaReport   *report,
                                            const SihuaQuestion *question);
char          *_sihua_report_note          (SihuaReport     *report,
                                            const SihuaQuestion *question);
SihuaChartData *_sihua_report_build_chart_data (SihuaReport *report);
void           _sihua_report_add_chart     (SihuaReport     *report,
                                            SihuaChartKind   kind,
                                            double           x,
                                            double           y,
                                            double           width,
                                            double           height);

const char    *_sihua_report_title          (SihuaReport    *report);
char          *_sihua_report_consultant     (SihuaReport    *report);
void           _sihua_report_add_cover      (SihuaReport    *report);
void           _sihua_report_add_summary    (SihuaReport    *report);
void           _sihua_report_add_guide      (SihuaReport    *report);
void           _sihua_report_add_dimensions (SihuaReport    *report);
void           _sihua_report_add_evidence   (SihuaReport    *report);
void           _sihua_report_add_barriers   (SihuaReport    *report);
void           _sihua_report_add_roadmap    (SihuaReport    *report);
void           _sihua_report_add_appendix   (SihuaReport    *report);
/* sihua-report-official.c: an index in its own currency (sihua_official_applies) */
void           _sihua_report_add_official_summary (SihuaReport *report);
void           _sihua_report_add_answer_sheet     (SihuaReport *report);
char          *_sihua_report_official_headline    (SihuaReport *report);
void           _sihua_report_add_evidence_files (SihuaReport *report);
/* sihua-report-official-guide.c */
void           _sihua_report_add_official_rule    (SihuaReport *report);
char          *_sihua_report_official_change      (SihuaReport *report);
void           _sihua_report_add_official_dimension (SihuaReport               *report,
                                                     const SihuaDimensionScore *ds);

#define TR(s) _sihua_report_tr (report, s)

G_END_DECLS
