/* sihua-industry.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-industry"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sihua-industry.h"

#define INDUSTRIES_RESOURCE "/io/github/sihua/Sihua/industries/gb-t-4754-2017.json"

/* Read once and kept for the life of the process: a few kilobytes that
 * never change while it runs. */
static GArray *
get_items (void)
{
  static GArray *items;

  if (g_once_init_enter (&items))
    {
      GArray *loaded = g_array_new (FALSE, TRUE, sizeof (SihuaIndustry));
      g_autoptr(GBytes) bytes = g_resources_lookup_data (INDUSTRIES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (bytes != NULL && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                       g_bytes_get_size (bytes), NULL))
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));
          JsonArray *list = json_object_get_array_member (root, "industries");

          for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
            {
              JsonObject *entry = json_array_get_object_element (list, i);
              JsonObject *name = json_object_get_object_member (entry, "name");
              SihuaIndustry industry = {
                g_strdup (json_object_get_string_member (entry, "code")),
                { g_strdup (json_object_get_string_member_with_default (name, "zh_CN", NULL)),
                  g_strdup (json_object_get_string_member_with_default (name, "en", NULL)) },
              };

              g_array_append_val (loaded, industry);
            }
        }
      else
        g_warning ("The industry classification is missing from the program's resources");

      g_once_init_leave (&items, loaded);
    }

  return items;
}

guint
sihua_industry_get_n_items (void)
{
  return get_items ()->len;
}

const SihuaIndustry *
sihua_industry_get_item (guint position)
{
  GArray *items = get_items ();

  g_return_val_if_fail (position < items->len, NULL);

  return &g_array_index (items, SihuaIndustry, position);
}

/**
 * sihua_industry_lookup:
 * @code: (nullable): "C34", "c34" or "C"
 *
 * Returns: (nullable): the industry of @code, %NULL for anything else (a
 *   free text, an unknown code).
 */
const SihuaIndustry *
sihua_industry_lookup (const char *code)
{
  GArray *items = get_items ();

  if (code == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const SihuaIndustry *industry = &g_array_index (items, SihuaIndustry, i);

      if (g_ascii_strcasecmp (industry->code, code) == 0)
        return industry;
    }

  return NULL;
}

/**
 * sihua_industry_describe:
 * @industry: (nullable): what a company stores: a code, or an older free text
 *
 * Returns: (transfer full) (nullable): "C34 通用设备制造业" for a code, the
 *   text itself otherwise, %NULL for none.
 */
char *
sihua_industry_describe (const char    *industry,
                         SihuaLanguage  language)
{
  const SihuaIndustry *known;

  if (industry == NULL || *industry == '\0')
    return NULL;

  known = sihua_industry_lookup (industry);
  if (known == NULL)
    return g_strdup (industry);

  return g_strdup_printf ("%s %s", known->code, sihua_text_get (&known->name, language, NULL));
}

/**
 * sihua_industry_from_text:
 * @text: (nullable): what a person typed or picked: "C34", "c34",
 *   "C34 通用设备制造业", or any other text
 *
 * Returns: (transfer full) (nullable): the code when @text is a code, alone
 *   or with its name; the text as typed otherwise; %NULL when empty.
 */
char *
sihua_industry_from_text (const char    *text,
                          SihuaLanguage  language)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = NULL;
  const SihuaIndustry *industry;

  if (*trimmed == '\0')
    return NULL;

  words = g_strsplit (trimmed, " ", 2);
  industry = sihua_industry_lookup (words[0]);
  if (industry != NULL)
    {
      g_autofree char *described = sihua_industry_describe (industry->code, language);

      /* "C34" or "C34 通用设备制造业": the code; "C34 something else" is
       * someone's own text, kept. */
      if (words[1] == NULL || g_strcmp0 (described, trimmed) == 0)
        return g_strdup (industry->code);
    }

  return g_steal_pointer (&trimmed);
}
