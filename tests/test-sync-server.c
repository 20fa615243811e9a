/* test-sync-server.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "sihua-server.h"
#include "sihua-test-pg.h"
#include "sihua-test-utils.h"

/*
 * The firm's server against a real PostgreSQL: the schema, the logins and
 * row-level security, checked with plain SQL as each login, the way anyone
 * holding the password could query it.
 */

static SihuaTestPg *pg;

static PGconn *
connect_as (const char *user,
            const char *password)
{
  g_autofree char *url = sihua_test_pg_url (pg, user);
  g_autofree char *full = password != NULL ? g_strdup_printf ("%s password=%s", url, password)
                                           : g_strdup (url);
  PGconn *conn = PQconnectdb (full);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect as %s: %s", user, PQerrorMessage (conn));

  return conn;
}

static PGresult *
query (PGconn     *conn,
       const char *sql,
       int         n_params,
       const char * const *params)
{
  return PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
}

static void
exec_ok (PGconn     *conn,
         const char *sql,
         int         n_params,
         const char * const *params)
{
  PGresult *result = query (conn, sql, n_params, params);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}

static SihuaServer *
admin_server (void)
{
  g_autofree char *url = sihua_test_pg_url (pg, NULL);
  g_autoptr(GError) error = NULL;
  SihuaServer *server = sihua_server_connect (url, &error);

  g_assert_no_error (error);
  return server;
}

static void
add_company (PGconn     *admin,
             const char *team,
             const char *name,
             const char *industry)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *data = g_strdup_printf ("{\"uuid\": \"%s\", \"name\": \"%s\", \"industry\": \"%s\","
                                           " \"size\": \"small\", \"region\": \"330100\"}",
                                           uuid, name, industry);
  const char *params[] = { uuid, team, data };

  exec_ok (admin, "INSERT INTO sihua.companies (uuid, team, data) VALUES ($1, $2, $3::jsonb)",
           3, params);
}

static void
test_init_twice (void)
{
  g_autoptr(SihuaServer) server = admin_server ();
  g_autoptr(GError) error = NULL;
  PGconn *admin = connect_as ("sihua", NULL);
  PGresult *result;
  int version = 0;

  /* Already made in main(): again changes nothing and keeps the rows. */
  add_company (admin, "north", "再次初始化公司", "C34");
  g_assert_true (sihua_server_init_schema (server, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, SIHUA_SERVER_SCHEMA_VERSION);
  g_assert_true (sihua_server_check_schema (server, &error));
  g_assert_no_error (error);

  result = query (admin, "SELECT count (*) FROM sihua.companies WHERE data->>'name' = '再次初始化公司'", 0, NULL);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  result = query (admin, "SELECT count (*) FROM sihua.schema_version", 0, NULL);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  PQfinish (admin);
}

static void
test_bad_member (void)
{
  g_autoptr(SihuaServer) server = admin_server ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (64, 'x');

  g_assert_false (sihua_server_add_member (server, long_name, "north",
                                           SIHUA_SERVER_ROLE_CONSULTANT, "pw", &error));
  g_assert_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sihua_server_add_member (server, "nobody-team", "",
                                           SIHUA_SERVER_ROLE_CONSULTANT, "pw", &error));
  g_assert_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_INVALID);
  g_clear_error (&error);

  /* A name that is SQL stays a name: quoted, it creates one odd role. */
  g_assert_true (sihua_server_add_member (server, "x\"; DROP SCHEMA sihua CASCADE; --", "north",
                                          SIHUA_SERVER_ROLE_CONSULTANT, "pw1", &error));
  g_assert_no_error (error);
  g_assert_true (sihua_server_check_schema (server, &error));
  g_assert_no_error (error);

  /* The same login twice: refused, and nothing half made. */
  g_assert_false (sihua_server_add_member (server, "x\"; DROP SCHEMA sihua CASCADE; --", "south",
                                           SIHUA_SERVER_ROLE_LEAD, "pw2", &error));
  g_assert_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_FAILED);
}

static void
test_row_level_security (void)
{
  PGconn *admin = connect_as ("sihua", NULL);
  PGconn *north = connect_as ("ana", "ana-pw");
  PGconn *lead = connect_as ("li", "li-pw");
  g_autofree char *south_uuid = NULL;
  g_autofree char *data = NULL;
  PGresult *result;

  add_company (admin, "north", "北方机械厂", "C34");
  add_company (admin, "south", "南方电子厂", "C39");
  result = query (admin, "SELECT uuid FROM sihua.companies WHERE team = 'south' LIMIT 1", 0, NULL);
  south_uuid = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);

  /* The consultant of the north sees the north, not the south. */
  result = query (north, "SELECT count (*) FROM sihua.companies WHERE team <> 'north'", 0, NULL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  PQclear (result);
  result = query (north, "SELECT count (*) FROM sihua.companies WHERE data->>'name' = '北方机械厂'", 0, NULL);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "1");
  PQclear (result);
  {
    const char *params[] = { south_uuid };

    result = query (north, "SELECT data FROM sihua.companies WHERE uuid = $1", 1, params);
    g_assert_cmpint (PQntuples (result), ==, 0);
    PQclear (result);
    result = query (north, "UPDATE sihua.companies SET data = '{}' WHERE uuid = $1", 1, params);
    g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
    g_assert_cmpstr (PQcmdTuples (result), ==, "0");
    PQclear (result);
  }

  /* Nor can it write a company into the south team. */
  {
    g_autofree char *uuid = g_uuid_string_random ();
    const char *params[] = { uuid };

    data = g_strdup ("{\"name\": \"偷放的公司\"}");
    result = query (north, "INSERT INTO sihua.companies (uuid, team, data) VALUES ($1, 'south', '{}')",
                    1, params);
    g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
    g_assert_nonnull (strstr (PQresultErrorMessage (result), "row-level security"));
    PQclear (result);
  }

  /* Nor read the member list. */
  result = query (north, "SELECT * FROM sihua.members", 0, NULL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);

  /* The lead sees both teams. */
  result = query (lead, "SELECT count (DISTINCT team) FROM sihua.companies WHERE team IN ('north', 'south')", 0, NULL);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "2");
  PQclear (result);

  PQfinish (north);
  PQfinish (lead);
  PQfinish (admin);
}

static void
test_viewer_sees_no_name (void)
{
  PGconn *admin = connect_as ("sihua", NULL);
  PGconn *viewer = connect_as ("wang", "wang-pw");
  PGresult *result;

  /* Five companies of one division, each with a completed assessment. */
  exec_ok (admin, "INSERT INTO sihua.models (model_id, model_version, uuid, json)"
                  " VALUES ('sihua', '1', gen_random_uuid (), '\\x7b7d') ON CONFLICT DO NOTHING", 0, NULL);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *company = g_uuid_string_random ();
      g_autofree char *assessment = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("保密公司%d", i);
      g_autofree char *company_data = g_strdup_printf ("{\"name\": \"%s\", \"industry\": \"C3411\","
                                                       " \"size\": \"medium\", \"region\": \"浙江\"}", name);
      g_autofree char *index = g_strdup_printf ("{\"status\": \"completed\", \"result_index\": %d,"
                                                " \"date\": \"2026-0%d-01\"}", 40 + i * 10, i + 1);
      const char *c_params[] = { company, company_data };
      const char *a_params[] = { assessment, company, index };

      exec_ok (admin, "INSERT INTO sihua.companies (uuid, team, data) VALUES ($1, 'north', $2::jsonb)",
               2, c_params);
      exec_ok (admin, "INSERT INTO sihua.assessments (uuid, company_uuid, model_id, model_version, data)"
                      " VALUES ($1, $2, 'sihua', '1', $3::jsonb)", 3, a_params);
    }

  result = query (viewer, "SELECT count (*) FROM sihua.companies", 0, NULL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);
  result = query (viewer, "SELECT * FROM sihua.changes", 0, NULL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);

  result = query (viewer, "SELECT * FROM sihua.benchmark", 0, NULL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  /* The division of five companies shows; the single companies of the
   * other tests make cells too small to show. */
  g_assert_cmpint (PQntuples (result), ==, 1);
  g_assert_cmpstr (PQgetvalue (result, 0, PQfnumber (result, "division")), ==, "C34");
  g_assert_cmpstr (PQgetvalue (result, 0, PQfnumber (result, "companies")), ==, "5");
  for (int row = 0; row < PQntuples (result); row++)
    for (int col = 0; col < PQnfields (result); col++)
      g_assert_null (strstr (PQgetvalue (result, row, col), "保密公司"));
  PQclear (result);

  PQfinish (viewer);
  PQfinish (admin);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  pg = sihua_test_pg_start ();
  server = admin_server ();
  g_assert_true (sihua_server_init_schema (server, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sihua_server_add_member (server, "ana", "north", SIHUA_SERVER_ROLE_CONSULTANT, "ana-pw", &error));
  g_assert_true (sihua_server_add_member (server, "li", "south", SIHUA_SERVER_ROLE_LEAD, "li-pw", &error));
  g_assert_true (sihua_server_add_member (server, "wang", "north", SIHUA_SERVER_ROLE_VIEWER, "wang-pw", &error));
  g_assert_no_error (error);
  g_clear_object (&server);

  g_test_add_func ("/sync-server/init-twice", test_init_twice);
  g_test_add_func ("/sync-server/bad-member", test_bad_member);
  g_test_add_func ("/sync-server/row-level-security", test_row_level_security);
  g_test_add_func ("/sync-server/viewer-sees-no-name", test_viewer_sees_no_name);

  status = g_test_run ();
  sihua_test_pg_stop (pg);

  return status;
}
