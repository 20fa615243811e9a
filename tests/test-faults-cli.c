/* test-faults-cli.c: sihua-cli under a full disk (a file size limit in the
 * child: no mount, no root), killed during a bundle import, and given a
 * damaged database.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "sihua-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static const char * const ladder_answers[][2] = {
  { "equipment.automation", "2" },
  { "network.coverage", "1" },
  { "systems.coverage", "3" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *answers = NULL;
  g_autoptr(GString) json = g_string_new ("{\"answers\": {");
  g_autoptr(GString) notes = g_string_new ("\"notes\": {");
  g_autoptr(GString) note = g_string_new (NULL);

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append (note, "车间主任介绍：关键工序已上数控设备，程序靠U盘传输，设备数据尚未采集。");
  for (guint q = 0; q < G_N_ELEMENTS (ladder_answers); q++)
    {
      g_string_append_printf (json, "%s\"%s\": %s", q > 0 ? ", " : "", ladder_answers[q][0], ladder_answers[q][1]);
      g_string_append_printf (notes, "%s\"%s\": \"%s\"", q > 0 ? ", " : "", ladder_answers[q][0], note->str);
    }
  g_string_append_printf (json, "}, %s}}", notes->str);
  answers = g_build_filename (fixture->dir, "answers.json", NULL);
  g_assert_true (g_file_set_contents (answers, json->str, -1, NULL));

  /* Enough companies that every export is far larger than the limit. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("昆山第%u精密机械有限公司", i + 1);
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", name,
                                           "--region", "江苏省苏州市", NULL), ==, 0);
      g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", id,
                                           "--consultant", "吴顾问", NULL), ==, 0);
      g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "import", id, answers,
                                           NULL), ==, 0);
    }
  g_unlink (answers);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/*
 * Running the CLI with a file size limit: every write past @limit bytes of a
 * file fails with EFBIG, as on a full disk.
 */

static rlim_t child_file_limit;

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { child_file_limit, child_file_limit };

  /* Without this the kernel kills the process at the first refused write. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static int
run_limited_env (rlim_t               limit,
                 const char * const  *args,
                 char               **env,
                 char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("SIHUA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  child_file_limit = limit;
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                limit_file_size, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);

  /* A refusal, never a crash. */
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static int
run_limited (rlim_t               limit,
             const char * const  *args,
             char               **err)
{
  return run_limited_env (limit, args, NULL, err);
}

/* Everything a database holds that a fault must not change, as text. */
static char *
dump_database (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows = NULL;

      /* Table names come from the schema, not from input; FTS shadow
       * tables are derived data. */
      if (strstr (table, "_fts") != NULL || strstr (table, "fts_") != NULL)
        continue;
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const unsigned char *text = sqlite3_column_text (rows, c);

              g_string_append_printf (dump, "%s|", text != NULL ? (const char *) text : "∅");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
assert_nothing_beside (const char *dir,
                       const char *stem)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, stem) != NULL)
      g_error ("%s left in %s after a failed write", name, dir);
}

static void
remove_outputs (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "out"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
}

static void
test_full_disk_answering (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *before = dump_database (fixture->db);
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GString) long_note = g_string_new (NULL);

  /* An answer whose note cannot fit in the log. */
  for (guint i = 0; i < 12000; i++)
    g_string_append (long_note, "网络");
  note = g_string_free (g_steal_pointer (&long_note), FALSE);

  {
    const char *args[] = { "--db", fixture->db, "assessment", "answer", "1", "equipment.automation", "4",
                           "--note", note, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_limited (40 * 1024, args, &err), ==, 1);
    g_test_message ("%s", err);
    g_assert_nonnull (strstr (err, fixture->db));
    g_assert_nonnull (strstr (err, "full"));
  }

  /* Every earlier answer is kept, and nothing of the refused one. */
  after = dump_database (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

/* Exports of every kind fail cleanly: a message, exit status 1, no partial
 * file under the final name or beside it, the database unchanged. */
static void
test_full_disk_exporting (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *before = dump_database (fixture->db);
  struct
  {
    const char *name;
    const char *written;   /* a file the export makes (CSV makes several) */
    const char *stem;      /* what no leftover may contain */
    const char *args[8];
  } exports[] = {
    { "out.json", "out.json", "out.json", { "export", "--format", "json", "-o", NULL } },
    { "out.csv", "out-answers.csv", "out", { "export", "--format", "csv", "-o", NULL } },
    { "out.xlsx", "out.xlsx", "out.xlsx", { "export", "--format", "xlsx", "-o", NULL } },
    { "out.sihua", "out.sihua", "out.sihua", { "bundle", "export", "-o", NULL } },
    { "out.pdf", "out.pdf", "out.pdf", { "report", "1", "-o", NULL } },
  };

  sqlite3 *holder = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &holder, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, exports[i].name, NULL);
      g_autofree char *written = g_build_filename (fixture->dir, exports[i].written, NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_auto(GStrv) env = NULL;
      int status;

      g_ptr_array_add (args, (char *) "--db");
      g_ptr_array_add (args, fixture->db);
      for (guint a = 0; exports[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (char *) exports[i].args[a]);
      g_ptr_array_add (args, path);
      g_ptr_array_add (args, NULL);

      /* libarchive 3.6 leaks its deflate state when an entry's write fails
       * (libarchive issue #1740): not ours to fix, so leak checking is off
       * for the bundle under a full disk only. Everything else is checked. */
      if (g_str_has_suffix (exports[i].name, ".sihua"))
        {
          const char *asan = g_getenv ("ASAN_OPTIONS");
          g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                                  "detect_leaks=0", NULL);

          env = g_environ_setenv (g_get_environ (), "ASAN_OPTIONS", options, TRUE);
        }

      /* 8 KB: below every export (the database's shared-memory file is
       * kept at full size by the connection held here). */
      status = run_limited_env (8 * 1024, (const char * const *) args->pdata, env, &err);
      g_test_message ("%s: %s", exports[i].name, err);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (err, !=, "");
      g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
      assert_nothing_beside (fixture->dir, exports[i].stem);

      after = dump_database (fixture->db);
      g_assert_cmpstr (after, ==, before);

      /* With room again, the same export works. */
      {
        const char *again[16];
        guint n = 0;

        for (guint a = 0; a < args->len; a++)
          again[n++] = g_ptr_array_index (args, a);
        g_assert_cmpint (run_limited (RLIM_INFINITY, again, NULL), ==, 0);
        g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
      }
      remove_outputs (fixture->dir);
    }
  sqlite3_close (holder);
}

/*
 * kill -9 during a bundle import: the database is as before or as after,
 * never in between.
 */

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (from, &contents, &size, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) size, NULL));
}

static void
test_killed_bundle_import (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (fixture->dir, "all.sihua", NULL);
  g_autofree char *target_dir = g_build_filename (fixture->dir, "laptop", NULL);
  g_autofree char *target = g_build_filename (target_dir, "sihua.db", NULL);
  g_autofree char *pristine = g_build_filename (fixture->dir, "pristine.db", NULL);
  g_autofree char *reference = g_build_filename (fixture->dir, "reference.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *complete = NULL;
  guint n_before = 0, n_after = 0;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "bundle", "export", "-o", bundle, NULL), ==, 0);

  /* The other laptop has a company of its own. */
  g_assert_cmpint (g_mkdir (target_dir, 0700), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (pristine, NULL, NULL, "company", "add", "--name", "本机已有企业", NULL), ==, 0);
  before = dump_database (pristine);

  /* Where an import that is left alone ends. Times of the import differ
   * from run to run, so the comparison is made on the rows' identity. */
  copy_file (pristine, reference);
  g_assert_cmpint (sihua_test_run_cli (reference, NULL, NULL, "bundle", "import", bundle, NULL), ==, 0);
  complete = dump_database (reference);
  g_assert_cmpstr (complete, !=, before);

  for (guint round = 0; round < 24; round++)
    {
      const char *argv[] = { g_getenv ("SIHUA_CLI"), "--db", target, "bundle", "import", bundle, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *state = NULL;
      g_autofree char *wal = g_strconcat (target, "-wal", NULL);
      g_autofree char *shm = g_strconcat (target, "-shm", NULL);
      GPid pid;
      int wait_status;
      guint delay_us;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (pristine, target);

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      /* From right away to after the end, at random (--seed reproduces). */
      delay_us = (guint) g_test_rand_int_range (0, 160000);
      g_usleep (delay_us);
      kill (pid, SIGKILL);
      waitpid (pid, &wait_status, 0);
      g_spawn_close_pid (pid);

      /* A new open recovers the WAL as SQLite would. */
      state = dump_database (target);
      if (g_strcmp0 (state, before) == 0)
        n_before++;
      else
        {
          /* Not before: then everything of the import, down to the rows
           * of every table and their ids (times and the UUIDs the import
           * makes for its own history rows differ from run to run). */
          g_assert_cmpuint (strlen (state) > 0, ==, TRUE);
          {
            g_auto(GStrv) a = g_strsplit (state, "\n", -1);
            g_auto(GStrv) b = g_strsplit (complete, "\n", -1);

            g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
            for (guint l = 0; a[l] != NULL; l++)
              {
                g_auto(GStrv) ca = g_strsplit (a[l], "|", 2);
                g_auto(GStrv) cb = g_strsplit (b[l], "|", 2);

                g_assert_cmpstr (ca[0], ==, cb[0]);
              }
          }
          n_after++;
        }
    }

  g_test_message ("killed imports: %u left the database as before, %u complete", n_before, n_after);

  /* The database is sound and the import can be made once the kills stop. */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (sihua_test_run_cli (target, &out, NULL, "check", NULL), ==, 0);
    g_assert_cmpint (sihua_test_run_cli (target, NULL, NULL, "bundle", "import", bundle, "--on-conflict", "mine", NULL), ==, 0);
  }
}

/*
 * A damaged database given to the CLI: one clear line, exit status 1.
 */

static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  gsize cuts[] = { 50, 100, 4096 };

  /* A plain single file to cut: check out of WAL first. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (fixture->db, &contents, &size, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cuts) + 2; i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *back = NULL;
      g_autofree char *copy = g_memdup2 (contents, size);
      gsize length = size;
      gsize back_size = 0;
      int status;

      if (i < G_N_ELEMENTS (cuts))
        length = cuts[i];
      else if (i == G_N_ELEMENTS (cuts))
        copy[100] ^= 0x10;   /* the schema's first cell */
      else
        copy[60] |= 0x80;    /* a negative schema version */
      g_assert_true (g_file_set_contents (damaged, copy, (gssize) length, NULL));

      status = sihua_test_run_cli (damaged, NULL, &err, "company", "list", NULL);
      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, damaged));
      g_assert_true (g_file_get_contents (damaged, &back, &back_size, NULL));
      g_assert_cmpmem (back, back_size, copy, length);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/faults-cli/full-disk/answering", Fixture, NULL, fixture_set_up, test_full_disk_answering, fixture_tear_down);
  g_test_add ("/faults-cli/full-disk/exporting", Fixture, NULL, fixture_set_up, test_full_disk_exporting, fixture_tear_down);
  g_test_add ("/faults-cli/kill/bundle-import", Fixture, NULL, fixture_set_up, test_killed_bundle_import, fixture_tear_down);
  g_test_add ("/faults-cli/damaged-database", Fixture, NULL, fixture_set_up, test_damaged_database, fixture_tear_down);

  return g_test_run ();
}
