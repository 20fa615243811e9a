/* sihua-export.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-export-cell.h"
#include "sihua-store.h"
#include "sihua-types.h"

G_BEGIN_DECLS

/* The version of the JSON export schema (docs/export-format.md). */
#define SIHUA_EXPORT_JSON_VERSION 1

#define SIHUA_EXPORT_ERROR (sihua_export_error_quark ())

typedef enum
{
  SIHUA_EXPORT_ERROR_WRITE,
  SIHUA_EXPORT_ERROR_NOT_FOUND,
  SIHUA_EXPORT_ERROR_FAILED,
} SihuaExportError;

typedef enum
{
  SIHUA_EXPORT_FORMAT_CSV,
  SIHUA_EXPORT_FORMAT_XLSX,
  SIHUA_EXPORT_FORMAT_JSON,
} SihuaExportFormat;

/* The three tables every tabular export holds. */
typedef enum
{
  SIHUA_EXPORT_TABLE_COMPANIES,
  SIHUA_EXPORT_TABLE_ASSESSMENTS,
  SIHUA_EXPORT_TABLE_ANSWERS,
  SIHUA_EXPORT_N_TABLES,
} SihuaExportTable;

/*
 * The rows a source hands to a writer. Plain data, borrowed for the length of
 * one call: a writer copies what it keeps. NULL strings are empty cells.
 */
typedef struct
{
  const char *uuid;
  const char *name;
  const char *uscc;
  const char *industry;
  const char *size;
  gint64      employees;     /* -1 when unknown */
  const char *region;
  const char *address;
  const char *contact;
  const char *notes;
  const char *created;       /* ISO 8601 */
  const char *modified;
} SihuaExportCompany;

/* A score column of the assessments table: one per dimension of the models
 * the exported assessments use, in model order. */
typedef struct
{
  char *id;
  char *title;
} SihuaExportDimension;

typedef struct
{
  const char   *uuid;
  const char   *company_uuid;
  const char   *company_name;
  const char   *model_id;
  const char   *model_version;
  const char   *date;
  const char   *consultant;
  const char   *status;
  const char   *previous_uuid;
  const char   *notes;
  const char   *created;
  const char   *modified;
  int           target_level;      /* -1 when not set */
  double        index;             /* NAN when nothing is scored */
  int           stage;             /* -1 when nothing is scored */
  guint         answered;
  guint         applicable;
  const double *dimension_scores;  /* one per SihuaExportDimension; NAN = none */
  const int    *dimension_stages;  /* one per SihuaExportDimension; -1 = none */
  int           revision;          /* from 1 */
  const char   *finalized;         /* ISO 8601 when the revision is finalised, else NULL */
  const char   *interviewees;      /* "王芳 (生产经理, 生产部); 赵强", or NULL */
} SihuaExportAssessment;

typedef struct
{
  const char *company_uuid;
  const char *company_name;
  const char *assessment_uuid;
  const char *assessment_date;
  const char *dimension_id;
  const char *dimension_title;
  const char *question_id;
  const char *question_text;
  const char *value;            /* readable: "3 数字化", "ERP, MES", "N/A" */
  const char *option_ids;       /* the options chosen, by id, "erp,mes"; NULL for none */
  const char *raw_value;        /* storage form, valid JSON text, or NULL */
  gboolean    has_number;       /* numeric answer: number is valid */
  double      number;
  int         level;            /* -1 when the answer carries no level */
  gboolean    not_applicable;
  const char *note;
  const char *evidence;
  const char *answered_at;
  const char *answered_by;
  const char *evidence_files;   /* "name sha256; …" of its evidence files, or NULL */
  const char *interviewee_answers; /* "王芳: 1 信息化; 赵强: 3 数字化", or NULL */
  gboolean    to_discuss;       /* the interviewees are two levels or more apart */
} SihuaExportAnswer;

/*
 * A writer of one format. Rows arrive in walk order: a company, then its
 * assessments, each followed by its answers.
 */
typedef struct _SihuaExportSink SihuaExportSink;

typedef struct
{
  gboolean (*begin)      (SihuaExportSink              *sink,
                          GPtrArray                    *dimensions,
                          GError                      **error);
  gboolean (*company)    (SihuaExportSink              *sink,
                          const SihuaExportCompany     *company,
                          GError                      **error);
  gboolean (*assessment) (SihuaExportSink              *sink,
                          const SihuaExportAssessment  *assessment,
                          GError                      **error);
  gboolean (*answer)     (SihuaExportSink              *sink,
                          const SihuaExportAnswer      *answer,
                          GError                      **error);
  gboolean (*finish)     (SihuaExportSink              *sink,
                          GError                      **error);
  void     (*free)       (SihuaExportSink              *sink);
} SihuaExportSinkClass;

struct _SihuaExportSink
{
  const SihuaExportSinkClass *klass;
  GPtrArray                  *dimensions;  /* SihuaExportDimension*, set by begin */
  gboolean                    localized;   /* headers in the user's language */
};

typedef struct
{
  SihuaExportFormat  format;
  char              *company;     /* nullable: only this company (local id or UUID) */
  char              *assessment;  /* nullable: only this assessment (local id or UUID) */
  gboolean           bom;              /* CSV: a UTF-8 byte order mark for Excel */
  gboolean           localized;        /* CSV, XLSX: headers and statuses in the
                                        * user's language instead of identifiers */
  SihuaLanguage      language;         /* of question and dimension texts */
} SihuaExportOptions;

/* Called with the share done, 0–1. From the export's thread; the async
 * variant calls it in the caller's main context instead. */
typedef void (*SihuaExportProgressFunc) (double   fraction,
                                         gpointer user_data);

GQuark               sihua_export_error_quark          (void);

gboolean             sihua_export_format_from_string   (const char        *name,
                                                        SihuaExportFormat *format);
const char          *sihua_export_table_get_name       (SihuaExportTable             table);
/* FILE-companies.csv, FILE-assessments.csv, FILE-answers.csv beside @path
 * (its .csv suffix dropped). */
char                *sihua_export_csv_table_path       (const char       *path,
                                                        SihuaExportTable  table);

SihuaExportDimension *sihua_export_dimension_new       (const char *id,
                                                        const char *title);
void                 sihua_export_dimension_free       (SihuaExportDimension        *dimension);

SihuaExportSink     *sihua_export_sink_new             (SihuaExportFormat   format,
                                                        const char         *path,
                                                        gboolean            bom,
                                                        GError            **error);
SihuaExportSink     *sihua_export_csv_sink_new         (const char  *path,
                                                        gboolean     bom,
                                                        GError     **error);
SihuaExportSink     *sihua_export_xlsx_sink_new        (const char  *path,
                                                        GError     **error);
SihuaExportSink     *sihua_export_json_sink_new        (const char  *path,
                                                        GError     **error);
gboolean             sihua_export_sink_begin           (SihuaExportSink  *sink,
                                                        GPtrArray        *dimensions,
                                                        GError          **error);
gboolean             sihua_export_sink_company         (SihuaExportSink           *sink,
                                                        const SihuaExportCompany  *company,
                                                        GError                   **error);
gboolean             sihua_export_sink_assessment      (SihuaExportSink              *sink,
                                                        const SihuaExportAssessment  *assessment,
                                                        GError                      **error);
gboolean             sihua_export_sink_answer          (SihuaExportSink          *sink,
                                                        const SihuaExportAnswer  *answer,
                                                        GError                  **error);
gboolean             sihua_export_sink_finish          (SihuaExportSink  *sink,
                                                        GError          **error);
void                 sihua_export_sink_free            (SihuaExportSink             *sink);

/* The cells of one row of a table, and its header, as CSV and XLSX write
 * them. @cells must hold sihua_export_table_get_n_columns () cells. */
guint                sihua_export_table_get_n_columns  (SihuaExportTable  table,
                                                        GPtrArray        *dimensions);
const char          *sihua_export_table_get_header     (SihuaExportTable   table,
                                                        GPtrArray         *dimensions,
                                                        guint              column,
                                                        gboolean           localized,
                                                        char             **owned);
double               sihua_export_table_get_width      (SihuaExportTable table,
                                                        guint            column);
void                 sihua_export_company_cells        (const SihuaExportCompany *company,
                                                        SihuaExportCell          *cells);
void                 sihua_export_assessment_cells     (const SihuaExportAssessment *assessment,
                                                        GPtrArray                   *dimensions,
                                                        SihuaExportCell             *cells);
void                 sihua_export_answer_cells         (const SihuaExportAnswer *answer,
                                                        SihuaExportCell         *cells);

/* Exports what @options select from @store to @path. Streams: memory does
 * not grow with the number of rows. */
gboolean             sihua_export_to_file              (SihuaStore                *store,
                                                        const SihuaExportOptions  *options,
                                                        const char                *path,
                                                        SihuaExportProgressFunc    progress,
                                                        gpointer                   progress_data,
                                                        GCancellable              *cancellable,
                                                        GError                   **error);
/* The same in a worker thread with its own connection to the database
 * @store uses; @progress runs in the thread-default main context of the
 * caller. */
void                 sihua_export_to_file_async        (SihuaStore               *store,
                                                        const SihuaExportOptions *options,
                                                        const char               *path,
                                                        SihuaExportProgressFunc   progress,
                                                        gpointer                  progress_data,
                                                        GDestroyNotify            progress_data_destroy,
                                                        GCancellable             *cancellable,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data);
gboolean             sihua_export_to_file_finish       (GAsyncResult  *result,
                                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaExportSink, sihua_export_sink_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaExportDimension, sihua_export_dimension_free)

G_END_DECLS
