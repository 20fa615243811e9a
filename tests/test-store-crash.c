/* test-store-crash.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define N_ROUNDS 30

/* Rounds of the probe with the file closed behind SQLite's back; more with
 * SIHUA_CRASH_ROUNDS=N for a longer run by hand. */
#define N_FOREIGN_ROUNDS 120

/* Reads everything the writer printed; returns the number of acks. */
static guint
collect_acks (const char *output,
              GHashTable *acked)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "ack "))
        continue;
      words = g_strsplit (lines[i], " ", 3);
      /* A line cut by the kill is not an acknowledgement. */
      if (g_strv_length (words) != 3 || lines[i + 1] == NULL)
        continue;
      g_hash_table_insert (acked, g_strdup (words[1]),
                           GINT_TO_POINTER ((int) g_ascii_strtoll (words[2], NULL, 10)));
      n++;
    }

  return n;
}

/* Runs the writer, kills it with SIGKILL at a random moment and returns what
 * it printed. With @foreign the writer opens and closes the database behind
 * SQLite's back after every answer (as GIO does for a file chooser) while
 * sihua-cli, another process, opens and closes the database again and
 * again: with classic POSIX locks the CLI then deleted the writer's log. */
static char *
run_and_kill (const char *writer,
              const char *db,
              gint64      assessment_id,
              gint64      first,
              gboolean    foreign)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  const char *argv[] = { writer, db, id, start, foreign ? "--foreign-close" : NULL, NULL };
  guint n_cli = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  GPid pid;
  int out_fd;
  int status;
  char buffer[4096];
  gssize n;
  guint target_acks = g_random_int_range (0, 120);
  guint n_lines = 0;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Let it get some way, then pull the plug at an unpredictable point: in
   * the middle of a transaction, a commit, or a checkpoint. */
  while (n_lines < target_acks + 1 && (n = read (out_fd, buffer, sizeof buffer)) > 0)
    {
      g_string_append_len (output, buffer, n);
      for (gssize i = 0; i < n; i++)
        n_lines += buffer[i] == '\n';
      if (foreign && n_lines > 1 && n_lines / 15 >= n_cli)
        {
          n_cli++;
          g_assert_cmpint (sihua_test_run_cli (db, NULL, NULL, "company", "list", NULL), ==, 0);
        }
    }
  g_usleep (g_random_int_range (0, 3000));
  kill (pid, SIGKILL);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_test_message ("the writer ended by itself: exit status %d, signal %d",
                    WIFEXITED (status) ? WEXITSTATUS (status) : -1,
                    WIFSIGNALED (status) ? WTERMSIG (status) : 0);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  return g_string_free (g_steal_pointer (&output), FALSE);
}

static void
survive_kills (gboolean foreign,
               guint    n_rounds)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "store-writer", NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("断电测试厂");
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 assessment_id;
  guint total_acks = 0;

  store = sihua_test_open_store (db);
  model = sihua_test_load_data_model ("example-small.json");
  g_assert_cmpint (sihua_store_add_company (store, company, &error), >, 0);
  assessment_id = sihua_store_new_assessment (store, company->id, model, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autofree char *output = run_and_kill (writer, db, assessment_id, (gint64) (round + 1) * 100000,
                                              foreign);
      g_autoptr(GHashTable) answers = NULL;
      g_autofree char *report = NULL;
      GHashTableIter iter;
      gpointer key, value;

      total_acks += collect_acks (output, acked);

      /* Opening runs the quick check; then the full one. */
      store = sihua_test_open_store (db);
      g_assert_true (sihua_store_check (store, &report, &error));
      g_assert_cmpstr (report, ==, "ok");

      /* Every acknowledged answer is there: the same value, or one written
       * later (committed just before the kill, not yet printed). */
      answers = sihua_store_load_answers (store, assessment_id, &error);
      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, acked);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          SihuaAnswer *answer = g_hash_table_lookup (answers, key);

          g_assert_nonnull (answer);
          g_assert_cmpint (answer->value->kind, ==, SIHUA_ANSWER_NUMBER);
          g_assert_cmpfloat (answer->value->number, >=, (double) GPOINTER_TO_INT (value));
        }
      g_assert_finalize_object (store);
    }

  g_test_message ("%u acknowledged answers over %u kills, none lost", total_acks, n_rounds);
  g_assert_cmpuint (total_acks, >, 0);

  sihua_test_remove_tree (dir);
}

static void
test_store_survives_kill (void)
{
  survive_kills (FALSE, N_ROUNDS);
}

/* Issue 16: killed at random while its file is closed behind SQLite's back
 * and sihua-cli comes and goes: every acknowledged answer survives. */
static void
test_store_survives_kill_foreign_close (void)
{
  const char *rounds = g_getenv ("SIHUA_CRASH_ROUNDS");

  survive_kills (TRUE, rounds != NULL ? (guint) g_ascii_strtoull (rounds, NULL, 10) : N_FOREIGN_ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-9", test_store_survives_kill);
  g_test_add_func ("/store/crash/kill-9-foreign-close", test_store_survives_kill_foreign_close);

  return g_test_run ();
}
