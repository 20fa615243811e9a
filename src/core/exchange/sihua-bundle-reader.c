/* sihua-bundle-reader.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sihua-bundle.h"
#include "sihua-json-guard.h"

/*
 * A bundle comes from another laptop, a USB stick or a mail: treat it as
 * hostile. Every entry is checked (name, type, declared and actual size,
 * the bundle's total and compression ratio) while it is read into memory,
 * then the manifest's version and every checksum, all before anything looks
 * at the data, let alone the database.
 */

gboolean
sihua_bundle_path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || strlen (path) > 255)
    return FALSE;
  if (path[0] == '/' || strchr (path, '\\') != NULL || strchr (path, ':') != NULL)
    return FALSE;

  for (const char *p = path; *p != '\0'; p++)
    if (*p < 0x21 || *p > 0x7e)
      return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;

  return TRUE;
}

static gboolean
set_archive_error (GError         **error,
                   struct archive  *archive,
                   const char      *path)
{
  const char *message = archive_error_string (archive);

  g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TRUNCATED,
               _("The bundle %s is truncated or damaged: %s"), path,
               message != NULL ? message : _("unexpected end of file"));
  return FALSE;
}

static gboolean
starts_like_zip (const char *path)
{
  char magic[4] = { 0 };
  FILE *fp = g_fopen (path, "rb");
  gboolean zip;

  if (fp == NULL)
    return FALSE;
  zip = fread (magic, 1, 4, fp) == 4 && memcmp (magic, "PK\x03\x04", 4) == 0;
  fclose (fp);

  return zip;
}

static GBytes *
read_entry_data (struct archive        *archive,
                 const char            *bundle_path,
                 const char            *name,
                 guint64                limit,
                 guint64               *total,
                 guint64                total_limit,
                 GError               **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  for (;;)
    {
      la_ssize_t n = archive_read_data (archive, buffer, sizeof buffer);

      if (n == 0)
        break;
      if (n < 0)
        {
          set_archive_error (error, archive, bundle_path);
          return NULL;
        }

      *total += n;
      if (data->len + (guint64) n > limit)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle entry %s is larger than the limit of %u MiB"),
                       name, (guint) (limit / (1024 * 1024)));
          return NULL;
        }
      if (*total > total_limit)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle %s unpacks to far more data than it holds (at %s); it looks like a zip bomb"),
                       bundle_path, name);
          return NULL;
        }

      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
check_manifest (const char   *path,
                JsonObject   *manifest,
                GHashTable   *entries,
                GError      **error)
{
  JsonNode *node;
  JsonArray *listed;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  node = json_object_get_member (manifest, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      g_strcmp0 (json_node_get_string (node), SIHUA_BUNDLE_FORMAT_NAME) != 0)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_VERSION,
                   _("%s is not a Sihua bundle: its manifest does not say format \"%s\""),
                   path, SIHUA_BUNDLE_FORMAT_NAME);
      return FALSE;
    }

  node = json_object_get_member (manifest, "format_version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_VERSION,
                   _("The manifest of %s has no format version"), path);
      return FALSE;
    }
  if (json_node_get_int (node) != SIHUA_BUNDLE_FORMAT_VERSION)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_VERSION,
                   _("%s uses bundle format version %lld, but this version of Sihua reads only version %d"),
                   path, (long long) json_node_get_int (node), SIHUA_BUNDLE_FORMAT_VERSION);
      return FALSE;
    }

  node = json_object_get_member (manifest, "entries");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The manifest of %s has no list of entries"), path);
      return FALSE;
    }

  listed = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (listed); i++)
    {
      JsonNode *item = json_array_get_element (listed, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *entry_path;
      const char *sha256;
      gint64 size;
      GBytes *bytes;
      g_autofree char *actual = NULL;

      if (object == NULL ||
          !json_object_has_member (object, "path") ||
          !json_object_has_member (object, "size") ||
          !json_object_has_member (object, "sha256") ||
          json_node_get_value_type (json_object_get_member (object, "path")) != G_TYPE_STRING ||
          json_node_get_value_type (json_object_get_member (object, "size")) != G_TYPE_INT64 ||
          json_node_get_value_type (json_object_get_member (object, "sha256")) != G_TYPE_STRING)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                       _("Entry %u of the manifest of %s needs a path, a size and a sha256"),
                       i + 1, path);
          return FALSE;
        }

      entry_path = json_object_get_string_member (object, "path");
      size = json_object_get_int_member (object, "size");
      sha256 = json_object_get_string_member (object, "sha256");

      if (!sihua_bundle_path_is_safe (entry_path))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                       _("The manifest of %s lists an unsafe path: %s"), path, entry_path);
          return FALSE;
        }

      bytes = g_hash_table_lookup (entries, entry_path);
      if (bytes == NULL)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                       _("The bundle %s lacks %s, which its manifest lists"), path, entry_path);
          return FALSE;
        }

      if (size < 0 || (guint64) size != g_bytes_get_size (bytes))
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM,
                       _("%s in the bundle %s has %llu bytes, but the manifest says %lld"),
                       entry_path, path, (unsigned long long) g_bytes_get_size (bytes), (long long) size);
          return FALSE;
        }

      actual = sihua_bundle_sha256 (bytes);
      if (g_ascii_strcasecmp (actual, sha256) != 0)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM,
                       _("The SHA-256 checksum of %s in the bundle %s does not match its manifest; the file was changed or damaged"),
                       entry_path, path);
          return FALSE;
        }

      g_hash_table_add (seen, (gpointer) entry_path);
    }

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      {
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNLISTED,
                     _("The bundle %s holds %s, which its manifest does not list"),
                     path, (const char *)key);
        return FALSE;
      }

  return TRUE;
}

/**
 * sihua_bundle_read_zip:
 * @path: the bundle
 * @manifest: (out) (transfer full): its manifest
 *
 * Returns: (transfer full) (element-type utf8 GBytes): every verified entry
 *   but the manifest, or %NULL with @error set.
 */
GHashTable *
sihua_bundle_read_zip (const char   *path,
                       JsonObject  **manifest,
                       GError      **error)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GBytes) manifest_bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *manifest_name = NULL;
  struct archive *archive;
  struct archive_entry *entry;
  GStatBuf st;
  guint64 total = 0;
  guint64 total_limit;
  guint n_entries = 0;
  gboolean ok = TRUE;
  JsonNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (manifest != NULL, NULL);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_READ,
                   _("Cannot read the bundle %s: no such file"), path);
      return NULL;
    }

  /* However well it compresses, real data does not unpack to more than
   * SIHUA_BUNDLE_MAX_RATIO times its size (plus a little for tiny files). */
  total_limit = MIN (SIHUA_BUNDLE_MAX_TOTAL_SIZE,
                     (guint64) st.st_size * SIHUA_BUNDLE_MAX_RATIO + 1024 * 1024);

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);

  /* Only the central directory is trusted: a zip read front to back can
   * show other entries than the directory lists, and a truncated file has
   * no directory at all. */
  archive = archive_read_new ();
  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_filename (archive, path, 64 * 1024) != ARCHIVE_OK)
    {
      if (starts_like_zip (path))
        set_archive_error (error, archive, path);
      else
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_READ,
                     _("%s is not a Sihua bundle (not a zip file)"), path);
      archive_read_free (archive);
      return NULL;
    }

  while (ok)
    {
      const char *name;
      int r = archive_read_next_header (archive, &entry);
      g_autoptr(GBytes) bytes = NULL;
      guint64 limit;

      if (r == ARCHIVE_EOF)
        break;
      if (r < ARCHIVE_WARN)
        {
          if (n_entries == 0)
            g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_READ,
                         _("%s is not a Sihua bundle (not a zip file): %s"), path,
                         archive_error_string (archive));
          else
            set_archive_error (&local_error, archive, path);
          ok = FALSE;
          break;
        }

      name = archive_entry_pathname (entry);
      if (name == NULL)
        name = "";

      if (++n_entries > SIHUA_BUNDLE_MAX_ENTRIES)
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle %s has more than %d entries"), path, SIHUA_BUNDLE_MAX_ENTRIES);
          ok = FALSE;
          break;
        }

      if (archive_entry_filetype (entry) == AE_IFDIR)
        {
          g_autofree char *dir = g_strdup (name);

          if (g_str_has_suffix (dir, "/"))
            dir[strlen (dir) - 1] = '\0';
          if (!sihua_bundle_path_is_safe (dir))
            {
              g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                           _("The bundle %s holds an entry with an unsafe path: %s"), path, name);
              ok = FALSE;
            }
          continue;
        }

      if (!sihua_bundle_path_is_safe (name))
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                       _("The bundle %s holds an entry with an unsafe path: %s"), path, name);
          ok = FALSE;
          break;
        }

      if (archive_entry_filetype (entry) == AE_IFLNK)
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                       _("The bundle %s holds a symbolic link (%s); bundles hold only plain files"),
                       path, name);
          ok = FALSE;
          break;
        }
      if (archive_entry_filetype (entry) != AE_IFREG || archive_entry_hardlink (entry) != NULL)
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                       _("The bundle %s holds %s, which is not a plain file"), path, name);
          ok = FALSE;
          break;
        }

      if (g_hash_table_contains (entries, name) ||
          (strcmp (name, "manifest.json") == 0 && manifest_bytes != NULL))
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY,
                       _("The bundle %s holds %s twice"), path, name);
          ok = FALSE;
          break;
        }

      limit = strcmp (name, "manifest.json") == 0 ? SIHUA_BUNDLE_MAX_MANIFEST
                                                   : SIHUA_BUNDLE_MAX_ENTRY_SIZE;
      if (archive_entry_size_is_set (entry) && (guint64) archive_entry_size (entry) > limit)
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                       _("The bundle entry %s declares %lld bytes, more than the limit of %u MiB"),
                       name, (long long) archive_entry_size (entry), (guint) (limit / (1024 * 1024)));
          ok = FALSE;
          break;
        }

      bytes = read_entry_data (archive, path, name, limit, &total, total_limit, &local_error);
      if (bytes == NULL)
        {
          ok = FALSE;
          break;
        }

      if (archive_entry_size_is_set (entry) &&
          (guint64) archive_entry_size (entry) != g_bytes_get_size (bytes))
        {
          g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TRUNCATED,
                       _("The bundle %s is truncated or damaged: %s has %llu of %lld bytes"),
                       path, name, (unsigned long long) g_bytes_get_size (bytes), (long long) archive_entry_size (entry));
          ok = FALSE;
          break;
        }

      if (g_str_has_suffix (name, ".json") && g_bytes_get_size (bytes) > SIHUA_BUNDLE_DENSE_ENTRY_SIZE)
        {
          guint64 n_values = sihua_json_guard_count_values (g_bytes_get_data (bytes, NULL),
                                                            g_bytes_get_size (bytes));

          if (n_values > g_bytes_get_size (bytes) / SIHUA_BUNDLE_MIN_BYTES_PER_VALUE)
            {
              g_set_error (&local_error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_TOO_LARGE,
                           _("%s in the bundle %s packs far more values into its size than any "
                             "real bundle (%llu in %llu bytes); reading it would take many times "
                             "that much memory, so the bundle was not read"),
                           name, path, (unsigned long long) n_values,
                           (unsigned long long) g_bytes_get_size (bytes));
              ok = FALSE;
              break;
            }
        }

      if (strcmp (name, "manifest.json") == 0)
        manifest_bytes = g_steal_pointer (&bytes);
      else
        g_hash_table_insert (entries, g_strdup (name), g_steal_pointer (&bytes));
    }

  archive_read_free (archive);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (manifest_bytes == NULL)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_MISSING,
                   _("%s is not a Sihua bundle: it has no manifest.json"), path);
      return NULL;
    }

  if (g_bytes_get_size (manifest_bytes) == 0)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The manifest of %s is empty"), path);
      return NULL;
    }

  manifest_name = g_strdup_printf (_("The manifest of %s"), path);
  if (!sihua_json_guard_check (g_bytes_get_data (manifest_bytes, NULL),
                               g_bytes_get_size (manifest_bytes), manifest_name, &local_error))
    {
      g_set_error_literal (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (manifest_bytes, NULL),
                                   g_bytes_get_size (manifest_bytes), &local_error))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The manifest of %s is not valid JSON: %s"), path, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The manifest of %s is not a JSON object"), path);
      return NULL;
    }

  if (!check_manifest (path, json_node_get_object (root), entries, error))
    return NULL;

  *manifest = json_object_ref (json_node_get_object (root));

  return g_steal_pointer (&entries);
}
