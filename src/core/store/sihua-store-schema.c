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

/* Version 4: syncing with a firm's PostgreSQL (src/core/sync). A history
 * row's server_seq is the number the server gave it, NULL until it is
 * there: the rows to push are the NULL ones, and the rows both sides hold
 * are ordered by it. sync_state holds the server's URL, the pull cursor
 * (the last server number applied) and this database's device id;
 * sync_rows what a company or assessment held when it last went to or came
 * from the server, to tell a change made here from one pulled;
 * sync_conflicts the answers changed here and on the server since they
 * last agreed, with both values, until a consultant decides. */
static const char migrate_to_4[] =
  "ALTER TABLE answer_history ADD COLUMN server_seq INTEGER;"
  "CREATE INDEX answer_history_unpushed ON answer_history (id) WHERE server_seq IS NULL;"
  "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE sync_rows ("
  "  uuid TEXT PRIMARY KEY,"
  "  content TEXT NOT NULL"
  ");"
  "CREATE TABLE sync_conflicts ("
  "  uuid TEXT PRIMARY KEY,"
  "  assessment_uuid TEXT NOT NULL,"
  "  question_id TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  detected_at INTEGER NOT NULL,"
  "  resolution TEXT,"
  "  pushed INTEGER NOT NULL DEFAULT 0"
  ");";

/* Version 5: evidence files kept with an answer. A file's bytes are stored
 * once, under their SHA-256 (evidence_blobs), however many answers show
 * them; evidence links one answer (assessment, question) to a file with the
 * name and media type it was added under, in the order the consultant
 * added them. A deleted link keeps its row with deleted_at set and an
 * evidence_history row, so undo can bring it back; the blob stays as long
 * as any link, deleted or not, names it. */
static const char migrate_to_5[] =
  "CREATE TABLE evidence_blobs ("
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
  "  size INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  stored_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL REFERENCES evidence_blobs (sha256),"
  "  file_name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  author TEXT,"
  "  added_at INTEGER NOT NULL,"
  "  ordinal INTEGER NOT NULL,"
  "  deleted_at INTEGER"
  ");"
  "CREATE INDEX evidence_answer ON evidence (assessment_id, question_id, ordinal);"
  "CREATE INDEX evidence_blob ON evidence (sha256);"
  "CREATE TABLE evidence_history ("
  "  id INTEGER PRIMARY KEY,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL CHECK (action IN ('add', 'delete')),"
  "  author TEXT,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX evidence_history_assessment ON evidence_history (assessment_id, id);";

/* Raised by the freeze triggers below; the store turns it into a message
 * that says how to reopen (see _sihua_store_set_error()). */
#define FROZEN "SELECT RAISE(ABORT, '" SIHUA_STORE_FROZEN_MESSAGE "');"
#define FROZEN_ASSESSMENT(ID) \
  " WHEN (SELECT finalized_at FROM assessments WHERE id = " ID ") IS NOT NULL BEGIN " FROZEN " END;"
#define FROZEN_INTERVIEWEE(ID) \
  " WHEN (SELECT a.finalized_at FROM assessments a JOIN interviewees i ON i.assessment_id = a.id" \
  "       WHERE i.id = " ID ") IS NOT NULL BEGIN " FROZEN " END;"

/* Version 6: the people interviewed and what each of them answered, and
 * finalising. A finalised assessment (finalized_at set) keeps its answers,
 * interviewees and details frozen by triggers, so no path into the
 * database (the window, the CLI, bundles, sync) can change them behind a
 * signed report; each finalisation is kept as a revision with the frozen
 * record, its SHA-256 and the report as it was handed out. Reopening
 * clears finalized_at and starts the next revision. The old free-text
 * respondents column is kept and shown where no interviewee is listed.
 * A cascade from deleting the assessment itself passes: its row is gone
 * by then. */
static const char migrate_to_6[] =
  "ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE assessments ADD COLUMN finalized_at INTEGER;"

  "CREATE TABLE interviewees ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  role TEXT,"
  "  department TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (assessment_id, name)"
  ");"

  "CREATE TABLE interviewee_answers ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  interviewee_id INTEGER NOT NULL REFERENCES interviewees (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (interviewee_id, question_id)"
  ");"

  "CREATE TABLE assessment_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL,"
  "  finalized_at INTEGER NOT NULL,"
  "  record TEXT NOT NULL,"
  "  record_sha256 TEXT NOT NULL,"
  "  report BLOB,"
  "  report_sha256 TEXT,"
  "  reopened_at INTEGER,"
  "  reopen_reason TEXT,"
  "  UNIQUE (assessment_id, revision)"
  ");"

  "CREATE TRIGGER answers_frozen_insert BEFORE INSERT ON answers" FROZEN_ASSESSMENT ("NEW.assessment_id")
  "CREATE TRIGGER answers_frozen_update BEFORE UPDATE ON answers" FROZEN_ASSESSMENT ("OLD.assessment_id")
  "CREATE TRIGGER answers_frozen_delete BEFORE DELETE ON answers" FROZEN_ASSESSMENT ("OLD.assessment_id")
  "CREATE TRIGGER history_frozen_insert BEFORE INSERT ON answer_history" FROZEN_ASSESSMENT ("NEW.assessment_id")
  "CREATE TRIGGER interviewees_frozen_insert BEFORE INSERT ON interviewees" FROZEN_ASSESSMENT ("NEW.assessment_id")
  "CREATE TRIGGER interviewees_frozen_update BEFORE UPDATE ON interviewees" FROZEN_ASSESSMENT ("OLD.assessment_id")
  "CREATE TRIGGER interviewees_frozen_delete BEFORE DELETE ON interviewees" FROZEN_ASSESSMENT ("OLD.assessment_id")
  "CREATE TRIGGER interviewee_answers_frozen_insert BEFORE INSERT ON interviewee_answers"
  FROZEN_INTERVIEWEE ("NEW.interviewee_id")
  "CREATE TRIGGER interviewee_answers_frozen_update BEFORE UPDATE ON interviewee_answers"
  FROZEN_INTERVIEWEE ("OLD.interviewee_id")
  "CREATE TRIGGER interviewee_answers_frozen_delete BEFORE DELETE ON interviewee_answers"
  FROZEN_INTERVIEWEE ("OLD.interviewee_id")
  "CREATE TRIGGER assessments_frozen_update"
  " BEFORE UPDATE OF company_id, model_id, model_version, date, consultant, status, respondents,"
  " target_level, notes, previous_id ON assessments"
  " WHEN OLD.finalized_at IS NOT NULL AND NEW.finalized_at IS NOT NULL BEGIN " FROZEN " END;"
  "CREATE TRIGGER revisions_frozen_update"
  " BEFORE UPDATE OF assessment_id, revision, finalized_at, record, record_sha256 ON assessment_revisions"
  " BEGIN " FROZEN " END;"
  "CREATE TRIGGER revisions_report_kept"
  " BEFORE UPDATE OF report, report_sha256 ON assessment_revisions WHEN OLD.report IS NOT NULL"
  " BEGIN " FROZEN " END;";

/* The roadmap as the consultant edited it: one row per measure they
 * changed or added (the ranking rule places every other one), and every
 * change kept as the row before and after, as JSON. Frozen with the
 * assessment, like its answers. This step is meant to apply to version 6
 * alone, whatever other steps come before it. */
static const char migrate_roadmap[] =
  "CREATE TABLE roadmap_measures ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  measure_id TEXT NOT NULL,"
  "  title TEXT,"
  "  dimension_id TEXT,"
  "  rank INTEGER CHECK (rank IS NULL OR rank > 0),"
  "  horizon TEXT CHECK (horizon IS NULL OR horizon IN ('short', 'medium', 'long')),"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),"
  "  owner TEXT,"
  "  budget REAL CHECK (budget IS NULL OR budget >= 0),"
  "  start_month TEXT,"
  "  due_month TEXT,"
  "  note TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (assessment_id, measure_id)"
  ");"
  "CREATE TABLE roadmap_history ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  measure_id TEXT NOT NULL,"
  "  before TEXT,"
  "  after TEXT NOT NULL,"
  "  changed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX roadmap_history_assessment ON roadmap_history (assessment_id, id);"
  "CREATE TRIGGER roadmap_frozen_insert BEFORE INSERT ON roadmap_measures" FROZEN_ASSESSMENT ("NEW.assessment_id")
  "CREATE TRIGGER roadmap_frozen_update BEFORE UPDATE ON roadmap_measures" FROZEN_ASSESSMENT ("OLD.assessment_id")
  "CREATE TRIGGER roadmap_frozen_delete BEFORE DELETE ON roadmap_measures" FROZEN_ASSESSMENT ("OLD.assessment_id");
/* The company summary again, counting only assessments not in the trash. */
#define LIVE_SUMMARY_UPDATE(ROW)                                                     \
  "UPDATE companies SET"                                                             \
  " last_assessment_date = (SELECT max(date) FROM assessments"                       \
  "                         WHERE company_id = " ROW ".company_id"                   \
  "                         AND deleted_at IS NULL),"                                \
  " latest_stage = (SELECT result_stage FROM assessments"                            \
  "                 WHERE company_id = " ROW ".company_id AND result_stage IS NOT NULL" \
  "                 AND deleted_at IS NULL"                                          \
  "                 ORDER BY date DESC, id DESC LIMIT 1),"                           \
  " n_assessments = (SELECT count(*) FROM assessments"                               \
  "                  WHERE company_id = " ROW ".company_id AND deleted_at IS NULL)"  \
  " WHERE id = " ROW ".company_id;"

/* Version 7: the trash. Deleting a company or an assessment sets its
 * deleted_at and adds a trash row; nothing under it (answers, history,
 * evidence, interviewees, revisions) is touched, so restoring clears
 * deleted_at and the record is back exactly as it was. The flag sits on the
 * row itself so every list, search and export skips trashed rows with a
 * column test instead of a join; the trash table numbers the deletions (what
 * a consultant restores) and remembers what a merge of two companies moved:
 * the assessments (trash_moves) and the credit code taken over by the kept
 * company (moved_uscc), so restoring the merged company undoes the merge.
 * Entry numbers are never reused (AUTOINCREMENT): an undo that names one
 * cannot restore a later deletion.
 * An assessment of a trashed company keeps deleted_at NULL: it is hidden by
 * its company and comes back with it. Trashing only sets deleted_at, which
 * no freeze trigger of version 6 watches, so a finalised assessment can be
 * trashed and restored while its answers stay frozen. Emptying the trash
 * deletes the rows; their children go by the cascades. */
static const char migrate_trash[] =
  "ALTER TABLE companies ADD COLUMN deleted_at INTEGER;"
  "ALTER TABLE assessments ADD COLUMN deleted_at INTEGER;"
  "CREATE TABLE trash ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER REFERENCES assessments (id) ON DELETE CASCADE,"
  "  merged_into INTEGER REFERENCES companies (id) ON DELETE SET NULL,"
  "  moved_uscc TEXT,"
  "  author TEXT,"
  "  deleted_at INTEGER NOT NULL,"
  "  CHECK ((company_id IS NULL) <> (assessment_id IS NULL))"
  ");"
  "CREATE TABLE trash_moves ("
  "  trash_id INTEGER NOT NULL REFERENCES trash (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (trash_id, assessment_id)"
  ");"
  "DROP TRIGGER assessments_summary_insert;"
  "DROP TRIGGER assessments_summary_update;"
  "DROP TRIGGER assessments_summary_delete;"
  "CREATE TRIGGER assessments_summary_insert AFTER INSERT ON assessments BEGIN "
  LIVE_SUMMARY_UPDATE ("NEW")
  " END;"
  "CREATE TRIGGER assessments_summary_update"
  " AFTER UPDATE OF company_id, date, result_stage, deleted_at ON assessments BEGIN "
  LIVE_SUMMARY_UPDATE ("OLD")
  LIVE_SUMMARY_UPDATE ("NEW")
  " END;"
  "CREATE TRIGGER assessments_summary_delete AFTER DELETE ON assessments BEGIN "
  LIVE_SUMMARY_UPDATE ("OLD")
  " END;";

static const char * const migrations[] = {
  NULL,          /* version 0: an empty file */
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
  migrate_to_6,
  migrate_roadmap,
  migrate_trash,
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

/*
 * Comparing a file's schema with Sihua's
 *
 * A file may carry objects Sihua never made: a trigger runs on Sihua's own
 * writes, a view or an index changes what a query returns. The expected
 * schema of each version is not kept by hand: it is what the steps above
 * make in an empty in-memory database, so it can never drift from them.
 */

/* SQLite keeps a statement as it was typed; spacing is no part of its
 * meaning, so runs of white space count as one space. */
static char *
normalise_sql (const char *sql)
{
  GString *normal;
  gboolean in_space = FALSE;

  if (sql == NULL)
    return g_strdup ("");

  normal = g_string_new (NULL);
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && normal->len > 0)
        g_string_append_c (normal, ' ');
      in_space = FALSE;
      g_string_append_c (normal, *p);
    }

  return g_string_free (normal, FALSE);
}

/* "type\nname" → "tbl_name\nsql" of every object in @db's schema, without
 * the statistics tables ANALYZE keeps: they hold numbers and never run. */
static GHashTable *
read_schema (sqlite3  *db,
             int      *rc_out)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *tbl_name = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *sql = normalise_sql ((const char *)sqlite3_column_text (stmt, 3));

      if (name != NULL && g_str_has_prefix (name, "sqlite_stat"))
        continue;
      g_hash_table_insert (objects,
                           g_strdup_printf ("%s\n%s", type != NULL ? type : "", name != NULL ? name : ""),
                           g_strdup_printf ("%s\n%s", tbl_name != NULL ? tbl_name : "", sql));
    }
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;

  return g_steal_pointer (&objects);
}

static GHashTable *
expected_schema (int version)
{
  g_autoptr(GHashTable) objects = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
  for (int step = 1; rc == SQLITE_OK && step <= version; step++)
    rc = sqlite3_exec (db, migrations[step], NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    objects = read_schema (db, &rc);
  sqlite3_close (db);

  /* Our own statements on an empty database in memory cannot fail. */
  g_assert (rc == SQLITE_OK);

  return g_steal_pointer (&objects);
}

static const char *
object_kind (const char *type)
{
  if (g_strcmp0 (type, "table") == 0)
    return C_("database object", "table");
  if (g_strcmp0 (type, "index") == 0)
    return C_("database object", "index");
  if (g_strcmp0 (type, "trigger") == 0)
    return C_("database object", "trigger");
  if (g_strcmp0 (type, "view") == 0)
    return C_("database object", "view");

  return C_("database object", "object");
}

/* The name as the message can show it: whole characters, not too long. */
static char *
shown_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 60)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, 60);
  return g_strconcat (start, "…", NULL);
}

/**
 * _sihua_store_check_schema:
 * @db: the database, opened read-only
 * @path: its file, for messages
 * @version: its schema version, 1 to %SIHUA_STORE_SCHEMA_VERSION
 * @error: return location for a #SIHUA_STORE_ERROR
 *
 * Compares every table, index, trigger and view of @db with those the
 * schema steps up to @version make, by type, name, table and statement.
 * Anything else (an object Sihua did not create, one of Sihua's changed or
 * missing) is refused with %SIHUA_STORE_ERROR_NOT_SIHUA naming the object.
 *
 * Returns: %TRUE if the schema is exactly Sihua's
 */
gboolean
_sihua_store_check_schema (sqlite3     *db,
                           const char  *path,
                           int          version,
                           GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GList) keys = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail (version >= 1 && version <= SIHUA_STORE_SCHEMA_VERSION, FALSE);

  found = read_schema (db, &rc);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                   _("Cannot read the database %s: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  expected = expected_schema (version);

  /* Sorted, so the same file always names the same object first. */
  keys = g_list_sort (g_hash_table_get_keys (found), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *object = l->data;
      const char *want = g_hash_table_lookup (expected, object);
      g_auto(GStrv) type_name = g_strsplit (object, "\n", 2);
      g_autofree char *name = shown_name (type_name[1] != NULL ? type_name[1] : "");

      if (want == NULL)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                       _("%s holds a %s named “%s” that Sihua did not create; it was left untouched"),
                       path, object_kind (type_name[0]), name);
          return FALSE;
        }
      if (g_strcmp0 (want, g_hash_table_lookup (found, object)) != 0)
        {
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                       _("%s holds a %s named “%s” that differs from the one Sihua created; it was left untouched"),
                       path, object_kind (type_name[0]), name);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (found, key))
      {
        g_auto(GStrv) type_name = g_strsplit (key, "\n", 2);

        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA,
                     _("%s lacks the %s named “%s” that Sihua creates, so it is not a complete Sihua database; it was left untouched"),
                     path, object_kind (type_name[0]), type_name[1]);
        return FALSE;
      }

  return TRUE;
}
