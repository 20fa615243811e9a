/* test-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-test-utils.h"
#include "sihua-text.h"

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strdup_printf ("sihua-cli %s\n", PACKAGE_VERSION);

  /* No display is needed: the CLI links no GTK. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_cli_help_lists_commands (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Usage: sihua-cli"));
  g_assert_nonnull (strstr (out, "--db FILE"));
  g_assert_nonnull (strstr (out, "  info "));
}

/* Every command is listed with its purpose, and the purposes start at one
 * column in English and in Chinese (a hanzi is two columns wide). */
static void
check_help_columns (const char *language)
{
  static const char * const commands[] = {
    "info", "company add", "company list", "company show", "assessment new", "assessment answer",
    "assessment import", "assessment show", "assessment history", "assessment set", "assessment finalize",
    "assessment reopen", "assessment revisions", "interviewee add", "interviewee list", "interviewee remove",
    "assessment undo", "check",
    "backup", "restore", "repair", "model validate", "model list", "model show", "chart", "score",
    "roadmap", "roadmap edit", "roadmap add", "roadmap drop", "report", "export", "bundle export",
    "bundle import", "server init",
    "server add-consultant", "server save-password", "sync", "conflicts list", "conflicts resolve",
    "evidence add", "evidence list", "evidence export", "evidence delete", "evidence undo",
    "company delete", "company merge", "assessment delete", "trash list", "trash restore", "trash empty",
  };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint column = 0;
  guint n_rows = 0;

  g_setenv ("LC_ALL", language, TRUE);
  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "--help", NULL), ==, 0);
  g_unsetenv ("LC_ALL");

  lines = g_strsplit (out, "\n", -1);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *prefix = g_strdup_printf ("  %s  ", commands[c]);
      gboolean listed = FALSE;

      for (guint l = 0; lines[l] != NULL && !listed; l++)
        listed = g_str_has_prefix (lines[l], prefix);
      if (!listed)
        g_error ("%s: “%s” is not listed in --help", language, commands[c]);
    }

  /* Rows are "  NAME  PURPOSE": the purpose starts after the spaces. */
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l] + 2;
      g_autofree char *left = NULL;

      if (!g_str_has_prefix (lines[l], "  ") || lines[l][2] == ' ')
        continue;
      while (*p != '\0' && !(p[0] == ' ' && p[1] == ' '))
        p++;
      g_assert_true (*p == ' ');
      while (*p == ' ')
        p++;
      left = g_strndup (lines[l], p - lines[l]);
      if (column == 0)
        column = sihua_utf8_display_width (left);
      if (sihua_utf8_display_width (left) != column)
        g_error ("%s: “%s” starts at column %u, not %u", language, lines[l],
                 sihua_utf8_display_width (left), column);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (commands) + 4);
}

static void
test_cli_help_columns (void)
{
  check_help_columns ("C.UTF-8");
  check_help_columns ("zh_CN.UTF-8");
}

static void
test_cli_unknown_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (sihua_test_run_cli (NULL, &out, &err, "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  /* One line that names the problem. */
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpint (strchr (err, '\n')[1], ==, '\0');
}

static void
test_cli_db_needs_value (void)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (sihua_test_run_cli (NULL, NULL, &err, "info", "--db", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--db"));
}

static void
test_cli_info_json (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *object;

  g_assert_cmpint (sihua_test_run_cli (db, &out, NULL, "info", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "database"), ==, db);
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, PACKAGE_VERSION);
  /* info only reports: it must not create the database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  sihua_test_remove_tree (dir);
}

static void
test_cli_speaks_chinese (void)
{
  const char *cli = g_getenv ("SIHUA_CLI");
  const char *argv[] = { cli, "--help", NULL };
  const char *env[] = { "LC_ALL=zh_CN.UTF-8", "LANGUAGE=zh_CN", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run (argv, env, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "用法"));
}

static void
test_cli_finds_catalogue_uninstalled (void)
{
  const char *cli = g_getenv ("SIHUA_CLI");
  const char *argv[] = { cli, "--help", NULL };
  /* As when run straight from the build folder, without `meson devenv`:
   * the program must still find the build tree's catalogues. */
  const char *env[] = { "LC_ALL=zh_CN.UTF-8", "LANGUAGE=zh_CN", "SIHUA_LOCALEDIR=", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run (argv, env, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "用法"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help-lists-commands", test_cli_help_lists_commands);
  g_test_add_func ("/cli/help-columns", test_cli_help_columns);
  g_test_add_func ("/cli/unknown-command", test_cli_unknown_command);
  g_test_add_func ("/cli/db-needs-value", test_cli_db_needs_value);
  g_test_add_func ("/cli/info-json", test_cli_info_json);
  g_test_add_func ("/cli/speaks-chinese", test_cli_speaks_chinese);
  g_test_add_func ("/cli/finds-catalogue-uninstalled", test_cli_finds_catalogue_uninstalled);

  return g_test_run ();
}
