/* fuzz-bundle.c: bundle files, as `bundle import` reads them.
 *
 * An input starting with "PK" is taken as a bundle file as it is: this
 * fuzzes the zip container and its checks. Any other input is a list of
 * entries ("=== path" lines, each followed by the entry's bytes; the entry
 * "=== manifest-extra" holds a JSON object added to the manifest) that is
 * first packed into a bundle with correct checksums: this fuzzes the data
 * inside, which random bytes would never reach past the SHA-256 checks.
 * A bundle that loads is analysed against, and imported into, a fresh
 * database.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "sihua-bundle.h"
#include "sihua-company.h"
#include "sihua-json-guard.h"
#include "sihua-store.h"

#define ENTRY_MARK "=== "

static gboolean
pack_entries (const char    *path,
              const uint8_t *data,
              size_t         size)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  g_autoptr(JsonObject) extra = NULL;
  const char *text = (const char *) data;
  const char *end = text + size;
  const char *p = text;

  /* Skip anything before the first entry. */
  while (p < end && !(end - p >= 4 && memcmp (p, ENTRY_MARK, 4) == 0 && (p == text || p[-1] == '\n')))
    p++;

  while (p < end)
    {
      const char *name = p + 4;
      const char *name_end = memchr (name, '\n', end - name);
      const char *body;
      const char *body_end;
      g_autofree char *entry = NULL;

      if (name_end == NULL)
        break;
      body = name_end + 1;
      body_end = body;
      while (body_end < end && !(end - body_end >= 5 && memcmp (body_end, "\n" ENTRY_MARK, 5) == 0))
        body_end++;

      entry = g_strndup (name, name_end - name);
      if (g_strcmp0 (entry, "manifest-extra") == 0)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          /* Deep nesting here would crash the harness, not the reader. */
          if (sihua_json_guard_load (parser, body, body_end - body, NULL, NULL) &&
              json_parser_get_root (parser) != NULL &&
              JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              g_clear_pointer (&extra, json_object_unref);
              extra = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
            }
        }
      else if (sihua_bundle_path_is_safe (entry) && g_strcmp0 (entry, "manifest.json") != 0)
        g_hash_table_replace (entries, g_steal_pointer (&entry), g_bytes_new (body, body_end - body));

      p = body_end < end ? body_end + 1 : end;
    }

  /* The writer refuses what it could not pack; that is not the reader's
   * business. */
  return sihua_bundle_write_zip (path, entries, extra, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autofree char *db = NULL;
  g_autofree char *db_wal = NULL;
  g_autofree char *db_shm = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_glib ();

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    path = fuzz_write_file ("in.sihua", data, size);
  else
    {
      path = g_build_filename (fuzz_get_dir (), "in.sihua", NULL);
      g_unlink (path);
      if (!pack_entries (path, data, size))
        return 0;
    }

  bundle = sihua_bundle_load (path, &error);
  if (bundle == NULL)
    {
      if (error == NULL || error->domain != SIHUA_BUNDLE_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  if (sihua_bundle_get_manifest (bundle) == NULL)
    abort ();

  db = g_build_filename (fuzz_get_dir (), "bundle.db", NULL);
  db_wal = g_strconcat (db, "-wal", NULL);
  db_shm = g_strconcat (db, "-shm", NULL);
  store = sihua_store_open (db, NULL);
  if (store == NULL)
    abort ();
  company = sihua_company_new ("无锡精密部件有限公司");
  sihua_store_add_company (store, company, NULL);

  report = sihua_bundle_analyse (bundle, store, SIHUA_BUNDLE_CHOICE_BOTH, &error);
  if (report != NULL)
    {
      g_autoptr(JsonNode) json = sihua_bundle_report_to_json (report);
      g_autoptr(GError) import_error = NULL;
      g_autofree char *check = NULL;

      if (json == NULL)
        abort ();
      if (!sihua_bundle_import (bundle, store, report, &import_error) &&
          (import_error == NULL || import_error->message[0] == '\0'))
        abort ();
      /* Whatever was merged, the database must still be sound. */
      if (!sihua_store_check (store, &check, NULL))
        abort ();
    }

  g_clear_object (&store);
  g_unlink (db);
  g_unlink (db_wal);
  g_unlink (db_shm);

  return 0;
}
