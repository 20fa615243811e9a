/* sihua-store-async.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

/*
 * The GUI's hot paths, off the main thread. They run on the store's single
 * worker thread in the order they were called, sharing the one connection
 * under the store's mutex (a serialized writer): a later answer to the same
 * question is always committed after an earlier one.
 */

SihuaStoreRequest *
_sihua_store_request_new (void)
{
  return g_new0 (SihuaStoreRequest, 1);
}

void
_sihua_store_request_free (SihuaStoreRequest *request)
{
  g_free (request->question_id);
  g_free (request->text);
  g_clear_pointer (&request->value, sihua_answer_value_free);
  g_free (request->note);
  g_free (request->evidence);
  g_clear_pointer (&request->company, sihua_company_free);
  g_clear_object (&request->model);
  g_free (request);
}

/* A task that owns @request and frees it with the task. */
GTask *
_sihua_store_request_task (gpointer             source_object,
                           gpointer             source_tag,
                           SihuaStoreRequest   *request,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) _sihua_store_request_free);

  return task;
}

static void
set_answer_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SihuaStore *self = source_object;
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  gboolean ok;

  /* Not cancellable: an answer the user gave is always stored. */
  g_mutex_lock (&self->mutex);
  ok = _sihua_store_set_answer_locked (self, request->id, request->question_id,
                                       request->value, request->note, request->evidence, &error);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_set_answer_async:
 * @self: a store
 * @assessment_id: the assessment
 * @question_id: the question answered
 * @value: (nullable): the answer (copied); %NULL clears it
 * @note: (nullable): the note
 * @evidence: (nullable): the evidence
 * @cancellable: (nullable): ignored once queued: a given answer is always stored
 * @callback: called on the caller's main context once the answer is committed
 * @user_data: data for @callback
 *
 * sihua_store_set_answer() on the store's worker thread. Calls are committed
 * in the order they are made. Show "saved" only in @callback after
 * sihua_store_set_answer_finish() returned %TRUE.
 */
void
sihua_store_set_answer_async (SihuaStore              *self,
                              gint64                   assessment_id,
                              const char              *question_id,
                              const SihuaAnswerValue  *value,
                              const char              *note,
                              const char              *evidence,
                              GCancellable            *cancellable,
                              GAsyncReadyCallback      callback,
                              gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (question_id != NULL);

  request = _sihua_store_request_new ();
  request->id = assessment_id;
  request->question_id = g_strdup (question_id);
  request->value = value != NULL ? sihua_answer_value_copy (value) : NULL;
  request->note = g_strdup (note);
  request->evidence = g_strdup (evidence);

  task = _sihua_store_request_task (self, sihua_store_set_answer_async, request,
                                    NULL, callback, user_data);
  _sihua_store_run_in_worker (self, task, set_answer_worker);
}

/**
 * sihua_store_set_answer_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether the answer is committed
 */
gboolean
sihua_store_set_answer_finish (SihuaStore    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_answers_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SihuaStore *self = source_object;
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  GHashTable *answers;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->mutex);
  answers = _sihua_store_load_answers_locked (self, request->id, &error);
  g_mutex_unlock (&self->mutex);

  if (answers != NULL)
    g_task_return_pointer (task, answers, (GDestroyNotify) g_hash_table_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_load_answers_async:
 * @self: a store
 * @assessment_id: the assessment
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_load_answers() on the store's worker thread, after every
 * answer given before this call is committed.
 */
void
sihua_store_load_answers_async (SihuaStore          *self,
                                gint64               assessment_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));

  request = _sihua_store_request_new ();
  request->id = assessment_id;

  task = _sihua_store_request_task (self, sihua_store_load_answers_async, request,
                                    cancellable, callback, user_data);
  _sihua_store_run_in_worker (self, task, load_answers_worker);
}

/**
 * sihua_store_load_answers_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the answers (see sihua_store_load_answers()), or
 *   %NULL with @error set
 */
GHashTable *
sihua_store_load_answers_finish (SihuaStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
search_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SihuaStore *self = source_object;
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  GPtrArray *companies;

  /* Typing fast cancels the searches for the letters before. */
  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->mutex);
  companies = _sihua_store_search_locked (self, request->text, request->limit, &error);
  g_mutex_unlock (&self->mutex);

  if (companies != NULL)
    g_task_return_pointer (task, companies, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_search_companies_async:
 * @self: a store
 * @query: (nullable): see sihua_store_search_companies()
 * @limit: at most this many rows, 0 for no limit
 * @cancellable: (nullable): cancel when the user typed on
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_search_companies() on the store's worker thread.
 */
void
sihua_store_search_companies_async (SihuaStore          *self,
                                    const char          *query,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));

  request = _sihua_store_request_new ();
  request->text = g_strdup (query);
  request->limit = limit;

  task = _sihua_store_request_task (self, sihua_store_search_companies_async, request,
                                    cancellable, callback, user_data);
  _sihua_store_run_in_worker (self, task, search_worker);
}

/**
 * sihua_store_search_companies_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #SIHUA_STORE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (element-type SihuaCompany): the companies, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_search_companies_finish (SihuaStore    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  SihuaStore *store;

  if (request->read_only)
    store = sihua_store_open_read_only (request->text, &error);
  else
    store = sihua_store_open (request->text, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_open_async:
 * @path: the database file
 * @read_only: open with sihua_store_open_read_only() instead
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * Opens the store in a thread: the integrity check, a schema upgrade and the
 * day's backup can take longer than a frame.
 */
void
sihua_store_open_async (const char          *path,
                        gboolean             read_only,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (path != NULL);

  request = _sihua_store_request_new ();
  request->text = g_strdup (path);
  request->read_only = read_only;

  task = _sihua_store_request_task (NULL, sihua_store_open_async, request,
                                    cancellable, callback, user_data);
  g_task_run_in_thread (task, open_worker);
}

/**
 * sihua_store_open_finish:
 * @result: the result passed to the callback
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full): the store, or %NULL with @error set as by
 *   sihua_store_open()
 */
SihuaStore *
sihua_store_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
