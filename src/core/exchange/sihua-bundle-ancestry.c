/* sihua-bundle-ancestry.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-bundle"

#include "config.h"

#include <string.h>

#include "sihua-answer.h"
#include "sihua-bundle-private.h"

/*
 * Which laptop changed an answer since the two last agreed on it.
 *
 * Every change of an answer adds a history row with a UUID of its own, and
 * bundles carry the rows; an import adds the rows it lacks and never drops
 * one. So the rows two laptops share are the changes both have seen, and
 * the rows only one has are the changes made there since.
 *
 * The common ancestor of an answer is the answer both last agreed on: the
 * new state (value, note, evidence) of the latest history row both sides
 * hold. "Latest" is taken in each side's own order (the order its rows were
 * written there, which a bundle keeps); the ancestor is known only when both
 * orders name the same state, else (two laptops that merged each other's
 * rows in different orders and then disagree) it is unknown. When the sides
 * share no row, the ancestor is the answer as it was before a side's first
 * change (that row's old state), or its answer now if it has no history;
 * again it is known only when both sides agree on it. A side that neither
 * answers the question nor has history for it has not touched it.
 *
 * A side has "changed since they diverged" when its answer differs from the
 * ancestor, or the ancestor is unknown. Then:
 *   - both answers the same: nothing to do;
 *   - only theirs changed: take theirs;
 *   - only mine changed: keep mine;
 *   - both changed: a conflict for the consultant.
 *
 * A merge that takes or keeps a side writes its own history row (old: the
 * answer here before, new: the answer after), so the decided answer is the
 * new state of the latest row here and the next merge starts from it.
 */

static const char *
member (JsonObject *object,
        const char *prefix,
        const char *name)
{
  char key[32];
  const char *text;

  g_snprintf (key, sizeof key, "%s%s", prefix, name);
  text = json_object_get_string_member_with_default (object, key, NULL);

  /* The store keeps an empty note as none. */
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
values_equal (const char *x,
              const char *y)
{
  g_autoptr(SihuaAnswerValue) u = NULL;
  g_autoptr(SihuaAnswerValue) v = NULL;

  if (x == NULL || y == NULL)
    return x == y;
  if (strcmp (x, y) == 0)
    return TRUE;

  u = sihua_answer_value_deserialize (x, NULL);
  v = sihua_answer_value_deserialize (y, NULL);
  return u != NULL && v != NULL && sihua_answer_value_equal (u, v);
}

gboolean
_sihua_bundle_states_equal (JsonObject *a,
                            const char *a_prefix,
                            JsonObject *b,
                            const char *b_prefix)
{
  const char *a_value = a != NULL ? member (a, a_prefix, "value") : NULL;
  const char *b_value = b != NULL ? member (b, b_prefix, "value") : NULL;

  if (a_value == NULL || b_value == NULL)
    return a_value == b_value;

  return values_equal (a_value, b_value) &&
         g_strcmp0 (member (a, a_prefix, "note"), member (b, b_prefix, "note")) == 0 &&
         g_strcmp0 (member (a, a_prefix, "evidence"), member (b, b_prefix, "evidence")) == 0;
}

static gboolean
holds_uuid (GPtrArray  *rows,
            const char *uuid)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (rows, i), "uuid"), uuid) == 0)
      return TRUE;

  return FALSE;
}

/* The ancestor as one side sees it: an object and the prefix of its state
 * members ("new_", "old_", or "" for an answer row; NULL object: not
 * answered). */
typedef struct
{
  JsonObject *row;
  const char *prefix;
} State;

static State
ancestor_seen_by (JsonObject *answer,
                  GPtrArray  *rows,
                  GPtrArray  *other_rows)
{
  for (guint i = rows != NULL ? rows->len : 0; i > 0; i--)
    {
      JsonObject *row = g_ptr_array_index (rows, i - 1);

      if (holds_uuid (other_rows, json_object_get_string_member (row, "uuid")))
        return (State) { row, "new_" };
    }

  if (rows != NULL && rows->len > 0)
    return (State) { g_ptr_array_index (rows, 0), "old_" };

  return (State) { answer, "" };
}

BundleChanged
_sihua_bundle_changed_side (JsonObject *mine,
                            GPtrArray  *my_history,
                            JsonObject *theirs,
                            GPtrArray  *their_history)
{
  gboolean mine_untouched = mine == NULL && (my_history == NULL || my_history->len == 0);
  gboolean theirs_untouched = theirs == NULL && (their_history == NULL || their_history->len == 0);
  State seen_here, seen_there;
  gboolean known, mine_changed, theirs_changed;

  if (_sihua_bundle_states_equal (mine, "", theirs, ""))
    return BUNDLE_CHANGED_NONE;
  if (mine_untouched)
    return BUNDLE_CHANGED_THEIRS;
  if (theirs_untouched)
    return BUNDLE_CHANGED_MINE;

  seen_here = ancestor_seen_by (mine, my_history, their_history);
  seen_there = ancestor_seen_by (theirs, their_history, my_history);
  known = _sihua_bundle_states_equal (seen_here.row, seen_here.prefix,
                                      seen_there.row, seen_there.prefix);

  mine_changed = !known || !_sihua_bundle_states_equal (mine, "", seen_here.row, seen_here.prefix);
  theirs_changed = !known || !_sihua_bundle_states_equal (theirs, "", seen_here.row, seen_here.prefix);

  if (mine_changed && theirs_changed)
    return BUNDLE_CHANGED_BOTH;
  if (theirs_changed)
    return BUNDLE_CHANGED_THEIRS;

  /* Only mine differs from the ancestor (neither differing cannot happen:
   * the two answers differ). */
  return BUNDLE_CHANGED_MINE;
}
