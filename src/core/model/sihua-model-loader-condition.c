/* sihua-model-loader-condition.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-model-loader-private.h"

/* Conditions (relevant_if, when) name questions that may come anywhere in
 * the file, so they are read where they stand and checked once every
 * question is known. */
typedef struct
{
  char           *path;
  SihuaCondition *condition;
  guint           before;  /* the question must have a smaller index */
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->path);
  g_free (pending);
}

/**
 * _sihua_loader_condition:
 * @before: index of the first question that may not be named, or
 *   G_MAXUINT when any question may be
 *
 * Returns: (transfer full) (nullable): the condition at @key of @object.
 */
SihuaCondition *
_sihua_loader_condition (SihuaLoader *loader,
                         const char  *path,
                         JsonObject  *object,
                         const char  *key,
                         guint        before)
{
  g_autofree char *condition_path = NULL;

  if (!json_object_has_member (object, key))
    return NULL;

  condition_path = _sihua_loader_path_key (path, key);
  return _sihua_loader_condition_node (loader, condition_path,
                                       json_object_get_member (object, key), before);
}

/**
 * _sihua_loader_condition_node:
 *
 * Returns: (transfer full) (nullable): the condition @node at @path.
 */
SihuaCondition *
_sihua_loader_condition_node (SihuaLoader *loader,
                              const char  *path,
                              JsonNode    *node,
                              guint        before)
{
  static const char * const allowed[] = { "question", "in", "min", "max", NULL };
  static const char * const required[] = { "question", NULL };
  g_autofree char *condition_path = g_strdup (path);
  SihuaCondition *condition;
  JsonObject *body;
  guint n_problems = loader->problems->len;
  guint n_forms = 0;
  Pending *pending;

  body = _sihua_loader_object (loader, condition_path, node);
  if (body == NULL)
    return NULL;

  _sihua_loader_check_keys (loader, condition_path, body, allowed, required);

  condition = g_new0 (SihuaCondition, 1);
  _sihua_loader_id (loader, condition_path, body, "question", &condition->question_id);

  n_forms = json_object_has_member (body, "in") + json_object_has_member (body, "min")
            + json_object_has_member (body, "max");
  if (n_forms == 0)
    _sihua_loader_problem (loader, condition_path,
                           _("a condition needs one of “in”, “min” or “max”"));
  else if (n_forms > 1)
    _sihua_loader_problem (loader, condition_path,
                           _("a condition takes only one of “in”, “min” or “max”"));

  if (json_object_has_member (body, "in"))
    {
      JsonArray *ids = _sihua_loader_array (loader, condition_path, body, "in");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *in_path = _sihua_loader_path_key (condition_path, "in");

      condition->kind = SIHUA_CONDITION_IN;
      for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
        {
          JsonNode *item = json_array_get_element (ids, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
          else
            {
              g_autofree char *item_path = _sihua_loader_path_index (in_path, i);

              _sihua_loader_problem (loader, item_path, _("must be an option id in quotes"));
            }
        }
      condition->option_ids = g_strv_builder_end (builder);
    }
  else if (json_object_has_member (body, "min"))
    {
      condition->kind = SIHUA_CONDITION_MIN;
      _sihua_loader_number (loader, condition_path, body, "min", &condition->bound);
    }
  else if (json_object_has_member (body, "max"))
    {
      condition->kind = SIHUA_CONDITION_MAX;
      _sihua_loader_number (loader, condition_path, body, "max", &condition->bound);
    }

  if (loader->problems->len == n_problems && condition->question_id != NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->path = g_steal_pointer (&condition_path);
      pending->condition = condition;
      pending->before = before;
      if (loader->pending == NULL)
        loader->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
      g_ptr_array_add (loader->pending, pending);
    }

  return condition;
}

static gboolean
options_carry_levels (SihuaQuestion *question)
{
  for (guint i = 0; i < question->options->len; i++)
    if (((SihuaOption *) g_ptr_array_index (question->options, i))->level >= 0)
      return TRUE;
  return FALSE;
}

static void
check_one (SihuaLoader *loader,
           Pending     *pending)
{
  SihuaCondition *condition = pending->condition;
  const char *id = condition->question_id;
  SihuaQuestion *question = g_hash_table_lookup (loader->model->question_index, id);

  if (question == NULL)
    {
      _sihua_loader_problem (loader, pending->path,
                             _("refers to question “%s”, which does not exist"), id);
      return;
    }

  if (question->index >= pending->before)
    {
      _sihua_loader_problem (loader, pending->path,
                             _("refers to question “%s”, which is not asked before it; "
                               "a condition can only depend on an earlier question"), id);
      return;
    }

  if (condition->kind == SIHUA_CONDITION_IN)
    {
      if (question->options == NULL || question->options->len == 0)
        {
          _sihua_loader_problem (loader, pending->path,
                                 _("question “%s” has no options to choose; "
                                   "compare its number with “min” or “max”"), id);
          return;
        }
      for (guint i = 0; condition->option_ids[i] != NULL; i++)
        if (sihua_question_lookup_option (question, condition->option_ids[i]) == NULL)
          {
            g_autofree char *in_path = _sihua_loader_path_key (pending->path, "in");
            g_autofree char *item_path = _sihua_loader_path_index (in_path, i);

            _sihua_loader_problem (loader, item_path, _("question “%s” has no option “%s”"),
                                   id, condition->option_ids[i]);
          }
      return;
    }

  if (question->type == SIHUA_QUESTION_TEXT)
    _sihua_loader_problem (loader, pending->path,
                           _("question “%s” is a text question: its answer cannot be compared "
                             "with a number"), id);
  else if (question->type != SIHUA_QUESTION_NUMERIC && question->type != SIHUA_QUESTION_LADDER
           && !options_carry_levels (question))
    _sihua_loader_problem (loader, pending->path,
                           _("the options of question “%s” carry no level to compare with; "
                             "use “in” with option ids"), id);
}

void
_sihua_loader_check_conditions (SihuaLoader *loader)
{
  if (loader->pending == NULL)
    return;

  for (guint i = 0; i < loader->pending->len; i++)
    check_one (loader, g_ptr_array_index (loader->pending, i));

  g_clear_pointer (&loader->pending, g_ptr_array_unref);
}
