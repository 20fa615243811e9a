/* sihua-store-trash.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

/*
 * The trash (schema version 7): deleting sets deleted_at on the company or
 * assessment and numbers the deletion in the trash table; restoring clears
 * it. Nothing below the row changes either way, so a restored record is the
 * record that was deleted. Only sihua_store_empty_trash() destroys rows.
 */

/* Runs @sql with up to three integer parameters (0 binds NULL) and
 * finalises it. */
static gboolean
run_ids (SihuaStore  *self,
         const char  *sql,
         gint64       first,
         gint64       second,
         gint64       third,
         GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self, sql, error);
  gint64 ids[] = { first, second, third };
  int n_params;

  if (stmt == NULL)
    return FALSE;
  n_params = sqlite3_bind_parameter_count (stmt);
  for (int i = 0; i < n_params && i < (int) G_N_ELEMENTS (ids); i++)
    {
      if (ids[i] != 0)
        sqlite3_bind_int64 (stmt, i + 1, ids[i]);
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  return _sihua_store_step_done (self, stmt, error);
}

/* The first column of the first row of @sql run with @id, or 0. */
static gint64
query_id (SihuaStore  *self,
          const char  *sql,
          gint64       id)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
company_trash_entry (SihuaStore *self,
                     gint64      company_id)
{
  return query_id (self, "SELECT id FROM trash WHERE company_id = ?", company_id);
}

/* Sets a NOT_FOUND error for a company that is not in the list: gone, or
 * in the trash (then the message says how to bring it back). Returns
 * whether the company is live, without touching @error then. */
gboolean
_sihua_store_check_company_live (SihuaStore  *self,
                                 gint64       company_id,
                                 GError     **error)
{
  gint64 entry;

  if (query_id (self, "SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL", company_id) != 0)
    return TRUE;

  entry = company_trash_entry (self, company_id);
  if (entry != 0)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                 _("Company %lld is in the trash (sihua-cli trash restore %lld brings it back)"),
                 (long long) company_id, (long long) entry);
  else
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                 _("There is no company with id %lld"), (long long) company_id);

  return FALSE;
}

/* The same for an assessment: it may be in the trash itself, or belong to
 * a company that is. */
gboolean
_sihua_store_check_assessment_live (SihuaStore  *self,
                                    gint64       assessment_id,
                                    GError     **error)
{
  gint64 company_id = query_id (self, "SELECT company_id FROM assessments WHERE id = ?", assessment_id);
  gint64 entry;

  if (company_id == 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %lld"), (long long) assessment_id);
      return FALSE;
    }

  entry = query_id (self, "SELECT id FROM trash WHERE assessment_id = ?", assessment_id);
  if (entry != 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("Assessment %lld is in the trash (sihua-cli trash restore %lld brings it back)"),
                   (long long) assessment_id, (long long) entry);
      return FALSE;
    }

  entry = company_trash_entry (self, company_id);
  if (entry != 0)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("Assessment %lld belongs to company %lld, which is in the trash; restore the company first (sihua-cli trash restore %lld)"),
                   (long long) assessment_id, (long long) company_id, (long long) entry);
      return FALSE;
    }

  return TRUE;
}

static gint64
add_entry (SihuaStore  *self,
           gint64       company_id,
           gint64       assessment_id,
           gint64       merged_into,
           gint64       now,
           GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "INSERT INTO trash (company_id, assessment_id, merged_into,"
                                             " author, deleted_at) VALUES (?, ?, ?, ?, ?)",
                                             error);

  if (stmt == NULL)
    return 0;
  if (company_id != 0)
    sqlite3_bind_int64 (stmt, 1, company_id);
  if (assessment_id != 0)
    sqlite3_bind_int64 (stmt, 2, assessment_id);
  if (merged_into != 0)
    sqlite3_bind_int64 (stmt, 3, merged_into);
  _sihua_store_bind_text (stmt, 4, self->author);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!_sihua_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

static gint64
trash_company_locked (SihuaStore  *self,
                      gint64       company_id,
                      gint64       merged_into,
                      gint64       now,
                      GError     **error)
{
  gint64 entry;

  if (!_sihua_store_check_company_live (self, company_id, error))
    return 0;
  entry = add_entry (self, company_id, 0, merged_into, now, error);
  if (entry == 0 ||
      !run_ids (self, "UPDATE companies SET deleted_at = ?2 WHERE id = ?1", company_id, now, 0, error))
    return 0;

  return entry;
}

/**
 * sihua_store_delete_company:
 * @self: a store
 * @company_id: a company not in the trash
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Moves the company, with its assessments and everything in them, to the
 * trash: it leaves every list, search, export and bundle, and
 * sihua_store_restore_from_trash() brings it back as it was.
 *
 * Returns: the trash entry's id, or 0 with @error set
 */
gint64
sihua_store_delete_company (SihuaStore  *self,
                            gint64       company_id,
                            GError     **error)
{
  gint64 entry = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  if (_sihua_store_begin (self, error))
    {
      entry = trash_company_locked (self, company_id, 0, g_get_real_time (), error);
      if (entry == 0 || !_sihua_store_commit (self, error))
        {
          _sihua_store_rollback (self);
          entry = 0;
        }
    }
  g_mutex_unlock (&self->mutex);

  return entry;
}

/**
 * sihua_store_delete_assessment:
 * @self: a store
 * @assessment_id: an assessment not in the trash
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Moves the assessment to the trash. A finalised one can go too: its
 * answers stay frozen, and restoring brings it back still finalised.
 *
 * Returns: the trash entry's id, or 0 with @error set
 */
gint64
sihua_store_delete_assessment (SihuaStore  *self,
                               gint64       assessment_id,
                               GError     **error)
{
  gint64 now = g_get_real_time ();
  gint64 entry = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  if (_sihua_store_begin (self, error))
    {
      if (_sihua_store_check_assessment_live (self, assessment_id, error))
        entry = add_entry (self, 0, assessment_id, 0, now, error);
      if (entry == 0 ||
          !run_ids (self, "UPDATE assessments SET deleted_at = ?2 WHERE id = ?1", assessment_id, now, 0, error) ||
          !_sihua_store_commit (self, error))
        {
          _sihua_store_rollback (self);
          entry = 0;
        }
    }
  g_mutex_unlock (&self->mutex);

  return entry;
}

static SihuaTrashEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SihuaTrashEntry *entry = g_new0 (SihuaTrashEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->company_id = sqlite3_column_int64 (stmt, 1);
  entry->assessment_id = sqlite3_column_int64 (stmt, 2);
  entry->company_name = _sihua_store_column_text (stmt, 3);
  entry->assessment_date = _sihua_store_column_text (stmt, 4);
  entry->model_id = _sihua_store_column_text (stmt, 5);
  entry->n_assessments = sqlite3_column_int (stmt, 6);
  entry->merged_into = sqlite3_column_int64 (stmt, 7);
  entry->merged_into_name = _sihua_store_column_text (stmt, 8);
  entry->author = _sihua_store_column_text (stmt, 9);
  entry->deleted_at = sqlite3_column_int64 (stmt, 10);

  return entry;
}

/**
 * sihua_store_list_trash:
 * @self: a store
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: (transfer full) (element-type SihuaTrashEntry): what the trash
 *   holds, most recently deleted first, or %NULL with @error set
 */
GPtrArray *
sihua_store_list_trash (SihuaStore  *self,
                        GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_trash_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT t.id, c.id, coalesce (t.assessment_id, 0), c.name, a.date, a.model_id,"
                               " CASE WHEN t.merged_into IS NOT NULL"
                               "  THEN (SELECT count(*) FROM trash_moves m WHERE m.trash_id = t.id)"
                               "  WHEN t.company_id IS NOT NULL"
                               "  THEN (SELECT count(*) FROM assessments x"
                               "        WHERE x.company_id = c.id AND x.deleted_at IS NULL)"
                               "  ELSE 1 END,"
                               " coalesce (t.merged_into, 0), k.name, t.author, t.deleted_at"
                               " FROM trash t LEFT JOIN assessments a ON a.id = t.assessment_id"
                               " JOIN companies c ON c.id = coalesce (t.company_id, a.company_id)"
                               " LEFT JOIN companies k ON k.id = t.merged_into"
                               " ORDER BY t.deleted_at DESC, t.id DESC",
                               error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      g_clear_pointer (&entries, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return g_steal_pointer (&entries);
}

static gboolean
restore_locked (SihuaStore  *self,
                gint64       entry,
                GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "SELECT coalesce (company_id, 0), coalesce (assessment_id, 0),"
                                             " coalesce (merged_into, 0), moved_uscc FROM trash WHERE id = ?",
                                             error);
  gint64 company_id, assessment_id, merged_into;
  g_autofree char *moved_uscc = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND,
                   _("There is no entry %lld in the trash (sihua-cli trash list shows what it holds)"),
                   (long long) entry);
      return FALSE;
    }
  company_id = sqlite3_column_int64 (stmt, 0);
  assessment_id = sqlite3_column_int64 (stmt, 1);
  merged_into = sqlite3_column_int64 (stmt, 2);
  moved_uscc = _sihua_store_column_text (stmt, 3);
  sqlite3_finalize (stmt);

  if (assessment_id != 0)
    {
      gint64 owner = query_id (self, "SELECT company_id FROM assessments WHERE id = ?", assessment_id);
      gint64 owner_entry = company_trash_entry (self, owner);

      if (owner_entry != 0)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                       _("Assessment %lld belongs to company %lld, which is in the trash; restore the company first (sihua-cli trash restore %lld)"),
                       (long long) assessment_id, (long long) owner, (long long) owner_entry);
          return FALSE;
        }
      return run_ids (self, "UPDATE assessments SET deleted_at = NULL WHERE id = ?", assessment_id, 0, 0, error) &&
             run_ids (self, "DELETE FROM trash WHERE id = ?", entry, 0, 0, error);
    }

  /* The credit code goes back before the row that gave it up is live again,
   * so the unique index never sees it twice. */
  if (moved_uscc != NULL)
    {
      sqlite3_stmt *give_back = _sihua_store_prepare (self,
                                                      "UPDATE companies SET uscc = NULL WHERE id = ? AND uscc = ?",
                                                      error);
      if (give_back == NULL)
        return FALSE;
      sqlite3_bind_int64 (give_back, 1, merged_into);
      _sihua_store_bind_text (give_back, 2, moved_uscc);
      if (!_sihua_store_step_done (self, give_back, error))
        return FALSE;
      give_back = _sihua_store_prepare (self, "UPDATE companies SET uscc = ? WHERE id = ? AND uscc IS NULL", error);
      if (give_back == NULL)
        return FALSE;
      _sihua_store_bind_text (give_back, 1, moved_uscc);
      sqlite3_bind_int64 (give_back, 2, company_id);
      if (!_sihua_store_step_done (self, give_back, error))
        return FALSE;
    }

  return run_ids (self,
                  "UPDATE assessments SET company_id = ?2"
                  " WHERE id IN (SELECT assessment_id FROM trash_moves WHERE trash_id = ?1)",
                  entry, company_id, 0, error) &&
         run_ids (self, "UPDATE companies SET deleted_at = NULL WHERE id = ?", company_id, 0, 0, error) &&
         run_ids (self, "DELETE FROM trash WHERE id = ?", entry, 0, 0, error);
}

/**
 * sihua_store_restore_from_trash:
 * @self: a store
 * @entry_id: a #SihuaTrashEntry's id
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Brings a deleted company or assessment back as it was. Restoring a
 * company that was merged into another undoes the merge: the assessments
 * it gave go back to it, and so does its credit code.
 *
 * Returns: whether the restore was committed
 */
gboolean
sihua_store_restore_from_trash (SihuaStore  *self,
                                gint64       entry_id,
                                GError     **error)
{
  gboolean done = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  if (_sihua_store_begin (self, error))
    {
      done = restore_locked (self, entry_id, error) && _sihua_store_commit (self, error);
      if (!done)
        _sihua_store_rollback (self);
    }
  g_mutex_unlock (&self->mutex);

  return done;
}

/* A finalised assessment that was started from one in the trash keeps
 * that link frozen: destroying the earlier one would have to change it. */
static gboolean
check_no_frozen_successor (SihuaStore  *self,
                           GError     **error)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self,
                                             "SELECT a.id, p.id FROM assessments a"
                                             " JOIN assessments p ON p.id = a.previous_id"
                                             " JOIN companies pc ON pc.id = p.company_id"
                                             " JOIN companies ac ON ac.id = a.company_id"
                                             " WHERE a.finalized_at IS NOT NULL"
                                             " AND a.deleted_at IS NULL AND ac.deleted_at IS NULL"
                                             " AND (p.deleted_at IS NOT NULL OR pc.deleted_at IS NOT NULL)"
                                             " LIMIT 1",
                                             error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) != SQLITE_ROW;
  if (!ok)
    g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED,
                 _("The finalised assessment %lld was started from assessment %lld, which is in the trash; "
                   "restore that one, or reopen assessment %lld, before emptying the trash"),
                 (long long) sqlite3_column_int64 (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1),
                 (long long) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  return ok;
}

/**
 * sihua_store_empty_trash:
 * @self: a store
 * @n_entries: (out) (optional): how many deletions were destroyed
 * @n_blobs: (out) (optional): how many evidence files no answer names any
 *   more and were destroyed with them
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Destroys everything in the trash for good, with all it holds. This
 * cannot be undone; the window asks first.
 *
 * Returns: whether it was committed
 */
gboolean
sihua_store_empty_trash (SihuaStore  *self,
                         guint       *n_entries,
                         guint       *n_blobs,
                         GError     **error)
{
  gboolean done = FALSE;
  guint entries = 0;
  guint blobs = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  if (_sihua_store_begin (self, error))
    {
      entries = (guint) query_id (self, "SELECT count(*) FROM trash WHERE id > ?", 0);
      done = check_no_frozen_successor (self, error) &&
             run_ids (self,
                      "DELETE FROM assessments WHERE deleted_at IS NOT NULL"
                      " OR company_id IN (SELECT id FROM companies WHERE deleted_at IS NOT NULL)",
                      0, 0, 0, error) &&
             run_ids (self, "DELETE FROM companies WHERE deleted_at IS NOT NULL", 0, 0, 0, error) &&
             run_ids (self,
                      "DELETE FROM evidence_blobs"
                      " WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = evidence_blobs.sha256)",
                      0, 0, 0, error);
      if (done)
        blobs = (guint) sqlite3_changes (self->db);
      done = done && _sihua_store_commit (self, error);
      if (!done)
        _sihua_store_rollback (self);
    }
  g_mutex_unlock (&self->mutex);

  if (n_entries != NULL)
    *n_entries = done ? entries : 0;
  if (n_blobs != NULL)
    *n_blobs = done ? blobs : 0;

  return done;
}

/* Fills the kept company's empty profile fields from the other's; where
 * both have a value, the kept one's stays. The credit code moves only if
 * the kept company has none, and the trash entry remembers it. */
static gboolean
merge_profile_locked (SihuaStore  *self,
                      gint64       keep_id,
                      gint64       other_id,
                      gint64       entry,
                      gint64       now,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *key = NULL;

  if (!run_ids (self,
                "UPDATE trash SET moved_uscc = (SELECT o.uscc FROM companies o WHERE o.id = ?2)"
                " WHERE id = ?1 AND (SELECT k.uscc FROM companies k WHERE k.id = ?3) IS NULL",
                entry, other_id, keep_id, error) ||
      !run_ids (self,
                "UPDATE companies SET uscc = NULL"
                " WHERE id = ?2 AND (SELECT moved_uscc FROM trash WHERE id = ?1) IS NOT NULL",
                entry, other_id, 0, error) ||
      !run_ids (self,
                "UPDATE companies SET"
                " uscc = coalesce (uscc, (SELECT moved_uscc FROM trash WHERE id = ?3)),"
                " industry = coalesce (nullif (industry, ''), (SELECT industry FROM companies WHERE id = ?2)),"
                " size = coalesce (size, (SELECT size FROM companies WHERE id = ?2)),"
                " employees = coalesce (employees, (SELECT employees FROM companies WHERE id = ?2)),"
                " region = coalesce (nullif (region, ''), (SELECT region FROM companies WHERE id = ?2)),"
                " address = coalesce (nullif (address, ''), (SELECT address FROM companies WHERE id = ?2)),"
                " contact = coalesce (nullif (contact, ''), (SELECT contact FROM companies WHERE id = ?2)),"
                " notes = coalesce (nullif (notes, ''), (SELECT notes FROM companies WHERE id = ?2))"
                " WHERE id = ?1",
                keep_id, other_id, entry, error))
    return FALSE;

  stmt = _sihua_store_prepare (self, "SELECT name, region, industry FROM companies WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      name = _sihua_store_column_text (stmt, 0);
      region = _sihua_store_column_text (stmt, 1);
      industry = _sihua_store_column_text (stmt, 2);
    }
  sqlite3_finalize (stmt);
  key = _sihua_store_search_key (name, region, industry);

  stmt = _sihua_store_prepare (self, "UPDATE companies SET search_key = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, keep_id);

  return _sihua_store_step_done (self, stmt, error);
}

/* Moving a finalised assessment to another company would change a signed
 * record (the freeze triggers forbid it too): it must be reopened first. */
static gboolean
check_nothing_finalised (SihuaStore  *self,
                         gint64       other_id,
                         GError     **error)
{
  gint64 finalised = query_id (self,
                               "SELECT id FROM assessments WHERE company_id = ?"
                               " AND deleted_at IS NULL AND finalized_at IS NOT NULL",
                               other_id);

  if (finalised == 0)
    return TRUE;

  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED,
               _("Assessment %lld of company %lld is finalised, so it cannot move to another company; "
                 "reopen it first (sihua-cli assessment reopen %lld --reason TEXT), or keep company %lld "
                 "and merge the other one into it"),
               (long long) finalised, (long long) other_id, (long long) finalised, (long long) other_id);

  return FALSE;
}

/**
 * sihua_store_merge_companies:
 * @self: a store
 * @keep_id: the company that stays
 * @other_id: its duplicate, which goes to the trash
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Merges two records of the same firm: @other_id's assessments move to
 * @keep_id, @keep_id's empty profile fields are filled from @other_id's
 * (where both have one, @keep_id's is kept), and @other_id goes to the
 * trash. Restoring it from the trash undoes the merge.
 *
 * Returns: the trash entry's id, or 0 with @error set
 */
gint64
sihua_store_merge_companies (SihuaStore  *self,
                             gint64       keep_id,
                             gint64       other_id,
                             GError     **error)
{
  gint64 now = g_get_real_time ();
  gint64 entry = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);

  if (keep_id == other_id)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A company cannot be merged with itself; name two different companies"));
      return 0;
    }

  g_mutex_lock (&self->mutex);
  if (_sihua_store_begin (self, error))
    {
      if (_sihua_store_check_company_live (self, keep_id, error) &&
          check_nothing_finalised (self, other_id, error))
        entry = trash_company_locked (self, other_id, keep_id, now, error);
      if (entry == 0 ||
          !run_ids (self,
                    "INSERT INTO trash_moves (trash_id, assessment_id)"
                    " SELECT ?1, id FROM assessments WHERE company_id = ?2 AND deleted_at IS NULL",
                    entry, other_id, 0, error) ||
          !run_ids (self,
                    "UPDATE assessments SET company_id = ?2"
                    " WHERE id IN (SELECT assessment_id FROM trash_moves WHERE trash_id = ?1)",
                    entry, keep_id, 0, error) ||
          !merge_profile_locked (self, keep_id, other_id, entry, now, error) ||
          !_sihua_store_commit (self, error))
        {
          _sihua_store_rollback (self);
          entry = 0;
        }
    }
  g_mutex_unlock (&self->mutex);

  return entry;
}
