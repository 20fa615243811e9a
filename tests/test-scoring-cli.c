/* test-scoring-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-store.h"
#include "sihua-test-scoring.h"
#include "sihua-test-utils.h"

/* `sihua-cli score` and `sihua-cli roadmap`, from files and from the store.
 * The answers below give (by hand): a at 1 except a.4 at 3 (a.5 N/A) →
 * s = 25·6/5 = 35, g = 1; b at 2 (b.4 irrelevant) → 50, 2; c four at 2 and
 * one at 1 → 45, 2; d N/A → unscored. I = (2·35 + 50 + 45) / 4 = 41.25;
 * b + c at 2 weigh 2 < 2/3·4 → G = 1. */
static const char answers_json[] =
  "{\"answers\": {\"profile.type\": \"process\", \"a.1\": 1, \"a.2\": 1, \"a.3\": 1, \"a.4\": 3,"
  " \"a.5\": \"na\", \"b.1\": 2, \"b.2\": 2, \"b.3\": 2, \"c.1\": 2, \"c.2\": 2, \"c.3\": 2,"
  " \"c.4\": 2, \"c.5\": 1, \"d.1\": \"na\", \"d.2\": \"na\", \"barriers.kinds\": [\"cannot\"]},"
  " \"notes\": {\"a.4\": \"\"}}";

typedef struct
{
  char *dir;
  char *model;
  char *answers;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->model = g_test_build_filename (G_TEST_DIST, "models", "scoring-basic.json", NULL);
  fixture->answers = g_build_filename (fixture->dir, "answers.json", NULL);
  g_assert_true (g_file_set_contents (fixture->answers, answers_json, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->model);
  g_free (fixture->answers);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
check_score_json (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse_object (parser, out);
  JsonArray *dimensions;
  JsonArray *flags;
  JsonObject *next;

  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "scoring-basic");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "1.0.0");
  g_assert_true (json_object_get_boolean_member (object, "complete"));
  g_assert_cmpint (json_object_get_int_member (object, "answered"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (object, "applicable"), ==, 12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "index"), 41.25, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "stage"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "stage_name"), ==, "Informatization");

  dimensions = json_object_get_array_member (object, "dimensions");
  g_assert_cmpuint (json_array_get_length (dimensions), ==, 4);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (dimensions, 0), "score"),
                                  35, 1e-9);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (dimensions, 2), "stage"), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (dimensions, 3), "score"));

  /* a.4 is two above a's stage, and its note is empty. */
  flags = json_object_get_array_member (object, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (flags, 0), "question"), ==, "a.4");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (flags, 0), "reason"), ==, "above_stage");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (flags, 1), "reason"), ==, "evidence_missing");

  /* For 2: a must rise (the heaviest), a.3 and a.1 to 2 (3·… of 4). */
  next = json_object_get_object_member (object, "next_level");
  g_assert_cmpint (json_object_get_int_member (next, "target"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (next, "dimensions")), ==, 1);
}

static void
test_score_files_json (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  const char *env[] = { "LANGUAGE=en", "LC_ALL=C.UTF-8", NULL };
  const char *argv[] = { g_getenv ("SIHUA_CLI"), "--json", "score", "--model", fixture->model,
                         "--answers", fixture->answers, "--lang", "en", NULL };

  g_assert_cmpint (sihua_test_run (argv, env, &out, NULL), ==, 0);
  check_score_json (out);
}

static void
test_score_files_summary (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "score", "--model", fixture->model,
                                       "--answers", fixture->answers, "--lang", "en", NULL), ==, 0);
  /* One decimal, halves away from zero: 41.25 → 41.3. */
  g_assert_nonnull (strstr (out, "41.3"));
  g_assert_nonnull (strstr (out, "35.0"));
  g_assert_nonnull (strstr (out, "a.3: 1 → 2"));
  g_assert_nonnull (strstr (out, "Informatization"));
}

static void
test_score_bad_answers (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_true (g_file_set_contents (path, "{\"answers\": {\"a.1\": 2, \"zz.9\": 1}}", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, &err, "score", "--model", fixture->model,
                                       "--answers", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "zz.9"));

  g_assert_true (g_file_set_contents (path, "{\"answers\": {\"a.1\": 7}}", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, &err2, "score", "--model", fixture->model,
                                       "--answers", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err2, "a.1"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, NULL, "score", NULL), ==, 2);
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, NULL, "score", "--model", fixture->model, NULL), ==, 2);
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, NULL, "score", "abc", NULL), ==, 2);
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, NULL, "roadmap", "--model", fixture->model,
                                       "--answers", fixture->answers, "--target", "9", NULL), ==, 2);
  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, NULL, "score", "--model", fixture->model,
                                       "--answers", fixture->answers, "--lang", "fr", NULL), ==, 2);
}

static void
test_roadmap_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *phases;
  JsonArray *barriers;
  g_autoptr(GString) ids = g_string_new (NULL);

  /* Target 4 from a 1, b 2, c 2: impact a 2·3, b 1·2, c 1·2. */
  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "--json", "roadmap", "--model", fixture->model,
                                       "--answers", fixture->answers, "--target", "4", NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_cmpint (json_object_get_int_member (object, "target"), ==, 4);
  phases = json_object_get_array_member (object, "phases");
  for (guint h = 0; h < json_array_get_length (phases); h++)
    {
      JsonArray *actions = json_object_get_array_member (json_array_get_object_element (phases, h), "actions");

      g_string_append_printf (ids, "%s:", json_object_get_string_member (json_array_get_object_element (phases, h), "horizon"));
      for (guint i = 0; i < json_array_get_length (actions); i++)
        g_string_append_printf (ids, " %s", json_object_get_string_member (json_array_get_object_element (actions, i), "id"));
      g_string_append (ids, ";");
    }
  g_assert_cmpstr (ids->str, ==, "short:;medium: rec.a.2;long: rec.a.3;");
  barriers = json_object_get_array_member (object, "barriers");
  g_assert_cmpuint (json_array_get_length (barriers), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (barriers, 0), "id"), ==,
                   "rec.barrier.cannot");

  g_assert_cmpint (sihua_test_run_cli (NULL, &text, NULL, "roadmap", "--model", fixture->model,
                                       "--answers", fixture->answers, "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "rec.a.2: reach level 2"));
  g_assert_nonnull (strstr (text, "Apply for grants"));
}

static void
test_score_from_store (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "sihua.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_model ("scoring-basic.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *roadmap = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 assessment;

  {
    g_autoptr(SihuaStore) store = sihua_store_open (db, &error);
    g_autoptr(SihuaCompany) company = NULL;
    gint64 company_id;

    g_assert_no_error (error);
    company = sihua_company_new ("宁波精工机械有限公司");
    company_id = sihua_store_add_company (store, company, &error);
    g_assert_no_error (error);
    assessment = sihua_store_new_assessment (store, company_id, model, 0, NULL, &error);
    g_assert_no_error (error);
    json_parser_load_from_data (parser, answers_json, -1, &error);
    g_assert_no_error (error);
    g_assert_true (sihua_store_import_json (store, assessment, json_parser_get_root (parser), &error));
    g_assert_no_error (error);
  }

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment);
  g_assert_cmpint (sihua_test_run_cli (db, &out, NULL, "--json", "score", id_text, "--lang", "en", NULL), ==, 0);
  check_score_json (out);

  g_assert_cmpint (sihua_test_run_cli (db, &roadmap, NULL, "--json", "roadmap", id_text, NULL), ==, 0);
  g_assert_nonnull (strstr (roadmap, "rec.a.2"));

  /* A re-assessment starts from these answers; with a.1 and a.2 raised to
   * 2, a's score rises by 25·2/5 = 10 and the summary says so. */
  {
    g_autoptr(SihuaStore) store = sihua_store_open (db, &error);
    g_autoptr(SihuaAssessment) first = NULL;
    g_autoptr(SihuaAnswerValue) two = sihua_answer_value_new_level (2);
    g_autofree char *again_text = NULL;
    g_autofree char *summary = NULL;
    g_autofree char *since = NULL;
    gint64 again;

    g_assert_no_error (error);
    first = sihua_store_get_assessment (store, assessment, &error);
    g_assert_no_error (error);
    again = sihua_store_new_assessment (store, first->company_id, model, assessment, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sihua_store_set_answer (store, again, "a.1", two, NULL, NULL, &error));
    g_assert_true (sihua_store_set_answer (store, again, "a.2", two, NULL, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&store);

    again_text = g_strdup_printf ("%" G_GINT64_FORMAT, again);
    since = g_strdup_printf ("Since assessment %s: improved, index +5.0, stage +0", id_text);
    g_assert_cmpint (sihua_test_run_cli (db, &summary, NULL, "score", again_text, "--lang", "en", NULL), ==, 0);
    g_assert_nonnull (strstr (summary, since));
    g_assert_nonnull (strstr (summary, "+10.0  improved"));
  }

  /* An assessment that is not there: a message, not a crash. */
  g_assert_cmpint (sihua_test_run_cli (db, NULL, &err, "score", "9999", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/scoring-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("score-files-json", test_score_files_json);
  ADD ("score-files-summary", test_score_files_summary);
  ADD ("score-bad-answers", test_score_bad_answers);
  ADD ("usage-errors", test_usage_errors);
  ADD ("roadmap-files", test_roadmap_files);
  ADD ("score-from-store", test_score_from_store);

  return g_test_run ();
}
