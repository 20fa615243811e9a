/* sihua-store-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sihua-store.h"

G_BEGIN_DECLS

/* Marks a file as a Sihua database ("SiHu"), so a foreign SQLite file is
 * recognised before anything is written to it. */
#define SIHUA_STORE_APPLICATION_ID 0x53694875

/* How long a connection waits for another process to finish with the file
 * before giving up with %SIHUA_STORE_ERROR_BUSY. */
#define SIHUA_STORE_BUSY_TIMEOUT_MS 5000

/* What the triggers that freeze a finalised assessment raise. */
#define SIHUA_STORE_FROZEN_MESSAGE "sihua: the assessment is finalised"

struct _SihuaStore
{
  GObject      parent_instance;

  char        *path;
  char        *author;
  gboolean     read_only;

  /* One connection, used by one thread at a time: every public call takes
   * the mutex, and async calls run in order on a single worker thread. */
  GMutex       mutex;
  sqlite3     *db;
  GThreadPool *worker;

  /* The file opened, to notice it being deleted or replaced under us: an
   * unlinked file still takes writes that nobody will ever see. */
  gboolean     file_known;
  guint64      file_dev;
  guint64      file_ino;

  /* The log (-wal) the connection writes to. Another program may remove
   * it (rm, or an SQLite that lost its locks); commits would then go to a
   * file nobody else sees and that is gone after the store closes. */
  char        *log_path;
  gboolean     log_known;
  guint64      log_dev;
  guint64      log_ino;
  gboolean     log_gone;
  char        *log_rescue;
};

/* Statements */
sqlite3_stmt *_sihua_store_prepare        (SihuaStore    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      _sihua_store_exec           (SihuaStore    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      _sihua_store_step_done      (SihuaStore    *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
void          _sihua_store_set_error      (SihuaStore    *self,
                                           GError       **error);
void          _sihua_store_bind_text      (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
char         *_sihua_store_column_text    (sqlite3_stmt  *stmt,
                                           int            index);
const char   *_sihua_store_column_question_id (sqlite3_stmt  *stmt,
                                               int            index,
                                               GError       **error);
gboolean      _sihua_store_begin          (SihuaStore    *self,
                                           GError       **error);
gboolean      _sihua_store_commit         (SihuaStore    *self,
                                           GError       **error);
void          _sihua_store_rollback       (SihuaStore    *self);
gboolean      _sihua_store_check_writable (SihuaStore    *self,
                                           GError       **error);
char         *_sihua_store_today          (void);
char         *_sihua_store_search_key     (const char    *name,
                                          const char    *region,
                                          const char    *industry);

void          _sihua_store_set_frozen_error (GError    **error);

/* Schema */
gboolean      _sihua_store_migrate        (SihuaStore    *self,
                                           int            from_version,
                                           GError       **error);
gboolean      _sihua_store_check_schema   (sqlite3       *db,
                                           const char    *path,
                                           int            version,
                                           GError       **error);

/* Opening */
gboolean      _sihua_store_probe          (sqlite3       *db,
                                           const char    *path,
                                           gboolean       empty_file,
                                           int           *version,
                                           GError       **error);

/* Backups */
void          _sihua_store_auto_backup    (SihuaStore    *self);
char         *_sihua_store_integrity_check (SihuaStore   *self,
                                            GError      **error);
char         *_sihua_store_make_backup    (SihuaStore    *self,
                                           const char    *kind,
                                           GError       **error);

/* Other processes */
char         *_sihua_store_describe_holder (const char  *path);
void          _sihua_store_set_busy_error  (const char  *path,
                                            gboolean     writing,
                                            GError     **error);
gboolean      _sihua_store_lock_exclusive  (sqlite3     *db,
                                            const char  *path,
                                            GError     **error);
void          _sihua_store_unlock_exclusive (sqlite3    *db);
char         *_sihua_store_restore_temp_path (const char *db_path);
void          _sihua_store_remove_leftovers (SihuaStore *self);
gboolean      _sihua_store_is_own_backup_name (const char *db_path,
                                               const char *name,
                                               gboolean   *automatic);
char         *_sihua_store_resolve_path   (const char    *path);

/* Unlocked bodies, shared by the sync calls and the worker thread. */
GPtrArray    *_sihua_store_search_locked  (SihuaStore    *self,
                                           const char    *query,
                                           guint          limit,
                                           GError       **error);
gboolean      _sihua_store_set_answer_locked (SihuaStore          *self,
                                              gint64               assessment_id,
                                              const char          *question_id,
                                              const SihuaAnswerValue *value,
                                              const char          *note,
                                              const char          *evidence,
                                              GError             **error);
GHashTable   *_sihua_store_load_answers_locked (SihuaStore    *self,
                                                gint64         assessment_id,
                                                GError       **error);
gboolean      _sihua_store_assessment_exists (SihuaStore    *self,
                                              gint64         assessment_id,
                                              GError       **error);
/* Makes one item of a row, or %NULL with @error set if it is damaged. */
typedef gpointer (*SihuaStoreRowReader) (sqlite3_stmt  *stmt,
                                         gint64         assessment_id,
                                         GError       **error);
GPtrArray    *_sihua_store_list_rows      (SihuaStore          *self,
                                           gint64               assessment_id,
                                           const char          *sql,
                                           SihuaStoreRowReader  read_row,
                                           GDestroyNotify       free_item,
                                           GError             **error);
gboolean      _sihua_store_is_finalized   (SihuaStore    *self,
                                           gint64         assessment_id,
                                           gboolean      *finalized,
                                           GError       **error);
gboolean      _sihua_store_check_not_finalized (SihuaStore  *self,
                                                gint64       assessment_id,
                                                GError     **error);
/* One SQL statement whose one column is the frozen record of the
 * assessment with the id bound to ?1 (sihua-store-revisions.c). */
extern const char _sihua_store_record_sql[];

/* The trash: %FALSE with a NOT_FOUND error that says whether the row is
 * gone or in the trash (and how to restore it). */
gboolean      _sihua_store_check_company_live    (SihuaStore  *self,
                                                  gint64       company_id,
                                                  GError     **error);
gboolean      _sihua_store_check_assessment_live (SihuaStore  *self,
                                                  gint64       assessment_id,
                                                  GError     **error);

/* Evidence */
gint64        _sihua_store_add_evidence_locked (SihuaStore  *self,
                                                gint64       assessment_id,
                                                const char  *question_id,
                                                const char  *uuid,
                                                const char  *sha256,
                                                const char  *file_name,
                                                const char  *media_type,
                                                const char  *author,
                                                gint64       added_at,
                                                GBytes      *data,
                                                GError     **error);

/* Runs @func on the store's worker thread, in the order of the calls. */
void          _sihua_store_run_in_worker  (SihuaStore      *self,
                                           GTask           *task,
                                           GTaskThreadFunc  func);

/* What an async call hands its worker: one struct for every call, each
 * filling only the fields its worker reads. */
typedef struct
{
  gint64            id;           /* the company or assessment */
  gint64            from_id;      /* the assessment a new one starts from */
  gboolean          read_only;
  guint             limit;
  char             *question_id;
  char             *text;         /* a path, a search, a UUID or a consultant */
  SihuaAnswerValue *value;
  char             *note;
  char             *evidence;
  SihuaCompany     *company;
  SihuaModel       *model;
} SihuaStoreRequest;

SihuaStoreRequest *_sihua_store_request_new  (void);
void               _sihua_store_request_free (SihuaStoreRequest   *request);
GTask             *_sihua_store_request_task (gpointer             source_object,
                                              gpointer             source_tag,
                                              SihuaStoreRequest   *request,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
