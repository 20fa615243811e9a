/* sihua-bundle.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sihua-store.h"

G_BEGIN_DECLS

/* The bundle format this build writes and reads (docs/export-format.md). */
#define SIHUA_BUNDLE_FORMAT_VERSION 1
#define SIHUA_BUNDLE_FORMAT_NAME    "sihua-bundle"

/* Limits a bundle must stay within; anything larger is refused before it is
 * unpacked further. */
#define SIHUA_BUNDLE_MAX_ENTRIES     4096
#define SIHUA_BUNDLE_MAX_ENTRY_SIZE  (G_GUINT64_CONSTANT (128) * 1024 * 1024)
#define SIHUA_BUNDLE_MAX_TOTAL_SIZE  (G_GUINT64_CONSTANT (512) * 1024 * 1024)
#define SIHUA_BUNDLE_MAX_MANIFEST    (G_GUINT64_CONSTANT (4) * 1024 * 1024)
/* More than this many bytes out per byte of bundle is a zip bomb. Real
 * bundles unpack to 6 times their size (1 000 companies, 5 000
 * assessments: 14.9 MB to 88 MB), and no entry to more than 9 times. */
#define SIHUA_BUNDLE_MAX_RATIO       32
/* A JSON entry must spend at least this many bytes per value on average
 * (real ones spend 27 to 47), or parsing it would take many times the
 * memory its size suggests. Small entries are let through. */
#define SIHUA_BUNDLE_MIN_BYTES_PER_VALUE 8
#define SIHUA_BUNDLE_DENSE_ENTRY_SIZE    (G_GUINT64_CONSTANT (64) * 1024)
/* The most characters a one-line text (a name, a credit code, an author)
 * and a free text (notes, evidence, a text answer) may have in a bundle. */
#define SIHUA_BUNDLE_MAX_LINE        1000
#define SIHUA_BUNDLE_MAX_TEXT        (1024 * 1024)

#define SIHUA_BUNDLE_ERROR (sihua_bundle_error_quark ())

typedef enum
{
  SIHUA_BUNDLE_ERROR_READ,           /* cannot read the file, or not a zip */
  SIHUA_BUNDLE_ERROR_TRUNCATED,      /* the zip ends early or is damaged */
  SIHUA_BUNDLE_ERROR_VERSION,        /* unknown format or format version */
  SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,   /* "..", absolute path, symlink, device… */
  SIHUA_BUNDLE_ERROR_TOO_LARGE,      /* an entry, the total, or a zip bomb */
  SIHUA_BUNDLE_ERROR_CHECKSUM,       /* size or SHA-256 differs from the manifest */
  SIHUA_BUNDLE_ERROR_MISSING,        /* an entry the manifest or data needs is absent */
  SIHUA_BUNDLE_ERROR_UNLISTED,       /* an entry the manifest does not list */
  SIHUA_BUNDLE_ERROR_INVALID,        /* malformed JSON or data */
  SIHUA_BUNDLE_ERROR_CONFLICTS,      /* conflicts left without a choice */
  SIHUA_BUNDLE_ERROR_WRITE,
  SIHUA_BUNDLE_ERROR_FAILED,
} SihuaBundleError;

GQuark      sihua_bundle_error_quark   (void);

/* The container: a zip whose first entry is manifest.json listing every
 * other entry with its size and SHA-256. */

/* Writes @entries (path → GBytes) and a manifest made for them; @extra
 * members are added to the manifest (may be NULL). Atomic: the file appears
 * complete or not at all. */
gboolean    sihua_bundle_write_zip     (const char   *path,
                                        GHashTable   *entries,
                                        JsonObject   *extra,
                                        GError      **error);
/* Reads and verifies everything (paths, types, sizes, limits, checksums,
 * manifest version) and returns path → GBytes for every entry but the
 * manifest, whose parsed object goes to @manifest. */
GHashTable *sihua_bundle_read_zip      (const char   *path,
                                        JsonObject  **manifest,
                                        GError      **error);
/* Whether @path is a safe relative entry name: no "..", no absolute path,
 * no backslash, no empty or "." component, printable ASCII. */
gboolean    sihua_bundle_path_is_safe  (const char   *path);

char       *sihua_bundle_sha256        (GBytes       *bytes);

G_END_DECLS

G_BEGIN_DECLS

/* The data of a bundle, verified and parsed; nothing of it is in a database
 * yet. */
typedef struct _SihuaBundle SihuaBundle;

typedef enum
{
  SIHUA_BUNDLE_CHOICE_NONE,    /* not decided: importing refuses */
  SIHUA_BUNDLE_CHOICE_MINE,    /* keep the row in this database */
  SIHUA_BUNDLE_CHOICE_THEIRS,  /* replace it with the bundle's */
  SIHUA_BUNDLE_CHOICE_BOTH,    /* keep mine, add theirs as a copy with a new UUID */
} SihuaBundleChoice;

typedef enum
{
  SIHUA_BUNDLE_ROW_COMPANY,
  SIHUA_BUNDLE_ROW_ASSESSMENT,
  /* A company of the bundle that is not here by UUID, but whose credit code
   * (统一社会信用代码) belongs to a company here: the same client entered on
   * two laptops. Mine and theirs merge it into the company here (keeping
   * this computer's details or taking the bundle's) with both sides'
   * assessments under it; both keeps them apart, the bundle's without its
   * credit code. */
  SIHUA_BUNDLE_ROW_SAME_COMPANY,
} SihuaBundleRowKind;

/* One side of an answer: @value is the storage form, %NULL when the
 * question is not answered on that side. */
typedef struct
{
  char   *value;
  char   *note;
  char   *evidence;
  char   *author;
  gint64  changed_at;   /* microseconds since 1970; 0 if unknown */
} SihuaBundleAnswerState;

/* An answer changed on both laptops since they last agreed on it. */
typedef struct
{
  char                   *question_id;
  SihuaBundleAnswerState  mine;
  SihuaBundleAnswerState  theirs;
} SihuaBundleAnswerConflict;

/* A row that needs a person's choice. For an assessment, fields that differ
 * (they carry no history) or answers changed on both sides since the two
 * laptops last agreed on them; @fields names them ("consultant",
 * "answer:Q1") and @answers holds both sides of each answer. */
typedef struct
{
  SihuaBundleRowKind  kind;
  char               *uuid;
  char               *label;    /* company name, or "company — date" */
  GStrv               fields;
  SihuaBundleChoice   choice;
  GPtrArray          *answers;      /* SihuaBundleAnswerConflict*; empty but for assessments */
  char               *local_uuid;   /* SAME_COMPANY: the company here */
  char               *local_label;  /* SAME_COMPANY: its name here */
} SihuaBundleConflict;

/* What an import did (or, with conflicts undecided, would do). */
typedef struct
{
  guint      companies_added;
  guint      companies_skipped;
  guint      assessments_added;
  guint      assessments_skipped;
  guint      assessments_merged;   /* answers taken into an existing assessment */
  guint      companies_merged;     /* same credit code: merged into the company here */
  guint      answers_added;        /* answers to questions not answered here */
  guint      answers_taken;        /* answers here replaced (or cleared) by theirs */
  guint      answers_kept;         /* answers that differ, where this computer's stays */
  guint      conflicts_resolved;   /* answers changed on both sides, settled by a choice */
  guint      history_added;
  guint      models_added;
  guint      evidence_added;       /* evidence files put on answers here */
  guint      interviewees_added;
  guint      interviewee_answers_added;
  guint      revisions_added;      /* finalised revisions (and their reports) not here before */
  guint      finalisations_taken;  /* assessments finalised here as in the bundle */
  guint      finalisations_refused; /* finalised there, but the record here differs: left in progress */
  guint      assessments_kept_final; /* finalised here: nothing of the bundle's taken into them */
  GPtrArray *conflicts;            /* SihuaBundleConflict* */
} SihuaBundleReport;

gboolean           sihua_bundle_choice_from_string (const char         *text,
                                                    SihuaBundleChoice  *choice);
const char        *sihua_bundle_choice_to_string   (SihuaBundleChoice   choice);

/* Writes the companies given (local ids or UUIDs; NULL or empty: all), with
 * their assessments, answers, history and pinned models, to @path. */
gboolean           sihua_bundle_export             (SihuaStore          *store,
                                                    const char * const  *companies,
                                                    const char          *path,
                                                    GError             **error);

/* Reads, verifies and checks every part of a bundle without touching any
 * database. */
SihuaBundle       *sihua_bundle_load               (const char          *path,
                                                    GError             **error);
void               sihua_bundle_free               (SihuaBundle         *bundle);
JsonObject        *sihua_bundle_get_manifest       (SihuaBundle         *bundle);

/* Compares @bundle with @store: what would be added, skipped, and which rows
 * conflict (their choice starts as @choice). */
SihuaBundleReport *sihua_bundle_analyse            (SihuaBundle         *bundle,
                                                    SihuaStore          *store,
                                                    SihuaBundleChoice    choice,
                                                    GError             **error);
/* Merges @bundle into @store in one transaction, following the choices in
 * @report (from sihua_bundle_analyse; counts are updated to what was done).
 * Refuses, changing nothing, while a conflict has no choice. */
gboolean           sihua_bundle_import             (SihuaBundle         *bundle,
                                                    SihuaStore          *store,
                                                    SihuaBundleReport   *report,
                                                    GError             **error);
void               sihua_bundle_report_free        (SihuaBundleReport   *report);
JsonNode          *sihua_bundle_report_to_json     (SihuaBundleReport   *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaBundle, sihua_bundle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaBundleReport, sihua_bundle_report_free)

G_END_DECLS
