/* test-charts.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <libintl.h>
#include <math.h>
#include <string.h>

#include "sihua-answer.h"
#include "sihua-cairo-painter.h"
#include "sihua-chart.h"
#include "sihua-chart-private.h"
#include "sihua-line-breaks.h"
#include "sihua-model-catalog.h"
#include "sihua-pdf-painter.h"
#include "sihua-report-font.h"
#include "sihua-scoring.h"
#include "sihua-test-utils.h"
#include "sihua-text.h"

/* A pixel differs when a channel moves by more than this... */
#define PIXEL_THRESHOLD 40
/* ...and an image matches its reference while at most this share of its
 * pixels differ (antialiasing and font versions move a few edges). */
#define MAX_DIFFERING_SHARE 0.004

#define REFERENCE_WIDTH 800
#define REFERENCE_HEIGHT 560

typedef struct
{
  SihuaChartKind kind;
  SihuaLanguage  language;
} ReferenceCase;

static SihuaChartData *
load_fixture (const char    *name,
              SihuaLanguage  language)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  SihuaChartData *data = sihua_chart_data_new_from_file (path, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);

  return data;
}

typedef struct
{
  SihuaChartKind        kind;
  const SihuaChartData *data;
} DrawJob;

static void
draw_job (SihuaPainter *painter,
          double        width,
          double        height,
          gpointer      user_data)
{
  DrawJob *job = user_data;

  sihua_chart_draw (job->kind, job->data, painter, sihua_palette_get (SIHUA_PALETTE_LIGHT),
                    width, height, SIHUA_CHART_FLAGS_BACKGROUND);
}

/* Counts pixels whose colour differs noticeably between two images. */
static double
differing_share (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a);
  int stride_b = cairo_image_surface_get_stride (b);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint64 differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *ca = pa + y * stride_a + x * 4;
        const guchar *cb = pb + y * stride_b + x * 4;

        for (int c = 0; c < 4; c++)
          if (ABS ((int)ca[c] - (int)cb[c]) > PIXEL_THRESHOLD)
            {
              differing++;
              break;
            }
      }

  return (double)differing / ((double)width * height);
}

static void
test_reference (gconstpointer user_data)
{
  const ReferenceCase *rc = user_data;
  g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", rc->language);
  g_autofree char *name = g_strdup_printf ("%s-%s.png", sihua_chart_kind_to_string (rc->kind),
                                           sihua_language_to_string (rc->language));
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "reference", "charts", name, NULL);
  DrawJob job = { rc->kind, data };
  cairo_surface_t *actual;
  cairo_surface_t *expected;
  cairo_surface_t *expected_argb;
  cairo_t *cr;
  double share;

  actual = sihua_cairo_render_surface (REFERENCE_WIDTH, REFERENCE_HEIGHT, draw_job, &job);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, REFERENCE_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, REFERENCE_HEIGHT);

  if (g_strcmp0 (g_getenv ("SIHUA_UPDATE_REFERENCES"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("updated %s", reference);
    }

  expected = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (expected);
      cairo_surface_destroy (actual);
      g_test_fail_printf ("no reference image %s (run with SIHUA_UPDATE_REFERENCES=1)", reference);
      return;
    }

  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, REFERENCE_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, REFERENCE_HEIGHT);

  /* References may come back as RGB24; compare in one format. */
  expected_argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, REFERENCE_WIDTH, REFERENCE_HEIGHT);
  cr = cairo_create (expected_argb);
  cairo_set_source_surface (cr, expected, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (expected_argb);

  share = differing_share (actual, expected_argb);
  if (share > MAX_DIFFERING_SHARE)
    {
      g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (actual, tmp);
      g_test_fail_printf ("%s differs from its reference in %.2f%% of pixels (at most %.2f%% allowed); "
                          "this rendering is in %s", name, share * 100, MAX_DIFFERING_SHARE * 100, tmp);
    }

  cairo_surface_destroy (expected_argb);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

/* The comparison itself must notice a changed chart. */
static void
test_reference_detects_change (void)
{
  g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", SIHUA_LANGUAGE_ZH_CN);
  g_autoptr(SihuaChartData) changed = load_fixture ("chart-data.json", SIHUA_LANGUAGE_ZH_CN);
  DrawJob job = { SIHUA_CHART_BARS, data };
  DrawJob changed_job = { SIHUA_CHART_BARS, changed };
  cairo_surface_t *a, *b;

  ((SihuaChartDimension *)g_ptr_array_index (changed->dimensions, 0))->score = 90;
  ((SihuaChartDimension *)g_ptr_array_index (changed->dimensions, 0))->stage = 3;

  a = sihua_cairo_render_surface (REFERENCE_WIDTH, REFERENCE_HEIGHT, draw_job, &job);
  b = sihua_cairo_render_surface (REFERENCE_WIDTH, REFERENCE_HEIGHT, draw_job, &changed_job);
  g_assert_cmpfloat (differing_share (a, a), ==, 0);
  g_assert_cmpfloat (differing_share (a, b), >, MAX_DIFFERING_SHARE);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static gboolean
labels_overlap (const SihuaRadarLabel *a,
                const SihuaRadarLabel *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_radar_layout (const SihuaChartData *data,
                    int                   width,
                    int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SihuaPainter) painter = sihua_cairo_painter_new (cr);
  g_autoptr(SihuaRadarLayout) layout = sihua_radar_layout_new (data, painter, width, height);

  g_assert_cmpuint (layout->n_labels, ==, data->dimensions->len);
  g_assert_cmpfloat (layout->radius, >, MIN (width, height) * 0.2);
  g_assert_cmpfloat (layout->font_size, >=, 6.5);

  for (guint i = 0; i < layout->n_labels; i++)
    {
      const SihuaRadarLabel *label = &layout->labels[i];
      double dx = MAX (MAX (label->x - layout->center_x, 0), layout->center_x - (label->x + label->width));
      double dy = MAX (MAX (label->y - layout->center_y, 0), layout->center_y - (label->y + label->height));

      g_assert_nonnull (label->lines);
      g_assert_nonnull (label->lines[0]);
      /* Inside the canvas... */
      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->y, >=, 0);
      g_assert_cmpfloat (label->x + label->width, <=, width);
      g_assert_cmpfloat (label->y + label->height, <=, layout->legend_y);
      /* ...clear of the web... */
      g_assert_cmpfloat (sqrt (dx * dx + dy * dy), >=, layout->radius);
      /* ...and of every other label. */
      for (guint j = i + 1; j < layout->n_labels; j++)
        if (labels_overlap (label, &layout->labels[j]))
          g_error ("%dx%d: radar labels %u (%s) and %u (%s) overlap", width, height,
                   i, label->lines[0], j, layout->labels[j].lines[0]);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_radar_layout (void)
{
  const int sizes[][2] = { { 800, 560 }, { 640, 400 }, { 480, 320 }, { 1600, 1120 }, { 420, 420 } };
  const char *fixtures[] = { "chart-data.json", "chart-data-small.json" };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
      {
        g_autoptr(SihuaChartData) data = load_fixture (fixtures[f], language);

        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          check_radar_layout (data, sizes[s][0], sizes[s][1]);
      }
}

/* Labels far longer than any model's still end up placed, shortened. */
/* Labels follow the PDF's punctuation rule: Pango alone would end a line
 * with "#" (opening) before "数字化", which the report never does. */
static void
test_wrap_punctuation (void)
{
  static const char * const labels[] = {
    "标签#数字化转型第一步",
    "设备联网（SCADA）与数据采集、分析",
    "管理¥成本核算与财务共享中心",
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SihuaPainter) painter = sihua_cairo_painter_new (cr);
  guint checked = 0;

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    for (double width = 20; width <= 200; width += 2)
      {
        g_auto(GStrv) lines = _sihua_chart_wrap (painter, labels[l], 10, width, 6);
        guint n = g_strv_length (lines);

        for (guint i = 0; i < n; i++)
          {
            const char *line = lines[i];
            gunichar first, last;

            if (g_utf8_strlen (line, -1) < 2 || g_str_has_suffix (line, "…"))
              continue;
            first = g_utf8_get_char (line);
            last = g_utf8_get_char (g_utf8_find_prev_char (line, line + strlen (line)));
            if (i > 0)
              g_assert_false (sihua_line_breaks_is_no_start (first));
            if (i + 1 < n)
              g_assert_false (sihua_line_breaks_is_no_end (last));
            checked++;
          }
      }
  g_assert_cmpuint (checked, >, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_radar_layout_long_labels (void)
{
  g_autoptr(SihuaChartData) data = sihua_chart_data_new (SIHUA_LANGUAGE_EN);

  for (guint i = 0; i < 12; i++)
    sihua_chart_data_add_dimension (data, "An unusually long dimension title that no chart could ever show in full",
                                    10 + i * 7);
  check_radar_layout (data, 640, 420);
}

/* A painter that measures with Cairo and records where text goes. */
typedef struct
{
  SihuaPainter  parent;
  SihuaPainter *measure;
  GArray       *boxes;   /* TextBox */
  GPtrArray    *texts;
} RecordingPainter;

typedef struct
{
  double x, y, width, height;
} TextBox;

static void rec_noop_xy (SihuaPainter *p, double x, double y) { }
static void rec_noop_curve (SihuaPainter *p, double a, double b, double c, double d, double e, double f) { }
static void rec_noop (SihuaPainter *p) { }
static void rec_noop_rect (SihuaPainter *p, double x, double y, double w, double h) { }
static void rec_noop_bool (SihuaPainter *p, gboolean b) { }
static void rec_noop_color (SihuaPainter *p, const SihuaColor *c) { }
static void rec_noop_double (SihuaPainter *p, double d) { }
static void rec_noop_dash (SihuaPainter *p, const double *d, guint n) { }

static void
rec_measure (SihuaPainter     *painter,
             const char       *text,
             double            size,
             SihuaTextExtents *extents)
{
  sihua_painter_measure_text (((RecordingPainter *)painter)->measure, text, size, extents);
}

static void
rec_draw_text (SihuaPainter   *painter,
               double          x,
               double          baseline,
               const char     *text,
               double          size,
               SihuaTextAlign  align)
{
  RecordingPainter *self = (RecordingPainter *)painter;
  SihuaTextExtents extents;
  TextBox box;

  rec_measure (painter, text, size, &extents);
  if (align == SIHUA_TEXT_ALIGN_CENTER)
    x -= extents.width / 2;
  else if (align == SIHUA_TEXT_ALIGN_RIGHT)
    x -= extents.width;

  /* The glyphs' body, not the line's leading. */
  box = (TextBox) { x, baseline - extents.ascent * 0.8, extents.width, extents.ascent * 0.8 + extents.descent * 0.5 };
  g_array_append_val (self->boxes, box);
  g_ptr_array_add (self->texts, g_strdup (text));
}

static void
rec_free (SihuaPainter *painter)
{
}

static const SihuaPainterVTable recording_vtable = {
  rec_noop_xy, rec_noop_xy, rec_noop_curve, rec_noop, rec_noop_rect, rec_noop_bool, rec_noop_bool,
  rec_noop_color, rec_noop_double, rec_noop_dash, rec_noop, rec_noop, rec_noop_rect,
  rec_draw_text, rec_measure, rec_free,
};

/* Every text of every chart, at sizes from a PDF figure to a large PNG:
 * inside the canvas and clear of every other text. */
static void
test_text_never_collides (void)
{
  const int sizes[][2] = { { 800, 560 }, { 800, 400 }, { 480, 336 }, { 460, 140 }, { 640, 640 }, { 1600, 1000 } };

  for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
    {
      g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", language);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(SihuaPainter) measure = sihua_cairo_painter_new (cr);

      for (SihuaChartKind kind = 0; kind < SIHUA_N_CHART_KINDS; kind++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            RecordingPainter recorder = { { &recording_vtable }, measure, NULL, NULL };
            double width = sizes[s][0], height = sizes[s][1];

            /* The bar chart and heat map need a row per dimension, the
             * radar a roughly square space; a ladder or trend fits a strip. */
            if (kind != SIHUA_CHART_LADDER && kind != SIHUA_CHART_TREND && height < 300)
              continue;

            recorder.boxes = g_array_new (FALSE, FALSE, sizeof (TextBox));
            recorder.texts = g_ptr_array_new_with_free_func (g_free);
            sihua_chart_draw (kind, data, &recorder.parent, sihua_palette_get (SIHUA_PALETTE_LIGHT),
                              width, height, SIHUA_CHART_FLAGS_NONE);
            g_assert_cmpuint (recorder.boxes->len, >, 5);

            for (guint i = 0; i < recorder.boxes->len; i++)
              {
                const TextBox *a = &g_array_index (recorder.boxes, TextBox, i);
                const char *text_a = g_ptr_array_index (recorder.texts, i);

                if (a->x < -0.5 || a->y < -0.5 || a->x + a->width > width + 0.5 || a->y + a->height > height + 0.5)
                  g_error ("%s %s %gx%g: “%s” is cut by the edge", sihua_chart_kind_to_string (kind),
                           sihua_language_to_string (language), width, height, text_a);

                for (guint j = i + 1; j < recorder.boxes->len; j++)
                  {
                    const TextBox *b = &g_array_index (recorder.boxes, TextBox, j);

                    if (a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5 &&
                        a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5)
                      g_error ("%s %s %gx%g: “%s” runs into “%s”", sihua_chart_kind_to_string (kind),
                               sihua_language_to_string (language), width, height, text_a,
                               (char *)g_ptr_array_index (recorder.texts, j));
                  }
              }

            g_array_unref (recorder.boxes);
            g_ptr_array_unref (recorder.texts);
          }

      g_clear_pointer (&measure, sihua_painter_free);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The bars and the trend name the stretch of the score each level is built
 * in: 0–25 the first level up to 75–100 the top one (智能化). */
static void
test_bands_name_top_level (void)
{
  const SihuaChartKind kinds[] = { SIHUA_CHART_BARS, SIHUA_CHART_TREND };

  for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
    {
      g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", language);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(SihuaPainter) measure = sihua_cairo_painter_new (cr);
      const char *top = sihua_chart_data_get_level_name (data, 4);
      const char *first = sihua_chart_data_get_level_name (data, 1);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          RecordingPainter recorder = { { &recording_vtable }, measure, NULL, NULL };
          const TextBox *top_box = NULL;
          const TextBox *first_box = NULL;

          recorder.boxes = g_array_new (FALSE, FALSE, sizeof (TextBox));
          recorder.texts = g_ptr_array_new_with_free_func (g_free);
          sihua_chart_draw (kinds[k], data, &recorder.parent, sihua_palette_get (SIHUA_PALETTE_LIGHT),
                            1600, 1000, SIHUA_CHART_FLAGS_NONE);
          for (guint i = 0; i < recorder.texts->len; i++)
            {
              const char *text = g_ptr_array_index (recorder.texts, i);

              if (g_str_equal (text, top))
                top_box = &g_array_index (recorder.boxes, TextBox, i);
              if (g_str_equal (text, first))
                first_box = &g_array_index (recorder.boxes, TextBox, i);
            }
          if (top_box == NULL || first_box == NULL)
            g_error ("%s %s: the bands do not name “%s” and “%s”", sihua_chart_kind_to_string (kinds[k]),
                     sihua_language_to_string (language), first, top);
          /* The top level's band is the highest values: right of the first
           * level's on the bars, above it on the trend. */
          if (kinds[k] == SIHUA_CHART_BARS)
            g_assert_cmpfloat (top_box->x, >, first_box->x + first_box->width);
          else
            g_assert_cmpfloat (top_box->y + top_box->height, <, first_box->y);

          g_array_unref (recorder.boxes);
          g_ptr_array_unref (recorder.texts);
        }

      g_clear_pointer (&measure, sihua_painter_free);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_png_size (void)
{
  g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", SIHUA_LANGUAGE_EN);
  g_autofree char *dir = sihua_test_make_tmpdir ();
  const int sizes[][2] = { { 800, 560 }, { 333, 217 }, { 1201, 799 } };

  for (SihuaChartKind kind = 0; kind < SIHUA_N_CHART_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *file = g_build_filename (dir, "chart.png", NULL);
        g_autoptr(GError) error = NULL;
        cairo_surface_t *png;

        g_assert_true (sihua_chart_render_png (kind, data, SIHUA_PALETTE_LIGHT, sizes[s][0], sizes[s][1],
                                               file, &error));
        g_assert_no_error (error);
        png = cairo_image_surface_create_from_png (file);
        g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (png), ==, sizes[s][0]);
        g_assert_cmpint (cairo_image_surface_get_height (png), ==, sizes[s][1]);
        cairo_surface_destroy (png);
      }

  sihua_test_remove_tree (dir);
}

static void
pdf_error_handler (HPDF_STATUS   error_no,
                   HPDF_STATUS   detail_no,
                   void         *user_data)
{
  g_error ("libharu error 0x%04X (detail %u)", (guint)error_no, (guint)detail_no);
}

static char *
run_tool (const char *tool,
          const char *file,
          gboolean    to_stdout)
{
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv_text[] = { program, "-enc", "UTF-8", file, "-", NULL };
  const char *argv_fonts[] = { program, file, NULL };
  int status;

  g_assert_nonnull (program);
  status = sihua_test_run (to_stdout ? argv_text : argv_fonts, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);

  return g_steal_pointer (&out);
}

/* Every chart goes into a PDF as vectors with real text in the embedded
 * report font. */
static void
test_pdf (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *font_file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autoptr(GError) error = NULL;
  const char *font_name;
  HPDF_Doc pdf;
  HPDF_Font font;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  if (pdftotext == NULL || pdffonts == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdffonts) is not installed");
      return;
    }

  font_file = sihua_report_font_find_file (&error);
  g_assert_no_error (error);

  pdf = HPDF_New (pdf_error_handler, NULL);
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  font_name = HPDF_LoadTTFontFromFile2 (pdf, font_file, 0, HPDF_TRUE);
  font = HPDF_GetFont (pdf, font_name, "UTF-8");

  for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
    {
      g_autoptr(SihuaChartData) data = load_fixture ("chart-data.json", language);

      for (SihuaChartKind kind = 0; kind < SIHUA_N_CHART_KINDS; kind++)
        {
          HPDF_Page page = HPDF_AddPage (pdf);
          SihuaPainter *painter;

          HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
          painter = sihua_pdf_painter_new (pdf, page, font, 56, 72, 480, 336);
          sihua_chart_draw (kind, data, painter, sihua_palette_get (SIHUA_PALETTE_LIGHT), 480, 336,
                            SIHUA_CHART_FLAGS_NONE);
          sihua_painter_free (painter);
        }
    }

  g_assert_cmpint (HPDF_SaveToFile (pdf, file), ==, HPDF_OK);
  /* SIHUA_CHARTS_PDF=FILE keeps a copy to look at. */
  if (g_getenv ("SIHUA_CHARTS_PDF") != NULL)
    HPDF_SaveToFile (pdf, g_getenv ("SIHUA_CHARTS_PDF"));
  HPDF_Free (pdf);

  text = run_tool ("pdftotext", file, TRUE);
  /* Axis labels, legends, stage names and values in both languages. */
  for (guint i = 0; i < 2; i++)
    {
      static const char * const expected[] = {
        "设备系统", "本次评估", "上次评估", "目标", "信息化", "智能化", "当前所处阶段", "46.5",
        "Equipment", "This assessment", "Informatization", "Intelligentization", "You are here",
        "2025-04", "Questions answered at each level",
      };

      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        if (strstr (text, expected[e]) == NULL)
          g_error ("“%s” is not text in the PDF:\n%s", expected[e], text);
    }

  fonts = run_tool ("pdffonts", file, FALSE);
  g_assert_nonnull (strstr (fonts, "WenQuanYi"));
  /* pdffonts' "emb" column says yes for the embedded font. */
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    gboolean embedded = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "WenQuanYi") != NULL && strstr (lines[i], " yes ") != NULL)
        embedded = TRUE;
    g_assert_true (embedded);
  }

  sihua_test_remove_tree (dir);
}

static void
parse_css_colour (const char *css,
                  int         stage,
                  char        out[8])
{
  g_autofree char *key = g_strdup_printf ("@define-color stage_%d_color ", stage);
  const char *found = strstr (css, key);

  g_assert_nonnull (found);
  memcpy (out, found + strlen (key), 7);
  out[7] = '\0';
}

/* The charts and the app's stylesheet agree on the five colours. */
static void
test_palette_matches_css (void)
{
  g_autofree char *css_file = g_test_build_filename (G_TEST_DIST, "..", "resources", "style.css", NULL);
  g_autofree char *css = NULL;

  g_assert_true (g_file_get_contents (css_file, &css, NULL, NULL));
  for (int stage = 0; stage < SIHUA_N_STAGES; stage++)
    {
      char colour[8];
      g_autofree char *lower = NULL;

      parse_css_colour (css, stage, colour);
      lower = g_ascii_strdown (colour, -1);
      g_assert_cmpstr (lower, ==, sihua_palette_stage_hex (stage));
    }
}

static double
luminance (const SihuaColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* In greyscale print every two stages differ in lightness or in hatch. */
static void
test_palette_greyscale (void)
{
  for (SihuaPaletteVariant v = SIHUA_PALETTE_LIGHT; v <= SIHUA_PALETTE_DARK; v++)
    {
      const SihuaPalette *palette = sihua_palette_get (v);

      for (int i = 0; i < SIHUA_N_STAGES; i++)
        for (int j = i + 1; j < SIHUA_N_STAGES; j++)
          g_assert_true (fabs (luminance (&palette->stage[i]) - luminance (&palette->stage[j])) > 0.1 ||
                         palette->stage_hatch[i] != palette->stage_hatch[j]);
    }
}

static void
test_data_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[]", "must be a JSON object" },
    { "{\"dimensions\": [{\"score\": 10}]}", "dimensions[0] has no label" },
    { "{\"dimensions\": [{\"label\": \"a\", \"score\": 120}]}", "outside 0–100" },
    { "{\"dimensions\": [{\"label\": \"a\", \"score\": \"high\"}]}", "must be a number" },
    { "{\"trend\": [{\"date\": \"last year\", \"index\": 10}]}", "trend[0] needs a date" },
    { "{\"index\": 40, \"stage\": 7}", "the stage must be 0 to 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(SihuaChartData) data = NULL;

      g_assert_true (json_parser_load_from_data (parser, cases[i].json, -1, NULL));
      data = sihua_chart_data_new_from_json (json_parser_get_root (parser), SIHUA_LANGUAGE_EN, &error);
      g_assert_null (data);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” gave “%s”, expected “%s”", cases[i].json, error->message, cases[i].message);
    }
}

static void
test_data_languages (void)
{
  g_autoptr(SihuaChartData) zh = load_fixture ("chart-data.json", SIHUA_LANGUAGE_ZH_CN);
  g_autoptr(SihuaChartData) en = load_fixture ("chart-data.json", SIHUA_LANGUAGE_EN);
  const SihuaChartDimension *unscored = g_ptr_array_index (zh->dimensions, 11);

  g_assert_cmpuint (zh->dimensions->len, ==, 21);
  g_assert_cmpstr (((SihuaChartDimension *)g_ptr_array_index (zh->dimensions, 0))->label, ==, "设备系统");
  g_assert_cmpstr (((SihuaChartDimension *)g_ptr_array_index (en->dimensions, 0))->label, ==, "Equipment");
  g_assert_true (isnan (unscored->score));
  g_assert_cmpint (unscored->stage, ==, -1);
  g_assert_cmpstr (sihua_chart_data_get_level_name (zh, 4), ==, "智能化");
  g_assert_cmpstr (sihua_chart_data_get_level_name (en, 4), ==, "Intelligentization");
  g_assert_cmpstr (sihua_chart_data_get_text (zh, SIHUA_CHART_TEXT_PREVIOUS), ==, "上次评估");
  g_assert_cmpstr (sihua_chart_data_get_text (en, SIHUA_CHART_TEXT_TARGET), ==, "Target");
  g_assert_cmpuint (en->trend->len, ==, 4);
  g_assert_cmpint (sihua_chart_stage_for_score (24.9), ==, 0);
  g_assert_cmpint (sihua_chart_stage_for_score (25), ==, 1);
  g_assert_cmpint (sihua_chart_stage_for_score (100), ==, 4);
}

/* A stored assessment's radar is labelled with the model's short titles,
 * in the chart's language, and none of them is cut. */
static void
test_data_from_score (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (dir);
  SihuaModel *model = sihua_model_catalog_get_default (catalog);
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaScore) score = sihua_scoring_compute (model, answers);

  for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
    {
      g_autoptr(SihuaChartData) data = sihua_chart_data_new_from_score (score, NULL, -1, language);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(SihuaPainter) painter = sihua_cairo_painter_new (cr);
      g_autoptr(SihuaRadarLayout) layout = NULL;

      g_assert_cmpuint (data->dimensions->len, ==, sihua_score_get_n_dimensions (score));
      for (guint i = 0; i < data->dimensions->len; i++)
        {
          const SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);
          const SihuaDimension *model_dimension = sihua_score_get_dimension (score, i)->dimension;

          g_assert_cmpstr (dimension->label, ==, sihua_text_get (&model_dimension->title, language, NULL));
          g_assert_cmpstr (sihua_chart_dimension_get_label (dimension, TRUE), ==,
                           sihua_text_get (&model_dimension->short_title, language, NULL));
          g_assert_cmpstr (sihua_chart_dimension_get_label (dimension, FALSE), ==, dimension->label);
          if (g_str_equal (model_dimension->id, "ehs"))
            g_assert_cmpstr (dimension->short_label, ==,
                             language == SIHUA_LANGUAGE_EN ? "EHS & energy" : "安环能耗");
        }

      check_radar_layout (data, 800, 560);
      layout = sihua_radar_layout_new (data, painter, 800, 560);
      for (guint i = 0; i < layout->n_labels; i++)
        for (guint l = 0; layout->labels[i].lines[l] != NULL; l++)
          if (strstr (layout->labels[i].lines[l], "…") != NULL)
            g_error ("radar label %u is cut: %s", i, layout->labels[i].lines[l]);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  sihua_test_remove_tree (dir);
}

static void
test_cli (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *png = g_build_filename (dir, "ladder.png", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "chart-data.json", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *surface;
  int status;

  status = sihua_test_run_cli (db, NULL, &err, "chart", "--data", fixture, "--kind", "ladder",
                               "-o", png, "--width", "640", "--height", "360", "--lang", "en", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);
  cairo_surface_destroy (surface);
  g_clear_pointer (&err, g_free);

  status = sihua_test_run_cli (db, NULL, &err, "chart", "--data", fixture, "--kind", "pie", "-o", png, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--kind"));
  g_clear_pointer (&err, g_free);

  status = sihua_test_run_cli (db, NULL, &err, "chart", "--data", fixture, "--kind", "radar", "-o", png,
                               "--lang", "fr", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--lang"));
  g_clear_pointer (&err, g_free);

  status = sihua_test_run_cli (db, NULL, &err, "chart", "--data", "/nonexistent.json", "--kind", "radar",
                               "-o", png, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent.json"));

  sihua_test_remove_tree (dir);
}

static char *
run_cli_ok (const char *db,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("SIHUA_CLI"));
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, (char *)db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = sihua_test_run ((const char * const *)argv->pdata, NULL, &out, &err);
  if (status != 0)
    g_error ("%s %s failed: %s", (char *)argv->pdata[3], (char *)argv->pdata[4], err);

  return g_strstrip (out);
}

/* A stored assessment with a previous one: scores, the previous polygon
 * and both points of the trend come from the store and the scoring. */
static void
test_cli_from_store (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "sihua.db", NULL);
  g_autofree char *answers1 = g_build_filename (dir, "first.json", NULL);
  g_autofree char *answers2 = g_build_filename (dir, "second.json", NULL);
  g_autofree char *company = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (answers1,
    "{\"answers\": {\"equipment.automation\": 1, \"network.coverage\": 1, \"data.collection\": 0}}",
    -1, NULL));
  g_assert_true (g_file_set_contents (answers2,
    "{\"answers\": {\"equipment.automation\": 3, \"network.coverage\": 2, \"data.collection\": 2}}",
    -1, NULL));

  company = run_cli_ok (db, "company", "add", "--name", "测试机械有限公司", NULL);
  first = run_cli_ok (db, "assessment", "new", "--company", company, NULL);
  g_free (run_cli_ok (db, "assessment", "import", first, answers1, NULL));
  second = run_cli_ok (db, "assessment", "new", "--company", company, "--from", first, NULL);
  g_free (run_cli_ok (db, "assessment", "import", second, answers2, NULL));

  for (SihuaChartKind kind = 0; kind < SIHUA_N_CHART_KINDS; kind++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, sihua_chart_kind_to_string (kind));
      cairo_surface_t *surface;

      g_free (run_cli_ok (db, "chart", second, "--kind", sihua_chart_kind_to_string (kind), "-o", png,
                          "--width", "500", "--height", "350", NULL));
      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 500);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 350);
      cairo_surface_destroy (surface);
    }

  g_assert_cmpint (sihua_test_run_cli (db, &out, &err, "chart", "9999", "--kind", "radar", "-o",
                                       "/dev/null", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&err, g_free);
  /* Not an ID at all is a wrong command line, as for report and score. */
  g_assert_cmpint (sihua_test_run_cli (db, NULL, &err, "chart", "first", "--kind", "radar", "-o",
                                       "/dev/null", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "first"));

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  static ReferenceCase cases[SIHUA_N_CHART_KINDS * 2];

  g_test_init (&argc, &argv, NULL);
  /* Chinese charts take their words from the build's zh_CN catalogue, as
   * the programs do once main() has bound the text domain. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIHUA_LOCALEDIR"));

  /* The chart font is pinned: references are drawn in it. */
  g_setenv ("SIHUA_REPORT_FONT", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", FALSE);

  for (SihuaChartKind kind = 0; kind < SIHUA_N_CHART_KINDS; kind++)
    for (SihuaLanguage language = SIHUA_LANGUAGE_ZH_CN; language <= SIHUA_LANGUAGE_EN; language++)
      {
        ReferenceCase *rc = &cases[kind * 2 + language];
        g_autofree char *path = g_strdup_printf ("/charts/reference/%s/%s", sihua_chart_kind_to_string (kind),
                                                 sihua_language_to_string (language));

        rc->kind = kind;
        rc->language = language;
        g_test_add_data_func (path, rc, test_reference);
      }

  g_test_add_func ("/charts/reference/detects-change", test_reference_detects_change);
  g_test_add_func ("/charts/radar-layout", test_radar_layout);
  g_test_add_func ("/charts/radar-layout/long-labels", test_radar_layout_long_labels);
  g_test_add_func ("/charts/wrap/punctuation", test_wrap_punctuation);
  g_test_add_func ("/charts/png-size", test_png_size);
  g_test_add_func ("/charts/text-never-collides", test_text_never_collides);
  g_test_add_func ("/charts/bands/top-level", test_bands_name_top_level);
  g_test_add_func ("/charts/pdf", test_pdf);
  g_test_add_func ("/charts/palette/css", test_palette_matches_css);
  g_test_add_func ("/charts/palette/greyscale", test_palette_greyscale);
  g_test_add_func ("/charts/data/errors", test_data_errors);
  g_test_add_func ("/charts/data/languages", test_data_languages);
  g_test_add_func ("/charts/data/from-score", test_data_from_score);
  g_test_add_func ("/charts/cli", test_cli);
  g_test_add_func ("/charts/cli/store", test_cli_from_store);

  return g_test_run ();
}
