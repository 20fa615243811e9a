/* sihua-server.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-server-password.h"
#include "sihua-server-private.h"

/*
 * A connection to the firm's PostgreSQL, reached with libpq. The URL is a
 * libpq URI or conninfo string and libpq reads its own environment
 * (PGPASSWORD, PGSSLMODE, PGSSLROOTCERT …) as everywhere else, so
 * `sslmode=verify-full` in the URL makes libpq check the server's
 * certificate and name. Values always travel as parameters; the only SQL
 * built from text are role names in DDL, quoted by PQescapeIdentifier, and
 * a role's password verifier, which PostgreSQL takes only as a literal.
 */

/* PostgreSQL's NAMEDATALEN - 1: a longer role name is silently cut. */
#define MAX_ROLE_NAME 63

struct _SihuaServerClass
{
  GObjectClass parent_class;
};

G_DEFINE_FINAL_TYPE (SihuaServer, sihua_server, G_TYPE_OBJECT)
G_DEFINE_QUARK (sihua-server-error-quark, sihua_server_error)

static const char * const role_names[] = { "consultant", "lead", "viewer" };

static void
set_conn_error (SihuaServer  *self,
                int           code,
                GError      **error)
{
  g_autofree char *message = g_strdup (PQerrorMessage (self->conn));

  g_set_error_literal (error, SIHUA_SERVER_ERROR, code, g_strchomp (message));
}

PGresult *
_sihua_server_exec_params (SihuaServer         *self,
                           const char          *sql,
                           int                  n_params,
                           const char * const  *params,
                           GError             **error)
{
  PGresult *result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  {
    g_autofree char *message = g_strdup (PQresultErrorMessage (result));

    g_set_error_literal (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_FAILED,
                         g_strchomp (message));
  }
  PQclear (result);

  return NULL;
}

gboolean
_sihua_server_exec (SihuaServer  *self,
                    const char   *sql,
                    GError      **error)
{
  g_autoptr(PGresult) result = NULL;
  ExecStatusType status;

  /* PQexec: the static statements of a migration step, several at once. */
  result = PQexec (self->conn, sql);
  status = PQresultStatus (result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  {
    g_autofree char *message = g_strdup (PQresultErrorMessage (result));

    g_set_error_literal (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_FAILED,
                         g_strchomp (message));
  }

  return FALSE;
}

PGconn *
_sihua_server_get_conn (SihuaServer *self)
{
  return self->conn;
}

static void
sihua_server_finalize (GObject *object)
{
  SihuaServer *self = SIHUA_SERVER (object);

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (sihua_server_parent_class)->finalize (object);
}

static void
sihua_server_class_init (SihuaServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_server_finalize;
}

static void
sihua_server_init (SihuaServer *self)
{
}

gboolean
sihua_server_role_from_string (const char      *text,
                               SihuaServerRole *role)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (strcmp (text, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sihua_server_role_to_string (SihuaServerRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (role_names), NULL);

  return role_names[role];
}

/**
 * sihua_server_connect:
 * @url: a libpq URI (`postgresql://…`) or conninfo string (`host=… dbname=…`)
 * @error: return location for a #SIHUA_SERVER_ERROR
 *
 * Connects. Without a password in @url or libpq's environment, the one
 * kept for the URL's server and user (sihua-server-password.c) is used.
 *
 * Returns: (transfer full): the server, or %NULL with @error set
 */
SihuaServer *
sihua_server_connect (const char  *url,
                      GError     **error)
{
  g_autoptr(SihuaServer) self = NULL;
  g_autoptr(GError) password_error = NULL;
  g_autofree char *password = NULL;
  const char *keys[] = { "dbname", "password", "application_name", NULL };
  const char *values[] = { url, NULL, "sihua", NULL };

  g_return_val_if_fail (url != NULL, NULL);

  password = sihua_server_password_lookup (url, &password_error);
  if (password_error != NULL)
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_CONNECT, "%s",
                   password_error->message);
      return NULL;
    }
  /* A password in the URL or PGPASSWORD wins: libpq only uses the one
   * given here when those have none. */
  values[1] = password;

  self = g_object_new (SIHUA_TYPE_SERVER, NULL);
  self->url = g_strdup (url);
  self->conn = PQconnectdbParams (keys, values, 1);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_conn_error (self, SIHUA_SERVER_ERROR_CONNECT, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
sihua_server_get_url (SihuaServer *self)
{
  g_return_val_if_fail (SIHUA_IS_SERVER (self), NULL);

  return self->url;
}

const char *
sihua_server_get_user (SihuaServer *self)
{
  g_return_val_if_fail (SIHUA_IS_SERVER (self), NULL);

  return PQuser (self->conn);
}

static int
read_version (SihuaServer  *self,
              GError      **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = _sihua_server_exec_params (self, "SELECT to_regclass ('sihua.schema_version') IS NOT NULL",
                                      0, NULL, error);
  if (exists == NULL)
    return -1;
  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    return 0;

  result = _sihua_server_exec_params (self, "SELECT coalesce (max (version), 0) FROM sihua.schema_version",
                                      0, NULL, error);
  if (result == NULL)
    return -1;

  return atoi (PQgetvalue (result, 0, 0));
}

/**
 * sihua_server_init_schema:
 * @self: a server, connected as a role that may create schemas and roles
 * @version: (out) (optional): the schema version now on the server
 * @error: return location for a #SIHUA_SERVER_ERROR
 *
 * Creates the `sihua` schema or brings it to %SIHUA_SERVER_SCHEMA_VERSION,
 * all in one transaction: on failure the server is as it was. Running it
 * again on a current schema changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
sihua_server_init_schema (SihuaServer  *self,
                          int          *version,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  int found;

  g_return_val_if_fail (SIHUA_IS_SERVER (self), FALSE);

  /* The lock makes two `server init` at once run one after the other. */
  if (!_sihua_server_exec (self,
                           "BEGIN;"
                           "CREATE SCHEMA IF NOT EXISTS sihua;"
                           "CREATE TABLE IF NOT EXISTS sihua.schema_version (version integer NOT NULL);"
                           "LOCK TABLE sihua.schema_version IN EXCLUSIVE MODE;",
                           &local_error))
    goto failed;

  found = read_version (self, &local_error);
  if (found < 0)
    goto failed;
  if (found > SIHUA_SERVER_SCHEMA_VERSION)
    {
      _sihua_server_exec (self, "ROLLBACK", NULL);
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_TOO_NEW,
                   _("The server's Sihua schema is version %d, made by a newer Sihua; this one knows up to version %d. Nothing was changed"),
                   found, SIHUA_SERVER_SCHEMA_VERSION);
      return FALSE;
    }

  for (int step = found + 1; step <= SIHUA_SERVER_SCHEMA_VERSION; step++)
    if (!_sihua_server_exec (self, _sihua_server_migration (step), &local_error))
      goto failed;

  {
    g_autofree char *text = g_strdup_printf ("%d", SIHUA_SERVER_SCHEMA_VERSION);
    const char *params[] = { text };
    g_autoptr(PGresult) result = NULL;

    result = _sihua_server_exec_params (self,
                                        "WITH gone AS (DELETE FROM sihua.schema_version)"
                                        " INSERT INTO sihua.schema_version VALUES ($1::integer)",
                                        1, params, &local_error);
    if (result == NULL || !_sihua_server_exec (self, "COMMIT", &local_error))
      goto failed;
  }

  if (version != NULL)
    *version = SIHUA_SERVER_SCHEMA_VERSION;
  return TRUE;

failed:
  _sihua_server_exec (self, "ROLLBACK", NULL);
  g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_FAILED,
               _("Cannot create the Sihua schema on the server; nothing was changed: %s"),
               local_error->message);
  return FALSE;
}

/**
 * sihua_server_check_schema:
 * @self: a server
 * @error: return location for a #SIHUA_SERVER_ERROR
 *
 * Returns: %TRUE when the server holds the schema this build syncs with
 */
gboolean
sihua_server_check_schema (SihuaServer  *self,
                           GError      **error)
{
  int version;

  g_return_val_if_fail (SIHUA_IS_SERVER (self), FALSE);

  version = read_version (self, error);
  if (version < 0)
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_NO_SCHEMA,
                   _("The server's database holds no Sihua schema; run “sihua-cli server init” there first"));
      return FALSE;
    }
  if (version != SIHUA_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_TOO_NEW,
                   _("The server's Sihua schema is version %d, but this Sihua syncs with version %d; update Sihua or run “sihua-cli server init” with the newer one"),
                   version, SIHUA_SERVER_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
name_is_valid (const char *text,
               gsize       max_bytes)
{
  if (text == NULL || *text == '\0' || strlen (text) > max_bytes || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The privileges of each kind of member, for the quoted role name %s. */
static const char member_grants[] =
  "GRANT USAGE ON SCHEMA sihua TO %1$s;"
  "GRANT SELECT ON sihua.schema_version TO %1$s;"
  "GRANT SELECT, INSERT, UPDATE ON sihua.companies, sihua.assessments,"
  "  sihua.answer_history, sihua.conflicts TO %1$s;"
  "GRANT SELECT, INSERT ON sihua.models TO %1$s;"
  "GRANT SELECT ON sihua.changes, sihua.benchmark TO %1$s;"
  "GRANT USAGE ON SEQUENCE sihua.change_seq TO %1$s;";
static const char viewer_grants[] =
  "GRANT USAGE ON SCHEMA sihua TO %1$s;"
  "GRANT SELECT ON sihua.schema_version, sihua.benchmark TO %1$s;";

/**
 * sihua_server_add_member:
 * @self: a server, connected as a role that may create roles
 * @name: the login role to create
 * @team: the team whose companies a consultant reads and writes
 * @role: what the login may do
 * @password: the login's password
 * @error: return location for a #SIHUA_SERVER_ERROR
 *
 * Creates a login role with a scram-sha-256 password, records its team
 * and kind, and grants what the kind needs; row-level security does the
 * rest. One transaction: on failure nothing was created.
 *
 * Returns: %TRUE on success
 */
gboolean
sihua_server_add_member (SihuaServer      *self,
                         const char       *name,
                         const char       *team,
                         SihuaServerRole   role,
                         const char       *password,
                         GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGresult) result = NULL;
  char *identifier = NULL;
  char *verifier = NULL;
  char *literal = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIHUA_IS_SERVER (self), FALSE);
  g_return_val_if_fail (role < G_N_ELEMENTS (role_names), FALSE);

  if (!name_is_valid (name, MAX_ROLE_NAME))
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_INVALID,
                   _("A login name must be 1 to %d bytes of text without control characters"),
                   MAX_ROLE_NAME);
      return FALSE;
    }
  if (!name_is_valid (team, 200))
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_INVALID,
                   _("A team name must be 1 to 200 bytes of text without control characters"));
      return FALSE;
    }
  if (password == NULL || *password == '\0')
    {
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_INVALID,
                   _("The login needs a password"));
      return FALSE;
    }
  if (!sihua_server_check_schema (self, error))
    return FALSE;

  identifier = PQescapeIdentifier (self->conn, name, strlen (name));
  /* Hashed here: the password itself never reaches the server or its log. */
  verifier = PQencryptPasswordConn (self->conn, password, name, "scram-sha-256");
  if (identifier == NULL || verifier == NULL)
    {
      set_conn_error (self, SIHUA_SERVER_ERROR_FAILED, &local_error);
      goto out;
    }
  literal = PQescapeLiteral (self->conn, verifier, strlen (verifier));
  if (literal == NULL)
    {
      set_conn_error (self, SIHUA_SERVER_ERROR_FAILED, &local_error);
      goto out;
    }

  {
    g_autofree char *create = g_strdup_printf ("BEGIN; CREATE ROLE %s LOGIN PASSWORD %s;",
                                               identifier, literal);
    g_autofree char *grants = g_strdup_printf (role == SIHUA_SERVER_ROLE_VIEWER ? viewer_grants
                                                                                  : member_grants,
                                               identifier);
    const char *params[] = { name, team, role_names[role] };

    if (!_sihua_server_exec (self, create, &local_error))
      goto out;
    result = _sihua_server_exec_params (self,
                                        "INSERT INTO sihua.members (role_name, team, kind)"
                                        " VALUES ($1, $2, $3)",
                                        3, params, &local_error);
    if (result == NULL ||
        !_sihua_server_exec (self, grants, &local_error) ||
        !_sihua_server_exec (self, "COMMIT", &local_error))
      goto out;
  }
  ok = TRUE;

out:
  if (!ok)
    {
      _sihua_server_exec (self, "ROLLBACK", NULL);
      g_set_error (error, SIHUA_SERVER_ERROR, SIHUA_SERVER_ERROR_FAILED,
                   _("Cannot add the login “%s”; nothing was created: %s"),
                   name, local_error->message);
    }
  PQfreemem (identifier);
  PQfreemem (verifier);
  PQfreemem (literal);

  return ok;
}
