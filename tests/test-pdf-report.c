/* test-pdf-report.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "sihua-report-catalog.h"
#include "sihua-report.h"
#include "sihua-test-utils.h"
#include "test-pdf-report-fixture.h"
#include "test-pdf-util.h"

static char *
model_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "models", "sihua-4hua.json", NULL);
}

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "report-company.json", NULL);
}

static ReportFixture *
new_fixture (guint long_note_chars)
{
  g_autofree char *model = model_path ();
  g_autofree char *fixture = fixture_path ();

  return report_fixture_new (model, fixture, long_note_chars);
}

/* Text compared with white space and hyphens removed: pdftotext joins
 * wrapped lines with spaces or newlines, drops spaces between Chinese
 * characters and digits, and removes the hyphen of a word broken at one. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isspace (ch) && ch != '-')
        g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

static void
assert_text_contains (const char *haystack_normalized,
                      const char *needle)
{
  g_autofree char *n = normalize (needle);

  if (strstr (haystack_normalized, n) == NULL)
    g_error ("the PDF text lacks “%s”", needle);
}

/* @flat without what every page repeats (header, footer, page label and the
 * repeated table header), which pdftotext puts in the middle of text that
 * runs across a page break. */
static char *
strip_page_furniture (const char *flat,
                      guint       n_pages,
                      const char *row_title)
{
  const char *repeated[] = {
    "华东精密机械（苏州）有限公司·数字化转型成熟度评估报告",
    "20260314",
    "保密·远见数字化咨询FarsightConsulting",
    "题目（续）答案备注",
    "题目答案备注",
  };
  g_autoptr(GString) text = g_string_new (flat);

  /* A row split across pages repeats its first cell on each. */
  if (row_title != NULL)
    {
      g_autofree char *title = normalize (row_title);

      g_string_replace (text, title, "", 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (repeated); i++)
    g_string_replace (text, repeated[i], "", 0);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *label = g_strdup_printf ("第%u页/共%u页", p, n_pages);

      g_string_replace (text, label, "", 0);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
write_report (ReportFixture       *fixture,
              const char          *dir,
              const char          *name,
              SihuaLanguage        language,
              SihuaReportSections  sections,
              SihuaReportStats    *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 15, 10, 0, 0);
  char *path = g_build_filename (dir, name, NULL);
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = language;
  options.sections = sections;
  options.firm = "远见数字化咨询 Farsight Consulting";
  options.created = created;

  sihua_report_write (fixture->results, &options, path, stats, &error);
  g_assert_no_error (error);

  /* SIHUA_TEST_KEEP_PDF=DIR keeps a copy to look at. */
  if (g_getenv ("SIHUA_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SIHUA_TEST_KEEP_PDF"), name, NULL);
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) target = g_file_new_for_path (copy);

      g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  return path;
}

static void
test_full_report_zh (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  ReportFixture *fixture = new_fixture (0);
  SihuaReportStats stats;
  g_autofree char *path = write_report (fixture, dir, "report.pdf", SIHUA_LANGUAGE_ZH_CN,
                                        SIHUA_REPORT_SECTIONS_ALL, &stats);
  g_autofree char *text = pdf_text (path);
  g_autofree char *flat = normalize (text);
  g_autofree char *outline = pdf_outline (path);
  GPtrArray *questions = sihua_model_get_questions (fixture->model);
  guint n_pages = pdf_n_pages (path);
  guint n_checked = 0;
  struct stat st;

  g_assert_cmpuint (n_pages, ==, stats.n_pages);
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (n_pages, <=, 30);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 300 * 1024);

  g_assert_cmpuint (pdf_assert_fonts_embedded (path), ==, 1);
  pdf_assert_qpdf_clean (path);
  pdf_assert_poppler_quiet (path);
  pdf_assert_fonts_map_to_unicode (path);

  /* The company name and every stage name come out as text. */
  assert_text_contains (flat, fixture->company->name);
  for (guint level = 0; level < sihua_model_get_n_levels (fixture->model); level++)
    assert_text_contains (flat, sihua_model_get_level (fixture->model, level)->name.zh_cn);

  /* Every answer and note of the questionnaire is in the appendix, exactly. */
  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);
      SihuaAnswer *answer = g_hash_table_lookup (fixture->answers, question->id);
      g_autofree char *described = sihua_answer_value_describe (answer->value, question, fixture->model,
                                                                SIHUA_LANGUAGE_ZH_CN);

      assert_text_contains (flat, question->text.zh_cn);
      assert_text_contains (flat, described);
      if (answer->note != NULL)
        assert_text_contains (flat, answer->note);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 50);
  assert_text_contains (flat, "设备台账 2026 版；DNC 服务器截图");

  /* Sections start on the pages the outline points to; the summary is one
   * page, the guide follows it. */
  g_assert_cmpuint (stats.page_summary, ==, 2);
  g_assert_nonnull (strstr (outline, "管理摘要@2\n"));
  g_assert_nonnull (strstr (outline, "报告阅读说明@3\n"));
  {
    g_autofree char *expected = g_strdup_printf ("分维度结果@%u\n", stats.page_dimensions);
    g_autofree char *appendix = g_strdup_printf ("附录：完整问卷@%u\n", stats.page_appendix);

    g_assert_nonnull (strstr (outline, expected));
    g_assert_nonnull (strstr (outline, appendix));
  }

  /* Page X of Y on every page after the cover, not on the cover. */
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *page_text = pdf_page_text (path, p);
      g_autofree char *label = g_strdup_printf ("第 %u 页 / 共 %u 页", p, n_pages);

      g_assert_true (contains_ignoring_white (page_text, label) == (p > 1));
    }

  {
    g_autofree char *info = pdf_run_tool ("pdfinfo", path, NULL);

    g_assert_nonnull (strstr (info, "数字化转型成熟度评估报告"));
    g_assert_nonnull (strstr (info, "王晓明"));
  }

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

static void
test_full_report_en (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  ReportFixture *fixture = new_fixture (0);
  SihuaReportStats stats;
  g_autofree char *path = write_report (fixture, dir, "report-en.pdf", SIHUA_LANGUAGE_EN,
                                        SIHUA_REPORT_SECTIONS_ALL, &stats);
  g_autofree char *text = pdf_text (path);
  g_autofree char *flat = normalize (text);
  g_autofree char *outline = pdf_outline (path);
  GPtrArray *questions = sihua_model_get_questions (fixture->model);

  pdf_assert_fonts_embedded (path);
  pdf_assert_qpdf_clean (path);
  pdf_assert_poppler_quiet (path);
  pdf_assert_fonts_map_to_unicode (path);
  assert_text_contains (flat, "Digital Transformation Maturity Assessment Report");
  assert_text_contains (flat, fixture->company->name);
  for (guint level = 0; level < sihua_model_get_n_levels (fixture->model); level++)
    assert_text_contains (flat, sihua_model_get_level (fixture->model, level)->name.en);
  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);

      assert_text_contains (flat, question->text.en);
    }
  g_assert_nonnull (strstr (outline, "Executive summary@2\n"));
  g_assert_nonnull (strstr (outline, "How to read this report@3\n"));
  for (guint p = 2; p <= stats.n_pages; p++)
    {
      g_autofree char *page_text = pdf_page_text (path, p);
      g_autofree char *label = g_strdup_printf ("Page %u of %u", p, stats.n_pages);

      g_assert_true (contains_ignoring_white (page_text, label));
    }

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

static void
test_long_note (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  ReportFixture *fixture = new_fixture (100000);
  SihuaReportStats stats;
  g_autofree char *path = write_report (fixture, dir, "long.pdf", SIHUA_LANGUAGE_ZH_CN,
                                        SIHUA_REPORT_SECTIONS_ALL, &stats);
  g_autofree char *text = pdf_text (path);
  g_autofree char *flat = normalize (text);
  SihuaAnswer *answer = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, fixture->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((SihuaAnswer *)value)->note != NULL && g_str_has_prefix (((SihuaAnswer *)value)->note, "LONGNOTESTART"))
      answer = value;
  g_assert_nonnull (answer);
  g_assert_cmpuint (g_utf8_strlen (answer->note, -1), >=, 100000);
  /* The note appears twice (its dimension and the appendix), whole. */
  g_assert_cmpuint (count_occurrences (flat, "LONGNOTESTART"), ==, 2);
  g_assert_cmpuint (count_occurrences (flat, "LONGNOTEEND"), ==, 2);
  {
    const SihuaQuestion *question = sihua_model_lookup_question (fixture->model, answer->question_id);
    g_autofree char *title = normalize (question->text.zh_cn);
    g_autofree char *body = strip_page_furniture (flat, stats.n_pages, question->text.zh_cn);

    /* The pages the note runs on say the table goes on, and which
     * question the row belongs to. */
    g_assert_cmpuint (count_occurrences (flat, "题目（续）答案备注"), >, 10);
    g_assert_cmpuint (count_occurrences (flat, title), >, 10);
    assert_text_contains (body, answer->note);
  }
  g_assert_cmpuint (stats.n_pages, >, 40);
  pdf_assert_fonts_embedded (path);
  pdf_assert_qpdf_clean (path);

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

static void
test_sections (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  ReportFixture *fixture = new_fixture (0);
  g_autoptr(GError) error = NULL;
  SihuaReportSections sections = 0;
  SihuaReportStats stats;
  g_autofree char *path = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *first = NULL;

  g_assert_true (sihua_report_sections_parse ("summary, roadmap", &sections, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sections, ==, SIHUA_REPORT_SECTION_SUMMARY | SIHUA_REPORT_SECTION_ROADMAP);
  g_assert_false (sihua_report_sections_parse ("summary,charts", &sections, &error));
  g_assert_error (error, SIHUA_REPORT_ERROR, SIHUA_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "charts"));
  g_clear_error (&error);

  path = write_report (fixture, dir, "part.pdf", SIHUA_LANGUAGE_ZH_CN,
                       SIHUA_REPORT_SECTION_SUMMARY | SIHUA_REPORT_SECTION_ROADMAP, &stats);
  outline = pdf_outline (path);
  g_assert_true (g_str_has_prefix (outline, "管理摘要@1\n改进路线图@2\n"));
  g_assert_null (strstr (outline, "附录"));
  /* Without a cover the first page has its header and footer. */
  first = pdf_page_text (path, 1);
  g_assert_true (contains_ignoring_white (first, "第 1 页"));

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

/* The build's catalogue (po/zh_CN.po compiled into <build>/po), the one
 * the programs bind in main(). */
static const char *
catalog_root (void)
{
  const char *dir = g_getenv ("SIHUA_LOCALEDIR");

  g_assert_nonnull (dir);
  return dir;
}

/* The report's language is chosen per export, whatever the interface
 * speaks. */
static void
test_language_independent_of_locale (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *mo = g_build_filename (catalog_root (), "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  ReportFixture *fixture = new_fixture (0);
  g_autofree char *zh_path = NULL;
  g_autofree char *en_path = NULL;
  g_autofree char *zh_text = NULL;
  g_autofree char *en_text = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SihuaReportCatalog) catalog = sihua_report_catalog_new_from_mo (mo, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sihua_report_catalog_get (catalog, "Executive summary"), ==, "管理摘要");
    g_assert_cmpstr (sihua_report_catalog_get (catalog, "No such string"), ==, "No such string");
  }

  /* Interface in English, report in Chinese. */
  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
  g_setenv ("LANGUAGE", "en_US", TRUE);
  zh_path = write_report (fixture, dir, "zh.pdf", SIHUA_LANGUAGE_ZH_CN, SIHUA_REPORT_SECTIONS_ALL, NULL);
  zh_text = pdf_text (zh_path);
  g_assert_true (contains_ignoring_white (zh_text, "数字化转型成熟度评估报告"));
  g_assert_true (contains_ignoring_white (zh_text, "管理摘要"));
  g_assert_true (contains_ignoring_white (zh_text, "第 2 页"));
  g_assert_null (strstr (zh_text, "Executive summary"));

  /* Interface in Chinese, report in English. */
  g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  en_path = write_report (fixture, dir, "en.pdf", SIHUA_LANGUAGE_EN, SIHUA_REPORT_SECTIONS_ALL, NULL);
  en_text = pdf_text (en_path);
  g_assert_true (contains_ignoring_white (en_text, "Executive summary"));
  g_assert_true (contains_ignoring_white (en_text, "Page 2 of"));
  g_assert_null (strstr (en_text, "管理摘要"));

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

static void
test_missing_font_no_file (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "never.pdf", NULL);
  ReportFixture *fixture = new_fixture (0);
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  g_setenv ("SIHUA_REPORT_FONT", "/nonexistent/wqy.ttc", TRUE);
  g_assert_false (sihua_report_write (fixture->results, &options, path, NULL, &error));
  g_unsetenv ("SIHUA_REPORT_FONT");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

/* The firm's logo is drawn on the cover; one that cannot be read is left
 * out without costing the report. */
static void
test_logo (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *logo = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *path = g_build_filename (dir, "logo.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-logo.pdf", NULL);
  ReportFixture *fixture = new_fixture (0);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 40);
  cairo_t *cr = cairo_create (surface);
  SihuaReportOptions options;
  g_autofree char *images = NULL;

  cairo_set_source_rgb (cr, 0.0, 0.45, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  sihua_report_options_init (&options);
  options.sections = SIHUA_REPORT_SECTION_COVER;
  options.logo = logo;
  g_assert_true (sihua_report_write (fixture->results, &options, path, NULL, &error));
  g_assert_no_error (error);
  images = pdf_run_tool ("pdfimages", "-list", path, NULL);
  g_assert_cmpuint (count_occurrences (images, " image "), >=, 1);

  options.logo = "/nonexistent/logo.png";
  g_assert_true (sihua_report_write (fixture->results, &options, missing_path, NULL, &error));
  g_assert_no_error (error);
  pdf_assert_qpdf_clean (missing_path);

  report_fixture_free (fixture);
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, catalog_root ());

  g_test_add_func ("/pdf-report/full-zh", test_full_report_zh);
  g_test_add_func ("/pdf-report/full-en", test_full_report_en);
  g_test_add_func ("/pdf-report/long-note", test_long_note);
  g_test_add_func ("/pdf-report/sections", test_sections);
  g_test_add_func ("/pdf-report/language-independent-of-locale", test_language_independent_of_locale);
  g_test_add_func ("/pdf-report/missing-font", test_missing_font_no_file);
  g_test_add_func ("/pdf-report/logo", test_logo);

  return g_test_run ();
}
