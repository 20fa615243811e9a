/* test-cli-result.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-test-utils.h"

/* Answers given through sihua-cli (answer, import, undo) update the result
 * cached beside the assessment, so the window's company list and `company
 * list` show the stage without anyone opening the results page; and the
 * cached result is the one `score` computes. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "常州恒力机械",
                                       NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "new", "--company", "1",
                                       NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static JsonNode *
run_json (Fixture    *fixture,
          const char *a,
          const char *b,
          const char *c)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "--json", a, b, c, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The cached stage (-1 when none) and index of assessment 1. */
static int
cached (Fixture *fixture,
        double  *index)
{
  g_autoptr(JsonNode) root = run_json (fixture, "assessment", "show", "1");
  JsonObject *assessment = json_object_get_object_member (json_node_get_object (root), "assessment");

  if (json_object_get_null_member (assessment, "result_stage"))
    {
      g_assert_true (json_object_get_null_member (assessment, "result_index"));
      *index = -1;
      return -1;
    }

  *index = json_object_get_double_member (assessment, "result_index");
  return json_object_get_int_member (assessment, "result_stage");
}

/* What `score` computes now for assessment 1. */
static int
scored (Fixture *fixture,
        double  *index)
{
  g_autoptr(JsonNode) root = run_json (fixture, "score", "1", NULL);
  JsonObject *score = json_node_get_object (root);
  JsonNode *stage = json_object_get_member (score, "stage");

  if (stage == NULL || json_node_is_null (stage))
    {
      *index = -1;
      return -1;
    }

  *index = json_object_get_double_member (score, "index");
  return json_node_get_int (stage);
}

static int
listed_stage (Fixture *fixture)
{
  g_autoptr(JsonNode) root = run_json (fixture, "company", "list", NULL);
  JsonObject *company = json_array_get_object_element (json_node_get_array (root), 0);

  if (json_object_get_null_member (company, "latest_stage"))
    return -1;

  return json_object_get_int_member (company, "latest_stage");
}

static void
assert_cache_matches_score (Fixture *fixture)
{
  double cached_index, scored_index;
  int cached_stage = cached (fixture, &cached_index);
  int scored_stage = scored (fixture, &scored_index);

  g_assert_cmpint (cached_stage, ==, scored_stage);
  g_assert_cmpfloat_with_epsilon (cached_index, scored_index, 1e-9);
  g_assert_cmpint (listed_stage (fixture), ==, cached_stage);
}

static void
test_answer_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  double first_index, second_index, index;

  g_assert_cmpint (cached (fixture, &index), ==, -1);
  g_assert_cmpint (listed_stage (fixture), ==, -1);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", "1",
                                       "data.collection", "3", NULL), ==, 0);
  g_assert_cmpint (cached (fixture, &first_index), >=, 0);
  assert_cache_matches_score (fixture);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", "1",
                                       "equipment.automation", "0", NULL), ==, 0);
  cached (fixture, &second_index);
  g_assert_cmpfloat (second_index, !=, first_index);
  assert_cache_matches_score (fixture);

  /* Undo takes the result back with the answer. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "undo", "1", NULL), ==, 0);
  cached (fixture, &index);
  g_assert_cmpfloat_with_epsilon (index, first_index, 1e-9);
  assert_cache_matches_score (fixture);

  /* Undoing the first answer leaves nothing scored: the cache is cleared. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "undo", "1", NULL), ==, 0);
  g_assert_cmpint (cached (fixture, &index), ==, -1);
  g_assert_cmpint (listed_stage (fixture), ==, -1);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "answers.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  double index, before;

  g_file_set_contents (file, "{\"answers\": {\"data.collection\": 4, \"equipment.automation\": 4,"
                             " \"network.coverage\": 4}}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "import", "1", file,
                                       NULL), ==, 0);
  g_assert_cmpint (cached (fixture, &index), >=, 0);
  assert_cache_matches_score (fixture);

  /* A refused file changes neither the answers nor the cached result. */
  g_file_set_contents (bad, "{\"answers\": {\"data.collection\": 1, \"no.such.question\": 2}}", -1, &error);
  g_assert_no_error (error);
  before = index;
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "import", "1", bad,
                                       NULL), !=, 0);
  cached (fixture, &index);
  g_assert_cmpfloat_with_epsilon (index, before, 1e-9);
  assert_cache_matches_score (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/result/answer-and-undo", Fixture, NULL, fixture_set_up,
              test_answer_and_undo, fixture_tear_down);
  g_test_add ("/cli/result/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);

  return g_test_run ();
}
