/* sihua-store.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sihua-answer.h"
#include "sihua-assessment.h"
#include "sihua-company.h"
#include "sihua-evidence.h"
#include "sihua-interviewee.h"
#include "sihua-model.h"
#include "sihua-revision.h"
#include "sihua-roadmap-edit.h"
#include "sihua-trash-entry.h"

G_BEGIN_DECLS

#define SIHUA_STORE_ERROR (sihua_store_error_quark ())

/**
 * SihuaStoreError:
 * @SIHUA_STORE_ERROR_OPEN: the file or its folder cannot be opened or created
 * @SIHUA_STORE_ERROR_NOT_SIHUA: the file is not a Sihua database (another
 *   SQLite database, or not SQLite at all); it was not touched
 * @SIHUA_STORE_ERROR_TOO_NEW: written by a newer Sihua; it was not touched
 * @SIHUA_STORE_ERROR_CORRUPT: the integrity check failed; offer to restore a
 *   backup (sihua_store_list_backups_for(), sihua_store_restore())
 * @SIHUA_STORE_ERROR_READ_ONLY: the file or its folder cannot be written;
 *   offer sihua_store_open_read_only()
 * @SIHUA_STORE_ERROR_FAILED: any other database failure
 * @SIHUA_STORE_ERROR_NOT_FOUND: no row with that id
 * @SIHUA_STORE_ERROR_INVALID: the caller's data was refused (bad USCC,
 *   unknown question, invalid value…); nothing was changed
 * @SIHUA_STORE_ERROR_NOTHING_TO_UNDO: the assessment has no change to undo
 * @SIHUA_STORE_ERROR_DISK_FULL: the disk (or the file size limit) is full;
 *   the change was rolled back and everything saved before is kept
 * @SIHUA_STORE_ERROR_FILE_GONE: the database file was deleted, moved or
 *   replaced while the store had it open; nothing more is written to it, so
 *   offer to open it again (or to restore a backup)
 * @SIHUA_STORE_ERROR_LOG_GONE: the database's log (its -wal file) was
 *   removed by another program while the store had it open; the change was
 *   rolled back and nothing more is written, so offer to open the database
 *   again
 * @SIHUA_STORE_ERROR_BUSY: another process kept the database busy for too
 *   long, or has it open while a restore or repair needs it alone; nothing
 *   was changed
 * @SIHUA_STORE_ERROR_MISSING: there is no database at that path (or no
 *   folder for a new one); nothing was created
 * @SIHUA_STORE_ERROR_FINALIZED: the assessment is finalised; nothing was
 *   changed, and the message says how to reopen it
 *
 * Every message is one line, fit to show to the user as it is.
 */
typedef enum
{
  SIHUA_STORE_ERROR_OPEN,
  SIHUA_STORE_ERROR_NOT_SIHUA,
  SIHUA_STORE_ERROR_TOO_NEW,
  SIHUA_STORE_ERROR_CORRUPT,
  SIHUA_STORE_ERROR_READ_ONLY,
  SIHUA_STORE_ERROR_FAILED,
  SIHUA_STORE_ERROR_NOT_FOUND,
  SIHUA_STORE_ERROR_INVALID,
  SIHUA_STORE_ERROR_NOTHING_TO_UNDO,
  SIHUA_STORE_ERROR_DISK_FULL,
  SIHUA_STORE_ERROR_FILE_GONE,
  SIHUA_STORE_ERROR_LOG_GONE,
  SIHUA_STORE_ERROR_BUSY,
  SIHUA_STORE_ERROR_MISSING,
  SIHUA_STORE_ERROR_FINALIZED,
} SihuaStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define SIHUA_STORE_SCHEMA_VERSION 8

/* How many automatic backups are kept beside the database. */
#define SIHUA_STORE_N_BACKUPS 7

/**
 * SihuaAnswerChange:
 * @id: the history row's id
 * @question_id: the question changed
 * @old_value: (nullable): the value before, %NULL if it was unanswered
 * @old_note: (nullable): the note before
 * @old_evidence: (nullable): the evidence before
 * @new_value: (nullable): the value after, %NULL if the answer was cleared
 * @new_note: (nullable): the note after
 * @new_evidence: (nullable): the evidence after
 * @author: (nullable): who made the change
 * @changed_at: microseconds since 1970 (UTC)
 *
 * One entry of an answer's history.
 */
typedef struct
{
  gint64            id;
  char             *question_id;
  SihuaAnswerValue *old_value;
  char             *old_note;
  char             *old_evidence;
  SihuaAnswerValue *new_value;
  char             *new_note;
  char             *new_evidence;
  char             *author;
  gint64            changed_at;
} SihuaAnswerChange;

/**
 * SihuaBackupInfo:
 * @path: the backup file
 * @created_at: microseconds since 1970 (UTC), from the file's name
 * @size: bytes
 * @automatic: whether it was made on open (and will be rotated away)
 */
typedef struct
{
  char     *path;
  gint64    created_at;
  goffset   size;
  gboolean  automatic;
} SihuaBackupInfo;

/**
 * SihuaStore:
 *
 * The SQLite database of companies, assessments and answers.
 *
 * - Every change is committed in its own transaction before the call
 *   returns (WAL, synchronous=FULL): an answer acknowledged by
 *   sihua_store_set_answer() or sihua_store_set_answer_finish() survives a
 *   crash, kill -9 or power cut.
 * - Threads: one connection, serialized. Every call takes the store's mutex;
 *   the `_async` calls (open, set answer, load answers, search companies)
 *   run on the store's single worker thread in the order they were made, so
 *   the GUI never waits on the disk and a later answer always wins. Sync
 *   calls from the main thread are fine for rare, small work (company forms,
 *   assessment settings); use the async ones on hot paths.
 * - Opening never changes a file it cannot use: see #SihuaStoreError for the
 *   cases and what to offer (sihua_store_open_read_only(),
 *   sihua_store_list_backups_for() + sihua_store_restore(), another file).
 * - Backups: one automatic backup a day on open (the newest
 *   %SIHUA_STORE_N_BACKUPS kept) in `backups/` beside the database, one
 *   before every schema upgrade, and sihua_store_backup() on demand.
 * - Answers: values are checked by the caller against the assessment's model
 *   (sihua_answer_value_parse() etc.); the store keeps them with note,
 *   evidence, author and time, and keeps every change in a history that
 *   sihua_store_undo() walks back. Each assessment keeps the exact bytes of
 *   its model version: load it with sihua_store_load_assessment_model().
 * - Every row has a local id and a UUID (for merging data from several
 *   laptops).
 */
#define SIHUA_TYPE_STORE (sihua_store_get_type ())
G_DECLARE_FINAL_TYPE (SihuaStore, sihua_store, SIHUA, STORE, GObject)

GQuark             sihua_store_error_quark               (void);

/* Opening */
SihuaStore        *sihua_store_open                      (const char          *path,
                                                          GError             **error);
SihuaStore        *sihua_store_open_existing             (const char          *path,
                                                          GError             **error);
gboolean           sihua_store_check_output              (const char          *db_path,
                                                          const char          *output,
                                                          GError             **error);
SihuaStore        *sihua_store_open_read_only            (const char          *path,
                                                          GError             **error);
void               sihua_store_open_async                (const char          *path,
                                                          gboolean             read_only,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SihuaStore        *sihua_store_open_finish               (GAsyncResult        *result,
                                                          GError             **error);
const char        *sihua_store_get_path                  (SihuaStore          *self);
gboolean           sihua_store_is_read_only              (SihuaStore          *self);
void               sihua_store_set_author                (SihuaStore          *self,
                                                          const char          *author);
const char        *sihua_store_get_author                (SihuaStore          *self);

/* Companies */
gint64             sihua_store_add_company               (SihuaStore          *self,
                                                          SihuaCompany        *company,
                                                          GError             **error);
gboolean           sihua_store_update_company            (SihuaStore          *self,
                                                          SihuaCompany        *company,
                                                          GError             **error);
SihuaCompany      *sihua_store_get_company               (SihuaStore          *self,
                                                          gint64               id,
                                                          GError             **error);
GPtrArray         *sihua_store_list_companies            (SihuaStore          *self,
                                                          GError             **error);
GPtrArray         *sihua_store_search_companies          (SihuaStore          *self,
                                                          const char          *query,
                                                          guint                limit,
                                                          GError             **error);
void               sihua_store_search_companies_async    (SihuaStore          *self,
                                                          const char          *query,
                                                          guint                limit,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *sihua_store_search_companies_finish   (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Assessments */
gint64             sihua_store_new_assessment            (SihuaStore          *self,
                                                          gint64               company_id,
                                                          SihuaModel          *model,
                                                          gint64               from_assessment_id,
                                                          const char          *consultant,
                                                          GError             **error);
SihuaAssessment   *sihua_store_get_assessment            (SihuaStore          *self,
                                                          gint64               id,
                                                          GError             **error);
SihuaAssessment   *sihua_store_get_assessment_by_uuid    (SihuaStore          *self,
                                                          const char          *uuid,
                                                          GError             **error);
GPtrArray         *sihua_store_list_assessments          (SihuaStore          *self,
                                                          gint64               company_id,
                                                          GError             **error);
gboolean           sihua_store_update_assessment         (SihuaStore          *self,
                                                          const SihuaAssessment *assessment,
                                                          GError             **error);
gboolean           sihua_store_set_assessment_status     (SihuaStore          *self,
                                                          gint64               id,
                                                          SihuaAssessmentStatus status,
                                                          GError             **error);
gboolean           sihua_store_set_assessment_result     (SihuaStore          *self,
                                                          gint64               id,
                                                          double               index,
                                                          int                  stage,
                                                          GError             **error);
SihuaModel        *sihua_store_load_assessment_model     (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
GBytes            *sihua_store_get_model_bytes           (SihuaStore          *self,
                                                          const char          *model_id,
                                                          const char          *version,
                                                          GError             **error);

/* Interviewees and what each of them answered */
gint64             sihua_store_add_interviewee           (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *name,
                                                          const char          *role,
                                                          const char          *department,
                                                          GError             **error);
gboolean           sihua_store_update_interviewee        (SihuaStore          *self,
                                                          const SihuaInterviewee *interviewee,
                                                          GError             **error);
gboolean           sihua_store_remove_interviewee        (SihuaStore          *self,
                                                          gint64               interviewee_id,
                                                          GError             **error);
GPtrArray         *sihua_store_list_interviewees         (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
gboolean           sihua_store_set_interviewee_answer    (SihuaStore          *self,
                                                          gint64               interviewee_id,
                                                          const char          *question_id,
                                                          const SihuaAnswerValue *value,
                                                          GError             **error);
GPtrArray         *sihua_store_list_interviewee_answers  (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);

/* The consultant's roadmap */
gboolean           sihua_store_set_roadmap_edit          (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const SihuaRoadmapEdit *edit,
                                                          GError             **error);
char              *sihua_store_add_own_measure           (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *title,
                                                          const char          *dimension_id,
                                                          GError             **error);
GPtrArray         *sihua_store_list_roadmap_edits        (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
guint              sihua_store_count_roadmap_history     (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);

/* Finalising and revisions */
char              *sihua_store_get_record_sha256         (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
gboolean           sihua_store_finalize_assessment       (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *record_sha256,
                                                          GBytes              *report,
                                                          GError             **error);
gboolean           sihua_store_reopen_assessment         (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *reason,
                                                          GError             **error);
GPtrArray         *sihua_store_list_revisions            (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
GBytes            *sihua_store_get_revision_report       (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          int                  revision,
                                                          GError             **error);

/* Answers */
gboolean           sihua_store_set_answer                (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          const SihuaAnswerValue *value,
                                                          const char          *note,
                                                          const char          *evidence,
                                                          GError             **error);
void               sihua_store_set_answer_async          (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          const SihuaAnswerValue *value,
                                                          const char          *note,
                                                          const char          *evidence,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           sihua_store_set_answer_finish         (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
GHashTable        *sihua_store_load_answers              (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
void               sihua_store_load_answers_async        (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GHashTable        *sihua_store_load_answers_finish       (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
GPtrArray         *sihua_store_get_history               (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          GError             **error);
SihuaAnswerChange *sihua_store_undo                      (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
gboolean           sihua_store_import_answers            (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GPtrArray           *answers,
                                                          GError             **error);
gboolean           sihua_store_import_json               (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          JsonNode            *root,
                                                          GError             **error);
GPtrArray         *sihua_store_read_import_json          (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          JsonNode            *root,
                                                          GError             **error);

/* The same on the store's worker thread (sihua-store-async-rows.c), for the
 * window: each copies its arguments, and its callback runs in the caller's
 * main context. */
void               sihua_store_add_company_async         (SihuaStore          *self,
                                                          const SihuaCompany  *company,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gint64             sihua_store_add_company_finish        (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               sihua_store_update_company_async      (SihuaStore          *self,
                                                          const SihuaCompany  *company,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           sihua_store_update_company_finish     (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               sihua_store_get_company_async         (SihuaStore          *self,
                                                          gint64               id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SihuaCompany      *sihua_store_get_company_finish        (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               sihua_store_list_assessments_async    (SihuaStore          *self,
                                                          gint64               company_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *sihua_store_list_assessments_finish   (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               sihua_store_new_assessment_async      (SihuaStore          *self,
                                                          gint64               company_id,
                                                          SihuaModel          *model,
                                                          gint64               from_assessment_id,
                                                          const char          *consultant,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gint64             sihua_store_new_assessment_finish     (SihuaStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               sihua_store_get_assessment_by_uuid_async (SihuaStore       *self,
                                                          const char          *uuid,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SihuaAssessment   *sihua_store_get_assessment_by_uuid_finish (SihuaStore      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Evidence files */
gboolean           sihua_evidence_check_size             (const char          *file_name,
                                                          goffset              size,
                                                          GError             **error);
SihuaEvidence     *sihua_store_add_evidence              (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          const char          *file_name,
                                                          const char          *media_type,
                                                          GBytes              *data,
                                                          GError             **error);
SihuaEvidence     *sihua_store_add_evidence_file         (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
GPtrArray         *sihua_store_list_evidence             (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          const char          *question_id,
                                                          GError             **error);
GBytes            *sihua_store_get_evidence_data         (SihuaStore          *self,
                                                          const char          *sha256,
                                                          GError             **error);
gboolean           sihua_store_delete_evidence           (SihuaStore          *self,
                                                          gint64               evidence_id,
                                                          GError             **error);
SihuaEvidence     *sihua_store_undo_evidence_delete      (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
SihuaEvidence     *sihua_store_restore_evidence          (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          gint64               evidence_id,
                                                          GError             **error);

/* The trash and merging duplicates (sihua-store-trash.c) */
gint64             sihua_store_delete_company            (SihuaStore          *self,
                                                          gint64               company_id,
                                                          GError             **error);
gint64             sihua_store_delete_assessment         (SihuaStore          *self,
                                                          gint64               assessment_id,
                                                          GError             **error);
GPtrArray         *sihua_store_list_trash                (SihuaStore          *self,
                                                          GError             **error);
gboolean           sihua_store_restore_from_trash        (SihuaStore          *self,
                                                          gint64               entry_id,
                                                          GError             **error);
gboolean           sihua_store_empty_trash               (SihuaStore          *self,
                                                          guint               *n_entries,
                                                          guint               *n_blobs,
                                                          GError             **error);
gint64             sihua_store_merge_companies           (SihuaStore          *self,
                                                          gint64               keep_id,
                                                          gint64               other_id,
                                                          GError             **error);

/* Work of other core objects on the worker thread */
void               sihua_store_run_in_worker             (SihuaStore          *self,
                                                          GTask               *task,
                                                          GTaskThreadFunc      func);

/* Integrity and backups */
gboolean           sihua_store_check                     (SihuaStore          *self,
                                                          char               **report,
                                                          GError             **error);
gboolean           sihua_store_repair                    (SihuaStore          *self,
                                                          char               **backup_path,
                                                          GError             **error);
char              *sihua_store_backup                    (SihuaStore          *self,
                                                          GError             **error);
GPtrArray         *sihua_store_list_backups              (SihuaStore          *self);
GPtrArray         *sihua_store_list_backups_for          (const char          *db_path);
char              *sihua_store_get_backup_dir            (const char          *db_path);
gboolean           sihua_store_restore                   (const char          *db_path,
                                                          const char          *backup_path,
                                                          char               **saved_copy,
                                                          GError             **error);

void               sihua_answer_change_free              (SihuaAnswerChange   *change);
void               sihua_backup_info_free                (SihuaBackupInfo     *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaAnswerChange, sihua_answer_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaBackupInfo, sihua_backup_info_free)

G_END_DECLS
