/* sihua-bench-data.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Makes large databases for the benchmarks. The store creates the schema;
 * the rows are then written with plain SQL in one transaction, because going
 * through the store's one-commit-per-answer API would take the better part
 * of an hour for 50 000 assessments. The columns the store keeps up to date
 * itself (search key, latest stage and date per company) are filled with the
 * store's own rule or the same way the store fills them, so searches and lists behave as on real data.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sihua-answer.h"
#include "sihua-bench-data.h"
#include "sihua-model-catalog.h"
#include "sihua-store-private.h"
#include "sihua-store.h"

static const char * const regions[] = {
  "浙江 宁波", "江苏 苏州", "广东 东莞", "山东 潍坊", "福建 泉州", "河北 沧州",
  "安徽 合肥", "湖北 襄阳", "四川 德阳", "辽宁 大连", "河南 洛阳", "湖南 株洲",
};
static const char * const brands[] = {
  "恒达", "华盛", "永兴", "宏远", "金鼎", "精工", "瑞丰", "新锐", "东方", "天成",
  "鑫源", "博远", "中联", "海德", "力拓", "裕隆",
};
static const char * const trades[][2] = {
  { "精密机械", "C34" }, { "电子科技", "C39" }, { "塑业", "C29" }, { "纺织", "C17" },
  { "五金制品", "C33" }, { "汽车零部件", "C36" }, { "化工", "C26" }, { "食品", "C13" },
  { "电气", "C38" }, { "专用设备", "C35" },
};

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("sqlite: %s", sqlite3_errmsg (db));
}

/* A version 4 UUID from the seeded generator, so runs are repeatable. */
static char *
seeded_uuid (GRand *rand)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xfff,
                          0x8000 | (w[2] >> 18), w[2] & 0xffff, w[3]);
}

static GPtrArray *
ladder_questions (SihuaModel *model,
                  guint       max)
{
  GPtrArray *questions = sihua_model_get_questions (model);
  GPtrArray *ladder = g_ptr_array_new ();

  for (guint i = 0; i < questions->len && ladder->len < max; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        g_ptr_array_add (ladder, question);
    }

  return ladder;
}

void
sihua_bench_data_generate (const char               *path,
                           const SihuaBenchDataSpec *spec)
{
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (NULL);
  g_autoptr(SihuaModel) model = sihua_model_catalog_get_default (catalog);
  g_autoptr(GPtrArray) ladder = ladder_questions (model, spec->answers_per_assessment);
  GBytes *bytes = sihua_model_get_bytes (model);
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *company, *assessment, *answer, *model_row, *latest;
  gint64 now = G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC;
  sqlite3 *db;

  /* Let the store create (or upgrade) the schema first. */
  store = sihua_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  check (NULL, sqlite3_open (path, &db));
  check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN",
                           NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db,
    "INSERT OR IGNORE INTO models (uuid, model_id, model_version, json, stored_at)"
    " VALUES (?, ?, ?, ?, ?)", -1, &model_row, NULL));
  check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO companies (uuid, name, industry, size, employees, region, search_key,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &company, NULL));
  check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO assessments (uuid, company_id, model_id, model_version, date, consultant,"
    " status, previous_id, result_index, result_stage, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?)", -1, &assessment, NULL));
  check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO answers (uuid, assessment_id, question_id, value, author, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?)", -1, &answer, NULL));
  check (db, sqlite3_prepare_v2 (db,
    "UPDATE companies SET last_assessment_date = ?, latest_stage = ?, n_assessments = ?"
    " WHERE id = ?", -1, &latest, NULL));

  {
    g_autofree char *uuid = seeded_uuid (rand);

    sqlite3_bind_text (model_row, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (model_row, 2, sihua_model_get_id (model), -1, SQLITE_STATIC);
    sqlite3_bind_text (model_row, 3, sihua_model_get_version (model), -1, SQLITE_STATIC);
    sqlite3_bind_blob (model_row, 4, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes), SQLITE_STATIC);
    sqlite3_bind_int64 (model_row, 5, now);
    check (db, sqlite3_step (model_row));
  }

  for (guint c = 0; c < spec->n_companies; c++)
    {
      const char *region = regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))];
      const char *brand = brands[g_rand_int_range (rand, 0, G_N_ELEMENTS (brands))];
      guint trade = g_rand_int_range (rand, 0, G_N_ELEMENTS (trades));
      g_autofree char *uuid = seeded_uuid (rand);
      /* The number keeps names unique however many companies are made. */
      g_autofree char *name = g_strdup_printf ("%s%s%s有限公司 %05u", strchr (region, ' ') + 1,
                                               brand, trades[trade][0], c);
      g_autofree char *search_key = _sihua_store_search_key (name, region, trades[trade][1]);
      g_autofree char *last_date = NULL;
      gint64 company_id, previous_id = 0;
      int stage = -1;

      sqlite3_reset (company);
      sqlite3_bind_text (company, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (company, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (company, 3, trades[trade][1], -1, SQLITE_STATIC);
      sqlite3_bind_text (company, 4, g_rand_boolean (rand) ? "small" : "medium", -1, SQLITE_STATIC);
      sqlite3_bind_int (company, 5, 20 + g_rand_int_range (rand, 0, 600));
      sqlite3_bind_text (company, 6, region, -1, SQLITE_STATIC);
      sqlite3_bind_text (company, 7, search_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (company, 8, now);
      sqlite3_bind_int64 (company, 9, now);
      check (db, sqlite3_step (company));
      company_id = sqlite3_last_insert_rowid (db);

      for (guint a = 0; a < spec->assessments_per_company; a++)
        {
          g_autofree char *auuid = seeded_uuid (rand);
          gint64 assessment_id;
          double index;

          g_free (last_date);
          last_date = g_strdup_printf ("%04u-%02u-15", 2016 + a, 1 + (c + a) % 12);
          /* Drawn before MIN(), which would evaluate a call twice and
           * could return the second draw: stage 5 on a 0–4 ladder. */
          stage = (int) (a / 2) + g_rand_int_range (rand, 0, 2);
          stage = MIN (4, stage);
          index = 25.0 * stage + g_rand_double_range (rand, 0, 20);

          sqlite3_reset (assessment);
          sqlite3_bind_text (assessment, 1, auuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (assessment, 2, company_id);
          sqlite3_bind_text (assessment, 3, sihua_model_get_id (model), -1, SQLITE_STATIC);
          sqlite3_bind_text (assessment, 4, sihua_model_get_version (model), -1, SQLITE_STATIC);
          sqlite3_bind_text (assessment, 5, last_date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (assessment, 6, "李顾问", -1, SQLITE_STATIC);
          if (previous_id > 0)
            sqlite3_bind_int64 (assessment, 7, previous_id);
          else
            sqlite3_bind_null (assessment, 7);
          sqlite3_bind_double (assessment, 8, MIN (index, 100.0));
          sqlite3_bind_int (assessment, 9, stage);
          sqlite3_bind_int64 (assessment, 10, now);
          sqlite3_bind_int64 (assessment, 11, now);
          check (db, sqlite3_step (assessment));
          assessment_id = previous_id = sqlite3_last_insert_rowid (db);

          for (guint q = 0; q < ladder->len; q++)
            {
              SihuaQuestion *question = g_ptr_array_index (ladder, q);
              g_autoptr(SihuaAnswerValue) value =
                sihua_answer_value_new_level (g_rand_int_range (rand, 0, 5));
              g_autofree char *serialized = sihua_answer_value_serialize (value);
              g_autofree char *quuid = seeded_uuid (rand);

              sqlite3_reset (answer);
              sqlite3_bind_text (answer, 1, quuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (answer, 2, assessment_id);
              sqlite3_bind_text (answer, 3, question->id, -1, SQLITE_STATIC);
              sqlite3_bind_text (answer, 4, serialized, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (answer, 5, "李顾问", -1, SQLITE_STATIC);
              sqlite3_bind_int64 (answer, 6, now);
              check (db, sqlite3_step (answer));
            }
        }

      if (spec->assessments_per_company > 0)
        {
          sqlite3_reset (latest);
          sqlite3_bind_text (latest, 1, last_date, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (latest, 2, stage);
          sqlite3_bind_int (latest, 3, spec->assessments_per_company);
          sqlite3_bind_int64 (latest, 4, company_id);
          check (db, sqlite3_step (latest));
        }
    }

  check (db, sqlite3_exec (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL));
  sqlite3_finalize (model_row);
  sqlite3_finalize (company);
  sqlite3_finalize (assessment);
  sqlite3_finalize (answer);
  sqlite3_finalize (latest);
  sqlite3_close (db);
}

/* Removes a folder the benchmark made, with the database, its WAL files and
 * the backups folder the store keeps beside it. */
void
sihua_bench_data_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sihua_bench_data_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}
