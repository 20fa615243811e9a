/* bench-search.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Company search as the companies page runs it on every keystroke, over
 * 10 000 and 100 000 companies: the time of each query while a consultant
 * types a name, a region and a Latin fragment. Printed, never asserted.
 */

#include "config.h"

#include <stdio.h>

#include "sihua-bench-data.h"
#include "sihua-company.h"
#include "sihua-store.h"

/* What a consultant types, one keystroke at a time. */
static const char * const typed[] = { "宁波恒达", "苏州", "c34", "有限公司 0099" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
bench_search (guint n_companies)
{
  g_autofree char *dir = g_dir_make_tmp ("sihua-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "search.db", NULL);
  SihuaBenchDataSpec spec = { n_companies, 1, 0, 7 };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double median, p95;

  sihua_bench_data_generate (path, &spec);
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 6; round++)
    for (guint t = 0; t < G_N_ELEMENTS (typed); t++)
      {
        const char *end = typed[t];

        /* Every prefix the user has typed so far, as the page queries it. */
        while (*end != '\0')
          {
            g_autofree char *prefix = NULL;
            g_autoptr(GPtrArray) found = NULL;
            gint64 start;
            double ms;

            end = g_utf8_next_char (end);
            prefix = g_strndup (typed[t], end - typed[t]);
            start = g_get_monotonic_time ();
            found = sihua_store_search_companies (store, prefix, 200, &error);
            g_assert_no_error (error);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            if (round > 0)   /* the first round warms the page cache */
              g_array_append_val (samples, ms);
          }
      }

  g_array_sort (samples, compare_doubles);
  median = g_array_index (samples, double, samples->len / 2);
  p95 = g_array_index (samples, double, samples->len * 95 / 100);
  printf ("| Company search per keystroke, %u companies (first 200 matches) | %.2f ms | p95 %.2f ms |  |  |  |\n",
          n_companies, median, p95);

  g_clear_object (&store);
  sihua_bench_data_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  bench_search (10000);
  bench_search (100000);

  return 0;
}
