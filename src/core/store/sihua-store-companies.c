/* sihua-store-companies.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-row-text.h"
#include "sihua-store-private.h"
#include "sihua-uscc.h"

#define COMPANY_COLUMNS \
  "id, uuid, name, uscc, industry, size, employees, region, address, contact, notes," \
  " created_at, updated_at, last_assessment_date, latest_stage, n_assessments"

#define COMPANY_ORDER \
  " ORDER BY coalesce(last_assessment_date, '') DESC, updated_at DESC"

static SihuaCompany *
company_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  SihuaCompany *company;
  g_autofree char *size = NULL;

  /* NOT NULL in the schema, but the UUID may be read from its index, which
   * quick_check does not compare with the table; a damaged one can hand out
   * NULL. */
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
      sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT,
                   _("A company is stored incompletely: the database is damaged"));
      return NULL;
    }
  if (!sihua_row_text_check (stmt, SIHUA_ROW_COMPANY, 2, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT, error))
    return NULL;

  company = g_new0 (SihuaCompany, 1);
  company->id = sqlite3_column_int64 (stmt, 0);
  company->uuid = _sihua_store_column_text (stmt, 1);
  company->name = _sihua_store_column_text (stmt, 2);
  company->uscc = _sihua_store_column_text (stmt, 3);
  company->industry = _sihua_store_column_text (stmt, 4);
  size = _sihua_store_column_text (stmt, 5);
  if (!sihua_company_size_from_string (size, &company->size))
    company->size = SIHUA_COMPANY_SIZE_UNKNOWN;
  company->employees = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
  company->region = _sihua_store_column_text (stmt, 7);
  company->address = _sihua_store_column_text (stmt, 8);
  company->contact = _sihua_store_column_text (stmt, 9);
  company->notes = _sihua_store_column_text (stmt, 10);
  company->created_at = sqlite3_column_int64 (stmt, 11);
  company->updated_at = sqlite3_column_int64 (stmt, 12);
  company->last_assessment_date = _sihua_store_column_text (stmt, 13);
  company->latest_stage = sqlite3_column_type (stmt, 14) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 14);
  company->n_assessments = sqlite3_column_int (stmt, 15);

  return company;
}

static char *
empty_to_null (char *text)
{
  if (text != NULL)
    g_strstrip (text);
  if (text != NULL && *text == '\0')
    {
      g_free (text);
      return NULL;
    }

  return text;
}

/* Cleans what the user typed, in place, and refuses what cannot be stored. */
static gboolean
normalize_company (SihuaCompany  *company,
                   GError       **error)
{
  company->name = empty_to_null (company->name);
  company->industry = empty_to_null (company->industry);
  company->region = empty_to_null (company->region);
  company->address = empty_to_null (company->address);
  company->contact = empty_to_null (company->contact);
  company->notes = empty_to_null (company->notes);

  if (company->name == NULL)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("A company needs a name"));
      return FALSE;
    }

  if (company->uscc != NULL)
    {
      g_autofree char *normalized = sihua_uscc_normalize (company->uscc);
      g_autoptr(GError) uscc_error = NULL;

      g_free (company->uscc);
      company->uscc = empty_to_null (g_steal_pointer (&normalized));
      if (company->uscc != NULL && !sihua_uscc_validate (company->uscc, &uscc_error))
        {
          g_set_error_literal (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                               uscc_error->message);
          return FALSE;
        }
    }

  if (company->employees < -1)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   _("The number of employees cannot be negative (%d)"), company->employees);
      return FALSE;
    }

  return TRUE;
}

/* What search-as-you-type matches against: name, region and industry,
 * case-folded so "abc" finds "ABC". Bundle imports fill the same column, so
 * the rule lives here once. */
char *
_sihua_store_search_key (const char *name,
                         const char *region,
                         const char *industry)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       name != NULL ? name : "",
                                       region != NULL ? region : "",
                                       industry != NULL ? industry : "",
                                       NULL);

  return g_utf8_casefold (joined, -1);
}

static void
bind_company (sqlite3_stmt       *stmt,
              const SihuaCompany *company)
{
  g_autofree char *key = _sihua_store_search_key (company->name, company->region,
                                                  company->industry);

  _sihua_store_bind_text (stmt, 1, company->name);
  _sihua_store_bind_text (stmt, 2, company->uscc);
  _sihua_store_bind_text (stmt, 3, company->industry);
  _sihua_store_bind_text (stmt, 4, sihua_company_size_to_string (company->size));
  if (company->employees < 0)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int (stmt, 5, company->employees);
  _sihua_store_bind_text (stmt, 6, company->region);
  _sihua_store_bind_text (stmt, 7, company->address);
  _sihua_store_bind_text (stmt, 8, company->contact);
  _sihua_store_bind_text (stmt, 9, company->notes);
  _sihua_store_bind_text (stmt, 10, key);
  sqlite3_bind_int64 (stmt, 11, company->updated_at);
}

static gboolean
uscc_taken (SihuaStore  *self,
            const char  *uscc,
            gint64       except_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (uscc == NULL)
    return FALSE;

  stmt = _sihua_store_prepare (self, "SELECT name, deleted_at IS NOT NULL FROM companies WHERE uscc = ? AND id != ?", NULL);
  if (stmt == NULL)
    return FALSE;
  _sihua_store_bind_text (stmt, 1, uscc);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
                   sqlite3_column_int (stmt, 1)
                   ? _("The unified social credit code %s already belongs to “%s”, which is in the trash; restore it and merge the two companies, or empty the trash")
                   : _("The unified social credit code %s already belongs to “%s”"),
                   uscc, sqlite3_column_text (stmt, 0));
      taken = TRUE;
    }
  sqlite3_finalize (stmt);

  return taken;
}

/**
 * sihua_store_add_company:
 * @self: a store
 * @company: (inout): the company; its strings are cleaned, and @id, @uuid,
 *   @created_at and @updated_at are set when it is stored
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Stores a new company. A wrong 统一社会信用代码 is refused with
 * %SIHUA_STORE_ERROR_INVALID and a message naming the position or the
 * expected check character; so is a code another company already has.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64
sihua_store_add_company (SihuaStore    *self,
                         SihuaCompany  *company,
                         GError       **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time ();
  gint64 id = 0;

  g_return_val_if_fail (SIHUA_IS_STORE (self), 0);
  g_return_val_if_fail (company != NULL, 0);

  if (!normalize_company (company, error))
    return 0;

  g_mutex_lock (&self->mutex);

  if (!_sihua_store_begin (self, error))
    goto out;
  if (uscc_taken (self, company->uscc, 0, error))
    goto rollback;

  company->updated_at = now;
  stmt = _sihua_store_prepare (self,
                               "INSERT INTO companies (name, uscc, industry, size, employees, region,"
                               " address, contact, notes, search_key, updated_at, uuid, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    goto rollback;
  bind_company (stmt, company);
  _sihua_store_bind_text (stmt, 12, uuid);
  sqlite3_bind_int64 (stmt, 13, now);
  if (!_sihua_store_step_done (self, stmt, error))
    goto rollback;

  id = sqlite3_last_insert_rowid (self->db);
  if (!_sihua_store_commit (self, error))
    {
      id = 0;
      goto out;
    }

  company->id = id;
  company->created_at = now;
  g_free (company->uuid);
  company->uuid = g_steal_pointer (&uuid);
  goto out;

rollback:
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return id;
}

/**
 * sihua_store_update_company:
 * @self: a store
 * @company: (inout): the company with its @id; every field is written, and
 *   @updated_at is set
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Returns: whether the change was committed
 */
gboolean
sihua_store_update_company (SihuaStore    *self,
                            SihuaCompany  *company,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_STORE (self), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  if (!normalize_company (company, error))
    return FALSE;

  g_mutex_lock (&self->mutex);

  if (!_sihua_store_begin (self, error))
    goto out;
  if (uscc_taken (self, company->uscc, company->id, error))
    goto rollback;

  company->updated_at = g_get_real_time ();
  stmt = _sihua_store_prepare (self,
                               "UPDATE companies SET name = ?, uscc = ?, industry = ?, size = ?,"
                               " employees = ?, region = ?, address = ?, contact = ?, notes = ?,"
                               " search_key = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                               error);
  if (stmt == NULL)
    goto rollback;
  bind_company (stmt, company);
  sqlite3_bind_int64 (stmt, 12, company->id);
  if (!_sihua_store_step_done (self, stmt, error))
    goto rollback;
  if (sqlite3_changes (self->db) == 0)
    {
      _sihua_store_check_company_live (self, company->id, error);
      goto rollback;
    }

  ok = _sihua_store_commit (self, error);
  goto out;

rollback:
  _sihua_store_rollback (self);
out:
  g_mutex_unlock (&self->mutex);

  return ok;
}

/**
 * sihua_store_get_company:
 * @self: a store
 * @id: a company id
 * @error: return location for a #SIHUA_STORE_ERROR (%SIHUA_STORE_ERROR_NOT_FOUND)
 *
 * Returns: (transfer full): the company, or %NULL with @error set
 */
SihuaCompany *
sihua_store_get_company (SihuaStore  *self,
                         gint64       id,
                         GError     **error)
{
  SihuaCompany *company = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  stmt = _sihua_store_prepare (self,
                               "SELECT " COMPANY_COLUMNS " FROM companies WHERE id = ? AND deleted_at IS NULL",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        company = company_from_row (stmt, error);
      else if (rc == SQLITE_DONE)
        _sihua_store_check_company_live (self, id, error);
      else
        _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return company;
}

static void
append_escaped_like (GString    *pattern,
                     const char *term)
{
  g_string_append_c (pattern, '%');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
}

GPtrArray *
_sihua_store_search_locked (SihuaStore  *self,
                            const char  *query,
                            guint        limit,
                            GError     **error)
{
  g_autoptr(GPtrArray) companies = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_company_free);
  g_autoptr(GString) sql = g_string_new ("SELECT " COMPANY_COLUMNS " FROM companies WHERE deleted_at IS NULL");
  g_autofree char *folded = g_utf8_casefold (query != NULL ? query : "", -1);
  g_auto(GStrv) wide = g_strsplit (folded, "\u3000", -1);  /* the full-width space */
  g_autofree char *spaced = g_strjoinv (" ", wide);
  g_auto(GStrv) terms = g_strsplit_set (spaced, " \t\n", -1);
  sqlite3_stmt *stmt;
  int n_bound = 0;
  int rc;

  /* Every word must match somewhere; only placeholders go into the SQL. */
  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0')
      g_string_append (sql, " AND search_key LIKE ? ESCAPE '\\'");
  g_string_append (sql, COMPANY_ORDER);
  if (limit > 0)
    g_string_append (sql, " LIMIT ?");

  stmt = _sihua_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0')
      {
        g_autoptr(GString) pattern = g_string_new (NULL);

        append_escaped_like (pattern, terms[i]);
        _sihua_store_bind_text (stmt, ++n_bound, pattern->str);
      }
  if (limit > 0)
    sqlite3_bind_int64 (stmt, ++n_bound, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SihuaCompany *company = company_from_row (stmt, error);

      if (company == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (companies, company);
    }

  if (rc != SQLITE_DONE)
    {
      _sihua_store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&companies);
}

/**
 * sihua_store_search_companies:
 * @self: a store
 * @query: (nullable): words typed so far; each must occur in the name, the
 *   region or the industry code (case does not matter). %NULL or "" lists all.
 * @limit: at most this many rows, 0 for no limit
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Companies sorted by their latest assessment date (newest first; never
 * assessed ones last, most recently edited first). Each row carries
 * @last_assessment_date, @latest_stage and @n_assessments. Fast enough for
 * search-as-you-type over 10 000 companies; the GUI should still use
 * sihua_store_search_companies_async().
 *
 * Returns: (transfer full) (element-type SihuaCompany): the companies, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_search_companies (SihuaStore  *self,
                              const char  *query,
                              guint        limit,
                              GError     **error)
{
  GPtrArray *companies;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  companies = _sihua_store_search_locked (self, query, limit, error);
  g_mutex_unlock (&self->mutex);

  return companies;
}

/**
 * sihua_store_list_companies:
 * @self: a store
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * All companies, in the order of sihua_store_search_companies().
 *
 * Returns: (transfer full) (element-type SihuaCompany): the companies, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_list_companies (SihuaStore  *self,
                            GError     **error)
{
  return sihua_store_search_companies (self, NULL, 0, error);
}
