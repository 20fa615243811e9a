/* bench-report.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <time.h>

#include "sihua-cairo-painter.h"
#include "sihua-report-private.h"
#include "test-pdf-report-fixture.h"

/* Writes the report of the built-in model, fully answered with notes, in
 * both languages, and beside it a peer measured in the same run: the very
 * same laid-out text, rules and charts set with cairo's PDF surface and
 * Pango (which subset and embed the same font). Both include the layout
 * (breaking, page flow); the difference is the PDF back end. Prints rows for
 * bench/run-all; nothing is asserted. */

#define N_WARMUP 2
#define N_RUNS 11

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  SihuaReport          *report;
  guint                 n_blocks;
} Peer;

static void
peer_begin_page (gpointer user_data,
                 guint    page)
{
  Peer *peer = user_data;

  if (page > 1)
    cairo_show_page (peer->cr);
  peer->n_blocks = 0;
}

static void
peer_text (gpointer             user_data,
           double               x,
           double               y,
           double               size,
           gboolean             bold,
           const SihuaPdfColor *color,
           const char          *text)
{
  Peer *peer = user_data;

  pango_font_description_set_size (peer->font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (peer->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (peer->layout, peer->font);
  pango_layout_set_text (peer->layout, text, -1);
  cairo_set_source_rgb (peer->cr, color->r, color->g, color->b);
  cairo_move_to (peer->cr, x, y - pango_layout_get_baseline (peer->layout) / (double)PANGO_SCALE);
  pango_cairo_show_layout (peer->cr, peer->layout);
}

static void
peer_rect (gpointer             user_data,
           double               x,
           double               y,
           double               width,
           double               height,
           const SihuaPdfColor *fill,
           const SihuaPdfColor *stroke)
{
  Peer *peer = user_data;

  cairo_rectangle (peer->cr, x, y, width, height);
  if (fill != NULL)
    {
      cairo_set_source_rgb (peer->cr, fill->r, fill->g, fill->b);
      cairo_fill_preserve (peer->cr);
    }
  if (stroke != NULL)
    {
      cairo_set_source_rgb (peer->cr, stroke->r, stroke->g, stroke->b);
      cairo_set_line_width (peer->cr, 0.6);
      cairo_stroke_preserve (peer->cr);
    }
  cairo_new_path (peer->cr);
}

static void
peer_line (gpointer             user_data,
           double               x0,
           double               y0,
           double               x1,
           double               y1,
           double               line_width,
           const SihuaPdfColor *color)
{
  Peer *peer = user_data;

  cairo_move_to (peer->cr, x0, y0);
  cairo_line_to (peer->cr, x1, y1);
  cairo_set_source_rgb (peer->cr, color->r, color->g, color->b);
  cairo_set_line_width (peer->cr, line_width);
  cairo_stroke (peer->cr);
}

/* The report's charts come in this order: ladder and radar in the summary,
 * bars in the results. */
static void
peer_block (gpointer user_data,
            double   x,
            double   y,
            double   width,
            double   height)
{
  static const SihuaChartKind kinds[] = { SIHUA_CHART_LADDER, SIHUA_CHART_RADAR, SIHUA_CHART_BARS };
  Peer *peer = user_data;
  g_autoptr(SihuaChartData) data = _sihua_report_build_chart_data (peer->report);
  SihuaPainter *painter;

  cairo_save (peer->cr);
  cairo_translate (peer->cr, x, y);
  painter = sihua_cairo_painter_new (peer->cr);
  sihua_chart_draw (kinds[MIN (peer->n_blocks, G_N_ELEMENTS (kinds) - 1)], data, painter,
                    sihua_palette_get (SIHUA_PALETTE_LIGHT), width, height, SIHUA_CHART_FLAGS_NONE);
  sihua_painter_free (painter);
  cairo_restore (peer->cr);
  peer->n_blocks++;
}

static const SihuaPdfReplay peer_replay = {
  peer_begin_page, peer_text, peer_rect, peer_line, peer_block,
};

static void
write_sihua (ReportFixture            *fixture,
             const SihuaReportOptions *options,
             const char               *path,
             guint                    *n_pages)
{
  g_autoptr(GError) error = NULL;
  SihuaReportStats stats;

  if (!sihua_report_write (fixture->results, options, path, &stats, &error))
    g_error ("%s", error->message);
  *n_pages = stats.n_pages;
}

static void
write_peer (ReportFixture            *fixture,
            const SihuaReportOptions *options,
            const char               *path)
{
  g_autoptr(GError) error = NULL;
  SihuaReport *report = _sihua_report_new (fixture->results, options, &error);
  cairo_surface_t *surface;
  PangoContext *context;
  Peer peer = { 0 };

  if (report == NULL)
    g_error ("%s", error->message);

  surface = cairo_pdf_surface_create (path, SIHUA_PDF_A4_WIDTH, SIHUA_PDF_A4_HEIGHT);
  peer.cr = cairo_create (surface);
  peer.layout = pango_cairo_create_layout (peer.cr);
  context = pango_layout_get_context (peer.layout);
  pango_cairo_context_set_resolution (context, 72);
  pango_layout_context_changed (peer.layout);
  peer.font = pango_font_description_from_string ("WenQuanYi Zen Hei 10");
  peer.report = report;

  sihua_pdf_document_replay (report->doc, &peer_replay, &peer);

  pango_font_description_free (peer.font);
  g_object_unref (peer.layout);
  cairo_destroy (peer.cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cairo: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  _sihua_report_free (report);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* CPU time of this thread: the figure that stays meaningful when other
 * processes load the machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static void
measure (ReportFixture *fixture,
         SihuaLanguage  language,
         const char    *dir)
{
  g_autofree char *ours = g_build_filename (dir, "sihua.pdf", NULL);
  g_autofree char *theirs = g_build_filename (dir, "cairo.pdf", NULL);
  double times[2][N_RUNS];
  double cpu[2][N_RUNS];
  SihuaReportOptions options;
  guint n_pages = 0;
  const char *lang = language == SIHUA_LANGUAGE_EN ? "en" : "zh_CN";

  sihua_report_options_init (&options);
  options.language = language;
  options.firm = "远见数字化咨询 Farsight Consulting";

  for (int i = 0; i < N_WARMUP; i++)
    {
      write_sihua (fixture, &options, ours, &n_pages);
      write_peer (fixture, &options, theirs);
    }

  /* Interleaved, so both see the same machine state. */
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      write_sihua (fixture, &options, ours, &n_pages);
      times[0][i] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu[0][i] = cpu_ms () - c0;

      t0 = g_get_monotonic_time ();
      c0 = cpu_ms ();
      write_peer (fixture, &options, theirs);
      times[1][i] = (g_get_monotonic_time () - t0) / 1000.0;
      cpu[1][i] = cpu_ms () - c0;
    }
  /* Where the time goes: layout alone (results, breaking, page flow). */
  {
    double layout[N_RUNS];

    for (int i = 0; i < N_RUNS; i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 t0 = g_get_monotonic_time ();
        SihuaReport *report = _sihua_report_new (fixture->results, &options, &error);

        layout[i] = (g_get_monotonic_time () - t0) / 1000.0;
        _sihua_report_free (report);
      }
    qsort (layout, N_RUNS, sizeof (double), compare_doubles);
    printf ("| report layout only, %s (scoring, breaking, page flow) | %.1f ms | %.1f–%.1f ms | | | |\n",
            lang, layout[N_RUNS / 2], layout[0], layout[N_RUNS - 1]);
  }

  qsort (times[0], N_RUNS, sizeof (double), compare_doubles);
  qsort (times[1], N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu[0], N_RUNS, sizeof (double), compare_doubles);
  qsort (cpu[1], N_RUNS, sizeof (double), compare_doubles);

  printf ("| report export, %u pages, %s (libharu, subset font) | %.1f ms | %.1f–%.1f ms | "
          "cairo PDF + Pango, same layout | %.1f ms | %.2f× |\n",
          n_pages, lang, times[0][N_RUNS / 2], times[0][0], times[0][N_RUNS - 1],
          times[1][N_RUNS / 2], times[0][N_RUNS / 2] / times[1][N_RUNS / 2]);
  printf ("| report export CPU time, %u pages, %s | %.1f ms | %.1f–%.1f ms | "
          "cairo PDF + Pango, same layout | %.1f ms | %.2f× |\n",
          n_pages, lang, cpu[0][N_RUNS / 2], cpu[0][0], cpu[0][N_RUNS - 1],
          cpu[1][N_RUNS / 2], cpu[0][N_RUNS / 2] / cpu[1][N_RUNS / 2]);
  printf ("| report size, %u pages, %s | %.1f kB | | cairo PDF + Pango, same layout | %.1f kB | %.2f× |\n",
          n_pages, lang, file_size (ours) / 1024.0, file_size (theirs) / 1024.0,
          (double)file_size (ours) / file_size (theirs));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *model = g_build_filename (SIHUA_SOURCE_DIR, "data", "models", "sihua-4hua.json", NULL);
  g_autofree char *fixture_file = g_build_filename (SIHUA_SOURCE_DIR, "tests", "fixtures", "report-company.json", NULL);
  g_autofree char *locale_dir = g_build_filename (SIHUA_BUILD_DIR, "po", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sihua-bench-report-XXXXXX", &error);
  ReportFixture *fixture;

  if (dir == NULL)
    g_error ("%s", error->message);
  /* The Chinese wording comes from the build tree's catalogue. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIHUA_LOCALEDIR") != NULL ? g_getenv ("SIHUA_LOCALEDIR") : locale_dir);

  fixture = report_fixture_new (model, fixture_file, 0);
  measure (fixture, SIHUA_LANGUAGE_ZH_CN, dir);
  measure (fixture, SIHUA_LANGUAGE_EN, dir);
  report_fixture_free (fixture);

  {
    g_autofree char *a = g_build_filename (dir, "sihua.pdf", NULL);
    g_autofree char *b = g_build_filename (dir, "cairo.pdf", NULL);

    if (g_getenv ("SIHUA_BENCH_KEEP") == NULL)
      {
        g_unlink (a);
        g_unlink (b);
        g_rmdir (dir);
      }
    else
      fprintf (stderr, "kept %s and %s\n", a, b);
  }

  return 0;
}
