/* sihua-bundle-merge-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-bundle-private.h"

G_BEGIN_DECLS

/* One merge (or its dry run, with @apply FALSE) of a bundle into a store. */
typedef struct
{
  sqlite3            *db;
  SihuaBundle        *bundle;
  SihuaBundleReport  *report;
  gboolean            apply;
  GHashTable         *answers_by_assessment;  /* uuid → GPtrArray of JsonObject */
  GHashTable         *history_by_assessment;
  GHashTable         *company_names;          /* uuid → name */
  GHashTable         *company_map;            /* their company uuid → the same company's here */
  gint64              now;
  const char         *author;
  GHashTable         *stmts;                  /* SQL → sqlite3_stmt, reused for every row */
  GHashTable         *models_done;            /* "id\nversion" pinned in this run */
  GPtrArray          *rescore;                /* UUIDs of assessments whose answers changed */
  GHashTable         *assessment_copies;      /* their assessment uuid → its copy's here */
} Merge;

/* An answer of an assessment both sides hold, and which side changed it. */
typedef struct
{
  char          *question_id;
  JsonObject    *mine;      /* owned; NULL: not answered here */
  JsonObject    *theirs;    /* the bundle's; NULL: not answered there */
  BundleChanged  changed;
} AnswerPlan;

sqlite3_stmt *_sihua_bundle_merge_stmt   (Merge              *merge,
                                          const char         *sql,
                                          GError            **error);
gboolean      _sihua_bundle_insert_row   (Merge              *merge,
                                          BundleTableId       table_id,
                                          JsonObject         *row,
                                          const char         *new_uuid,
                                          const char         *new_parent,
                                          GError            **error);

/* Every question either side answered or changed in the assessment @uuid,
 * with the side that changed it (AnswerPlan*, sorted by question id). */
GPtrArray    *_sihua_bundle_plan_answers  (Merge              *merge,
                                           const char         *uuid,
                                           GError            **error);
/* Takes theirs where only they changed an answer and, with @choice, settles
 * the conflicts; counts what it does. Every answer it changes or keeps
 * against theirs gets a history row saying so. Their history rows must be
 * here already. */
gboolean      _sihua_bundle_apply_answers (Merge              *merge,
                                           const char         *uuid,
                                           GPtrArray          *plans,
                                           SihuaBundleChoice   choice,
                                           GError            **error);
/* Adds the bundle's evidence links not here yet (sihua-bundle-evidence.c). */
gboolean      _sihua_bundle_merge_evidence (Merge             *merge,
                                            GError           **error);

/* Whether the assessment @uuid is finalised here, so that a merge takes
 * nothing into it but revisions; the interviewees, their answers,
 * revisions and finalisations (sihua-bundle-record.c). */
gboolean      _sihua_bundle_is_final_here  (Merge             *merge,
                                            const char        *uuid,
                                            GError           **error);
gboolean      _sihua_bundle_merge_record   (Merge             *merge,
                                            GError           **error);

SihuaBundleAnswerConflict *_sihua_bundle_answer_conflict_new  (AnswerPlan                *plan);
void                       _sihua_bundle_answer_conflict_free (SihuaBundleAnswerConflict *conflict);

G_END_DECLS
