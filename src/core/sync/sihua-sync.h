/* sihua-sync.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-server.h"
#include "sihua-store.h"

G_BEGIN_DECLS

#define SIHUA_SYNC_ERROR (sihua_sync_error_quark ())

/**
 * SihuaSyncError:
 * @SIHUA_SYNC_ERROR_NO_URL: no URL given and none remembered for the database
 * @SIHUA_SYNC_ERROR_INVALID: the server sent a row this database cannot take
 * @SIHUA_SYNC_ERROR_NOT_FOUND: no open conflict with that id
 * @SIHUA_SYNC_ERROR_STOPPED: stopped on purpose after a number of batches
 *   (the test hook SIHUA_SYNC_STOP_AFTER)
 */
typedef enum
{
  SIHUA_SYNC_ERROR_NO_URL,
  SIHUA_SYNC_ERROR_INVALID,
  SIHUA_SYNC_ERROR_NOT_FOUND,
  SIHUA_SYNC_ERROR_STOPPED,
} SihuaSyncError;

/* What a sync did. */
typedef struct
{
  guint  rows_pushed;        /* history rows the server did not have */
  guint  records_pushed;     /* companies and assessments sent */
  guint  rows_pulled;        /* history rows this database did not have */
  guint  records_pulled;     /* companies and assessments added or updated here */
  guint  answers_taken;      /* answers changed to the server's */
  guint  conflicts_found;    /* answers changed on both sides */
  guint  conflicts_open;     /* open conflicts after the sync */
  gint64 cursor;             /* the last server number applied */
} SihuaSyncReport;

/* One side of a conflicted answer. */
typedef struct
{
  char   *value;      /* storage form; NULL: not answered */
  char   *note;
  char   *evidence;
  char   *author;
  gint64  changed_at;
} SihuaSyncState;

/* An answer changed on two laptops since they last agreed. */
typedef struct
{
  char           *uuid;
  char           *assessment_uuid;
  gint64          assessment_id;
  char           *company_name;
  char           *question_id;
  SihuaSyncState  mine;
  SihuaSyncState  theirs;
  gint64          detected_at;
  char           *resolution;  /* the history row that settled it; NULL: open */
} SihuaSyncConflict;

typedef enum
{
  SIHUA_SYNC_CHOICE_MINE,
  SIHUA_SYNC_CHOICE_THEIRS,
  SIHUA_SYNC_CHOICE_BOTH,     /* mine stays the answer; theirs goes into its note */
} SihuaSyncChoice;

#define SIHUA_TYPE_SYNC (sihua_sync_get_type ())
G_DECLARE_FINAL_TYPE (SihuaSync, sihua_sync, SIHUA, SYNC, GObject)

GQuark      sihua_sync_error_quark       (void);

SihuaSync  *sihua_sync_new               (SihuaStore       *store,
                                          SihuaServer      *server);
gboolean    sihua_sync_run               (SihuaSync        *self,
                                          SihuaSyncReport  *report,
                                          GError          **error);

/* The server URL remembered for @store, or NULL. */
char       *sihua_sync_get_url           (SihuaStore       *store,
                                          GError          **error);
gboolean    sihua_sync_set_url           (SihuaStore       *store,
                                          const char       *url,
                                          GError          **error);

/* Open conflicts (with @all, settled ones too), oldest first. */
GPtrArray  *sihua_sync_list_conflicts    (SihuaStore       *store,
                                          gboolean          all,
                                          GError          **error);
/* Settles the open conflict whose id starts with @id: the decision is a
 * history row, and both go to the server with the next sync. */
gboolean    sihua_sync_resolve_conflict  (SihuaStore       *store,
                                          const char       *id,
                                          SihuaSyncChoice   choice,
                                          GError          **error);
gboolean    sihua_sync_choice_from_string (const char      *text,
                                           SihuaSyncChoice *choice);
void        sihua_sync_conflict_free     (SihuaSyncConflict *conflict);

G_END_DECLS
