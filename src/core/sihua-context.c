/* sihua-context.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-context"

#include "config.h"

#include "sihua-context.h"

struct _SihuaContext
{
  GObject            parent_instance;

  SihuaStore        *store;
  GSettings         *settings;
  SihuaModelCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (SihuaContext, sihua_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/*
 * Callbacks
 */

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SihuaContext *self = g_task_get_source_object (task);
  g_autoptr(SihuaStore) store = NULL;
  GError *error = NULL;

  store = sihua_store_open_finish (result, &error);
  if (store == NULL)
    {
      /* The store in use stays: a file that would not open replaces nothing. */
      g_task_return_error (task, error);
      return;
    }

  sihua_context_set_store (self, store);
  g_task_return_boolean (task, TRUE);
}

/*
 * GObject overrides
 */

static void
sihua_context_dispose (GObject *object)
{
  SihuaContext *self = (SihuaContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (sihua_context_parent_class)->dispose (object);
}

static void
sihua_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SihuaContext *self = SIHUA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, sihua_context_get_store (self));
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, sihua_context_get_settings (self));
      break;

    case PROP_CATALOG:
      g_value_set_object (value, sihua_context_get_catalog (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SihuaContext *self = SIHUA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sihua_context_set_store (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_context_class_init (SihuaContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sihua_context_dispose;
  object_class->get_property = sihua_context_get_property;
  object_class->set_property = sihua_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SIHUA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, SIHUA_TYPE_MODEL_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sihua_context_init (SihuaContext *self)
{
}

/*
 * Public API
 */

/**
 * sihua_context_new:
 * @settings: (nullable): the application's settings
 * @catalog: (nullable): the questionnaire models Sihua knows
 *
 * Returns: (transfer full): a context with no store yet
 */
SihuaContext *
sihua_context_new (GSettings         *settings,
                   SihuaModelCatalog *catalog)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (catalog == NULL || SIHUA_IS_MODEL_CATALOG (catalog), NULL);

  return g_object_new (SIHUA_TYPE_CONTEXT,
                       "settings", settings,
                       "catalog", catalog,
                       NULL);
}

/**
 * sihua_context_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL while none
 *   is (before the first open, or when the database could not be opened)
 */
SihuaStore *
sihua_context_get_store (SihuaContext *self)
{
  g_return_val_if_fail (SIHUA_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * sihua_context_set_store:
 * @store: (nullable): the store to share from now on
 *
 * Makes @store the one every page works on; "notify::store" follows only
 * when it is another store.
 */
void
sihua_context_set_store (SihuaContext *self,
                         SihuaStore   *store)
{
  g_return_if_fail (SIHUA_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || SIHUA_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sihua_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
sihua_context_get_settings (SihuaContext *self)
{
  g_return_val_if_fail (SIHUA_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * sihua_context_get_catalog:
 *
 * Returns: (transfer none) (nullable): the questionnaire models Sihua knows
 */
SihuaModelCatalog *
sihua_context_get_catalog (SihuaContext *self)
{
  g_return_val_if_fail (SIHUA_IS_CONTEXT (self), NULL);

  return self->catalog;
}

/**
 * sihua_context_get_levels_model:
 *
 * Returns: (transfer none) (nullable): the default model, whose level names
 *   label stages where no particular model is at hand (the companies list)
 */
SihuaModel *
sihua_context_get_levels_model (SihuaContext *self)
{
  g_return_val_if_fail (SIHUA_IS_CONTEXT (self), NULL);

  return self->catalog != NULL ? sihua_model_catalog_get_default (self->catalog) : NULL;
}

/**
 * sihua_context_open_store_async:
 * @path: the database file
 * @read_only: open it without writing anything
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open, or could not be
 * @user_data: data for @callback
 *
 * Opens @path on a thread (the integrity check, an upgrade and the day's
 * backup can take seconds for a large file) and makes it the context's
 * store. The store in use is kept unless this succeeds.
 */
void
sihua_context_open_store_async (SihuaContext        *self,
                                const char          *path,
                                gboolean             read_only,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SIHUA_IS_CONTEXT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sihua_context_open_store_async);
  sihua_store_open_async (path, read_only, cancellable, store_opened_cb, task);
}

/**
 * sihua_context_open_store_finish:
 *
 * Returns: %TRUE if the store is open and now the context's, or %FALSE
 *   with @error set as by sihua_store_open()
 */
gboolean
sihua_context_open_store_finish (SihuaContext  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (SIHUA_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
