/* sihua-model-loader-util.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-model-loader-private.h"

/* Typed readers for model files. Each reports a wrong value as a problem at
 * the value's JSON path and returns FALSE; an absent key returns FALSE
 * quietly (required keys are reported by _sihua_loader_check_keys). */

void
_sihua_loader_problem (SihuaLoader *loader,
                       const char  *path,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems, _sihua_model_problem_new (loader->source, path, message));
}

static gboolean
is_plain_key (const char *key)
{
  if (*key == '\0' || g_ascii_isdigit (*key))
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

char *
_sihua_loader_path_key (const char *parent,
                        const char *key)
{
  if (is_plain_key (key))
    return g_strdup_printf ("%s.%s", parent, key);

  return g_strdup_printf ("%s[\"%s\"]", parent, key);
}

char *
_sihua_loader_path_index (const char *parent,
                          guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* What a JSON value is, in the words of the messages. */
static const char *
value_words (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object { … }");
    case JSON_NODE_ARRAY:
      return _("a list [ … ]");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("text");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static void
wrong_type (SihuaLoader *loader,
            const char  *path,
            const char  *key,
            const char  *wanted,
            JsonNode    *node)
{
  _sihua_loader_problem (loader, path, _("“%s” must be %s, not %s"),
                         key, wanted, value_words (node));
}

static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/**
 * _sihua_loader_check_keys:
 *
 * Reports every key of @object not in @allowed (with the closest allowed one
 * when it looks like a typo) and every key of @required that is missing.
 *
 * Returns: whether all required keys are there.
 */
gboolean
_sihua_loader_check_keys (SihuaLoader        *loader,
                          const char         *path,
                          JsonObject         *object,
                          const char * const *allowed,
                          const char * const *required)
{
  JsonObjectIter iter;
  const char *key;
  gboolean complete = TRUE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      g_autofree char *key_path = NULL;
      const char *closest = NULL;
      guint best = 3;

      if (g_strv_contains (allowed, key))
        continue;

      for (guint i = 0; allowed[i] != NULL; i++)
        {
          guint distance = edit_distance (key, allowed[i]);

          if (distance < best && !json_object_has_member (object, allowed[i]))
            {
              best = distance;
              closest = allowed[i];
            }
        }

      key_path = _sihua_loader_path_key (path, key);
      if (closest != NULL)
        _sihua_loader_problem (loader, key_path, _("unknown key “%s”; did you mean “%s”?"),
                               key, closest);
      else
        {
          g_autofree char *list = g_strjoinv (", ", (char **) allowed);

          _sihua_loader_problem (loader, key_path, _("unknown key “%s”; allowed here: %s"),
                                 key, list);
        }
    }

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      {
        _sihua_loader_problem (loader, path, _("“%s” is missing"), required[i]);
        complete = FALSE;
      }

  return complete;
}

JsonObject *
_sihua_loader_object (SihuaLoader *loader,
                      const char  *path,
                      JsonNode    *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  _sihua_loader_problem (loader, path, _("must be an object { … }, not %s"), value_words (node));
  return NULL;
}

static JsonNode *
member_of (JsonObject *object,
           const char *key)
{
  return json_object_has_member (object, key) ? json_object_get_member (object, key) : NULL;
}

JsonArray *
_sihua_loader_array (SihuaLoader *loader,
                     const char  *path,
                     JsonObject  *object,
                     const char  *key)
{
  JsonNode *node = member_of (object, key);
  g_autofree char *key_path = NULL;

  if (node == NULL)
    return NULL;

  key_path = _sihua_loader_path_key (path, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (loader, key_path, key, _("a list [ … ]"), node);
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) == 0)
    {
      _sihua_loader_problem (loader, key_path, _("“%s” must not be empty"), key);
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
_sihua_loader_string (SihuaLoader  *loader,
                      const char   *path,
                      JsonObject   *object,
                      const char   *key,
                      char        **out)
{
  JsonNode *node = member_of (object, key);
  g_autofree char *key_path = NULL;

  if (node == NULL)
    return FALSE;

  key_path = _sihua_loader_path_key (path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wrong_type (loader, key_path, key, _("text in quotes"), node);
      return FALSE;
    }
  if (*json_node_get_string (node) == '\0')
    {
      _sihua_loader_problem (loader, key_path, _("“%s” must not be empty"), key);
      return FALSE;
    }

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_sihua_loader_is_valid_id (const char *id)
{
  if (!g_ascii_islower (*id) && !g_ascii_isdigit (*id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
_sihua_loader_id (SihuaLoader  *loader,
                  const char   *path,
                  JsonObject   *object,
                  const char   *key,
                  char        **out)
{
  g_autofree char *id = NULL;

  if (!_sihua_loader_string (loader, path, object, key, &id))
    return FALSE;

  if (!_sihua_loader_is_valid_id (id))
    {
      g_autofree char *key_path = _sihua_loader_path_key (path, key);

      _sihua_loader_problem (loader, key_path,
                             _("“%s” is not a valid id: use lower-case letters a–z, digits and "
                               "“.”, “_” or “-”, starting with a letter or a digit"), id);
      return FALSE;
    }

  g_free (*out);
  *out = g_steal_pointer (&id);
  return TRUE;
}

gboolean
_sihua_loader_number (SihuaLoader *loader,
                      const char  *path,
                      JsonObject  *object,
                      const char  *key,
                      double      *out)
{
  JsonNode *node = member_of (object, key);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_INT64
          && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_autofree char *key_path = _sihua_loader_path_key (path, key);

      wrong_type (loader, key_path, key, _("a number"), node);
      return FALSE;
    }

  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
_sihua_loader_int (SihuaLoader *loader,
                   const char  *path,
                   JsonObject  *object,
                   const char  *key,
                   int         *out)
{
  double value;

  if (!_sihua_loader_number (loader, path, object, key, &value))
    return FALSE;

  if (value != floor (value) || fabs (value) > G_MAXINT)
    {
      g_autofree char *key_path = _sihua_loader_path_key (path, key);

      _sihua_loader_problem (loader, key_path, _("“%s” must be a whole number, not %g"),
                             key, value);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

gboolean
_sihua_loader_bool (SihuaLoader *loader,
                    const char  *path,
                    JsonObject  *object,
                    const char  *key,
                    gboolean    *out)
{
  JsonNode *node = member_of (object, key);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *key_path = _sihua_loader_path_key (path, key);

      wrong_type (loader, key_path, key, _("true or false"), node);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A share of a whole: a number such as 0.8 or a fraction string such as "2/3". */
gboolean
_sihua_loader_share (SihuaLoader *loader,
                     const char  *path,
                     JsonObject  *object,
                     const char  *key,
                     double      *out)
{
  JsonNode *node = member_of (object, key);
  g_autofree char *key_path = NULL;
  double value = NAN;

  if (node == NULL)
    return FALSE;

  key_path = _sihua_loader_path_key (path, key);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (node), "/", -1);
      char *end_a = NULL, *end_b = NULL;

      if (g_strv_length (parts) == 2)
        {
          double a = g_ascii_strtod (g_strstrip (parts[0]), &end_a);
          double b = g_ascii_strtod (g_strstrip (parts[1]), &end_b);

          if (end_a != parts[0] && *end_a == '\0' && end_b != parts[1] && *end_b == '\0'
              && b != 0)
            value = a / b;
        }
      if (isnan (value))
        {
          _sihua_loader_problem (loader, key_path,
                                 _("“%s” must be a number such as 0.8 or a fraction such as "
                                   "“2/3”, not “%s”"), key, json_node_get_string (node));
          return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node)
           && (json_node_get_value_type (node) == G_TYPE_INT64
               || json_node_get_value_type (node) == G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    {
      wrong_type (loader, key_path, key, _("a number or a fraction such as “2/3”"), node);
      return FALSE;
    }

  if (!(value > 0 && value <= 1))
    {
      _sihua_loader_problem (loader, key_path,
                             _("“%s” is a share of the whole: it must be more than 0 and at most 1, "
                               "not %g"), key, value);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
_sihua_loader_enum (SihuaLoader        *loader,
                    const char         *path,
                    JsonObject         *object,
                    const char         *key,
                    const char * const *names,
                    int                *out)
{
  g_autofree char *value = NULL;

  if (!_sihua_loader_string (loader, path, object, key, &value))
    return FALSE;

  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], value))
      {
        *out = i;
        return TRUE;
      }

  {
    g_autofree char *key_path = _sihua_loader_path_key (path, key);
    g_autofree char *list = g_strjoinv (", ", (char **) names);

    _sihua_loader_problem (loader, key_path, _("“%s” is not a possible value of “%s”; use one of: %s"),
                           value, key, list);
  }
  return FALSE;
}

/**
 * _sihua_loader_text:
 *
 * Reads a text object {"zh_CN": …, "en": …}; one language may be missing,
 * not both.
 */
gboolean
_sihua_loader_text (SihuaLoader *loader,
                    const char  *path,
                    JsonObject  *object,
                    const char  *key,
                    SihuaText   *out)
{
  static const char * const languages[] = { "zh_CN", "en", NULL };
  JsonNode *node = member_of (object, key);
  g_autofree char *key_path = NULL;
  JsonObject *text;

  if (node == NULL)
    return FALSE;

  key_path = _sihua_loader_path_key (path, key);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _sihua_loader_problem (loader, key_path,
                             _("“%s” must be an object such as {\"zh_CN\": \"…\", \"en\": \"…\"}, "
                               "not %s"), key, value_words (node));
      return FALSE;
    }

  text = json_node_get_object (node);
  _sihua_loader_check_keys (loader, key_path, text, languages, NULL);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      JsonNode *value = member_of (text, languages[i]);
      char **slot = i == 0 ? &out->zh_cn : &out->en;

      if (value == NULL)
        continue;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_autofree char *language_path = _sihua_loader_path_key (key_path, languages[i]);

          wrong_type (loader, language_path, languages[i], _("text in quotes"), value);
          continue;
        }
      if (*json_node_get_string (value) != '\0')
        {
          g_free (*slot);
          *slot = g_strdup (json_node_get_string (value));
        }
    }

  if (out->zh_cn == NULL && out->en == NULL)
    {
      _sihua_loader_problem (loader, key_path,
                             _("“%s” needs a Chinese (“zh_CN”) or an English (“en”) text"), key);
      return FALSE;
    }

  return TRUE;
}

/* A level of the model's ladder, from @lowest to the top one. */
gboolean
_sihua_loader_level (SihuaLoader *loader,
                     const char  *path,
                     JsonObject  *object,
                     const char  *key,
                     int          lowest,
                     int         *out)
{
  int value;

  if (!_sihua_loader_int (loader, path, object, key, &value))
    return FALSE;

  if (loader->n_levels > 0 && (value < lowest || value >= (int) loader->n_levels))
    {
      g_autofree char *key_path = _sihua_loader_path_key (path, key);

      if (lowest == 0)
        _sihua_loader_problem (loader, key_path,
                               _("level %d does not exist: the levels of this model go from 0 to %u"),
                               value, loader->n_levels - 1);
      else
        _sihua_loader_problem (loader, key_path,
                               _("level %d is not possible here: use a level from %d to %u"),
                               value, lowest, loader->n_levels - 1);
      return FALSE;
    }

  *out = value;
  return TRUE;
}
