/* sihua-sync-conflicts.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-sync-private.h"

/*
 * The conflicts a sync found, here or on another laptop: both values of an
 * answer changed on two sides since they last agreed. A conflict keeps the
 * sides as the laptop that found it saw them; another laptop sees them the
 * other way round ("mine" is always this laptop's side). Settling one
 * writes a history row like any change (so the answer's history says who
 * decided what) and records it as the conflict's resolution; the next sync
 * takes both to the server and every other laptop.
 */

static const char * const choice_names[] = { "mine", "theirs", "both" };

gboolean
sihua_sync_choice_from_string (const char      *text,
                               SihuaSyncChoice *choice)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (strcmp (text, choice_names[i]) == 0)
      {
        *choice = i;
        return TRUE;
      }

  return FALSE;
}

static void
state_clear (SihuaSyncState *state)
{
  g_clear_pointer (&state->value, g_free);
  g_clear_pointer (&state->note, g_free);
  g_clear_pointer (&state->evidence, g_free);
  g_clear_pointer (&state->author, g_free);
}

void
sihua_sync_conflict_free (SihuaSyncConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->uuid);
  g_free (conflict->assessment_uuid);
  g_free (conflict->company_name);
  g_free (conflict->question_id);
  g_free (conflict->resolution);
  state_clear (&conflict->mine);
  state_clear (&conflict->theirs);
  g_free (conflict);
}

static void
state_from (SihuaSyncState *state,
            JsonObject     *data,
            const char     *name)
{
  JsonObject *side = json_object_has_member (data, name) ? json_object_get_object_member (data, name) : NULL;

  if (side == NULL)
    return;
  state->value = g_strdup (json_object_get_string_member_with_default (side, "value", NULL));
  state->note = g_strdup (json_object_get_string_member_with_default (side, "note", NULL));
  state->evidence = g_strdup (json_object_get_string_member_with_default (side, "evidence", NULL));
  state->author = g_strdup (json_object_get_string_member_with_default (side, "author", NULL));
  state->changed_at = json_object_get_int_member_with_default (side, "changed_at", 0);
}

static GPtrArray *
list_locked (SihuaStore  *store,
             gboolean     all,
             const char  *prefix,
             GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_sync_conflict_free);
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  g_autofree char *device = _sihua_sync_state_get (store, "device", NULL);
  int rc;

  stmt = sihua_exchange_db_prepare (store->db,
                                    "SELECT s.uuid, s.assessment_uuid, s.question_id, s.data, s.detected_at,"
                                    " s.resolution, a.id, c.name"
                                    " FROM sync_conflicts s JOIN assessments a ON a.uuid = s.assessment_uuid"
                                    " JOIN companies c ON c.id = a.company_id"
                                    " WHERE (?1 OR s.resolution IS NULL)"
                                    " AND (?2 IS NULL OR substr (s.uuid, 1, length (?2)) = ?2)"
                                    " ORDER BY s.detected_at, s.uuid",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt->stmt, 1, all);
  sihua_exchange_bind_text (stmt->stmt, 2, prefix);

  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      SihuaSyncConflict *conflict = g_new0 (SihuaSyncConflict, 1);
      g_autoptr(JsonObject) data = _sihua_sync_parse_object ((const char *) sqlite3_column_text (stmt->stmt, 3), NULL);
      gboolean found_here;

      conflict->uuid = g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 0));
      conflict->assessment_uuid = g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 1));
      conflict->question_id = g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 2));
      conflict->detected_at = sqlite3_column_int64 (stmt->stmt, 4);
      conflict->resolution = g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 5));
      conflict->assessment_id = sqlite3_column_int64 (stmt->stmt, 6);
      conflict->company_name = g_strdup ((const char *) sqlite3_column_text (stmt->stmt, 7));
      if (data != NULL)
        {
          found_here = g_strcmp0 (json_object_get_string_member_with_default (data, "device", NULL), device) == 0;
          state_from (&conflict->mine, data, found_here ? "mine" : "theirs");
          state_from (&conflict->theirs, data, found_here ? "theirs" : "mine");
        }
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc != SQLITE_DONE)
    {
      sihua_exchange_db_error (store->db, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/**
 * sihua_sync_list_conflicts:
 * @store: a database
 * @all: also the settled ones
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type SihuaSyncConflict): the
 *   conflicts, oldest first
 */
GPtrArray *
sihua_sync_list_conflicts (SihuaStore  *store,
                           gboolean     all,
                           GError     **error)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  g_mutex_lock (&store->mutex);
  conflicts = list_locked (store, all, NULL, error);
  g_mutex_unlock (&store->mutex);

  return conflicts;
}

static char *
join_note (const SihuaSyncState *mine,
           const SihuaSyncState *theirs)
{
  /* Translators: added to an answer's note when a conflict is settled by
   * keeping both: the other answer's value, then who gave it */
  g_autofree char *other = g_strdup_printf (_("Other answer: %s (%s)"),
                                            theirs->value != NULL ? theirs->value : _("not answered"),
                                            theirs->author != NULL ? theirs->author : _("unknown"));
  g_autofree char *with_note = theirs->note != NULL ? g_strdup_printf ("%s — %s", other, theirs->note)
                                                    : g_strdup (other);

  if (mine->note == NULL)
    return g_steal_pointer (&with_note);

  return g_strdup_printf ("%s\n%s", mine->note, with_note);
}

static gboolean
resolve_locked (SihuaStore         *store,
                SihuaSyncConflict  *conflict,
                SihuaSyncChoice     choice,
                GError            **error)
{
  g_autoptr(SihuaExchangeStmt) read = NULL;
  g_autoptr(SihuaExchangeStmt) write = NULL;
  g_autoptr(SihuaExchangeStmt) record = NULL;
  g_autoptr(SihuaExchangeStmt) settle = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *old_note = NULL;
  g_autofree char *old_evidence = NULL;
  g_autofree char *both_note = NULL;
  g_autofree char *history_uuid = g_uuid_string_random ();
  g_autofree char *answer_uuid = g_uuid_string_random ();
  const SihuaSyncState *chosen = choice == SIHUA_SYNC_CHOICE_THEIRS ? &conflict->theirs : &conflict->mine;
  const char *note = chosen->note;
  gint64 now = g_get_real_time ();

  if (choice == SIHUA_SYNC_CHOICE_BOTH)
    note = both_note = join_note (&conflict->mine, &conflict->theirs);

  read = sihua_exchange_db_prepare (store->db,
                                    "SELECT value, note, evidence FROM answers"
                                    " WHERE assessment_id = ?1 AND question_id = ?2",
                                    error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read->stmt, 1, conflict->assessment_id);
  sihua_exchange_bind_text (read->stmt, 2, conflict->question_id);
  if (sqlite3_step (read->stmt) == SQLITE_ROW)
    {
      old_value = g_strdup ((const char *) sqlite3_column_text (read->stmt, 0));
      old_note = g_strdup ((const char *) sqlite3_column_text (read->stmt, 1));
      old_evidence = g_strdup ((const char *) sqlite3_column_text (read->stmt, 2));
    }

  if (chosen->value == NULL)
    write = sihua_exchange_db_prepare (store->db,
                                       "DELETE FROM answers WHERE assessment_id = ?1 AND question_id = ?2",
                                       error);
  else
    write = sihua_exchange_db_prepare (store->db,
                                       "INSERT INTO answers (assessment_id, question_id, uuid, value, note,"
                                       " evidence, author, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                       " ON CONFLICT (assessment_id, question_id) DO UPDATE SET"
                                       " value = excluded.value, note = excluded.note,"
                                       " evidence = excluded.evidence, author = excluded.author,"
                                       " updated_at = excluded.updated_at",
                                       error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write->stmt, 1, conflict->assessment_id);
  sihua_exchange_bind_text (write->stmt, 2, conflict->question_id);
  if (chosen->value != NULL)
    {
      sihua_exchange_bind_text (write->stmt, 3, answer_uuid);
      sihua_exchange_bind_text (write->stmt, 4, chosen->value);
      sihua_exchange_bind_text (write->stmt, 5, note);
      sihua_exchange_bind_text (write->stmt, 6, chosen->evidence);
      sihua_exchange_bind_text (write->stmt, 7, store->author);
      sqlite3_bind_int64 (write->stmt, 8, now);
    }
  if (sqlite3_step (write->stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (store->db, error);

  /* The decision is a change like any other: it syncs as one. */
  record = sihua_exchange_db_prepare (store->db,
                                      "INSERT INTO answer_history (uuid, assessment_id, question_id,"
                                      " old_value, old_note, old_evidence, new_value, new_note,"
                                      " new_evidence, author, changed_at, merge_choice)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                      error);
  if (record == NULL)
    return FALSE;
  sihua_exchange_bind_text (record->stmt, 1, history_uuid);
  sqlite3_bind_int64 (record->stmt, 2, conflict->assessment_id);
  sihua_exchange_bind_text (record->stmt, 3, conflict->question_id);
  sihua_exchange_bind_text (record->stmt, 4, old_value);
  sihua_exchange_bind_text (record->stmt, 5, old_value != NULL ? old_note : NULL);
  sihua_exchange_bind_text (record->stmt, 6, old_value != NULL ? old_evidence : NULL);
  sihua_exchange_bind_text (record->stmt, 7, chosen->value);
  sihua_exchange_bind_text (record->stmt, 8, chosen->value != NULL ? note : NULL);
  sihua_exchange_bind_text (record->stmt, 9, chosen->value != NULL ? chosen->evidence : NULL);
  sihua_exchange_bind_text (record->stmt, 10, store->author);
  sqlite3_bind_int64 (record->stmt, 11, now);
  sihua_exchange_bind_text (record->stmt, 12, choice == SIHUA_SYNC_CHOICE_THEIRS ? "theirs" : "mine");
  if (sqlite3_step (record->stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (store->db, error);

  settle = sihua_exchange_db_prepare (store->db,
                                      "UPDATE sync_conflicts SET resolution = ?2, pushed = 0"
                                      " WHERE uuid = ?1 AND resolution IS NULL",
                                      error);
  if (settle == NULL)
    return FALSE;
  sihua_exchange_bind_text (settle->stmt, 1, conflict->uuid);
  sihua_exchange_bind_text (settle->stmt, 2, history_uuid);
  if (sqlite3_step (settle->stmt) != SQLITE_DONE)
    return sihua_exchange_db_error (store->db, error);

  return TRUE;
}

/**
 * sihua_sync_resolve_conflict:
 * @store: a writable database
 * @id: a conflict's UUID, or enough of its start to name one
 * @choice: which value the answer takes
 * @error: return location for an error
 *
 * Returns: %TRUE when the conflict is settled; on %FALSE nothing changed
 */
gboolean
sihua_sync_resolve_conflict (SihuaStore       *store,
                             const char       *id,
                             SihuaSyncChoice   choice,
                             GError          **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) rescore = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_sihua_store_check_writable (store, error))
    return FALSE;

  g_mutex_lock (&store->mutex);
  found = list_locked (store, FALSE, id, error);
  ok = found != NULL;
  if (ok && found->len != 1)
    {
      if (found->len == 0)
        g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_NOT_FOUND,
                     _("No open conflict has the id %s; “sihua-cli conflicts list” shows them"), id);
      else
        g_set_error (error, SIHUA_SYNC_ERROR, SIHUA_SYNC_ERROR_NOT_FOUND,
                     _("%u open conflicts have ids starting with %s; give more of the id"),
                     found->len, id);
      ok = FALSE;
    }
  if (ok)
    {
      SihuaSyncConflict *conflict = g_ptr_array_index (found, 0);

      ok = _sihua_store_begin (store, error);
      if (ok)
        {
          ok = resolve_locked (store, conflict, choice, error) && _sihua_store_commit (store, error);
          if (!ok)
            _sihua_store_rollback (store);
        }
      g_ptr_array_add (rescore, g_strdup (conflict->assessment_uuid));
    }
  g_mutex_unlock (&store->mutex);

  if (ok)
    _sihua_bundle_rescore_assessments (store, rescore);

  return ok;
}
