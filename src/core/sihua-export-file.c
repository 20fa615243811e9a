/* sihua-export-file.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sihua-export.h"
#include "sihua-export-file.h"

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_WRITE,
               _("Cannot write %s: %s"), path, g_strerror (saved_errno));
}

SihuaExportFile *
sihua_export_file_open (const char  *path,
                        GError     **error)
{
  g_autofree char *part_path = NULL;
  SihuaExportFile *file;
  FILE *fp;

  g_return_val_if_fail (path != NULL, NULL);

  part_path = g_strconcat (path, ".part", NULL);
  fp = g_fopen (part_path, "wb");
  if (fp == NULL)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  file = g_new0 (SihuaExportFile, 1);
  file->path = g_strdup (path);
  file->part_path = g_steal_pointer (&part_path);
  file->fp = fp;

  return file;
}

gboolean
sihua_export_file_write (SihuaExportFile  *file,
                         const void       *data,
                         gsize             length,
                         GError          **error)
{
  g_return_val_if_fail (file != NULL && file->fp != NULL, FALSE);

  if (length > 0 && fwrite (data, 1, length, file->fp) != length)
    {
      set_errno_error (error, errno, file->path);
      return FALSE;
    }

  return TRUE;
}

gboolean
sihua_export_file_commit (SihuaExportFile  *file,
                          GError          **error)
{
  FILE *fp;

  g_return_val_if_fail (file != NULL && file->fp != NULL, FALSE);

  fp = g_steal_pointer (&file->fp);
  if (fflush (fp) != 0 || ferror (fp))
    {
      set_errno_error (error, errno, file->path);
      fclose (fp);
      return FALSE;
    }
  if (fclose (fp) != 0)
    {
      set_errno_error (error, errno, file->path);
      return FALSE;
    }
  if (g_rename (file->part_path, file->path) != 0)
    {
      set_errno_error (error, errno, file->path);
      return FALSE;
    }

  g_clear_pointer (&file->part_path, g_free);

  return TRUE;
}

void
sihua_export_file_free (SihuaExportFile *file)
{
  if (file == NULL)
    return;

  g_clear_pointer (&file->fp, fclose);
  if (file->part_path != NULL)
    g_unlink (file->part_path);
  g_free (file->part_path);
  g_free (file->path);
  g_free (file);
}
