/* bench-scoring.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "sihua-answer.h"
#include "sihua-answer-flags.h"
#include "sihua-next-level.h"
#include "sihua-roadmap.h"
#include "sihua-scoring.h"

/* Scores a 200-question assessment (40 dimensions of 5 ladder questions,
 * the built-in rule) and builds its roadmap, many times after a warm-up, and
 * prints median and p95 as rows for bench/run-all. Beside them, the same
 * answers summed by a bare weighted-mean loop: the floor any scoring code
 * could reach. Nothing is asserted. */

#define N_DIMENSIONS 40
#define N_PER_DIMENSION 5
#define N_WARMUP 300
#define N_RUNS 3000

static const char *level_names[] = { "未起步", "信息化", "自动化", "数字化", "智能化" };

static GBytes *
make_model (void)
{
  gsize len;
  GString *json = g_string_new ("{\"format\": 1, \"id\": \"bench-200\", \"version\": \"1.0.0\","
                                " \"title\": {\"zh_CN\": \"基准\", \"en\": \"Benchmark\"}, \"levels\": [");

  for (int l = 0; l < 5; l++)
    g_string_append_printf (json, "%s{\"level\": %d, \"name\": {\"zh_CN\": \"%s\", \"en\": \"L%d\"}}",
                            l > 0 ? "," : "", l, level_names[l], l);
  g_string_append (json, "], \"areas\": [{\"id\": \"barriers\", \"role\": \"barriers\", \"scored\": false,"
                         " \"title\": {\"en\": \"Barriers\"}, \"dimensions\": [{\"id\": \"barriers\","
                         " \"title\": {\"en\": \"Barriers\"}, \"questions\": [{\"id\": \"barriers.kinds\","
                         " \"type\": \"multi\", \"text\": {\"en\": \"Barriers\"}, \"options\": ["
                         "{\"id\": \"dont_know\", \"text\": {\"en\": \"a\"}}, {\"id\": \"cannot\", \"text\": {\"en\": \"b\"}},"
                         "{\"id\": \"unwilling\", \"text\": {\"en\": \"c\"}}, {\"id\": \"afraid\", \"text\": {\"en\": \"d\"}}]}]}]},"
                         " {\"id\": \"ops\", \"title\": {\"en\": \"Operations\"}, \"dimensions\": [");
  for (int d = 0; d < N_DIMENSIONS; d++)
    {
      g_string_append_printf (json, "%s{\"id\": \"d%02d\", \"weight\": %d, \"title\": {\"en\": \"D%02d\"}, \"questions\": [",
                              d > 0 ? "," : "", d, 1 + d % 3, d);
      for (int q = 0; q < N_PER_DIMENSION; q++)
        {
          g_string_append_printf (json, "%s{\"id\": \"d%02d.q%d\", \"type\": \"ladder\", \"weight\": %d,"
                                  " \"allow_na\": true, \"evidence_required\": %s, \"text\": {\"en\": \"Q\"}, \"options\": [",
                                  q > 0 ? "," : "", d, q, 1 + q % 2, q == 0 ? "true" : "false");
          for (int l = 0; l < 5; l++)
            g_string_append_printf (json, "%s{\"id\": \"l%d\", \"level\": %d, \"text\": {\"en\": \"L%d\"}}",
                                    l > 0 ? "," : "", l, l, l);
          g_string_append (json, "]}");
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}], \"scoring\": {\"question_value\": \"level\", \"dimension_stage_share\": 0.8,"
                         " \"overall\": {\"default\": [{\"kind\": \"stage_share\", \"share\": \"2/3\"},"
                         " {\"kind\": \"no_laggard\", \"max_gap\": 1}]}}, \"recommendations\": [");
  for (int d = 0; d < N_DIMENSIONS; d++)
    for (int l = 1; l < 5; l++)
      g_string_append_printf (json, "%s{\"id\": \"r%02d.%d\", \"dimension\": \"d%02d\", \"level\": %d,"
                              " \"title\": {\"en\": \"R\"}, \"detail\": {\"en\": \"R\"}, \"effort\": \"%s\","
                              " \"cost\": \"low\", \"horizon\": \"%s\", \"quick_win\": %s}",
                              d + l > 1 ? "," : "", d, l, d, l, l % 2 ? "low" : "medium",
                              l < 2 ? "short" : l < 4 ? "medium" : "long", l == 1 ? "true" : "false");
  g_string_append (json, ",{\"id\": \"rb\", \"when\": {\"question\": \"barriers.kinds\", \"in\": [\"cannot\"]},"
                         " \"title\": {\"en\": \"B\"}, \"detail\": {\"en\": \"B\"}, \"effort\": \"low\","
                         " \"cost\": \"low\", \"horizon\": \"short\"}]}");

  len = json->len;
  return g_bytes_new_take (g_string_free (json, FALSE), len);
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef void (*BenchFunc) (gpointer data);

static void
measure (BenchFunc  func,
         gpointer   data,
         double    *median_us,
         double    *p95_us)
{
  g_autofree gint64 *times = g_new (gint64, N_RUNS);

  for (int i = 0; i < N_WARMUP; i++)
    func (data);
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 start = now_ns ();

      func (data);
      times[i] = now_ns () - start;
    }
  qsort (times, N_RUNS, sizeof (gint64), compare_int64);
  *median_us = times[N_RUNS / 2] / 1000.0;
  *p95_us = times[N_RUNS * 95 / 100] / 1000.0;
}

typedef struct
{
  SihuaModel *model;
  GHashTable *answers;
  int         levels[N_DIMENSIONS * N_PER_DIMENSION];
  int         weights[N_DIMENSIONS * N_PER_DIMENSION];
  volatile double sink;
} Bench;

static void
bench_score (gpointer data)
{
  Bench *bench = data;
  SihuaScore *score = sihua_scoring_compute (bench->model, bench->answers);

  bench->sink = sihua_score_get_index (score);
  sihua_score_unref (score);
}

static void
bench_score_full (gpointer data)
{
  Bench *bench = data;
  SihuaScore *score = sihua_scoring_compute (bench->model, bench->answers);
  GArray *flags = sihua_answer_flags_compute (score, bench->answers);
  SihuaNextLevel *next = sihua_next_level_compute (score, -1);

  bench->sink = next->target + flags->len;
  sihua_next_level_free (next);
  g_array_unref (flags);
  sihua_score_unref (score);
}

static void
bench_roadmap (gpointer data)
{
  Bench *bench = data;
  SihuaScore *score = sihua_scoring_compute (bench->model, bench->answers);
  SihuaRoadmap *roadmap = sihua_roadmap_compute (score, bench->answers, 4);

  bench->sink = sihua_roadmap_get_n_items (roadmap);
  sihua_roadmap_free (roadmap);
  sihua_score_unref (score);
}

static void
bench_bare (gpointer data)
{
  Bench *bench = data;
  double total = 0;

  for (int d = 0; d < N_DIMENSIONS; d++)
    {
      double sum = 0;
      double weight = 0;

      for (int q = 0; q < N_PER_DIMENSION; q++)
        {
          int i = d * N_PER_DIMENSION + q;

          sum += bench->weights[i] * bench->levels[i];
          weight += bench->weights[i];
        }
      total += 25 * sum / weight;
    }
  bench->sink = total / N_DIMENSIONS;
}

static void
print_row (const char *what,
           double      median,
           double      p95,
           const char *peer,
           double      peer_median)
{
  if (peer != NULL)
    printf ("| %s | %.1f µs | p95 %.1f µs | %s | %.2f µs | %.0f× |\n",
            what, median, p95, peer, peer_median, median / peer_median);
  else
    printf ("| %s | %.1f µs | p95 %.1f µs | | | |\n", what, median, p95);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = make_model ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaModel) model = NULL;
  const char *barriers[] = { "cannot", NULL };
  Bench bench = { 0 };
  double median, p95, bare_median, bare_p95;

  model = sihua_model_new_from_bytes (bytes, "bench-200", &error);
  if (model == NULL)
    {
      fprintf (stderr, "bench-scoring: %s\n", error->message);
      return 1;
    }

  for (int d = 0; d < N_DIMENSIONS; d++)
    for (int q = 0; q < N_PER_DIMENSION; q++)
      {
        g_autofree char *id = g_strdup_printf ("d%02d.q%d", d, q);
        int i = d * N_PER_DIMENSION + q;

        /* Mostly around stages 1–2, as in a typical SME: 0–3, one more in
         * every fourth dimension (drawn once, outside CLAMP's repeats). */
        bench.levels[i] = g_rand_int_range (rand, 0, 4) + (d % 4 == 0);
        bench.weights[i] = 1 + q % 2;
        g_hash_table_replace (answers, g_strdup (id),
                              sihua_answer_new (id, sihua_answer_value_new_level (bench.levels[i]), NULL, NULL));
      }
  g_hash_table_replace (answers, g_strdup ("barriers.kinds"),
                        sihua_answer_new ("barriers.kinds", sihua_answer_value_new_options (barriers), NULL, NULL));

  bench.model = model;
  bench.answers = answers;

  measure (bench_bare, &bench, &bare_median, &bare_p95);
  measure (bench_score, &bench, &median, &p95);
  print_row ("Score a 200-question assessment", median, p95, "bare weighted-mean loop", bare_median);
  measure (bench_score_full, &bench, &median, &p95);
  print_row ("Score + flags + next level (200 questions)", median, p95, NULL, 0);
  measure (bench_roadmap, &bench, &median, &p95);
  print_row ("Score + roadmap to stage 4 (160 actions)", median, p95, NULL, 0);

  return 0;
}
