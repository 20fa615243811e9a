/* test-store-concurrent.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Restore and repair while another process uses the database. The other
 * process is a real one (store-reopen-writer), so what is tested is the
 * locking between processes, whatever SQLite does inside one. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

#define N_QUESTIONS 20
#define N_ROUNDS 40
#define WAIT_USEC (120 * G_USEC_PER_SEC)

typedef struct
{
  char   *dir;
  char   *db;
  char   *backup;
  gint64  assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaCompany) company = sihua_company_new ("并发测试厂");
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "visits.db", NULL);
  store = sihua_test_open_store (fixture->db);
  g_assert_cmpint (sihua_store_add_company (store, company, &error), >, 0);
  fixture->assessment_id = sihua_store_new_assessment (store, company->id, model, 0, NULL, &error);
  g_assert_no_error (error);
  fixture->backup = sihua_store_backup (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->backup);
}

/* Starts the helper with its output going to @log. */
static GPid
spawn_helper (const char * const *args,
              const char         *log,
              int                *stdin_fd)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "store-reopen-writer", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int out_fd = g_open (log, O_CREAT | O_TRUNC | O_WRONLY, 0600);
  int in_fds[2];
  GPid pid;

  g_assert_cmpint (out_fd, >=, 0);
  g_assert_no_errno (pipe (in_fds));
  g_ptr_array_add (argv, helper);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_fds (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                          NULL, NULL, &pid, in_fds[0], out_fd, -1, &error);
  g_assert_no_error (error);
  close (in_fds[0]);
  close (out_fd);
  if (stdin_fd != NULL)
    *stdin_fd = in_fds[1];
  else
    close (in_fds[1]);

  return pid;
}

static void
stop_helper (GPid pid)
{
  int status;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

static guint
count_lines_starting (const char *log,
                      const char *prefix)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (log, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  /* The last piece has no newline yet: not a whole line. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);

  return n;
}

/* Waits, without a time that could be too short on a busy machine, until
 * the helper has printed more than @n lines starting with @prefix. */
static guint
wait_for_lines (const char *log,
                const char *prefix,
                guint       n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_USEC;
  guint now;

  while ((now = count_lines_starting (log, prefix)) <= n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2000);
    }

  return now;
}

/* Starts a process that opens the database and keeps it open until
 * *@stdin_fd is closed; returns once it has it open. */
static GPid
start_holder (Fixture *fixture,
              int     *stdin_fd)
{
  g_autofree char *log = g_build_filename (fixture->dir, "holder.log", NULL);
  const char *args[] = { fixture->db, "hold", NULL };
  GPid pid = spawn_helper (args, log, stdin_fd);

  wait_for_lines (log, "ready", 0);

  return pid;
}

/* Every number an answer ever had in @db, from the answers' history. */
static void
collect_written (const char *db,
                 gint64      assessment_id,
                 GHashTable *written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaStore) store = sihua_store_open_read_only (db, &error);

  g_assert_no_error (error);
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      g_autofree char *question_id = g_strdup_printf ("q%02u", q);
      g_autoptr(GPtrArray) history = sihua_store_get_history (store, assessment_id, question_id, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < history->len; i++)
        {
          SihuaAnswerChange *change = g_ptr_array_index (history, i);

          if (change->new_value != NULL && change->new_value->kind == SIHUA_ANSWER_NUMBER)
            g_hash_table_add (written, GINT_TO_POINTER ((int) change->new_value->number));
        }
    }
}

/* What the writer printed just before and after line @at of its log (its
 * opens, refusals and acknowledgements), to tell what happened to a lost
 * answer. */
static void
print_log_around (GStrv lines,
                  guint at)
{
  guint n_lines = g_strv_length (lines);

  for (guint i = at > 25 ? at - 25 : 0; i < at + 25 && i + 1 < n_lines; i++)
    g_test_message ("%s %s", i == at ? ">>" : "  ", lines[i]);
}

/* Restores a backup again and again while another process keeps opening the
 * database and answering: every answer it was told is saved is afterwards
 * in the database or in one of the copies the restores kept. */
static void
test_restore_while_writing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *log = g_build_filename (fixture->dir, "writer.log", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment_id);
  const char *args[] = { fixture->db, id, "1", "20", NULL };
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) written = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) restores = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_restored = 0;
  guint n_refused = 0;
  guint n_acked = 0;
  guint n_lost = 0;
  guint acks = 0;
  GPid pid;

  pid = spawn_helper (args, log, NULL);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *saved = NULL;
      GStatBuf before, after;

      /* Each round starts with the writer at work on the current file. */
      acks = wait_for_lines (log, "ack ", acks);
      g_assert_no_errno (g_stat (fixture->db, &before));
      if (sihua_store_restore (fixture->db, fixture->backup, &saved, &error))
        {
          g_assert_nonnull (saved);
          g_assert_no_errno (g_stat (fixture->db, &after));
          g_ptr_array_add (restores, g_strdup_printf ("after ack %u: inode %" G_GUINT64_FORMAT
                                                      " replaced by %" G_GUINT64_FORMAT ", kept as %s",
                                                      acks, (guint64) before.st_ino,
                                                      (guint64) after.st_ino, saved));
          g_ptr_array_add (kept, g_steal_pointer (&saved));
          n_restored++;
        }
      else
        {
          g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY);
          n_refused++;
        }
    }
  wait_for_lines (log, "ack ", acks);
  stop_helper (pid);

  collect_written (fixture->db, fixture->assessment_id, written);
  for (guint i = 0; i < kept->len; i++)
    collect_written (g_ptr_array_index (kept, i), fixture->assessment_id, written);

  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);

      if (!g_str_equal (words[0], "ack") || g_strv_length (words) != 3)
        continue;
      n_acked++;
      if (!g_hash_table_contains (written, GINT_TO_POINTER ((int) g_ascii_strtoll (words[2], NULL, 10))))
        {
          g_test_message ("lost: %s %s", words[1], words[2]);
          print_log_around (lines, i);
          n_lost++;
        }
    }

  if (n_lost > 0)
    for (guint i = 0; i < restores->len; i++)
      g_test_message ("restore %s", (char *) g_ptr_array_index (restores, i));

  g_test_message ("%u rounds: %u restores, %u refused while busy; %u answers acknowledged, %u lost; "
                  "the writer was refused %u times",
                  N_ROUNDS, n_restored, n_refused, n_acked, n_lost, count_lines_starting (log, "fail "));
  g_assert_cmpuint (n_lost, ==, 0);
  g_assert_cmpuint (n_restored, >, 0);
}

static void
assert_names_holder (const GError *error,
                     GPid          pid)
{
  g_autofree char *process = g_strdup_printf ("%d", (int) pid);

  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Sihua is using the database"));
  /* A lock on an open file description names no process. */
  g_assert_true (strstr (error->message, process) != NULL ||
                 strstr (error->message, "another program") != NULL);
}

/* A restore while another process has the database open waits for it, then
 * refuses and changes nothing. */
static void
test_restore_refused_while_open (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  gsize before_len, after_len;
  int stdin_fd;
  GPid pid;

  pid = start_holder (fixture, &stdin_fd);
  g_assert_true (g_file_get_contents (fixture->db, &before, &before_len, NULL));
  backups = sihua_store_list_backups_for (fixture->db);

  g_assert_false (sihua_store_restore (fixture->db, fixture->backup, &saved, &error));
  g_test_message ("%s", error->message);
  assert_names_holder (error, pid);
  g_assert_null (saved);

  g_assert_true (g_file_get_contents (fixture->db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = sihua_store_list_backups_for (fixture->db);
  g_assert_cmpuint (backups->len, ==, 2);  /* the day's and the manual one */

  close (stdin_fd);
  stop_helper (pid);

  /* Once it is closed, the restore goes through. */
  g_clear_error (&error);
  g_assert_true (sihua_store_restore (fixture->db, fixture->backup, &saved, &error));
  g_assert_no_error (error);
}

/* The same for a database that a restore has just put in place: the process
 * that opens it first keeps the restore out until it closes it. (A restored
 * file used to be in rollback mode; the store turned it into WAL on opening
 * and held no lock on it afterwards, so a restore went through and the
 * store's first answer went into the file replaced, and was lost.) */
static void
test_restored_file_held_while_open (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  SihuaStore *store;
  GStatBuf before, after;
  int stdin_fd;
  GPid pid;

  /* The day's backup is made here, so the holder's open reads nothing
   * more than opening needs. */
  store = sihua_test_open_store (fixture->db);
  g_assert_finalize_object (store);
  g_assert_true (sihua_store_restore (fixture->db, fixture->backup, &saved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_free);

  pid = start_holder (fixture, &stdin_fd);
  g_assert_no_errno (g_stat (fixture->db, &before));

  g_assert_false (sihua_store_restore (fixture->db, fixture->backup, &saved, &error));
  assert_names_holder (error, pid);
  g_assert_null (saved);
  g_assert_no_errno (g_stat (fixture->db, &after));
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  close (stdin_fd);
  stop_helper (pid);
}

/* A repair is refused like a restore (above). */
static void
test_repair_refused_while_open (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  SihuaStore *store;
  int stdin_fd;
  GPid pid;

  store = sihua_test_open_store (fixture->db);
  pid = start_holder (fixture, &stdin_fd);

  g_assert_false (sihua_store_repair (store, &kept, &error));
  g_test_message ("%s", error->message);
  assert_names_holder (error, pid);
  g_assert_null (kept);

  close (stdin_fd);
  stop_helper (pid);

  /* Alone again, the store repairs (here: finds nothing to repair) and
   * still writes. */
  g_clear_error (&error);
  g_assert_true (sihua_store_repair (store, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sihua_store_add_company (store, sihua_company_new ("修复后"), &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

/* Leftovers of a killed restore stay while another process uses the
 * database (it may be the one writing them), and go once it is alone. */
static void
test_leftovers_kept_while_open (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *leftover = g_build_filename (fixture->dir, ".visits.db.restoring", NULL);
  SihuaStore *store;
  int stdin_fd;
  GPid pid;

  pid = start_holder (fixture, &stdin_fd);
  g_assert_true (g_file_set_contents (leftover, "a restore's copy", -1, NULL));

  store = sihua_test_open_store (fixture->db);
  g_assert_finalize_object (store);
  g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));

  close (stdin_fd);
  stop_helper (pid);

  store = sihua_test_open_store (fixture->db);
  g_assert_finalize_object (store);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/concurrent/restore-while-writing", Fixture, NULL,
              fixture_set_up, test_restore_while_writing, fixture_tear_down);
  g_test_add ("/store/concurrent/restore-refused-while-open", Fixture, NULL,
              fixture_set_up, test_restore_refused_while_open, fixture_tear_down);
  g_test_add ("/store/concurrent/restored-file-held-while-open", Fixture, NULL,
              fixture_set_up, test_restored_file_held_while_open, fixture_tear_down);
  g_test_add ("/store/concurrent/repair-refused-while-open", Fixture, NULL,
              fixture_set_up, test_repair_refused_while_open, fixture_tear_down);

  g_test_add ("/store/concurrent/leftovers-kept-while-open", Fixture, NULL,
              fixture_set_up, test_leftovers_kept_while_open, fixture_tear_down);

  return g_test_run ();
}
