/* test-store-locks.c: SQLite's locks survive other code in the process
 * closing the database file, and a log removed under the store is noticed.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sihua-sqlite-locks.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  char       *db;
  char       *wal;
  SihuaModel *model;
  GPtrArray  *ladders;
  SihuaStore *store;
  gint64      assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州锁具厂");
  g_autoptr(GError) error = NULL;
  GPtrArray *questions;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "z.db", NULL);
  fixture->wal = g_strconcat (fixture->db, "-wal", NULL);
  fixture->model = sihua_test_load_data_model ("example-small.json");
  fixture->ladders = g_ptr_array_new ();
  questions = sihua_model_get_questions (fixture->model);
  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        g_ptr_array_add (fixture->ladders, question);
    }
  g_assert_cmpuint (fixture->ladders->len, >=, 2);

  fixture->store = sihua_test_open_store (fixture->db);
  g_assert_cmpint (sihua_store_add_company (fixture->store, company, &error), >, 0);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, company->id, fixture->model,
                                                       0, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  g_ptr_array_unref (fixture->ladders);
  g_object_unref (fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->wal);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static const char *
question_id (Fixture *fixture,
             guint    index)
{
  return ((SihuaQuestion *) g_ptr_array_index (fixture->ladders, index))->id;
}

static gboolean
answer (Fixture  *fixture,
        guint     index,
        int       level,
        GError  **error)
{
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (level);

  return sihua_store_set_answer (fixture->store, fixture->assessment_id, question_id (fixture, index),
                                 value, NULL, NULL, error);
}

/* What GIO does when a file chooser sniffs a folder's contents: open and
 * close the files of this very process. With classic POSIX locks each
 * close() releases every lock the process holds on the file. */
static void
open_and_close_behind_sqlite (const char *db)
{
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  const char *paths[] = { db, shm };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      int fd = g_open (paths[i], O_RDONLY, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (close (fd), ==, 0);
    }
}

static guint64
inode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (guint64) st.st_ino;
}

/* The stored level of @question as another process reads it. */
static int
level_in_other_process (Fixture    *fixture,
                        const char *question)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment_id);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *answers;
  JsonObject *row;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, &out, NULL, "--json", "assessment", "show", id, NULL),
                   ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  answers = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "answers");
  if (!json_object_has_member (answers, question))
    return -1;
  row = json_object_get_object_member (answers, question);

  return (int) json_object_get_int_member (json_object_get_object_member (row, "value"), "level");
}

/* Issue 16: a file chooser of the window listed the folder, then
 * `sihua-cli company list` deleted the log under the window, whose later
 * answers went into a deleted file. */
static void
test_foreign_close_keeps_log (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 wal_inode;

  g_assert_true (sihua_sqlite_locks_are_installed ());
  g_assert_true (answer (fixture, 0, 2, &error));
  g_assert_no_error (error);
  wal_inode = inode_of (fixture->wal);

  open_and_close_behind_sqlite (fixture->db);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "list", NULL), ==, 0);

  /* The other process saw it was not the last user: the log is still ours. */
  g_assert_true (g_file_test (fixture->wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (inode_of (fixture->wal), ==, wal_inode);

  g_assert_true (answer (fixture, 1, 3, &error));
  g_assert_no_error (error);

  /* Another process sees both answers while the store is still open. */
  g_assert_cmpint (level_in_other_process (fixture, question_id (fixture, 0)), ==, 2);
  g_assert_cmpint (level_in_other_process (fixture, question_id (fixture, 1)), ==, 3);
}

/* Reads every "ack QUESTION NUMBER" line the writer finished printing. */
static guint
collect_acks (const char *output,
              GHashTable *acked)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (words) != 3 || !g_str_equal (words[0], "ack"))
        continue;
      g_hash_table_insert (acked, g_strdup (words[1]),
                           GINT_TO_POINTER ((int) g_ascii_strtoll (words[2], NULL, 10)));
      n++;
    }

  return n;
}

/* Two processes writing at once after the close behind SQLite's back, and a
 * third reading: the file stays whole and no acknowledged answer is lost. */
static void
test_concurrent_writers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "store-writer", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment_id);
  const char *argv[] = { writer, fixture->db, id, "1", "--count", "150", "--foreign-close", NULL };
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *report = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GPid pid;
  int out_fd;
  int status;
  guint n_mine = 0;
  char buffer[4096];
  gssize n;
  GString *output = g_string_new (NULL);

  open_and_close_behind_sqlite (fixture->db);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Write in turn with the other process until it has finished its own. */
  for (guint round = 0; ; round++)
    {
      g_autoptr(GError) write_error = NULL;

      g_assert_true (answer (fixture, round % fixture->ladders->len, (int) (round % 5), &write_error));
      g_assert_no_error (write_error);
      n_mine++;
      if (round % 10 == 0)
        {
          open_and_close_behind_sqlite (fixture->db);
          g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "list", NULL), ==, 0);
        }
      if (n_mine >= 40 && waitpid (pid, &status, WNOHANG) == pid)
        break;
    }
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (out_fd);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  out = g_string_free (output, FALSE);
  g_assert_cmpuint (collect_acks (out, acked), ==, 150);
  g_test_message ("%u answers here while the writer gave 150", n_mine);

  /* The log under the store is still the file's. */
  g_assert_true (answer (fixture, 0, 4, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  fixture->store = sihua_test_open_store (fixture->db);
  g_assert_true (sihua_store_check (fixture->store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
  answers = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, acked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SihuaAnswer *stored = g_hash_table_lookup (answers, key);

      g_assert_nonnull (stored);
      g_assert_cmpfloat (stored->value->number, ==, (double) GPOINTER_TO_INT (value));
    }
  g_assert_cmpint (((SihuaAnswer *) g_hash_table_lookup (answers, question_id (fixture, 0)))->value->level,
                   ==, 4);
}

/* Someone removes the log by hand: the next change is refused, nothing
 * more is written, and what was saved before is kept in a backup. */
static void
test_log_removed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("不该写入的公司");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autofree char *rescue = NULL;
  g_autofree char *before = NULL;
  gsize before_len = 0;
  SihuaStore *store;

  g_assert_true (answer (fixture, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (fixture->wal), ==, 0);
  /* Everything so far is in the removed log only: the file stays as it is. */
  g_assert_true (g_file_get_contents (fixture->db, &before, &before_len, NULL));

  g_assert_false (answer (fixture, 1, 3, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_LOG_GONE);
  g_assert_nonnull (strstr (error->message, fixture->db));
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Refused for good, even once another log is at that name. */
  {
    g_autofree char *err = NULL;

    /* What another program makes of a database whose log was removed
     * while the store still has the log's index is up to SQLite. */
    sihua_test_run_cli (fixture->db, NULL, &err, "company", "list", NULL);
    g_test_message ("sihua-cli after the removal: %s", err);
  }
  g_assert_false (answer (fixture, 0, 4, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_LOG_GONE);
  g_clear_error (&error);
  g_assert_cmpint (sihua_store_add_company (fixture->store, company, &error), <=, 0);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_LOG_GONE);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  /* The backup holds what was saved before the log was removed (here
   * everything: the company, the assessment and the first answer), and
   * nothing refused. */
  backups = sihua_store_list_backups_for (fixture->db);
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);

      if (strstr (info->path, "log-removed") != NULL)
        rescue = g_strdup (info->path);
    }
  g_assert_nonnull (rescue);
  store = sihua_test_open_store (rescue);
  answers = sihua_store_load_answers (store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((SihuaAnswer *) g_hash_table_lookup (answers, question_id (fixture, 0)))->value->level, ==, 2);
  g_assert_null (g_hash_table_lookup (answers, question_id (fixture, 1)));
  g_assert_finalize_object (store);

  /* Nothing more was written into the database file, on any refusal or
   * when the store closed (no stale log copied into it). */
  {
    g_autofree char *after = NULL;
    gsize after_len = 0;

    g_assert_true (g_file_get_contents (fixture->db, &after, &after_len, NULL));
    g_assert_cmpmem (after, after_len, before, before_len);
  }
}

static guint
count_open_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Tests and the fuzzer open thousands of files: every lock descriptor goes
 * with the last of SQLite's descriptors of its file. */
static void
test_no_descriptor_left (Fixture       *fixture,
                         gconstpointer  data)
{
  guint before;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_cmpuint (sihua_sqlite_locks_count_lock_fds (), ==, 0);
  before = count_open_fds ();

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("db-%u.db", i % 7);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      SihuaStore *store = sihua_test_open_store (path);
      SihuaStore *reader = sihua_store_open_read_only (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sihua_sqlite_locks_count_lock_fds (), >, 0);
      g_assert_finalize_object (reader);
      g_assert_finalize_object (store);
    }

  g_assert_cmpuint (sihua_sqlite_locks_count_lock_fds (), ==, 0);
  g_assert_cmpuint (count_open_fds (), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/locks/foreign-close-keeps-log", Fixture, NULL,
              fixture_set_up, test_foreign_close_keeps_log, fixture_tear_down);
  g_test_add ("/store/locks/concurrent-writers", Fixture, NULL,
              fixture_set_up, test_concurrent_writers, fixture_tear_down);
  g_test_add ("/store/locks/log-removed", Fixture, NULL,
              fixture_set_up, test_log_removed, fixture_tear_down);
  g_test_add ("/store/locks/no-descriptor-left", Fixture, NULL,
              fixture_set_up, test_no_descriptor_left, fixture_tear_down);

  return g_test_run ();
}
