/* sihua-results-sentences.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results-sentences"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-number-format.h"
#include "sihua-results-sentences.h"
#include "sihua-official.h"

/* The titles of the scored dimensions whose stage is at least @level
 * (@at_or_above) or below it, as one list; NULL when there is none. */
static char *
dimension_titles (SihuaScore    *score,
                  int            level,
                  gboolean       at_or_above,
                  SihuaLanguage  language)
{
  GString *list = NULL;

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *ds = sihua_score_get_dimension (score, i);

      if (!ds->scored || (ds->stage >= level) != at_or_above)
        continue;
      if (list == NULL)
        list = g_string_new (NULL);
      else
        /* Translators: between the names of a list of dimensions */
        g_string_append (list, _(", "));
      g_string_append (list, sihua_text_get (&ds->dimension->title, language, NULL));
    }

  return list != NULL ? g_string_free (list, FALSE) : NULL;
}

/**
 * sihua_results_sentence_stage:
 *
 * Returns: (transfer full): "level 2 (Automation)", "第 2 级（自动化）"; an
 *   official level by its own name, "Level 2", "二级".
 */
char *
sihua_results_sentence_stage (SihuaModel    *model,
                              int            level,
                              SihuaLanguage  language)
{
  const SihuaLevel *info = sihua_model_get_level (model, level);

  if (info == NULL)
    return g_strdup (_("not scored"));

  /* The official index's levels carry their number in their name (二级,
   * "Level 2"): "level 2 (Level 2)" would say it twice. */
  if (sihua_official_applies (model))
    return g_strdup (sihua_text_get (&info->name, language, NULL));

  /* Translators: a stage of the model in a sentence: its number and name */
  return g_strdup_printf (_("level %d (%s)"), level, sihua_text_get (&info->name, language, NULL));
}

/**
 * sihua_results_sentence_requirement:
 * @gap: a requirement of a stage the company does not meet yet
 * @score: the score it was computed from, for the dimensions concerned
 *
 * Returns: (transfer full): what the stage asks for, naming the dimensions
 *   that hold it back.
 */
char *
sihua_results_sentence_requirement (const SihuaRequirementGap *gap,
                                    SihuaScore                *score,
                                    SihuaLanguage              language)
{
  SihuaModel *model = sihua_score_get_model (score);
  g_autofree char *target = sihua_results_sentence_stage (model, gap->level, language);

  switch (gap->requirement->kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      {
        g_autofree char *below = dimension_titles (score, gap->level, FALSE, language);

        return g_strdup_printf (_("To reach %s, most of the business must work at that level. "
                                  "Not there yet: %s."),
                                target, below != NULL ? below : _("none"));
      }

    case SIHUA_REQUIREMENT_NO_LAGGARD:
      {
        int floor = (int) gap->need;
        g_autofree char *lowest = sihua_results_sentence_stage (model, floor, language);
        g_autofree char *below = dimension_titles (score, floor, FALSE, language);

        return g_strdup_printf (_("To reach %s, no dimension may lag behind: each must be at %s "
                                  "at least. Still below: %s."),
                                target, lowest, below != NULL ? below : _("none"));
      }

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      {
        g_autofree char *have = sihua_number_format_score (gap->have);
        g_autofree char *need = sihua_number_format_score (gap->need);

        return g_strdup_printf (_("To reach %s, the total score must rise from %s to %s."),
                                target, have, need);
      }

    case SIHUA_REQUIREMENT_INDEX_MIN:
      {
        g_autofree char *have = sihua_number_format_score (gap->have);
        g_autofree char *need = sihua_number_format_score (gap->need);

        return g_strdup_printf (_("To reach %s, the maturity index must rise from %s to %s."),
                                target, have, need);
      }

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      {
        int stage = gap->requirement->stage >= 0 ? gap->requirement->stage : gap->level;
        g_autofree char *at = sihua_results_sentence_stage (model, stage, language);
        g_autofree char *there = dimension_titles (score, stage, TRUE, language);

        return g_strdup_printf (_("To reach %s, at least %d dimensions must be at %s. "
                                  "There now: %s."),
                                target, (int) gap->need, at, there != NULL ? there : _("none"));
      }

    default:
      return sihua_requirement_gap_describe (gap, model, language);
    }
}

/**
 * sihua_results_sentence_dimension:
 * @gap: what a dimension lacks for the next stage
 *
 * Returns: (transfer full): "Production: 2 more practices must reach level 3
 *   (Digitalization)".
 */
char *
sihua_results_sentence_dimension (const SihuaDimensionGap *gap,
                                  SihuaModel              *model,
                                  SihuaLanguage            language)
{
  g_autofree char *target = sihua_results_sentence_stage (model, gap->target, language);
  guint n = gap->questions != NULL ? gap->questions->len : 0;

  /* Translators: %s: the dimension, %u: how many questions, %s: the stage */
  return g_strdup_printf (ngettext ("%s: %u more practice must reach %s",
                                    "%s: %u more practices must reach %s", n),
                          sihua_text_get (&gap->dimension->title, language, NULL), n, target);
}

/**
 * sihua_results_sentence_flag:
 * @flag: an answer to check
 *
 * Returns: (transfer full): why the answer should be checked.
 */
char *
sihua_results_sentence_flag (const SihuaAnswerFlag *flag,
                             SihuaModel            *model,
                             SihuaLanguage          language)
{
  switch (flag->reason)
    {
    case SIHUA_ANSWER_FLAG_ABOVE_STAGE:
      {
        g_autofree char *answer = sihua_results_sentence_stage (model, flag->level, language);
        g_autofree char *rest = sihua_results_sentence_stage (model, flag->dimension_stage, language);

        return g_strdup_printf (_("Answered at %s while %s as a whole is at %s: check it on site."),
                                answer,
                                sihua_text_get (&flag->question->dimension->title, language, NULL),
                                rest);
      }

    case SIHUA_ANSWER_FLAG_EVIDENCE_MISSING:
      return g_strdup (_("Needs proof: no note or evidence was recorded for this answer."));

    default:
      return sihua_answer_flag_describe (flag, model, language);
    }
}
