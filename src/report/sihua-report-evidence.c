/* sihua-report-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sihua-report-private.h"

/*
 * The evidence appendix: every evidence file of the assessment as a tile
 * (a thumbnail, or a document sign for a file that is not a picture) with
 * its name, the question it backs and when it was added. The PDF gets a
 * copy shrunk for print; the original stays in the database, and the
 * consultant hands it out with `sihua-cli evidence export`.
 */

#define N_COLUMNS      3
#define TILE_GAP       14.0
#define PICTURE_HEIGHT 120.0
/* About 200 dpi for a tile's width: sharp on paper, small in the file. */
#define PRINT_PIXELS   480

typedef struct
{
  GBytes *png;
} Thumbnail;

static void
thumbnail_free (gpointer data)
{
  Thumbnail *thumbnail = data;

  g_clear_pointer (&thumbnail->png, g_bytes_unref);
  g_free (thumbnail);
}

static void
draw_thumbnail (const SihuaPdfBlockContext *context,
                gpointer                    user_data)
{
  Thumbnail *thumbnail = user_data;
  gsize size;
  const HPDF_BYTE *data = g_bytes_get_data (thumbnail->png, &size);
  HPDF_Image image = HPDF_LoadPngImageFromMem (context->pdf, data, size);
  double w, h, scale;

  if (image == NULL)
    {
      HPDF_ResetError (context->pdf);
      return;
    }
  w = HPDF_Image_GetWidth (image);
  h = HPDF_Image_GetHeight (image);
  scale = MIN (context->width / w, context->height / h);
  /* Centred in its box, at the bottom of the caption's top. */
  HPDF_Page_DrawImage (context->page, image,
                       context->x + (context->width - w * scale) / 2,
                       context->y + (context->height - h * scale),
                       w * scale, h * scale);
}

/* A copy of the picture small enough for print, as PNG; NULL when the bytes
 * are not a picture gdk-pixbuf can read. */
static GBytes *
print_copy (GBytes *data)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (data);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree char *buffer = NULL;
  gsize length;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, PRINT_PIXELS, PRINT_PIXELS, TRUE, NULL, NULL);
  if (pixbuf == NULL)
    return NULL;
  /* A phone photo says in its EXIF data which way is up. */
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (upright, &buffer, &length, "png", NULL, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static char *
format_added (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
add_tile (SihuaReport         *report,
          const SihuaEvidence *evidence,
          double               x,
          double               y,
          double               width,
          double              *height)
{
  SihuaPdfDocument *doc = report->doc;
  SihuaPdfColor frame = sihua_pdf_color_from_hex (0xd5d9de);
  SihuaPdfColor paper = sihua_pdf_color_from_hex (0xf3f4f6);
  SihuaPdfColor muted = sihua_pdf_color_from_hex (0x6b7380);
  const SihuaPdfTextStyle *small = sihua_pdf_document_get_style (doc, SIHUA_PDF_STYLE_SMALL);
  SihuaPdfTextStyle caption = *small;
  const SihuaQuestion *question = sihua_model_lookup_question (report->model, evidence->question_id);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *added = format_added (evidence->added_at);
  g_autofree char *question_line = NULL;
  g_autofree char *when_line = NULL;
  double text_y;

  if (sihua_evidence_is_image (evidence))
    data = sihua_store_get_evidence_data (report->options->evidence_store, evidence->sha256, NULL);
  if (data != NULL)
    png = print_copy (data);

  sihua_pdf_document_place_rect (doc, x, y, width, PICTURE_HEIGHT, &paper, &frame);
  if (png != NULL)
    {
      Thumbnail *thumbnail = g_new0 (Thumbnail, 1);

      thumbnail->png = g_steal_pointer (&png);
      sihua_pdf_document_place_block (doc, x + 2, y + 2, width - 4, PICTURE_HEIGHT - 4,
                                      draw_thumbnail, thumbnail, thumbnail_free);
    }
  else
    {
      /* A document: its type where the picture would be. */
      g_autofree char *kind = g_ascii_strup (g_str_has_prefix (evidence->media_type, "application/")
                                             ? evidence->media_type + strlen ("application/")
                                             : evidence->media_type, -1);

      sihua_pdf_document_place_text (doc, x + 10, y + PICTURE_HEIGHT / 2 + 6, 16, TRUE, &muted, kind);
    }

  text_y = y + PICTURE_HEIGHT + 4;
  caption.bold = TRUE;
  text_y += sihua_pdf_document_place_text_box (doc, x, text_y, width, &caption, evidence->file_name);
  question_line = g_strdup_printf ("%s  %s", evidence->question_id,
                                   question != NULL ? _sihua_report_text (report, &question->text) : "");
  text_y += sihua_pdf_document_place_text_box (doc, x, text_y, width, small, question_line);
  /* Translators: when an evidence file was added and by whom; the second %s may be empty */
  when_line = g_strdup_printf (TR (N_("Added %s %s")), added, evidence->author != NULL ? evidence->author : "");
  text_y += sihua_pdf_document_place_text_box (doc, x, text_y, width, small, when_line);

  *height = text_y - y;
}

/**
 * _sihua_report_add_evidence_files:
 * @report: a report being laid out
 *
 * Adds the evidence appendix when the assessment has evidence files and the
 * report was given the store they live in.
 */
void
_sihua_report_add_evidence_files (SihuaReport *report)
{
  SihuaPdfDocument *doc = report->doc;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  double left = sihua_pdf_document_get_left (doc);
  double width = (sihua_pdf_document_get_content_width (doc) - (N_COLUMNS - 1) * TILE_GAP) / N_COLUMNS;
  double row_height = 0;

  if (report->options->evidence_store == NULL)
    return;
  files = sihua_store_list_evidence (report->options->evidence_store, report->assessment->id, NULL, &error);
  if (files == NULL)
    {
      g_message ("The report leaves out the evidence files: %s", error->message);
      return;
    }
  if (files->len == 0)
    return;

  sihua_pdf_document_add_section (doc, TR (N_("Appendix: evidence files")));
  sihua_pdf_document_add_paragraph (doc, SIHUA_PDF_STYLE_BODY,
                                    TR (N_("The photos, screenshots and documents recorded during the assessment, "
                                           "shrunk for print; the originals are kept with the assessment.")));

  for (guint i = 0; i < files->len; i++)
    {
      guint column = i % N_COLUMNS;
      double height;

      if (column == 0)
        {
          if (i > 0)
            sihua_pdf_document_skip (doc, row_height + TILE_GAP);
          /* The tile and its three caption lines stay on one page. */
          sihua_pdf_document_ensure_space (doc, PICTURE_HEIGHT + 60);
          row_height = 0;
        }
      add_tile (report, g_ptr_array_index (files, i), left + column * (width + TILE_GAP),
                sihua_pdf_document_get_cursor (doc), width, &height);
      row_height = MAX (row_height, height);
    }
  sihua_pdf_document_skip (doc, row_height + TILE_GAP);
}
