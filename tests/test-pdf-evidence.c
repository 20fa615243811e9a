/* test-pdf-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's evidence appendix: each file of the assessment as a tile
 * with its name and question, a photo as an embedded picture shrunk for
 * print, in Chinese and in English; no appendix without evidence.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sihua-report.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"
#include "test-pdf-util.h"

typedef struct
{
  char       *dir;
  SihuaStore *store;
  SihuaModel *model;
  gint64      assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("台州泵业");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 company_id;

  fixture->dir = sihua_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "sihua.db", NULL);
  fixture->store = sihua_test_open_store (path);
  fixture->model = sihua_test_load_data_model ("example-small.json");
  company_id = sihua_store_add_company (fixture->store, company, &error);
  g_assert_no_error (error);
  fixture->assessment_id = sihua_store_new_assessment (fixture->store, company_id, fixture->model,
                                                       0, "王顾问", &error);
  g_assert_no_error (error);
  sihua_test_answer_all (fixture->store, fixture->model, fixture->assessment_id, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->model);
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
add_fixture (Fixture    *fixture,
             const char *question_id,
             const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "evidence", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = sihua_store_add_evidence_file (fixture->store, fixture->assessment_id, question_id,
                                            file, NULL, &error);
  g_assert_no_error (error);
}

static char *
write_report (Fixture       *fixture,
              SihuaLanguage  language,
              const char    *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = language;
  g_assert_true (sihua_report_write_from_store (fixture->store, fixture->assessment_id, &options,
                                                path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static guint
count_images (const char *pdf)
{
  g_autofree char *list = pdf_run_tool ("pdfimages", "-list", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  guint n = 0;

  /* Two header lines, then one line per image. */
  for (guint i = 2; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      n++;

  return n;
}

static void
test_appendix (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *before = write_report (fixture, SIHUA_LANGUAGE_EN, "before.pdf");
  g_autofree char *before_text = pdf_text (before);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *zh_text = NULL;
  g_autofree char *en_text = NULL;
  guint images_before = count_images (before);

  g_assert_null (strstr (before_text, "Appendix: evidence files"));

  add_fixture (fixture, "systems.coverage", "shop-floor.jpg");
  add_fixture (fixture, "production.reporting", "scanned-form.pdf");

  en = write_report (fixture, SIHUA_LANGUAGE_EN, "en.pdf");
  en_text = pdf_text (en);
  g_assert_nonnull (strstr (en_text, "Appendix: evidence files"));
  g_assert_nonnull (strstr (en_text, "shop-floor.jpg"));
  g_assert_nonnull (strstr (en_text, "scanned-form.pdf"));
  g_assert_nonnull (strstr (en_text, "systems.coverage"));
  /* The photo is in, the PDF only named. */
  g_assert_cmpuint (count_images (en), ==, images_before + 1);

  zh = write_report (fixture, SIHUA_LANGUAGE_ZH_CN, "zh.pdf");
  zh_text = pdf_text (zh);
  g_assert_nonnull (strstr (zh_text, "附录：证据文件"));
  g_assert_nonnull (strstr (zh_text, "shop-floor.jpg"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* The build's catalogue, as the programs bind it in main(). */
  g_assert_nonnull (g_getenv ("SIHUA_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIHUA_LOCALEDIR"));

  g_test_add ("/report/evidence/appendix", Fixture, NULL, fixture_set_up, test_appendix, fixture_tear_down);

  return g_test_run ();
}
