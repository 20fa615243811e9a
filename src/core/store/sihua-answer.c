/* sihua-answer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-answer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-json-guard.h"

G_DEFINE_QUARK (sihua-answer-error-quark, sihua_answer_error)

/*
 * Values
 */

static SihuaAnswerValue *
value_new (SihuaAnswerKind kind)
{
  SihuaAnswerValue *value = g_new0 (SihuaAnswerValue, 1);

  value->kind = kind;
  value->level = -1;
  return value;
}

SihuaAnswerValue *
sihua_answer_value_new_na (void)
{
  return value_new (SIHUA_ANSWER_NA);
}

SihuaAnswerValue *
sihua_answer_value_new_level (int level)
{
  SihuaAnswerValue *value = value_new (SIHUA_ANSWER_LEVEL);

  value->level = level;
  return value;
}

SihuaAnswerValue *
sihua_answer_value_new_option (const char *option_id)
{
  SihuaAnswerValue *value;

  g_return_val_if_fail (option_id != NULL, NULL);

  value = value_new (SIHUA_ANSWER_OPTION);
  value->option_id = g_strdup (option_id);
  return value;
}

SihuaAnswerValue *
sihua_answer_value_new_options (const char * const *option_ids)
{
  SihuaAnswerValue *value;

  g_return_val_if_fail (option_ids != NULL, NULL);

  value = value_new (SIHUA_ANSWER_OPTIONS);
  value->option_ids = g_strdupv ((char **) option_ids);
  return value;
}

SihuaAnswerValue *
sihua_answer_value_new_number (double number)
{
  SihuaAnswerValue *value = value_new (SIHUA_ANSWER_NUMBER);

  value->number = number;
  return value;
}

SihuaAnswerValue *
sihua_answer_value_new_text (const char *text)
{
  SihuaAnswerValue *value;

  g_return_val_if_fail (text != NULL, NULL);

  value = value_new (SIHUA_ANSWER_TEXT);
  value->text = g_strdup (text);
  return value;
}

SihuaAnswerValue *
sihua_answer_value_copy (const SihuaAnswerValue *value)
{
  SihuaAnswerValue *copy;

  g_return_val_if_fail (value != NULL, NULL);

  copy = g_memdup2 (value, sizeof *value);
  copy->option_id = g_strdup (value->option_id);
  copy->option_ids = g_strdupv (value->option_ids);
  copy->text = g_strdup (value->text);
  return copy;
}

void
sihua_answer_value_free (SihuaAnswerValue *value)
{
  if (value == NULL)
    return;

  g_free (value->option_id);
  g_strfreev (value->option_ids);
  g_free (value->text);
  g_free (value);
}

gboolean
sihua_answer_value_equal (const SihuaAnswerValue *a,
                          const SihuaAnswerValue *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case SIHUA_ANSWER_NA:
      return TRUE;
    case SIHUA_ANSWER_LEVEL:
      return a->level == b->level;
    case SIHUA_ANSWER_OPTION:
      return g_strcmp0 (a->option_id, b->option_id) == 0;
    case SIHUA_ANSWER_OPTIONS:
      return g_strv_equal ((const char * const *) a->option_ids,
                           (const char * const *) b->option_ids);
    case SIHUA_ANSWER_NUMBER:
      return a->number == b->number;
    case SIHUA_ANSWER_TEXT:
      return g_strcmp0 (a->text, b->text) == 0;
    default:
      return FALSE;
    }
}

/*
 * Storage form
 */

char *
sihua_answer_value_serialize (const SihuaAnswerValue *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  json_builder_begin_object (builder);
  switch (value->kind)
    {
    case SIHUA_ANSWER_NA:
      json_builder_set_member_name (builder, "na");
      json_builder_add_boolean_value (builder, TRUE);
      break;
    case SIHUA_ANSWER_LEVEL:
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, value->level);
      break;
    case SIHUA_ANSWER_OPTION:
      json_builder_set_member_name (builder, "option");
      json_builder_add_string_value (builder, value->option_id);
      break;
    case SIHUA_ANSWER_OPTIONS:
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint i = 0; value->option_ids[i] != NULL; i++)
        json_builder_add_string_value (builder, value->option_ids[i]);
      json_builder_end_array (builder);
      break;
    case SIHUA_ANSWER_NUMBER:
      json_builder_set_member_name (builder, "number");
      json_builder_add_double_value (builder, value->number);
      break;
    case SIHUA_ANSWER_TEXT:
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, value->text);
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_is (node, G_TYPE_INT64) || node_is (node, G_TYPE_DOUBLE);
}

SihuaAnswerValue *
sihua_answer_value_deserialize (const char  *serialized,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *node;

  /* Stored text comes from a file, and a damaged one can read as NULL. */
  if (serialized == NULL)
    {
      g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                   _("An answer is stored without its value"));
      return NULL;
    }

  /* Stored text can come from a damaged database or a hostile bundle, and
   * json-glib would recurse through any depth of nesting. */
  if (!sihua_json_guard_check (serialized, -1, NULL, &parse_error))
    {
      g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                   _("A stored answer cannot be read: %s"), parse_error->message);
      return NULL;
    }

  root = json_from_string (serialized, &parse_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || json_object_get_size (json_node_get_object (root)) != 1)
    goto bad;

  object = json_node_get_object (root);
  if ((node = json_object_get_member (object, "na")) != NULL)
    {
      if (node_is (node, G_TYPE_BOOLEAN) && json_node_get_boolean (node))
        return sihua_answer_value_new_na ();
    }
  else if ((node = json_object_get_member (object, "level")) != NULL)
    {
      if (node_is (node, G_TYPE_INT64))
        return sihua_answer_value_new_level (json_node_get_int (node));
    }
  else if ((node = json_object_get_member (object, "option")) != NULL)
    {
      if (node_is (node, G_TYPE_STRING))
        return sihua_answer_value_new_option (json_node_get_string (node));
    }
  else if ((node = json_object_get_member (object, "options")) != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) ids = NULL;

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (!node_is (item, G_TYPE_STRING))
                goto bad;
              g_strv_builder_add (builder, json_node_get_string (item));
            }
          ids = g_strv_builder_end (builder);
          return sihua_answer_value_new_options ((const char * const *) ids);
        }
    }
  else if ((node = json_object_get_member (object, "number")) != NULL)
    {
      if (node_is_number (node))
        return sihua_answer_value_new_number (json_node_get_double (node));
    }
  else if ((node = json_object_get_member (object, "text")) != NULL)
    {
      if (node_is (node, G_TYPE_STRING))
        return sihua_answer_value_new_text (json_node_get_string (node));
    }

bad:
  g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
               _("Stored answer “%s” cannot be read"), serialized);
  return NULL;
}

/*
 * Checking against a question
 */

static SihuaOption *
ladder_option_at (const SihuaQuestion *question,
                  int                  level)
{
  for (guint i = 0; i < question->options->len; i++)
    {
      SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->level == level)
        return option;
    }
  return NULL;
}

static gboolean
fail (GError              **error,
      const SihuaQuestion  *question,
      const char           *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError              **error,
      const SihuaQuestion  *question,
      const char           *format,
      ...)
{
  g_autofree char *what = NULL;
  const char *name;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* A person reads this: the question goes by the text they were shown. */
  name = sihua_text_get (&question->text, sihua_language_from_locale (), NULL);
  if (name == NULL)
    name = question->id;
  g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
               _("Question “%s”: %s"), name, what);
  return FALSE;
}

static char *
option_list (const SihuaQuestion *question)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < question->options->len; i++)
    {
      SihuaOption *option = g_ptr_array_index (question->options, i);

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, option->id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
check_option (const SihuaQuestion  *question,
              const char           *id,
              GError              **error)
{
  g_autofree char *list = NULL;

  if (sihua_question_lookup_option (question, id) != NULL)
    return TRUE;

  list = option_list (question);
  return fail (error, question, _("there is no option “%s”; the options are: %s"), id, list);
}

gboolean
sihua_answer_value_validate (const SihuaQuestion     *question,
                             const SihuaAnswerValue  *value,
                             GError                 **error)
{
  const char *type;

  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (value->kind == SIHUA_ANSWER_NA)
    return question->allow_na
           ? TRUE
           : fail (error, question, _("this question does not allow N/A (not applicable)"));

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      if (value->kind == SIHUA_ANSWER_LEVEL)
        {
          if (ladder_option_at (question, value->level) == NULL)
            return fail (error, question, _("level %d does not exist; give a level from 0 to %u"),
                         value->level, question->options->len - 1);
          return TRUE;
        }
      if (value->kind == SIHUA_ANSWER_OPTION)
        return check_option (question, value->option_id, error);
      break;

    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_YESNO:
      if (value->kind == SIHUA_ANSWER_OPTION)
        return check_option (question, value->option_id, error);
      break;

    case SIHUA_QUESTION_MULTI:
      if (value->kind == SIHUA_ANSWER_OPTIONS)
        {
          guint n = g_strv_length (value->option_ids);

          for (guint i = 0; i < n; i++)
            {
              SihuaOption *option;

              if (!check_option (question, value->option_ids[i], error))
                return FALSE;
              for (guint j = 0; j < i; j++)
                if (g_str_equal (value->option_ids[i], value->option_ids[j]))
                  return fail (error, question, _("option “%s” is chosen twice"),
                               value->option_ids[i]);
              option = sihua_question_lookup_option (question, value->option_ids[i]);
              if (option->exclusive && n > 1)
                return fail (error, question,
                             _("option “%s” excludes the others; choose it alone"), option->id);
            }
          if (n == 0)
            return fail (error, question, _("choose at least one option"));
          return TRUE;
        }
      break;

    case SIHUA_QUESTION_NUMERIC:
      if (value->kind == SIHUA_ANSWER_NUMBER)
        {
          if (!isfinite (value->number))
            return fail (error, question, _("the answer must be a number"));
          if (question->has_min && value->number < question->min)
            return fail (error, question, _("%g is below the lowest possible value, %g"),
                         value->number, question->min);
          if (question->has_max && value->number > question->max)
            return fail (error, question, _("%g is above the highest possible value, %g"),
                         value->number, question->max);
          return TRUE;
        }
      break;

    case SIHUA_QUESTION_TEXT:
      if (value->kind == SIHUA_ANSWER_TEXT)
        return TRUE;
      break;

    default:
      break;
    }

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      type = _("a level or an option id");
      break;
    case SIHUA_QUESTION_MULTI:
      type = _("option ids separated by commas");
      break;
    case SIHUA_QUESTION_NUMERIC:
      type = _("a number");
      break;
    case SIHUA_QUESTION_TEXT:
      type = _("text");
      break;
    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_YESNO:
    default:
      type = _("an option id");
      break;
    }
  return fail (error, question, _("the answer must be %s"), type);
}

/*
 * Reading what a user typed or an import file holds
 */

static gboolean
parse_level (const char *input,
             int        *level)
{
  char *end = NULL;
  gint64 number;

  if (!g_ascii_isdigit (*input))
    return FALSE;
  number = g_ascii_strtoll (input, &end, 10);
  if (*end != '\0' || number > G_MAXINT)
    return FALSE;
  *level = number;
  return TRUE;
}

static SihuaAnswerValue *
checked (const SihuaQuestion  *question,
         SihuaAnswerValue     *value,
         GError              **error)
{
  g_autoptr(SihuaAnswerValue) owned = value;

  if (!sihua_answer_value_validate (question, owned, error))
    return NULL;
  return g_steal_pointer (&owned);
}

SihuaAnswerValue *
sihua_answer_value_parse (const SihuaQuestion  *question,
                          const char           *input,
                          GError              **error)
{
  g_autofree char *trimmed = NULL;
  int level;

  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  trimmed = g_strstrip (g_strdup (input));

  if (g_ascii_strcasecmp (trimmed, "na") == 0)
    return checked (question, sihua_answer_value_new_na (), error);

  if (question->type == SIHUA_QUESTION_TEXT)
    return sihua_answer_value_new_text (input);

  if (*trimmed == '\0')
    {
      fail (error, question, _("the answer is empty"));
      return NULL;
    }

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      /* A level number, or the id of the option at that level. */
      if (parse_level (trimmed, &level))
        return checked (question, sihua_answer_value_new_level (level), error);
      if (!check_option (question, trimmed, error))
        return NULL;
      return sihua_answer_value_new_level (sihua_question_lookup_option (question, trimmed)->level);

    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_YESNO:
      return checked (question, sihua_answer_value_new_option (trimmed), error);

    case SIHUA_QUESTION_MULTI:
      {
        g_auto(GStrv) ids = g_strsplit (trimmed, ",", -1);

        for (guint i = 0; ids[i] != NULL; i++)
          if (*g_strstrip (ids[i]) == '\0')
            {
              fail (error, question, _("“%s” has an empty option id; separate ids with single "
                                       "commas, as in “a,b”"), trimmed);
              return NULL;
            }
        return checked (question, sihua_answer_value_new_options ((const char * const *) ids),
                        error);
      }

    case SIHUA_QUESTION_NUMERIC:
      {
        char *end = NULL;
        double number = g_ascii_strtod (trimmed, &end);

        if (end == trimmed || *end != '\0' || !isfinite (number))
          {
            fail (error, question, _("“%s” is not a number"), trimmed);
            return NULL;
          }
        return checked (question, sihua_answer_value_new_number (number), error);
      }

    case SIHUA_QUESTION_TEXT:
    default:
      g_assert_not_reached ();
    }
}

SihuaAnswerValue *
sihua_answer_value_from_json (const SihuaQuestion  *question,
                              JsonNode             *node,
                              GError              **error)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (node_is (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);

      if (question->type == SIHUA_QUESTION_NUMERIC && g_ascii_strcasecmp (text, "na") != 0)
        {
          fail (error, question, _("the answer must be a number, not text"));
          return NULL;
        }
      return sihua_answer_value_parse (question, text, error);
    }

  if (question->type == SIHUA_QUESTION_LADDER && node_is (node, G_TYPE_INT64))
    {
      gint64 number = json_node_get_int (node);

      /* Clamp rather than truncate: 4294967298 must not become level 2. */
      return checked (question,
                      sihua_answer_value_new_level ((int) CLAMP (number, -1, G_MAXINT)),
                      error);
    }

  if (question->type == SIHUA_QUESTION_NUMERIC && node_is_number (node))
    return checked (question, sihua_answer_value_new_number (json_node_get_double (node)), error);

  if (question->type == SIHUA_QUESTION_MULTI && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!node_is (item, G_TYPE_STRING))
            {
              fail (error, question, _("the list must hold option ids in quotes"));
              return NULL;
            }
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      ids = g_strv_builder_end (builder);
      return checked (question, sihua_answer_value_new_options ((const char * const *) ids),
                      error);
    }

  /* Reuse the wording of validate for the expected form. */
  {
    g_autoptr(SihuaAnswerValue) wrong = sihua_answer_value_new_text ("");

    if (question->type == SIHUA_QUESTION_TEXT)
      fail (error, question, _("the answer must be %s"), _("text"));
    else
      sihua_answer_value_validate (question, wrong, error);
  }
  return NULL;
}

/*
 * Worth and wording
 */

void
sihua_answer_value_evaluate (const SihuaAnswerValue *value,
                             const SihuaQuestion    *question,
                             int                    *level,
                             gboolean               *has_points,
                             double                 *points)
{
  int out_level = -1;
  gboolean out_has_points = FALSE;
  double out_points = 0;

  g_return_if_fail (value != NULL);
  g_return_if_fail (question != NULL);

  switch (value->kind)
    {
    case SIHUA_ANSWER_LEVEL:
      if (question->type == SIHUA_QUESTION_LADDER && ladder_option_at (question, value->level))
        out_level = value->level;
      break;

    case SIHUA_ANSWER_OPTION:
      {
        SihuaOption *option = sihua_question_lookup_option (question, value->option_id);

        if (option != NULL && question->type != SIHUA_QUESTION_MULTI)
          {
            out_level = option->level;
            out_has_points = option->has_points;
            out_points = option->has_points ? option->points : 0;
          }
      }
      break;

    case SIHUA_ANSWER_OPTIONS:
      if (question->type != SIHUA_QUESTION_MULTI)
        break;
      for (guint i = 0; value->option_ids[i] != NULL; i++)
        {
          SihuaOption *option = sihua_question_lookup_option (question, value->option_ids[i]);

          if (option == NULL)
            continue;
          out_level = MAX (out_level, option->level);
          if (option->has_points)
            out_points += option->points;
        }
      /* Choosing only options without points still means 0 points when the
       * question scores by points. */
      for (guint i = 0; i < question->options->len; i++)
        out_has_points |= ((SihuaOption *) g_ptr_array_index (question->options, i))->has_points;
      break;

    case SIHUA_ANSWER_NUMBER:
      if (question->type != SIHUA_QUESTION_NUMERIC || question->bands == NULL)
        break;
      for (guint i = 0; i < question->bands->len; i++)
        {
          const SihuaBand *band = &g_array_index (question->bands, SihuaBand, i);

          if (band->from > value->number)
            break;
          out_level = band->level;
          out_has_points = band->has_points;
          out_points = band->has_points ? band->points : 0;
        }
      break;

    case SIHUA_ANSWER_NA:
    case SIHUA_ANSWER_TEXT:
    default:
      break;
    }

  if (level != NULL)
    *level = out_level;
  if (has_points != NULL)
    *has_points = out_has_points;
  if (points != NULL)
    *points = out_has_points ? out_points : 0;
}

/* The few fixed words of an answer, in the language asked for rather than
 * the program's locale: a report may be written in the other language. */
static const char *
word (const char    *en,
      const char    *zh_cn,
      SihuaLanguage  language)
{
  return language == SIHUA_LANGUAGE_ZH_CN ? zh_cn : en;
}

static char *
describe_option (const SihuaQuestion *question,
                 const char          *id,
                 SihuaLanguage        language)
{
  SihuaOption *option = sihua_question_lookup_option (question, id);

  if (option == NULL)
    return g_strdup (id);
  if (option->text.zh_cn != NULL || option->text.en != NULL)
    return sihua_text_dup_marked (&option->text, language);
  if (g_str_equal (id, "yes"))
    return g_strdup (word ("Yes", "是", language));
  if (g_str_equal (id, "partial"))
    return g_strdup (word ("Partly", "部分", language));
  if (g_str_equal (id, "no"))
    return g_strdup (word ("No", "否", language));
  return g_strdup (id);
}

char *
sihua_answer_value_describe (const SihuaAnswerValue *value,
                             const SihuaQuestion    *question,
                             SihuaModel             *model,
                             SihuaLanguage           language)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case SIHUA_ANSWER_NA:
      return g_strdup (word ("N/A", "不适用", language));

    case SIHUA_ANSWER_LEVEL:
      {
        const SihuaLevel *level = model != NULL ? sihua_model_get_level (model, value->level)
                                                : NULL;
        g_autofree char *name = level != NULL ? sihua_text_dup_marked (&level->name, language)
                                              : NULL;

        if (name != NULL && *name != '\0')
          return g_strdup_printf ("%d %s", value->level, name);
        return g_strdup_printf ("%d", value->level);
      }

    case SIHUA_ANSWER_OPTION:
      return question != NULL ? describe_option (question, value->option_id, language)
                              : g_strdup (value->option_id);

    case SIHUA_ANSWER_OPTIONS:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; value->option_ids[i] != NULL; i++)
          {
            g_autofree char *one = question != NULL
                                   ? describe_option (question, value->option_ids[i], language)
                                   : g_strdup (value->option_ids[i]);

            if (i > 0)
              g_string_append (text, word (", ", "、", language));
            g_string_append (text, one);
          }
        return g_string_free (g_steal_pointer (&text), FALSE);
      }

    case SIHUA_ANSWER_NUMBER:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        const char *unit = question != NULL ? sihua_text_get (&question->unit, language, NULL)
                                            : NULL;

        g_ascii_formatd (number, sizeof number, "%.10g", value->number);
        if (unit != NULL)
          return g_strdup_printf ("%s %s", number, unit);
        return g_strdup (number);
      }

    case SIHUA_ANSWER_TEXT:
      return g_strdup (value->text);

    default:
      return g_strdup ("");
    }
}

/*
 * Answers
 */

SihuaAnswer *
sihua_answer_new (const char       *question_id,
                  SihuaAnswerValue *value,
                  const char       *note,
                  const char       *evidence)
{
  SihuaAnswer *answer;

  g_return_val_if_fail (question_id != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  answer = g_new0 (SihuaAnswer, 1);
  answer->question_id = g_strdup (question_id);
  answer->value = value;
  answer->note = g_strdup (note);
  answer->evidence = g_strdup (evidence);
  return answer;
}

void
sihua_answer_free (SihuaAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->question_id);
  sihua_answer_value_free (answer->value);
  g_free (answer->note);
  g_free (answer->evidence);
  g_free (answer);
}

GHashTable *
sihua_answer_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) sihua_answer_free);
}

/**
 * sihua_answer_count_dimension:
 * @model: the assessment's model
 * @dimension: one of its dimensions
 * @answers: (element-type utf8 SihuaAnswer): the answers given
 * @answered: (out): applicable questions that have an answer
 * @applicable: (out): relevant questions not answered N/A
 * @relevant: (out) (optional): relevant questions
 */
void
sihua_answer_count_dimension (SihuaModel           *model,
                              const SihuaDimension *dimension,
                              GHashTable           *answers,
                              guint                *answered,
                              guint                *applicable,
                              guint                *relevant)
{
  guint n_answered = 0, n_applicable = 0, n_relevant = 0;

  g_return_if_fail (SIHUA_IS_MODEL (model));
  g_return_if_fail (dimension != NULL);
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);
      SihuaAnswer *answer;

      if (!sihua_question_is_relevant (model, question, answers))
        continue;
      n_relevant++;
      answer = g_hash_table_lookup (answers, question->id);
      if (answer != NULL && answer->value != NULL && answer->value->kind == SIHUA_ANSWER_NA)
        continue;
      n_applicable++;
      if (answer != NULL && answer->value != NULL)
        n_answered++;
    }

  *answered = n_answered;
  *applicable = n_applicable;
  if (relevant != NULL)
    *relevant = n_relevant;
}

/**
 * sihua_answer_count:
 * @model: the assessment's model
 * @answers: (element-type utf8 SihuaAnswer): the answers given
 * @answered: (out): applicable questions that have an answer
 * @applicable: (out): relevant questions not answered N/A
 *
 * The sum of sihua_answer_count_dimension() over every dimension.
 */
void
sihua_answer_count (SihuaModel *model,
                    GHashTable *answers,
                    guint      *answered,
                    guint      *applicable)
{
  GPtrArray *dimensions;
  guint total_answered = 0, total_applicable = 0;

  g_return_if_fail (SIHUA_IS_MODEL (model));
  g_return_if_fail (answers != NULL);

  dimensions = sihua_model_get_dimensions (model);
  for (guint d = 0; d < dimensions->len; d++)
    {
      guint n_answered, n_applicable;

      sihua_answer_count_dimension (model, g_ptr_array_index (dimensions, d), answers,
                                    &n_answered, &n_applicable, NULL);
      total_answered += n_answered;
      total_applicable += n_applicable;
    }

  *answered = total_answered;
  *applicable = total_applicable;
}
