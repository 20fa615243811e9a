/* bench-generate.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Makes a large, deterministic database for benchmarks and for trying the
 * app with realistic amounts of data:
 *
 *   bench-generate --companies 5000 --assessments 50000 --seed 42 -o large.db
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "sihua-bench-data.h"

int
main (int   argc,
      char *argv[])
{
  int companies = 5000, assessments = 50000, answers = 20, seed = 42;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- make a synthetic Sihua database");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "companies", 0, 0, G_OPTION_ARG_INT, &companies, "Number of companies", "N" },
    { "assessments", 0, 0, G_OPTION_ARG_INT, &assessments, "Number of assessments in all", "N" },
    { "answers", 0, 0, G_OPTION_ARG_INT, &answers, "Answers per assessment", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The database to create", "FILE" },
    { NULL }
  };
  SihuaBenchDataSpec spec;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-generate: %s\n", error->message);
      return 2;
    }
  if (output == NULL || companies <= 0 || assessments < 0 || answers < 0)
    {
      fprintf (stderr, "bench-generate: -o FILE and positive counts are required\n");
      return 2;
    }
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "bench-generate: %s exists; not overwriting it\n", output);
      return 1;
    }

  spec.n_companies = companies;
  spec.assessments_per_company = assessments / companies;
  spec.answers_per_assessment = answers;
  spec.seed = seed;
  sihua_bench_data_generate (output, &spec);

  return 0;
}
