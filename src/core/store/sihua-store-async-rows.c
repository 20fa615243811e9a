/* sihua-store-async-rows.c
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
 * Companies and assessments off the main thread. Each worker calls the
 * public sync function, which takes the store's mutex itself; running on
 * the store's single worker thread keeps them in order with the answers
 * saved before them (a company edited, then listed, shows the edit).
 */

static gint64
propagate_id (GTask   *task,
              GError **error)
{
  GError *local = NULL;
  gssize id = g_task_propagate_int (task, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return 0;
    }

  return id;
}

/*
 * Companies
 */

static void
add_company_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  gint64 id;

  id = sihua_store_add_company (source_object, request->company, &error);
  if (id > 0)
    g_task_return_int (task, id);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_add_company_async:
 * @self: a store
 * @company: the company to add (copied)
 * @cancellable: (nullable): ignored once queued: a company the user saved is
 *   always stored
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_add_company() on the store's worker thread.
 */
void
sihua_store_add_company_async (SihuaStore          *self,
                               const SihuaCompany  *company,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (company != NULL);

  request = _sihua_store_request_new ();
  request->company = sihua_company_copy (company);
  task = _sihua_store_request_task (self, sihua_store_add_company_async, request,
                                    NULL, callback, user_data);
  _sihua_store_run_in_worker (self, task, add_company_worker);
}

/**
 * sihua_store_add_company_finish:
 *
 * Returns: the new company's id, or 0 with @error set
 */
gint64
sihua_store_add_company_finish (SihuaStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return propagate_id (G_TASK (result), error);
}

static void
update_company_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;

  if (sihua_store_update_company (source_object, request->company, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_update_company_async:
 * @self: a store
 * @company: the company, with its id set (copied)
 * @cancellable: (nullable): ignored once queued
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_update_company() on the store's worker thread.
 */
void
sihua_store_update_company_async (SihuaStore          *self,
                                  const SihuaCompany  *company,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (company != NULL);

  request = _sihua_store_request_new ();
  request->company = sihua_company_copy (company);
  task = _sihua_store_request_task (self, sihua_store_update_company_async, request,
                                    NULL, callback, user_data);
  _sihua_store_run_in_worker (self, task, update_company_worker);
}

gboolean
sihua_store_update_company_finish (SihuaStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
get_company_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  SihuaCompany *company;

  if (g_task_return_error_if_cancelled (task))
    return;

  company = sihua_store_get_company (source_object, request->id, &error);
  if (company != NULL)
    g_task_return_pointer (task, company, (GDestroyNotify) sihua_company_free);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_get_company_async:
 * @self: a store
 * @id: a company id
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_get_company() on the store's worker thread.
 */
void
sihua_store_get_company_async (SihuaStore          *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));

  request = _sihua_store_request_new ();
  request->id = id;
  task = _sihua_store_request_task (self, sihua_store_get_company_async, request,
                                    cancellable, callback, user_data);
  _sihua_store_run_in_worker (self, task, get_company_worker);
}

/**
 * sihua_store_get_company_finish:
 *
 * Returns: (transfer full): the company, or %NULL with @error set
 */
SihuaCompany *
sihua_store_get_company_finish (SihuaStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Assessments
 */

static void
list_assessments_worker (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  GPtrArray *list;

  if (g_task_return_error_if_cancelled (task))
    return;

  list = sihua_store_list_assessments (source_object, request->id, &error);
  if (list != NULL)
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_list_assessments_async:
 * @self: a store
 * @company_id: a company id
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_list_assessments() on the store's worker thread.
 */
void
sihua_store_list_assessments_async (SihuaStore          *self,
                                    gint64               company_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));

  request = _sihua_store_request_new ();
  request->id = company_id;
  task = _sihua_store_request_task (self, sihua_store_list_assessments_async, request,
                                    cancellable, callback, user_data);
  _sihua_store_run_in_worker (self, task, list_assessments_worker);
}

/**
 * sihua_store_list_assessments_finish:
 *
 * Returns: (transfer full) (element-type SihuaAssessment): newest first, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_list_assessments_finish (SihuaStore    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
new_assessment_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  gint64 id;

  id = sihua_store_new_assessment (source_object, request->id, request->model,
                                   request->from_id, request->text, &error);
  if (id > 0)
    g_task_return_int (task, id);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_new_assessment_async:
 * @self: a store
 * @company_id: the company assessed
 * @model: the model (referenced; only read from the worker)
 * @from_assessment_id: copy the answers of this assessment, or 0
 * @consultant: (nullable): who runs it
 * @cancellable: (nullable): ignored once queued
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_new_assessment() on the store's worker thread: copying the
 * answers of a large assessment takes longer than a frame.
 */
void
sihua_store_new_assessment_async (SihuaStore          *self,
                                  gint64               company_id,
                                  SihuaModel          *model,
                                  gint64               from_assessment_id,
                                  const char          *consultant,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (SIHUA_IS_MODEL (model));

  request = _sihua_store_request_new ();
  request->id = company_id;
  request->model = g_object_ref (model);
  request->from_id = from_assessment_id;
  request->text = g_strdup (consultant);
  task = _sihua_store_request_task (self, sihua_store_new_assessment_async, request,
                                    NULL, callback, user_data);
  _sihua_store_run_in_worker (self, task, new_assessment_worker);
}

/**
 * sihua_store_new_assessment_finish:
 *
 * Returns: the new assessment's id, or 0 with @error set
 */
gint64
sihua_store_new_assessment_finish (SihuaStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return propagate_id (G_TASK (result), error);
}

static void
get_by_uuid_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SihuaStoreRequest *request = task_data;
  GError *error = NULL;
  SihuaAssessment *assessment;

  if (g_task_return_error_if_cancelled (task))
    return;

  assessment = sihua_store_get_assessment_by_uuid (source_object, request->text, &error);
  if (assessment != NULL)
    g_task_return_pointer (task, assessment, (GDestroyNotify) sihua_assessment_free);
  else
    g_task_return_error (task, error);
}

/**
 * sihua_store_get_assessment_by_uuid_async:
 * @self: a store
 * @uuid: an assessment's UUID
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's main context
 * @user_data: data for @callback
 *
 * sihua_store_get_assessment_by_uuid() on the store's worker thread.
 */
void
sihua_store_get_assessment_by_uuid_async (SihuaStore          *self,
                                          const char          *uuid,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SihuaStoreRequest *request;

  g_return_if_fail (SIHUA_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  request = _sihua_store_request_new ();
  request->text = g_strdup (uuid);
  task = _sihua_store_request_task (self, sihua_store_get_assessment_by_uuid_async, request,
                                    cancellable, callback, user_data);
  _sihua_store_run_in_worker (self, task, get_by_uuid_worker);
}

/**
 * sihua_store_get_assessment_by_uuid_finish:
 *
 * Returns: (transfer full): the assessment, or %NULL with @error set
 */
SihuaAssessment *
sihua_store_get_assessment_by_uuid_finish (SihuaStore    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
