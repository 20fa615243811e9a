/* fuzz-model-json.c: questionnaire model files, as `model validate` and the
 * model catalog read them.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "sihua-answer.h"
#include "sihua-model.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-score.h"
#include "sihua-scoring.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_glib ();

  bytes = g_bytes_new (data, size);
  problems = sihua_model_validate_bytes (bytes, "fuzz.json");
  model = sihua_model_new_from_bytes (bytes, "fuzz.json", &error);

  /* The validator and the loader must agree on what is a model. */
  if ((model != NULL) != (problems == NULL || problems->len == 0))
    abort ();
  if (model == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    abort ();

  if (model != NULL)
    {
      g_autoptr(JsonNode) json = sihua_model_to_json (model);
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) score = NULL;
      g_autoptr(SihuaRoadmap) roadmap = NULL;
      g_autoptr(SihuaNextLevel) next = NULL;

      /* A model that loads must score, even with nothing answered. */
      score = sihua_scoring_compute (model, answers);
      if (score == NULL)
        abort ();
      next = sihua_next_level_compute (score, -1);
      roadmap = sihua_roadmap_compute (score, answers, -1);
      if (json == NULL || next == NULL || roadmap == NULL)
        abort ();
    }

  return 0;
}
