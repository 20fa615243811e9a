/* sihua-store-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

#define EVIDENCE_COLUMNS                                                                  \
  "e.id, e.uuid, e.assessment_id, e.question_id, e.sha256, e.file_name, e.media_type,"   \
  " e.author, e.added_at, e.ordinal, b.size"

static SihuaEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  SihuaEvidence *evidence = sihua_evidence_new ();

  evidence->id = sqlite3_column_int64 (stmt, 0);
  evidence->uuid = _sihua_store_column_text (stmt, 1);
  evidence->assessment_id = sqlite3_column_int64 (stmt, 2);
  evidence->question_id = _sihua_store_column_text (stmt, 3);
  evidence->sha256 = _sihua_store_column_text (stmt, 4);
  evidence->file_name = _sihua_store_column_text (stmt, 5);
  evidence->media_type = _sihua_store_column_text (stmt, 6);
  evidence->author = _sihua_store_column_text (stmt, 7);
  evidence->added_at = sqlite3_column_int64 (stmt, 8);
  evidence->ordinal = sqlite3_column_int (stmt, 9);
  evidence->size = sqlite3_column_int64 (stmt, 10);

  return evidence;
}

static SihuaEvidence *
get_evidence_locked (SihuaStore  *self,
                     gint64       evidence_id,
                     gboolean     deleted,
                     GError     **error)
{
  SihuaEvidence *evidence = NULL;
  sqlite3_stmt *stmt;

  stmt = _sihua_store_prepare (self,
                               "SELECT " EVIDENCE_COLUMNS " FROM evidence e"
                               " JOIN evidence_blobs b ON b.sha256 = e.sha256"
                               " WHERE e.id = ? AND (e.deleted_at IS NOT NULL) = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, deleted ? 1 : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    evidence = evidence_from_row (stmt);
  sqlite3_finalize (stmt);

  if (evidence == NULL)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                 _("There is no evidence file with id %lld"), (long long) evidence_id);

  return evidence;
}

static gboolean
add_history (SihuaStore  *self,
             gint64       evidence_id,
             gint64       assessment_id,
             const char  *action,
             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO evidence_history (evidence_id, assessment_id, action,"
                               " author, changed_at) VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _sihua_store_bind_text (stmt, 3, action);
  _sihua_store_bind_text (stmt, 4, self->author);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return _sihua_store_step_done (self, stmt, error);
}

/* Stores the bytes under their hash unless they are there already; a
 * stored blob is never rewritten, so the same photo added twice costs its
 * size once. */
static gboolean
store_blob (SihuaStore  *self,
            const char  *sha256,
            GBytes      *data,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO evidence_blobs (sha256, size, data, stored_at)"
                               " VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, size);
  sqlite3_bind_blob64 (stmt, 3, size > 0 ? bytes : "", size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());

  return _sihua_store_step_done (self, stmt, error);
}

/**
 * _sihua_store_add_evidence_locked:
 * @uuid: (nullable): the link's uuid, when it comes from elsewhere (a
 *   bundle); %NULL makes a new one
 * @added_at: when it was added, 0 for now
 *
 * Adds the link and, if new, the blob, inside the caller's transaction.
 * @data must already be checked against @sha256 and the size limit.
 *
 * Returns: the new link's id, 0 on error
 */
gint64
_sihua_store_add_evidence_locked (SihuaStore  *self,
                                  gint64       assessment_id,
                                  const char  *question_id,
                                  const char  *uuid,
                                  const char  *sha256,
                                  const char  *file_name,
                                  const char  *media_type,
                                  const char  *author,
                                  gint64       added_at,
                                  GBytes      *data,
                                  GError     **error)
{
  g_autofree char *new_uuid = uuid == NULL ? g_uuid_string_random () : NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!store_blob (self, sha256, data, error))
    return 0;

  stmt = _sihua_store_prepare (self,
                               "INSERT INTO evidence (uuid, assessment_id, question_id, sha256,"
                               " file_name, media_type, author, added_at, ordinal)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                               "  (SELECT coalesce (max (ordinal), 0) + 1 FROM evidence"
                               "   WHERE assessment_id = ?2 AND question_id = ?3))",
                               error);
  if (stmt == NULL)
    return 0;
  _sihua_store_bind_text (stmt, 1, uuid != NULL ? uuid : new_uuid);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _sihua_store_bind_text (stmt, 3, question_id);
  _sihua_store_bind_text (stmt, 4, sha256);
  _sihua_store_bind_text (stmt, 5, file_name);
  _sihua_store_bind_text (stmt, 6, media_type);
  _sihua_store_bind_text (stmt, 7, author);
  sqlite3_bind_int64 (stmt, 8, added_at != 0 ? added_at : g_get_real_time ());
  if (!_sihua_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  if (!add_history (self, id, assessment_id, "add", error))
    return 0;

  return id;
}

/**
 * sihua_evidence_check_size:
 * @file_name: the file's name, for the message
 * @size: its size in bytes
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether a file of @size bytes may be added as evidence
 */
gboolean
sihua_evidence_check_size (const char  *file_name,
                           goffset      size,
                           GError     **error)
{
  if (size <= SIHUA_EVIDENCE_MAX_SIZE)
    return TRUE;

  {
    g_autofree char *shown_size = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
    g_autofree char *limit = g_format_size_full (SIHUA_EVIDENCE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                 _("“%s” is %s, more than the %s an evidence file may have; nothing was added"),
                 file_name, shown_size, limit);
  }

  return FALSE;
}

/**
 * sihua_store_add_evidence:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: the question whose answer the file backs, already checked
 *   against the assessment's model
 * @file_name: the name to show (a base name)
 * @media_type: (nullable): the MIME type; %NULL guesses it from the name
 *   and the contents
 * @data: the file's bytes, at most %SIHUA_EVIDENCE_MAX_SIZE
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Adds an evidence file to an answer in one transaction, committed before
 * it returns. The bytes are kept as they are, under their SHA-256.
 *
 * Returns: (transfer full): the stored evidence, or %NULL with @error set
 */
SihuaEvidence *
sihua_store_add_evidence (SihuaStore  *self,
                          gint64       assessment_id,
                          const char  *question_id,
                          const char  *file_name,
                          const char  *media_type,
                          GBytes      *data,
                          GError     **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *guessed = NULL;
  SihuaEvidence *evidence = NULL;
  gsize size;
  gconstpointer bytes;
  gint64 id;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (!sihua_evidence_check_size (file_name, size, error))
    return NULL;
  if (*file_name == '\0' || !g_utf8_validate (file_name, -1, NULL))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("An evidence file needs a name in UTF-8; nothing was added"));
      return NULL;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (media_type == NULL)
    {
      g_autofree char *content_type = g_content_type_guess (file_name, bytes, size, NULL);

      guessed = g_content_type_get_mime_type (content_type);
      media_type = guessed != NULL ? guessed : "application/octet-stream";
    }

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto out;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error) ||
      (id = _sihua_store_add_evidence_locked (self, assessment_id, question_id, NULL, sha256,
                                              file_name, media_type, self->author, 0, data,
                                              error)) == 0 ||
      (evidence = get_evidence_locked (self, id, FALSE, error)) == NULL)
    {
      _sihua_store_rollback (self);
      goto out;
    }
  if (!_sihua_store_commit (self, error))
    g_clear_pointer (&evidence, sihua_evidence_free);
out:
  g_mutex_unlock (&self->mutex);

  return evidence;
}

/**
 * sihua_store_add_evidence_file:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: the question, already checked against the model
 * @file: the file to add
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #SIHUA_STORE_ERROR or #G_IO_ERROR
 *
 * Reads @file (refusing one larger than %SIHUA_EVIDENCE_MAX_SIZE before
 * reading it) and adds it under its base name, like
 * sihua_store_add_evidence().
 *
 * Returns: (transfer full): the stored evidence, or %NULL with @error set
 */
SihuaEvidence *
sihua_store_add_evidence_file (SihuaStore    *self,
                               gint64         assessment_id,
                               const char    *question_id,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a file; nothing was added"), name);
      return NULL;
    }
  if (!sihua_evidence_check_size (name, g_file_info_get_size (info), error))
    return NULL;
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  data = g_bytes_new_take (g_steal_pointer (&contents), length);

  return sihua_store_add_evidence (self, assessment_id, question_id, name, NULL, data, error);
}

/**
 * sihua_store_list_evidence:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: (nullable): one question, or %NULL for all
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Lists the evidence that is not deleted, by question and then in the
 * order it was added.
 *
 * Returns: (transfer full) (element-type SihuaEvidence): the evidence, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_list_evidence (SihuaStore  *self,
                           gint64       assessment_id,
                           const char  *question_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_evidence_free);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_assessment_exists (self, assessment_id, error))
    goto out;
  stmt = _sihua_store_prepare (self,
                               "SELECT " EVIDENCE_COLUMNS " FROM evidence e"
                               " JOIN evidence_blobs b ON b.sha256 = e.sha256"
                               " WHERE e.assessment_id = ?1 AND e.deleted_at IS NULL"
                               " AND (?2 IS NULL OR e.question_id = ?2)"
                               " ORDER BY e.question_id, e.ordinal, e.id",
                               error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _sihua_store_bind_text (stmt, 2, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (_sihua_store_column_question_id (stmt, 3, error) == NULL)
        goto out;
      g_ptr_array_add (list, evidence_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      goto out;
    }
  ok = TRUE;
out:
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return ok ? g_steal_pointer (&list) : NULL;
}

/**
 * sihua_store_get_evidence_data:
 * @self: a store
 * @sha256: a stored file's hash
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Reads a stored file's bytes and checks them against their hash, so a
 * damaged database never hands out a different file under its name.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
sihua_store_get_evidence_data (SihuaStore  *self,
                               const char  *sha256,
                               GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *actual = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self, "SELECT data FROM evidence_blobs WHERE sha256 = ?", error);
  if (stmt != NULL)
    {
      _sihua_store_bind_text (stmt, 1, sha256);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                     _("No evidence file with SHA-256 %s is stored"), sha256);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  if (data == NULL)
    return NULL;

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("The stored evidence file with SHA-256 %s is damaged: its contents no longer match it"),
                   sha256);
      return NULL;
    }

  return g_steal_pointer (&data);
}

/**
 * sihua_store_delete_evidence:
 * @self: a store
 * @evidence_id: the evidence link
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Takes an evidence file off its answer. The file is kept, and
 * sihua_store_undo_evidence_delete() puts it back.
 *
 * Returns: whether the deletion is committed
 */
gboolean
sihua_store_delete_evidence (SihuaStore  *self,
                             gint64       evidence_id,
                             GError     **error)
{
  g_autoptr(SihuaEvidence) evidence = NULL;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto out;
  evidence = get_evidence_locked (self, evidence_id, FALSE, error);
  if (evidence == NULL || !_sihua_store_check_not_finalized (self, evidence->assessment_id, error))
    goto rollback;
  stmt = _sihua_store_prepare (self, "UPDATE evidence SET deleted_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  if (!_sihua_store_step_done (self, stmt, error) ||
      !add_history (self, evidence_id, evidence->assessment_id, "delete", error))
    goto rollback;
  ok = _sihua_store_commit (self, error);
  goto out;

rollback:
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return ok;
}

/* Puts back the deleted link @evidence_id whose deletion is the history
 * row @history_id, inside the caller's transaction. */
static SihuaEvidence *
restore_locked (SihuaStore  *self,
                gint64       history_id,
                gint64       evidence_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _sihua_store_prepare (self, "UPDATE evidence SET deleted_at = NULL WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!_sihua_store_step_done (self, stmt, error))
    return NULL;
  stmt = _sihua_store_prepare (self, "DELETE FROM evidence_history WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, history_id);
  if (!_sihua_store_step_done (self, stmt, error))
    return NULL;

  return get_evidence_locked (self, evidence_id, FALSE, error);
}

/* The latest deletion still in force of a link of @assessment_id, or of
 * the link @evidence_id when it is not 0; FALSE (and no error) when none. */
static gboolean
find_deletion_locked (SihuaStore  *self,
                      gint64       assessment_id,
                      gint64       evidence_id,
                      gint64      *history_id,
                      gint64      *deleted_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = _sihua_store_prepare (self,
                               "SELECT h.id, h.evidence_id FROM evidence_history h"
                               " JOIN evidence e ON e.id = h.evidence_id"
                               " WHERE h.assessment_id = ?1 AND h.action = 'delete'"
                               " AND (?2 = 0 OR h.evidence_id = ?2)"
                               " AND e.deleted_at IS NOT NULL ORDER BY h.id DESC LIMIT 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *history_id = sqlite3_column_int64 (stmt, 0);
      *deleted_id = sqlite3_column_int64 (stmt, 1);
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  return found;
}

static SihuaEvidence *
undo_delete (SihuaStore  *self,
             gint64       assessment_id,
             gint64       evidence_id,
             GError     **error)
{
  SihuaEvidence *evidence = NULL;
  GError *local_error = NULL;
  gint64 history_id = 0;
  gint64 deleted_id = 0;

  g_mutex_lock (&self->mutex);
  if (!_sihua_store_begin (self, error))
    goto out;
  if (!_sihua_store_check_not_finalized (self, assessment_id, error))
    goto rollback;
  if (!find_deletion_locked (self, assessment_id, evidence_id, &history_id, &deleted_id,
                             &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else if (evidence_id != 0)
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO,
                     _("Evidence file %lld of assessment %lld is not deleted, so there is nothing to put back"),
                     (long long) evidence_id, (long long) assessment_id);
      else
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO,
                     _("Assessment %lld has no deleted evidence file to put back"),
                     (long long) assessment_id);
      goto rollback;
    }
  evidence = restore_locked (self, history_id, deleted_id, error);
  if (evidence == NULL)
    goto rollback;
  if (!_sihua_store_commit (self, error))
    g_clear_pointer (&evidence, sihua_evidence_free);
  goto out;

rollback:
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return evidence;
}

/**
 * sihua_store_undo_evidence_delete:
 * @self: a store
 * @assessment_id: the assessment
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Puts back the evidence file deleted last from the assessment, at its old
 * place among its answer's files. Calling again puts back the one deleted
 * before it.
 *
 * Returns: (transfer full): the evidence put back, or %NULL with @error set
 *   (%SIHUA_STORE_ERROR_NOTHING_TO_UNDO when nothing was deleted)
 */
SihuaEvidence *
sihua_store_undo_evidence_delete (SihuaStore  *self,
                                  gint64       assessment_id,
                                  GError     **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  return undo_delete (self, assessment_id, 0, error);
}

/**
 * sihua_store_restore_evidence:
 * @self: a store
 * @assessment_id: the assessment
 * @evidence_id: the deleted evidence link to put back
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Puts back this one deleted evidence file, whatever was deleted after it:
 * the undo of a message that names the file.
 *
 * Returns: (transfer full): the evidence put back, or %NULL with @error set
 *   (%SIHUA_STORE_ERROR_NOTHING_TO_UNDO when it is not deleted)
 */
SihuaEvidence *
sihua_store_restore_evidence (SihuaStore  *self,
                              gint64       assessment_id,
                              gint64       evidence_id,
                              GError     **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (evidence_id > 0, NULL);

  return undo_delete (self, assessment_id, evidence_id, error);
}
