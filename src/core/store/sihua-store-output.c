/* sihua-store-output.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sihua-store-private.h"

/*
 * A report, an export or a bundle is written under a temporary name and
 * renamed over its output: named after the database (a slip of the shell's
 * completion), that replaces every answer with the report. Files are
 * compared by what they are (real paths, device and inode), never by how
 * they are spelled, so "./x/../sihua.db", a symbolic link or a hard link
 * are caught as well.
 */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf st_a;
  GStatBuf st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/* The database's own files: itself, its logs and the restore's copy. */
static GPtrArray *
list_database_files (const char *db_path)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *restore_temp = _sihua_store_restore_temp_path (db_path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    g_ptr_array_add (files, g_strconcat (db_path, suffixes[i], NULL));
  g_ptr_array_add (files, g_strconcat (restore_temp, ".part", NULL));
  g_ptr_array_add (files, g_steal_pointer (&restore_temp));

  return files;
}

/**
 * sihua_store_check_output:
 * @db_path: the database in use
 * @output: a file about to be written (a report, an export, a bundle, a
 *   chart)
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Refuses an output that is the database, its log or shared-memory file, or
 * one of its backups (or a copy a backup or restore is being written to),
 * whatever way the path names it.
 *
 * Returns: %TRUE if @output may be written; %FALSE with
 *   %SIHUA_STORE_ERROR_INVALID otherwise
 */
gboolean
sihua_store_check_output (const char  *db_path,
                          const char  *output,
                          GError     **error)
{
  g_autofree char *real_db = NULL;
  g_autofree char *real_output = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *output_name = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  gboolean refused = FALSE;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  real_db = _sihua_store_resolve_path (db_path);
  real_output = _sihua_store_resolve_path (output);
  output_dir = g_path_get_dirname (real_output);
  output_name = g_path_get_basename (real_output);
  backup_dir = sihua_store_get_backup_dir (real_db);

  files = list_database_files (real_db);
  for (guint i = 0; i < files->len && !refused; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      refused = g_str_equal (file, real_output) || same_file (file, real_output);
    }

  /* A backup, or a name the store would read as one, or its half-written
   * copy: the store would offer it for a restore. */
  if (!refused && g_str_equal (output_dir, backup_dir))
    {
      g_autofree char *name = g_strdup (output_name);

      if (g_str_has_suffix (name, ".part"))
        name[strlen (name) - strlen (".part")] = '\0';
      else if (g_str_has_suffix (name, "-wal"))
        name[strlen (name) - strlen ("-wal")] = '\0';
      refused = _sihua_store_is_own_backup_name (real_db, name, NULL);
    }
  if (!refused)
    {
      backups = sihua_store_list_backups_for (real_db);
      for (guint i = 0; i < backups->len && !refused; i++)
        {
          SihuaBackupInfo *info = g_ptr_array_index (backups, i);

          refused = same_file (info->path, real_output);
        }
    }

  if (refused)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("%s is the database %s itself, its log or one of its backups; nothing was written. Choose another file for the output."),
                   output, real_db);
      return FALSE;
    }

  return TRUE;
}
