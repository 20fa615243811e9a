/* test-cli-model.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-test-utils.h"

/* `sihua-cli model …` runs against a temporary XDG_DATA_HOME so the user's
 * own models never leak in, and with a database path that must stay
 * untouched: these commands need no database. */
typedef struct
{
  char *home;
  char *models_dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->home = sihua_test_make_tmpdir ();
  fixture->models_dir = g_build_filename (fixture->home, "sihua", "models", NULL);
  fixture->db = g_build_filename (fixture->home, "untouched.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->models_dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No command of this file may create a database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  sihua_test_remove_tree (fixture->home);
  g_free (fixture->home);
  g_free (fixture->models_dir);
  g_free (fixture->db);
}

static int
run (Fixture  *fixture,
     char    **out,
     char    **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *home = g_strdup_printf ("XDG_DATA_HOME=%s", fixture->home);
  const char *env[] = { home, "LANGUAGE=en", "LC_ALL=C.UTF-8", NULL };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("SIHUA_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return sihua_test_run ((const char * const *) argv->pdata, env, out, err);
}

static char *
source_file (const char *first,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (char *) g_getenv ("G_TEST_SRCDIR"));
  g_ptr_array_add (parts, (char *) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
test_validate_clean (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = source_file ("..", "data", "models", "example-small.json", NULL);
  g_autofree char *builtin = source_file ("..", "data", "models", "sihua-4hua.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: OK, the model is valid\n", file);
  g_autofree char *out = NULL;
  g_autofree char *json_out = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (run (fixture, &out, NULL, "model", "validate", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpint (run (fixture, NULL, NULL, "model", "validate", builtin, NULL), ==, 0);

  g_assert_cmpint (run (fixture, &json_out, NULL, "--json", "model", "validate", file, NULL), ==, 0);
  node = parse_json (json_out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
}

static void
test_validate_broken (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = source_file ("models", "broken", "many.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *json_out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *first;

  g_assert_cmpint (run (fixture, &out, NULL, "model", "validate", file, NULL), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  /* Four problems, one a line, then the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[4], ==, "");
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_str_has_prefix (lines[i], file));
  g_assert_nonnull (strstr (lines[0], ": $.areas[1].dimensions[0].wieght: unknown key “wieght”"));
  g_assert_nonnull (strstr (out, ": $.recommendations[0].dimension: there is no dimension “sales”"));

  g_assert_cmpint (run (fixture, &json_out, NULL, "--json", "model", "validate", file, NULL), ==, 1);
  node = parse_json (json_out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 4);
  first = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, file);
  g_assert_cmpstr (json_object_get_string_member (first, "path"), ==,
                   "$.areas[1].dimensions[0].wieght");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "message"), "wieght"));
}

static void
test_validate_usage (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, NULL, NULL, "model", "validate", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, &err, "model", "validate", "/nonexistent.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent.json"));
}

static JsonArray *
list_models (Fixture   *fixture,
             JsonNode **node,
             char     **err)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (fixture, &out, err, "--json", "model", "list", NULL), ==, 0);
  *node = parse_json (out);
  return json_node_get_array (*node);
}

static void
test_list_default_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *models = list_models (fixture, &node, NULL);
  JsonObject *first;
  g_autofree char *text = NULL;

  /* The default model, then the built-in MIIT index. */
  g_assert_cmpuint (json_array_get_length (models), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (models, 1), "id"),
                   ==, "miit-2024");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (models, 1), "default"));
  first = json_array_get_object_element (models, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "sihua-4hua");
  g_assert_cmpstr (json_object_get_string_member (first, "version"), ==, "1.0.0");
  g_assert_cmpstr (json_object_get_string_member (first, "source"), ==, "builtin");
  g_assert_true (json_object_get_boolean_member (first, "default"));
  g_assert_nonnull (strstr (json_object_get_string_member (first, "title"), "SME"));

  g_assert_cmpint (run (fixture, &text, NULL, "model", "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (text, "* sihua-4hua 1.0.0"));
}

static void
test_list_installed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *example = source_file ("..", "data", "models", "example-small.json", NULL);
  g_autofree char *installed = g_build_filename (fixture->models_dir, "example-small.json", NULL);
  g_autofree char *broken_source = source_file ("models", "broken", "ladder-gap.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->models_dir, "broken.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *broken_contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *models;
  JsonObject *second;

  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (installed, contents, -1, NULL));
  g_assert_true (g_file_get_contents (broken_source, &broken_contents, NULL, NULL));
  g_assert_true (g_file_set_contents (broken, broken_contents, -1, NULL));

  /* The broken file is reported on stderr; the list still works. */
  models = list_models (fixture, &node, &err);
  g_assert_cmpuint (json_array_get_length (models), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (models, 0), "id"),
                   ==, "sihua-4hua");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (models, 1), "id"),
                   ==, "miit-2024");
  second = json_array_get_object_element (models, 2);
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "example-small");
  g_assert_cmpstr (json_object_get_string_member (second, "source"), ==, installed);
  g_assert_false (json_object_get_boolean_member (second, "default"));
  g_assert_nonnull (strstr (err, broken));
  g_assert_nonnull (strstr (err, "no option for level 2"));
}

static void
test_show_json_round_trips (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *shown = g_build_filename (fixture->home, "shown.json", NULL);
  g_autofree char *again = NULL;
  g_autofree char *validated = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonObject *question;
  JsonObject *option;
  JsonObject *dimension;

  g_assert_cmpint (run (fixture, &out, NULL, "--json", "model", "show", "sihua-4hua", NULL), ==, 0);
  node = parse_json (out);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "sihua-4hua");

  /* The structure a consultant checks: weights, types, N/A, option levels. */
  dimension = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (
      json_object_get_array_member (root, "areas"), 1), "dimensions"), 0);
  g_assert_true (json_object_has_member (dimension, "weight"));
  question = json_array_get_object_element (json_object_get_array_member (dimension, "questions"), 0);
  g_assert_cmpstr (json_object_get_string_member (question, "type"), ==, "ladder");
  g_assert_true (json_object_has_member (question, "weight"));
  g_assert_true (json_object_has_member (question, "allow_na"));
  option = json_array_get_object_element (json_object_get_array_member (question, "options"), 0);
  g_assert_true (json_object_has_member (option, "id"));
  g_assert_true (json_object_has_member (option, "level"));

  /* What show prints is itself a valid model that shows the same. */
  g_assert_true (g_file_set_contents (shown, out, -1, NULL));
  g_assert_cmpint (run (fixture, &validated, NULL, "model", "validate", shown, NULL), ==, 0);
  {
    g_autofree char *installed = g_build_filename (fixture->models_dir, "copy.json", NULL);
    g_autoptr(GString) copy = g_string_new (out);

    g_string_replace (copy, "\"version\" : \"1.0.0\"", "\"version\" : \"1.0.1\"", 1);
    g_assert_true (g_file_set_contents (installed, copy->str, -1, NULL));
    g_assert_cmpint (run (fixture, &again, NULL, "--json", "model", "show", "sihua-4hua", "1.0.1",
                          NULL), ==, 0);
    /* Compared quietly: a mismatch would print the whole model. */
    g_assert_true (g_str_equal (again, copy->str));
  }
}

static void
test_show_outline_and_errors (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, NULL, "model", "show", "sihua-4hua", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "sihua-4hua 1.0.0"));
  g_assert_nonnull (strstr (out, "ladder, weight 1"));
  g_assert_nonnull (strstr (out, "[level 4]"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "model", "show", "no-such-model", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "no-such-model"));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpint (strchr (err, '\n')[1], ==, '\0');

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, NULL, &err, "model", "show", "sihua-4hua", "9.9", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "1.0.0"));
  g_assert_cmpint (run (fixture, NULL, NULL, "model", "show", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-model/validate-clean", test_validate_clean);
  ADD ("/cli-model/validate-broken", test_validate_broken);
  ADD ("/cli-model/validate-usage", test_validate_usage);
  ADD ("/cli-model/list-default-first", test_list_default_first);
  ADD ("/cli-model/list-installed", test_list_installed);
  ADD ("/cli-model/show-json-round-trips", test_show_json_round_trips);
  ADD ("/cli-model/show-outline-and-errors", test_show_outline_and_errors);

#undef ADD

  return g_test_run ();
}
