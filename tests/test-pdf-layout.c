/* test-pdf-layout.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <string.h>

#include "sihua-line-breaks.h"
#include "sihua-pdf-font.h"
#include "sihua-test-utils.h"
#include "sihua-text-layout.h"

static SihuaPdfFont *font;

static const char mixed[] =
  "数字化转型不是买几套软件，而是让数据在设计、生产、质量和销售之间流动起来。"
  "企业已上线 ERP（用友 U8）和 MES 系统，但设备联网率只有 35%，"
  "质量数据仍靠纸质记录再录入 Excel；“小快轻准”的 SaaS 方案可以先解决排产问题。"
  "Next, connect the CNC machines to an IIoT gateway so that OEE is measured automatically, "
  "not estimated by the shift leader at the end of the day。";

typedef struct
{
  char  *text;
  double width;
} Line;

static GArray *
break_text (const char *text,
            double      size,
            double      max_width,
            GPtrArray **texts)
{
  GArray *lines = sihua_text_layout_break (font, size, text, max_width);

  *texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaTextLine *line = &g_array_index (lines, SihuaTextLine, i);

      g_ptr_array_add (*texts, g_strndup (text + line->start, line->length));
    }

  return lines;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* The rules every broken paragraph obeys, whatever the width. */
static void
check_rules (const char *text,
             double      size,
             double      max_width)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) lines = break_text (text, size, max_width, &texts);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *expected = strip_spaces (text);
  g_autofree char *got = NULL;

  g_assert_cmpuint (lines->len, >=, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const SihuaTextLine *line = &g_array_index (lines, SihuaTextLine, i);
      const char *line_text = g_ptr_array_index (texts, i);
      gunichar first, last;

      g_string_append (joined, line_text);
      if (*line_text == '\0')
        continue;

      /* No glyph crosses the margin (a single glyph per line is allowed). */
      if (g_utf8_strlen (line_text, -1) > 1)
        g_assert_cmpfloat (line->width, <=, max_width + 1e-6);
      /* The width is what the font says. */
      g_assert_cmpfloat_with_epsilon (line->width,
                                      sihua_pdf_font_text_width (font, line_text, -1, size), 1e-6);

      first = g_utf8_get_char (line_text);
      last = g_utf8_get_char (g_utf8_find_prev_char (line_text, line_text + strlen (line_text)));
      if (i > 0 && g_utf8_strlen (line_text, -1) > 1)
        g_assert_false (sihua_line_breaks_is_no_start (first));
      if (i + 1 < lines->len && g_utf8_strlen (line_text, -1) > 1)
        g_assert_false (sihua_line_breaks_is_no_end (last));
      g_assert_false (g_unichar_isspace (first));
      g_assert_false (g_unichar_isspace (last));
    }

  /* Nothing is lost or doubled. */
  got = strip_spaces (joined->str);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_kinsoku (void)
{
  /* Every width from 3 to 40 characters puts some punctuation at a margin. */
  for (double width = 30.0; width < 400.0; width += 3.7)
    check_rules (mixed, 10.0, width);
}

static void
test_kinsoku_specific (void)
{
  /* 10 characters of 10 pt fit exactly; the 11th is 。, which may not start
   * the next line, so the 10th character goes down with it. */
  const char *text = "一二三四五六七八九十。十一";
  double em = sihua_pdf_font_char_width (font, 0x4e00, 10.0);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) lines = break_text (text, 10.0, em * 10, &texts);

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "一二三四五六七八九");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "十。十一");

  /* An opening bracket never ends a line: （ moves down with what it opens. */
  {
    g_autoptr(GPtrArray) texts2 = NULL;
    g_autoptr(GArray) lines2 = break_text ("一二三四五六七八九（十）", 10.0, em * 10, &texts2);

    g_assert_cmpuint (lines2->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (texts2, 0), ==, "一二三四五六七八九");
    g_assert_cmpstr (g_ptr_array_index (texts2, 1), ==, "（十）");
  }
}

static void
test_latin_words_kept (void)
{
  const char *text = "The assessment covers production planning, quality inspection and maintenance.";
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) lines = break_text (text, 10.0, 120.0, &texts);
  const char *words[] = { "assessment", "production", "planning,", "quality", "inspection", "maintenance." };

  g_assert_cmpuint (lines->len, >, 2);
  /* Words that fit a line are never cut. */
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < texts->len; i++)
        found |= strstr (g_ptr_array_index (texts, i), words[w]) != NULL;
      g_assert_true (found);
    }
  check_rules (text, 10.0, 120.0);
}

static void
test_long_word (void)
{
  const char *text = "见 https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all/index.html 页面";
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) lines = break_text ("Supercalifragilisticexpialidocious", 10.0, 50.0, &texts);

  /* A word wider than the column is cut between characters. */
  g_assert_cmpuint (lines->len, >, 1);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpfloat (g_array_index (lines, SihuaTextLine, i).width, <=, 50.0);
  check_rules ("Supercalifragilisticexpialidocious", 10.0, 50.0);
  check_rules (text, 9.0, 80.0);
  /* A column narrower than one character still makes progress. */
  check_rules ("数字化", 10.0, 2.0);
}

static void
test_newlines_and_empty (void)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) lines = break_text ("第一行\n\n第三行 third", 10.0, 400.0, &texts);
  g_autoptr(GPtrArray) texts2 = NULL;
  g_autoptr(GArray) empty = break_text ("", 10.0, 400.0, &texts2);

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "第一行");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "第三行 third");
  g_assert_cmpuint (empty->len, ==, 1);
  g_assert_cmpuint (g_array_index (empty, SihuaTextLine, 0).length, ==, 0);
}

/* What layout measures is what libharu (and so the reader) advances. */
static void
test_exact_widths (void)
{
  const char *samples[] = {
    "数字化转型成熟度评估报告",
    "Digital Transformation Maturity Assessment Report",
    mixed,
    "第 12 页 / 共 15 页 — 0123456789 %‰℃（）《》「」",
  };
  g_autofree char *dir = sihua_test_make_tmpdir ();
  HPDF_Doc pdf = HPDF_New (NULL, NULL);
  g_autoptr(GError) error = NULL;
  HPDF_Font hpdf_font;
  HPDF_Page page;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    sihua_pdf_font_add_text (font, samples[i]);
  hpdf_font = sihua_pdf_font_embed (font, pdf, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hpdf_font);
  /* The subset is small: a few hundred glyphs, not the 20 000 of the font. */
  g_assert_cmpuint (sihua_pdf_font_get_embedded_size (font), <, 200 * 1024);

  page = HPDF_AddPage (pdf);
  for (double size = 7.5; size < 30; size += 4.25)
    {
      HPDF_Page_SetFontAndSize (page, hpdf_font, size);
      for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
        g_assert_cmpfloat_with_epsilon (HPDF_Page_TextWidth (page, samples[i]),
                                        sihua_pdf_font_text_width (font, samples[i], -1, size),
                                        0.01);
    }

  HPDF_Free (pdf);
  sihua_test_remove_tree (dir);
}

static void
test_missing_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaPdfFont) missing = sihua_pdf_font_new ("/nonexistent/font.ttc", 0, &error);

  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  font = sihua_pdf_font_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/pdf-layout/kinsoku", test_kinsoku);
  g_test_add_func ("/pdf-layout/kinsoku-specific", test_kinsoku_specific);
  g_test_add_func ("/pdf-layout/latin-words-kept", test_latin_words_kept);
  g_test_add_func ("/pdf-layout/long-word", test_long_word);
  g_test_add_func ("/pdf-layout/newlines", test_newlines_and_empty);
  g_test_add_func ("/pdf-layout/exact-widths", test_exact_widths);
  g_test_add_func ("/pdf-layout/missing-font", test_missing_font);

  status = g_test_run ();
  sihua_pdf_font_free (font);

  return status;
}
