/* sihua-roadmap-reason.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-roadmap"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-model.h"
#include "sihua-roadmap.h"

/* The one line of why a measure stands where it does: the parts of the
 * ranking rule (docs/scoring.md) that placed it, most decisive first. */

typedef struct
{
  SihuaLanguage          language;
  SihuaRoadmapTranslate  translate;
  gpointer               user_data;
  GString               *line;
} Reason;

G_GNUC_FORMAT (2)
static const char *
tr (Reason     *reason,
    const char *msgid)
{
  if (reason->translate != NULL)
    return reason->translate (msgid, reason->user_data);
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

static const char *
text (Reason          *reason,
      const SihuaText *value)
{
  const char *shown = sihua_text_get (value, reason->language, NULL);

  return shown != NULL ? shown : "";
}

G_GNUC_PRINTF (2, 3)
static void
add_part (Reason     *reason,
          const char *format,
          ...)
{
  va_list args;

  /* The separator follows the reader's language, not the program's. */
  if (reason->line->len > 0)
    g_string_append (reason->line, reason->language == SIHUA_LANGUAGE_ZH_CN ? "；" : "; ");
  va_start (args, format);
  g_string_append_vprintf (reason->line, format, args);
  va_end (args);
}

/* "不会转" of "不会转：不知道从哪里入手…": what the company reported, in the
 * words of the option it chose. */
static char *
barrier_name (Reason                    *reason,
              SihuaModel                *model,
              const SihuaRecommendation *barrier)
{
  const SihuaCondition *when = barrier->when;
  const SihuaQuestion *question;
  const SihuaOption *option;
  const char *words;
  const char *end;

  if (when == NULL || when->option_ids == NULL || when->option_ids[0] == NULL)
    return g_strdup (text (reason, &barrier->title));
  question = sihua_model_lookup_question (model, when->question_id);
  option = question != NULL ? sihua_question_lookup_option (question, when->option_ids[0]) : NULL;
  if (option == NULL)
    return g_strdup (text (reason, &barrier->title));

  words = text (reason, &option->text);
  end = strstr (words, "：");
  if (end == NULL)
    end = strchr (words, ':');
  return end != NULL ? g_strndup (words, end - words) : g_strdup (words);
}

/**
 * sihua_roadmap_item_describe_reason:
 * @item: an item of a roadmap's phases
 * @model: the model of the roadmap
 * @language: the reader's language, for the model's texts
 * @translate: (nullable) (scope call): the program strings in that language
 * @user_data: for @translate
 *
 * Returns: (transfer full): one line, such as "raises 生产管控 from level 1 to
 *   2, which the target stage needs; a quick win".
 */
char *
sihua_roadmap_item_describe_reason (const SihuaRoadmapItem *item,
                                    SihuaModel             *model,
                                    SihuaLanguage           language,
                                    SihuaRoadmapTranslate   translate,
                                    gpointer                user_data)
{
  Reason reason = { language, translate, user_data, g_string_new (NULL) };
  const SihuaRecommendation *recommendation;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  recommendation = item->recommendation;
  if (item->moved)
    add_part (&reason, "%s", tr (&reason, N_("placed here by the consultant")));
  else if (item->edit != NULL && sihua_roadmap_edit_is_own (item->edit))
    add_part (&reason, "%s", tr (&reason, N_("added by the consultant")));

  if (item->promoted_by != NULL)
    {
      g_autofree char *name = barrier_name (&reason, model, item->promoted_by);

      add_part (&reason, tr (&reason, N_("first because the company reported “%s”")), name);
    }

  if (item->dimension != NULL && recommendation->level >= 0)
    {
      if (item->required)
        add_part (&reason, tr (&reason, N_("raises %s from level %d to %d, which the target stage "
                                           "needs")),
                  text (&reason, &item->dimension->title), MAX (item->stage, 0),
                  recommendation->level);
      else
        add_part (&reason, tr (&reason, N_("raises %s from level %d to %d")),
                  text (&reason, &item->dimension->title), MAX (item->stage, 0),
                  recommendation->level);
    }

  if (recommendation->quick_win)
    add_part (&reason, "%s", tr (&reason, N_("a quick win: small, fast, light and precise")));

  if (item->after != NULL)
    add_part (&reason, tr (&reason, N_("after “%s”, which it needs")),
              text (&reason, &item->after->title));

  if (item->deferred)
    add_part (&reason, "%s", tr (&reason, N_("moved to a later phase: the earlier one is full")));

  if (reason.line->len > 0)
    {
      /* A line starts with a capital in English; Chinese has none. */
      gunichar first = g_utf8_get_char (reason.line->str);

      if (g_unichar_islower (first) && first < 0x80)
        reason.line->str[0] = g_ascii_toupper (reason.line->str[0]);
    }

  return g_string_free (reason.line, FALSE);
}
