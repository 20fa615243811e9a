/* sihua-model-catalog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-model-catalog.h"
#include "sihua-model-private.h"
#include "sihua-paths.h"

#define BUILTIN_MODELS_PATH "/io/github/sihua/Sihua/models/"

struct _SihuaModelCatalog
{
  GObject     parent_instance;

  GPtrArray  *models;     /* SihuaModel*, the default one first */
  GHashTable *builtin;    /* SihuaModel* set */
  GPtrArray  *problems;   /* SihuaModelProblem* */
};

G_DEFINE_FINAL_TYPE (SihuaModelCatalog, sihua_model_catalog, G_TYPE_OBJECT)

static void
add_problem (SihuaModelCatalog *self,
             const char        *file,
             const char        *path,
             const char        *message)
{
  g_ptr_array_add (self->problems, _sihua_model_problem_new (file, path, message));
}

static SihuaModel *
find (SihuaModelCatalog *self,
      const char        *id,
      const char        *version)
{
  for (guint i = 0; i < self->models->len; i++)
    {
      SihuaModel *model = g_ptr_array_index (self->models, i);

      if (g_str_equal (sihua_model_get_id (model), id)
          && g_str_equal (sihua_model_get_version (model), version))
        return model;
    }
  return NULL;
}

/* Adds a model from @bytes, or reports why it is left out. */
static void
add_model (SihuaModelCatalog *self,
           GBytes            *bytes,
           const char        *source,
           gboolean           builtin)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_model_problem_free);
  g_autoptr(SihuaModel) model = _sihua_model_load (bytes, source, problems);
  SihuaModel *other;

  if (model == NULL)
    {
      if (builtin)
        g_critical ("Built-in model %s is not valid", source);
      g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&problems));
      return;
    }

  other = find (self, sihua_model_get_id (model), sihua_model_get_version (model));
  if (other != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("model “%s” version “%s” is already available from %s; "
                           "this file is left out"),
                         sihua_model_get_id (model), sihua_model_get_version (model),
                         sihua_model_get_source (other));

      add_problem (self, source, "$.version", message);
      return;
    }

  if (builtin)
    g_hash_table_add (self->builtin, model);
  g_ptr_array_add (self->models, g_steal_pointer (&model));
}

/* Compares versions such as "1.10.0" and "1.9": numbers as numbers,
 * everything else as text. */
static int
compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *end_a, *end_b;
          guint64 na = g_ascii_strtoull (a, &end_a, 10);
          guint64 nb = g_ascii_strtoull (b, &end_b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
          a = end_a;
          b = end_b;
        }
      else
        {
          if (*a != *b)
            return (guchar) *a < (guchar) *b ? -1 : 1;
          a++;
          b++;
        }
    }

  return (*a != '\0') - (*b != '\0');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
load_builtin (SihuaModelCatalog *self)
{
  g_auto(GStrv) names = g_resources_enumerate_children (BUILTIN_MODELS_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (names == NULL)
    return;

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BUILTIN_MODELS_PATH, names[i], NULL);
      g_autofree char *source = g_strconcat ("builtin:", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        add_model (self, bytes, source, TRUE);
    }
}

static void
load_installed (SihuaModelCatalog *self,
                const char        *user_dir)
{
  g_autoptr(GDir) dir = g_dir_open (user_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* No folder simply means nothing is installed. */
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (user_dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_autofree char *message = g_strdup_printf (_("cannot be read: %s"), error->message);

          add_problem (self, path, "$", message);
          continue;
        }
      bytes = g_bytes_new_take (contents, length);
      add_model (self, bytes, path, FALSE);
    }
}

static int
compare_models (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SihuaModelCatalog *self = user_data;
  SihuaModel *ma = *(SihuaModel * const *) a;
  SihuaModel *mb = *(SihuaModel * const *) b;
  int da = !g_str_equal (sihua_model_get_id (ma), SIHUA_DEFAULT_MODEL_ID);
  int db = !g_str_equal (sihua_model_get_id (mb), SIHUA_DEFAULT_MODEL_ID);
  int ba = !g_hash_table_contains (self->builtin, ma);
  int bb = !g_hash_table_contains (self->builtin, mb);
  int order;

  if (da != db)
    return da - db;
  if (ba != bb)
    return ba - bb;
  order = g_strcmp0 (sihua_model_get_id (ma), sihua_model_get_id (mb));
  if (order != 0)
    return order;
  return compare_versions (sihua_model_get_version (ma), sihua_model_get_version (mb));
}

static void
sihua_model_catalog_finalize (GObject *object)
{
  SihuaModelCatalog *self = SIHUA_MODEL_CATALOG (object);

  g_clear_pointer (&self->builtin, g_hash_table_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (sihua_model_catalog_parent_class)->finalize (object);
}

static void
sihua_model_catalog_class_init (SihuaModelCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_model_catalog_finalize;
}

static void
sihua_model_catalog_init (SihuaModelCatalog *self)
{
  self->models = g_ptr_array_new_with_free_func (g_object_unref);
  self->builtin = g_hash_table_new (NULL, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_model_problem_free);
}

/**
 * sihua_model_catalog_new:
 * @user_dir: (nullable): the folder of installed models; NULL for
 *   sihua_paths_get_user_models_dir()
 *
 * Reads every model at once; a broken installed file is left out and
 * reported by sihua_model_catalog_get_problems().
 *
 * Returns: (transfer full): a new catalog
 */
SihuaModelCatalog *
sihua_model_catalog_new (const char *user_dir)
{
  g_autofree char *default_dir = NULL;
  SihuaModelCatalog *self = g_object_new (SIHUA_TYPE_MODEL_CATALOG, NULL);

  if (user_dir == NULL)
    user_dir = default_dir = sihua_paths_get_user_models_dir ();

  load_builtin (self);
  load_installed (self, user_dir);
  g_ptr_array_sort_with_data (self->models, compare_models, self);

  return self;
}

/**
 * sihua_model_catalog_list:
 *
 * Returns: (transfer full) (element-type SihuaModel): the models, the default
 *   one first, then the other built-in ones, then the installed ones by id
 *   and version. Unref the array when done.
 */
GPtrArray *
sihua_model_catalog_list (SihuaModelCatalog *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL_CATALOG (self), NULL);

  return g_ptr_array_ref (self->models);
}

/**
 * sihua_model_catalog_lookup:
 * @id: a model id
 * @version: (nullable): a version; NULL for the newest one (the built-in
 *   one among equals)
 *
 * Returns: (transfer full) (nullable): the model, or NULL with
 *   %SIHUA_MODEL_ERROR_NOT_FOUND.
 */
SihuaModel *
sihua_model_catalog_lookup (SihuaModelCatalog  *self,
                            const char         *id,
                            const char         *version,
                            GError            **error)
{
  g_autoptr(GString) versions = g_string_new (NULL);
  SihuaModel *best = NULL;

  g_return_val_if_fail (SIHUA_IS_MODEL_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < self->models->len; i++)
    {
      SihuaModel *model = g_ptr_array_index (self->models, i);

      if (!g_str_equal (sihua_model_get_id (model), id))
        continue;

      if (versions->len > 0)
        g_string_append (versions, ", ");
      g_string_append (versions, sihua_model_get_version (model));

      if (version != NULL)
        {
          if (g_str_equal (sihua_model_get_version (model), version))
            return g_object_ref (model);
        }
      else if (best == NULL || compare_versions (sihua_model_get_version (model),
                                             sihua_model_get_version (best)) > 0)
        best = model;
    }

  if (best != NULL)
    return g_object_ref (best);

  if (versions->len > 0)
    g_set_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND,
                 _("Model “%s” version “%s” is not available (available versions: %s)"),
                 id, version, versions->str);
  else
    g_set_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND,
                 _("There is no model “%s”; “sihua-cli model list” shows the available ones"),
                 id);
  return NULL;
}

/**
 * sihua_model_catalog_get_default:
 *
 * Returns: (transfer full) (nullable): the built-in 四化 model, or the first
 *   model when it is missing; NULL only when there is no model at all.
 */
SihuaModel *
sihua_model_catalog_get_default (SihuaModelCatalog *self)
{
  SihuaModel *model;

  g_return_val_if_fail (SIHUA_IS_MODEL_CATALOG (self), NULL);

  model = sihua_model_catalog_lookup (self, SIHUA_DEFAULT_MODEL_ID, NULL, NULL);
  if (model == NULL && self->models->len > 0)
    model = g_object_ref (g_ptr_array_index (self->models, 0));

  return model;
}

/**
 * sihua_model_catalog_get_problems:
 *
 * Returns: (transfer full) (element-type SihuaModelProblem): the problems of
 *   the model files that were left out; unref the array when done.
 */
GPtrArray *
sihua_model_catalog_get_problems (SihuaModelCatalog *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL_CATALOG (self), NULL);

  return g_ptr_array_ref (self->problems);
}

gboolean
sihua_model_catalog_is_builtin (SihuaModelCatalog *self,
                                SihuaModel        *model)
{
  g_return_val_if_fail (SIHUA_IS_MODEL_CATALOG (self), FALSE);

  return g_hash_table_contains (self->builtin, model);
}
