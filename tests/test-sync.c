/* test-sync.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "sihua-server.h"
#include "sihua-test-pg.h"
#include "sihua-test-utils.h"

/*
 * Laptops syncing through a real PostgreSQL, driven through the real
 * sihua-cli: every laptop a database file, every consultant a login with a
 * password. Each test uses its own team, so the tests share one cluster
 * without seeing each other's companies.
 */

static SihuaTestPg *pg;

typedef struct
{
  char *dir;
  char *url;       /* the team's consultant, without password */
  char *team;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *admin_url = sihua_test_pg_url (pg, NULL);
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  static guint n = 0;
  g_autofree char *login = NULL;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->team = g_strdup_printf ("team%u", ++n);
  login = g_strdup_printf ("consultant%u", n);
  server = sihua_server_connect (admin_url, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_server_add_member (server, login, fixture->team,
                                          SIHUA_SERVER_ROLE_CONSULTANT, "secret-pw", &error));
  g_assert_no_error (error);
  fixture->url = sihua_test_pg_url (pg, login);
  g_setenv ("PGPASSWORD", "secret-pw", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->url);
  g_free (fixture->team);
}

static char *
laptop (Fixture    *fixture,
        const char *name)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);

  return g_build_filename (fixture->dir, file, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Runs sihua-cli --json on @db; asserts success and returns its output. */
static JsonNode *
cli_json (const char *db,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("SIHUA_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "--json");
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = sihua_test_run ((const char * const *) argv->pdata, NULL, &out, &err);
  if (status != 0)
    g_error ("sihua-cli %s failed (%d): %s", (char *) argv->pdata[4], status, err);

  return parse (out);
}

static gint64
member_int (JsonNode   *node,
            const char *name)
{
  return json_object_get_int_member (json_node_get_object (node), name);
}

static JsonObject *
sync_laptop (Fixture    *fixture,
             const char *db)
{
  g_autoptr(JsonNode) report = cli_json (db, "sync", "--url", fixture->url, NULL);

  return json_object_ref (json_node_get_object (report));
}

static void
answer (const char *db,
        const char *question,
        const char *value)
{
  g_autoptr(JsonNode) done = cli_json (db, "assessment", "answer", "1", question, value, NULL);
}

/* The answers of assessment 1 as JSON text, for comparing laptops. */
static char *
answers_of (const char *db)
{
  g_autoptr(JsonNode) shown = cli_json (db, "assessment", "show", "1", NULL);
  JsonNode *answers = json_object_get_member (json_node_get_object (shown), "answers");

  return json_to_string (answers, FALSE);
}

static char *
answer_value (const char *db,
              const char *question)
{
  g_autoptr(JsonNode) shown = cli_json (db, "assessment", "show", "1", NULL);
  JsonObject *answers = json_object_get_object_member (json_node_get_object (shown), "answers");

  if (!json_object_has_member (answers, question))
    return NULL;
  return g_strdup (json_object_get_string_member (json_object_get_object_member (answers, question), "text"));
}

static void
make_company (Fixture    *fixture,
              const char *db)
{
  g_autoptr(JsonNode) company = cli_json (db, "company", "add", "--name", fixture->team,
                                          "--industry", "C34", NULL);
  g_autoptr(JsonNode) assessment = cli_json (db, "assessment", "new", "--company", "1", NULL);
}

/* Every row of every table but the sync state's own, in a fixed order. */
static char *
dump (const char *path)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "%s\n", sql);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (rows, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (text, FALSE);
}

static gint64
count_local (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* History rows of the team's companies on the server. */
static gint64
count_on_server (Fixture *fixture)
{
  g_autofree char *url = sihua_test_pg_url (pg, NULL);
  PGconn *conn = PQconnectdb (url);
  const char *params[] = { fixture->team };
  PGresult *result;
  gint64 n;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexecParams (conn,
                         "SELECT count (*) FROM sihua.answer_history h"
                         " JOIN sihua.assessments a ON a.uuid = h.assessment_uuid"
                         " JOIN sihua.companies c ON c.uuid = a.company_uuid WHERE c.team = $1",
                         1, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);

  return n;
}

static void
assert_same_answers (const char *a,
                     const char *b)
{
  g_autofree char *mine = answers_of (a);
  g_autofree char *theirs = answers_of (b);

  g_assert_cmpstr (mine, ==, theirs);
}

/* Two laptops edit different answers; after syncing both hold all of them. */
static void
test_converge (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *b = laptop (fixture, "b");
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *value = NULL;

  make_company (fixture, a);
  answer (a, "profile.employees", "120");
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  /* The industry the new assessment took from the company's profile, and
   * the answer given. */
  g_assert_cmpint (json_object_get_int_member (report, "rows_pushed"), ==, 2);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);
  g_assert_cmpint (json_object_get_int_member (report, "rows_pulled"), ==, 2);
  value = answer_value (b, "profile.employees");
  g_assert_cmpstr (value, ==, "120 people");

  answer (a, "equipment.automation", "3");
  answer (b, "network.coverage", "2");
  answer (b, "profile.employees", "130");
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, a);
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, b);
      g_assert_cmpint (json_object_get_int_member (report, "conflicts_open"), ==, 0);
    }

  assert_same_answers (a, b);
  g_clear_pointer (&value, g_free);
  value = answer_value (a, "profile.employees");
  g_assert_cmpstr (value, ==, "130 people");
  g_clear_pointer (&value, g_free);
  value = answer_value (a, "network.coverage");
  g_assert_nonnull (value);
  /* The industry taken from the company's profile and the four answers. */
  g_assert_cmpint (count_on_server (fixture), ==, 5);
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history"), ==, 5);
  g_assert_cmpint (count_local (b, "SELECT count (*) FROM answer_history"), ==, 5);
}

static JsonNode *
open_conflicts (const char *db)
{
  return cli_json (db, "conflicts", "list", NULL);
}

/* The same answer changed on both laptops: one conflict, on both, with
 * both values; settled on one, the decision reaches the other. */
static void
test_concurrent_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *b = laptop (fixture, "b");
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonNode) on_a = NULL;
  g_autoptr(JsonNode) on_b = NULL;
  g_autofree char *value = NULL;
  JsonObject *conflict_a, *conflict_b;
  g_autofree char *id = NULL;

  make_company (fixture, a);
  answer (a, "profile.employees", "120");
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);

  answer (a, "profile.employees", "150");
  answer (b, "profile.employees", "99");
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);
  g_assert_cmpint (json_object_get_int_member (report, "conflicts_found"), ==, 1);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  g_assert_cmpint (json_object_get_int_member (report, "conflicts_open"), ==, 1);

  on_a = open_conflicts (a);
  on_b = open_conflicts (b);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (on_a)), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (on_b)), ==, 1);
  conflict_a = json_array_get_object_element (json_node_get_array (on_a), 0);
  conflict_b = json_array_get_object_element (json_node_get_array (on_b), 0);
  g_assert_cmpstr (json_object_get_string_member (conflict_a, "id"), ==,
                   json_object_get_string_member (conflict_b, "id"));
  /* Each laptop sees its own value as mine: nothing is lost. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (conflict_a, "mine"), "value"), ==,
                   "{\"number\":150.0}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (conflict_a, "theirs"), "value"), ==,
                   "{\"number\":99.0}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (conflict_b, "mine"), "value"), ==,
                   "{\"number\":99.0}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (conflict_b, "theirs"), "value"), ==,
                   "{\"number\":150.0}");
  assert_same_answers (a, b);

  /* B keeps A's value; the decision is a history row that syncs. */
  id = g_strndup (json_object_get_string_member (conflict_b, "id"), 8);
  {
    g_autoptr(JsonNode) done = cli_json (b, "conflicts", "resolve", id, "theirs", NULL);
  }
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, b);
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, a);
    }
  g_assert_cmpint (json_object_get_int_member (report, "conflicts_open"), ==, 0);
  value = answer_value (a, "profile.employees");
  g_assert_cmpstr (value, ==, "150 people");
  g_clear_pointer (&value, g_free);
  value = answer_value (b, "profile.employees");
  g_assert_cmpstr (value, ==, "150 people");
  g_clear_pointer (&on_a, json_node_unref);
  on_a = open_conflicts (a);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (on_a)), ==, 0);
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history WHERE merge_choice = 'theirs'"), ==, 1);
}

/* Syncing again when nothing changed changes nothing, on either side. */
static void
test_rerun (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) report = NULL;
  gint64 on_server;

  make_company (fixture, a);
  answer (a, "profile.employees", "120");
  answer (a, "equipment.automation", "2");
  report = sync_laptop (fixture, a);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  before = dump (a);
  on_server = count_on_server (fixture);

  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  after = dump (a);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_on_server (fixture), ==, on_server);
  g_assert_cmpint (json_object_get_int_member (report, "rows_pushed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "records_pushed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "rows_pulled"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "records_pulled"), ==, 0);
}

static const char * const questions_a[] = {
  "equipment.automation", "equipment.control", "network.coverage", "network.cloud",
  "data.collection", "data.master_data",
};
static const char * const questions_b[] = {
  "data.integration", "systems.coverage", "systems.terminals", "security.access",
  "security.data_protection", "design.process",
};

/* A sync started as a process and killed with SIGKILL after a random
 * moment, or stopped by the test hook after a number of batches. */
static void
interrupted_sync (Fixture    *fixture,
                  const char *db,
                  guint       round)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stop = g_strdup_printf ("%u", 1 + round % 4);

  g_subprocess_launcher_setenv (launcher, "SIHUA_SYNC_BATCH", "1", TRUE);
  if (round % 2 == 0)
    g_subprocess_launcher_setenv (launcher, "SIHUA_SYNC_STOP_AFTER", stop, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SIHUA_CLI"), "--db", db,
                                         "sync", "--url", fixture->url, NULL);
  g_assert_no_error (error);

  if (round % 2 == 1)
    {
      g_usleep (g_test_rand_int_range (0, 120) * 1000);
      g_subprocess_force_exit (process);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
}

static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *b = laptop (fixture, "b");
  g_autoptr(JsonObject) report = NULL;
  guint rounds = g_test_slow () ? 40 : 12;

  make_company (fixture, a);
  report = sync_laptop (fixture, a);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);

  for (guint r = 0; r < rounds; r++)
    {
      g_autofree char *level_a = g_strdup_printf ("%u", r % 5);
      g_autofree char *level_b = g_strdup_printf ("%u", (r + 2) % 5);

      answer (a, questions_a[r % G_N_ELEMENTS (questions_a)], level_a);
      answer (a, questions_a[(r + 1) % G_N_ELEMENTS (questions_a)], level_b);
      answer (b, questions_b[r % G_N_ELEMENTS (questions_b)], level_b);
      interrupted_sync (fixture, a, r);
      interrupted_sync (fixture, b, r + 1);
    }

  /* The next syncs complete, and nothing is missing anywhere. */
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, a);
      g_clear_pointer (&report, json_object_unref);
      report = sync_laptop (fixture, b);
    }
  g_assert_cmpint (json_object_get_int_member (report, "conflicts_open"), ==, 0);
  assert_same_answers (a, b);
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history WHERE server_seq IS NULL"), ==, 0);
  g_assert_cmpint (count_local (b, "SELECT count (*) FROM answer_history WHERE server_seq IS NULL"), ==, 0);
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history"), ==,
                   count_local (b, "SELECT count (*) FROM answer_history"));
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history"), ==, count_on_server (fixture));
  for (guint q = 0; q < G_N_ELEMENTS (questions_b); q++)
    {
      g_autofree char *value = answer_value (a, questions_b[q]);

      g_assert_nonnull (value);
    }
  {
    g_autoptr(JsonNode) check_a = cli_json (a, "check", NULL);
    g_autoptr(JsonNode) check_b = cli_json (b, "check", NULL);
  }
}

/* Restoring an old backup never takes anything off the server, and the
 * next sync brings back what the backup lacks. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *b = laptop (fixture, "b");
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonNode) backup = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *value = NULL;
  gint64 on_server;

  make_company (fixture, a);
  answer (a, "profile.employees", "120");
  report = sync_laptop (fixture, a);
  backup = cli_json (a, "backup", NULL);

  answer (a, "profile.employees", "150");
  answer (a, "equipment.automation", "3");
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);
  answer (b, "network.coverage", "2");
  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);
  before = answers_of (b);
  on_server = count_on_server (fixture);

  restored = cli_json (a, "restore",
                       json_object_get_string_member (json_node_get_object (backup), "backup"), NULL);
  value = answer_value (a, "profile.employees");
  g_assert_cmpstr (value, ==, "120 people");
  answer (a, "data.collection", "1");

  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, a);
  g_assert_cmpint (count_on_server (fixture), ==, on_server + 1);
  g_clear_pointer (&value, g_free);
  value = answer_value (a, "profile.employees");
  g_assert_cmpstr (value, ==, "150 people");
  g_clear_pointer (&value, g_free);
  value = answer_value (a, "network.coverage");
  g_assert_nonnull (value);

  g_clear_pointer (&report, json_object_unref);
  report = sync_laptop (fixture, b);
  assert_same_answers (a, b);
  g_assert_cmpint (count_local (a, "SELECT count (*) FROM answer_history"), ==, count_on_server (fixture));
  g_assert_cmpint (json_object_get_int_member (report, "conflicts_open"), ==, 0);
}

/* A consultant of another team pulls nothing of this team's companies. */
static void
test_other_team (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *other = laptop (fixture, "other");
  g_autofree char *admin_url = sihua_test_pg_url (pg, NULL);
  g_autofree char *login = g_strconcat ("outsider-", fixture->team, NULL);
  g_autofree char *other_url = sihua_test_pg_url (pg, login);
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonNode) pulled = NULL;

  make_company (fixture, a);
  answer (a, "profile.employees", "120");
  report = sync_laptop (fixture, a);

  server = sihua_server_connect (admin_url, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_server_add_member (server, login, "elsewhere", SIHUA_SERVER_ROLE_CONSULTANT,
                                          "secret-pw", &error));
  g_assert_no_error (error);

  pulled = cli_json (other, "sync", "--url", other_url, NULL);
  g_assert_cmpint (member_int (pulled, "rows_pulled"), ==, 0);
  g_assert_cmpint (member_int (pulled, "records_pulled"), ==, 0);
  g_assert_cmpint (count_local (other, "SELECT count (*) FROM companies"), ==, 0);
}

static int
sync_with_password_file (Fixture     *fixture,
                         const char  *db,
                         const char  *file,
                         char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "PGPASSWORD");
  g_subprocess_launcher_setenv (launcher, "SIHUA_PASSWORD_FILE", file, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SIHUA_CLI"), "--db", db,
                                         "sync", "--url", fixture->url, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

/* Without PGPASSWORD the password comes from a file only its owner reads;
 * one others may read is refused, and the database never holds it. */
static void
test_password_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = laptop (fixture, "a");
  g_autofree char *file = g_build_filename (fixture->dir, "password", NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (file, "secret-pw\n", -1, NULL));
  g_assert_cmpint (g_chmod (file, 0644), ==, 0);
  g_assert_cmpint (sync_with_password_file (fixture, a, file, &err), !=, 0);
  g_assert_nonnull (strstr (err, "chmod 600"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_chmod (file, 0600), ==, 0);
  g_assert_cmpint (sync_with_password_file (fixture, a, file, &err), ==, 0);

  g_assert_cmpint (count_local (a, "SELECT count (*) FROM sync_state WHERE value LIKE '%secret-pw%'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *admin_url = NULL;
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("SIHUA_PASSWORD_FILE");

  pg = sihua_test_pg_start ();
  admin_url = sihua_test_pg_url (pg, NULL);
  server = sihua_server_connect (admin_url, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_server_init_schema (server, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&server);

  g_test_add ("/sync/converge", Fixture, NULL, fixture_set_up, test_converge, fixture_tear_down);
  g_test_add ("/sync/concurrent-edit", Fixture, NULL, fixture_set_up, test_concurrent_edit, fixture_tear_down);
  g_test_add ("/sync/rerun", Fixture, NULL, fixture_set_up, test_rerun, fixture_tear_down);
  g_test_add ("/sync/killed", Fixture, NULL, fixture_set_up, test_killed, fixture_tear_down);
  g_test_add ("/sync/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/sync/password-file", Fixture, NULL, fixture_set_up, test_password_file, fixture_tear_down);
  g_test_add ("/sync/other-team", Fixture, NULL, fixture_set_up, test_other_team, fixture_tear_down);

  status = g_test_run ();
  sihua_test_pg_stop (pg);

  return status;
}
