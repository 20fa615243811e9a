/* sihua-test-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* A model from data/models/ that the test depends on, not one it checks:
 * failing to load it is a broken fixture, so it stops the test at once. */
SihuaModel *
sihua_test_load_data_model (const char *name)
{
  g_autofree char *path = sihua_test_data_model_file (name);
  g_autoptr(GError) error = NULL;
  SihuaModel *model = sihua_model_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* Opens (creating if new) a store the test expects to be sound; tests of
 * refused or damaged files call sihua_store_open() and check the error. */
SihuaStore *
sihua_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SihuaStore *store = sihua_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The usual case: a store file named @name in the test's temporary folder. */
SihuaStore *
sihua_test_open_store_in (const char *dir,
                          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return sihua_test_open_store (path);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
root_page (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt;
  int page;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return page;
}

/* Gives @index (on @table, over @columns) the entries of a copy of the
 * table in which @column is NULL: a shadow table and the same index on it
 * are built, the two indexes swap their pages, and the shadow is dropped
 * with the original pages. The table itself keeps its values, and the file
 * passes PRAGMA quick_check, which does not compare indexes with tables. */
void
sihua_test_damage_index (const char *path,
                         const char *table,
                         const char *index,
                         const char *columns,
                         const char *column)
{
  sqlite3 *db;
  g_autofree char *copy_columns = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
  int index_page, shadow_page;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], column))
      {
        g_free (names[i]);
        names[i] = g_strdup ("NULL");
      }
  copy_columns = g_strjoinv (", ", names);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE shadow (%s);"
                         "INSERT INTO shadow (rowid, %s) SELECT rowid, %s FROM %s;"
                         "CREATE INDEX shadow_index ON shadow (%s);",
                         columns, columns, copy_columns, table, columns);
  exec_sql (db, sql);
  index_page = root_page (db, index);
  shadow_page = root_page (db, "shadow_index");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = '%s';"
                         "UPDATE sqlite_schema SET rootpage = %d WHERE name = 'shadow_index';"
                         "PRAGMA writable_schema = OFF;",
                         shadow_page, index, index_page);
  exec_sql (db, sql);
  sqlite3_close (db);

  /* A new connection reads the swapped schema. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, "DROP TABLE shadow");
  sqlite3_close (db);
}

/* Answers every ladder question of @assessment_id at @level, with a note and
 * evidence so that no answer is flagged for missing evidence. */
void
sihua_test_answer_all (SihuaStore *store,
                       SihuaModel *model,
                       gint64      assessment_id,
                       int         level)
{
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(SihuaAnswerValue) value = NULL;
      g_autoptr(GError) error = NULL;

      if (question->type != SIHUA_QUESTION_LADDER)
        continue;
      value = sihua_answer_value_new_level (level);
      sihua_store_set_answer (store, assessment_id, question->id, value, "seen", "seen", &error);
      g_assert_no_error (error);
    }
}

/* A new assessment of @company_id dated @date, started from @from (0 for
 * none); every ladder question answered at @level unless @level is -1. */
gint64
sihua_test_add_dated_assessment (SihuaStore *store,
                                 gint64      company_id,
                                 SihuaModel *model,
                                 const char *date,
                                 gint64      from,
                                 int         level)
{
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = sihua_store_new_assessment (store, company_id, model, from, "李顾问", &error);
  g_assert_no_error (error);
  assessment = sihua_store_get_assessment (store, id, &error);
  g_assert_no_error (error);
  g_free (assessment->date);
  assessment->date = g_strdup (date);
  sihua_store_update_assessment (store, assessment, &error);
  g_assert_no_error (error);
  if (level >= 0)
    sihua_test_answer_all (store, model, id, level);

  return id;
}

/* Answers every question: ladders at @level, the others with a valid
 * value of their kind, so the assessment is complete. */
void
sihua_test_answer_everything (SihuaStore *store,
                              SihuaModel *model,
                              gint64      assessment_id,
                              int         level)
{
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(SihuaAnswerValue) value = NULL;
      g_autoptr(GError) error = NULL;

      if (question->type == SIHUA_QUESTION_LADDER)
        value = sihua_answer_value_new_level (level);
      else if (question->options != NULL && question->options->len > 0)
        value = sihua_answer_value_parse (question, ((SihuaOption *) g_ptr_array_index (question->options, 0))->id,
                                          &error);
      else if (question->type == SIHUA_QUESTION_NUMERIC)
        value = sihua_answer_value_parse (question, "10", &error);
      else if (question->type == SIHUA_QUESTION_YESNO)
        value = sihua_answer_value_parse (question, "yes", &error);
      else
        value = sihua_answer_value_parse (question, "现场看过", &error);
      g_assert_no_error (error);
      sihua_store_set_answer (store, assessment_id, question->id, value, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

/**
 * sihua_test_count_rows:
 * @db_path: a database file
 * @sql: a query whose first row's first column is a number
 *
 * Reads it through a connection of its own, as another program would.
 */
gint64
sihua_test_count_rows (const char *db_path,
                       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}
