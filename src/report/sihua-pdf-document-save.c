/* sihua-pdf-document-save.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* O_TMPFILE */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "sihua-pdf-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sihua-pdf-document-private.h"

/* Rendering ---------------------------------------------------------------- */

static void
error_handler (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  SihuaPdfDocument *self = user_data;

  if (self->hpdf_error == HPDF_OK)
    {
      self->hpdf_error = error_no;
      self->hpdf_detail = detail_no;
    }
}

void
sihua_pdf_draw_text (HPDF_Page            page,
                     HPDF_Font            font,
                     double               size,
                     gboolean             bold,
                     const SihuaPdfColor *color,
                     double               x,
                     double               y,
                     const char          *text)
{
  const SihuaPdfColor *c = color != NULL ? color : &ink;

  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_SetRGBFill (page, c->r, c->g, c->b);
  if (bold)
    {
      /* The font has no bold face: a thin outline of the same colour
       * thickens the strokes, and the text stays text. */
      HPDF_Page_SetTextRenderingMode (page, HPDF_FILL_THEN_STROKE);
      HPDF_Page_SetRGBStroke (page, c->r, c->g, c->b);
      HPDF_Page_SetLineWidth (page, size * 0.035);
    }
  HPDF_Page_TextOut (page, x, y, text);
  if (bold)
    HPDF_Page_SetTextRenderingMode (page, HPDF_FILL);
  HPDF_Page_EndText (page);
}

static void
draw_image (SihuaPdfDocument *self,
            HPDF_Doc          pdf,
            HPDF_Page         page,
            const Op         *op)
{
  HPDF_Image image = NULL;
  double w, h, scale;

  if (g_str_has_suffix (op->text, ".png") || g_str_has_suffix (op->text, ".PNG"))
    image = HPDF_LoadPngImageFromFile (pdf, op->text);
  else
    image = HPDF_LoadJpegImageFromFile (pdf, op->text);

  if (image == NULL)
    {
      /* A logo that went missing must not cost the whole report. */
      g_message ("Leaving out the image %s, which cannot be read", op->text);
      HPDF_ResetError (pdf);
      self->hpdf_error = HPDF_OK;
      return;
    }

  w = HPDF_Image_GetWidth (image);
  h = HPDF_Image_GetHeight (image);
  scale = MIN (op->w / MAX (w, 1.0), op->h / MAX (h, 1.0));
  HPDF_Page_DrawImage (page, image, op->x, SIHUA_PDF_A4_HEIGHT - op->y - h * scale,
                       w * scale, h * scale);
}

static void
render_op (SihuaPdfDocument *self,
           HPDF_Doc          pdf,
           HPDF_Page         page,
           HPDF_Font         font,
           const Op         *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      sihua_pdf_draw_text (page, font, op->size, op->bold, &op->fill, op->x,
                           SIHUA_PDF_A4_HEIGHT - op->y, op->text);
      break;

    case OP_RECT:
      if (op->has_fill)
        HPDF_Page_SetRGBFill (page, op->fill.r, op->fill.g, op->fill.b);
      if (op->has_stroke)
        {
          HPDF_Page_SetRGBStroke (page, op->stroke.r, op->stroke.g, op->stroke.b);
          HPDF_Page_SetLineWidth (page, op->size);
        }
      HPDF_Page_Rectangle (page, op->x, SIHUA_PDF_A4_HEIGHT - op->y - op->h, op->w, op->h);
      if (op->has_fill && op->has_stroke)
        HPDF_Page_FillStroke (page);
      else if (op->has_fill)
        HPDF_Page_Fill (page);
      else
        HPDF_Page_Stroke (page);
      break;

    case OP_LINE:
      HPDF_Page_SetRGBStroke (page, op->stroke.r, op->stroke.g, op->stroke.b);
      HPDF_Page_SetLineWidth (page, op->size);
      HPDF_Page_MoveTo (page, op->x, SIHUA_PDF_A4_HEIGHT - op->y);
      HPDF_Page_LineTo (page, op->w, SIHUA_PDF_A4_HEIGHT - op->h);
      HPDF_Page_Stroke (page);
      break;

    case OP_IMAGE:
      draw_image (self, pdf, page, op);
      break;

    case OP_BLOCK:
      {
        SihuaPdfBlockContext context = {
          pdf, page, font, self->font,
          op->x, SIHUA_PDF_A4_HEIGHT - op->y - op->h, op->w, op->h,
        };

        HPDF_Page_GSave (page);
        op->func (&context, op->data);
        HPDF_Page_GRestore (page);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
render_header_footer (SihuaPdfDocument *self,
                      HPDF_Page         page,
                      HPDF_Font         font,
                      const char       *label)
{
  const double size = 8.0;
  const double right = SIHUA_PDF_A4_WIDTH - MARGIN_RIGHT;
  double y;

  HPDF_Page_SetRGBStroke (page, hairline.r, hairline.g, hairline.b);
  HPDF_Page_SetLineWidth (page, 0.5);
  y = SIHUA_PDF_A4_HEIGHT - HEADER_BASELINE - 7.0;
  HPDF_Page_MoveTo (page, MARGIN_LEFT, y);
  HPDF_Page_LineTo (page, right, y);
  HPDF_Page_Stroke (page);

  if (self->header_left != NULL)
    sihua_pdf_draw_text (page, font, size, FALSE, &muted, MARGIN_LEFT,
                         SIHUA_PDF_A4_HEIGHT - HEADER_BASELINE, self->header_left);
  if (self->header_right != NULL)
    sihua_pdf_draw_text (page, font, size, FALSE, &muted,
                         right - sihua_pdf_font_text_width (self->font, self->header_right, -1, size),
                         SIHUA_PDF_A4_HEIGHT - HEADER_BASELINE, self->header_right);
  if (self->footer_left != NULL)
    sihua_pdf_draw_text (page, font, size, FALSE, &muted, MARGIN_LEFT,
                         SIHUA_PDF_A4_HEIGHT - FOOTER_BASELINE, self->footer_left);
  if (label != NULL)
    sihua_pdf_draw_text (page, font, size, FALSE, &muted,
                         right - sihua_pdf_font_text_width (self->font, label, -1, size),
                         SIHUA_PDF_A4_HEIGHT - FOOTER_BASELINE, label);
}

static void
render_outline (SihuaPdfDocument *self,
                HPDF_Doc          pdf,
                HPDF_Page        *pages)
{
  HPDF_Encoder encoder = HPDF_GetEncoder (pdf, "UTF-8");
  HPDF_Outline parents[2] = { NULL, NULL };

  for (guint i = 0; i < self->outline->len; i++)
    {
      const OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      guint level = MIN (entry->level, 1);
      HPDF_Outline parent = level > 0 ? parents[level - 1] : NULL;
      HPDF_Outline outline;
      HPDF_Destination destination;

      outline = HPDF_CreateOutline (pdf, parent, entry->title, encoder);
      if (outline == NULL)
        return;
      destination = HPDF_Page_CreateDestination (pages[entry->page - 1]);
      /* libharu rejects an XYZ zoom of 0 ("keep the reader's zoom"). */
      HPDF_Destination_SetFitH (destination, SIHUA_PDF_A4_HEIGHT - entry->y + 12.0);
      HPDF_Outline_SetDestination (outline, destination);
      HPDF_Outline_SetOpened (outline, HPDF_FALSE);
      parents[level] = outline;
      if (level == 0)
        parents[1] = NULL;
    }
}

static void
set_info (SihuaPdfDocument *self,
          HPDF_Doc          pdf)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *created = self->created != NULL ? self->created : now;
  HPDF_Date date = { 0 };
  int offset_minutes = (int)(g_date_time_get_utc_offset (created) / G_TIME_SPAN_MINUTE);

  if (self->title != NULL)
    HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, self->title);
  if (self->author != NULL)
    HPDF_SetInfoAttr (pdf, HPDF_INFO_AUTHOR, self->author);
  if (self->subject != NULL)
    HPDF_SetInfoAttr (pdf, HPDF_INFO_SUBJECT, self->subject);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Sihua " PACKAGE_VERSION);

  date.year = g_date_time_get_year (created);
  date.month = g_date_time_get_month (created);
  date.day = g_date_time_get_day_of_month (created);
  date.hour = g_date_time_get_hour (created);
  date.minutes = g_date_time_get_minute (created);
  date.seconds = g_date_time_get_second (created);
  date.ind = offset_minutes > 0 ? '+' : offset_minutes < 0 ? '-' : 'Z';
  date.off_hour = ABS (offset_minutes) / 60;
  date.off_minutes = ABS (offset_minutes) % 60;
  HPDF_SetInfoDateAttr (pdf, HPDF_INFO_CREATION_DATE, date);
}

/* Where a report is written: an unnamed file in the target's directory
 * (O_TMPFILE), which vanishes if the process dies before it is complete, or
 * where the file system cannot do that, a hidden temporary file. Either way
 * the finished file is moved over the target in one rename. */
typedef struct
{
  char *path;
  char *dir;
  int   fd;
  char *tmp;   /* the named temporary file, when O_TMPFILE is not available */
} Target;

static void
target_free (Target *target)
{
  if (target->fd >= 0)
    close (target->fd);
  if (target->tmp != NULL)
    g_unlink (target->tmp);
  g_free (target->tmp);
  g_free (target->dir);
  g_free (target->path);
  g_free (target);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Target, target_free)

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write the report to %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* A name beside the target that nobody else has, created with the
 * permissions the umask allows (unlike mkstemp's 0600). */
static int
create_temp_beside (Target  *target,
                    char   **tmp,
                    GError **error)
{
  g_autofree char *base = g_path_get_basename (target->path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autofree char *candidate = g_build_filename (target->dir, name, NULL);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          *tmp = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        {
          set_write_error (target->path, errno, error);
          return -1;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot write the report to %s: no free temporary name"), target->path);
  return -1;
}

static Target *
target_open (const char  *path,
             GError     **error)
{
  g_autoptr(Target) target = g_new0 (Target, 1);

  target->path = g_strdup (path);
  target->dir = g_path_get_dirname (path);
  target->fd = -1;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (path, EISDIR, error);
      return NULL;
    }

#ifdef O_TMPFILE
  target->fd = open (target->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (target->fd >= 0)
    return g_steal_pointer (&target);
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    {
      set_write_error (path, errno, error);
      return NULL;
    }
#endif

  target->fd = create_temp_beside (target, &target->tmp, error);
  if (target->fd < 0)
    return NULL;

  return g_steal_pointer (&target);
}

/* An export killed between naming its file and renaming it leaves a hidden
 * ".NAME.XXXXXXXX.part" beside the report; the next export of the same
 * report removes it. */
static void
remove_stale_temps (Target *target)
{
  g_autofree char *base = g_path_get_basename (target->path);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) dir = g_dir_open (target->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *rest = name + strlen (prefix);

      if (g_str_has_prefix (name, prefix) && strlen (rest) == strlen ("01234567.part") &&
          g_str_has_suffix (rest, ".part"))
        {
          g_autofree char *stale = g_build_filename (target->dir, name, NULL);

          g_unlink (stale);
        }
    }
}

static gboolean
target_commit (Target      *target,
               GBytes      *contents,
               GError     **error)
{
  const guint8 *data = g_bytes_get_data (contents, NULL);
  gsize left = g_bytes_get_size (contents);

  while (left > 0)
    {
      gssize written = write (target->fd, data, left);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return set_write_error (target->path, written < 0 ? errno : ENOSPC, error);
      data += written;
      left -= written;
    }

  if (target->tmp == NULL)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", target->fd);

      /* A new report simply gets its name: it appears complete at once. */
      if (linkat (AT_FDCWD, proc, AT_FDCWD, target->path, AT_SYMLINK_FOLLOW) == 0)
        {
          close (target->fd);
          target->fd = -1;
          remove_stale_temps (target);
          return TRUE;
        }
      if (errno != EEXIST)
        return set_write_error (target->path, errno, error);

      /* One that replaces an older file gets a hidden name first, then is
       * moved over the old one. */
      for (guint attempt = 0; attempt < 100 && target->tmp == NULL; attempt++)
        {
          g_autofree char *base = g_path_get_basename (target->path);
          g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
          g_autofree char *candidate = g_build_filename (target->dir, name, NULL);

          if (linkat (AT_FDCWD, proc, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0)
            target->tmp = g_steal_pointer (&candidate);
          else if (errno != EEXIST)
            return set_write_error (target->path, errno, error);
        }
      if (target->tmp == NULL)
        return set_write_error (target->path, EEXIST, error);
    }

  if (close (target->fd) != 0)
    {
      target->fd = -1;
      return set_write_error (target->path, errno, error);
    }
  target->fd = -1;

  if (g_rename (target->tmp, target->path) != 0)
    return set_write_error (target->path, errno, error);
  g_clear_pointer (&target->tmp, g_free);
  remove_stale_temps (target);

  return TRUE;
}

/* The finished PDF, from libharu's memory stream. */
static GBytes *
save_to_bytes (HPDF_Doc pdf)
{
  HPDF_UINT32 size;
  guint8 *data;
  HPDF_UINT32 offset = 0;

  if (HPDF_SaveToStream (pdf) != HPDF_OK)
    return NULL;

  size = HPDF_GetStreamSize (pdf);
  data = g_malloc (MAX (size, 1));
  while (offset < size)
    {
      HPDF_UINT32 chunk = size - offset;
      HPDF_STATUS status = HPDF_ReadFromStream (pdf, data + offset, &chunk);

      offset += chunk;
      if (status != HPDF_OK || chunk == 0)
        break;
    }
  /* HPDF_ReadFromStream reports the end of the stream as an error. */
  HPDF_ResetError (pdf);

  return g_bytes_new_take (data, offset);
}

/**
 * sihua_pdf_document_save:
 * @self: a document
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Embeds the font subset, draws every page, its header and footer (now that
 * the page count is known) and the outline, and writes the PDF. The file
 * appears under @path complete or not at all: it is written beside it,
 * unnamed where the file system allows, and renamed over @path.
 *
 * Returns: whether the file was written.
 */
gboolean
sihua_pdf_document_save (SihuaPdfDocument  *self,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree HPDF_Page *hpdf_pages = NULL;
  g_autoptr(Target) target = NULL;
  g_autoptr(GBytes) contents = NULL;
  HPDF_Doc pdf;
  HPDF_Font font;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = _sihua_pdf_document_count_pages (self);

  /* The labels are made first so that their characters are in the subset. */
  for (guint i = 0; i < n_pages; i++)
    {
      char *label = self->label_func != NULL ? self->label_func (i + 1, n_pages, self->label_data) : NULL;

      if (label != NULL)
        sihua_pdf_font_add_text (self->font, label);
      g_ptr_array_add (labels, label);
    }
  sihua_pdf_font_add_text (self->font, self->header_left);
  sihua_pdf_font_add_text (self->font, self->header_right);
  sihua_pdf_font_add_text (self->font, self->footer_left);
  for (guint i = 0; i < self->outline->len; i++)
    sihua_pdf_font_add_text (self->font, g_array_index (self->outline, OutlineEntry, i).title);

  target = target_open (path, error);
  if (target == NULL)
    return FALSE;

  self->hpdf_error = HPDF_OK;
  pdf = HPDF_New (error_handler, self);
  if (pdf == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("Not enough memory to write the report"));
      return FALSE;
    }
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_SetPageMode (pdf, self->outline->len > 0 ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);

  font = sihua_pdf_font_embed (self->font, pdf, error);
  if (font == NULL)
    {
      HPDF_Free (pdf);
      return FALSE;
    }
  set_info (self, pdf);

  hpdf_pages = g_new0 (HPDF_Page, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);
      HPDF_Page hpdf_page = HPDF_AddPage (pdf);

      hpdf_pages[i] = hpdf_page;
      HPDF_Page_SetWidth (hpdf_page, SIHUA_PDF_A4_WIDTH);
      HPDF_Page_SetHeight (hpdf_page, SIHUA_PDF_A4_HEIGHT);
      for (guint j = 0; j < page->ops->len; j++)
        render_op (self, pdf, hpdf_page, font, &g_array_index (page->ops, Op, j));
      if (!page->plain)
        render_header_footer (self, hpdf_page, font, g_ptr_array_index (labels, i));
    }
  render_outline (self, pdf, hpdf_pages);

  if (self->hpdf_error == HPDF_OK)
    contents = save_to_bytes (pdf);

  if (self->hpdf_error != HPDF_OK || contents == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the report to %s (PDF library error 0x%04x)"),
                   path, (guint)self->hpdf_error);
      HPDF_Free (pdf);
      return FALSE;
    }
  HPDF_Free (pdf);

  if (!target_commit (target, contents, error))
    return FALSE;

  return TRUE;
}

/**
 * sihua_pdf_document_replay:
 * @self: a laid-out document
 * @replay: what to call for each page and drawing operation
 * @user_data: for @replay
 *
 * Walks the laid-out pages, headers and footers included, for another
 * renderer (the benchmark sets the same layout with cairo and Pango).
 */
void
sihua_pdf_document_replay (SihuaPdfDocument     *self,
                           const SihuaPdfReplay *replay,
                           gpointer              user_data)
{
  guint n_pages;

  g_return_if_fail (self != NULL);
  g_return_if_fail (replay != NULL);

  n_pages = _sihua_pdf_document_count_pages (self);
  for (guint i = 0; i < n_pages; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      replay->begin_page (user_data, i + 1);
      for (guint j = 0; j < page->ops->len; j++)
        {
          const Op *op = &g_array_index (page->ops, Op, j);

          switch (op->kind)
            {
            case OP_TEXT:
              replay->text (user_data, op->x, op->y, op->size, op->bold, &op->fill, op->text);
              break;
            case OP_RECT:
              replay->rect (user_data, op->x, op->y, op->w, op->h,
                            op->has_fill ? &op->fill : NULL, op->has_stroke ? &op->stroke : NULL);
              break;
            case OP_LINE:
              replay->line (user_data, op->x, op->y, op->w, op->h, op->size, &op->stroke);
              break;
            case OP_BLOCK:
              replay->block (user_data, op->x, op->y, op->w, op->h);
              break;
            case OP_IMAGE:
            default:
              break;
            }
        }

      if (!page->plain)
        {
          g_autofree char *label = self->label_func != NULL ? self->label_func (i + 1, n_pages, self->label_data) : NULL;
          const double right = SIHUA_PDF_A4_WIDTH - MARGIN_RIGHT;

          replay->line (user_data, MARGIN_LEFT, HEADER_BASELINE + 7.0, right, HEADER_BASELINE + 7.0, 0.5, &hairline);
          if (self->header_left != NULL)
            replay->text (user_data, MARGIN_LEFT, HEADER_BASELINE, 8.0, FALSE, &muted, self->header_left);
          if (self->header_right != NULL)
            replay->text (user_data, right - sihua_pdf_font_text_width (self->font, self->header_right, -1, 8.0),
                          HEADER_BASELINE, 8.0, FALSE, &muted, self->header_right);
          if (self->footer_left != NULL)
            replay->text (user_data, MARGIN_LEFT, FOOTER_BASELINE, 8.0, FALSE, &muted, self->footer_left);
          if (label != NULL)
            replay->text (user_data, right - sihua_pdf_font_text_width (self->font, label, -1, 8.0),
                          FOOTER_BASELINE, 8.0, FALSE, &muted, label);
        }
    }
}
