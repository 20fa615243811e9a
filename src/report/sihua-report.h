/* sihua-report.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-results.h"
#include "sihua-store.h"
#include "sihua-types.h"

G_BEGIN_DECLS

/* The parts of a report, as `--sections` names them. */
typedef enum
{
  SIHUA_REPORT_SECTION_COVER      = 1 << 0,
  SIHUA_REPORT_SECTION_SUMMARY    = 1 << 1,
  SIHUA_REPORT_SECTION_GUIDE      = 1 << 2,
  SIHUA_REPORT_SECTION_DIMENSIONS = 1 << 3,
  SIHUA_REPORT_SECTION_EVIDENCE   = 1 << 4,
  SIHUA_REPORT_SECTION_BARRIERS   = 1 << 5,
  SIHUA_REPORT_SECTION_ROADMAP    = 1 << 6,
  SIHUA_REPORT_SECTION_APPENDIX   = 1 << 7,
  SIHUA_REPORT_SECTIONS_ALL       = 0xff,
} SihuaReportSections;

#define SIHUA_REPORT_ERROR (sihua_report_error_quark ())

typedef enum
{
  SIHUA_REPORT_ERROR_INVALID,   /* bad options (unknown section, …) */
  SIHUA_REPORT_ERROR_FAILED,
} SihuaReportError;

/* How to write one report. Strings are borrowed. */
typedef struct
{
  SihuaLanguage        language;
  SihuaReportSections  sections;
  const char          *consultant;   /* nullable: the assessment's consultant */
  const char          *firm;         /* nullable */
  const char          *logo;         /* nullable: a PNG or JPEG file */
  const char          *report_number_prefix;  /* nullable: no report number */
  GDateTime           *created;      /* nullable: now */
  SihuaStore          *evidence_store; /* nullable: where the evidence appendix reads files;
                                        * sihua_report_write_from_store() sets it */
  const char          *interviewees; /* nullable: the people interviewed, one line */
  int                  revision;     /* the finalised revision, with record_sha256 */
  const char          *record_sha256; /* nullable: set when the record is finalised */
  GPtrArray           *interviewee_answers; /* nullable: SihuaIntervieweeAnswer, who said what */
} SihuaReportOptions;

/* What was written, for benchmarks and tests. */
typedef struct
{
  guint  n_pages;
  gsize  font_bytes;
  guint  page_summary;     /* page numbers (from 1) where sections start, 0 if left out */
  guint  page_dimensions;
  guint  page_appendix;
} SihuaReportStats;

GQuark    sihua_report_error_quark        (void);
void      sihua_report_options_init       (SihuaReportOptions      *options);
gboolean  sihua_report_sections_parse     (const char              *list,
                                           SihuaReportSections     *sections,
                                           GError                 **error);
gboolean  sihua_report_write              (SihuaResults            *results,
                                           const SihuaReportOptions *options,
                                           const char              *path,
                                           SihuaReportStats        *stats,
                                           GError                 **error);
gboolean  sihua_report_write_from_store   (SihuaStore              *store,
                                           gint64                   assessment_id,
                                           const SihuaReportOptions *options,
                                           const char              *path,
                                           GError                 **error);

gboolean  sihua_report_finalize           (SihuaStore              *store,
                                           gint64                   assessment_id,
                                           const SihuaReportOptions *options,
                                           GError                 **error);

G_END_DECLS
