/* fuzz-db-open.c: opening a damaged or hostile database file, read-only and
 * for writing, reading everything through the store, and writing the PDF
 * report of what it reads.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "sihua-answer.h"
#include "sihua-assessment.h"
#include "sihua-bundle.h"
#include "sihua-company.h"
#include "sihua-export.h"
#include "sihua-model.h"
#include "sihua-report.h"
#include "sihua-store.h"

static void
clear_db_dir (const char *dir)
{
  const char *names[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "fuzz.db-journal" };
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);
      g_unlink (path);
    }
  g_rmdir (backups);
}

/* Reads everything the app would show; errors are fine, crashes are not. */
static void
read_all (SihuaStore *store)
{
  g_autoptr(GPtrArray) companies = NULL;
  g_autofree char *report = NULL;

  companies = sihua_store_list_companies (store, NULL);
  for (guint i = 0; companies != NULL && i < companies->len && i < 8; i++)
    {
      SihuaCompany *company = g_ptr_array_index (companies, i);
      g_autoptr(SihuaCompany) again = sihua_store_get_company (store, company->id, NULL);
      g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (store, company->id, NULL);

      for (guint j = 0; assessments != NULL && j < assessments->len && j < 4; j++)
        {
          SihuaAssessment *assessment = g_ptr_array_index (assessments, j);
          g_autoptr(SihuaAssessment) full = sihua_store_get_assessment (store, assessment->id, NULL);
          g_autoptr(GHashTable) answers = sihua_store_load_answers (store, assessment->id, NULL);
          g_autoptr(SihuaModel) model = sihua_store_load_assessment_model (store, assessment->id, NULL);
          g_autoptr(GPtrArray) history = sihua_store_get_history (store, assessment->id, NULL, NULL);

          /* On a damaged file any of these may fail; none may crash. */
          (void) full;
          (void) answers;
          (void) model;
          (void) history;
        }
      (void) again;
    }
  g_clear_pointer (&companies, g_ptr_array_unref);
  companies = sihua_store_search_companies (store, "精工", 20, NULL);
  sihua_store_check (store, &report, NULL);
}

/* The exports read every row, and rows may come from a damaged index
 * (quick_check does not compare indexes with their tables), so a NOT NULL
 * column can read as NULL here too. */
static void
export_all (SihuaStore *store)
{
  g_autofree char *dir = g_build_filename (fuzz_get_dir (), "out", NULL);
  g_autofree char *json = g_build_filename (dir, "export.json", NULL);
  g_autofree char *bundle = g_build_filename (dir, "export.sihua", NULL);
  SihuaExportOptions options = {
    .format = SIHUA_EXPORT_FORMAT_JSON,
    .language = SIHUA_LANGUAGE_ZH_CN,
  };

  g_mkdir_with_parents (dir, 0700);
  sihua_export_to_file (store, &options, json, NULL, NULL, NULL, NULL);
  sihua_bundle_export (store, NULL, bundle, NULL);
  g_unlink (json);
  g_unlink (bundle);
}

/* The report hands every text of an assessment to Pango and libharu, which
 * trust it to be UTF-8: one flipped bit in a note made it spin forever. */
static void
report_first (SihuaStore *store)
{
  g_autofree char *dir = g_build_filename (fuzz_get_dir (), "out", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);
  g_autoptr(GPtrArray) assessments = NULL;
  SihuaReportOptions options;

  /* The first company with an assessment. */
  for (guint i = 0; companies != NULL && i < companies->len && i < 8; i++)
    {
      g_clear_pointer (&assessments, g_ptr_array_unref);
      assessments = sihua_store_list_assessments (store, ((SihuaCompany *) companies->pdata[i])->id, NULL);
      if (assessments != NULL && assessments->len > 0)
        break;
    }
  if (assessments == NULL || assessments->len == 0)
    return;

  sihua_report_options_init (&options);
  options.language = SIHUA_LANGUAGE_ZH_CN;
  g_mkdir_with_parents (dir, 0700);
  sihua_report_write_from_store (store, ((SihuaAssessment *) assessments->pdata[0])->id,
                                 &options, pdf, NULL);
  g_unlink (pdf);
}

/* A follow-up assessment copies the answers of the one before it. */
static void
follow_up (SihuaStore *store)
{
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);
  SihuaCompany *company;
  g_autoptr(GPtrArray) assessments = NULL;
  SihuaAssessment *previous;
  g_autoptr(SihuaModel) model = NULL;

  if (companies == NULL || companies->len == 0)
    return;
  company = g_ptr_array_index (companies, 0);
  assessments = sihua_store_list_assessments (store, company->id, NULL);
  if (assessments == NULL || assessments->len == 0)
    return;
  previous = g_ptr_array_index (assessments, 0);
  model = sihua_store_load_assessment_model (store, previous->id, NULL);
  if (model != NULL)
    sihua_store_new_assessment (store, company->id, model, previous->id, "fuzz", NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize after_size = 0;

  fuzz_init_glib ();

  dir = g_build_filename (fuzz_get_dir (), "db", NULL);
  g_mkdir_with_parents (dir, 0700);
  clear_db_dir (dir);
  path = g_build_filename (dir, "fuzz.db", NULL);
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();

  /* Read-only: a snapshot in memory; the file is never changed. */
  store = sihua_store_open_read_only (path, &error);
  if (store != NULL)
    {
      read_all (store);
      export_all (store);
      report_first (store);
    }
  else if (error == NULL || error->message[0] == '\0')
    abort ();
  g_clear_object (&store);
  g_clear_error (&error);
  if (!g_file_get_contents (path, &after, &after_size, NULL) ||
      after_size != size || (size > 0 && memcmp (after, data, size) != 0))
    abort ();
  g_clear_pointer (&after, g_free);

  /* For writing: a file the store cannot use is left exactly as it was. */
  store = sihua_store_open (path, &error);
  if (store == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      if (!g_file_get_contents (path, &after, &after_size, NULL) ||
          after_size != size || (size > 0 && memcmp (after, data, size) != 0))
        abort ();
    }
  else
    {
      g_autoptr(SihuaCompany) company = sihua_company_new ("常州智造装备有限公司");

      read_all (store);
      follow_up (store);
      sihua_store_add_company (store, company, NULL);
      /* A repair that says it succeeded leaves a sound file. */
      if (sihua_store_repair (store, NULL, NULL) && !sihua_store_check (store, NULL, NULL))
        abort ();
    }
  g_clear_object (&store);
  clear_db_dir (dir);

  return 0;
}
