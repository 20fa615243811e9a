/* sihua-answer-flags.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-answer-flags"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-answer.h"
#include "sihua-answer-flags.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
is_answered (GHashTable *answers,
             const char *question_id)
{
  const SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  return answer != NULL && answer->value != NULL && answer->value->kind != SIHUA_ANSWER_NA;
}

/* A check speaks only about what was answered: an open question never
 * makes a combination implausible. */
static gboolean
term_holds (SihuaScore           *score,
            const SihuaCheckTerm *term,
            GHashTable           *answers)
{
  SihuaModel *model = sihua_score_get_model (score);

  if (term->condition != NULL)
    return is_answered (answers, term->condition->question_id) &&
           sihua_condition_holds (term->condition,
                                  sihua_model_lookup_question (model, term->condition->question_id),
                                  answers);

  return sihua_score_count_at_stage (score, term->subset, 0) -
         sihua_score_count_at_stage (score, term->subset, term->below) >= (guint) term->at_least;
}

static void
add_check_flags (SihuaScore *score,
                 GHashTable *answers,
                 GArray     *flags)
{
  GPtrArray *checks = sihua_model_get_checks (sihua_score_get_model (score));

  for (guint i = 0; i < checks->len; i++)
    {
      const SihuaCheck *check = g_ptr_array_index (checks, i);
      const SihuaQuestionScore *q = sihua_score_lookup_question (score, check->question_id);
      const SihuaDimensionScore *d;
      gboolean holds = q != NULL;

      for (guint j = 0; holds && j < check->terms->len; j++)
        holds = term_holds (score, &g_array_index (check->terms, SihuaCheckTerm, j), answers);
      if (!holds)
        continue;

      d = sihua_score_lookup_dimension (score, q->question->dimension->id);
      {
        SihuaAnswerFlag flag = { q->question, SIHUA_ANSWER_FLAG_CHECK, q->level,
                                 d != NULL ? d->stage : -1, check, NULL, 0 };
        g_array_append_val (flags, flag);
      }
    }
}

/**
 * sihua_answer_flags_compute:
 * @score: the score of @answers
 * @answers: (element-type utf8 SihuaAnswer): the answers
 *
 * Returns: (transfer full) (element-type SihuaAnswerFlag): the flags.
 */
GArray *
sihua_answer_flags_compute (SihuaScore *score,
                            GHashTable *answers)
{
  GArray *flags;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  flags = g_array_new (FALSE, FALSE, sizeof (SihuaAnswerFlag));

  for (guint i = 0; i < sihua_score_get_n_questions (score); i++)
    {
      const SihuaQuestionScore *q = sihua_score_get_question (score, i);
      const SihuaQuestion *question = q->question;
      const SihuaDimensionScore *d;
      const SihuaAnswer *answer;
      int stage;

      if (q->status == SIHUA_QUESTION_STATUS_NOT_RELEVANT ||
          q->status == SIHUA_QUESTION_STATUS_UNANSWERED)
        continue;

      answer = g_hash_table_lookup (answers, question->id);
      if (answer == NULL || answer->value == NULL || answer->value->kind == SIHUA_ANSWER_NA)
        continue;

      d = sihua_score_lookup_dimension (score, question->dimension->id);
      stage = d != NULL ? d->stage : -1;

      /* Two stages above the rest of its dimension is rare enough to ask
       * for proof; one stage is ordinary unevenness. */
      if (q->status == SIHUA_QUESTION_STATUS_COUNTED && d != NULL && d->scored &&
          q->level >= 0 && q->level >= d->stage + 2)
        {
          SihuaAnswerFlag flag = { question, SIHUA_ANSWER_FLAG_ABOVE_STAGE, q->level, stage };
          g_array_append_val (flags, flag);
        }

      if (question->evidence_required && is_blank (answer->note) && is_blank (answer->evidence))
        {
          SihuaAnswerFlag flag = { question, SIHUA_ANSWER_FLAG_EVIDENCE_MISSING, q->level, stage };
          g_array_append_val (flags, flag);
        }

      if (question->derive != NULL && answer->value->kind == SIHUA_ANSWER_OPTION)
        {
          double value = 0;
          const SihuaOption *derived = sihua_question_derive_option (sihua_score_get_model (score),
                                                                     question, answers, &value);

          if (derived != NULL && g_strcmp0 (derived->id, answer->value->option_id) != 0)
            {
              SihuaAnswerFlag flag = { question, SIHUA_ANSWER_FLAG_BAND_MISMATCH, q->level, stage,
                                       NULL, derived, value };
              g_array_append_val (flags, flag);
            }
        }
    }

  add_check_flags (score, answers, flags);

  return flags;
}

/**
 * sihua_answer_flags_add_to_discuss:
 * @flags: (element-type SihuaAnswerFlag): flags in model order
 * @model: the model
 * @question_ids: (element-type utf8): the questions where interviewees
 *   disagree (sihua_interviewee_answers_to_discuss())
 *
 * Adds a %SIHUA_ANSWER_FLAG_TO_DISCUSS flag for each question, keeping
 * @flags in model order.
 */
void
sihua_answer_flags_add_to_discuss (GArray     *flags,
                                   SihuaModel *model,
                                   GPtrArray  *question_ids)
{
  g_autoptr(GArray) merged = NULL;
  GPtrArray *questions;
  guint next = 0;

  if (question_ids == NULL || question_ids->len == 0)
    return;

  merged = g_array_new (FALSE, FALSE, sizeof (SihuaAnswerFlag));
  questions = sihua_model_get_questions (model);
  for (guint q = 0; q < questions->len; q++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, q);

      while (next < flags->len && g_array_index (flags, SihuaAnswerFlag, next).question == question)
        g_array_append_val (merged, g_array_index (flags, SihuaAnswerFlag, next++));
      if (g_ptr_array_find_with_equal_func (question_ids, question->id, g_str_equal, NULL))
        {
          SihuaAnswerFlag flag = { question, SIHUA_ANSWER_FLAG_TO_DISCUSS, -1, -1 };
          g_array_append_val (merged, flag);
        }
    }
  /* A flag whose question the model no longer lists stays, at the end. */
  for (; next < flags->len; next++)
    g_array_append_val (merged, g_array_index (flags, SihuaAnswerFlag, next));

  g_array_set_size (flags, 0);
  g_array_append_vals (flags, merged->data, merged->len);
}

const char *
sihua_answer_flag_reason_to_string (SihuaAnswerFlagReason reason)
{
  switch (reason)
    {
    case SIHUA_ANSWER_FLAG_ABOVE_STAGE:
      return "above_stage";
    case SIHUA_ANSWER_FLAG_EVIDENCE_MISSING:
      return "evidence_missing";
    case SIHUA_ANSWER_FLAG_BAND_MISMATCH:
      return "band_mismatch";
    case SIHUA_ANSWER_FLAG_CHECK:
      return "check";
    case SIHUA_ANSWER_FLAG_TO_DISCUSS:
      return "to_discuss";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sihua_answer_flag_describe:
 *
 * Returns: (transfer full): a sentence for the consultant.
 */
char *
sihua_answer_flag_describe (const SihuaAnswerFlag *flag,
                            SihuaModel            *model,
                            SihuaLanguage          language)
{
  g_return_val_if_fail (flag != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  switch (flag->reason)
    {
    case SIHUA_ANSWER_FLAG_ABOVE_STAGE:
      {
        const SihuaLevel *level = sihua_model_get_level (model, flag->level);
        const SihuaLevel *stage = sihua_model_get_level (model, flag->dimension_stage);

        return g_strdup_printf (_("Needs evidence: answered %s, two or more stages above its dimension (%s)"),
                                level != NULL ? sihua_text_get (&level->name, language, NULL) : "?",
                                stage != NULL ? sihua_text_get (&stage->name, language, NULL) : "?");
      }

    case SIHUA_ANSWER_FLAG_EVIDENCE_MISSING:
      return g_strdup (_("Needs evidence: the model asks for evidence, but note and evidence are empty"));
    case SIHUA_ANSWER_FLAG_TO_DISCUSS:
      return g_strdup (_("To discuss: the interviewees’ answers are two or more levels apart"));

    case SIHUA_ANSWER_FLAG_BAND_MISMATCH:
      {
        /* Option letters are upper case on the official forms. */
        g_autofree char *letter = g_ascii_strup (flag->derived->id, -1);

        return g_strdup_printf (_("Check the band: the recorded numbers give %.1f, which is option %s (%s)"),
                                sihua_score_round1 (flag->derived_value), letter,
                                sihua_text_get (&flag->derived->text, language, NULL));
      }

    case SIHUA_ANSWER_FLAG_CHECK:
      return g_strdup (sihua_text_get (&flag->check->message, language, NULL));

    default:
      g_return_val_if_reached (NULL);
    }
}
