/* sihua-bundle-models.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-bundle-private.h"
#include "sihua-exchange-db.h"
#include "sihua-model-catalog.h"
#include "sihua-model.h"

/*
 * A model's id and version name one text. The database keeps one copy per
 * id and version, and every later assessment with that model is read and
 * scored with that copy. A bundle whose model has a known id and version
 * but other contents would put its questions, rule and recommendations
 * into the next client's report (when the database had no copy yet), or
 * have its own assessments read with texts they were not answered with
 * (when it had). Such a bundle is refused whole, before anything changes:
 * whoever changed the model has to give it a new version.
 */

static char *
describe (SihuaModel *model)
{
  const char *title = sihua_text_get (sihua_model_get_title (model),
                                      sihua_language_from_locale (), NULL);

  return g_strdup_printf (_("“%s” version %s"), title, sihua_model_get_version (model));
}

static gboolean
refuse (SihuaBundle  *bundle,
        SihuaModel   *theirs,
        const char   *where,
        GError      **error)
{
  g_autofree char *name = describe (theirs);

  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
               _("The bundle %s carries the model %s, but its contents differ from %s of "
                 "the same name and version. A version names one text of a model, so nothing "
                 "was imported; ask the sender to give the changed model a new version"),
               bundle->path, name, where);
  return FALSE;
}

/* The copy @db keeps of @id @version, or NULL. */
static GBytes *
lookup_stored (sqlite3      *db,
               const char   *id,
               const char   *version,
               GError      **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  int rc;

  stmt = sihua_exchange_db_prepare (db,
                                    "SELECT json FROM models WHERE model_id = ?1 AND model_version = ?2",
                                    error);
  if (stmt == NULL)
    return NULL;
  sihua_exchange_bind_text (stmt->stmt, 1, id);
  sihua_exchange_bind_text (stmt->stmt, 2, version);

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt->stmt, 0), sqlite3_column_bytes (stmt->stmt, 0));
  if (rc != SQLITE_DONE)
    sihua_exchange_db_error (db, error);

  return NULL;
}

/**
 * _sihua_bundle_check_models:
 * @bundle: a loaded bundle
 * @db: the database it would go into
 *
 * Refuses a bundle that carries a model under the id and version of a
 * built-in or installed model, or of a copy @db keeps, with other contents.
 *
 * Returns: %TRUE when every model of @bundle is new or the same text.
 */
gboolean
_sihua_bundle_check_models (SihuaBundle  *bundle,
                            sqlite3      *db,
                            GError      **error)
{
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_size (bundle->models) == 0)
    return TRUE;

  catalog = sihua_model_catalog_new (NULL);

  g_hash_table_iter_init (&iter, bundle->models);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GBytes *bytes = value;
      g_autoptr(SihuaModel) theirs = NULL;
      g_autoptr(SihuaModel) ours = NULL;
      g_autoptr(GBytes) stored = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *id;
      const char *version;

      /* Loaded and checked once already by sihua_bundle_load(). */
      theirs = sihua_model_new_from_bytes (bytes, "bundle", &local_error);
      if (theirs == NULL)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                       _("A model in the bundle %s is not valid: %s"),
                       bundle->path, local_error->message);
          return FALSE;
        }
      id = sihua_model_get_id (theirs);
      version = sihua_model_get_version (theirs);

      ours = sihua_model_catalog_lookup (catalog, id, version, NULL);
      if (ours != NULL && !g_bytes_equal (sihua_model_get_bytes (ours), bytes))
        {
          g_autofree char *where = NULL;

          if (sihua_model_catalog_is_builtin (catalog, ours))
            where = g_strdup (_("the built-in model"));
          else
            where = g_strdup_printf (_("the model installed as %s"), sihua_model_get_source (ours));
          return refuse (bundle, theirs, where, error);
        }

      stored = lookup_stored (db, id, version, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stored != NULL && !g_bytes_equal (stored, bytes))
        return refuse (bundle, theirs,
                       _("the copy this database keeps for its own assessments"), error);
    }

  return TRUE;
}
