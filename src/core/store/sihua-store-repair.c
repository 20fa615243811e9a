/* sihua-store-repair.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-store-private.h"

/*
 * An index is a copy of what its table holds, kept in order. When only
 * indexes are damaged, every answer is still in the tables and REINDEX
 * builds the indexes again from them: nothing is lost. Damage anywhere else
 * is left for a backup to repair.
 */

/* The problems PRAGMA integrity_check reports about an index alone. */
static gboolean
is_index_problem (const char *line)
{
  return (g_str_has_prefix (line, "row ") && strstr (line, " missing from index ") != NULL)
         || g_str_has_prefix (line, "wrong # of entries in index ")
         || g_str_has_prefix (line, "non-unique entry in index ");
}

static gboolean
only_index_problems (const char *report)
{
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!is_index_problem (lines[i]))
      return FALSE;

  return TRUE;
}

static gboolean
repair_alone (SihuaStore  *self,
              char       **backup_path,
              GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) reindex_error = NULL;

  before = _sihua_store_integrity_check (self, error);
  if (before == NULL)
    return FALSE;
  if (g_str_equal (before, "ok"))
    return TRUE;
  if (!only_index_problems (before))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("%s is damaged beyond its indexes, so it cannot be repaired here; restore a backup"),
                   self->path);
      return FALSE;
    }

  /* The damaged file as it was, in case anything goes wrong after. */
  backup = _sihua_store_make_backup (self, "before-repair", error);
  if (backup == NULL)
    return FALSE;

  if (!_sihua_store_begin (self, error))
    return FALSE;
  /* Fails when a table holds what its index would refuse (two companies
   * with one UUID): then the damage is in the table, and nothing changes. */
  if (!_sihua_store_exec (self, "REINDEX", &reindex_error))
    {
      _sihua_store_rollback (self);
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("The indexes of %s cannot be rebuilt (%s); restore a backup"),
                   self->path, reindex_error->message);
      return FALSE;
    }
  if (!_sihua_store_commit (self, error))
    return FALSE;

  after = _sihua_store_integrity_check (self, error);
  if (after == NULL)
    return FALSE;
  if (!g_str_equal (after, "ok"))
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("%s is still damaged after its indexes were rebuilt (%s); restore a backup"),
                   self->path, after);
      return FALSE;
    }

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);

  return TRUE;
}

static gboolean
repair_locked (SihuaStore  *self,
               char       **backup_path,
               GError     **error)
{
  gboolean ok;

  if (!_sihua_store_check_writable (self, error))
    return FALSE;

  /* Another process writing between the check, the copy and the rebuild
   * would see half-built indexes, or its answers would miss the copy. */
  if (!_sihua_store_lock_exclusive (self->db, self->path, error))
    return FALSE;
  ok = repair_alone (self, backup_path, error);
  _sihua_store_unlock_exclusive (self->db);

  return ok;
}

/**
 * sihua_store_repair:
 * @self: a store open for writing
 * @backup_path: (out) (optional) (transfer full): the copy of the damaged
 *   file kept before the repair, or %NULL when nothing needed repairing
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Runs the full integrity check and, when only indexes are damaged (the
 * damage the quick check made on open cannot see, and which makes rows read
 * as incomplete), keeps a copy of the file in the backup folder and builds
 * the indexes again from their tables in one transaction. Damage anywhere
 * else is refused with %SIHUA_STORE_ERROR_CORRUPT and nothing is changed.
 * The database is held alone throughout: while another process has it open
 * the repair waits a few seconds, then refuses with
 * %SIHUA_STORE_ERROR_BUSY.
 *
 * Returns: whether the database is sound now
 */
gboolean
sihua_store_repair (SihuaStore  *self,
                    char       **backup_path,
                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  if (backup_path != NULL)
    *backup_path = NULL;

  g_mutex_lock (&self->mutex);
  ok = repair_locked (self, backup_path, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}
