/* test-cli-finalize.c: interviewees, their answers, details, finalising
 * and reopening from the command line.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  char       *db;
  char       *id;
  char       *question;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械");
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *questions = sihua_model_get_questions (model);
  gint64 company_id, id;

  f->dir = sihua_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "a.db", NULL);
  store = sihua_test_open_store (f->db);
  company_id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  id = sihua_store_new_assessment (store, company_id, model, 0, NULL, &error);
  g_assert_no_error (error);
  sihua_test_answer_everything (store, model, id, 2);
  f->id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  for (guint i = 0; i < questions->len && f->question == NULL; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        f->question = g_strdup (question->id);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->id);
  g_free (f->question);
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
assert_refused (Fixture    *f,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;
  int rc;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  while (args->len < 8)
    g_ptr_array_add (args, NULL);

  rc = sihua_test_run_cli (f->db, &out, &err, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                           args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7], NULL);
  g_assert_cmpint (rc, ==, 1);
  if (strstr (err, "reopen") == NULL)
    g_error ("%s %s: %s", first, (const char *) args->pdata[1], err);
}

/* A copy of the database file, as another laptop would hold it. */
static gboolean
copy_database (const char *from,
               const char *to)
{
  g_autoptr(SihuaStore) source = sihua_test_open_store (from);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = sihua_store_backup (source, &error);

  g_assert_no_error (error);
  return g_rename (backup, to) == 0;
}

static void
test_interviewees_and_details (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *object;
  JsonArray *to_discuss;

  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "interviewee", "add", f->id,
                                       "--name", "王芳", "--role", "生产经理", "--department", "生产部", NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "王芳");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "interviewee", "add", f->id, "--name", "赵强", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "interviewee", "add", f->id, "--name", "王芳", NULL), ==, 1);

  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "answer", f->id, f->question, "1",
                                       "--by", "王芳", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "answer", f->id, f->question, "3",
                                       "--by", "赵强", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "answer", f->id, f->question, "3",
                                       "--by", "无此人", NULL), ==, 1);

  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "assessment", "set", f->id,
                                       "--date", "2026-03-14", "--consultant", "李工", "--target", "3",
                                       "--notes", "二车间未看", NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-03-14");
  g_assert_cmpstr (json_object_get_string_member (object, "consultant"), ==, "李工");
  g_assert_cmpint (json_object_get_int_member (object, "target_level"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "set", f->id, "--date", "14.3.2026", NULL), ==, 1);

  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "assessment", "show", f->id, NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "interviewees")), ==, 2);
  to_discuss = json_object_get_array_member (object, "to_discuss");
  g_assert_cmpuint (json_array_get_length (to_discuss), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (to_discuss, 0), ==, f->question);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "assessment"), "notes"),
                   ==, "二车间未看");
}

static void
test_finalize_and_reopen (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "signed.pdf", NULL);
  g_autofree char *photo = g_build_filename (f->dir, "shop-floor.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *file_sha = NULL;
  gsize length;
  JsonObject *object;
  JsonArray *revisions;

  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "interviewee", "add", f->id, "--name", "王芳", NULL), ==, 0);
  g_assert_true (g_file_set_contents (photo, "a photo of the shop floor", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "evidence", "add", f->id, f->question, photo, NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "assessment", "finalize", f->id,
                                       "--lang", "en", NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_true (json_object_get_boolean_member (object, "finalized"));
  g_clear_pointer (&out, g_free);

  /* Every change is refused, with the way to reopen. */
  assert_refused (f, "assessment", "answer", f->id, f->question, "0", NULL);
  assert_refused (f, "assessment", "answer", f->id, f->question, "0", "--by", "王芳", NULL);
  assert_refused (f, "assessment", "set", f->id, "--notes", "后改", NULL);
  assert_refused (f, "interviewee", "add", f->id, "--name", "赵强", NULL);
  assert_refused (f, "interviewee", "remove", f->id, "--name", "王芳", NULL);
  assert_refused (f, "assessment", "undo", f->id, NULL);
  assert_refused (f, "assessment", "finalize", f->id, NULL);
  assert_refused (f, "evidence", "add", f->id, f->question, photo, NULL);
  assert_refused (f, "evidence", "delete", f->id, f->question, "1", NULL);
  assert_refused (f, "evidence", "undo", f->id, NULL);

  /* A bundle from a copy where it was reopened and changed takes nothing
   * into the finalised assessment here: the finalised side wins. */
  {
    g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
    g_autofree char *bundle = g_build_filename (f->dir, "changed.sihua", NULL);
    g_autofree char *shown = NULL;

    g_assert_true (copy_database (f->db, copy));
    g_assert_cmpint (sihua_test_run_cli (copy, NULL, NULL, "assessment", "reopen", f->id, "--reason", "试", NULL), ==, 0);
    g_assert_cmpint (sihua_test_run_cli (copy, NULL, NULL, "assessment", "answer", f->id, f->question, "4", NULL), ==, 0);
    g_assert_cmpint (sihua_test_run_cli (copy, NULL, NULL, "bundle", "export", "-o", bundle, NULL), ==, 0);
    g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "bundle", "import", bundle,
                                         "--on-conflict", "theirs", NULL), ==, 0);
    object = parse_object (parser, out);
    g_assert_cmpint (json_object_get_int_member (object, "assessments_kept_final"), ==, 1);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (sihua_test_run_cli (f->db, &shown, NULL, "--json", "assessment", "show", f->id, NULL), ==, 0);
    object = parse_object (parser, shown);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "assessment"), "revision"),
                     ==, 1);
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (object, "assessment"), "finalized"));
  }

  /* The signed report comes out byte for byte. */
  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "report", f->id, "--stored", "-o", pdf, NULL), ==, 0);
  object = parse_object (parser, out);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  file_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (json_object_get_string_member (object, "sha256"), ==, file_sha);
  g_clear_pointer (&out, g_free);

  /* Reopening needs a reason and keeps the revision. */
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "reopen", f->id, NULL), ==, 2);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "reopen", f->id,
                                       "--reason", "客户补充了资料", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "assessment", "answer", f->id, f->question, "3", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (f->db, &out, NULL, "--json", "assessment", "revisions", f->id, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  revisions = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (revisions), ==, 1);
  object = json_array_get_object_element (revisions, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "reopen_reason"), ==, "客户补充了资料");
  g_assert_cmpstr (json_object_get_string_member (object, "report_sha256"), ==, file_sha);
  g_clear_pointer (&out, g_free);

  /* The kept report is still handed out after reopening. */
  g_remove (pdf);
  g_assert_cmpint (sihua_test_run_cli (f->db, NULL, NULL, "report", f->id, "--stored", "--revision", "1",
                                       "-o", pdf, NULL), ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_clear_pointer (&file_sha, g_free);
  file_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (json_object_get_string_member (object, "report_sha256"), ==, file_sha);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-finalize/interviewees-and-details", Fixture, NULL,
              fixture_set_up, test_interviewees_and_details, fixture_tear_down);
  g_test_add ("/cli-finalize/finalize-and-reopen", Fixture, NULL,
              fixture_set_up, test_finalize_and_reopen, fixture_tear_down);

  return g_test_run ();
}
