/* test-faults.c: the store under a full disk, a database file deleted or
 * replaced while open, and truncated or bit-flipped database files.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-company.h"
#include "sihua-model.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/*
 * A disk that fills up: an SQLite VFS over the default one whose writes fail
 * with SQLITE_FULL once a byte budget is spent. Registered as the default,
 * so the store uses it without knowing.
 */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} ShimFile;

static sqlite3_vfs        *real_vfs;
static sqlite3_vfs         shim_vfs;
static sqlite3_io_methods  shim_io;
static gint64              disk_budget = -1;   /* bytes left; -1: no limit */
static guint               disk_refusals;

#define REAL(f) (((ShimFile *) (f))->real)

static int
shim_close (sqlite3_file *f)
{
  int rc = REAL (f)->pMethods != NULL ? REAL (f)->pMethods->xClose (REAL (f)) : SQLITE_OK;

  g_free (REAL (f));
  return rc;
}

static int
shim_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
shim_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  if (disk_budget >= 0)
    {
      if (amount > disk_budget)
        {
          disk_budget = 0;
          disk_refusals++;
          return SQLITE_FULL;
        }
      disk_budget -= amount;
    }
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
shim_sync (sqlite3_file *f, int flags)
{
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
shim_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
shim_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
shim_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
shim_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
shim_shm_map (sqlite3_file *f, int page, int page_size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, page_size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
shim_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
shim_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *page)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, page);
}

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = g_malloc0 (real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  if (shim->real->pMethods == NULL)
    {
      g_free (shim->real);
      shim->real = NULL;
      file->pMethods = NULL;
      return rc;
    }

  /* Methods missing in the real file (an older iVersion) stay missing. */
  shim_io.iVersion = shim->real->pMethods->iVersion;
  file->pMethods = &shim_io;
  return rc;
}

static void
shim_install (void)
{
  static const sqlite3_io_methods io = {
    3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
    shim_lock, shim_unlock, shim_check_reserved_lock, shim_file_control,
    shim_sector_size, shim_device_characteristics, shim_shm_map, shim_shm_lock,
    shim_shm_barrier, shim_shm_unmap, shim_fetch, shim_unfetch,
  };

  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  shim_io = io;
  shim_vfs = *real_vfs;
  shim_vfs.zName = "sihua-full-disk";
  shim_vfs.szOsFile = sizeof (ShimFile);
  shim_vfs.xOpen = shim_open;
  shim_vfs.pAppData = NULL;
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

/*
 * Helpers
 */

/* The ladder questions of @model, in order. */
static GPtrArray *
ladder_questions (SihuaModel *model)
{
  GPtrArray *questions = sihua_model_get_questions (model);
  GPtrArray *ladders = g_ptr_array_new ();

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER)
        g_ptr_array_add (ladders, question);
    }
  return ladders;
}

/* A store with one company and one assessment of the example model. */
static SihuaStore *
make_store (const char  *path,
            SihuaModel  *model,
            gint64      *assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("宁波精密铸造有限公司");
  SihuaStore *store = sihua_test_open_store (path);
  gint64 company_id;

  company_id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  *assessment_id = sihua_store_new_assessment (store, company_id, model, 0, "周顾问", &error);
  g_assert_no_error (error);
  return store;
}

static int
stored_level (GHashTable *answers,
              const char *question_id)
{
  SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  if (answer == NULL || answer->value == NULL || answer->value->kind != SIHUA_ANSWER_LEVEL)
    return -1;
  return answer->value->level;
}

static char *
note_for (guint round)
{
  /* Long enough that one answer needs more than one page of the WAL. */
  g_autoptr(GString) note = g_string_new (NULL);

  for (guint i = 0; i < 200 + 37 * round; i++)
    g_string_append (note, "设备联网");
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/*
 * A full disk while answering
 */

static void
test_full_disk_answering (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GPtrArray) ladders = ladder_questions (model);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 assessment_id;
  guint refused = 0;

  g_assert_cmpuint (ladders->len, >=, 2);
  shim_install ();
  store = make_store (path, model, &assessment_id);

  /* Budgets from nothing at all to enough for the whole answer: the write
   * that fails falls on every step of a commit in turn. */
  for (guint round = 0; round < 40; round++)
    {
      SihuaQuestion *question = g_ptr_array_index (ladders, round % ladders->len);
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level ((int) (round % 5));
      g_autofree char *note = note_for (round);
      gboolean ok;

      disk_budget = (gint64) round * 1024;
      ok = sihua_store_set_answer (store, assessment_id, question->id, value, note, NULL, &error);
      disk_budget = -1;

      if (ok)
        {
          g_assert_no_error (error);
          g_hash_table_insert (expected, question->id, GINT_TO_POINTER ((int) (round % 5) + 1));
        }
      else
        {
          /* A message the user can act on, naming the file. */
          g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_DISK_FULL);
          g_assert_nonnull (strstr (error->message, path));
          g_clear_error (&error);
          refused++;
        }

      /* Every answer saved so far is still there, in this connection … */
      g_clear_pointer (&answers, g_hash_table_unref);
      answers = sihua_store_load_answers (store, assessment_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ladders->len; i++)
        {
          SihuaQuestion *q = g_ptr_array_index (ladders, i);
          int want = GPOINTER_TO_INT (g_hash_table_lookup (expected, q->id)) - 1;

          g_assert_cmpint (stored_level (answers, q->id), ==, want);
        }
    }
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (disk_refusals, >, 0);

  /* … and once the disk has room again the store goes on working. */
  {
    SihuaQuestion *question = g_ptr_array_index (ladders, 0);
    g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (4);

    g_assert_true (sihua_store_set_answer (store, assessment_id, question->id, value, NULL, NULL, &error));
    g_assert_no_error (error);
    g_hash_table_insert (expected, question->id, GINT_TO_POINTER (5));
  }
  g_assert_finalize_object (store);

  /* … and in the file, which is sound. */
  {
    g_autofree char *report = NULL;

    store = sihua_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (sihua_store_check (store, &report, &error));
    g_assert_no_error (error);
    g_clear_pointer (&answers, g_hash_table_unref);
    answers = sihua_store_load_answers (store, assessment_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < ladders->len; i++)
      {
        SihuaQuestion *q = g_ptr_array_index (ladders, i);
        int want = GPOINTER_TO_INT (g_hash_table_lookup (expected, q->id)) - 1;

        g_assert_cmpint (stored_level (answers, q->id), ==, want);
      }
    g_assert_finalize_object (store);
  }

  sihua_test_remove_tree (dir);
}

/* A full disk during a many-answer import: all or nothing. */
static void
test_full_disk_import (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GPtrArray) ladders = ladder_questions (model);
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 assessment_id;

  shim_install ();
  store = make_store (path, model, &assessment_id);

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
      g_autoptr(GHashTable) before = sihua_store_load_answers (store, assessment_id, &error);
      g_autoptr(GHashTable) after = NULL;
      gboolean ok;

      g_assert_no_error (error);
      for (guint i = 0; i < ladders->len; i++)
        {
          SihuaQuestion *q = g_ptr_array_index (ladders, i);
          g_autofree char *note = note_for (round + i);

          g_ptr_array_add (batch, sihua_answer_new (q->id, sihua_answer_value_new_level ((int) ((round + i) % 5)),
                                                    note, NULL));
        }

      disk_budget = (gint64) round * 2048;
      ok = sihua_store_import_answers (store, assessment_id, batch, &error);
      disk_budget = -1;
      if (!ok)
        {
          g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_DISK_FULL);
          g_clear_error (&error);
        }

      after = sihua_store_load_answers (store, assessment_id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < ladders->len; i++)
        {
          SihuaQuestion *q = g_ptr_array_index (ladders, i);

          if (ok)
            g_assert_cmpint (stored_level (after, q->id), ==, (int) ((round + i) % 5));
          else
            g_assert_cmpint (stored_level (after, q->id), ==, stored_level (before, q->id));
        }
    }

  g_assert_finalize_object (store);
  sihua_test_remove_tree (dir);
}

/*
 * The file deleted or replaced while the store has it open
 */

static void
test_file_deleted (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GPtrArray) ladders = ladder_questions (model);
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  SihuaQuestion *first = g_ptr_array_index (ladders, 0);
  SihuaQuestion *second = g_ptr_array_index (ladders, 1);
  SihuaStore *store;
  gint64 assessment_id;

  store = make_store (path, model, &assessment_id);
  g_assert_true (sihua_store_set_answer (store, assessment_id, first->id, value, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Moved away (a sync tool, a file manager): the next change is refused
   * with a message, never written into a file nobody will open. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_false (sihua_store_set_answer (store, assessment_id, second->id, value, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Reading what it had still works. */
  answers = sihua_store_load_answers (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_level (answers, first->id), ==, 2);
  g_assert_finalize_object (store);

  /* Nothing was lost: the moved file holds the saved answer. */
  store = sihua_store_open (moved, &error);
  g_assert_no_error (error);
  g_clear_pointer (&answers, g_hash_table_unref);
  answers = sihua_store_load_answers (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored_level (answers, first->id), ==, 2);
  g_assert_cmpint (stored_level (answers, second->id), ==, -1);
  g_assert_finalize_object (store);

  /* Deleted outright: the same refusal. */
  store = sihua_store_open (moved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (moved), ==, 0);
  g_assert_false (sihua_store_set_answer (store, assessment_id, second->id, value, NULL, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE);
  g_clear_error (&error);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

static void
test_file_replaced (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GPtrArray) ladders = ladder_questions (model);
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  SihuaQuestion *first = g_ptr_array_index (ladders, 0);
  SihuaStore *store;
  SihuaStore *other_store;
  gint64 assessment_id;
  gint64 other_assessment;

  store = make_store (path, model, &assessment_id);
  g_assert_true (sihua_store_set_answer (store, assessment_id, first->id, value, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Another database copied over it (a restore by hand, a sync). */
  other_store = make_store (other, model, &other_assessment);
  g_assert_finalize_object (other_store);
  g_assert_cmpint (g_rename (other, path), ==, 0);

  g_assert_false (sihua_store_set_answer (store, assessment_id, first->id, value, "改了", NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  {
    g_autoptr(SihuaCompany) company = sihua_company_new ("不该写入的公司");

    g_assert_cmpint (sihua_store_add_company (store, company, &error), <=, 0);
    g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FILE_GONE);
    g_clear_error (&error);
  }
  g_assert_finalize_object (store);

  /* The new file was not written into by the old connection. */
  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  companies = sihua_store_list_companies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (companies->len, ==, 1);
  answers = sihua_store_load_answers (store, other_assessment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 0);
  g_assert_finalize_object (store);

  sihua_test_remove_tree (dir);
}

/*
 * Damaged files: truncated, bits flipped
 */

/* A real database with answers, checkpointed into one file. */
static GBytes *
make_database_bytes (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "source.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(GPtrArray) ladders = ladder_questions (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;
  SihuaStore *store;
  gint64 assessment_id;

  store = make_store (path, model, &assessment_id);
  for (guint i = 0; i < ladders->len; i++)
    {
      SihuaQuestion *q = g_ptr_array_index (ladders, i);
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_level ((int) (i % 5));

      g_assert_true (sihua_store_set_answer (store, assessment_id, q->id, value, "现场看过", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_finalize_object (store);

  /* Closing the last connection checkpoints the WAL into the file. */
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 4096);
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

/* Opens @bytes written to a file both ways: either it opens and can be read
 * through, or it is refused with a message; the file is never changed by a
 * refusal, nor by a read-only open. */
static void
check_damaged (const char *dir,
               GBytes     *bytes,
               const char *what)
{
  g_autofree char *sub = g_build_filename (dir, "damaged", NULL);
  g_autofree char *path = g_build_filename (sub, "sihua.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_size = 0;
  SihuaStore *store;

  sihua_test_remove_tree (sub);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  store = sihua_store_open_read_only (path, &error);
  if (store != NULL)
    {
      g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);

      for (guint i = 0; companies != NULL && i < companies->len; i++)
        {
          SihuaCompany *company = g_ptr_array_index (companies, i);
          g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (store, company->id, NULL);

          for (guint j = 0; assessments != NULL && j < assessments->len; j++)
            {
              SihuaAssessment *assessment = g_ptr_array_index (assessments, j);
              g_autoptr(GHashTable) answers = sihua_store_load_answers (store, assessment->id, NULL);
              g_autoptr(SihuaModel) model = sihua_store_load_assessment_model (store, assessment->id, NULL);
            }
        }
      g_assert_finalize_object (store);
    }
  else
    {
      g_test_message ("%s, read-only: %s", what, error->message);
      g_assert_true (error->domain == SIHUA_STORE_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_cmpmem (after, after_size, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_clear_pointer (&after, g_free);

  store = sihua_store_open (path, &error);
  if (store != NULL)
    {
      g_autofree char *report = NULL;

      sihua_store_check (store, &report, NULL);
      g_assert_finalize_object (store);
    }
  else
    {
      g_test_message ("%s: %s", what, error->message);
      g_assert_true (error->domain == SIHUA_STORE_ERROR);
      g_assert_true (error->code == SIHUA_STORE_ERROR_CORRUPT ||
                     error->code == SIHUA_STORE_ERROR_NOT_SIHUA ||
                     error->code == SIHUA_STORE_ERROR_OPEN ||
                     error->code == SIHUA_STORE_ERROR_READ_ONLY ||
                     error->code == SIHUA_STORE_ERROR_TOO_NEW);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (after, after_size, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

static void
test_truncated (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autoptr(GBytes) whole = make_database_bytes (dir);
  gsize size = g_bytes_get_size (whole);
  gsize cuts[] = { 1, 15, 16, 99, 100, 101, 512, 1024, 4095, 4096, 4097, 8192,
                   size / 3, size / 2, size - 4096, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, MIN (cuts[i], size));
      g_autofree char *what = g_strdup_printf ("cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                                               cuts[i], size);

      check_damaged (dir, part, what);
    }

  sihua_test_remove_tree (dir);
}

static void
test_bit_flipped (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autoptr(GBytes) whole = make_database_bytes (dir);
  gsize size = g_bytes_get_size (whole);
  /* The header and the first page (schema) matter most. */
  gsize spots[] = { 0, 16, 17, 18, 19, 20, 21, 24, 28, 32, 40, 44, 52, 56, 60, 68, 92, 96,
                    100, 101, 105, 110, 200, 1000, 2000, 4000 };

  for (guint i = 0; i < G_N_ELEMENTS (spots) + 40; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);
      g_autoptr(GBytes) damaged = NULL;
      g_autofree char *what = NULL;
      gsize spot;
      int bit = g_test_rand_int_range (0, 8);

      /* The fixed spots, then random ones (reproduce with --seed). */
      spot = i < G_N_ELEMENTS (spots) ? spots[i] : (gsize) g_test_rand_int_range (0, (gint32) size);
      copy[spot] ^= (guint8) (1u << bit);
      damaged = g_bytes_new_take (g_steal_pointer (&copy), size);
      what = g_strdup_printf ("bit %d of byte %" G_GSIZE_FORMAT " flipped", bit, spot);
      check_damaged (dir, damaged, what);
    }

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/full-disk/answering", test_full_disk_answering);
  g_test_add_func ("/faults/full-disk/import", test_full_disk_import);
  g_test_add_func ("/faults/file/deleted", test_file_deleted);
  g_test_add_func ("/faults/file/replaced", test_file_replaced);
  g_test_add_func ("/faults/damaged/truncated", test_truncated);
  g_test_add_func ("/faults/damaged/bit-flipped", test_bit_flipped);

  return g_test_run ();
}
