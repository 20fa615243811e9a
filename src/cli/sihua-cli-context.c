/* sihua-cli-context.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-context.h"
#include "sihua-cli-text.h"

gboolean
sihua_cli_parse_id (const char *text,
                    gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;

  return TRUE;
}

char *
sihua_cli_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

char *
sihua_cli_format_iso_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;
}

void
sihua_cli_add_string_member (JsonBuilder *builder,
                             const char  *name,
                             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
sihua_cli_add_int_member (JsonBuilder *builder,
                          const char  *name,
                          gint64       value,
                          gboolean     is_set)
{
  json_builder_set_member_name (builder, name);
  if (is_set)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Reads an assessment ID given to @command; on failure prints why and
 * sets @exit_status. */
gboolean
sihua_cli_parse_assessment_id (const char *command,
                               const char *text,
                               gint64     *id,
                               int        *exit_status)
{
  if (sihua_cli_parse_id (text, id))
    return TRUE;

  *exit_status = sihua_cli_usage_error (_("%s: “%s” is not an assessment ID"), command, text);
  return FALSE;
}

/* Reads @command's --lang; @language is left as it is when @lang is NULL. */
gboolean
sihua_cli_parse_language (const char    *command,
                          const char    *lang,
                          SihuaLanguage *language,
                          int           *exit_status)
{
  gboolean ok = TRUE;
  SihuaLanguage parsed;

  if (lang == NULL)
    return TRUE;

  parsed = sihua_language_from_string (lang, &ok);
  if (!ok)
    {
      *exit_status = sihua_cli_usage_error (_("%s: --lang must be zh_CN or en, not “%s”"), command, lang);
      return FALSE;
    }

  *language = parsed;
  return TRUE;
}

/**
 * sihua_cli_open_store:
 * @use: whether the command reads, changes or may create the database
 *
 * Opens the store named by `--db` (or the default one) on the first call:
 * read-only for %SIHUA_CLI_STORE_READ; a missing database is created only
 * for %SIHUA_CLI_STORE_CREATE, and a missing folder only when it is the
 * default one.
 *
 * Returns: (transfer none): the store, or %NULL with @error set
 */
SihuaStore *
sihua_cli_open_store (SihuaCli          *cli,
                      SihuaCliStoreUse   use,
                      GError           **error)
{
  if (cli->store != NULL)
    return cli->store;

  if (!g_file_test (cli->db_path, G_FILE_TEST_EXISTS) && use != SIHUA_CLI_STORE_CREATE)
    {
      if (cli->db_is_default)
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                     _("There is no database at %s yet: nothing has been saved with Sihua on this computer. “company add” or “bundle import” creates it; use --db to name another database."),
                     cli->db_path);
      else
        g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_MISSING,
                     _("There is no database at %s; nothing was created. Check the path given with --db."),
                     cli->db_path);
      return NULL;
    }

  if (use == SIHUA_CLI_STORE_CREATE && cli->db_is_default)
    {
      g_autofree char *dir = g_path_get_dirname (cli->db_path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_OPEN,
                       _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (use == SIHUA_CLI_STORE_READ)
    cli->store = sihua_store_open_read_only (cli->db_path, error);
  else if (use == SIHUA_CLI_STORE_WRITE)
    cli->store = sihua_store_open_existing (cli->db_path, error);
  else
    cli->store = sihua_store_open (cli->db_path, error);

  return cli->store;
}

/**
 * sihua_cli_get_store:
 *
 * Returns: (transfer none): the store named by `--db` (or the default one)
 *   for a command that changes an existing database
 */
SihuaStore *
sihua_cli_get_store (SihuaCli  *cli,
                     GError   **error)
{
  return sihua_cli_open_store (cli, SIHUA_CLI_STORE_WRITE, error);
}

/* Refuses an -o naming the database, its log or one of its backups. */
gboolean
sihua_cli_check_output (SihuaCli    *cli,
                        const char  *output,
                        GError     **error)
{
  return sihua_store_check_output (cli->db_path, output, error);
}

static int
print_failure (int         status,
               const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *escaped = NULL;

  /* One line, so scripts can show it as it is; a message quotes names and
   * file names, which may hold anything. */
  g_strdelimit (message, "\n", ' ');
  escaped = sihua_cli_escape (message);
  fprintf (stderr, "sihua-cli: %s\n", escaped);

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
  g_autofree char *escaped = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  escaped = sihua_cli_escape_json (text);
  printf ("%s\n", escaped);
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
