/* sihua-test-scoring.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>

#include "sihua-answer.h"
#include "sihua-model.h"

G_BEGIN_DECLS

/* Small helpers shared by the scoring tests and the scoring benchmark:
 * fixture models and answer tables built in a line. */

static inline SihuaModel *
sihua_test_load_model (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "models", name, NULL);
  g_autoptr(GError) error = NULL;
  SihuaModel *model = sihua_model_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

static inline SihuaModel *
sihua_test_load_builtin_model (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "models",
                                                 "sihua-4hua.json", NULL);
  g_autoptr(GError) error = NULL;
  SihuaModel *model = sihua_model_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

static inline void
sihua_test_set_value (GHashTable       *answers,
                      const char       *question_id,
                      SihuaAnswerValue *value,
                      const char       *note,
                      const char       *evidence)
{
  g_hash_table_replace (answers, g_strdup (question_id),
                        sihua_answer_new (question_id, value, note, evidence));
}

/* Pairs of question id and level, ended by NULL. */
static inline void
sihua_test_set_levels (GHashTable *answers,
                       ...) G_GNUC_NULL_TERMINATED;

static inline void
sihua_test_set_levels (GHashTable *answers,
                       ...)
{
  const char *question_id;
  va_list args;

  va_start (args, answers);
  while ((question_id = va_arg (args, const char *)) != NULL)
    {
      int level = va_arg (args, int);

      sihua_test_set_value (answers, question_id, sihua_answer_value_new_level (level), NULL, NULL);
    }
  va_end (args);
}

static inline void
sihua_test_set_na (GHashTable *answers,
                   const char *question_id)
{
  sihua_test_set_value (answers, question_id, sihua_answer_value_new_na (), NULL, NULL);
}

static inline void
sihua_test_set_option (GHashTable *answers,
                       const char *question_id,
                       const char *option_id)
{
  sihua_test_set_value (answers, question_id, sihua_answer_value_new_option (option_id), NULL, NULL);
}

static inline void
sihua_test_set_options (GHashTable         *answers,
                        const char         *question_id,
                        const char * const *option_ids)
{
  sihua_test_set_value (answers, question_id, sihua_answer_value_new_options (option_ids), NULL, NULL);
}

static inline void
sihua_test_set_text (GHashTable *answers,
                     const char *question_id,
                     const char *text)
{
  sihua_test_set_value (answers, question_id, sihua_answer_value_new_text (text), NULL, NULL);
}

/* Answers every ladder question of @dimension_id with @level (-1: N/A). */
static inline void
sihua_test_fill_dimension (SihuaModel *model,
                           GHashTable *answers,
                           const char *dimension_id,
                           int         level)
{
  SihuaDimension *dimension = sihua_model_lookup_dimension (model, dimension_id);

  g_assert_nonnull (dimension);
  for (guint i = 0; i < dimension->questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (dimension->questions, i);

      if (question->type != SIHUA_QUESTION_LADDER)
        continue;
      if (level < 0)
        sihua_test_set_na (answers, question->id);
      else
        sihua_test_set_levels (answers, question->id, level, NULL);
    }
}

G_END_DECLS
