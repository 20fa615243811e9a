/* sihua-cli-context.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-context.h"

/**
 * sihua_cli_get_store:
 *
 * Returns: (transfer none): the store named by `--db` (or the default one),
 *   opened on the first call.
 */
SihuaStore *
sihua_cli_get_store (SihuaCli  *cli,
                     GError   **error)
{
  if (cli->store == NULL)
    cli->store = sihua_store_open (cli->db_path, error);

  return cli->store;
}

static int
print_failure (int         status,
               const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  /* One line, so scripts can show it as it is. */
  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "sihua-cli: %s\n", message);

  return status;
}

int
sihua_cli_fail (const char *format,
                ...)
{
  va_list args;
  int status;

  va_start (args, format);
  status = print_failure (SIHUA_CLI_EXIT_FAILURE, format, args);
  va_end (args);

  return status;
}

int
sihua_cli_fail_error (const GError *error)
{
  return sihua_cli_fail ("%s", error->message);
}

int
sihua_cli_usage_error (const char *format,
                       ...)
{
  va_list args;
  int status;

  va_start (args, format);
  status = print_failure (SIHUA_CLI_EXIT_USAGE, format, args);
  va_end (args);

  return status;
}

void
sihua_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* Prints what @builder has built, the end of every command's --json. */
void
sihua_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  sihua_cli_print_json (root);
}

/**
 * sihua_cli_parse_options:
 * @command: the command's name, for messages
 * @entries: the command's own options
 * @argc: (inout): arguments after the command name
 * @argv: (inout): the arguments; options are removed
 * @exit_status: (out): set when parsing fails
 *
 * Returns: %TRUE if the command line was understood.
 */
gboolean
sihua_cli_parse_options (const char     *command,
                         GOptionEntry   *entries,
                         int            *argc,
                         char         ***argv,
                         int            *exit_status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = sihua_cli_usage_error ("%s: %s", command, error->message);
      return FALSE;
    }

  return TRUE;
}
