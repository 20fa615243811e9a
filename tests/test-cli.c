/* test-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sihua-test-utils.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help-lists-commands", test_cli_help_lists_commands);
  g_test_add_func ("/cli/unknown-command", test_cli_unknown_command);
  g_test_add_func ("/cli/db-needs-value", test_cli_db_needs_value);
  g_test_add_func ("/cli/info-json", test_cli_info_json);
  g_test_add_func ("/cli/speaks-chinese", test_cli_speaks_chinese);

  return g_test_run ();
}
