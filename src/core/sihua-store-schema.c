/* sihua-store-schema.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-store-private.h"

/*
 * Every schema version is a step from the one before. A step never changes
 * once released: a database made by any earlier build is upgraded by running
 * the steps after its user_version, in one transaction each. Keep a fixture
 * made by every released version in tests/fixtures/ (schema-vN.db).
 */

/* Version 1: the store_info table and the application id. */
static const char migrate_to_1[] =
  "CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

/* Keeps the per-company summary (latest assessment date and stage, number of
 * assessments) that the company list sorts by, so listing 10 000 companies
 * needs no aggregate query. */
#define SUMMARY_UPDATE(ROW)                                                          \
  "UPDATE companies SET"                                                             \
  " last_assessment_date = (SELECT max(date) FROM assessments"                       \
  "                         WHERE company_id = " ROW ".company_id),"                 \
  " latest_stage = (SELECT result_stage FROM assessments"                            \
  "                 WHERE company_id = " ROW ".company_id AND result_stage IS NOT NULL" \
  "                 ORDER BY date DESC, id DESC LIMIT 1),"                           \
  " n_assessments = (SELECT count(*) FROM assessments"                               \
  "                  WHERE company_id = " ROW ".company_id)"                         \
  " WHERE id = " ROW ".company_id;"

/* Version 2: companies, assessments, pinned models, answers and history. */
static const char migrate_to_2[] =
  "CREATE TABLE companies ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  uscc TEXT,"
  "  industry TEXT,"
  "  size TEXT CHECK (size IN ('micro', 'small', 'medium')),"
  "  employees INTEGER,"
  "  region TEXT,"
  "  address TEXT,"
  "  contact TEXT,"
  "  notes TEXT,"
  "  search_key TEXT NOT NULL DEFAULT '',"
  "  last_assessment_date TEXT,"
  "  latest_stage INTEGER,"
  "  n_assessments INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX companies_uscc ON companies (uscc) WHERE uscc IS NOT NULL;"
  "CREATE INDEX companies_recent ON companies"
  "  (coalesce(last_assessment_date, '') DESC, updated_at DESC);"

  "CREATE TABLE models ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  model_id TEXT NOT NULL,"
  "  model_version TEXT NOT NULL,"
  "  json BLOB NOT NULL,"
  "  stored_at INTEGER NOT NULL,"
  "  UNIQUE (model_id, model_version)"
  ");"

  "CREATE TABLE assessments ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  model_id TEXT NOT NULL,"
  "  model_version TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  consultant TEXT,"
  "  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),"
  "  respondents TEXT,"
  "  target_level INTEGER,"
  "  notes TEXT,"
  "  previous_id INTEGER REFERENCES assessments (id) ON DELETE SET NULL,"
  "  result_index REAL,"
  "  result_stage INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  FOREIGN KEY (model_id, model_version) REFERENCES models (model_id, model_version)"
  ");"
  "CREATE INDEX assessments_company ON assessments (company_id, date);"
  "CREATE INDEX assessments_previous ON assessments (previous_id);"

  "CREATE TABLE answers ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  note TEXT,"
  "  evidence TEXT,"
  "  author TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (assessment_id, question_id)"
  ");"

  "CREATE TABLE answer_history ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  old_value TEXT,"
  "  old_note TEXT,"
  "  old_evidence TEXT,"
  "  new_value TEXT,"
  "  new_note TEXT,"
  "  new_evidence TEXT,"
  "  author TEXT,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX answer_history_question ON answer_history (assessment_id, question_id, id);"

  "CREATE TRIGGER assessments_summary_insert AFTER INSERT ON assessments BEGIN "
  SUMMARY_UPDATE ("NEW")
  " END;"
  "CREATE TRIGGER assessments_summary_update"
  " AFTER UPDATE OF company_id, date, result_stage ON assessments BEGIN "
  SUMMARY_UPDATE ("OLD")
  SUMMARY_UPDATE ("NEW")
  " END;"
  "CREATE TRIGGER assessments_summary_delete AFTER DELETE ON assessments BEGIN "
  SUMMARY_UPDATE ("OLD")
  " END;";

/* Version 3: a history row made by merging a bundle says which side the
 * merge kept ('mine' or 'theirs'); NULL for a change made by hand. The
 * merge reads the history to find what both laptops last agreed on, and a
 * consultant reading the history sees which answers a merge decided. */
static const char migrate_to_3[] =
  "ALTER TABLE answer_history ADD COLUMN merge_choice TEXT"
  " CHECK (merge_choice IN ('mine', 'theirs'));";

static const char * const migrations[] = {
  NULL,          /* version 0: an empty file */
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SIHUA_STORE_SCHEMA_VERSION + 1);

static gboolean
set_version (SihuaStore  *self,
             int          version,
             GError     **error)
{
  /* PRAGMA takes no parameters; both numbers are ours, not user text. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          SIHUA_STORE_APPLICATION_ID, version);

  return _sihua_store_exec (self, sql, error);
}

static int
current_version (SihuaStore *self)
{
  sqlite3_stmt *stmt = _sihua_store_prepare (self, "PRAGMA user_version", NULL);
  int version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/**
 * _sihua_store_migrate:
 * @self: a store
 * @from_version: the database's user_version
 *
 * Brings the schema to %SIHUA_STORE_SCHEMA_VERSION in one transaction: an
 * upgrade either completes or leaves the file as it was, even when a later
 * step fails on a file an earlier step could still change.
 */
gboolean
_sihua_store_migrate (SihuaStore  *self,
                      int          from_version,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = from_version + 1;

  if (!_sihua_store_exec (self, "BEGIN IMMEDIATE", &local_error))
    goto failed;

  /* Another process may have upgraded the file since we looked. */
  for (version = MAX (version, current_version (self) + 1);
       version <= SIHUA_STORE_SCHEMA_VERSION;
       version++)
    if (!_sihua_store_exec (self, migrations[version], &local_error) ||
        !set_version (self, version, &local_error))
      goto failed;

  if (!_sihua_store_exec (self, "COMMIT", &local_error))
    goto failed;

  return TRUE;

failed:
  _sihua_store_rollback (self);
  g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FAILED,
               _("Cannot upgrade %s to schema version %d: %s"),
               self->path, MIN (version, SIHUA_STORE_SCHEMA_VERSION), local_error->message);
  return FALSE;
}
