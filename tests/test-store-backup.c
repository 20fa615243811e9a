/* test-store-backup.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "sihua-store.h"
#include "sihua-test-utils.h"

static void
add_company (SihuaStore *store,
             const char *name)
{
  g_autoptr(SihuaCompany) company = sihua_company_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_store_add_company (store, company, &error), >, 0);
  g_assert_no_error (error);
}

static guint
count_companies (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaStore) store = sihua_store_open_read_only (path, &error);
  g_autoptr(GPtrArray) companies = NULL;

  g_assert_no_error (error);
  companies = sihua_store_list_companies (store, &error);
  g_assert_no_error (error);

  return companies->len;
}

static guint
count_automatic (GPtrArray *backups)
{
  guint n = 0;

  for (guint i = 0; i < backups->len; i++)
    n += ((SihuaBackupInfo *)backups->pdata[i])->automatic;

  return n;
}

static void
test_backup_on_open_once_a_day (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *backup_dir = sihua_store_get_backup_dir (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  SihuaBackupInfo *info;
  SihuaStore *store;
  GStatBuf st;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "甲");
  g_assert_finalize_object (store);
  /* A new, empty database needs no backup. */
  backups = sihua_store_list_backups_for (path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  for (guint i = 0; i < 3; i++)
    {
      store = sihua_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_finalize_object (store);
    }

  backups = sihua_store_list_backups_for (path);
  g_assert_cmpuint (backups->len, ==, 1);
  info = backups->pdata[0];
  g_assert_true (info->automatic);
  g_assert_true (g_str_has_prefix (info->path, backup_dir));
  g_assert_cmpint (g_stat (info->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (count_companies (info->path), ==, 1);

  sihua_test_remove_tree (dir);
}

static void
test_backup_rotation (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *backup_dir = sihua_store_get_backup_dir (path);
  g_autofree char *manual = NULL;
  g_autofree char *oldest = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  time_t now = time (NULL);

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "乙");
  manual = sihua_store_backup (store, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  /* Nine automatic backups from the days before. */
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("sihua-auto-202601%02u-080000.db", day);
      g_autofree char *file = g_build_filename (backup_dir, name, NULL);
      struct utimbuf times = { now - day * 86400, now - day * 86400 };

      g_assert_true (g_file_set_contents (file, "old", -1, NULL));
      g_assert_cmpint (utime (file, &times), ==, 0);
      if (day == 9)
        oldest = g_steal_pointer (&file);
    }
  /* The manual backup is old too, but is never rotated away. */
  {
    struct utimbuf times = { now - 30 * 86400, now - 30 * 86400 };
    g_assert_cmpint (utime (manual, &times), ==, 0);
  }

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  backups = sihua_store_list_backups_for (path);
  g_assert_cmpuint (count_automatic (backups), ==, SIHUA_STORE_N_BACKUPS);
  g_assert_cmpuint (backups->len, ==, SIHUA_STORE_N_BACKUPS + 1);
  /* Newest first: today's, then day 1, …; the oldest ones went. */
  g_assert_cmpuint (count_companies (((SihuaBackupInfo *)backups->pdata[0])->path), ==, 1);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (manual, G_FILE_TEST_EXISTS));

  sihua_test_remove_tree (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  GStatBuf st;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "备份前");
  backup = sihua_store_backup (store, &error);
  g_assert_no_error (error);
  add_company (store, "备份后");
  g_assert_finalize_object (store);
  g_assert_cmpuint (count_companies (path), ==, 2);

  g_assert_true (sihua_store_restore (path, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_companies (path), ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* What was replaced is kept, and can itself be restored. */
  g_assert_nonnull (saved);
  g_assert_cmpuint (count_companies (saved), ==, 2);
  g_assert_true (sihua_store_restore (path, saved, NULL, &error));
  g_assert_cmpuint (count_companies (path), ==, 2);

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "恢复后");
  g_assert_finalize_object (store);
  g_assert_cmpuint (count_companies (path), ==, 3);

  sihua_test_remove_tree (dir);
}

static void
test_restore_refuses_bad_backup (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *fake = g_build_filename (dir, "fake.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size, after_size;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "不变");
  g_assert_finalize_object (store);
  g_assert_true (g_file_get_contents (path, &before, &before_size, NULL));

  g_assert_true (g_file_set_contents (fake, "not a database at all", -1, NULL));
  g_assert_false (sihua_store_restore (path, fake, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_SIHUA);
  g_clear_error (&error);

  g_assert_false (sihua_store_restore (path, "/nonexistent/backup.db", NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);

  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_cmpmem (before, before_size, after, after_size);
  /* A refused restore does not even keep a "before-restore" copy. */
  {
    g_autoptr(GPtrArray) backups = sihua_store_list_backups_for (path);
    g_assert_cmpuint (backups->len, ==, 0);
  }

  sihua_test_remove_tree (dir);
}

static void
test_restore_over_corrupt (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "好的");
  backup = sihua_store_backup (store, &error);
  g_assert_finalize_object (store);

  g_assert_true (g_file_set_contents (path, "garbage garbage garbage", -1, NULL));
  g_assert_null (sihua_store_open (path, &error));
  g_clear_error (&error);

  g_assert_true (sihua_store_restore (path, backup, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_companies (path), ==, 1);

  /* Even the damaged file was kept, byte for byte. */
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (saved, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "garbage garbage garbage");
  }

  sihua_test_remove_tree (dir);
}

/* Two databases whose names share a beginning, in one folder: each sees
 * its own backups only, makes its own daily one, and restores its own. */
static void
test_backup_names_are_exact (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *visits = g_build_filename (dir, "visits.db", NULL);
  g_autofree char *visits_2025 = g_build_filename (dir, "visits-2025.db", NULL);
  const char *paths[] = { visits, visits_2025 };
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      store = sihua_store_open (paths[i], &error);
      g_assert_no_error (error);
      add_company (store, i == 0 ? "甲" : "乙");
      g_assert_finalize_object (store);
    }
  /* visits-2025.db first: its backup must not count as visits.db's. */
  for (guint i = G_N_ELEMENTS (paths); i-- > 0;)
    {
      store = sihua_store_open (paths[i], &error);
      g_assert_no_error (error);
      g_assert_finalize_object (store);
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GPtrArray) backups = sihua_store_list_backups_for (paths[i]);
      g_autofree char *stem = g_path_get_basename (paths[i]);

      stem[strlen (stem) - 3] = '\0';
      g_assert_cmpuint (backups->len, ==, 1);
      g_assert_cmpuint (count_automatic (backups), ==, 1);
      for (guint b = 0; b < backups->len; b++)
        {
          g_autofree char *name = g_path_get_basename (((SihuaBackupInfo *)backups->pdata[b])->path);
          g_autofree char *expected = g_strconcat (stem, "-auto-", NULL);

          g_assert_true (g_str_has_prefix (name, expected));
        }
    }

  sihua_test_remove_tree (dir);
}

/* Automatic backups dated in the future (a clock set wrong once) never push
 * the one just made out. */
static void
test_backup_rotation_future_dates (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *backup_dir = sihua_store_get_backup_dir (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  time_t now = time (NULL);
  guint n_today = 0;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "丙");
  g_assert_finalize_object (store);

  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  for (guint day = 1; day <= SIHUA_STORE_N_BACKUPS; day++)
    {
      g_autofree char *name = g_strdup_printf ("sihua-auto-209901%02u-080000.db", day);
      g_autofree char *file = g_build_filename (backup_dir, name, NULL);
      struct utimbuf times = { now + (day + 1) * 86400, now + (day + 1) * 86400 };

      g_assert_true (g_file_set_contents (file, "future", -1, NULL));
      g_assert_cmpint (utime (file, &times), ==, 0);
    }

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  backups = sihua_store_list_backups_for (path);
  g_assert_cmpuint (count_automatic (backups), ==, SIHUA_STORE_N_BACKUPS);
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = backups->pdata[i];

      if (info->created_at <= g_get_real_time ())
        {
          g_assert_cmpuint (count_companies (info->path), ==, 1);
          n_today++;
        }
    }
  g_assert_cmpuint (n_today, ==, 1);

  sihua_test_remove_tree (dir);
}

/* A database reached through a symbolic link: its backups are beside the
 * real file only, and a restore replaces the real file, leaving the link. */
static void
test_backup_through_symlink (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *link_dir = g_build_filename (dir, "links", NULL);
  g_autofree char *real = g_build_filename (real_dir, "sihua.db", NULL);
  g_autofree char *link = g_build_filename (link_dir, "sihua.db", NULL);
  g_autofree char *link_backups = g_build_filename (link_dir, "backups", NULL);
  g_autofree char *manual = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  g_assert_no_errno (g_mkdir (real_dir, 0700));
  g_assert_no_errno (g_mkdir (link_dir, 0700));
  store = sihua_store_open (real, &error);
  g_assert_no_error (error);
  add_company (store, "丁");
  g_assert_finalize_object (store);
  g_assert_no_errno (symlink (real, link));

  store = sihua_store_open (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sihua_store_get_path (store), ==, real);
  manual = sihua_store_backup (store, &error);
  g_assert_no_error (error);
  add_company (store, "戊");
  g_assert_finalize_object (store);

  g_assert_true (g_str_has_prefix (manual, real_dir));
  g_assert_false (g_file_test (link_backups, G_FILE_TEST_EXISTS));
  backups = sihua_store_list_backups_for (link);
  g_assert_cmpuint (backups->len, ==, 2);  /* the day's and the manual one */

  g_assert_true (sihua_store_restore (link, manual, &saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, real);
  g_assert_cmpuint (count_companies (real), ==, 1);
  g_assert_cmpuint (count_companies (saved), ==, 2);
  g_assert_true (g_str_has_prefix (saved, real_dir));
  g_assert_false (g_file_test (link_backups, G_FILE_TEST_EXISTS));

  sihua_test_remove_tree (dir);
}

/* What a killed restore or backup left is removed on the next open, by its
 * exact name; anything else stays. */
static void
test_leftovers_removed (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "visits.db", NULL);
  g_autofree char *backup_dir = sihua_store_get_backup_dir (path);
  const char *own[] = { ".visits.db.restoring", ".visits.db.restoring.part",
                        "backups/visits-auto-20260101-080000.db.part",
                        "backups/visits-before-restore-20260101-080000-2.db.part" };
  const char *others[] = { ".sihua-restore.db", ".visits-2025.db.restoring",
                           "visits.db.part", "backups/visits-2025-auto-20260101-080000.db.part",
                           "backups/visits-auto-20260101-080000.db.part.keep",
                           "backups/notes.part" };
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  add_company (store, "己");
  g_assert_finalize_object (store);
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (own) + G_N_ELEMENTS (others); i++)
    {
      const char *name = i < G_N_ELEMENTS (own) ? own[i] : others[i - G_N_ELEMENTS (own)];
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (file, "left over", -1, NULL));
    }

  store = sihua_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *file = g_build_filename (dir, own[i], NULL);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *file = g_build_filename (dir, others[i], NULL);
      g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_companies (path), ==, 1);

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/backup/on-open-once-a-day", test_backup_on_open_once_a_day);
  g_test_add_func ("/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/store/backup/restore", test_restore);
  g_test_add_func ("/store/backup/restore-refuses-bad-backup", test_restore_refuses_bad_backup);
  g_test_add_func ("/store/backup/restore-over-corrupt", test_restore_over_corrupt);
  g_test_add_func ("/store/backup/names-are-exact", test_backup_names_are_exact);
  g_test_add_func ("/store/backup/rotation-future-dates", test_backup_rotation_future_dates);
  g_test_add_func ("/store/backup/through-symlink", test_backup_through_symlink);
  g_test_add_func ("/store/backup/leftovers-removed", test_leftovers_removed);

  return g_test_run ();
}
