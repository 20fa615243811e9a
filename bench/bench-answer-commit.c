/* bench-answer-commit.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "sihua-model-catalog.h"
#include "sihua-store.h"

/* How long an answer takes until it is committed to disk (what the UI waits
 * for before it shows "saved"): sihua_store_set_answer() with its history row
 * and checks, against the floor, a bare sqlite3 insert of one row in its own
 * transaction on a connection with the same pragmas (WAL, synchronous=FULL).
 * The two alternate, commit by commit, in the same run and the same folder,
 * so both see the same disk. Prints median and p99 rows for bench/run-all.
 *
 *   bench-answer-commit [FOLDER]   (default: the current folder; use a real
 *                                   disk, a tmpfs makes fsync free) */

#define N_WARMUP 50
#define N_COMMITS 2000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *times,
            double  p)
{
  guint index = (guint) (p * (times->len - 1) + 0.5);

  return g_array_index (times, double, index);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *template = g_build_filename (argc > 1 ? argv[1] : ".", "bench-answer-commit-XXXXXX", NULL);
  g_autofree char *store_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("基准测试公司");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  GPtrArray *questions;
  sqlite3 *bare = NULL;
  sqlite3_stmt *insert = NULL;
  gint64 assessment_id;
  double store_median, bare_median;
  char *dir;

  dir = g_mkdtemp (template);
  if (dir == NULL)
    g_error ("Cannot create a folder from %s", template);
  store_path = g_build_filename (dir, "store.db", NULL);
  bare_path = g_build_filename (dir, "bare.db", NULL);

  catalog = sihua_model_catalog_new (NULL);
  model = sihua_model_catalog_get_default (catalog);
  g_assert (model != NULL);
  questions = sihua_model_get_questions (model);

  store = sihua_store_open (store_path, &error);
  g_assert_no_error (error);
  sihua_store_set_author (store, "bench");
  sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  assessment_id = sihua_store_new_assessment (store, company->id, model, 0, NULL, &error);
  g_assert_no_error (error);

  sqlite3_open (bare_path, &bare);
  exec_or_die (bare, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, question TEXT, value TEXT)");
  sqlite3_prepare_v2 (bare, "INSERT INTO t (question, value) VALUES (?, ?)", -1, &insert, NULL);

  for (int i = 0; i < N_WARMUP + N_COMMITS; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i % questions->len);
      g_autoptr(SihuaAnswerValue) value = NULL;
      gint64 start;
      double store_us, bare_us;

      /* A value that differs from the question's previous one on every
       * pass, so each call writes the answer and a history row. */
      guint pass = i / questions->len;

      if (question->type == SIHUA_QUESTION_LADDER)
        value = sihua_answer_value_new_level (pass % 5);
      else
        value = sihua_answer_value_new_text (pass % 2 ? "a" : "b");

      start = g_get_monotonic_time ();
      if (!sihua_store_set_answer (store, assessment_id, question->id, value, NULL, NULL, &error))
        g_error ("%s", error->message);
      store_us = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      exec_or_die (bare, "BEGIN IMMEDIATE");
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, question->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, "{\"level\":2}", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (bare));
      exec_or_die (bare, "COMMIT");
      bare_us = g_get_monotonic_time () - start;

      if (i >= N_WARMUP)
        {
          g_array_append_val (store_times, store_us);
          g_array_append_val (bare_times, bare_us);
        }
    }

  sqlite3_finalize (insert);
  sqlite3_close (bare);
  g_clear_object (&store);

  g_array_sort (store_times, compare_doubles);
  g_array_sort (bare_times, compare_doubles);
  store_median = percentile (store_times, 0.5);
  bare_median = percentile (bare_times, 0.5);

  printf ("| Answer commit (set_answer + history, fsync), %d commits | %.0f µs | p99 %.0f µs |"
          " bare sqlite3 1-row insert+commit, same pragmas | %.0f µs (p99 %.0f µs) | %.2f× |\n",
          N_COMMITS, store_median, percentile (store_times, 0.99),
          bare_median, percentile (bare_times, 0.99), store_median / bare_median);

  /* Leave no data behind. */
  {
    const char *names[] = { "store.db", "store.db-wal", "store.db-shm", "bare.db", "bare.db-wal", "bare.db-shm", NULL };
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *file = g_build_filename (dir, names[i], NULL);
        g_unlink (file);
      }
    g_rmdir (backups);
    g_rmdir (dir);
  }

  return 0;
}
