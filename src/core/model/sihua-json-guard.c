/* sihua-json-guard.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-json-guard.h"

/*
 * json-glib parses recursively, one call per level of arrays and objects,
 * so a few kilobytes of "[[[[…" (compressed in a bundle, or a model file in
 * the models folder) overflow the stack and kill the process. Every read
 * of a file from outside therefore measures the nesting first, with a
 * loop that cannot overflow anything.
 *
 * The scan must never see less nesting than json-glib: a bracket it takes
 * for part of a string or a comment must be one json-glib also skips, or
 * one json-glib stops at with an error. So it skips everything json-glib
 * may take as a string or a comment in any version — "…" with backslash
 * escapes, '…' without, # and // to the end of the line, and C comments.
 * Where json-glib does not accept one of these it fails on its first
 * character, before it reaches any bracket the scan skipped.
 */

G_DEFINE_QUARK (sihua-json-guard-error-quark, sihua_json_guard_error)

/* Where the text that starts at @p (a string or comment opener) ends. */
static const char *
skip_text (const char *p,
           const char *end)
{
  if (*p == '"')
    {
      for (p++; p < end; p++)
        if (*p == '\\')
          p++;
        else if (*p == '"')
          return p + 1;
      return end;
    }

  if (*p == '\'')
    {
      for (p++; p < end; p++)
        if (*p == '\'')
          return p + 1;
      return end;
    }

  if (*p == '#' || (*p == '/' && p + 1 < end && p[1] == '/'))
    {
      for (; p < end; p++)
        if (*p == '\n')
          return p + 1;
      return end;
    }

  if (*p == '/' && p + 1 < end && p[1] == '*')
    {
      for (p += 2; p + 1 < end; p++)
        if (p[0] == '*' && p[1] == '/')
          return p + 2;
      return end;
    }

  return p + 1;
}

guint
sihua_json_guard_depth (const char *data,
                        gssize      length,
                        guint       limit)
{
  const char *p = data;
  const char *end;
  guint depth = 0;
  guint deepest = 0;

  if (data == NULL)
    return 0;
  end = data + (length < 0 ? strlen (data) : (gsize) length);

  while (p < end)
    switch (*p)
      {
      case '[':
      case '{':
        depth++;
        if (depth > deepest)
          {
            deepest = depth;
            if (deepest > limit)
              return deepest;
          }
        p++;
        break;

      case ']':
      case '}':
        if (depth > 0)
          depth--;
        p++;
        break;

      case '"':
      case '\'':
      case '#':
      case '/':
        p = skip_text (p, end);
        break;

      default:
        p++;
        break;
      }

  return deepest;
}

guint64
sihua_json_guard_count_values (const char *data,
                               gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  guint64 n = 0;

  if (data == NULL)
    return 0;

  while (p < end)
    switch (*p)
      {
      case '[':
      case '{':
      case ',':
        n++;
        p++;
        break;

      case '"':
      case '\'':
      case '#':
      case '/':
        p = skip_text (p, end);
        break;

      default:
        p++;
        break;
      }

  return n;
}

gboolean
sihua_json_guard_check (const char  *data,
                        gssize       length,
                        const char  *name,
                        GError     **error)
{
  if (sihua_json_guard_depth (data, length, SIHUA_JSON_MAX_DEPTH) <= SIHUA_JSON_MAX_DEPTH)
    return TRUE;

  if (name != NULL)
    g_set_error (error, SIHUA_JSON_GUARD_ERROR, SIHUA_JSON_GUARD_ERROR_TOO_DEEP,
                 _("%s nests arrays and objects more than %d levels deep; no Sihua file does, "
                   "so it was not read"),
                 name, SIHUA_JSON_MAX_DEPTH);
  else
    g_set_error (error, SIHUA_JSON_GUARD_ERROR, SIHUA_JSON_GUARD_ERROR_TOO_DEEP,
                 _("arrays and objects are nested more than %d levels deep; no Sihua file does, "
                   "so it was not read"),
                 SIHUA_JSON_MAX_DEPTH);
  return FALSE;
}

gboolean
sihua_json_guard_load (JsonParser  *parser,
                       const char  *data,
                       gssize       length,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);

  return sihua_json_guard_check (data, length, name, error)
         && json_parser_load_from_data (parser, data, length, error);
}

gboolean
sihua_json_guard_load_file (JsonParser  *parser,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return sihua_json_guard_load (parser, contents, length, path, error);
}

gboolean
sihua_json_guard_is_too_deep (const GError *error)
{
  return g_error_matches (error, SIHUA_JSON_GUARD_ERROR, SIHUA_JSON_GUARD_ERROR_TOO_DEEP);
}
