/* sihua-pdf-table.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-pdf-table"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-pdf-document.h"
#include "sihua-text-layout.h"

#define CELL_PAD_X 5.0
#define CELL_PAD_Y 4.5
#define ACCENT_WIDTH 3.0

typedef struct
{
  GStrv          cells;
  gboolean       has_accent;
  SihuaPdfColor  accent;
} Row;

struct _SihuaPdfTable
{
  guint    n_columns;
  double  *widths;    /* relative */
  GStrv    header;
  char    *continued_mark;  /* after the first header cell on later pages */
  GArray  *rows;      /* Row */
  int      title_column;
};

static const SihuaPdfColor header_fill = { 0.95, 0.955, 0.96 };
static const SihuaPdfColor rule_color = { 0.85, 0.86, 0.88 };

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
}

static GStrv
copy_cells (guint               n_columns,
            const char * const *cells)
{
  GStrv copy = g_new0 (char *, n_columns + 1);

  for (guint i = 0; i < n_columns; i++)
    copy[i] = g_strdup (cells[i] != NULL ? cells[i] : "");

  return copy;
}

/**
 * sihua_pdf_table_new:
 * @n_columns: the number of columns
 * @widths: (nullable) (array): @n_columns relative widths; equal if %NULL
 *
 * Returns: (transfer full): an empty table
 */
SihuaPdfTable *
sihua_pdf_table_new (guint         n_columns,
                     const double *widths)
{
  SihuaPdfTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (SihuaPdfTable, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, row_clear);
  table->title_column = -1;

  return table;
}

void
sihua_pdf_table_free (SihuaPdfTable *table)
{
  if (table == NULL)
    return;

  g_free (table->widths);
  g_strfreev (table->header);
  g_free (table->continued_mark);
  g_array_unref (table->rows);
  g_free (table);
}

void
sihua_pdf_table_set_header (SihuaPdfTable      *table,
                            const char * const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  g_strfreev (table->header);
  table->header = copy_cells (table->n_columns, cells);
}

/**
 * sihua_pdf_table_set_continued_mark:
 * @table: a table
 * @mark: "（续）", " (cont.)": added to the first header cell on the pages
 *   the table continues on, so a reader sees it goes on from the page before
 */
void
sihua_pdf_table_set_continued_mark (SihuaPdfTable *table,
                                    const char    *mark)
{
  g_return_if_fail (table != NULL);

  g_free (table->continued_mark);
  table->continued_mark = g_strdup (mark);
}

/**
 * sihua_pdf_table_set_title_column:
 * @table: a table
 * @column: a column whose cells start with a title
 *
 * In @column, the text up to the first line feed of each body cell is set
 * bold: a title above its explanation.
 */
void
sihua_pdf_table_set_title_column (SihuaPdfTable *table,
                                  guint          column)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  table->title_column = column;
}

/**
 * sihua_pdf_table_add_row:
 * @table: a table
 * @cells: (array): one text per column
 * @accent: (nullable): colour of a bar at the row's left edge
 */
void
sihua_pdf_table_add_row (SihuaPdfTable       *table,
                         const char * const  *cells,
                         const SihuaPdfColor *accent)
{
  Row row = { 0 };

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row.cells = copy_cells (table->n_columns, cells);
  row.has_accent = accent != NULL;
  if (accent != NULL)
    row.accent = *accent;
  g_array_append_val (table->rows, row);
}

/* One row broken into lines, cell by cell. */
typedef struct
{
  GPtrArray *lines;    /* per cell: GArray of SihuaTextLine */
  GStrv      texts;
  guint      n_lines;
} BrokenRow;

static void
broken_row_clear (BrokenRow *broken)
{
  g_clear_pointer (&broken->lines, g_ptr_array_unref);
}

static void
break_row (SihuaPdfDocument        *doc,
           const SihuaPdfTable     *table,
           const double            *column_widths,
           const SihuaPdfTextStyle *style,
           GStrv                    cells,
           BrokenRow               *broken)
{
  broken->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  broken->texts = cells;
  broken->n_lines = 1;

  for (guint c = 0; c < table->n_columns; c++)
    {
      GArray *lines = sihua_text_layout_break (sihua_pdf_document_get_font (doc), style->size,
                                               cells[c], column_widths[c] - 2 * CELL_PAD_X);

      g_ptr_array_add (broken->lines, lines);
      broken->n_lines = MAX (broken->n_lines, lines->len);
    }
}

/* Places lines [first, first + n) of every cell of @broken at the cursor. */
static void
place_row_lines (SihuaPdfDocument        *doc,
                 const SihuaPdfTable     *table,
                 const double            *column_widths,
                 const SihuaPdfTextStyle *style,
                 const BrokenRow         *broken,
                 guint                    first,
                 guint                    n,
                 gboolean                 repeat_first_cell,
                 const SihuaPdfColor     *fill,
                 const SihuaPdfColor     *accent)
{
  double left = sihua_pdf_document_get_left (doc);
  double width = sihua_pdf_document_get_content_width (doc);
  double top = sihua_pdf_document_get_cursor (doc);
  double height = n * style->line_height + 2 * CELL_PAD_Y;
  double baseline_offset = (style->line_height + style->size * 0.7) / 2.0;
  double x = left;

  if (fill != NULL)
    sihua_pdf_document_place_rect (doc, left, top, width, height, fill, NULL);
  if (accent != NULL)
    sihua_pdf_document_place_rect (doc, left, top, ACCENT_WIDTH, height, accent, NULL);

  for (guint c = 0; c < table->n_columns; c++)
    {
      GArray *lines = g_ptr_array_index (broken->lines, c);
      const char *newline = strchr (broken->texts[c], '\n');
      gsize title_end = (int)c == table->title_column && !style->bold && newline != NULL
                        ? (gsize)(newline - broken->texts[c]) : 0;
      /* The rest of a split row says again what it belongs to: the first
       * cell (the question), when it ended on the page before. */
      guint from = c == 0 && repeat_first_cell && lines->len <= first ? 0 : first;

      for (guint i = from; i < from + n && i < lines->len; i++)
        {
          const SihuaTextLine *line = &g_array_index (lines, SihuaTextLine, i);
          g_autofree char *part = g_strndup (broken->texts[c] + line->start, line->length);

          sihua_pdf_document_place_text (doc, x + CELL_PAD_X,
                                         top + CELL_PAD_Y + (i - from) * style->line_height + baseline_offset,
                                         style->size, style->bold || line->start < title_end,
                                         &style->color, part);
        }
      x += column_widths[c];
    }

  sihua_pdf_document_place_line (doc, left, top + height, left + width, top + height, 0.5, &rule_color);
  sihua_pdf_document_skip (doc, height);
}

static void
place_header (SihuaPdfDocument        *doc,
              const SihuaPdfTable     *table,
              const double            *column_widths,
              const SihuaPdfTextStyle *style,
              const BrokenRow         *header)
{
  if (header->lines == NULL)
    return;

  place_row_lines (doc, table, column_widths, style, header, 0, header->n_lines, FALSE, &header_fill, NULL);
}

/**
 * sihua_pdf_document_add_table:
 * @self: a document
 * @table: the table, copied into the document's layout
 *
 * Lays out @table at the cursor across as many pages as it needs, repeating
 * its header at the top of each.
 */
void
sihua_pdf_document_add_table (SihuaPdfDocument *self,
                              SihuaPdfTable    *table)
{
  const SihuaPdfTextStyle *style;
  const SihuaPdfTextStyle *header_style;
  g_autofree double *column_widths = NULL;
  BrokenRow header = { 0 };
  BrokenRow continued = { 0 };
  g_auto(GStrv) continued_cells = NULL;
  double header_height = 0.0;
  double total = 0.0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL);

  style = sihua_pdf_document_get_style (self, SIHUA_PDF_STYLE_TABLE);
  header_style = sihua_pdf_document_get_style (self, SIHUA_PDF_STYLE_TABLE_HEADER);

  for (guint c = 0; c < table->n_columns; c++)
    total += table->widths[c];
  column_widths = g_new (double, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    column_widths[c] = sihua_pdf_document_get_content_width (self) * table->widths[c] / total;

  if (table->header != NULL)
    {
      break_row (self, table, column_widths, header_style, table->header, &header);
      header_height = header.n_lines * header_style->line_height + 2 * CELL_PAD_Y;

      continued_cells = g_strdupv (table->header);
      if (table->continued_mark != NULL)
        {
          char *marked = g_strconcat (continued_cells[0], table->continued_mark, NULL);

          g_free (continued_cells[0]);
          continued_cells[0] = marked;
        }
      break_row (self, table, column_widths, header_style, continued_cells, &continued);
    }

  /* The header never sits alone at the bottom of a page. */
  sihua_pdf_document_ensure_space (self, header_height + 2 * style->line_height + 2 * CELL_PAD_Y);
  place_header (self, table, column_widths, header_style, &header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);
      BrokenRow broken = { 0 };
      guint first = 0;

      break_row (self, table, column_widths, style, row->cells, &broken);

      while (first < broken.n_lines)
        {
          guint left = broken.n_lines - first;
          double remaining = sihua_pdf_document_get_remaining (self) - 2 * CELL_PAD_Y;
          guint fit = remaining > 0 ? (guint)(remaining / style->line_height + 1e-6) : 0;
          guint n;

          if (fit >= left)
            n = left;
          else if (fit >= 2 && left >= 4)
            /* A tall row is split, leaving at least two lines on each page. */
            n = MIN (fit, left - 2);
          else
            {
              sihua_pdf_document_new_page (self);
              place_header (self, table, column_widths, header_style, &continued);
              continue;
            }

          place_row_lines (self, table, column_widths, style, &broken, first, n, first > 0, NULL,
                           row->has_accent ? &row->accent : NULL);
          first += n;
          if (first < broken.n_lines)
            {
              sihua_pdf_document_new_page (self);
              place_header (self, table, column_widths, header_style, &continued);
            }
        }

      broken_row_clear (&broken);
    }

  broken_row_clear (&header);
  broken_row_clear (&continued);
  sihua_pdf_document_skip (self, 10.0);
}
