/* sihua-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "sihua-cli-context.h"
#include "sihua-cli-text.h"
#include "sihua-paths.h"

/* The command whose words start @args; the longest name wins, so "company"
 * never shadows "company add". */
static const SihuaCliCommand *
find_command (GPtrArray *args,
              guint     *n_words)
{
  const SihuaCliCommand *best = NULL;

  *n_words = 0;
  for (guint i = 0; i < sihua_cli_n_commands; i++)
    {
      g_auto(GStrv) words = g_strsplit (sihua_cli_commands[i].name, " ", -1);
      guint n = g_strv_length (words);
      gboolean matches = n <= args->len;

      for (guint w = 0; matches && w < n; w++)
        matches = g_strcmp0 (words[w], g_ptr_array_index (args, w)) == 0;

      if (matches && n > *n_words)
        {
          best = &sihua_cli_commands[i];
          *n_words = n;
        }
    }

  return best;
}

static char *
list_subcommands (const char *group)
{
  GString *names = g_string_new (NULL);
  g_autofree char *prefix = g_strconcat (group, " ", NULL);

  for (guint i = 0; i < sihua_cli_n_commands; i++)
    if (g_str_has_prefix (sihua_cli_commands[i].name, prefix))
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, sihua_cli_commands[i].name + strlen (prefix));
      }

  return g_string_free (names, names->len == 0);
}

/* Prints "  LEFT  RIGHT" with RIGHT starting at column @column, counting
 * a Chinese character as two columns so translated text lines up too. */
static void
print_row (const char *left,
           const char *right,
           guint       column)
{
  guint width = sihua_utf8_display_width (left);

  printf ("  %s%*s%s\n", left, (int) (column > width ? column - width : 1), "", right);
}

static void
print_help (void)
{
  const char *options[][2] = {
    { "--db FILE", N_("Use this database instead of the default one") },
    { "--json", N_("Print machine-readable JSON") },
    { "--version", N_("Print the version and exit") },
    { "--help", N_("Print this help and exit") },
  };
  guint column = 0;

  for (guint i = 0; i < sihua_cli_n_commands; i++)
    column = MAX (column, sihua_utf8_display_width (sihua_cli_commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    column = MAX (column, sihua_utf8_display_width (options[i][0]));
  column += 2;

  printf ("%s\n\n", _("Usage: sihua-cli [--db FILE] [--json] COMMAND [ARGUMENTS…]"));
  printf ("%s\n\n", _("Assess the digital transformation of manufacturers from the command line."));
  printf ("%s\n", _("Commands:"));
  for (guint i = 0; i < sihua_cli_n_commands; i++)
    print_row (sihua_cli_commands[i].name, _(sihua_cli_commands[i].summary), column);
  printf ("\n%s\n", _("Options for every command:"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    print_row (options[i][0], _(options[i][1]), column);
  printf ("\n%s\n", _("“sihua-cli COMMAND --help” shows the arguments of a command."));
}

static void
print_command_help (const SihuaCliCommand *command)
{
  g_autofree char *line = *command->usage != '\0' ? g_strdup_printf ("%s %s", command->name, command->usage)
                                                 : g_strdup (command->name);

  printf (_("Usage: sihua-cli %s"), line);
  printf ("\n\n%s\n", _(command->summary));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *db_path = NULL;
  const SihuaCliCommand *command;
  gboolean want_help = FALSE;
  gboolean want_version = FALSE;
  gboolean want_json = FALSE;
  SihuaCli cli = { 0 };
  guint n_words;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sihua_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_ptr_array_add (args, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          for (i++; i < argc; i++)
            g_ptr_array_add (args, argv[i]);
          break;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            return sihua_cli_usage_error (_("--db needs a file name"));
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (db_path);
          db_path = g_strdup (arg + strlen ("--db="));
        }
      else if (g_str_equal (arg, "--json"))
        want_json = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        want_help = TRUE;
      else if (g_str_equal (arg, "--version"))
        want_version = TRUE;
      else
        g_ptr_array_add (args, (char *)arg);
    }

  if (db_path != NULL && *db_path == '\0')
    return sihua_cli_usage_error (_("--db needs a file name"));

  /* From here on args holds the command words and their arguments. */
  g_ptr_array_remove_index (args, 0);

  if (want_version && args->len == 0)
    {
      printf ("sihua-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (args->len == 0)
    {
      print_help ();
      return want_help ? 0 : SIHUA_CLI_EXIT_USAGE;
    }

  command = find_command (args, &n_words);
  if (command == NULL)
    {
      g_autofree char *subcommands = list_subcommands (g_ptr_array_index (args, 0));

      if (subcommands != NULL)
        return sihua_cli_usage_error (_("“%s” needs one of: %s"),
                                      (char *)g_ptr_array_index (args, 0), subcommands);
      return sihua_cli_usage_error (_("Unknown command “%s”; “sihua-cli --help” lists them"),
                                    (char *)g_ptr_array_index (args, 0));
    }

  if (want_help)
    {
      print_command_help (command);
      return 0;
    }

  cli.db_is_default = db_path == NULL;
  cli.db_path = db_path != NULL ? g_steal_pointer (&db_path) : sihua_paths_get_default_database ();
  cli.json = want_json;

  /* The command sees its own name as argv[0], as GOptionContext expects. */
  g_ptr_array_remove_range (args, 0, n_words);
  g_ptr_array_insert (args, 0, (char *)command->name);
  g_ptr_array_add (args, NULL);

  status = command->run (&cli, args->len - 1, (char **)args->pdata);

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  sihua_cli_shown_clear ();

  return status;
}
