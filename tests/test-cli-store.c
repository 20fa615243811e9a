/* test-cli-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
  char *model;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->model = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "example-small.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->model);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A failing command prints one line naming the problem, nothing on stdout. */
static void
assert_one_line (const char *out,
                 const char *err,
                 const char *needle)
{
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, needle));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpint (strchr (err, '\n')[1], ==, '\0');
}

static void
test_cli_company (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *company;

  /* The code as an input method types it in full-width mode. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "add", "--name", "无锡精工",
                                       "--industry", "C34", "--size", "small", "--region", "江苏无锡",
                                       "--uscc", "９１３５ ０１００ Ｍ０００ １００ｙ４３", "--employees", "85",
                                       "--address", "新区 1 号", "--contact", "周工", "--notes", "试点",
                                       NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "company", "add", "--name", "错码",
                                       "--uscc", "91350100M000100Y4Z", NULL), ==, 1);
  assert_one_line (out, err, "“3”");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "company", "add", "--region", "x", NULL), ==, 2);
  assert_one_line (out, err, "--name");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "company", "add", "--name", "y",
                                       "--size", "huge", NULL), ==, 2);
  assert_one_line (out, err, "huge");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "add", "--name", "第二家", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "list", "--json", NULL), ==, 0);
  list = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "show", "1", "--json", NULL), ==, 0);
  shown = parse (out);
  company = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (company, "name"), ==, "无锡精工");
  g_assert_cmpstr (json_object_get_string_member (company, "uscc"), ==, "91350100M000100Y43");
  g_assert_cmpstr (json_object_get_string_member (company, "size"), ==, "small");
  g_assert_cmpint (json_object_get_int_member (company, "employees"), ==, 85);
  g_assert_cmpstr (json_object_get_string_member (company, "contact"), ==, "周工");
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (company, "uuid")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (company, "assessments")), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "company", "show", "99", NULL), ==, 1);
  assert_one_line (out, err, "99");
}

static char *
new_assessment (Fixture    *fixture,
                const char *from)
{
  g_autofree char *out = NULL;

  if (g_test_failed ())
    return NULL;
  if (from == NULL)
    g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "new", "--company", "1",
                                         "--model", fixture->model, "--consultant", "陈", NULL), ==, 0);
  else
    g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "new", "--company", "1",
                                         "--from", from, NULL), ==, 0);

  return g_strchomp (g_steal_pointer (&out));
}

static JsonObject *
show (Fixture    *fixture,
      const char *id,
      JsonNode  **root)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "show", id, "--json", NULL), ==, 0);
  *root = parse (out);

  return json_node_get_object (*root);
}

static void
test_cli_assessment (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) history = NULL;
  JsonObject *answers;
  JsonObject *answer;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "嘉兴纺织", NULL), ==, 0);
  id = new_assessment (fixture, NULL);
  g_assert_cmpstr (id, ==, "1");

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "answer", id, "systems.coverage", "2",
                                       "--note", "ERP 上线两年", "--evidence", "系统截图", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "systems.coverage", "3", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "systems.modules", "erp,mes", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "production.networked", "42.5", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "production.batch", "na", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "profile.notes", "以销定产", NULL), ==, 0);

  /* Wrong values and questions: one line each, nothing stored. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "answer", id, "systems.coverage", "7", NULL), ==, 1);
  /* The question by the text the consultant sees. */
  assert_one_line (out, err, "How far do business systems reach?");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "answer", id, "no.such", "1", NULL), ==, 1);
  assert_one_line (out, err, "no.such");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "answer", "42", "systems.coverage", "1", NULL), ==, 1);
  assert_one_line (out, err, "42");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The count the window shows: of the questions that apply (the N/A one
   * does not), how many are answered. */
  {
    g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
    g_autoptr(GHashTable) given = sihua_answer_table_new ();
    g_autofree char *expected = NULL;
    guint answered, applicable;

    g_hash_table_replace (given, g_strdup ("production.batch"),
                          sihua_answer_new ("production.batch", sihua_answer_value_new_na (), NULL, NULL));
    for (guint i = 0; i < 4; i++)
      {
        const char *ids[] = { "systems.coverage", "systems.modules", "production.networked", "profile.notes" };

        g_hash_table_replace (given, g_strdup (ids[i]),
                              sihua_answer_new (ids[i], sihua_answer_value_new_text ("x"), NULL, NULL));
      }
    sihua_answer_count (model, given, &answered, &applicable);
    g_assert_cmpuint (answered, ==, 4);
    g_assert_cmpuint (applicable, ==, sihua_model_get_questions (model)->len - 1);
    expected = g_strdup_printf ("Answered: %u/%u\n", answered, applicable);
    g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "show", id, NULL), ==, 0);
    g_assert_nonnull (strstr (out, expected));
    g_clear_pointer (&out, g_free);
  }

  answers = json_object_get_object_member (show (fixture, id, &root), "answers");
  g_assert_cmpuint (json_object_get_size (answers), ==, 5);
  answer = json_object_get_object_member (answers, "systems.coverage");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answer, "value"), "level"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (answer, "note"), ==, "ERP 上线两年");
  g_assert_cmpstr (json_object_get_string_member (answer, "evidence"), ==, "系统截图");
  answer = json_object_get_object_member (answers, "production.batch");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (answer, "value"), "na"));
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "history", id, "systems.coverage",
                                       "--json", NULL), ==, 0);
  history = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (history)), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (json_node_get_array (history), 0),
                                              "old_value"));
  g_clear_pointer (&out, g_free);

  /* Undo takes back the last change (profile.notes), then the one before. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "undo", id, NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "undo", id, NULL), ==, 0);
  answers = json_object_get_object_member (show (fixture, id, &root), "answers");
  g_assert_cmpuint (json_object_get_size (answers), ==, 3);
  g_assert_false (json_object_has_member (answers, "profile.notes"));
  g_clear_pointer (&root, json_node_unref);

  /* A re-assessment starts from the previous answers, linked to them. */
  second = new_assessment (fixture, id);
  g_assert_cmpstr (second, ==, "2");
  {
    JsonObject *shown = show (fixture, second, &root);
    JsonObject *assessment = json_object_get_object_member (shown, "assessment");

    g_assert_cmpint (json_object_get_int_member (assessment, "previous_id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (assessment, "model_id"), ==, "example-small");
    g_assert_cmpuint (json_object_get_size (json_object_get_object_member (shown, "answers")), ==, 3);
  }
  g_clear_pointer (&root, json_node_unref);

  /* Without --model the default model is used. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "new", "--company", "1", "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "model_id"), ==, "sihua-4hua");
}

static void
test_cli_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bad_question = g_build_filename (fixture->dir, "bad-question.json", NULL);
  g_autofree char *bad_value = g_build_filename (fixture->dir, "bad-value.json", NULL);
  g_autofree char *not_json = g_build_filename (fixture->dir, "broken.json", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "good.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answers;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "温州阀门", NULL), ==, 0);
  id = new_assessment (fixture, NULL);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", id, "systems.coverage", "1", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &before, NULL, "assessment", "show", id, "--json", NULL), ==, 0);

  g_assert_true (g_file_set_contents (bad_question,
                                      "{\"answers\": {\"systems.coverage\": 4, \"production.reporting\": 2,"
                                      " \"systems.unknown\": 1}}", -1, NULL));
  g_assert_true (g_file_set_contents (bad_value,
                                      "{\"answers\": {\"systems.coverage\": 4, \"systems.modules\": [\"erp\", \"sap\"]}}",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (not_json, "{\"answers\": {", -1, NULL));

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "import", id, bad_question, NULL), ==, 1);
  assert_one_line (out, err, "systems.unknown");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "import", id, bad_value, NULL), ==, 1);
  assert_one_line (out, err, "Which systems are in use?");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "import", id, not_json, NULL), ==, 1);
  assert_one_line (out, err, "broken.json");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* All or nothing: the refused files changed nothing. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &after, NULL, "assessment", "show", id, "--json", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_set_contents (good,
                                      "{\"answers\": {\"systems.coverage\": 4, \"systems.modules\": [\"erp\", \"mes\"],"
                                      " \"production.networked\": 60, \"production.batch\": \"na\","
                                      " \"profile.production_type\": \"discrete\", \"profile.notes\": \"按单生产\"},"
                                      " \"notes\": {\"systems.coverage\": \"访谈确认\"}}", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "import", id, good, "--json", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  answers = json_object_get_object_member (show (fixture, id, &root), "answers");
  g_assert_cmpuint (json_object_get_size (answers), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answers, "systems.coverage"), "note"),
                   ==, "访谈确认");
}

static void
test_cli_check_backup_restore (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "一", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &backup, NULL, "backup", NULL), ==, 0);
  g_strchomp (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "二", NULL), ==, 0);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "check", "--json", NULL), ==, 0);
  root = parse (out);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "ok"));
  g_assert_cmpstr (json_object_get_string_member (object, "integrity"), ==, "ok");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "backups")), >=, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "restore", backup, "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_true (g_file_test (json_object_get_string_member (json_node_get_object (root), "previous_copy"),
                              G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "list", "--json", NULL), ==, 0);
  root = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_clear_pointer (&out, g_free);

  /* A damaged database: check says so, lists the backups, exits 1. */
  g_assert_true (g_file_set_contents (fixture->db, "this is no database", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (out, backup));
  g_assert_nonnull (strstr (err, "not a Sihua database"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "restore", "/no/such/backup.db", NULL), ==, 1);
  assert_one_line (out, err, "/no/such/backup.db");
}

/* Only an index is damaged: check names it, repair rebuilds it and keeps
 * the damaged file, and every row reads again. */
static void
test_cli_repair (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "常州智造", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1", NULL), ==, 0);
  sihua_test_damage_index (fixture->db, "assessments", "assessments_company", "company_id, date", "date");

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "company", "show", "1", NULL), ==, 1);
  assert_one_line (out, err, "damaged");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "assessments_company"));
  g_assert_nonnull (strstr (err, "sihua-cli repair"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "repair", "--json", NULL), ==, 0);
  root = parse (out);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "repaired"));
  g_assert_true (g_file_test (json_object_get_string_member (object, "previous_copy"), G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "check", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "show", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "sihua-4hua"));
  g_clear_pointer (&out, g_free);

  /* Sound now: nothing to do, said so, exit 0. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "repair", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing to repair"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "repair", "now", NULL), ==, 2);
}

/* What a terminal would take for a command: ESC, a C1 control, a bidi
 * override, and a newline and a tab that would forge a row of the list. */
static void
assert_no_controls (const char *text)
{
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strstr (text, "\xc2\x9b"));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
}

static void
test_cli_hostile_text (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *name = "\x1b[2J\xc2\x9b" "31m伪造\xe2\x80\xae" "cba\n2\tFake Co";
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) shown = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "add", "--name", name,
                                       "--notes", "\x1b]0;title\x07", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  /* One row, the controls written out. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "list", NULL), ==, 0);
  assert_no_controls (out);
  g_assert_nonnull (strstr (out, "\\u001b[2J\\u009b31m伪造\\u202ecba\\n2\\tFake Co\t"));
  g_assert_cmpuint (strlen (out), ==, (gsize) (strchr (out, '\n') - out) + 1);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "show", "1", NULL), ==, 0);
  assert_no_controls (out);
  g_assert_nonnull (strstr (out, "\\u001b]0;title\\u0007"));
  g_clear_pointer (&out, g_free);

  /* JSON keeps every character of the name, escaped as JSON allows. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "show", "1", "--json", NULL), ==, 0);
  assert_no_controls (out);
  shown = parse (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "name"), ==, name);
  g_clear_pointer (&out, g_free);

  /* A message quoting outside text. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, &err, "assessment", "show", name, NULL), ==, 2);
  assert_no_controls (err);
  g_assert_nonnull (strstr (err, "\\u001b[2J"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Messages are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/store/company", test_cli_company);
  ADD ("/cli/store/assessment", test_cli_assessment);
  ADD ("/cli/store/import", test_cli_import);
  ADD ("/cli/store/check-backup-restore", test_cli_check_backup_restore);
  ADD ("/cli/store/repair", test_cli_repair);
  ADD ("/cli/store/hostile-text", test_cli_hostile_text);

#undef ADD

  return g_test_run ();
}
