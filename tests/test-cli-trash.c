/* test-cli-trash.c: company delete, assessment delete, company merge and
 * the trash commands of sihua-cli, their messages, and that what is in the
 * trash stays out of lists, exports and bundles.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* Runs sihua-cli on the fixture's database with the arguments up to
 * %NULL, checks its exit status and returns its standard output (or
 * standard error when it failed). */
static char *
run (Fixture    *f,
     int         expected_status,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *line = NULL;
  char *out = NULL;
  char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("SIHUA_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, expected_status);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = sihua_test_run ((const char * const *) argv->pdata, NULL, &out, &err);
  line = g_strjoinv (" ", (char **) argv->pdata);
  if (status != expected_status)
    g_error ("%s: exit %d, not %d: %s%s", line, status, expected_status, out, err);
  if (status != 0)
    {
      g_free (out);
      return err;
    }
  g_free (err);
  return out;
}

#define RUN(f, ...) run (f, 0, __VA_ARGS__, NULL)
#define FAIL(f, status, ...) run (f, status, __VA_ARGS__, NULL)

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static gint64
member_int (const char *json,
            const char *member)
{
  g_autoptr(JsonNode) root = parse (json);

  return json_object_get_int_member (json_node_get_object (root), member);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sihua_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "a.db", NULL);
  g_free (RUN (f, "company", "add", "--name", "华东精密机械"));
  g_free (RUN (f, "company", "add", "--name", "闽江电子", "--region", "福建省福州市"));
  g_free (RUN (f, "assessment", "new", "--company", "1"));
  g_free (RUN (f, "assessment", "new", "--company", "2"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
test_delete_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *deleted = RUN (f, "--json", "company", "delete", "1");
  g_autofree char *again = FAIL (f, 1, "company", "delete", "1");
  g_autofree char *unknown = FAIL (f, 1, "company", "delete", "99");
  g_autofree char *bad = FAIL (f, 2, "company", "delete", "one");
  g_autofree char *shown = FAIL (f, 1, "assessment", "show", "1");
  g_autofree char *listed = RUN (f, "company", "list");
  g_autofree char *trash = RUN (f, "--json", "trash", "list");
  g_autofree char *export_path = g_build_filename (f->dir, "all.json", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *bundle_path = g_build_filename (f->dir, "all.sihua", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *imported = NULL;
  g_autofree char *no_entry = NULL;
  g_autofree char *entry_text = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *listed_again = NULL;
  g_autoptr(JsonNode) entries = NULL;
  JsonObject *entry;
  gint64 trash_id = member_int (deleted, "trash_id");

  g_assert_cmpint (trash_id, >, 0);
  g_assert_nonnull (strstr (again, "is in the trash"));
  g_assert_nonnull (strstr (again, "trash restore"));
  g_assert_nonnull (strstr (unknown, "There is no company with id 99"));
  g_assert_nonnull (strstr (bad, "company delete needs a company ID"));
  g_assert_nonnull (strstr (shown, "which is in the trash"));
  g_assert_null (strstr (listed, "华东精密机械"));
  g_assert_nonnull (strstr (listed, "闽江电子"));

  entries = parse (trash);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (entries)), ==, 1);
  entry = json_array_get_object_element (json_node_get_array (entries), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "id"), ==, trash_id);
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "company");
  g_assert_cmpstr (json_object_get_string_member (entry, "company_name"), ==, "华东精密机械");
  g_assert_cmpint (json_object_get_int_member (entry, "assessments"), ==, 1);

  /* Exports and bundles leave it out. */
  g_free (RUN (f, "export", "--format", "json", "-o", export_path));
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  g_assert_null (strstr (exported, "华东精密机械"));
  g_assert_nonnull (strstr (exported, "闽江电子"));
  g_free (RUN (f, "bundle", "export", "-o", bundle_path));
  g_assert_cmpint (sihua_test_run_cli (other_db, NULL, NULL, "bundle", "import", bundle_path, NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (other_db, &imported, NULL, "company", "list", NULL), ==, 0);
  g_assert_null (strstr (imported, "华东精密机械"));
  g_assert_nonnull (strstr (imported, "闽江电子"));

  no_entry = FAIL (f, 1, "trash", "restore", "99");
  g_assert_nonnull (strstr (no_entry, "There is no entry 99 in the trash"));
  entry_text = g_strdup_printf ("%" G_GINT64_FORMAT, trash_id);
  restored = RUN (f, "trash", "restore", entry_text);
  g_assert_nonnull (strstr (restored, "Restored"));
  listed_again = RUN (f, "company", "list");
  g_assert_nonnull (strstr (listed_again, "华东精密机械"));
}

static void
test_assessment_delete_and_empty (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *deleted = RUN (f, "assessment", "delete", "2");
  g_autofree char *again = FAIL (f, 1, "assessment", "delete", "2");
  g_autofree char *refused = FAIL (f, 1, "trash", "empty");
  g_autofree char *still = RUN (f, "--json", "trash", "list");
  g_autofree char *emptied = RUN (f, "--json", "trash", "empty", "--yes");
  g_autofree char *gone = FAIL (f, 1, "assessment", "show", "2");
  g_autofree char *shown = RUN (f, "--json", "company", "show", "2");
  g_autoptr(JsonNode) entries = parse (still);
  g_autoptr(JsonNode) company = parse (shown);

  g_assert_nonnull (strstr (deleted, "Moved assessment 2 to the trash"));
  g_assert_nonnull (strstr (again, "Assessment 2 is in the trash"));
  /* Nothing is destroyed without --yes. */
  g_assert_nonnull (strstr (refused, "--yes"));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (entries)), ==, 1);
  g_assert_cmpint (member_int (emptied, "entries"), ==, 1);
  g_assert_nonnull (strstr (gone, "There is no assessment with id 2"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (company),
                                                                         "assessments")), ==, 0);
}

static guint
n_assessments (Fixture    *f,
               const char *company)
{
  g_autofree char *shown = RUN (f, "--json", "company", "show", company);
  g_autoptr(JsonNode) root = parse (shown);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (root), "assessments"));
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *self = FAIL (f, 1, "company", "merge", "1", "1");
  g_autofree char *usage = FAIL (f, 2, "company", "merge", "1");
  g_autofree char *merged = RUN (f, "--json", "company", "merge", "1", "2");
  g_autofree char *kept = RUN (f, "--json", "company", "show", "1");
  g_autofree char *entry = NULL;
  g_autoptr(JsonNode) kept_root = parse (kept);

  g_assert_nonnull (strstr (self, "cannot be merged with itself"));
  g_assert_nonnull (strstr (usage, "company merge needs two company IDs"));
  g_assert_cmpint (member_int (merged, "moved_assessments"), ==, 1);
  g_assert_cmpuint (n_assessments (f, "1"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (kept_root), "region"), ==, "福建省福州市");

  entry = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (merged, "trash_id"));
  g_free (RUN (f, "trash", "restore", entry));
  g_assert_cmpuint (n_assessments (f, "1"), ==, 1);
  g_assert_cmpuint (n_assessments (f, "2"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli-trash/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("delete-and-restore", test_delete_and_restore);
  ADD ("assessment-delete-and-empty", test_assessment_delete_and_empty);
  ADD ("merge", test_merge);
#undef ADD

  return g_test_run ();
}
