/* test-cli-paths.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where sihua-cli reads and writes: a mistyped --db, a write-protected
 * database, -o naming the database, two commands at once. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sihua-test-utils.h"

#define N_PAIRS 60

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
  g_autofree char *model = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "example-small.json", NULL);

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "甲厂", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "assessment", "new", "--company", "1", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  g_chmod (fixture->db, 0600);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* A --db in a folder that does not exist: commands that read say so and
 * create nothing; even a command that adds data creates no folder. */
static void
test_mistyped_db (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "typo", NULL);
  g_autofree char *missing = g_build_filename (missing_dir, "sihua.db", NULL);
  g_autofree char *missing_file = g_build_filename (fixture->dir, "sihau.db", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "r.pdf", NULL);
  const char *dbs[] = { missing, missing_file };

  for (guint d = 0; d < G_N_ELEMENTS (dbs); d++)
    {
      const char *commands[][4] = {
        { "company", "list", NULL },
        { "company", "show", "1", NULL },
        { "assessment", "show", "1", NULL },
        { "score", "1", NULL },
        { "check", NULL },
        { "backup", NULL },
        { "repair", NULL },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          const char *argv[8] = { g_getenv ("SIHUA_CLI"), "--db", dbs[d] };

          for (guint a = 0; commands[c][a] != NULL; a++)
            argv[3 + a] = commands[c][a];
          g_assert_cmpint (sihua_test_run (argv, NULL, &out, &err), ==, 1);
          g_assert_nonnull (strstr (err, "There is no database at"));
          g_assert_nonnull (strstr (err, dbs[d]));
        }
      g_assert_cmpint (sihua_test_run_cli (dbs[d], NULL, NULL, "report", "1", "-o", pdf, NULL), ==, 1);
      g_assert_false (g_file_test (dbs[d], G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* Adding a company creates a new database in an existing folder only. */
  g_assert_cmpint (sihua_test_run_cli (missing, NULL, NULL, "company", "add", "--name", "乙厂", NULL), ==, 1);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sihua_test_run_cli (missing_file, NULL, NULL, "company", "add", "--name", "乙厂", NULL), ==, 0);
  g_assert_true (g_file_test (missing_file, G_FILE_TEST_IS_REGULAR));
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Reading commands work on a write-protected database in a write-protected
 * folder, and leave it exactly as it was: no conversion, no backup. */
static void
test_read_only_commands (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out_dir = sihua_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "r.pdf", NULL);
  g_autofree char *json = g_build_filename (out_dir, "e.json", NULL);
  g_autofree char *bundle = g_build_filename (out_dir, "b.sihua", NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *commands[][8] = {
    { "company", "list", NULL },
    { "company", "show", "1", NULL },
    { "assessment", "show", "1", NULL },
    { "score", "1", NULL },
    { "check", NULL },
    { "report", "1", "-o", pdf, NULL },
    { "export", "--format", "json", "-o", json, NULL },
    { "bundle", "export", "-o", bundle, NULL },
  };

  sihua_test_remove_tree (backups);
  g_assert_no_errno (g_chmod (fixture->db, 0444));
  g_assert_no_errno (g_chmod (fixture->dir, 0555));
  before = read_bytes (fixture->db);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[12] = { g_getenv ("SIHUA_CLI"), "--db", fixture->db };

      for (guint a = 0; commands[c][a] != NULL; a++)
        argv[3 + a] = commands[c][a];
      if (sihua_test_run (argv, NULL, &out, &err) != 0)
        g_error ("%s %s: %s", commands[c][0], commands[c][1] ? commands[c][1] : "", err);
    }

  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (bundle, G_FILE_TEST_EXISTS));

  sihua_test_remove_tree (out_dir);
}

/* -o naming the database, however it is spelled, its log or a backup:
 * refused, and the database is as it was. */
static void
test_output_is_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "..", NULL);
  g_autofree char *base = g_path_get_basename (fixture->dir);
  g_autofree char *roundabout = g_build_filename (dotted, base, "sihua.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *backup_out = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &backup_out, NULL, "backup", NULL), ==, 0);
  backup = g_strdup (g_strstrip (backup_out));
  g_assert_no_errno (symlink (fixture->db, link));
  before = read_bytes (fixture->db);

  {
    const char *outputs[] = { fixture->db, link, roundabout, wal, backup };

    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        const char *commands[][9] = {
          { "report", "1", "-o", outputs[o], NULL },
          { "export", "--format", "json", "-o", outputs[o], NULL },
          { "export", "--format", "xlsx", "-o", outputs[o], NULL },
          { "bundle", "export", "-o", outputs[o], NULL },
          { "chart", "1", "--kind", "radar", "-o", outputs[o], NULL },
        };

        for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
          {
            g_autofree char *out = NULL;
            g_autofree char *err = NULL;
            const char *argv[14] = { g_getenv ("SIHUA_CLI"), "--db", fixture->db };

            for (guint a = 0; commands[c][a] != NULL; a++)
              argv[3 + a] = commands[c][a];
            g_assert_cmpint (sihua_test_run (argv, NULL, &out, &err), ==, 1);
            g_assert_nonnull (strstr (err, "nothing was written"));
          }
      }
  }

  after = read_bytes (fixture->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "check", NULL), ==, 0);
}

/* Two commands at once, many times: both wait their turn and succeed. */
static void
test_two_commands_at_once (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *cli = g_getenv ("SIHUA_CLI");
  g_autofree char *out = NULL;
  g_auto(GStrv) names = NULL;
  guint n_failed = 0;

  for (guint pair = 0; pair < N_PAIRS; pair++)
    {
      GPid pids[2];

      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *name = g_strdup_printf ("并发%u-%u", pair, i);
          const char *add[] = { cli, "--db", fixture->db, "company", "add", "--name", name, NULL };
          const char *list[] = { cli, "--db", fixture->db, "company", "list", NULL };
          g_autoptr(GError) error = NULL;

          g_spawn_async (NULL, (char **) (i == 0 || pair % 2 == 0 ? add : list), NULL,
                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, &pids[i], &error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          int status;

          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          n_failed += !(WIFEXITED (status) && WEXITSTATUS (status) == 0);
        }
    }

  g_test_message ("%u pairs of commands at once, %u failed", N_PAIRS, n_failed);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "--json", "company", "list", NULL), ==, 0);
  names = g_strsplit (out, "\"name\"", -1);
  g_assert_cmpuint (g_strv_length (names) - 1, ==, 1 + N_PAIRS + N_PAIRS / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/paths/mistyped-db", test_mistyped_db);
  ADD ("/cli/paths/read-only-commands", test_read_only_commands);
  ADD ("/cli/paths/output-is-database", test_output_is_database);
  ADD ("/cli/paths/two-commands-at-once", test_two_commands_at_once);

#undef ADD

  return g_test_run ();
}
