/* bench-export.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Exports 100 000 assessments (10 000 companies, ten answers each, made
 * deterministically from a seed) to XLSX, CSV and JSON, and prints the time
 * and rows per second. Printed, never asserted.
 *
 *   bench-export [--assessments N] [--seed S]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sqlite3.h>

#include "sihua-bundle.h"
#include "sihua-export.h"
#include "sihua-model-catalog.h"
#include "sihua-store.h"

#define ANSWERS_PER_ASSESSMENT 10

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("sqlite: %s", sqlite3_errmsg (db));
}

static char *
random_uuid (GRand *rand)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);
  /* Version 4, variant 1, from the seeded generator: the same seed gives the
   * same database. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xfff,
                          0x8000 | (w[2] >> 18), w[2] & 0xffff, w[3]);
}

static void
generate (const char *path,
          guint       n_assessments,
          guint32     seed)
{
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  SihuaModel *model = sihua_model_catalog_get_default (catalog);
  GPtrArray *questions = sihua_model_get_questions (model);
  g_autoptr(GPtrArray) ladder = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = sihua_model_get_bytes (model);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *company, *assessment, *answer, *model_stmt;
  guint n_companies = MAX (n_assessments / 10, 1);
  gint64 now = G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);
      if (question->type == SIHUA_QUESTION_LADDER && ladder->len < ANSWERS_PER_ASSESSMENT)
        g_ptr_array_add (ladder, question);
    }

  check (NULL, sqlite3_open (path, &db));
  sqlite3_busy_timeout (db, 10000);
  check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO models (uuid, model_id, model_version, json, stored_at) VALUES (?, ?, ?, ?, ?)", -1, &model_stmt, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO companies (uuid, name, region, employees, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &company, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO assessments (uuid, company_id, model_id, model_version, date, consultant, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, ?)", -1, &assessment, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO answers (uuid, assessment_id, question_id, value, author, updated_at) VALUES (?, ?, ?, ?, ?, ?)", -1, &answer, NULL));

  {
    g_autofree char *uuid = random_uuid (rand);
    sqlite3_bind_text (model_stmt, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (model_stmt, 2, sihua_model_get_id (model), -1, SQLITE_STATIC);
    sqlite3_bind_text (model_stmt, 3, sihua_model_get_version (model), -1, SQLITE_STATIC);
    sqlite3_bind_blob (model_stmt, 4, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
    sqlite3_bind_int64 (model_stmt, 5, now);
    check (db, sqlite3_step (model_stmt));
  }

  for (guint c = 0; c < n_companies; c++)
    {
      g_autofree char *uuid = random_uuid (rand);
      g_autofree char *name = g_strdup_printf ("样本制造企业 %05u", c);
      gint64 company_id;

      sqlite3_reset (company);
      sqlite3_bind_text (company, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (company, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (company, 3, "浙江 宁波", -1, SQLITE_STATIC);
      sqlite3_bind_int (company, 4, 20 + g_rand_int_range (rand, 0, 300));
      sqlite3_bind_text (company, 5, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (company, 6, now);
      sqlite3_bind_int64 (company, 7, now);
      check (db, sqlite3_step (company));
      company_id = sqlite3_last_insert_rowid (db);

      for (guint a = 0; a < n_assessments / n_companies; a++)
        {
          g_autofree char *auuid = random_uuid (rand);
          g_autofree char *date = g_strdup_printf ("20%02u-%02u-15", 20 + a % 6, 1 + a % 12);
          gint64 assessment_id;

          sqlite3_reset (assessment);
          sqlite3_bind_text (assessment, 1, auuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (assessment, 2, company_id);
          sqlite3_bind_text (assessment, 3, sihua_model_get_id (model), -1, SQLITE_STATIC);
          sqlite3_bind_text (assessment, 4, sihua_model_get_version (model), -1, SQLITE_STATIC);
          sqlite3_bind_text (assessment, 5, date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (assessment, 6, "李顾问", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (assessment, 7, now);
          sqlite3_bind_int64 (assessment, 8, now);
          check (db, sqlite3_step (assessment));
          assessment_id = sqlite3_last_insert_rowid (db);

          for (guint q = 0; q < ladder->len; q++)
            {
              SihuaQuestion *question = g_ptr_array_index (ladder, q);
              g_autofree char *quuid = random_uuid (rand);
              g_autofree char *value = g_strdup_printf ("{\"level\":%d}", g_rand_int_range (rand, 0, 5));

              sqlite3_reset (answer);
              sqlite3_bind_text (answer, 1, quuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (answer, 2, assessment_id);
              sqlite3_bind_text (answer, 3, question->id, -1, SQLITE_STATIC);
              sqlite3_bind_text (answer, 4, value, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (answer, 5, "李顾问", -1, SQLITE_STATIC);
              sqlite3_bind_int64 (answer, 6, now);
              check (db, sqlite3_step (answer));
            }
        }
    }

  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  sqlite3_finalize (model_stmt);
  sqlite3_finalize (company);
  sqlite3_finalize (assessment);
  sqlite3_finalize (answer);
  sqlite3_close (db);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  guint *calls = data;
  (*calls)++;
}

/* CPU seconds of this process: the machine may be shared, wall time alone
 * would measure the neighbours. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
run (SihuaStore        *store,
     SihuaExportFormat  format,
     const char        *label,
     const char        *path,
     guint              n_assessments)
{
  SihuaExportOptions options = { format, NULL, NULL, FALSE, SIHUA_LANGUAGE_ZH_CN };
  g_autoptr(GError) error = NULL;
  guint calls = 0;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  double seconds, cpu;
  guint64 rows = n_assessments + (guint64) n_assessments * ANSWERS_PER_ASSESSMENT + n_assessments / 10;

  if (!sihua_export_to_file (store, &options, path, progress_cb, &calls, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu_start;

  printf ("| export %u assessments (%" G_GUINT64_FORMAT " rows) to %s | %.2f s wall, %.2f s CPU |"
          " 1 run; %.0f rows/s wall, %.0f rows/s CPU; %u progress reports | | | |\n",
          n_assessments, rows, label, seconds, cpu, rows / seconds, rows / cpu, calls);
}

/* A bundle of a tenth of the companies, written and merged into an empty
 * database: what moving a consultant's recent work between laptops costs. */
static void
run_bundle (SihuaStore *store,
            const char *dir,
            guint       n_assessments)
{
  guint n_companies = MAX (n_assessments / 100, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bundle_path = g_build_filename (dir, "bench.sihua", NULL);
  g_autofree char *target_path = g_build_filename (dir, "target.db", NULL);
  g_autoptr(SihuaStore) target = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double cpu_start, export_wall, export_cpu;

  for (guint c = 1; c <= n_companies; c++)
    g_ptr_array_add (ids, g_strdup_printf ("%u", c));
  g_ptr_array_add (ids, NULL);

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  if (!sihua_bundle_export (store, (const char * const *) ids->pdata, bundle_path, &error))
    g_error ("%s", error->message);
  export_wall = (g_get_monotonic_time () - start) / 1e6;
  export_cpu = cpu_seconds () - cpu_start;
  printf ("| bundle export, %u companies (%u assessments, %u answers) | %.2f s wall, %.2f s CPU | 1 run | | | |\n",
          n_companies, n_companies * 10, n_companies * 10 * ANSWERS_PER_ASSESSMENT, export_wall, export_cpu);

  target = sihua_store_open (target_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  bundle = sihua_bundle_load (bundle_path, &error);
  if (bundle == NULL)
    g_error ("%s", error->message);
  report = sihua_bundle_analyse (bundle, target, SIHUA_BUNDLE_CHOICE_NONE, &error);
  if (report == NULL || !sihua_bundle_import (bundle, target, report, &error))
    g_error ("%s", error->message);
  printf ("| bundle import (verify, analyse, merge) of the same into an empty database | %.2f s wall, %.2f s CPU | 1 run | | | |\n",
          (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu_start);
}

int
main (int   argc,
      char *argv[])
{
  int n_assessments = 100000;
  int seed = 42;
  GOptionEntry entries[] = {
    { "assessments", 0, 0, G_OPTION_ARG_INT, &n_assessments, "How many assessments", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the synthetic data", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[IGNORED_DB]");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sihua-bench-export-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autoptr(SihuaStore) store = NULL;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  generate (db, n_assessments, seed);
  fprintf (stderr, "generated %d assessments in %.1f s\n", n_assessments,
           (g_get_monotonic_time () - start) / 1e6);

  store = sihua_store_open (db, &error);
  g_assert_no_error (error);

  run (store, SIHUA_EXPORT_FORMAT_XLSX, "XLSX", xlsx, n_assessments);
  run (store, SIHUA_EXPORT_FORMAT_CSV, "CSV", csv, n_assessments);
  run (store, SIHUA_EXPORT_FORMAT_JSON, "JSON", json, n_assessments);
  run_bundle (store, dir, n_assessments);

  g_clear_object (&store);
  {
    const char *names[] = { "bench.db", "bench.db-wal", "bench.db-shm", "out.xlsx", "out-companies.csv",
                            "out-assessments.csv", "out-answers.csv", "out.json" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);
        g_unlink (p);
      }
  }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);

  return 0;
}
