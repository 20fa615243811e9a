/* sihua-row-text.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-row-text.h"

/*
 * SQLite hands text back byte for byte as the file holds it; it never checks
 * that it is UTF-8. Sihua writes only valid UTF-8, so anything else comes from
 * a damaged file (one flipped bit in a note) or a foreign writer. GLib, Pango,
 * json-glib and libxlsxwriter all assume valid UTF-8 and loop, read past the
 * end or write files Sihua itself refuses, so every row read from a database
 * is checked here before any of its text is used.
 */

static const char *
row_kind_name (SihuaRowKind kind)
{
  switch (kind)
    {
    case SIHUA_ROW_COMPANY:
      return _("The company");
    case SIHUA_ROW_ASSESSMENT:
      return _("The assessment dated");
    case SIHUA_ROW_ANSWER:
      return _("The answer to question");
    case SIHUA_ROW_CHANGE:
      return _("A change in the history of question");
    case SIHUA_ROW_MODEL:
      return _("The stored questionnaire");
    default:
      g_assert_not_reached ();
    }
}

/* Text or bytes (a foreign writer may store a blob in a text column) that
 * are not valid UTF-8, or that hold a NUL, which C strings would cut. */
static gboolean
column_is_valid (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text;
  int type = sqlite3_column_type (stmt, column);
  int size;

  if (type != SQLITE_TEXT && type != SQLITE_BLOB)
    return TRUE;

  text = (const char *)sqlite3_column_text (stmt, column);
  size = sqlite3_column_bytes (stmt, column);

  return text == NULL || g_utf8_validate_len (text, size, NULL);
}

/**
 * sihua_row_text_check:
 * @stmt: a statement on a row
 * @kind: what the row is
 * @label_column: the column whose text names the row in the message, or -1
 * @domain: the error domain of the caller
 * @code: the error code meaning "the database is damaged" in @domain
 * @error: return location for an error
 *
 * Checks that every text column of the current row is valid UTF-8, and
 * names the row and the column in @error when one is not.
 *
 * Returns: %TRUE if all of the row's text can be used
 */
gboolean
sihua_row_text_check (sqlite3_stmt  *stmt,
                      SihuaRowKind   kind,
                      int            label_column,
                      GQuark         domain,
                      int            code,
                      GError       **error)
{
  int n_columns = sqlite3_column_count (stmt);
  g_autofree char *label = NULL;
  const char *text;

  for (int column = 0; column < n_columns; column++)
    {
      if (column_is_valid (stmt, column))
        continue;

      text = label_column >= 0 ? (const char *)sqlite3_column_text (stmt, label_column) : NULL;
      if (text != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (text, -1);

          label = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 60));
          g_set_error (error, domain, code,
                       _("%s “%s” holds damaged text in its “%s” field (bytes that are not valid UTF-8): the database is damaged; restore a backup"),
                       row_kind_name (kind), label, sqlite3_column_name (stmt, column));
        }
      else
        g_set_error (error, domain, code,
                     _("%s holds damaged text in its “%s” field (bytes that are not valid UTF-8): the database is damaged; restore a backup"),
                     row_kind_name (kind), sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}
