/* sihua-cli-server.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sihua-cli-server.h"
#include "sihua-cli-text.h"
#include "sihua-server-password.h"
#include "sihua-server.h"

int
sihua_cli_server_init_run (SihuaCli  *cli,
                           int        argc,
                           char     **argv)
{
  g_autofree char *url = NULL;
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  int status, version = 0;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The firm's PostgreSQL: a libpq URI or conninfo string"), "URL" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("server init", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);
  if (url == NULL)
    return sihua_cli_usage_error (_("server init needs --url URL"));

  server = sihua_server_connect (url, &error);
  if (server == NULL || !sihua_server_init_schema (server, &version, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, version);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("The server holds the Sihua schema, version %d\n"), version);

  return 0;
}

int
sihua_cli_server_add_consultant_run (SihuaCli  *cli,
                                     int        argc,
                                     char     **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *team = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *password = NULL;
  g_autoptr(SihuaServer) server = NULL;
  g_autoptr(GError) error = NULL;
  SihuaServerRole role = SIHUA_SERVER_ROLE_CONSULTANT;
  gboolean made_password = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The firm's PostgreSQL, as a role that may create roles"), "URL" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The team whose companies the login reads and writes"), "TEAM" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("consultant (default), lead or viewer"), "ROLE" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("The login's password (default: a new random one, printed)"), "PASSWORD" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("server add-consultant", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sihua_cli_usage_error (_("server add-consultant needs one NAME"));
  if (url == NULL || team == NULL)
    return sihua_cli_usage_error (_("server add-consultant needs --url URL and --team TEAM"));
  if (role_text != NULL && !sihua_server_role_from_string (role_text, &role))
    return sihua_cli_usage_error (_("Unknown role %s: use consultant, lead or viewer"), role_text);

  if (password == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      password = g_strdup (random);
      made_password = TRUE;
    }

  server = sihua_server_connect (url, &error);
  if (server == NULL ||
      !sihua_server_add_member (server, argv[1], team, role, password, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "name", argv[1]);
      sihua_cli_add_string_member (builder, "team", team);
      sihua_cli_add_string_member (builder, "role", sihua_server_role_to_string (role));
      if (made_password)
        sihua_cli_add_string_member (builder, "password", password);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    {
      /* Translators: the login, its role (consultant, lead, viewer) and team */
      printf (_("Added the login %s as %s of the team %s\n"), sihua_cli_shown (argv[1]),
              sihua_server_role_to_string (role), sihua_cli_shown (team));
      if (made_password)
        printf (_("Its password: %s\n"), password);
    }

  return 0;
}

int
sihua_cli_server_save_password_run (SihuaCli  *cli,
                                    int        argc,
                                    char     **argv)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  char line[1024];
  int status;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The server and login the password is for"), "URL" },
    { NULL }
  };

  if (!sihua_cli_parse_options ("server save-password", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("Unexpected argument: %s"), argv[1]);
  if (url == NULL)
    return sihua_cli_usage_error (_("server save-password needs --url URL"));

  /* From standard input, so it shows in no command line or history. */
  if (fgets (line, sizeof line, stdin) == NULL || g_strchomp (line)[0] == '\0')
    return sihua_cli_fail (_("No password on standard input; nothing was saved"));

  {
    g_autofree char *kept = sihua_server_url_without_password (url);

    if (!sihua_server_password_store (kept, line, &error))
      return sihua_cli_fail_error (error);
  }
  memset (line, 0, sizeof line);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "saved");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("The password is in the desktop keyring\n"));

  return 0;
}
