/* test-cli-roadmap.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-test-utils.h"

/* `sihua-cli roadmap` through the real program: the ranked plan as JSON,
 * and the consultant's edits. The answers are those of a 320-person
 * discrete manufacturer at 信息化 that reported 不会转 and 不敢转. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *answers = g_test_build_filename (G_TEST_DIST, "fixtures", "roadmap-answers.json", NULL);

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "华东精密机械", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "import", "1", answers, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static JsonObject *
roadmap_json (Fixture *fixture)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "--json", "roadmap", "1", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The action of @id in the phases, or NULL. */
static JsonObject *
find_action (JsonObject *roadmap,
             const char *member,
             const char *id)
{
  JsonArray *phases = json_object_get_array_member (roadmap, "phases");

  if (member != NULL)
    {
      JsonArray *actions = json_object_get_array_member (roadmap, member);

      for (guint i = 0; i < json_array_get_length (actions); i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (actions, i), "id"), id))
          return json_array_get_object_element (actions, i);
      return NULL;
    }

  for (guint h = 0; h < json_array_get_length (phases); h++)
    {
      JsonArray *actions = json_object_get_array_member (json_array_get_object_element (phases, h), "actions");

      for (guint i = 0; i < json_array_get_length (actions); i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (actions, i), "id"), id))
          return json_array_get_object_element (actions, i);
    }

  return NULL;
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonObject) roadmap = roadmap_json (fixture);
  JsonArray *phases = json_object_get_array_member (roadmap, "phases");
  gint64 expected_rank = 1;
  JsonObject *first;

  /* Ranks run 1, 2, 3… through the phases; each action has a reason and
   * says its phase; no phase but the last holds more than it can carry. */
  for (guint h = 0; h < json_array_get_length (phases); h++)
    {
      JsonObject *phase = json_array_get_object_element (phases, h);
      JsonArray *actions = json_object_get_array_member (phase, "actions");

      if (h + 1 < json_array_get_length (phases))
        g_assert_cmpint (json_object_get_int_member (phase, "load"), <=,
                         json_object_get_int_member (phase, "capacity"));
      for (guint i = 0; i < json_array_get_length (actions); i++)
        {
          JsonObject *action = json_array_get_object_element (actions, i);

          g_assert_cmpint (json_object_get_int_member (action, "rank"), ==, expected_rank++);
          g_assert_cmpstr (json_object_get_string_member (action, "phase"), ==,
                           json_object_get_string_member (phase, "horizon"));
          g_assert_cmpuint (strlen (json_object_get_string_member (action, "reason")), >, 0);
          g_assert_cmpstr (json_object_get_string_member (action, "status"), ==, "planned");
        }
    }
  g_assert_cmpint (expected_rank, >, 10);

  /* 不会转 puts training first; a discrete manufacturer gets no recipe measure. */
  first = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (phases, 0),
                                                                       "actions"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "promoted_by"), ==, "rec.barrier.dont_know");
  g_assert_cmpstr (json_object_get_string_member (first, "dimension"), ==, "talent");
  g_assert_null (find_action (roadmap, NULL, "rec.production.2.2"));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonObject) roadmap = NULL;
  g_autofree char *err = NULL;
  JsonObject *action;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "roadmap", "edit", "1", "rec.network.1.1",
                                       "--owner", "设备部 张工", "--budget", "3.5", "--start", "2027-01",
                                       "--due", "2027-03", "--status", "in_progress", "--note", "先做二车间",
                                       NULL), ==, 0);
  /* Refused, and nothing changed: a due month before the start, a month
   * that is not one, a measure the roadmap does not have. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "roadmap", "edit", "1", "rec.network.1.1",
                                       "--due", "2026-12", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "2026-12"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "roadmap", "edit", "1", "rec.network.1.1",
                                       "--start", "2027-13", NULL), !=, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "roadmap", "edit", "1", "rec.production.2.2",
                                       "--owner", "x", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "rec.production.2.2"));

  roadmap = roadmap_json (fixture);
  action = find_action (roadmap, NULL, "rec.network.1.1");
  g_assert_nonnull (action);
  g_assert_cmpstr (json_object_get_string_member (action, "owner"), ==, "设备部 张工");
  g_assert_cmpfloat (json_object_get_double_member (action, "budget"), ==, 3.5);
  g_assert_cmpstr (json_object_get_string_member (action, "start"), ==, "2027-01");
  g_assert_cmpstr (json_object_get_string_member (action, "due"), ==, "2027-03");
  g_assert_cmpstr (json_object_get_string_member (action, "status"), ==, "in_progress");
  g_assert_cmpstr (json_object_get_string_member (action, "note"), ==, "先做二车间");
}

static void
test_add_and_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) roadmap = NULL;
  g_autofree char *out = NULL;
  JsonObject *own;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "roadmap", "add", "1", "--title", "车间5S整顿",
                                       "--dimension", "production", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "own.1");
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "roadmap", "edit", "1", "own.1", "--rank", "1",
                                       NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "roadmap", "add", "1", "--title", "x",
                                       "--dimension", "no-such-dimension", NULL), !=, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "roadmap", "drop", "1", "rec.network.1.2",
                                       NULL), ==, 0);

  roadmap = roadmap_json (fixture);
  own = find_action (roadmap, NULL, "own.1");
  g_assert_nonnull (own);
  g_assert_true (json_object_get_boolean_member (own, "own"));
  g_assert_cmpint (json_object_get_int_member (own, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (own, "title"), ==, "车间5S整顿");
  g_assert_null (find_action (roadmap, NULL, "rec.network.1.2"));
  g_assert_nonnull (find_action (roadmap, "dropped", "rec.network.1.2"));
  g_clear_pointer (&roadmap, json_object_unref);

  /* Planned again, it is back where the rule puts it. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "roadmap", "edit", "1", "rec.network.1.2",
                                       "--status", "planned", NULL), ==, 0);
  roadmap = roadmap_json (fixture);
  g_assert_nonnull (find_action (roadmap, NULL, "rec.network.1.2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/roadmap/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/cli/roadmap/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/cli/roadmap/add-and-drop", Fixture, NULL, fixture_set_up, test_add_and_drop, fixture_tear_down);

  return g_test_run ();
}
