/* sihua-pdf-font.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-pdf-font"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <string.h>
#include <unistd.h>

#include "sihua-pdf-font.h"
#include "sihua-report-font.h"

/* libharu's UTF-8 encoder and width tables only know the Basic Multilingual
 * Plane. */
#define N_BMP 0x10000

struct _SihuaPdfFont
{
  char      *file;
  hb_blob_t *blob;
  hb_face_t *face;
  hb_font_t *font;
  guint      upem;
  hb_set_t  *used;       /* codepoints to keep in the subset */
  gint16    *widths;     /* per-mille advance by BMP codepoint, -1 = not looked up */
  gsize      embedded_size;
};

/**
 * sihua_pdf_font_new:
 * @file: a TrueType font or collection
 * @face_index: the face inside a collection (0 for a plain font)
 * @error: return location for an error
 *
 * Returns: (transfer full): the font, or %NULL with @error set when @file
 *   cannot be read as a font.
 */
SihuaPdfFont *
sihua_pdf_font_new (const char  *file,
                    guint        face_index,
                    GError     **error)
{
  g_autoptr(SihuaPdfFont) self = NULL;

  g_return_val_if_fail (file != NULL, NULL);

  self = g_new0 (SihuaPdfFont, 1);
  self->file = g_strdup (file);
  self->blob = hb_blob_create_from_file_or_fail (file);
  if (self->blob == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot read the report font %s"), file);
      return NULL;
    }

  self->face = hb_face_create (self->blob, face_index);
  self->upem = hb_face_get_upem (self->face);
  if (hb_face_get_glyph_count (self->face) == 0 || self->upem == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The report font %s is not a usable TrueType font"), file);
      return NULL;
    }

  self->font = hb_font_create (self->face);
  hb_font_set_scale (self->font, self->upem, self->upem);
  self->used = hb_set_create ();
  self->widths = g_new (gint16, N_BMP);
  memset (self->widths, 0xff, sizeof (gint16) * N_BMP);

  /* Digits, Latin letters and the usual signs are always kept: charts and
   * page numbers print them without going through layout. */
  hb_set_add_range (self->used, 0x20, 0x7e);

  return g_steal_pointer (&self);
}

/**
 * sihua_pdf_font_new_default:
 * @error: return location for an error
 *
 * Opens the font sihua_report_font_find_file() chooses.
 *
 * Returns: (transfer full): the font, or %NULL with @error set.
 */
SihuaPdfFont *
sihua_pdf_font_new_default (GError **error)
{
  g_autofree char *file = sihua_report_font_find_file (error);

  if (file == NULL)
    return NULL;

  return sihua_pdf_font_new (file, 0, error);
}

void
sihua_pdf_font_free (SihuaPdfFont *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->used, hb_set_destroy);
  g_clear_pointer (&self->font, hb_font_destroy);
  g_clear_pointer (&self->face, hb_face_destroy);
  g_clear_pointer (&self->blob, hb_blob_destroy);
  g_free (self->widths);
  g_free (self->file);
  g_free (self);
}

const char *
sihua_pdf_font_get_file (SihuaPdfFont *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * sihua_pdf_font_add_text:
 * @self: a font
 * @text: UTF-8 text that will be drawn without being measured first
 *
 * Makes sure the subset keeps the glyphs of @text (chart labels, for
 * instance, are drawn by code that does not measure through this font).
 */
void
sihua_pdf_font_add_text (SihuaPdfFont *self,
                         const char   *text)
{
  g_return_if_fail (self != NULL);

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < N_BMP)
        hb_set_add (self->used, ch);
    }
}

gboolean
sihua_pdf_font_has_char (SihuaPdfFont *self,
                         gunichar      ch)
{
  hb_codepoint_t glyph;

  g_return_val_if_fail (self != NULL, FALSE);

  return ch < N_BMP && hb_font_get_nominal_glyph (self->font, ch, &glyph);
}

/* The advance in thousandths of the font size, truncated exactly as libharu
 * truncates it for the PDF's width table, so that what layout measures is
 * what a viewer draws. */
static int
char_width_per_mille (SihuaPdfFont *self,
                      gunichar      ch)
{
  hb_codepoint_t glyph = 0;
  int width;

  if (ch >= N_BMP)
    ch = 0xfffd;

  if (self->widths[ch] >= 0)
    return self->widths[ch];

  if (!hb_font_get_nominal_glyph (self->font, ch, &glyph))
    glyph = 0;
  width = (int)((guint32)hb_font_get_glyph_h_advance (self->font, glyph) * 1000 / self->upem);
  self->widths[ch] = (gint16)CLAMP (width, 0, G_MAXINT16);
  hb_set_add (self->used, ch);

  return self->widths[ch];
}

/**
 * sihua_pdf_font_char_width:
 * @self: a font
 * @ch: a character
 * @size: the font size in points
 *
 * Returns: the advance of @ch in points; the character is kept in the subset.
 */
double
sihua_pdf_font_char_width (SihuaPdfFont *self,
                           gunichar      ch,
                           double        size)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return char_width_per_mille (self, ch) * size / 1000.0;
}

/**
 * sihua_pdf_font_text_width:
 * @self: a font
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 * @size: the font size in points
 *
 * Returns: the advance of @text in points; its characters are kept in the
 *   subset.
 */
double
sihua_pdf_font_text_width (SihuaPdfFont *self,
                           const char   *text,
                           gssize        length,
                           double        size)
{
  const char *end;
  long total = 0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  end = length < 0 ? text + strlen (text) : text + length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    total += char_width_per_mille (self, g_utf8_get_char (p));

  return total * size / 1000.0;
}

/**
 * sihua_pdf_font_subset:
 * @self: a font
 * @error: return location for an error
 *
 * Cuts the font down to the characters used so far. HarfBuzz renumbers the
 * glyphs, which also keeps libharu clear of its trouble with glyph ids above
 * 32767.
 *
 * Returns: (transfer full): a TrueType font file, or %NULL with @error set.
 */
GBytes *
sihua_pdf_font_subset (SihuaPdfFont  *self,
                       GError       **error)
{
  hb_subset_input_t *input;
  hb_face_t *subset;
  hb_blob_t *blob;
  const char *data;
  unsigned int length;
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("Not enough memory to prepare the report font"));
      return NULL;
    }

  hb_set_union (hb_subset_input_unicode_set (input), self->used);
  /* The notdef glyph is kept anyway; hinting and embedded bitmaps are of no
   * use in a PDF and only make it larger. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  {
    hb_set_t *drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);

    hb_set_add (drop, HB_TAG ('E', 'B', 'D', 'T'));
    hb_set_add (drop, HB_TAG ('E', 'B', 'L', 'C'));
    hb_set_add (drop, HB_TAG ('E', 'B', 'S', 'C'));
    hb_set_add (drop, HB_TAG ('G', 'S', 'U', 'B'));
    hb_set_add (drop, HB_TAG ('G', 'P', 'O', 'S'));
    hb_set_add (drop, HB_TAG ('G', 'D', 'E', 'F'));
  }

  subset = hb_subset_or_fail (self->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot subset the report font %s"), self->file);
      return NULL;
    }

  blob = hb_face_reference_blob (subset);
  data = hb_blob_get_data (blob, &length);
  bytes = g_bytes_new (data, length);
  hb_blob_destroy (blob);
  hb_face_destroy (subset);

  return bytes;
}

/* PDF CMaps list at most 100 entries per block. */
#define CMAP_BLOCK 100

static void
append_bfrange_block (GString *cmap,
                      GArray  *ranges,
                      guint    from,
                      guint    count)
{
  g_string_append_printf (cmap, "%u beginbfrange\n", count);
  for (guint i = from; i < from + count; i++)
    {
      const guint *range = &g_array_index (ranges, guint, 2 * i);

      g_string_append_printf (cmap, "<%04X> <%04X> <%04X>\n", range[0], range[1], range[0]);
    }
  g_string_append (cmap, "endbfrange\n");
}

/* In libharu's UTF-8 mode a character is written as its BMP code point and
 * the font's CIDToGIDMap finds the glyph; so the text a code stands for is
 * the code itself. The map lists the characters of the subset as ranges that
 * never cross a change of the high byte (a bfrange may only vary the last
 * byte). */
static char *
build_to_unicode_cmap (hb_set_t *used)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *cmap = g_string_new (NULL);
  hb_codepoint_t first = HB_SET_VALUE_INVALID;
  hb_codepoint_t last = HB_SET_VALUE_INVALID;
  guint n_ranges;

  while (hb_set_next_range (used, &first, &last))
    {
      for (guint start = first; start <= last && start < N_BMP; )
        {
          guint end = MIN (last, start | 0xff);

          end = MIN (end, N_BMP - 1);
          if (start < 0xd800 || start > 0xdfff)
            {
              g_array_append_val (ranges, start);
              g_array_append_val (ranges, end);
            }
          start = end + 1;
        }
    }

  g_string_append (cmap,
                   "/CIDInit /ProcSet findresource begin\n"
                   "12 dict begin\n"
                   "begincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Sihua-UCS def\n"
                   "/CMapType 2 def\n"
                   "1 begincodespacerange\n"
                   "<0000> <FFFF>\n"
                   "endcodespacerange\n");
  n_ranges = ranges->len / 2;
  for (guint i = 0; i < n_ranges; i += CMAP_BLOCK)
    append_bfrange_block (cmap, ranges, i, MIN (CMAP_BLOCK, n_ranges - i));
  g_string_append (cmap,
                   "endcmap\n"
                   "CMapName currentdict /CMap defineresource pop\n"
                   "end\n"
                   "end\n");

  return g_string_free (cmap, FALSE);
}

/* libharu 2.3.0 gives a UTF-8 font its encoding CMap (a cidrange) as
 * /ToUnicode, which readers reject and only get around by guessing. The font
 * dictionary's entry is replaced by a real map; the old stream stays behind
 * unreferenced, as libharu still owns it. */
static gboolean
replace_to_unicode (HPDF_Font  font,
                    hb_set_t  *used)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  g_autofree char *cmap = NULL;
  HPDF_Dict stream;

  if (attr == NULL || attr->xref == NULL)
    return FALSE;

  stream = HPDF_DictStream_New (font->mmgr, attr->xref);
  if (stream == NULL)
    return FALSE;

  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  cmap = build_to_unicode_cmap (used);
  if (HPDF_Stream_WriteStr (stream->stream, cmap) != HPDF_OK)
    return FALSE;

  return HPDF_Dict_Add (font, "ToUnicode", stream) == HPDF_OK;
}

/**
 * sihua_pdf_font_embed:
 * @self: a font
 * @pdf: a libharu document
 * @error: return location for an error
 *
 * Subsets the font and loads the subset into @pdf, embedded, in libharu's
 * UTF-8 mode (which this call switches on). Call it once per document, after
 * layout, before drawing.
 *
 * Returns: the font to draw with, or %NULL with @error set.
 */
HPDF_Font
sihua_pdf_font_embed (SihuaPdfFont  *self,
                      HPDF_Doc       pdf,
                      GError       **error)
{
  g_autoptr(GBytes) subset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tmp_path = NULL;
  const char *name;
  HPDF_Font font;
  int fd;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (pdf != NULL, NULL);

  subset = sihua_pdf_font_subset (self, error);
  if (subset == NULL)
    return NULL;

  /* libharu 2.3.0 loads TrueType fonts only from a file. It keeps the file
   * open until the document is freed, so the name can go at once. */
  fd = g_file_open_tmp ("sihua-font-XXXXXX.ttf", &tmp_path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot prepare the report font: %s"), local_error->message);
      return NULL;
    }
  close (fd);

  if (!g_file_set_contents (tmp_path, g_bytes_get_data (subset, NULL),
                            g_bytes_get_size (subset), &local_error))
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot prepare the report font: %s"), local_error->message);
      return NULL;
    }

  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  name = HPDF_LoadTTFontFromFile (pdf, tmp_path, HPDF_TRUE);
  g_unlink (tmp_path);

  if (name == NULL)
    {
      HPDF_ResetError (pdf);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF library cannot load the report font %s"), self->file);
      return NULL;
    }

  font = HPDF_GetFont (pdf, name, "UTF-8");
  if (font == NULL || !replace_to_unicode (font, self->used))
    {
      HPDF_ResetError (pdf);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF library cannot load the report font %s"), self->file);
      return NULL;
    }

  self->embedded_size = g_bytes_get_size (subset);

  return font;
}

/**
 * sihua_pdf_font_get_embedded_size:
 * @self: a font
 *
 * Returns: the size in bytes of the last subset embedded (before libharu
 *   compresses it), for benchmarks and tests.
 */
gsize
sihua_pdf_font_get_embedded_size (SihuaPdfFont *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->embedded_size;
}
