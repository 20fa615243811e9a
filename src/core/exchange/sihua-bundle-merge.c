/* sihua-bundle-merge.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-bundle-merge-private.h"
#include "sihua-exchange-db.h"
#include "sihua-results.h"
#include "sihua-store-private.h"

/*
 * Merging a bundle into the store, keyed by UUID. A row missing here is
 * added; a row equal on every compared column is skipped. Answers are
 * matched by assessment and question (one answer per question) and merged
 * one by one against their common history (sihua-bundle-merge-answers.c):
 * a change made on one side only is taken, and only an answer changed on
 * both sides is a conflict. Company and assessment fields carry no history,
 * so fields that differ are a conflict. A conflict is settled by the user's
 * choice: keep mine, take theirs, or keep both (theirs becomes a copy with
 * a new UUID). History is matched by UUID and only grows: whatever the
 * choice, the bundle's history rows are kept. A company that is here under
 * another UUID with the same credit code is offered as the same company.
 * Everything runs in one transaction on the store's connection: the first
 * failure rolls all of it back.
 */

typedef enum
{
  PLAN_ADD,
  PLAN_SKIP,
  PLAN_MERGE,      /* the assessment is the same; some answers are new */
  PLAN_CONFLICT,
} PlanAction;

static const char * const choice_names[] = { "none", "mine", "theirs", "both" };
static const char * const kind_names[] = { "company", "assessment", "same_company" };

gboolean
sihua_bundle_choice_from_string (const char        *text,
                                 SihuaBundleChoice *choice)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = SIHUA_BUNDLE_CHOICE_MINE; i < G_N_ELEMENTS (choice_names); i++)
    if (strcmp (text, choice_names[i]) == 0)
      {
        *choice = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sihua_bundle_choice_to_string (SihuaBundleChoice choice)
{
  g_return_val_if_fail (choice < G_N_ELEMENTS (choice_names), NULL);

  return choice_names[choice];
}

static void
conflict_free (SihuaBundleConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->label);
  g_strfreev (conflict->fields);
  g_clear_pointer (&conflict->answers, g_ptr_array_unref);
  g_free (conflict->local_uuid);
  g_free (conflict->local_label);
  g_free (conflict);
}

void
sihua_bundle_report_free (SihuaBundleReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

static SihuaBundleConflict *
find_conflict (SihuaBundleReport *report,
               const char        *uuid)
{
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, i);
      if (strcmp (conflict->uuid, uuid) == 0)
        return conflict;
    }

  return NULL;
}


/* The prepared statement for @sql, reset and ready to bind: an import runs
 * the same few statements for every row. */
sqlite3_stmt *
_sihua_bundle_merge_stmt (Merge       *merge,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (merge->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sihua_exchange_db_error (merge->db, error);
      return NULL;
    }
  g_hash_table_insert (merge->stmts, g_strdup (sql), stmt);

  return stmt;
}

static JsonObject *
merge_lookup (Merge              *merge,
              const BundleTable  *table,
              const char         *uuid,
              GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s = ?1", table->select_sql, table->uuid_sql);
  sqlite3_stmt *stmt = _sihua_bundle_merge_stmt (merge, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _sihua_bundle_row_to_object (stmt, table);
  if (rc != SQLITE_DONE)
    sihua_exchange_db_error (merge->db, error);

  return NULL;
}

static GHashTable *
group_rows (JsonArray *rows)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *key = json_object_get_string_member (row, "assessment_uuid");
      GPtrArray *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) key, group);
        }
      g_ptr_array_add (group, row);
    }

  return groups;
}

gboolean
_sihua_bundle_insert_row (Merge              *merge,
                          BundleTableId       table_id,
                          JsonObject         *row,
                          const char         *new_uuid,
                          const char         *new_parent,
                          GError            **error)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];
  sqlite3_stmt *stmt = _sihua_bundle_merge_stmt (merge, table->insert_sql, error);

  if (stmt == NULL)
    return FALSE;

  _sihua_bundle_bind_row (stmt, table, row);
  if (new_uuid != NULL)
    sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_TRANSIENT);
  if (new_parent != NULL)
    sqlite3_bind_text (stmt, 2, new_parent, -1, SQLITE_TRANSIENT);
  if (table_id == BUNDLE_TABLE_COMPANIES)
    {
      g_autofree char *key = _sihua_bundle_search_key (row);
      sqlite3_bind_text (stmt, 13, key, -1, SQLITE_TRANSIENT);
      /* A copy cannot share the USCC, which must stay unique. */
      if (new_uuid != NULL)
        sqlite3_bind_null (stmt, 3);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);

  return TRUE;
}

static gboolean
add_model (Merge       *merge,
           JsonObject  *assessment,
           GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s",
                                          json_object_get_string_member (assessment, "model_id"),
                                          json_object_get_string_member (assessment, "model_version"));
  GBytes *bytes = g_hash_table_lookup (merge->bundle->models, key);
  sqlite3_stmt *stmt;
  g_autofree char *uuid = NULL;
  gsize length;
  const void *data;

  g_assert (bytes != NULL);

  if (g_hash_table_contains (merge->models_done, key))
    return TRUE;
  g_hash_table_add (merge->models_done, g_strdup (key));

  stmt = _sihua_bundle_merge_stmt (merge,
                     "INSERT OR IGNORE INTO models (uuid, model_id, model_version, json, stored_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     error);
  if (stmt == NULL)
    return FALSE;

  uuid = g_uuid_string_random ();
  data = g_bytes_get_data (bytes, &length);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sihua_exchange_bind_text (stmt, 2, json_object_get_string_member (assessment, "model_id"));
  sihua_exchange_bind_text (stmt, 3, json_object_get_string_member (assessment, "model_version"));
  sqlite3_bind_blob (stmt, 4, data, length, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, merge->now);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);
  if (sqlite3_changes (merge->db) > 0)
    merge->report->models_added++;

  return TRUE;
}

static gboolean
row_exists (Merge         *merge,
            BundleTableId  table_id,
            const char    *uuid,
            gboolean      *exists,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) row = merge_lookup (merge, &sihua_bundle_tables[table_id],
                                                        uuid, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *exists = row != NULL;
  return TRUE;
}

static gboolean
add_new_history (Merge       *merge,
                 const char  *assessment_uuid,
                 GError     **error)
{
  GPtrArray *history = g_hash_table_lookup (merge->history_by_assessment, assessment_uuid);

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      JsonObject *row = g_ptr_array_index (history, i);
      gboolean exists;

      if (!row_exists (merge, BUNDLE_TABLE_HISTORY, json_object_get_string_member (row, "uuid"),
                       &exists, error))
        return FALSE;
      if (exists)
        continue;
      merge->report->history_added++;
      if (merge->apply && !_sihua_bundle_insert_row (merge, BUNDLE_TABLE_HISTORY, row, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds their assessment, answers and history; with @copy all of them under
 * new UUIDs. */
static gboolean
add_assessment (Merge       *merge,
                JsonObject  *assessment,
                gboolean     copy,
                GError     **error)
{
  const char *uuid = json_object_get_string_member (assessment, "uuid");
  g_autofree char *new_uuid = copy ? g_uuid_string_random () : NULL;
  GPtrArray *answers = g_hash_table_lookup (merge->answers_by_assessment, uuid);
  GPtrArray *history = g_hash_table_lookup (merge->history_by_assessment, uuid);

  merge->report->answers_added += answers != NULL ? answers->len : 0;
  merge->report->history_added += history != NULL ? history->len : 0;
  /* Their evidence goes with the copy, not onto mine. */
  if (copy)
    g_hash_table_insert (merge->assessment_copies, (gpointer) uuid,
                         g_strdup (new_uuid != NULL ? new_uuid : ""));
  if (!merge->apply)
    return TRUE;

  if (!add_model (merge, assessment, error) ||
      !_sihua_bundle_insert_row (merge, BUNDLE_TABLE_ASSESSMENTS, assessment, new_uuid,
                                 g_hash_table_lookup (merge->company_map,
                                                      json_object_get_string_member (assessment, "company_uuid")),
                                 error))
    return FALSE;

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      g_autofree char *answer_uuid = copy ? g_uuid_string_random () : NULL;
      if (!_sihua_bundle_insert_row (merge, BUNDLE_TABLE_ANSWERS, g_ptr_array_index (answers, i),
                       answer_uuid, new_uuid, error))
        return FALSE;
    }
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      g_autofree char *history_uuid = copy ? g_uuid_string_random () : NULL;
      if (!_sihua_bundle_insert_row (merge, BUNDLE_TABLE_HISTORY, g_ptr_array_index (history, i),
                       history_uuid, new_uuid, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_their_fields (Merge              *merge,
                     BundleTableId       table_id,
                     JsonObject         *theirs,
                     GError            **error)
{
  const BundleTable *table = &sihua_bundle_tables[table_id];
  g_autoptr(GString) sql = g_string_new ("UPDATE ");
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  guint n = 0;

  g_string_append (sql, table_id == BUNDLE_TABLE_COMPANIES ? "companies SET " : "assessments SET ");
  for (guint c = 0; c < table->n_columns; c++)
    {
      const BundleColumn *column = &table->columns[c];

      if (!column->compared && strcmp (column->name, "updated_at") != 0)
        continue;
      g_string_append_printf (sql, "%s%s = ?%u", n++ > 0 ? ", " : "", column->name, c + 1);
    }
  if (table_id == BUNDLE_TABLE_COMPANIES)
    g_string_append (sql, ", search_key = ?13");
  g_string_append (sql, " WHERE uuid = ?1");

  stmt = sihua_exchange_db_prepare (merge->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  _sihua_bundle_bind_row (stmt->stmt, table, theirs);
  if (table_id == BUNDLE_TABLE_COMPANIES)
    {
      g_autofree char *key = _sihua_bundle_search_key (theirs);
      sqlite3_bind_text (stmt->stmt, 13, key, -1, SQLITE_TRANSIENT);
    }

  if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (merge->db, error);

  return TRUE;
}

static SihuaBundleConflict *
note_conflict (Merge              *merge,
               SihuaBundleRowKind  kind,
               const char         *uuid,
               const char         *label,
               GPtrArray          *fields)
{
  SihuaBundleConflict *conflict = find_conflict (merge->report, uuid);

  if (conflict != NULL)
    return conflict;

  conflict = g_new0 (SihuaBundleConflict, 1);
  conflict->kind = kind;
  conflict->uuid = g_strdup (uuid);
  conflict->label = g_strdup (label);
  g_ptr_array_add (fields, NULL);
  conflict->fields = g_strdupv ((GStrv) fields->pdata);
  conflict->choice = SIHUA_BUNDLE_CHOICE_NONE;
  conflict->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_bundle_answer_conflict_free);
  g_ptr_array_add (merge->report->conflicts, conflict);

  return conflict;
}

/* The fields of @table in which @mine and @theirs differ. */
static void
differing_fields (const BundleTable *table,
                  JsonObject        *mine,
                  JsonObject        *theirs,
                  GPtrArray         *fields)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].compared &&
        !_sihua_bundle_values_equal (mine, theirs, &table->columns[c]))
      g_ptr_array_add (fields, g_strdup (table->columns[c].name));
}

/* Their company, under its own UUID but without its credit code, which
 * stays with the company here. */
static gboolean
add_company_apart (Merge       *merge,
                   JsonObject  *theirs,
                   GError     **error)
{
  g_autoptr(JsonObject) apart = json_object_new ();

  for (guint c = 0; c < sihua_bundle_tables[BUNDLE_TABLE_COMPANIES].n_columns; c++)
    {
      const char *name = sihua_bundle_tables[BUNDLE_TABLE_COMPANIES].columns[c].name;
      JsonNode *value = json_object_get_member (theirs, name);

      if (value != NULL && strcmp (name, "uscc") != 0)
        json_object_set_member (apart, name, json_node_copy (value));
    }

  return _sihua_bundle_insert_row (merge, BUNDLE_TABLE_COMPANIES, apart, NULL, NULL, error);
}

/* Their company is not here by UUID, but @local (uuid, name) has its
 * credit code: the same client, entered on both laptops. */
static gboolean
merge_same_company (Merge       *merge,
                    JsonObject  *theirs,
                    const char  *local_uuid,
                    GError     **error)
{
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_COMPANIES];
  const char *uuid = json_object_get_string_member (theirs, "uuid");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) mine = merge_lookup (merge, table, local_uuid, &local_error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  SihuaBundleConflict *conflict;

  if (mine == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_FAILED,
                     _("The database changed while the bundle was being imported; nothing was imported"));
      return FALSE;
    }

  differing_fields (table, mine, theirs, fields);
  conflict = note_conflict (merge, SIHUA_BUNDLE_ROW_SAME_COMPANY, uuid,
                            json_object_get_string_member (theirs, "name"), fields);
  if (conflict->local_uuid == NULL)
    {
      conflict->local_uuid = g_strdup (local_uuid);
      conflict->local_label = g_strdup (json_object_get_string_member (mine, "name"));
    }

  switch (conflict->choice)
    {
    case SIHUA_BUNDLE_CHOICE_NONE:
      /* Analysis: their assessments would go under the company here. */
      g_hash_table_insert (merge->company_map, (gpointer) uuid, g_strdup (local_uuid));
      return TRUE;
    case SIHUA_BUNDLE_CHOICE_MINE:
    case SIHUA_BUNDLE_CHOICE_THEIRS:
      g_hash_table_insert (merge->company_map, (gpointer) uuid, g_strdup (local_uuid));
      merge->report->companies_merged++;
      if (!merge->apply || conflict->choice == SIHUA_BUNDLE_CHOICE_MINE)
        return TRUE;
      {
        /* Their details on the company here, which keeps its UUID. */
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
        g_autoptr(JsonNode) renamed = NULL;

        json_node_set_object (node, theirs);
        renamed = json_node_copy (node);
        json_object_set_string_member (json_node_get_object (renamed), "uuid", local_uuid);
        return update_their_fields (merge, BUNDLE_TABLE_COMPANIES, json_node_get_object (renamed), error);
      }
    case SIHUA_BUNDLE_CHOICE_BOTH:
      merge->report->companies_added++;
      return !merge->apply || add_company_apart (merge, theirs, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
merge_company (Merge       *merge,
               JsonObject  *theirs,
               GError     **error)
{
  const char *uuid = json_object_get_string_member (theirs, "uuid");
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_COMPANIES];
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) mine = merge_lookup (merge, table, uuid, &local_error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  SihuaBundleConflict *conflict;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (mine == NULL)
    {
      const char *uscc = json_object_get_string_member_with_default (theirs, "uscc", NULL);

      if (uscc != NULL)
        {
          sqlite3_stmt *stmt = _sihua_bundle_merge_stmt (merge, "SELECT uuid FROM companies WHERE uscc = ?1", error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, uscc, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              g_autofree char *local_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              return merge_same_company (merge, theirs, local_uuid, error);
            }
          if (rc != SQLITE_DONE)
            return sihua_exchange_db_error (merge->db, error);
        }

      merge->report->companies_added++;
      return !merge->apply || _sihua_bundle_insert_row (merge, BUNDLE_TABLE_COMPANIES, theirs, NULL, NULL, error);
    }

  differing_fields (table, mine, theirs, fields);
  if (fields->len == 0)
    {
      merge->report->companies_skipped++;
      return TRUE;
    }

  conflict = note_conflict (merge, SIHUA_BUNDLE_ROW_COMPANY, uuid,
                            json_object_get_string_member (mine, "name"), fields);
  if (!merge->apply)
    return TRUE;

  switch (conflict->choice)
    {
    case SIHUA_BUNDLE_CHOICE_MINE:
      return TRUE;
    case SIHUA_BUNDLE_CHOICE_THEIRS:
      return update_their_fields (merge, BUNDLE_TABLE_COMPANIES, theirs, error);
    case SIHUA_BUNDLE_CHOICE_BOTH:
      {
        g_autofree char *copy_uuid = g_uuid_string_random ();
        return _sihua_bundle_insert_row (merge, BUNDLE_TABLE_COMPANIES, theirs, copy_uuid, NULL, error);
      }
    case SIHUA_BUNDLE_CHOICE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* An assessment here and in the bundle under the same UUID must be the
 * same one: the same company (or the one merged with it) and model. */
static gboolean
check_same_assessment (Merge       *merge,
                       JsonObject  *mine,
                       JsonObject  *theirs,
                       GError     **error)
{
  const char *their_company = json_object_get_string_member (theirs, "company_uuid");
  const char *mapped = g_hash_table_lookup (merge->company_map, their_company);
  const char *name = g_hash_table_lookup (merge->company_names, their_company);

  if (g_strcmp0 (json_object_get_string_member (mine, "company_uuid"),
                 mapped != NULL ? mapped : their_company) != 0)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The assessment of “%s” dated %s in the bundle is an assessment of another company on this computer; nothing was imported"),
                   name, json_object_get_string_member (theirs, "date"));
      return FALSE;
    }

  if (g_strcmp0 (json_object_get_string_member (mine, "model_id"),
                 json_object_get_string_member (theirs, "model_id")) != 0 ||
      g_strcmp0 (json_object_get_string_member (mine, "model_version"),
                 json_object_get_string_member (theirs, "model_version")) != 0)
    {
      g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID,
                   _("The assessment of “%s” dated %s uses the model %s %s in the bundle but %s %s on this computer; nothing was imported"),
                   name, json_object_get_string_member (theirs, "date"),
                   json_object_get_string_member (theirs, "model_id"),
                   json_object_get_string_member (theirs, "model_version"),
                   json_object_get_string_member (mine, "model_id"),
                   json_object_get_string_member (mine, "model_version"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
merge_assessment (Merge       *merge,
                  JsonObject  *theirs,
                  GError     **error)
{
  const char *uuid = json_object_get_string_member (theirs, "uuid");
  const BundleTable *table = &sihua_bundle_tables[BUNDLE_TABLE_ASSESSMENTS];
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) mine = merge_lookup (merge, table, uuid, &local_error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) plans = NULL;
  SihuaBundleConflict *conflict = NULL;
  SihuaBundleChoice choice = SIHUA_BUNDLE_CHOICE_NONE;
  guint n_taken = 0;
  gboolean fields_differ;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (mine == NULL)
    {
      merge->report->assessments_added++;
      return add_assessment (merge, theirs, FALSE, error);
    }

  if (!check_same_assessment (merge, mine, theirs, error))
    return FALSE;

  /* A finalised assessment here is frozen: nothing of theirs goes in (see
   * sihua-bundle-record.c for the whole rule). */
  if (json_object_get_int_member_with_default (mine, "finalized_at", 0) != 0)
    {
      merge->report->assessments_kept_final++;
      return TRUE;
    }

  differing_fields (table, mine, theirs, fields);
  fields_differ = fields->len > 0;
  plans = _sihua_bundle_plan_answers (merge, uuid, error);
  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      AnswerPlan *plan = g_ptr_array_index (plans, i);

      if (plan->changed == BUNDLE_CHANGED_BOTH)
        g_ptr_array_add (fields, g_strconcat ("answer:", plan->question_id, NULL));
      else if (plan->changed == BUNDLE_CHANGED_THEIRS)
        n_taken++;
    }

  if (fields->len > 0)
    {
      g_autofree char *label = g_strdup_printf ("%s — %s",
                                                (const char *)g_hash_table_lookup (merge->company_names,
                                                                                   json_object_get_string_member (theirs, "company_uuid")),
                                                json_object_get_string_member (theirs, "date"));
      conflict = note_conflict (merge, SIHUA_BUNDLE_ROW_ASSESSMENT, uuid, label, fields);
      if (conflict->answers->len == 0)
        for (guint i = 0; i < plans->len; i++)
          {
            AnswerPlan *plan = g_ptr_array_index (plans, i);

            if (plan->changed == BUNDLE_CHANGED_BOTH)
              g_ptr_array_add (conflict->answers, _sihua_bundle_answer_conflict_new (plan));
          }
      choice = conflict->choice;
    }
  else if (n_taken > 0)
    merge->report->assessments_merged++;
  else
    merge->report->assessments_skipped++;

  /* Keep both: mine stays as it is; theirs, whole, becomes a copy. */
  if (choice == SIHUA_BUNDLE_CHOICE_BOTH)
    return add_assessment (merge, theirs, TRUE, error);

  /* Their history first, whatever the choice: nothing of theirs is lost,
   * and the merge's own rows come after it, as the latest changes. */
  if (!add_new_history (merge, uuid, error) ||
      !_sihua_bundle_apply_answers (merge, uuid, plans, choice, error))
    return FALSE;
  if (merge->apply && (n_taken > 0 || choice == SIHUA_BUNDLE_CHOICE_THEIRS))
    g_ptr_array_add (merge->rescore, g_strdup (uuid));

  if (merge->apply && fields_differ && choice == SIHUA_BUNDLE_CHOICE_THEIRS)
    return update_their_fields (merge, BUNDLE_TABLE_ASSESSMENTS, theirs, error);

  return TRUE;
}

static gboolean
fix_previous_links (Merge   *merge,
                    GError **error)
{
  JsonArray *rows = merge->bundle->rows[BUNDLE_TABLE_ASSESSMENTS];
  g_autoptr(SihuaExchangeStmt) stmt = NULL;

  stmt = sihua_exchange_db_prepare (merge->db,
                                    "UPDATE assessments SET previous_id ="
                                    " (SELECT id FROM assessments WHERE uuid = ?2)"
                                    " WHERE uuid = ?1 AND previous_id IS NULL",
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *previous = json_object_get_string_member_with_default (row, "previous_uuid", NULL);

      if (previous == NULL)
        continue;
      sqlite3_reset (stmt->stmt);
      sihua_exchange_bind_text (stmt->stmt, 1, json_object_get_string_member (row, "uuid"));
      sihua_exchange_bind_text (stmt->stmt, 2, previous);
      if (sqlite3_step (stmt->stmt) != SQLITE_DONE)
        return sihua_exchange_db_error (merge->db, error);
    }

  return TRUE;
}

static gboolean
run_merge (Merge   *merge,
           GError **error)
{
  JsonArray *companies = merge->bundle->rows[BUNDLE_TABLE_COMPANIES];
  JsonArray *assessments = merge->bundle->rows[BUNDLE_TABLE_ASSESSMENTS];

  for (guint r = 0; r < json_array_get_length (companies); r++)
    {
      JsonObject *row = json_array_get_object_element (companies, r);

      g_hash_table_insert (merge->company_names,
                           (gpointer) json_object_get_string_member (row, "uuid"),
                           (gpointer) json_object_get_string_member (row, "name"));
      if (!merge_company (merge, row, error))
        return FALSE;
    }

  for (guint r = 0; r < json_array_get_length (assessments); r++)
    if (!merge_assessment (merge, json_array_get_object_element (assessments, r), error))
      return FALSE;

  if (merge->apply && !fix_previous_links (merge, error))
    return FALSE;

  return _sihua_bundle_merge_evidence (merge, error) && _sihua_bundle_merge_record (merge, error);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
merge_init (Merge              *merge,
            SihuaBundle        *bundle,
            SihuaStore         *store,
            SihuaBundleReport  *report,
            gboolean            apply)
{
  memset (merge, 0, sizeof *merge);
  merge->db = store->db;
  merge->bundle = bundle;
  merge->report = report;
  merge->apply = apply;
  merge->answers_by_assessment = group_rows (bundle->rows[BUNDLE_TABLE_ANSWERS]);
  merge->history_by_assessment = group_rows (bundle->rows[BUNDLE_TABLE_HISTORY]);
  merge->company_names = g_hash_table_new (g_str_hash, g_str_equal);
  merge->company_map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  merge->now = g_get_real_time ();
  merge->author = store->author;
  merge->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        finalize_stmt);
  merge->models_done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge->rescore = g_ptr_array_new_with_free_func (g_free);
  merge->assessment_copies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
merge_clear (Merge *merge)
{
  g_clear_pointer (&merge->answers_by_assessment, g_hash_table_unref);
  g_clear_pointer (&merge->history_by_assessment, g_hash_table_unref);
  g_clear_pointer (&merge->company_names, g_hash_table_unref);
  g_clear_pointer (&merge->company_map, g_hash_table_unref);
  g_clear_pointer (&merge->stmts, g_hash_table_unref);
  g_clear_pointer (&merge->models_done, g_hash_table_unref);
  g_clear_pointer (&merge->rescore, g_ptr_array_unref);
  g_clear_pointer (&merge->assessment_copies, g_hash_table_unref);
}

static void
reset_counts (SihuaBundleReport *report)
{
  GPtrArray *conflicts = report->conflicts;

  memset (report, 0, sizeof *report);
  report->conflicts = conflicts;
}

/**
 * sihua_bundle_analyse:
 * @bundle: a loaded bundle
 * @store: the database to merge into
 * @choice: the choice every conflict starts with
 *
 * Returns: (transfer full): what an import would do, or %NULL with @error set.
 */
SihuaBundleReport *
sihua_bundle_analyse (SihuaBundle        *bundle,
                      SihuaStore         *store,
                      SihuaBundleChoice   choice,
                      GError            **error)
{
  g_autoptr(SihuaBundleReport) report = NULL;
  Merge merge;
  gboolean ok;

  g_return_val_if_fail (bundle != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  report = g_new0 (SihuaBundleReport, 1);
  report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);

  g_mutex_lock (&store->mutex);
  merge_init (&merge, bundle, store, report, FALSE);
  ok = _sihua_bundle_check_models (bundle, store->db, error) && run_merge (&merge, error);
  merge_clear (&merge);
  g_mutex_unlock (&store->mutex);

  if (!ok)
    return NULL;

  for (guint i = 0; i < report->conflicts->len; i++)
    ((SihuaBundleConflict *) g_ptr_array_index (report->conflicts, i))->choice = choice;

  return g_steal_pointer (&report);
}

/* Scores again, through their results, the assessments whose answers the
 * merge (or a sync) changed, so the stage cached for lists is right. The
 * merge is committed: a failure here is logged and changes nothing of it. */
void
_sihua_bundle_rescore_assessments (SihuaStore *store,
                                   GPtrArray  *uuids)
{
  if (uuids == NULL)
    return;

  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      g_autoptr(SihuaAssessment) assessment = NULL;
      g_autoptr(SihuaResults) results = NULL;
      g_autoptr(GError) error = NULL;

      assessment = sihua_store_get_assessment_by_uuid (store, uuid, &error);
      if (assessment != NULL)
        results = sihua_results_load (store, assessment->id, NULL, &error);
      if (results == NULL)
        g_message ("The merged assessment %s was not scored again: %s", uuid, error->message);
    }
}

/**
 * sihua_bundle_import:
 * @bundle: a loaded bundle
 * @store: the database to merge into
 * @report: (inout): from sihua_bundle_analyse(), with a choice for each
 *   conflict; its counts become what was done
 *
 * Returns: %TRUE when the bundle was merged; on %FALSE nothing changed.
 */
gboolean
sihua_bundle_import (SihuaBundle        *bundle,
                     SihuaStore         *store,
                     SihuaBundleReport  *report,
                     GError            **error)
{
  g_autoptr(GPtrArray) rescore = NULL;
  Merge merge;
  gboolean ok;

  g_return_val_if_fail (bundle != NULL, FALSE);
  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, i);

      if (conflict->choice == SIHUA_BUNDLE_CHOICE_NONE)
        {
          g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CONFLICTS,
                       ngettext ("%u row differs between the bundle and this database; choose mine, theirs or both for it. Nothing was imported",
                                 "%u rows differ between the bundle and this database; choose mine, theirs or both for each. Nothing was imported",
                                 report->conflicts->len),
                       report->conflicts->len);
          return FALSE;
        }
    }

  if (!_sihua_store_check_writable (store, error))
    return FALSE;

  g_mutex_lock (&store->mutex);
  if (!_sihua_store_begin (store, error))
    {
      g_mutex_unlock (&store->mutex);
      return FALSE;
    }

  reset_counts (report);
  merge_init (&merge, bundle, store, report, TRUE);
  ok = _sihua_bundle_check_models (bundle, store->db, error) && run_merge (&merge, error);
  rescore = g_steal_pointer (&merge.rescore);
  merge_clear (&merge);

  /* A conflict that appeared since the analysis (the database changed in
   * between) has no choice: refuse rather than guess. */
  for (guint i = 0; ok && i < report->conflicts->len; i++)
    if (((SihuaBundleConflict *) g_ptr_array_index (report->conflicts, i))->choice == SIHUA_BUNDLE_CHOICE_NONE)
      {
        g_set_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CONFLICTS,
                     _("The database changed while the bundle was being imported; nothing was imported"));
        ok = FALSE;
      }

  if (ok)
    ok = _sihua_store_commit (store, error);
  if (!ok)
    _sihua_store_rollback (store);
  g_mutex_unlock (&store->mutex);

  if (ok)
    _sihua_bundle_rescore_assessments (store, rescore);

  return ok;
}

static void
add_state (JsonBuilder            *builder,
           const char             *name,
           SihuaBundleAnswerState *state)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
#define ADD_TEXT(member) \
  json_builder_set_member_name (builder, #member); \
  if (state->member != NULL) \
    json_builder_add_string_value (builder, state->member); \
  else \
    json_builder_add_null_value (builder)
  ADD_TEXT (value);
  ADD_TEXT (note);
  ADD_TEXT (evidence);
  ADD_TEXT (author);
#undef ADD_TEXT
  json_builder_set_member_name (builder, "changed_at");
  json_builder_add_int_value (builder, state->changed_at);
  json_builder_end_object (builder);
}

JsonNode *
sihua_bundle_report_to_json (SihuaBundleReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

#define ADD_COUNT(name) \
  json_builder_set_member_name (builder, #name); \
  json_builder_add_int_value (builder, report->name)

  json_builder_begin_object (builder);
  ADD_COUNT (companies_added);
  ADD_COUNT (companies_skipped);
  ADD_COUNT (assessments_added);
  ADD_COUNT (assessments_skipped);
  ADD_COUNT (assessments_merged);
  ADD_COUNT (companies_merged);
  ADD_COUNT (answers_added);
  ADD_COUNT (answers_taken);
  ADD_COUNT (answers_kept);
  ADD_COUNT (conflicts_resolved);
  ADD_COUNT (history_added);
  ADD_COUNT (models_added);
  ADD_COUNT (evidence_added);
  ADD_COUNT (interviewees_added);
  ADD_COUNT (interviewee_answers_added);
  ADD_COUNT (revisions_added);
  ADD_COUNT (finalisations_taken);
  ADD_COUNT (finalisations_refused);
  ADD_COUNT (assessments_kept_final);
#undef ADD_COUNT
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_names[conflict->kind]);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, conflict->uuid);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, conflict->label);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint f = 0; conflict->fields[f] != NULL; f++)
        json_builder_add_string_value (builder, conflict->fields[f]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "choice");
      json_builder_add_string_value (builder, sihua_bundle_choice_to_string (conflict->choice));
      if (conflict->local_uuid != NULL)
        {
          json_builder_set_member_name (builder, "same_as_uuid");
          json_builder_add_string_value (builder, conflict->local_uuid);
          json_builder_set_member_name (builder, "same_as_label");
          json_builder_add_string_value (builder, conflict->local_label);
        }
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint a = 0; a < conflict->answers->len; a++)
        {
          SihuaBundleAnswerConflict *answer = g_ptr_array_index (conflict->answers, a);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "question_id");
          json_builder_add_string_value (builder, answer->question_id);
          add_state (builder, "mine", &answer->mine);
          add_state (builder, "theirs", &answer->theirs);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
