/* sihua-condition.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-answer"

#include "config.h"

#include "sihua-answer.h"

/* Relevance: a question or dimension shown only when an earlier answer
 * holds. Whatever is unknown (no answer, N/A, an answer of an unexpected
 * kind) makes a condition hold: better to ask one question too many than to
 * skip one. */

static gboolean
option_listed (const SihuaCondition *condition,
               const char           *option_id)
{
  return option_id != NULL && condition->option_ids != NULL
         && g_strv_contains ((const char * const *) condition->option_ids, option_id);
}

static gboolean
holds_in (const SihuaCondition   *condition,
          const SihuaQuestion    *question,
          const SihuaAnswerValue *value)
{
  switch (value->kind)
    {
    case SIHUA_ANSWER_OPTION:
      return option_listed (condition, value->option_id);

    case SIHUA_ANSWER_OPTIONS:
      for (guint i = 0; value->option_ids[i] != NULL; i++)
        if (option_listed (condition, value->option_ids[i]))
          return TRUE;
      return FALSE;

    case SIHUA_ANSWER_LEVEL:
      if (question == NULL)
        return TRUE;
      for (guint i = 0; i < question->options->len; i++)
        {
          SihuaOption *option = g_ptr_array_index (question->options, i);

          if (option->level == value->level)
            return option_listed (condition, option->id);
        }
      return TRUE;

    case SIHUA_ANSWER_NA:
    case SIHUA_ANSWER_NUMBER:
    case SIHUA_ANSWER_TEXT:
    default:
      return TRUE;
    }
}

static gboolean
holds_bound (const SihuaCondition   *condition,
             const SihuaQuestion    *question,
             const SihuaAnswerValue *value)
{
  double compared;

  if (value->kind == SIHUA_ANSWER_NUMBER)
    compared = value->number;
  else if (value->kind == SIHUA_ANSWER_LEVEL && question == NULL)
    compared = value->level;
  else if (question != NULL)
    {
      int level;

      sihua_answer_value_evaluate (value, question, &level, NULL, NULL);
      if (level < 0)
        return TRUE;
      compared = level;
    }
  else
    return TRUE;

  return condition->kind == SIHUA_CONDITION_MIN ? compared >= condition->bound
                                                : compared <= condition->bound;
}

/**
 * sihua_condition_holds:
 * @condition: a condition
 * @question: (nullable): the question it names, for its options and levels
 * @answers: answers by question id, see sihua_answer_table_new()
 *
 * Returns: whether @condition holds; TRUE while its question is unanswered.
 */
gboolean
sihua_condition_holds (const SihuaCondition *condition,
                       const SihuaQuestion  *question,
                       GHashTable           *answers)
{
  SihuaAnswer *answer;

  g_return_val_if_fail (condition != NULL, TRUE);

  if (answers == NULL)
    return TRUE;

  answer = g_hash_table_lookup (answers, condition->question_id);
  if (answer == NULL || answer->value == NULL || answer->value->kind == SIHUA_ANSWER_NA)
    return TRUE;

  if (condition->kind == SIHUA_CONDITION_IN)
    return holds_in (condition, question, answer->value);

  return holds_bound (condition, question, answer->value);
}

static gboolean
condition_relevant (SihuaModel           *model,
                    const SihuaCondition *condition,
                    GHashTable           *answers)
{
  SihuaQuestion *named;

  if (condition == NULL)
    return TRUE;

  named = sihua_model_lookup_question (model, condition->question_id);
  /* A follow-up of a question that is itself not shown is not shown
   * either; conditions only name earlier questions, so this ends. */
  if (named != NULL && !sihua_question_is_relevant (model, named, answers))
    return FALSE;

  return sihua_condition_holds (condition, named, answers);
}

/**
 * sihua_question_is_relevant:
 *
 * Returns: whether @question is shown and counted: its own relevance, its
 *   dimension's and those of the questions they depend on all hold.
 */
gboolean
sihua_question_is_relevant (SihuaModel          *model,
                            const SihuaQuestion *question,
                            GHashTable          *answers)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (model), TRUE);
  g_return_val_if_fail (question != NULL, TRUE);

  if (question->dimension != NULL
      && !condition_relevant (model, question->dimension->relevant_if, answers))
    return FALSE;

  return condition_relevant (model, question->relevant_if, answers);
}

static gboolean
recorded_number (GHashTable *answers,
                 const char *question_id,
                 double     *number)
{
  SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  if (answer == NULL || answer->value == NULL || answer->value->kind != SIHUA_ANSWER_NUMBER)
    return FALSE;
  *number = answer->value->number;
  return TRUE;
}

/**
 * sihua_question_derive_option:
 * @model: the model of @question
 * @question: a question, usually a single-choice band question
 * @answers: answers by question id
 * @value: (out) (optional): the value the option is picked by
 *
 * Returns: (transfer none) (nullable): the option the recorded numbers
 *   pick, by intervals closed on the right: exactly 40 picks (20, 40].
 */
SihuaOption *
sihua_question_derive_option (SihuaModel          *model,
                              const SihuaQuestion *question,
                              GHashTable          *answers,
                              double              *value)
{
  const SihuaDerive *derive;
  double numerator, denominator = 1, result;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  derive = question->derive;
  if (derive == NULL || answers == NULL)
    return NULL;
  if (!recorded_number (answers, derive->numerator_id, &numerator))
    return NULL;
  if (derive->denominator_id != NULL &&
      (!recorded_number (answers, derive->denominator_id, &denominator) || denominator == 0))
    return NULL;

  result = numerator / denominator * derive->scale;
  if (value != NULL)
    *value = result;

  for (guint i = 0; i < derive->bands->len; i++)
    {
      const SihuaDeriveBand *band = &g_array_index (derive->bands, SihuaDeriveBand, i);

      /* The same 10⁻⁹ tolerance as every comparison of the engine: 2/5 × 100
       * must land in (20, 40], not above it. */
      if (result <= band->to + 1e-9)
        return sihua_question_lookup_option (question, band->option_id);
    }

  return NULL;
}
