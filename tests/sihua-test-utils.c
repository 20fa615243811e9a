/* sihua-test-utils.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sihua-test-utils.h"

#include <glib/gstdio.h>

/* A fresh folder under the system's temporary folder, removed by the test. */
char *
sihua_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sihua-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* The models shipped in data/models/ (the built-in one and the small
 * example most tests answer), from the source tree, so a test never needs
 * an installed copy. */
char *
sihua_test_data_model_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "models", name, NULL);
}

void
sihua_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        sihua_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }

  g_rmdir (path);
}

/**
 * sihua_test_run:
 * @argv: the program and its arguments
 * @extra_env: (nullable): `NAME=VALUE` entries added to the environment
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 *
 * Returns: the exit status, or -1 if the program died from a signal.
 */
int
sihua_test_run (const char * const *argv,
                const char * const *extra_env,
                char              **out,
                char              **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  char *stdout_text = NULL;
  char *stderr_text = NULL;
  int wait_status = 0;

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);
      env = g_environ_setenv (env, pair[0], pair[1] ? pair[1] : "", TRUE);
    }

  g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = stdout_text;
  else
    g_free (stdout_text);
  if (err != NULL)
    *err = stderr_text;
  else
    g_free (stderr_text);

  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}

/**
 * sihua_test_run_cli:
 * @db: (nullable): the database for `--db`
 * @out: (out) (optional): standard output
 * @err: (out) (optional): standard error
 * @...: the arguments, ending with %NULL
 *
 * Runs the sihua-cli named by `SIHUA_CLI`.
 */
int
sihua_test_run_cli (const char  *db,
                    char       **out,
                    char       **err,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("SIHUA_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *)"--db");
      g_ptr_array_add (argv, (char *)db);
    }

  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return sihua_test_run ((const char * const *)argv->pdata, NULL, out, err);
}
