/* sihua-test-pg.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

#include "sihua-test-pg.h"
#include "sihua-test-utils.h"

struct _SihuaTestPg
{
  char *dir;
  char *data;
  char *bin;
  char *run_as;   /* NULL: as ourselves */
  int   watch_fd; /* closing it (also by dying) lets the watchdog stop the server */
};

/* A test that fails aborts without reaching sihua_test_pg_stop(): a child
 * in its own session waits for the test's end of a pipe to close, however
 * the test ends, and then stops the server and removes its folder, so no
 * cluster outlives its test. Everything it needs is prepared before the
 * fork; after it the child only reads, and execs the shell. */
static int
start_watchdog (SihuaTestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bin, "pg_ctl", NULL);
  g_autofree char *quoted_ctl = g_shell_quote (pg_ctl);
  g_autofree char *quoted_data = g_shell_quote (pg->data);
  g_autofree char *quoted_dir = g_shell_quote (pg->dir);
  g_autofree char *script = NULL;
  int fds[2];
  pid_t pid;

  script = g_strdup_printf ("cd / && if [ -d %s ]; then %s%s -D %s -m immediate -w stop"
                            " >/dev/null 2>&1; rm -rf %s; fi",
                            quoted_data, pg->run_as != NULL ? "runuser -u nobody -- " : "",
                            quoted_ctl, quoted_data, quoted_dir);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      char byte;

      setsid ();
      close (fds[1]);
      while (read (fds[0], &byte, 1) > 0)
        ;
      execl ("/bin/sh", "sh", "-c", script, (char *) NULL);
      _exit (127);
    }
  close (fds[0]);
  fcntl (fds[1], F_SETFD, FD_CLOEXEC);

  return fds[1];
}

/* Debian keeps the server programs out of PATH, by major version. */
static char *
find_bin (void)
{
  const char *env = g_getenv ("SIHUA_TEST_PG_BIN");

  if (env != NULL)
    return g_strdup (env);

  for (int major = 17; major >= 13; major--)
    {
      g_autofree char *dir = g_strdup_printf ("/usr/lib/postgresql/%d/bin", major);
      g_autofree char *initdb = g_build_filename (dir, "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&dir);
    }

  return NULL;
}

static void
run_pg (SihuaTestPg *pg,
        const char  *program,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  if (pg->run_as != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup (pg->run_as));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (pg->bin, program, NULL));
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* In the cluster's folder: the unprivileged user may not enter ours. */
  g_spawn_sync (pg->dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s %s", program, out, err);
}

SihuaTestPg *
sihua_test_pg_start (void)
{
  SihuaTestPg *pg = g_new0 (SihuaTestPg, 1);
  g_autofree char *hba = NULL;
  g_autofree char *log = NULL;
  g_autofree char *options = NULL;
  g_autoptr(GError) error = NULL;

  pg->bin = find_bin ();
  if (pg->bin == NULL)
    g_error ("PostgreSQL's server programs are not installed (Debian: apt install postgresql)");

  /* A short path: a Unix socket's path is limited to about 100 bytes. */
  pg->dir = g_dir_make_tmp ("sihua-pg-XXXXXX", &error);
  g_assert_no_error (error);
  pg->data = g_build_filename (pg->dir, "data", NULL);

  /* initdb refuses to run as root. */
  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      g_assert_nonnull (nobody);
      g_assert_cmpint (chown (pg->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
      pg->run_as = g_strdup ("nobody");
    }

  run_pg (pg, "initdb", "-D", pg->data, "-A", "trust", "-U", "sihua", "-E", "UTF8",
          "--no-sync", NULL);

  /* The superuser as it is; every other login with its password. */
  hba = g_build_filename (pg->data, "pg_hba.conf", NULL);
  g_file_set_contents (hba,
                       "local all sihua trust\n"
                       "local all all scram-sha-256\n",
                       -1, &error);
  g_assert_no_error (error);

  log = g_build_filename (pg->dir, "log", NULL);
  options = g_strdup_printf ("-k %s -c listen_addresses='' -c fsync=off -c max_connections=60",
                             pg->dir);
  pg->watch_fd = start_watchdog (pg);
  run_pg (pg, "pg_ctl", "-D", pg->data, "-o", options, "-l", log, "-w", "start", NULL);

  return pg;
}

void
sihua_test_pg_stop (SihuaTestPg *pg)
{
  if (pg == NULL)
    return;

  run_pg (pg, "pg_ctl", "-D", pg->data, "-m", "immediate", "-w", "stop", NULL);
  sihua_test_remove_tree (pg->dir);
  /* The folder is gone: the watchdog finds nothing left to do. */
  close (pg->watch_fd);
  g_free (pg->dir);
  g_free (pg->data);
  g_free (pg->bin);
  g_free (pg->run_as);
  g_free (pg);
}

char *
sihua_test_pg_url (SihuaTestPg *pg,
                   const char  *user)
{
  return g_strdup_printf ("host=%s user=%s dbname=postgres", pg->dir,
                          user != NULL ? user : "sihua");
}
