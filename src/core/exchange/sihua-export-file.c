/* sihua-export-file.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

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

int
sihua_export_file_create_private (const char *path)
{
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;

  /* A file left under this name earlier keeps its old mode on open. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      errno = saved_errno;
      return -1;
    }

  return fd;
}

SihuaExportFile *
sihua_export_file_open (const char  *path,
                        GError     **error)
{
  g_autofree char *part_path = NULL;
  SihuaExportFile *file;
  FILE *fp;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  part_path = g_strconcat (path, ".part", NULL);
  fd = sihua_export_file_create_private (part_path);
  fp = fd >= 0 ? fdopen (fd, "wb") : NULL;
  if (fp == NULL)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (part_path);
        }
      set_errno_error (error, saved_errno, path);
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
