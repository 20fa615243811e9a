/* sihua-bundle-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sihua-bundle.h"
#include "sihua-export-file.h"

G_DEFINE_QUARK (sihua-bundle-error-quark, sihua_bundle_error)

char *
sihua_bundle_sha256 (GBytes *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
write_entry (struct archive  *archive,
             const char      *path,
             GBytes          *bytes,
             time_t           mtime,
             GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);
  gboolean ok = TRUE;

  archive_entry_set_pathname (entry, path);
  archive_entry_set_size (entry, length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, mtime, 0);

  if (archive_write_header (archive, entry) != ARCHIVE_OK ||
      (length > 0 && archive_write_data (archive, data, length) != (la_ssize_t) length) ||
      archive_write_finish_entry (archive) != ARCHIVE_OK)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s into the bundle: %s"), path,
                   archive_error_string (archive));
      ok = FALSE;
    }

  archive_entry_free (entry);

  return ok;
}

static GBytes *
make_manifest (GHashTable  *entries,
               GPtrArray   *paths,
               JsonObject  *extra)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SIHUA_BUNDLE_FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, SIHUA_BUNDLE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "app_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GBytes *bytes = g_hash_table_lookup (entries, path);
      g_autofree char *sha256 = sihua_bundle_sha256 (bytes);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_bytes_get_size (bytes));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  if (extra != NULL)
    {
      JsonObject *object = json_node_get_object (root);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &value))
        if (!json_object_has_member (object, name))
          json_object_set_member (object, name, json_node_copy (value));
    }

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/**
 * sihua_bundle_write_zip:
 * @path: the bundle to write (replaced when complete)
 * @entries: (element-type utf8 GBytes): the entries by path
 * @extra: (nullable): members added to the manifest
 *
 * Returns: %TRUE on success.
 */
gboolean
sihua_bundle_write_zip (const char  *path,
                        GHashTable  *entries,
                        JsonObject  *extra,
                        GError     **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autofree char *part_path = NULL;
  struct archive *archive;
  time_t now = time (NULL);
  gboolean ok = TRUE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  paths = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, entries);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (paths, key);
  }
  g_ptr_array_sort (paths, compare_paths);
  manifest = make_manifest (entries, paths, extra);

  part_path = g_strconcat (path, ".part", NULL);
  fd = sihua_export_file_create_private (part_path);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  archive = archive_write_new ();
  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_zip_set_compression_deflate (archive) != ARCHIVE_OK ||
      archive_write_open_fd (archive, fd) != ARCHIVE_OK)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, archive_error_string (archive));
      archive_write_free (archive);
      close (fd);
      g_unlink (part_path);
      return FALSE;
    }

  ok = write_entry (archive, "manifest.json", manifest, now, error);
  for (guint i = 0; ok && i < paths->len; i++)
    {
      const char *entry_path = g_ptr_array_index (paths, i);
      ok = write_entry (archive, entry_path, g_hash_table_lookup (entries, entry_path), now, error);
    }

  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, archive_error_string (archive));
      ok = FALSE;
    }
  archive_write_free (archive);
  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (ok && g_rename (part_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part_path);

  return ok;
}
