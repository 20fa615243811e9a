/* test-answer-sheet.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sihua-answer-sheet.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  SihuaStore *store;
  gint64      assessment_id;
  /* What the sheet told, in order: "changed Q", "saved Q", "failed Q",
   * "state N". */
  GPtrArray  *events;
} Fixture;

static void
answer_changed_cb (SihuaAnswerSheet *sheet,
                   const char       *question_id,
                   Fixture          *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("changed %s", question_id));
}

static void
answer_saved_cb (SihuaAnswerSheet *sheet,
                 const char       *question_id,
                 Fixture          *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("saved %s", question_id));
}

static void
write_failed_cb (SihuaAnswerSheet *sheet,
                 const char       *question_id,
                 const GError     *error,
                 Fixture          *fixture)
{
  g_assert_nonnull (error);
  g_ptr_array_add (fixture->events, g_strdup_printf ("failed %s", question_id));
}

static void
save_state_notified_cb (SihuaAnswerSheet *sheet,
                        GParamSpec       *pspec,
                        Fixture          *fixture)
{
  g_ptr_array_add (fixture->events,
                   g_strdup_printf ("state %d", sihua_answer_sheet_get_save_state (sheet)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaCompany) company = sihua_company_new ("答卷测试厂");
  g_autoptr(GError) error = NULL;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sheet.db", NULL);
  fixture->store = sihua_test_open_store (fixture->path);
  g_assert_cmpint (sihua_store_add_company (fixture->store, company, &error), >, 0);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, company->id, model, 0, NULL, &error);
  g_assert_no_error (error);
  fixture->events = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static SihuaAnswerSheet *
watched_sheet (Fixture *fixture)
{
  SihuaAnswerSheet *sheet = sihua_answer_sheet_new (fixture->store, fixture->assessment_id);

  g_signal_connect (sheet, "answer-changed", G_CALLBACK (answer_changed_cb), fixture);
  g_signal_connect (sheet, "answer-saved", G_CALLBACK (answer_saved_cb), fixture);
  g_signal_connect (sheet, "write-failed", G_CALLBACK (write_failed_cb), fixture);
  g_signal_connect (sheet, "notify::save-state", G_CALLBACK (save_state_notified_cb), fixture);

  return sheet;
}

static void
set_number (SihuaAnswerSheet *sheet,
            const char       *question_id,
            double            number)
{
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_number (number);

  sihua_answer_sheet_set (sheet, question_id, value, NULL, NULL);
}

static double
number_of (const SihuaAnswer *answer)
{
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->value->kind, ==, SIHUA_ANSWER_NUMBER);

  return answer->value->number;
}

static guint
count_events (Fixture    *fixture,
              const char *event)
{
  guint n = 0;

  for (guint i = 0; i < fixture->events->len; i++)
    n += g_str_equal (g_ptr_array_index (fixture->events, i), event);

  return n;
}

/* Many quick answers to a few questions: each ends with its last value,
 * and the store's history shows every question's values in the order
 * given. */
static void
test_queue_order (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SihuaAnswerSheet) sheet = watched_sheet (fixture);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) last_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *questions[] = { "qa", "qb", "qc" };
  g_autoptr(GError) error = NULL;
  guint n_given = 300;

  g_assert_cmpint (sihua_answer_sheet_get_save_state (sheet), ==, SIHUA_SAVE_STATE_IDLE);

  for (guint i = 1; i <= n_given; i++)
    {
      /* qa every time, qb and qc in turn: same and different questions. */
      set_number (sheet, questions[0], i);
      set_number (sheet, questions[1 + i % 2], i);
      g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, questions[0])), ==, i);
    }
  g_assert_cmpint (sihua_answer_sheet_get_save_state (sheet), ==, SIHUA_SAVE_STATE_PENDING);
  g_assert_cmpuint (sihua_answer_sheet_get_n_pending (sheet), >, 0);

  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sihua_answer_sheet_get_n_pending (sheet), ==, 0);
  g_assert_cmpint (sihua_answer_sheet_get_save_state (sheet), ==, SIHUA_SAVE_STATE_SAVED);

  stored = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qa")), ==, n_given);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qb")), ==, n_given);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qc")), ==, n_given - 1);
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup_saved (sheet, questions[i])), ==,
                       number_of (g_hash_table_lookup (stored, questions[i])));

  /* Written in the order given; values still waiting were replaced by
   * newer ones, never written after them. */
  history = sihua_store_get_history (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 3);
  g_assert_cmpuint (history->len, <=, 2 * n_given);
  for (guint i = 0; i < history->len; i++)
    {
      SihuaAnswerChange *change = g_ptr_array_index (history, i);
      double *last = g_hash_table_lookup (last_seen, change->question_id);

      g_assert_nonnull (change->new_value);
      if (last != NULL)
        g_assert_cmpfloat (change->new_value->number, >, *last);
      else
        g_hash_table_insert (last_seen, g_strdup (change->question_id), (last = g_new (double, 1)));
      *last = change->new_value->number;
    }

  /* Answers that nothing can merge reach the history in the order given. */
  g_clear_pointer (&history, g_ptr_array_unref);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *question_id = g_strdup_printf ("o%02u", i);
      set_number (sheet, question_id, i);
    }
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  history = sihua_store_get_history (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 20);
  for (guint i = 0; i < 20; i++)
    {
      SihuaAnswerChange *change = g_ptr_array_index (history, history->len - 20 + i);
      g_autofree char *question_id = g_strdup_printf ("o%02u", i);

      g_assert_cmpstr (change->question_id, ==, question_id);
    }

  /* Each question's final value was reported as saved, and the state went
   * from idle through pending to saved, once each. */
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_autofree char *saved = g_strdup_printf ("saved %s", questions[i]);
      g_assert_cmpuint (count_events (fixture, saved), >=, 1);
    }
  g_assert_cmpuint (count_events (fixture, "state 1"), ==, 2);
  g_assert_cmpuint (count_events (fixture, "state 2"), ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->events, fixture->events->len - 1), ==, "state 2");
}

/* A write the store refuses (its file was moved away) puts the answer back
 * to what the store holds and says so. */
static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SihuaAnswerSheet) sheet = watched_sheet (fixture);
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(SihuaStore) reopened = NULL;

  set_number (sheet, "qa", 1);
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->events, 0);

  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  set_number (sheet, "qa", 2);
  set_number (sheet, "qb", 5);
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, "qa")), ==, 2);

  g_assert_false (sihua_answer_sheet_flush (sheet, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE);
  g_clear_error (&error);

  /* Shown again as stored: qa as before, qb unanswered. */
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, "qa")), ==, 1);
  g_assert_null (sihua_answer_sheet_lookup (sheet, "qb"));
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup_saved (sheet, "qa")), ==, 1);
  g_assert_cmpuint (count_events (fixture, "failed qa"), ==, 1);
  g_assert_cmpuint (count_events (fixture, "failed qb"), ==, 1);
  g_assert_cmpuint (count_events (fixture, "changed qa"), ==, 2);  /* given, taken back */
  g_assert_cmpuint (count_events (fixture, "changed qb"), ==, 2);
  g_assert_cmpuint (count_events (fixture, "saved qa"), ==, 0);
  g_assert_cmpint (sihua_answer_sheet_get_save_state (sheet), ==, SIHUA_SAVE_STATE_FAILED);
  g_assert_cmpstr (g_ptr_array_index (fixture->events, fixture->events->len - 1), ==, "state 3");

  /* Nothing already stored was lost. */
  g_clear_object (&sheet);
  g_clear_object (&fixture->store);
  reopened = sihua_store_open (moved, &error);
  g_assert_no_error (error);
  stored = sihua_store_load_answers (reopened, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qa")), ==, 1);
  g_assert_false (g_hash_table_contains (stored, "qb"));
}

/* A batch is one transaction: refused as a whole, taken back as a whole. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SihuaAnswerSheet) sheet = watched_sheet (fixture);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stored = NULL;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *question_id = g_strdup_printf ("q%02u", i);
      g_ptr_array_add (answers, sihua_answer_new (question_id, sihua_answer_value_new_number (i),
                                                  i == 7 ? "note" : NULL, NULL));
    }

  set_number (sheet, "q03", 100);
  sihua_answer_sheet_set_all (sheet, answers);
  set_number (sheet, "q04", 200);
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  g_assert_no_error (error);

  stored = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 50);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "q03")), ==, 3);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "q04")), ==, 200);
  g_assert_cmpstr (((SihuaAnswer *) g_hash_table_lookup (stored, "q07"))->note, ==, "note");
}

/* Undo takes back the newest change, after the writes before it; redo
 * gives it again; a new answer ends what can be redone. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaAnswerSheet) sheet = watched_sheet (fixture);
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autofree char *redone = NULL;

  /* Nothing to undo yet: the store says so. */
  g_assert_null (sihua_answer_sheet_undo (sheet, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  set_number (sheet, "qa", 1);
  set_number (sheet, "qb", 1);
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  set_number (sheet, "qa", 2);
  /* Asked for while qa=2 is still queued: undoes that one, not qb. */
  change = sihua_answer_sheet_undo (sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (change->question_id, ==, "qa");
  g_assert_cmpfloat (change->new_value->number, ==, 2);
  g_assert_cmpfloat (change->old_value->number, ==, 1);
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, "qa")), ==, 1);
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup_saved (sheet, "qa")), ==, 1);
  g_assert_true (sihua_answer_sheet_can_redo (sheet));

  g_ptr_array_set_size (fixture->events, 0);
  redone = sihua_answer_sheet_redo (sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redone, ==, "qa");
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, "qa")), ==, 2);
  g_assert_cmpuint (count_events (fixture, "changed qa"), ==, 1);
  g_assert_false (sihua_answer_sheet_can_redo (sheet));
  g_clear_pointer (&redone, g_free);

  redone = sihua_answer_sheet_redo (sheet, &error);
  g_assert_error (error, SIHUA_ANSWER_SHEET_ERROR, SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO);
  g_assert_null (redone);
  g_clear_error (&error);

  /* The redo is a change of its own: undo takes it back. */
  g_clear_pointer (&change, sihua_answer_change_free);
  change = sihua_answer_sheet_undo (sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (change->new_value->number, ==, 2);
  g_assert_cmpfloat (number_of (sihua_answer_sheet_lookup (sheet, "qa")), ==, 1);

  /* Undo queued, then a new answer: nothing left to redo after it. */
  g_clear_pointer (&change, sihua_answer_change_free);
  change = sihua_answer_sheet_undo (sheet, &error);     /* qb=1 goes */
  g_assert_no_error (error);
  g_assert_cmpstr (change->question_id, ==, "qb");
  g_assert_null (sihua_answer_sheet_lookup (sheet, "qb"));
  g_assert_true (sihua_answer_sheet_can_redo (sheet));
  set_number (sheet, "qc", 7);
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  g_assert_false (sihua_answer_sheet_can_redo (sheet));

  stored = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qa")), ==, 1);
  g_assert_false (g_hash_table_contains (stored, "qb"));
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "qc")), ==, 7);
}

/* A writer killed with answers still queued: every answer it reported as
 * saved is in the file, the file is intact, and a new sheet works on it. */
static void
test_killed_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "sheet-writer", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->assessment_id);
  const char *argv[] = { writer, fixture->path, id, "400", NULL };
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  guint total = 0;

  g_clear_object (&fixture->store);

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GString) output = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      guint target = g_random_int_range (1, 200);
      guint n_saved = 0;
      char buffer[4096];
      gssize n;
      GPid pid;
      int out_fd;
      int status;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Killed between queued writes: after some answers were saved, with
       * more still in the queue. */
      while (n_saved < target && (n = read (out_fd, buffer, sizeof buffer)) > 0)
        {
          g_string_append_len (output, buffer, n);
          n_saved = 0;
          for (const char *p = strstr (output->str, "saved "); p != NULL; p = strstr (p + 1, "saved "))
            n_saved++;
        }
      kill (pid, SIGKILL);
      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (output, buffer, n);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        /* A line cut by the kill is no acknowledgement. */
        if (g_str_has_prefix (lines[i], "saved ") && lines[i + 1] != NULL)
          {
            g_hash_table_add (acked, g_strdup (lines[i] + strlen ("saved ")));
            total++;
          }

      fixture->store = sihua_test_open_store (fixture->path);
      g_assert_true (sihua_store_check (fixture->store, &report, &error));
      g_assert_cmpstr (report, ==, "ok");
      g_clear_pointer (&report, g_free);

      stored = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
      g_assert_no_error (error);
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, acked);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            SihuaAnswer *answer = g_hash_table_lookup (stored, key);

            g_assert_nonnull (answer);
            g_assert_cmpfloat (answer->value->number, ==, g_ascii_strtod ((char *) key + 1, NULL));
          }
      }
      g_clear_pointer (&stored, g_hash_table_unref);
      g_clear_object (&fixture->store);

      /* It was killed with answers still queued. */
      g_assert_nonnull (strstr (output->str, "queued 400\n"));
    }
  g_test_message ("%u answers reported saved over 5 kills, none lost", total);
  g_assert_cmpuint (total, >, 0);

  /* A new sheet on the file works. */
  fixture->store = sihua_test_open_store (fixture->path);
  sheet = sihua_answer_sheet_new (fixture->store, fixture->assessment_id);
  g_assert_true (sihua_answer_sheet_load (sheet, &error));
  g_assert_no_error (error);
  set_number (sheet, "q0000", 42);
  g_assert_true (sihua_answer_sheet_flush (sheet, &error));
  g_assert_no_error (error);
  stored = sihua_store_load_answers (fixture->store, fixture->assessment_id, &error);
  g_assert_cmpfloat (number_of (g_hash_table_lookup (stored, "q0000")), ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/answer-sheet/queue-order", Fixture, NULL, fixture_set_up, test_queue_order, fixture_tear_down);
  g_test_add ("/answer-sheet/rollback", Fixture, NULL, fixture_set_up, test_rollback, fixture_tear_down);
  g_test_add ("/answer-sheet/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);
  g_test_add ("/answer-sheet/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/answer-sheet/killed-writer", Fixture, NULL, fixture_set_up, test_killed_writer,
              fixture_tear_down);

  return g_test_run ();
}
