/* test-pdf-util.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-test-utils.h"

/* Helpers shared by the PDF tests: they run poppler-utils and qpdf, which
 * the test command installs. */

static G_GNUC_UNUSED char *
pdf_run_tool (const char *tool,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program = g_find_program_in_path (tool);
  char *out = NULL;
  va_list args;
  const char *arg;
  int status;

  if (program == NULL)
    g_error ("%s is not installed (poppler-utils and qpdf are needed by the PDF tests)", tool);

  g_ptr_array_add (argv, g_strdup (program));
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  status = sihua_test_run ((const char * const *)argv->pdata, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);

  return out;
}

/* The text of one page (from 1), as pdftotext extracts it. */
static G_GNUC_UNUSED char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return pdf_run_tool ("pdftotext", "-q", "-f", number, "-l", number, pdf, "-", NULL);
}

static G_GNUC_UNUSED char *
pdf_text (const char *pdf)
{
  return pdf_run_tool ("pdftotext", "-q", "-raw", pdf, "-", NULL);
}

static G_GNUC_UNUSED guint
pdf_n_pages (const char *pdf)
{
  g_autofree char *info = pdf_run_tool ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + strlen ("Pages:"), " "), NULL, 10);
}

/* Every font listed by pdffonts is embedded; returns how many there are. */
static G_GNUC_UNUSED guint
pdf_assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = pdf_run_tool ("pdffonts", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  /* Two header lines, then one line per font: name type encoding emb sub uni. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n_fields;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint j = 0; fields[j] != NULL; j++)
          if (*fields[j] != '\0')
            g_ptr_array_add (words, fields[j]);
        n_fields = words->len;
        g_assert_cmpuint (n_fields, >=, 6);
        /* emb is the fourth column from the end (emb sub uni object-id gen). */
        g_assert_cmpstr (g_ptr_array_index (words, n_fields - 5), ==, "yes");
      }
      n++;
    }

  return n;
}

/* Runs the poppler tools a reader would meet first and fails on anything
 * they print to stderr: poppler warns there about broken fonts and maps
 * (such as an invalid ToUnicode CMap) and still exits with 0. */
static G_GNUC_UNUSED void
pdf_assert_poppler_quiet (const char *pdf)
{
  const char *tools[][3] = {
    { "pdftotext", pdf, "-" },
    { "pdffonts", pdf, NULL },
    { "pdfinfo", pdf, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *program = g_find_program_in_path (tools[i][0]);
      const char *argv[] = { program, tools[i][1], tools[i][2], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      if (program == NULL)
        g_error ("%s is not installed (poppler-utils is needed by the PDF tests)", tools[i][0]);
      status = sihua_test_run (argv, NULL, &out, &err);
      if (status != 0 || (err != NULL && *err != '\0'))
        g_error ("%s %s exited with %d and said:\n%s", tools[i][0], pdf, status, err);
    }
}

/* Every font has a ToUnicode map that poppler accepts (the "uni" column). */
static G_GNUC_UNUSED void
pdf_assert_fonts_map_to_unicode (const char *pdf)
{
  g_autofree char *fonts = pdf_run_tool ("pdffonts", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n_words;

      if (*lines[i] == '\0')
        continue;
      words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_ptr_array_add (kept, words[j]);
        n_words = kept->len;
        g_assert_cmpuint (n_words, >=, 6);
        /* uni is the third column from the end (uni object-id gen). */
        g_assert_cmpstr (g_ptr_array_index (kept, n_words - 3), ==, "yes");
      }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static G_GNUC_UNUSED void
pdf_assert_qpdf_clean (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("qpdf");
  const char *argv[] = { program, "--check", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (program);
  status = sihua_test_run (argv, NULL, &out, &err);
  if (status != 0 || strstr (out, "No syntax or stream encoding errors") == NULL)
    g_error ("qpdf --check %s failed (%d):\n%s\n%s", pdf, status, out, err);
}

/* The outline titles, depth first, as "title" or "  title" for a child. */
static G_GNUC_UNUSED char *
pdf_outline (const char *pdf)
{
  g_autofree char *json = pdf_run_tool ("qpdf", "--json", "--json-key=outlines", pdf, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  JsonArray *outlines;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  outlines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "outlines");
  for (guint i = 0; i < json_array_get_length (outlines); i++)
    {
      JsonObject *item = json_array_get_object_element (outlines, i);
      JsonArray *kids = json_object_get_array_member (item, "kids");

      g_string_append_printf (out, "%s@%" G_GINT64_FORMAT "\n", json_object_get_string_member (item, "title"),
                              json_object_get_int_member (item, "destpageposfrom1"));
      for (guint k = 0; k < json_array_get_length (kids); k++)
        {
          JsonObject *kid = json_array_get_object_element (kids, k);

          g_string_append_printf (out, "  %s@%" G_GINT64_FORMAT "\n", json_object_get_string_member (kid, "title"),
                                  json_object_get_int_member (kid, "destpageposfrom1"));
        }
    }

  return g_string_free (out, FALSE);
}

/* How often @needle occurs in @haystack. */
static G_GNUC_UNUSED guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

/* @text without any white space: poppler drops the spaces between Chinese
 * characters and digits ("第 3 页" comes out as "第3页"). */
static G_GNUC_UNUSED char *
strip_white (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static G_GNUC_UNUSED gboolean
contains_ignoring_white (const char *haystack,
                         const char *needle)
{
  g_autofree char *h = strip_white (haystack);
  g_autofree char *n = strip_white (needle);

  return strstr (h, n) != NULL;
}
