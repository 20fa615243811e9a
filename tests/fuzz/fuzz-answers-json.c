/* fuzz-answers-json.c: answer files, as `assessment import` and `score
 * --answers` read them, against the built-in model.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "sihua-answer.h"
#include "sihua-company.h"
#include "sihua-answer-flags.h"
#include "sihua-json-guard.h"
#include "sihua-model-catalog.h"
#include "sihua-model.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-score-json.h"
#include "sihua-score.h"
#include "sihua-scoring.h"
#include "sihua-store.h"

static SihuaModel *model;
static SihuaStore *store;
static gint64      assessment_id;

/* The built-in model, and a read-only store holding one assessment of it:
 * imports are parsed and checked in full, then refused without writing, so
 * every input meets the same state. */
static void
set_up (void)
{
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(SihuaStore) writer = NULL;
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *db = NULL;
  gint64 company_id;

  catalog = sihua_model_catalog_new (fuzz_get_dir ());
  model = g_object_ref (sihua_model_catalog_get_default (catalog));

  db = g_build_filename (fuzz_get_dir (), "answers.db", NULL);
  writer = sihua_store_open (db, NULL);
  g_assert (writer != NULL);
  company = sihua_company_new ("苏州精工机械有限公司");
  company_id = sihua_store_add_company (writer, company, NULL);
  assessment_id = sihua_store_new_assessment (writer, company_id, model, 0, "fuzz", NULL);
  g_assert (assessment_id > 0);
  g_clear_object (&writer);

  store = sihua_store_open_read_only (db, NULL);
  g_assert (store != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  JsonNode *root;

  fuzz_init_glib ();
  if (model == NULL)
    set_up ();

  /* The same guard every reader of an answers file goes through. */
  parser = json_parser_new ();
  if (!sihua_json_guard_load (parser, (const char *) data, (gssize) size, NULL, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;

  answers = sihua_score_read_answers (model, root, &error);
  if (answers == NULL && (error == NULL || error->message[0] == '\0'))
    abort ();

  if (answers != NULL)
    {
      g_autoptr(SihuaScore) score = sihua_scoring_compute (model, answers);
      g_autoptr(SihuaRoadmap) roadmap = sihua_roadmap_compute (score, answers, -1);
      g_autoptr(SihuaNextLevel) next = sihua_next_level_compute (score, -1);
      g_autoptr(GArray) flags = sihua_answer_flags_compute (score, answers);
      g_autoptr(JsonNode) json = sihua_score_to_json (score, flags, next, SIHUA_LANGUAGE_ZH_CN);

      if (roadmap == NULL || json == NULL)
        abort ();
    }

  /* The store reads the same file format on its own; it must refuse what
   * the scorer refuses, and change nothing either way (it is read-only). */
  if (sihua_store_import_json (store, assessment_id, root, &import_error))
    abort ();
  if (answers == NULL && g_error_matches (import_error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_READ_ONLY))
    abort ();

  return 0;
}
