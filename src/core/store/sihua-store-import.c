/* sihua-store-import.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

static gboolean
refuse (GError     **error,
        const char  *reason)
{
  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID,
               _("%s; nothing was imported"), reason);
  return FALSE;
}

static GPtrArray *
refuse_answers (GError     **error,
                const char  *reason)
{
  refuse (error, reason);
  return NULL;
}

/* Reads an optional {"QUESTION_ID": "text"} member into @texts. */
static gboolean
read_texts (JsonObject   *root,
            const char   *member,
            SihuaModel   *model,
            GHashTable   *texts,
            GError      **error)
{
  JsonNode *node = json_object_get_member (root, member);
  g_autoptr(GList) names = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” must be an object of question ids"), member);
      return refuse (error, reason);
    }

  names = json_object_get_members (json_node_get_object (node));
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *text = json_object_get_member (json_node_get_object (node), question_id);

      if (sihua_model_lookup_question (model, question_id) == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("Unknown question “%s” in “%s”"), question_id, member);
          return refuse (error, reason);
        }
      if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
        {
          g_autofree char *reason = g_strdup_printf (_("The %s of question “%s” must be a string"),
                                                     member, question_id);
          return refuse (error, reason);
        }
      g_hash_table_insert (texts, (gpointer) question_id, (gpointer) json_node_get_string (text));
    }

  return TRUE;
}

/**
 * sihua_store_import_json:
 * @self: a store
 * @assessment_id: the assessment
 * @root: an import file's contents:
 *   `{"answers": {"QUESTION_ID": VALUE, …}, "notes": {"QUESTION_ID": "…"},
 *   "evidence": {"QUESTION_ID": "…"}}` where VALUE is an integer level, an
 *   option id, an array of option ids, a number, a text or "na"
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Checks every answer against the assessment's pinned model version and
 * stores them all in one transaction. All or nothing: an unknown question or
 * an invalid value refuses the whole file with %SIHUA_STORE_ERROR_INVALID
 * and a message naming it, and the database is left as it was.
 *
 * Returns: whether the answers are committed
 */
gboolean
sihua_store_import_json (SihuaStore  *self,
                         gint64       assessment_id,
                         JsonNode    *root,
                         GError     **error)
{
  g_autoptr(GPtrArray) answers = NULL;

  answers = sihua_store_read_import_json (self, assessment_id, root, error);

  return answers != NULL && sihua_store_import_answers (self, assessment_id, answers, error);
}

/**
 * sihua_store_read_import_json:
 * @self: a store
 * @assessment_id: the assessment
 * @root: an import file's contents, as for sihua_store_import_json()
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Reads and checks an import file as sihua_store_import_json() does, and
 * writes nothing: give the answers to a #SihuaAnswerSheet with
 * sihua_answer_sheet_set_all(), which stores them in one transaction.
 *
 * Returns: (transfer full) (element-type SihuaAnswer): the answers, or
 *   %NULL with @error set
 */
GPtrArray *
sihua_store_read_import_json (SihuaStore  *self,
                              gint64       assessment_id,
                              JsonNode    *root,
                              GError     **error)
{
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) evidence = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
  g_autoptr(GList) names = NULL;
  GHashTableIter iter;
  gpointer key;
  JsonObject *object;
  JsonNode *answers_node;

  g_return_val_if_fail (SIHUA_IS_STORE (self), NULL);
  g_return_val_if_fail (root != NULL, NULL);

  model = sihua_store_load_assessment_model (self, assessment_id, error);
  if (model == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return refuse_answers (error, _("The import file must hold a JSON object with “answers”"));
  object = json_node_get_object (root);
  answers_node = json_object_get_member (object, "answers");
  if (answers_node == NULL || !JSON_NODE_HOLDS_OBJECT (answers_node))
    return refuse_answers (error, _("The import file must hold a JSON object with “answers”"));

  if (!read_texts (object, "notes", model, notes, error) ||
      !read_texts (object, "evidence", model, evidence, error))
    return NULL;

  names = json_object_get_members (json_node_get_object (answers_node));
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *node = json_object_get_member (json_node_get_object (answers_node), question_id);
      SihuaQuestion *question = sihua_model_lookup_question (model, question_id);
      g_autoptr(GError) value_error = NULL;
      SihuaAnswerValue *value;

      if (question == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("Unknown question “%s”"), question_id);
          return refuse_answers (error, reason);
        }
      value = sihua_answer_value_from_json (question, node, &value_error);
      if (value == NULL)
        return refuse_answers (error, value_error->message);

      g_ptr_array_add (answers,
                       sihua_answer_new (question_id, value,
                                         g_hash_table_lookup (notes, question_id),
                                         g_hash_table_lookup (evidence, question_id)));
    }

  /* A note needs its answer in the same file: a note alone would be
   * silently dropped otherwise. */
  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!json_object_has_member (json_node_get_object (answers_node), key))
      {
        g_autofree char *reason = g_strdup_printf (_("The note for question “%s” has no answer in “answers”"),
                                                   (const char *)key);
        return refuse_answers (error, reason);
      }
  g_hash_table_iter_init (&iter, evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!json_object_has_member (json_node_get_object (answers_node), key))
      {
        g_autofree char *reason = g_strdup_printf (_("The evidence for question “%s” has no answer in “answers”"),
                                                   (const char *)key);
        return refuse_answers (error, reason);
      }

  return g_steal_pointer (&answers);
}
