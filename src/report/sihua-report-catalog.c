/* sihua-report-catalog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "sihua-report-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _SihuaReportCatalog
{
  GMappedFile *file;
  GHashTable  *strings;   /* msgid → msgstr, both pointing into the file */
};

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);

  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/**
 * sihua_report_catalog_new_from_mo:
 * @path: a compiled gettext catalogue
 * @error: return location for an error
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set.
 */
SihuaReportCatalog *
sihua_report_catalog_new_from_mo (const char  *path,
                                  GError     **error)
{
  g_autoptr(SihuaReportCatalog) self = g_new0 (SihuaReportCatalog, 1);
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;

  g_return_val_if_fail (path != NULL, NULL);

  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  self->file = g_mapped_file_new (path, FALSE, error);
  if (self->file == NULL)
    return NULL;

  data = (const guint8 *)g_mapped_file_get_contents (self->file);
  size = g_mapped_file_get_length (self->file);
  if (size < 28)
    goto invalid;

  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto invalid;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64)originals + 8ULL * n > size || (guint64)translations + 8ULL * n > size)
    goto invalid;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_u32 (data, originals + 8 * i, swapped);
      guint32 id_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 str_length = read_u32 (data, translations + 8 * i, swapped);
      guint32 str_offset = read_u32 (data, translations + 8 * i + 4, swapped);

      /* Every string is nul-terminated inside the file. */
      if ((guint64)id_offset + id_length >= size || (guint64)str_offset + str_length >= size ||
          data[id_offset + id_length] != '\0' || data[str_offset + str_length] != '\0')
        goto invalid;
      /* The header (empty msgid) and untranslated entries are skipped; for
       * plural entries the first forms are used. */
      if (id_length == 0 || str_length == 0)
        continue;
      g_hash_table_insert (self->strings, (char *)data + id_offset, (char *)data + str_offset);
    }

  return g_steal_pointer (&self);

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not a translation catalogue"), path);
  return NULL;
}

/**
 * sihua_report_catalog_new:
 * @language: the report's language
 *
 * The catalogue of @language as installed for the program (the directory
 * bound to the text domain, so uninstalled builds and tests find theirs). The
 * English report uses the source strings as they are; a missing catalogue
 * gives the English wording too.
 *
 * Returns: (transfer full): a catalogue, never %NULL.
 */
SihuaReportCatalog *
sihua_report_catalog_new (SihuaLanguage language)
{
  SihuaReportCatalog *self = NULL;

  if (language == SIHUA_LANGUAGE_ZH_CN)
    {
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_autofree char *path = g_build_filename (dir != NULL ? dir : LOCALEDIR, "zh_CN",
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr(GError) error = NULL;

      self = sihua_report_catalog_new_from_mo (path, &error);
      if (self == NULL)
        g_debug ("No Chinese catalogue for reports: %s", error->message);
    }

  if (self == NULL)
    {
      self = g_new0 (SihuaReportCatalog, 1);
      self->strings = g_hash_table_new (g_str_hash, g_str_equal);
    }

  return self;
}

void
sihua_report_catalog_free (SihuaReportCatalog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self);
}

/**
 * sihua_report_catalog_get:
 * @self: a catalogue
 * @msgid: the English source string
 *
 * Returns: the translation of @msgid, or @msgid itself.
 */
const char *
sihua_report_catalog_get (SihuaReportCatalog *self,
                          const char         *msgid)
{
  const char *translation;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  translation = g_hash_table_lookup (self->strings, msgid);

  return translation != NULL ? translation : msgid;
}

gboolean
sihua_report_catalog_has (SihuaReportCatalog *self,
                          const char         *msgid)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->strings, msgid);
}
