/* test-pdf-document.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sihua-pdf-document.h"
#include "sihua-test-utils.h"
#include "test-pdf-util.h"

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  return g_strdup_printf ("第 %u 页 / 共 %u 页", page, n_pages);
}

static SihuaPdfDocument *
new_document (SihuaPdfFont *font)
{
  SihuaPdfDocument *doc = sihua_pdf_document_new (font);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 9, 30, 0);

  sihua_pdf_document_set_info (doc, "测试报告 Test report", "顾问 Consultant", "Subject 主题", date);
  sihua_pdf_document_set_header (doc, "华东精密机械有限公司", "2026-03-14");
  sihua_pdf_document_set_footer (doc, "机密 Confidential", page_label, NULL);

  return doc;
}

static void
test_table_split (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaPdfFont) font = sihua_pdf_font_new_default (&error);
  g_autoptr(SihuaPdfDocument) doc = NULL;
  g_autoptr(SihuaPdfTable) table = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "table.pdf", NULL);
  const char *header[] = { "编号 No.", "措施 Action", "周期 Horizon" };
  const double widths[] = { 1, 5, 2 };
  const SihuaPdfColor accent = sihua_pdf_color_from_hex (0x009e73);
  guint n_pages;
  guint previous_row = 0;

  g_assert_no_error (error);
  doc = new_document (font);
  sihua_pdf_document_set_page_plain (doc);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_TITLE, "封面 Cover");
  sihua_pdf_document_add_section (doc, "路线图 Roadmap");

  table = sihua_pdf_table_new (3, widths);
  sihua_pdf_table_set_header (table, header);
  for (guint r = 1; r <= 120; r++)
    {
      g_autofree char *number = g_strdup_printf ("R%03u", r);
      g_autofree char *action = g_strdup_printf ("为第 %u 条产线部署数据采集网关，并把设备状态接入 MES（row %u）。", r, r);
      const char *cells[] = { number, action, r % 3 ? "0–6 个月" : "6–18 months" };

      sihua_pdf_table_add_row (table, cells, r % 2 ? &accent : NULL);
    }
  sihua_pdf_document_add_table (doc, table);
  sihua_pdf_document_save (doc, path, &error);
  g_assert_no_error (error);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, ==, sihua_pdf_document_get_n_pages (doc));

  for (guint p = 2; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_page_text (path, p);
      g_autofree char *label = page_label (p, n_pages, NULL);
      const char *row;

      /* The header row is repeated on every page the table runs onto. */
      g_assert_cmpuint (count_occurrences (text, "措施 Action"), ==, 1);
      g_assert_true (contains_ignoring_white (text, label));
      g_assert_nonnull (strstr (text, "华东精密机械有限公司"));

      /* Rows continue in order, none lost, none doubled. */
      for (row = strstr (text, "(row "); row == NULL ? FALSE : TRUE; row = strstr (row + 1, "(row "))
        ;
      for (const char *p2 = strstr (text, "R"); p2 != NULL; p2 = strstr (p2 + 1, "R"))
        if (g_ascii_isdigit (p2[1]) && g_ascii_isdigit (p2[2]) && g_ascii_isdigit (p2[3]))
          {
            guint number = (guint)g_ascii_strtoull (p2 + 1, NULL, 10);

            g_assert_cmpuint (number, ==, previous_row + 1);
            previous_row = number;
          }
    }
  g_assert_cmpuint (previous_row, ==, 120);

  {
    /* The cover has no header nor footer. */
    g_autofree char *cover = pdf_page_text (path, 1);

    g_assert_null (strstr (cover, "页 /"));
    g_assert_null (strstr (cover, "华东精密机械有限公司"));
  }

  pdf_assert_fonts_embedded (path);
  pdf_assert_qpdf_clean (path);
  sihua_test_remove_tree (dir);
}

static void
test_tall_row_and_page_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaPdfFont) font = sihua_pdf_font_new_default (&error);
  g_autoptr(SihuaPdfDocument) doc = NULL;
  g_autoptr(SihuaPdfTable) table = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tall.pdf", NULL);
  g_autofree char *all = NULL;
  g_autofree char *outline = NULL;
  const char *header[] = { "问题 Question", "备注 Note" };
  guint n_pages;

  g_assert_no_error (error);
  /* A note of 20 000 characters is taller than many pages: the row is split
   * at line boundaries, the header repeated. */
  for (guint i = 0; g_utf8_strlen (note->str, -1) < 20000; i++)
    g_string_append_printf (note, "备注第%u句：现场核实了设备台账，mixed text %u。", i, i);
  g_string_append (note, "ENDOFNOTE");

  doc = new_document (font);
  sihua_pdf_document_add_section (doc, "附录 Appendix");
  sihua_pdf_document_add_heading (doc, SIHUA_PDF_STYLE_SUBHEADING, "问卷 Questionnaire", TRUE);
  table = sihua_pdf_table_new (2, (const double[]) { 1, 3 });
  sihua_pdf_table_set_header (table, header);
  sihua_pdf_table_add_row (table, (const char *[]) { "Q1 生产计划", note->str }, NULL);
  sihua_pdf_table_add_row (table, (const char *[]) { "Q2 质量", "AFTERTHENOTE" }, NULL);
  sihua_pdf_document_add_table (doc, table);
  sihua_pdf_document_add_section (doc, "签字 Signatures");
  sihua_pdf_document_save (doc, path, &error);
  g_assert_no_error (error);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >, 5);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_page_text (path, p);
      g_autofree char *label = page_label (p, n_pages, NULL);

      g_assert_true (contains_ignoring_white (text, label));
      if (p < n_pages)
        g_assert_nonnull (strstr (text, "备注 Note"));
    }

  all = pdf_text (path);
  g_assert_cmpuint (count_occurrences (all, "ENDOFNOTE"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "AFTERTHENOTE"), ==, 1);
  g_assert_true (strstr (all, "ENDOFNOTE") < strstr (all, "AFTERTHENOTE"));

  outline = pdf_outline (path);
  {
    g_autofree char *expected = g_strdup_printf ("附录 Appendix@1\n  问卷 Questionnaire@1\n签字 Signatures@%u\n",
                                                 n_pages);

    g_assert_cmpstr (outline, ==, expected);
  }

  {
    g_autofree char *info = pdf_run_tool ("pdfinfo", path, NULL);

    g_assert_nonnull (strstr (info, "测试报告 Test report"));
    g_assert_nonnull (strstr (info, "顾问 Consultant"));
    g_assert_nonnull (strstr (info, "Subject 主题"));
    g_assert_nonnull (strstr (info, "2026"));
  }

  pdf_assert_qpdf_clean (path);
  sihua_test_remove_tree (dir);
}

static void
test_no_partial_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaPdfFont) font = sihua_pdf_font_new_default (&error);
  g_autoptr(SihuaPdfDocument) doc = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing-dir", "out.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "good.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_no_error (error);
  doc = new_document (font);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY, "正文 body");

  g_assert_false (sihua_pdf_document_save (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A good save leaves exactly the one file behind, no temporary. */
  g_assert_true (sihua_pdf_document_save (doc, good, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (name, ==, "good.pdf");
  sihua_test_remove_tree (dir);
}

/* Characters the font lacks are replaced by look-alikes or a white square,
 * never dropped silently; emoji and control characters cannot break the
 * PDF. */
static void
test_missing_glyphs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaPdfFont) font = sihua_pdf_font_new_default (&error);
  g_autoptr(SihuaPdfDocument) doc = NULL;
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "glyphs.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  doc = new_document (font);
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    "A\u2022B C\u2212D E\U0001F600F G\x01H 设备\u00a0台账\tend");
  sihua_pdf_document_save (doc, path, &error);
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "A\u00b7B"));
  g_assert_nonnull (strstr (text, "C-D"));
  g_assert_nonnull (strstr (text, "E\u25a1F"));
  g_assert_nonnull (strstr (text, "GH"));
  g_assert_true (contains_ignoring_white (text, "设备台账end"));
  pdf_assert_qpdf_clean (path);
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-document/table-split", test_table_split);
  g_test_add_func ("/pdf-document/tall-row-page-labels", test_tall_row_and_page_labels);
  g_test_add_func ("/pdf-document/no-partial-file", test_no_partial_file);
  g_test_add_func ("/pdf-document/missing-glyphs", test_missing_glyphs);

  return g_test_run ();
}
