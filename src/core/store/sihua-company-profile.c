/* sihua-company-profile.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company-profile"

#include "config.h"

#include <string.h>

#include "sihua-company-profile.h"
#include "sihua-industry.h"

static SihuaAnswerValue *
industry_value (const SihuaQuestion *question,
                const char          *industry)
{
  const SihuaIndustry *known = sihua_industry_lookup (industry);
  g_autofree char *option_id = NULL;

  /* Free text says nothing sure about the code. */
  if (known == NULL)
    return NULL;

  option_id = g_ascii_strdown (known->code, -1);
  if (sihua_question_lookup_option (question, option_id) != NULL)
    return sihua_answer_value_new_option (option_id);
  /* A manufacturing division the question does not list by itself. */
  if (strlen (known->code) > 1 && sihua_question_lookup_option (question, "other") != NULL)
    return sihua_answer_value_new_option ("other");

  return NULL;
}

/**
 * sihua_company_profile_answers:
 * @model: the new assessment's model
 * @industry: (nullable): the company's industry as stored
 * @employees: its head count, -1 when unknown
 *
 * Returns: (transfer full) (element-type SihuaAnswer): the answers to give,
 *   perhaps none.
 */
GPtrArray *
sihua_company_profile_answers (SihuaModel *model,
                               const char *industry,
                               gint64      employees)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
  GPtrArray *areas;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), answers);

  areas = sihua_model_get_areas (model);
  for (guint a = 0; a < areas->len; a++)
    {
      SihuaArea *area = g_ptr_array_index (areas, a);

      if (area->role != SIHUA_AREA_ROLE_PROFILE)
        continue;
      for (guint d = 0; d < area->dimensions->len; d++)
        {
          SihuaDimension *dimension = g_ptr_array_index (area->dimensions, d);

          for (guint q = 0; q < dimension->questions->len; q++)
            {
              const SihuaQuestion *question = g_ptr_array_index (dimension->questions, q);
              SihuaAnswerValue *value = NULL;

              if (question->type == SIHUA_QUESTION_SINGLE && g_str_has_suffix (question->id, "industry"))
                value = industry_value (question, industry);
              else if (question->type == SIHUA_QUESTION_NUMERIC && g_str_has_suffix (question->id, "employees")
                       && employees >= 0)
                value = sihua_answer_value_new_number ((double) employees);

              if (value != NULL && sihua_answer_value_validate (question, value, NULL))
                g_ptr_array_add (answers, sihua_answer_new (question->id, value, NULL, NULL));
              else if (value != NULL)
                sihua_answer_value_free (value);
            }
        }
    }

  return answers;
}
