/* test-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "sihua-bundle.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  SihuaStore *store;
  SihuaModel *model;
  gint64      assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  gint64 company_id;

  fixture->dir = sihua_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->store = sihua_test_open_store (fixture->path);
  sihua_store_set_author (fixture->store, "李顾问");
  fixture->model = sihua_test_load_data_model ("example-small.json");
  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, company_id,
                                                       fixture->model, 0, "李顾问", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
file_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static SihuaEvidence *
add_fixture (Fixture    *fixture,
             const char *question_id,
             const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  SihuaEvidence *evidence;

  evidence = sihua_store_add_evidence_file (fixture->store, fixture->assessment_id, question_id,
                                            file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);

  return evidence;
}

/* A photo and a PDF come back byte for byte, with their names, media types
 * and hashes; the same photo on two answers is stored once. */
static void
test_add_and_read_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) photo_file = fixture_file ("shop-floor.jpg");
  g_autoptr(GFile) form_file = fixture_file ("scanned-form.pdf");
  g_autoptr(GBytes) photo = file_bytes (photo_file);
  g_autoptr(GBytes) form = file_bytes (form_file);
  g_autoptr(SihuaEvidence) first = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) second = add_fixture (fixture, "systems.coverage", "scanned-form.pdf");
  g_autoptr(SihuaEvidence) again = add_fixture (fixture, "production.reporting", "shop-floor.jpg");
  g_autofree char *photo_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first->file_name, ==, "shop-floor.jpg");
  g_assert_cmpstr (first->media_type, ==, "image/jpeg");
  g_assert_true (sihua_evidence_is_image (first));
  g_assert_cmpstr (first->sha256, ==, photo_hash);
  g_assert_cmpint (first->size, ==, g_bytes_get_size (photo));
  g_assert_cmpstr (first->author, ==, "李顾问");
  g_assert_cmpstr (second->media_type, ==, "application/pdf");
  g_assert_false (sihua_evidence_is_image (second));
  g_assert_cmpint (first->ordinal, <, second->ordinal);

  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, "systems.coverage", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[0])->id, ==, first->id);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[1])->id, ==, second->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 3);

  read_back = sihua_store_get_evidence_data (fixture->store, second->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, form));
  g_clear_pointer (&read_back, g_bytes_unref);
  read_back = sihua_store_get_evidence_data (fixture->store, again->sha256, &error);
  g_assert_true (g_bytes_equal (read_back, photo));

  g_assert_cmpint (sihua_test_count_rows (fixture->path, "SELECT count(*) FROM evidence_blobs"), ==, 2);
  g_assert_cmpint (sihua_test_count_rows (fixture->path, "SELECT count(*) FROM evidence"), ==, 3);
}

/* A file over the limit is refused before it is read, by name and limit,
 * and nothing is stored. */
static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge-scan.tif", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GBytes) just_fits = NULL;
  FILE *out = fopen (path, "wb");

  /* A sparse file: the size is what counts, not the bytes. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, SIHUA_EVIDENCE_MAX_SIZE / 4 * 5, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', out), !=, EOF);
  fclose (out);

  evidence = sihua_store_add_evidence_file (fixture->store, fixture->assessment_id,
                                            "systems.coverage", file, NULL, &error);
  g_assert_null (evidence);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge-scan.tif"));
  /* Its size and the limit, in MiB (GLib puts a no-break space before the unit). */
  g_assert_nonnull (strstr (error->message, "25.0"));
  g_assert_nonnull (strstr (error->message, "20.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_assert_cmpint (sihua_test_count_rows (fixture->path, "SELECT count(*) FROM evidence_blobs"), ==, 0);
  g_clear_error (&error);

  /* Exactly the limit is taken. */
  just_fits = g_bytes_new_take (g_malloc0 (SIHUA_EVIDENCE_MAX_SIZE), SIHUA_EVIDENCE_MAX_SIZE);
  evidence = sihua_store_add_evidence (fixture->store, fixture->assessment_id, "systems.coverage",
                                       "limit.bin", NULL, just_fits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evidence->size, ==, SIHUA_EVIDENCE_MAX_SIZE);
}

/* Deleting keeps the file; undo puts it back at its place; a second undo
 * has nothing left to put back. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) form = add_fixture (fixture, "systems.coverage", "scanned-form.pdf");
  g_autoptr(SihuaEvidence) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_store_delete_evidence (fixture->store, photo->id, &error));
  g_assert_no_error (error);
  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[0])->id, ==, form->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Deleting it again finds nothing: it is already off the answer. */
  g_assert_false (sihua_store_delete_evidence (fixture->store, photo->id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  back = sihua_store_undo_evidence_delete (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, photo->id);
  g_assert_cmpstr (back->sha256, ==, photo->sha256);
  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[0])->id, ==, photo->id);

  g_assert_null (sihua_store_undo_evidence_delete (fixture->store, fixture->assessment_id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO);
}

/* Undo that names a file puts back that file, not the one deleted last. */
static void
test_restore_named (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) form = add_fixture (fixture, "systems.coverage", "scanned-form.pdf");
  g_autoptr(SihuaEvidence) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_store_delete_evidence (fixture->store, photo->id, &error));
  g_assert_true (sihua_store_delete_evidence (fixture->store, form->id, &error));
  g_assert_no_error (error);

  back = sihua_store_restore_evidence (fixture->store, fixture->assessment_id, photo->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, photo->id);
  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[0])->id, ==, photo->id);
  g_clear_pointer (&back, sihua_evidence_free);

  /* Back already: nothing to put back. The other one still can be. */
  g_assert_null (sihua_store_restore_evidence (fixture->store, fixture->assessment_id, photo->id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  back = sihua_store_undo_evidence_delete (fixture->store, fixture->assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, form->id);
}

/* A finalised assessment takes no evidence file, loses none and gets none
 * back, each refused with the way to reopen it. */
static void
test_finalized_refuses (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) form = add_fixture (fixture, "systems.coverage", "scanned-form.pdf");
  g_autoptr(GFile) file = fixture_file ("shop-floor.jpg");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_store_delete_evidence (fixture->store, form->id, &error));
  g_assert_true (sihua_store_finalize_assessment (fixture->store, fixture->assessment_id, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (sihua_store_add_evidence_file (fixture->store, fixture->assessment_id, "production.reporting",
                                                file, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);
  g_assert_false (sihua_store_delete_evidence (fixture->store, photo->id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  g_assert_null (sihua_store_undo_evidence_delete (fixture->store, fixture->assessment_id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);
  g_assert_null (sihua_store_restore_evidence (fixture->store, fixture->assessment_id, form->id, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
  g_clear_error (&error);

  list = sihua_store_list_evidence (fixture->store, fixture->assessment_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SihuaEvidence *) list->pdata[0])->id, ==, photo->id);

  /* Reopened, it changes again. */
  g_assert_true (sihua_store_reopen_assessment (fixture->store, fixture->assessment_id, "补充照片", &error));
  g_assert_true (sihua_store_delete_evidence (fixture->store, photo->id, &error));
  g_assert_no_error (error);
}

/* A blob whose bytes no longer match their hash is never handed out. */
static void
test_damaged_blob_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence_blobs SET data = zeroblob (10)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  read_back = sihua_store_get_evidence_data (fixture->store, photo->sha256, &error);
  g_assert_null (read_back);
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT);
}

/* Wrong ids are refused and change nothing. */
static void
test_wrong_assessment (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("shop-floor.jpg");
  g_autoptr(GError) error = NULL;

  g_assert_null (sihua_store_add_evidence_file (fixture->store, fixture->assessment_id + 100,
                                                "systems.coverage", file, NULL, &error));
  g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (sihua_test_count_rows (fixture->path, "SELECT count(*) FROM evidence_blobs"), ==, 0);
}

/* Imports @path into @store, @choice on every conflict. */
static gboolean
import_bundle_choosing (SihuaStore         *store,
                        const char         *path,
                        SihuaBundleChoice   choice,
                        GError            **error)
{
  g_autoptr(SihuaBundle) bundle = sihua_bundle_load (path, error);
  g_autoptr(SihuaBundleReport) report = NULL;

  if (bundle == NULL)
    return FALSE;
  report = sihua_bundle_analyse (bundle, store, choice, error);

  return report != NULL && sihua_bundle_import (bundle, store, report, error);
}

static gboolean
import_bundle (SihuaStore  *store,
               const char  *path,
               GError     **error)
{
  return import_bundle_choosing (store, path, SIHUA_BUNDLE_CHOICE_MINE, error);
}

/* Evidence goes through a bundle to another database and comes out byte for
 * byte, under the same names, on the same answers. */
static void
test_bundle_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) form = add_fixture (fixture, "production.reporting", "scanned-form.pdf");
  g_autoptr(SihuaAssessment) here = sihua_store_get_assessment (fixture->store, fixture->assessment_id, NULL);
  g_autofree char *bundle_path = g_build_filename (fixture->dir, "visit.sihua", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(SihuaAssessment) there = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_bundle_export (fixture->store, NULL, bundle_path, &error));
  g_assert_no_error (error);

  other = sihua_test_open_store (other_path);
  g_assert_true (import_bundle (other, bundle_path, &error));
  g_assert_no_error (error);

  there = sihua_store_get_assessment_by_uuid (other, here->uuid, &error);
  g_assert_no_error (error);
  list = sihua_store_list_evidence (other, there->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  for (guint i = 0; i < list->len; i++)
    {
      SihuaEvidence *copy = g_ptr_array_index (list, i);
      SihuaEvidence *original = g_str_equal (copy->question_id, "systems.coverage") ? photo : form;
      g_autoptr(GBytes) mine = sihua_store_get_evidence_data (fixture->store, original->sha256, &error);
      g_autoptr(GBytes) theirs = sihua_store_get_evidence_data (other, copy->sha256, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (copy->uuid, ==, original->uuid);
      g_assert_cmpstr (copy->file_name, ==, original->file_name);
      g_assert_cmpstr (copy->media_type, ==, original->media_type);
      g_assert_true (g_bytes_equal (mine, theirs));
    }

  /* Importing the same bundle again adds nothing. */
  g_assert_true (import_bundle (other, bundle_path, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sihua_store_list_evidence (other, there->id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Rewrites the bundle at @path with its evidence file damaged and a
 * manifest whose checksums match the damage: only the file's own hash can
 * tell. */
static void
damage_bundle_evidence (const char *path)
{
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean damaged = FALSE;

  entries = sihua_bundle_read_zip (path, &manifest, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "evidence/"))
      {
        gsize size;
        guint8 *bytes = g_bytes_unref_to_data (g_bytes_ref (value), &size);

        bytes[size / 2] ^= 0x55;
        g_hash_table_iter_replace (&iter, g_bytes_new_take (bytes, size));
        damaged = TRUE;
      }
  g_assert_true (damaged);

  /* The writer makes the entries' checksums anew; the rest is kept. */
  json_object_remove_member (manifest, "entries");
  g_assert_true (sihua_bundle_write_zip (path, entries, manifest, &error));
  g_assert_no_error (error);
}

static gint64
evidence_rows (const char *path)
{
  return sihua_test_count_rows (path, "SELECT count(*) FROM evidence") +
         sihua_test_count_rows (path, "SELECT count(*) FROM evidence_blobs") +
         sihua_test_count_rows (path, "SELECT count(*) FROM assessments");
}

/* A damaged evidence file is refused like damaged rows, even when the
 * manifest was rewritten to match it; nothing of the bundle is stored. */
static void
test_bundle_damaged_blob (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autofree char *bundle_path = g_build_filename (fixture->dir, "visit.sihua", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sihua_bundle_export (fixture->store, NULL, bundle_path, &error));
  damage_bundle_evidence (bundle_path);

  other = sihua_test_open_store (other_path);
  g_assert_false (import_bundle (other, bundle_path, &error));
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM);
  g_assert_nonnull (strstr (error->message, photo->sha256));
  g_assert_cmpint (evidence_rows (other_path), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Keeping both sides of an assessment that differs puts the bundle's
 * evidence on the copy, and leaves the one here as it was. */
static void
test_bundle_copy_takes_evidence (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SihuaEvidence) photo = add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  g_autoptr(SihuaEvidence) form = NULL;
  g_autoptr(SihuaAssessment) here = NULL;
  g_autoptr(SihuaAssessment) there = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "first.sihua", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.sihua", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 copy_id = 0;

  g_assert_true (sihua_bundle_export (fixture->store, NULL, first, &error));
  other = sihua_test_open_store (other_path);
  g_assert_true (import_bundle (other, first, &error));
  g_assert_no_error (error);

  /* Here the consultant changes, and a second file is added. */
  here = sihua_store_get_assessment (fixture->store, fixture->assessment_id, &error);
  g_free (here->consultant);
  here->consultant = g_strdup ("张顾问");
  g_assert_true (sihua_store_update_assessment (fixture->store, here, &error));
  form = add_fixture (fixture, "systems.coverage", "scanned-form.pdf");
  g_assert_true (sihua_bundle_export (fixture->store, NULL, second, &error));

  g_assert_true (import_bundle_choosing (other, second, SIHUA_BUNDLE_CHOICE_BOTH, &error));
  g_assert_no_error (error);

  there = sihua_store_get_assessment_by_uuid (other, here->uuid, &error);
  list = sihua_store_list_evidence (other, there->id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SihuaEvidence *) list->pdata[0])->uuid, ==, photo->uuid);
  g_clear_pointer (&list, g_ptr_array_unref);

  assessments = sihua_store_list_assessments (other, there->company_id, &error);
  g_assert_cmpuint (assessments->len, ==, 2);
  for (guint i = 0; i < assessments->len; i++)
    if (((SihuaAssessment *) assessments->pdata[i])->id != there->id)
      copy_id = ((SihuaAssessment *) assessments->pdata[i])->id;
  list = sihua_store_list_evidence (other, copy_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SihuaEvidence *) list->pdata[1])->sha256, ==, form->sha256);
  g_assert_cmpstr (((SihuaEvidence *) list->pdata[0])->uuid, !=, photo->uuid);
  g_assert_finalize_object (g_steal_pointer (&other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/evidence/add-and-read-back", test_add_and_read_back);
  ADD ("/store/evidence/size-limit", test_size_limit);
  ADD ("/store/evidence/delete-and-undo", test_delete_and_undo);
  ADD ("/store/evidence/restore-named", test_restore_named);
  ADD ("/store/evidence/finalized-refuses", test_finalized_refuses);
  ADD ("/store/evidence/damaged-blob-refused", test_damaged_blob_refused);
  ADD ("/store/evidence/wrong-assessment", test_wrong_assessment);
  ADD ("/bundle/evidence/round-trip", test_bundle_round_trip);
  ADD ("/bundle/evidence/damaged-blob-refused", test_bundle_damaged_blob);
  ADD ("/bundle/evidence/copy-takes-evidence", test_bundle_copy_takes_evidence);

#undef ADD

  return g_test_run ();
}
