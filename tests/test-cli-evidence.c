/* test-cli-evidence.c
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
  char *photo;
  char *form;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *model = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "example-small.json", NULL);

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->photo = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", "shop-floor.jpg", NULL);
  fixture->form = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", "scanned-form.pdf", NULL);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "绍兴印染", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1",
                                       "--model", model, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->photo);
  g_free (fixture->form);
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

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static guint
count_listed (Fixture *fixture)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "list", "1", "--json", NULL), ==, 0);
  root = parse (out);

  return json_array_get_length (json_node_get_array (root));
}

static void
assert_fails (Fixture    *fixture,
              int         status,
              const char *needle,
              ...) G_GNUC_NULL_TERMINATED;

/* The command fails with @status and one line on stderr holding @needle. */
static void
assert_fails (Fixture    *fixture,
              int         status,
              const char *needle,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, g_strdup (g_getenv ("SIHUA_CLI")));
  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (fixture->db));
  va_start (ap, needle);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (sihua_test_run ((const char * const *) args->pdata, NULL, &out, &err), ==, status);
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, needle) == NULL)
    g_error ("“%s” not in: %s", needle, err);
  g_assert_cmpint (strchr (err, '\n')[1], ==, '\0');
}

/* Add a photo and a PDF, list them, write each out byte for byte. */
static void
test_add_list_export (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *photo_hash = file_sha256 (fixture->photo);
  g_autofree char *form_hash = file_sha256 (fixture->form);
  g_autofree char *exported = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *exported_hash = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "add", "1", "systems.coverage",
                                       fixture->photo, "--json", NULL), ==, 0);
  root = parse (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "file_name"), ==, "shop-floor.jpg");
  g_assert_cmpstr (json_object_get_string_member (object, "media_type"), ==, "image/jpeg");
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==, photo_hash);
  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "add", "1", "systems.coverage",
                                       fixture->form, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "scanned-form.pdf"));
  g_assert_nonnull (strstr (out, "application/pdf"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "list", "1", "--json", NULL), ==, 0);
  root = parse (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==, form_hash);
  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, "systems.coverage");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "export", "1", "systems.coverage",
                                       "2", "-o", exported, NULL), ==, 0);
  exported_hash = file_sha256 (exported);
  g_assert_cmpstr (exported_hash, ==, form_hash);
}

/* Wrong ids, numbers and files are refused by name; nothing is added. */
static void
test_wrong_input (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-photo.jpg", NULL);
  g_autofree char *out_path = g_build_filename (fixture->dir, "out.jpg", NULL);

  assert_fails (fixture, 1, "no.such", "evidence", "add", "1", "no.such", fixture->photo, NULL);
  assert_fails (fixture, 1, "42", "evidence", "add", "42", "systems.coverage", fixture->photo, NULL);
  assert_fails (fixture, 2, "zwei", "evidence", "add", "zwei", "systems.coverage", fixture->photo, NULL);
  assert_fails (fixture, 1, "no-such-photo.jpg", "evidence", "add", "1", "systems.coverage", missing, NULL);
  assert_fails (fixture, 1, "is not a file", "evidence", "add", "1", "systems.coverage", fixture->dir, NULL);
  g_assert_cmpuint (count_listed (fixture), ==, 0);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "evidence", "add", "1", "systems.coverage",
                                       fixture->photo, NULL), ==, 0);
  assert_fails (fixture, 1, "no number 3", "evidence", "export", "1", "systems.coverage", "3",
                "-o", out_path, NULL);
  assert_fails (fixture, 2, "-o FILE", "evidence", "export", "1", "systems.coverage", "1", NULL);
  assert_fails (fixture, 2, "“x”", "evidence", "delete", "1", "systems.coverage", "x", NULL);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

/* Delete takes the file off the answer, undo puts it back. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "evidence", "add", "1", "systems.coverage",
                                       fixture->photo, NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "evidence", "add", "1", "systems.backup",
                                       fixture->form, NULL), ==, 0);
  g_assert_cmpuint (count_listed (fixture), ==, 2);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "delete", "1", "systems.coverage",
                                       "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "shop-floor.jpg"));
  g_assert_cmpuint (count_listed (fixture), ==, 1);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "evidence", "undo", "1", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "shop-floor.jpg"));
  g_assert_cmpuint (count_listed (fixture), ==, 2);
  assert_fails (fixture, 1, "no deleted evidence", "evidence", "undo", "1", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/evidence/add-list-export", test_add_list_export);
  ADD ("/cli/evidence/wrong-input", test_wrong_input);
  ADD ("/cli/evidence/delete-undo", test_delete_undo);

#undef ADD

  return g_test_run ();
}
