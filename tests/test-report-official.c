/* test-report-official.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sihua-answer.h"
#include "sihua-company.h"
#include "sihua-official.h"
#include "sihua-report.h"
#include "sihua-results.h"
#include "sihua-score-json.h"
#include "sihua-scoring.h"
#include "test-pdf-util.h"

/*
 * The report of an MIIT 2024 assessment, read back with pdftotext: the
 * level, the three area sums in the official currency, the scene counts,
 * and the answer sheet with option letters. The expected figures are
 * computed by hand from the points in shared/miit-2024/SPEC.md.
 */

/* tests/fixtures/miit-answers.json, which the GUI test imports too:
 * 数字化基础: 6 + 3 + 3 + 5×0.7 + 5 + 2.5 + 2.5 = 25.5
 * 数字化管理: 4.5 + 3.75 + 3 + 1.875 = 13.125 (13.1 shown)
 * 数字化成效: 7 + 3.5 + 3 + 1.5 = 15
 * total 53.625 (53.6 shown): 二级 needs 40 and is met by the scenes
 * (13 at 二级 or above, 9 of them constraint scenes); 三级 needs 60 points
 * and 8 scenes at 三级, and only 7 are there. */
#define ANSWERS_FILE "miit-answers.json"

typedef struct
{
  SihuaModel      *model;
  GHashTable      *answers;
  SihuaCompany    *company;
  SihuaAssessment *assessment;
  SihuaResults    *results;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = sihua_test_data_model_file ("miit-2024.json");
  g_autoptr(GError) error = NULL;

  fixture->model = sihua_model_new_from_file (path, &error);
  g_assert_no_error (error);

  g_free (path);
  path = g_test_build_filename (G_TEST_DIST, "fixtures", ANSWERS_FILE, NULL);
  fixture->answers = sihua_score_read_answers_file (fixture->model, path, &error);
  g_assert_no_error (error);

  fixture->company = sihua_company_new ("华东精密机械");
  fixture->assessment = g_new0 (SihuaAssessment, 1);
  fixture->assessment->id = 1;
  fixture->assessment->date = g_strdup ("2026-03-01");
  fixture->assessment->target_level = -1;
  fixture->assessment->model_id = g_strdup (sihua_model_get_id (fixture->model));
  fixture->assessment->model_version = g_strdup (sihua_model_get_version (fixture->model));
  fixture->results = sihua_results_new (fixture->company, fixture->assessment, fixture->model,
                                        fixture->answers, NULL, NULL, NULL);
  fixture->dir = sihua_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->results);
  sihua_assessment_free (fixture->assessment);
  sihua_company_free (fixture->company);
  g_hash_table_unref (fixture->answers);
  g_object_unref (fixture->model);
}

static char *
write_sections (Fixture             *fixture,
                SihuaLanguage        language,
                SihuaReportSections  sections)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, language == SIHUA_LANGUAGE_EN ? "en.pdf" : "zh.pdf",
                                            NULL);
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = language;
  options.sections = sections;

  g_assert_true (sihua_report_write (fixture->results, &options, path, NULL, &error));
  g_assert_no_error (error);

  /* SIHUA_TEST_KEEP_PDF=DIR keeps a copy to look at. */
  if (g_getenv ("SIHUA_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SIHUA_TEST_KEEP_PDF"),
                                                language == SIHUA_LANGUAGE_EN ? "miit-en.pdf" : "miit-zh.pdf",
                                                NULL);
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) target = g_file_new_for_path (copy);

      g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  return pdf_text (path);
}

static char *
write_report (Fixture       *fixture,
              SihuaLanguage  language)
{
  return write_sections (fixture, language, SIHUA_REPORT_SECTION_SUMMARY | SIHUA_REPORT_SECTION_APPENDIX);
}

/* Whether @text has a line that holds every one of @words in this order. */
static gboolean
has_line (const char *text,
          ...)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL && !found; i++)
    {
      const char *at = lines[i];
      const char *word;
      va_list args;

      found = TRUE;
      va_start (args, text);
      while ((word = va_arg (args, const char *)) != NULL)
        {
          at = strstr (at, word);
          if (at == NULL)
            {
              found = FALSE;
              break;
            }
          at += strlen (word);
        }
      va_end (args);
    }

  return found;
}

static void
assert_line (const char *text,
             gboolean    found,
             const char *what)
{
  if (!found)
    g_error ("the report has no line with %s; its text:\n%s", what, text);
}

static void
test_summary_zh (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *text = write_report (fixture, SIHUA_LANGUAGE_ZH_CN);

  assert_line (text, has_line (text, "二级", "53.6", NULL), "the level and the total");
  assert_line (text, has_line (text, "数字化基础", "25.5", "50", NULL), "数字化基础 25.5 / 50");
  assert_line (text, has_line (text, "数字化管理", "13.1", "30", NULL), "数字化管理 13.1 / 30");
  assert_line (text, has_line (text, "数字化成效", "15", "20", NULL), "数字化成效 15 / 20");
  assert_line (text, has_line (text, "53.6", "100", NULL), "the total of 100");
  /* Scenes at 三级 or above: 7 of the 8 needed, 6 constraint scenes of 5. */
  assert_line (text, has_line (text, "三级", "7", "8", "6", "5", NULL), "the scene counts of 三级");
  assert_line (text, has_line (text, "二级", "13", "6", "9", "3", NULL), "the scene counts of 二级");
  /* Missing for 三级: 60 − 53.625 = 6.375, shown rounded up as 6.4; one
   * more scene at 三级, product design (二级, a constraint scene) the closest. */
  assert_line (text, has_line (text, "53.6", "60", "6.4", NULL), "the points missing for 三级");
  assert_line (text, has_line (text, "三级", "7", "8", "产品设计", NULL), "the scenes missing for 三级");
}

static void
test_summary_en (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *text = write_report (fixture, SIHUA_LANGUAGE_EN);

  assert_line (text, has_line (text, "Level 2", "53.6", NULL), "the level and the total");
  assert_line (text, has_line (text, "Digital foundation", "25.5", "50", NULL), "the foundation's points");
  assert_line (text, has_line (text, "Digital management", "13.1", "30", NULL), "the management's points");
  assert_line (text, has_line (text, "Digital results", "15", "20", NULL), "the results' points");
  assert_line (text, has_line (text, "53.6", "60", "6.4 more", NULL), "the points missing for Level 3");
}

static void
test_answer_sheet (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *text = write_report (fixture, SIHUA_LANGUAGE_ZH_CN);
  const char *sheet = strstr (text, "答题卡");

  assert_line (text, sheet != NULL, "the answer sheet's title");
  /* Option letters as the official form prints them, with their points. */
  assert_line (sheet, has_line (sheet, "B, C, D", "6", NULL), "企业网络建设连接情况 B, C, D");
  assert_line (sheet, has_line (sheet, "B, C, D, E, F", "3.5", NULL), "数据采集 B–F");
  assert_line (sheet, has_line (sheet, "B, D", "3", NULL), "人才建设 B, D");
  /* The numbers behind a band item. */
  assert_line (sheet, has_line (sheet, "120", NULL), "the device count behind 设备数字化率");
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The whole report speaks the index's language: the level rule as the
 * model holds it (points from each area, the scene counts of every level),
 * and none of the maturity model's phrases. */
static void
assert_reads_as_index (Fixture       *fixture,
                       SihuaLanguage  language,
                       const char    *open_paren,
                       const char    *points_word,
                       const char    *const *maturity_phrases)
{
  g_autofree char *text = write_sections (fixture, language, SIHUA_REPORT_SECTIONS_ALL);
  SihuaScore *score = sihua_results_get_score (fixture->results);
  guint n_levels = sihua_model_get_n_levels (fixture->model);

  /* The guide's sentence on the areas may wrap anywhere: read it without
   * line breaks and spaces. */
  g_autofree char *flat = squeeze (text);

  for (guint i = 0; i < sihua_score_get_n_area_points (score); i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (score, i);
      g_autofree char *most = sihua_official_format_points (area->max);
      g_autofree char *title = squeeze (sihua_text_get (&area->area->title, language, NULL));
      g_autofree char *expected = g_strconcat (title, open_paren, most, points_word, NULL);

      if (strstr (flat, expected) == NULL)
        g_error ("the guide does not give “%s”; its text:\n%s", expected, text);
    }
  for (guint level = 1; level < n_levels; level++)
    {
      GPtrArray *requirements = sihua_scoring_get_requirements (fixture->model, level);
      const char *name = sihua_text_get (&sihua_model_get_level (fixture->model, level)->name, language, NULL);
      g_autofree char *min = NULL;
      g_autofree char *n_scenes = NULL;
      g_autofree char *n_constraint = NULL;

      for (guint i = 0; i < requirements->len; i++)
        {
          const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

          if (requirement->kind == SIHUA_REQUIREMENT_POINTS_TOTAL)
            min = g_strdup_printf (" %g", requirement->min);
          else if (g_strcmp0 (requirement->subset, "scenes") == 0)
            n_scenes = g_strdup_printf (" %d", requirement->count);
          else if (g_strcmp0 (requirement->subset, "constraint_scenes") == 0)
            n_constraint = g_strdup_printf (" %d", requirement->count);
        }
      g_assert_nonnull (min);
      g_assert_nonnull (n_scenes);
      g_assert_nonnull (n_constraint);
      /* The level table's row: the level, then P, n and c as the model has them. */
      assert_line (text, has_line (text, name, min, n_scenes, n_constraint, NULL), "a level's row of the level table");
    }
  for (guint i = 0; maturity_phrases[i] != NULL; i++)
    if (strstr (text, maturity_phrases[i]) != NULL)
      g_error ("the report of the index speaks of “%s”; its text:\n%s", maturity_phrases[i], text);
}

static void
test_whole_report_zh (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *const phrases[] = { "成熟度指数", "权重合计", "无需额外提升", "1 一级", " 阶段", NULL };

  assert_reads_as_index (fixture, SIHUA_LANGUAGE_ZH_CN, "（", "分）", phrases);
}

static void
test_whole_report_en (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *const phrases[] = { "maturity index", "of the weight", "nothing more is needed", "level 1 (Level 1)",
                                  "question weight", NULL };

  assert_reads_as_index (fixture, SIHUA_LANGUAGE_EN, "(", "points)", phrases);
}

/* A re-assessment's summary says how the points and the level changed, in
 * the index's terms rather than a maturity index. */
static void
test_comparison (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(SihuaAssessment) previous = g_new0 (SihuaAssessment, 1);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  previous->id = 0;
  previous->date = g_strdup ("2025-09-01");
  previous->target_level = -1;
  g_object_unref (fixture->results);
  fixture->results = sihua_results_new (fixture->company, fixture->assessment, fixture->model, fixture->answers,
                                        previous, fixture->model, fixture->answers);
  text = write_report (fixture, SIHUA_LANGUAGE_ZH_CN);
  flat = squeeze (text);
  if (strstr (flat, "2025-09-01") == NULL || strstr (flat, "总分由53.6变为53.6") == NULL ||
      strstr (flat, "仍为二级") == NULL)
    g_error ("the summary does not compare the points and the level; its text:\n%s", text);
  g_assert_null (strstr (text, "成熟度指数"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* The Chinese report reads its wording from the build's catalogue. */
  g_assert_nonnull (g_getenv ("SIHUA_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIHUA_LOCALEDIR"));

  g_test_add ("/report-official/summary-zh", Fixture, NULL, fixture_set_up, test_summary_zh, fixture_tear_down);
  g_test_add ("/report-official/summary-en", Fixture, NULL, fixture_set_up, test_summary_en, fixture_tear_down);
  g_test_add ("/report-official/whole-zh", Fixture, NULL, fixture_set_up, test_whole_report_zh, fixture_tear_down);
  g_test_add ("/report-official/whole-en", Fixture, NULL, fixture_set_up, test_whole_report_en, fixture_tear_down);
  g_test_add ("/report-official/comparison", Fixture, NULL, fixture_set_up, test_comparison, fixture_tear_down);
  g_test_add ("/report-official/answer-sheet", Fixture, NULL, fixture_set_up, test_answer_sheet,
              fixture_tear_down);

  return g_test_run ();
}
