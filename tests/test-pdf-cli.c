/* test-pdf-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "sihua-test-utils.h"
#include "test-pdf-util.h"

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

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "company", "add", "--name",
                                       "苏州恒达精工科技有限公司", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1",
                                       "--consultant", "周顾问", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", "1",
                                       "equipment.automation", "2", "--note",
                                       "现场看到 6 台数控车床 (CNC lathes)，已联网 4 台。", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "answer", "1",
                                       "network.coverage", "1", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Nothing but @expected is left in the directory: no temporary file. */
static void
assert_only_files (const char          *dir,
                   const char * const  *expected)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("unexpected file %s left in %s", name, dir);
}

static void
test_report_written (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "报告.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char * const expected[] = { "sihua.db", "报告.pdf", "backups", NULL };

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "report", "1", "-o", pdf,
                                       "--lang", "zh_CN", NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pdf_assert_fonts_embedded (pdf), ==, 1);
  pdf_assert_qpdf_clean (pdf);

  text = pdf_text (pdf);
  flat = strip_white (text);
  g_assert_nonnull (strstr (flat, "苏州恒达精工科技有限公司"));
  g_assert_nonnull (strstr (flat, "现场看到6台数控车床(CNClathes)，已联网4台。"));
  g_assert_nonnull (strstr (flat, "周顾问"));
  assert_only_files (fixture->dir, expected);
}

static void
test_report_sections_and_lang (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *outline = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "report", "1", "-o", pdf,
                                       "--lang", "en", "--sections", "cover,summary", NULL), ==, 0);
  g_assert_cmpuint (pdf_n_pages (pdf), ==, 2);
  outline = pdf_outline (pdf);
  g_assert_cmpstr (outline, ==, "Executive summary@2\n");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Digital Transformation Maturity"));
}

static void
assert_one_line_error (const char *err,
                       const char *needle)
{
  g_assert_nonnull (strstr (err, needle));
  /* One line: the message and its newline. */
  g_assert_cmpuint (count_occurrences (err, "\n"), ==, 1);
}

static void
test_report_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "never.pdf", NULL);
  g_autofree char *bad_dir = g_build_filename (fixture->dir, "missing", "never.pdf", NULL);
  const char * const expected[] = { "sihua.db", "backups", NULL };

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "report", "42", "-o", pdf, NULL), ==, 1);
    assert_one_line_error (err, "42");
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "report", "1", "-o", bad_dir, NULL), ==, 1);
    assert_one_line_error (err, bad_dir);
  }
  {
    g_autofree char *err = NULL;

    g_setenv ("SIHUA_REPORT_FONT", "/nonexistent/wqy-zenhei.ttc", TRUE);
    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "report", "1", "-o", pdf, NULL), ==, 1);
    g_unsetenv ("SIHUA_REPORT_FONT");
    assert_one_line_error (err, "/nonexistent/wqy-zenhei.ttc");
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "report", "1", "-o", pdf,
                                         "--lang", "fr", NULL), ==, 2);
    assert_one_line_error (err, "fr");
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "report", "1", "-o", pdf,
                                         "--sections", "summary,charts", NULL), ==, 2);
    assert_one_line_error (err, "charts");
  }

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  assert_only_files (fixture->dir, expected);
}

/* An existing report is replaced whole, never left half-written. */
static void
test_report_replaces (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "report", "1", "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* Killed at any moment, an export of a new report leaves either the
 * complete report or nothing under the file's name, and no temporary file
 * either. */
static void
test_report_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "killed.pdf", NULL);
  /* A killed process may leave the database's journal behind; that is SQLite's. */
  const char * const expected[] = { "sihua.db", "sihua.db-wal", "sihua.db-shm", "killed.pdf", "backups", NULL };
  guint n_complete = 0;

  for (guint delay_ms = 0; delay_ms <= 300; delay_ms += 25)
    {
      const char *argv[] = { g_getenv ("SIHUA_CLI"), "--db", fixture->db, "report", "1", "-o", pdf, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int wait_status;

      g_unlink (pdf);
      g_assert_true (g_spawn_async (NULL, (char **)argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &wait_status, 0);
      g_spawn_close_pid (pid);

      if (g_file_test (pdf, G_FILE_TEST_EXISTS))
        {
          pdf_assert_qpdf_clean (pdf);
          n_complete++;
        }
      assert_only_files (fixture->dir, expected);
    }

  /* On a quiet machine the last kills come after the export finished; on a
   * loaded one none may, which proves nothing either way. */
  g_test_message ("%u of the killed exports had finished", n_complete);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "report", "1", "-o", pdf, NULL), ==, 0);

  /* Replacing a report goes through a hidden name; one left by a kill at
   * exactly the wrong moment is removed by the next export. */
  {
    g_autofree char *stale = g_build_filename (fixture->dir, ".killed.pdf.0badf00d.part", NULL);

    g_assert_true (g_file_set_contents (stale, "%PDF-half", -1, NULL));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "report", "1", "-o", pdf, NULL), ==, 0);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    pdf_assert_qpdf_clean (pdf);
  }
}

/* An assessment with no answer yet still gives a sensible report: no
 * "nan", no negative stage. */
static void
test_report_unanswered (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "report", "2", "-o", pdf, "--lang", "en", NULL), ==, 0);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, " nan"));
  g_assert_null (strstr (text, "stage -1"));
  g_assert_null (strstr (text, "Stage -1"));
  g_assert_null (strstr (text, ": -1"));
  g_assert_nonnull (strstr (text, "Not scored yet"));
  pdf_assert_qpdf_clean (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf-cli/report-written", Fixture, NULL, fixture_set_up, test_report_written, fixture_tear_down);
  g_test_add ("/pdf-cli/sections-and-lang", Fixture, NULL, fixture_set_up, test_report_sections_and_lang, fixture_tear_down);
  g_test_add ("/pdf-cli/errors", Fixture, NULL, fixture_set_up, test_report_errors, fixture_tear_down);
  g_test_add ("/pdf-cli/killed", Fixture, NULL, fixture_set_up, test_report_killed, fixture_tear_down);
  g_test_add ("/pdf-cli/unanswered", Fixture, NULL, fixture_set_up, test_report_unanswered, fixture_tear_down);
  g_test_add ("/pdf-cli/replaces", Fixture, NULL, fixture_set_up, test_report_replaces, fixture_tear_down);

  return g_test_run ();
}
