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

#include "sihua-bundle.h"
#include "sihua-bench-data.h"
#include "sihua-export.h"
#include "sihua-store.h"

#define ANSWERS_PER_ASSESSMENT 10

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
  {
    /* Ten assessments per company, as the row count above assumes. */
    SihuaBenchDataSpec spec = { MAX (n_assessments / 10, 1), 10, ANSWERS_PER_ASSESSMENT, seed };

    sihua_bench_data_generate (db, &spec);
  }
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
