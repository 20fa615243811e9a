/* sihua-bundle-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sihua-bundle.h"

G_BEGIN_DECLS

typedef enum
{
  BUNDLE_COL_TEXT,
  BUNDLE_COL_INT,
  BUNDLE_COL_REAL,
} BundleColumnType;

typedef struct
{
  const char       *name;
  BundleColumnType  type;
  gboolean          required;
  gboolean          compared;   /* part of "the same row" */
  gboolean          answer;     /* holds an answer value in storage form */
  const char * const *allowed; /* nullable: the only values a text may take */
} BundleColumn;

typedef enum
{
  BUNDLE_TABLE_COMPANIES,
  BUNDLE_TABLE_ASSESSMENTS,
  BUNDLE_TABLE_ANSWERS,
  BUNDLE_TABLE_HISTORY,
  BUNDLE_N_TABLES,
} BundleTableId;

typedef struct
{
  const char         *entry;       /* path inside the bundle */
  const BundleColumn *columns;
  guint               n_columns;
  const char         *select_sql;  /* the columns in order, FROM … (no WHERE) */
  const char         *uuid_sql;    /* the row's uuid expression, for WHERE */
  const char         *order_sql;
  const char         *insert_sql;  /* ?1…?n in column order */
  const char         *live_sql;    /* AND …: leaves out what is in the trash */
} BundleTable;

/* What a bundle leaves out: companies and assessments in the trash (and
 * everything in them). Written only where rows are read for a bundle; a
 * bundle or sync merge still finds a trashed row by its UUID. */
#define BUNDLE_LIVE_COMPANY " AND c.deleted_at IS NULL"
#define BUNDLE_LIVE_ASSESSMENT " AND c.deleted_at IS NULL AND a.deleted_at IS NULL"

struct _SihuaBundle
{
  char        *path;
  JsonObject  *manifest;
  JsonArray   *rows[BUNDLE_N_TABLES];
  GHashTable  *models;             /* "id\nversion" → GBytes */
  GHashTable  *model_objects;      /* "id\nversion" → SihuaModel */
  JsonArray   *evidence_rows;      /* evidence links, checked (sihua-bundle-evidence.c) */
  GHashTable  *evidence_blobs;     /* sha256 → GBytes, each checked against its hash */
  JsonArray   *interviewee_rows;   /* the record (sihua-bundle-record.c) */
  JsonArray   *said_rows;          /* what each interviewee answered */
  JsonArray   *revision_rows;
  GHashTable  *report_blobs;       /* sha256 → GBytes of a kept report */
};

extern const BundleTable sihua_bundle_tables[BUNDLE_N_TABLES];

/* The row of @table with @uuid in @db as a JSON object in bundle form. */
JsonObject *_sihua_bundle_lookup_row   (sqlite3            *db,
                                        const BundleTable  *table,
                                        const char         *uuid,
                                        GError            **error);
JsonObject *_sihua_bundle_row_to_object (sqlite3_stmt      *stmt,
                                         const BundleTable *table);
/* Binds the members of @row to ?1…?n of @stmt in column order. */
void        _sihua_bundle_bind_row     (sqlite3_stmt       *stmt,
                                        const BundleTable  *table,
                                        JsonObject         *row);
gboolean    _sihua_bundle_values_equal (JsonObject         *a,
                                        JsonObject         *b,
                                        const BundleColumn *column);
/* Checks every value of @bundle against the model its assessment is pinned
 * to, and every text, number and date as strictly as the same thing typed
 * (sihua-bundle-check.c). @uuids: per table, uuid → row. */
gboolean    _sihua_bundle_check_content (SihuaBundle       *bundle,
                                         GHashTable       **uuids,
                                         GError           **error);

/* Which side changed an answer since the two laptops last agreed on it
 * (sihua-bundle-ancestry.c). */
typedef enum
{
  BUNDLE_CHANGED_NONE,     /* both sides hold the same answer */
  BUNDLE_CHANGED_MINE,     /* only this database changed it: keep mine */
  BUNDLE_CHANGED_THEIRS,   /* only the bundle changed it: take theirs */
  BUNDLE_CHANGED_BOTH,     /* a conflict */
} BundleChanged;

/* @mine, @theirs: answer rows in bundle form, %NULL when not answered;
 * @my_history, @their_history: the question's history rows in bundle form,
 * each side in the order its changes were made (JsonObject*, may be NULL). */
BundleChanged _sihua_bundle_changed_side (JsonObject *mine,
                                          GPtrArray  *my_history,
                                          JsonObject *theirs,
                                          GPtrArray  *their_history);
/* Whether the (value, note, evidence) of @a (members prefixed @a_prefix)
 * and @b are the same answer; %NULL objects are "not answered". */
gboolean    _sihua_bundle_states_equal (JsonObject *a,
                                        const char *a_prefix,
                                        JsonObject *b,
                                        const char *b_prefix);

/* What search-as-you-type matches: the same rule as the store's own
 * make_search_key() in sihua-store-companies.c. */
char       *_sihua_bundle_search_key   (JsonObject         *company);
/* Shared by the tables and the evidence (sihua-bundle-data.c). */
JsonArray  *_sihua_bundle_parse_table  (SihuaBundle        *bundle,
                                        GHashTable         *entries,
                                        const char         *entry,
                                        GError            **error);
gboolean    _sihua_bundle_check_rows   (SihuaBundle        *bundle,
                                        const BundleTable  *table,
                                        JsonArray          *rows,
                                        GHashTable         *uuids,
                                        GError            **error);
gboolean    _sihua_bundle_check_reference (const BundleTable  *table,
                                           JsonArray          *rows,
                                           const char         *member,
                                           GHashTable         *targets,
                                           gboolean            required,
                                           GError            **error);

/* Evidence files: their links in data/evidence.json and their bytes in
 * evidence/SHA256 (sihua-bundle-evidence.c). */
gboolean    _sihua_bundle_export_evidence (sqlite3            *db,
                                           const char         *scope_json,
                                           GHashTable         *entries,
                                           GError            **error);
gboolean    _sihua_bundle_load_evidence   (SihuaBundle        *bundle,
                                           GHashTable         *entries,
                                           GHashTable         *assessment_uuids,
                                           GError            **error);

/* Content-addressed files in a bundle: evidence, kept reports
 * (sihua-bundle-data.c). */
gboolean    _sihua_bundle_export_blobs (sqlite3            *db,
                                        sqlite3_stmt       *stmt,
                                        const char         *prefix,
                                        GHashTable         *entries,
                                        char              **damaged,
                                        GError            **error);
gboolean    _sihua_bundle_load_blobs   (GHashTable         *entries,
                                        const char         *prefix,
                                        GHashTable         *blobs,
                                        const char        **mismatch);
gboolean    _sihua_bundle_invalid_row  (GError            **error,
                                        const char         *entry,
                                        guint               row,
                                        const char         *message);
/* Adds @table's rows in scope to @entries as JSON (sihua-bundle-record.c). */
gboolean    _sihua_bundle_export_table (sqlite3            *db,
                                        const BundleTable  *table,
                                        const char         *scope_json,
                                        GHashTable         *entries,
                                        GError            **error);
/* Interviewees, their answers, revisions and kept reports
 * (sihua-bundle-record.c). */
gboolean    _sihua_bundle_export_record (sqlite3           *db,
                                         const char        *scope_json,
                                         GHashTable        *entries,
                                         GError           **error);
gboolean    _sihua_bundle_load_record   (SihuaBundle       *bundle,
                                         GHashTable        *entries,
                                         GHashTable        *assessment_uuids,
                                         GError           **error);

/* Refuses a bundle carrying a model under a known id and version with
 * other contents (sihua-bundle-models.c). */
gboolean    _sihua_bundle_check_models (SihuaBundle        *bundle,
                                        sqlite3            *db,
                                        GError            **error);

/* Scores again the assessments with these UUIDs after their answers were
 * merged (sihua-bundle-merge.c); sync uses it too. */
void        _sihua_bundle_rescore_assessments (SihuaStore  *store,
                                               GPtrArray   *uuids);

G_END_DECLS
