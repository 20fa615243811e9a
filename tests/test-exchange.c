/* test-exchange.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sihua-bundle.h"
#include "sihua-export-cell.h"
#include "sihua-export.h"
#include "sihua-store.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* --- helpers ------------------------------------------------------------ */

static char *
read_text (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

typedef struct
{
  char   *dir;
  char   *db_path;
  SihuaStore *store;
  gint64  company_id;
  gint64  assessment_id;
  char   *company_uuid;
  char   *assessment_uuid;
} Fixture;

static void
set_answer (SihuaStore       *store,
            gint64            assessment_id,
            const char       *question_id,
            SihuaAnswerValue *value,
            const char       *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAnswerValue) owned = value;

  sihua_store_set_answer (store, assessment_id, question_id, value, note, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_fill (Fixture *f)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("=HYPERLINK(\"http://x\") 宁波精工, Ltd");
  g_autoptr(SihuaCompany) other = sihua_company_new ("苏州明达机械");
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  const char *modules[] = { "erp", "mes", NULL };

  company->region = g_strdup ("浙江 宁波");
  company->notes = g_strdup ("line one\nline \"two\"");
  company->employees = 120;
  /* Harmless in a cell of its own, a formula for a reader splitting on ';'
   * or a tab, and a phone number a spreadsheet must not see changed. */
  company->address = g_strdup ("Acme;=1+1");
  company->contact = g_strdup ("+86 138 0000 0000");
  f->company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);
  sihua_store_add_company (f->store, other, &error);
  g_assert_no_error (error);

  f->assessment_id = sihua_store_new_assessment (f->store, f->company_id, model, 0, "李顾问", &error);
  g_assert_no_error (error);

  set_answer (f->store, f->assessment_id, "systems.coverage", sihua_answer_value_new_level (2), "-ERP since 2019");
  set_answer (f->store, f->assessment_id, "systems.modules", sihua_answer_value_new_options (modules), NULL);
  /* A tab is allowed in a note (never in a one-line field such as a name),
   * and a reader splitting on tabs would start a field at the formula. */
  set_answer (f->store, f->assessment_id, "production.networked", sihua_answer_value_new_number (35.5), "plan\t=1+1");
  set_answer (f->store, f->assessment_id, "production.reporting", sihua_answer_value_new_level (1), NULL);
  set_answer (f->store, f->assessment_id, "production.reporting", sihua_answer_value_new_level (3), "@changed");
  set_answer (f->store, f->assessment_id, "production.batch", sihua_answer_value_new_na (), NULL);

  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  f->assessment_uuid = g_strdup (assessment->uuid);
  {
    g_autoptr(SihuaCompany) stored = sihua_store_get_company (f->store, f->company_id, &error);
    g_assert_no_error (error);
    f->company_uuid = g_strdup (stored->uuid);
  }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sihua_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "a.db", NULL);
  f->store = sihua_test_open_store (f->db_path);
  if (data != NULL)
    fixture_fill (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->company_uuid);
  g_free (f->assessment_uuid);
}

/* The bytes of one member of a zip (an XLSX or a bundle), or NULL. */
static GBytes *
zip_member (const char *zip_path,
            const char *name)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  GBytes *result = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, zip_path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      if (strcmp (archive_entry_pathname (entry), name) == 0)
        {
          g_autoptr(GByteArray) data = g_byte_array_new ();
          char buffer[8192];
          la_ssize_t n;

          while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
            g_byte_array_append (data, (guint8 *) buffer, n);
          result = g_byte_array_free_to_bytes (g_steal_pointer (&data));
          break;
        }
    }
  archive_read_free (a);

  return result;
}

static char *
zip_member_text (const char *zip_path,
                 const char *name)
{
  g_autoptr(GBytes) bytes = zip_member (zip_path, name);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* An RFC 4180 reader, enough to compare two CSV files: rows of cells. */
static GPtrArray *
parse_csv (const char *path)
{
  g_autofree char *text = read_text (path);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE)), cell = g_string_new (NULL);
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (cell, *p);
    }
  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
      g_ptr_array_add (rows, row);
    }
  else
    {
      g_string_free (cell, TRUE);
      g_ptr_array_unref (row);
    }

  return rows;
}

/* --- cells and CSV ------------------------------------------------------ */

static void
test_cell_neutralise (void)
{
  const char *dangerous[] = { "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx" };
  const char *harmless[] = { "1", "abc", "宁波", " =x", "'=x", "" };

  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    g_assert_true (sihua_export_cell_is_dangerous (dangerous[i]));
  for (guint i = 0; i < G_N_ELEMENTS (harmless); i++)
    g_assert_false (sihua_export_cell_is_dangerous (harmless[i]));
}

/* What the CSV rule added, taken away again: an apostrophe before a
 * trigger at any point where some reader may start a field. */
static char *
csv_field_original (const char *field)
{
  GString *original = g_string_new (NULL);
  gboolean field_start = TRUE;

  for (const char *p = field; *p != '\0'; p++)
    {
      if (field_start && *p == '\'' && strchr ("=+-@\t\r", p[1]) != NULL && p[1] != '\0')
        continue;
      g_string_append_c (original, *p);
      field_start = strchr (",;\t\r\n", *p) != NULL || (field_start && *p == '"');
    }

  return g_string_free (original, FALSE);
}

static void
test_cell_csv (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
    { "=a,b", "\"'=a,b\"" },
    { "-\"x\"", "\"'-\"\"x\"\"\"" },
    { "宁波精工", "宁波精工" },
    /* Fields some reader splits off ours: on ';', on a tab, after quotes. */
    { "Acme;=1+1", "\"Acme;'=1+1\"" },
    { "Acme\t=1+1", "\"Acme\t'=1+1\"" },
    { "a;b", "\"a;b\"" },
    { "a\t\t=x", "\"a\t'\t'=x\"" },
    { "x;\"=1\"", "\"x;\"\"'=1\"\"\"" },
    { "x,@y", "\"x,'@y\"" },
    { "x\n+y", "\"x\n'+y\"" },
    { "a - b", "a - b" },
    { "+86 138 0000 0000", "'+86 138 0000 0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      sihua_export_cell_append_csv_text (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);
    SihuaExportCell number = sihua_export_cell_number (-2.5);
    SihuaExportCell empty = sihua_export_cell_number (NAN);
    SihuaExportCell boolean = sihua_export_cell_boolean (TRUE);

    sihua_export_cell_append_csv (out, &number);
    g_string_append_c (out, ',');
    sihua_export_cell_append_csv (out, &empty);
    g_string_append_c (out, ',');
    sihua_export_cell_append_csv (out, &boolean);
    /* A negative number stays a number: only text is neutralised. */
    g_assert_cmpstr (out->str, ==, "-2.5,,true");
  }
}

/* --- exports -------------------------------------------------------------- */

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_CSV, NULL, NULL, TRUE, SIHUA_LANGUAGE_ZH_CN };
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *companies_path = sihua_export_csv_table_path (path, SIHUA_EXPORT_TABLE_COMPANIES);
  g_autofree char *assessments_path = sihua_export_csv_table_path (path, SIHUA_EXPORT_TABLE_ASSESSMENTS);
  g_autofree char *answers_path = sihua_export_csv_table_path (path, SIHUA_EXPORT_TABLE_ANSWERS);
  g_autofree char *companies = NULL;
  g_autofree char *assessments = NULL;
  g_autofree char *answers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_suffix (companies_path, "out-companies.csv"));

  sihua_export_to_file (f->store, &options, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  companies = read_text (companies_path);
  assessments = read_text (assessments_path);
  answers = read_text (answers_path);

  /* BOM, header, CRLF, the injection neutralised and quoted, newlines kept. */
  g_assert_true (g_str_has_prefix (companies, "\xEF\xBB\xBF" "company_uuid,name,"));
  g_assert_nonnull (strstr (companies, "\"'=HYPERLINK(\"\"http://x\"\") 宁波精工, Ltd\""));
  g_assert_nonnull (strstr (companies, "\"line one\nline \"\"two\"\"\""));
  g_assert_nonnull (strstr (companies, ",120,"));
  g_assert_nonnull (strstr (companies, "\r\n"));
  g_assert_nonnull (strstr (assessments, "score:systems"));
  g_assert_nonnull (strstr (assessments, f->assessment_uuid));
  g_assert_nonnull (strstr (answers, "systems.coverage"));
  g_assert_nonnull (strstr (answers, "'-ERP since 2019"));
  g_assert_nonnull (strstr (answers, "'@changed"));
  g_assert_nonnull (strstr (companies, "\"Acme;'=1+1\""));
  g_assert_nonnull (strstr (answers, "\"plan\t'=1+1\""));
  g_assert_nonnull (strstr (companies, "'+86 138 0000 0000"));
  g_assert_nonnull (strstr (answers, ",35.5,"));
  g_assert_false (g_file_test (companies_path + 0, G_FILE_TEST_IS_DIR));
}

/* Excel's defaults by default, with ids beside the readable values: the
 * mark unless --no-bom, scores as the window shows them, the options of a
 * choice by id, and headers and statuses in the user's language on request. */
static void
test_export_csv_for_people (Fixture       *f,
                            gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_CSV, NULL, NULL, TRUE, SIHUA_LANGUAGE_EN, TRUE };
  g_autofree char *path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *assessments_path = sihua_export_csv_table_path (path, SIHUA_EXPORT_TABLE_ASSESSMENTS);
  g_autofree char *answers_path = sihua_export_csv_table_path (path, SIHUA_EXPORT_TABLE_ANSWERS);
  g_autofree char *cli_path = g_build_filename (f->dir, "plain.csv", NULL);
  g_autofree char *cli_answers_path = sihua_export_csv_table_path (cli_path, SIHUA_EXPORT_TABLE_ANSWERS);
  g_autofree char *assessments = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) long_number = g_regex_new (",-?[0-9]+\\.[0-9]{2,}(,|\r)", 0, 0, NULL);

  sihua_export_to_file (f->store, &options, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assessments = read_text (assessments_path);
  answers = read_text (answers_path);

  /* The test runs in the C locale: the labels in English. */
  g_assert_true (g_str_has_prefix (assessments, "\xEF\xBB\xBF" "Assessment UUID,Company UUID,Company,"));
  g_assert_nonnull (strstr (assessments, ",In progress,"));
  g_assert_null (strstr (assessments, "in_progress"));
  g_assert_nonnull (strstr (assessments, "Score: "));
  g_assert_null (strstr (assessments, "score:systems"));
  g_assert_false (g_regex_match (long_number, assessments, 0, NULL));
  g_assert_nonnull (strstr (answers, ",Option IDs,Evidence files,Interviewees' answers,To discuss\r\n"));
  g_assert_nonnull (strstr (answers, ",\"erp,mes\",,,false\r\n"));
  g_clear_pointer (&answers, g_free);

  /* The command line writes the mark unless told not to. */
  g_clear_object (&f->store);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "export", "--format", "csv",
                                       "-o", cli_path, NULL), ==, 0);
  answers = read_text (cli_answers_path);
  g_assert_true (g_str_has_prefix (answers, "\xEF\xBB\xBF" "company_uuid,"));
  g_clear_pointer (&answers, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "export", "--format", "csv", "--no-bom",
                                       "-o", path, NULL), ==, 0);
  answers = read_text (answers_path);
  g_assert_true (g_str_has_prefix (answers, "company_uuid,"));
}

static void
test_export_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_XLSX, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
  g_autofree char *path = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *companies = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *libreoffice = NULL;
  g_autoptr(GError) error = NULL;

  sihua_export_to_file (f->store, &options, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  workbook = zip_member_text (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"companies\""));
  g_assert_nonnull (strstr (workbook, "name=\"assessments\""));
  g_assert_nonnull (strstr (workbook, "name=\"answers\""));

  companies = zip_member_text (path, "xl/worksheets/sheet1.xml");
  /* A frozen header row and set column widths. */
  g_assert_nonnull (strstr (companies, "state=\"frozen\""));
  g_assert_nonnull (strstr (companies, "<col "));
  /* employees is a number cell (no t= attribute), the name is text. */
  g_assert_nonnull (strstr (companies, "<c r=\"F2\"><v>120</v></c>"));
  /* A string cell is never a formula: text is written as it is. */
  g_assert_nonnull (strstr (companies, "<t>=HYPERLINK"));
  g_assert_nonnull (strstr (companies, "<t>+86 138 0000 0000</t>"));
  g_assert_nonnull (strstr (companies, "<t>Acme;=1+1</t>"));
  g_assert_null (strstr (companies, "<t>'"));

  answers = zip_member_text (path, "xl/worksheets/sheet3.xml");
  g_assert_nonnull (strstr (answers, "<v>35.5</v>"));

  libreoffice = g_find_program_in_path ("libreoffice");
  if (libreoffice == NULL)
    {
      g_test_message ("libreoffice is not installed: skipped the LibreOffice conversion check");
      return;
    }
  {
    g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", f->dir);
    g_autofree char *lo_dir = g_build_filename (f->dir, "lo", NULL);
    g_autofree char *mine = g_build_filename (f->dir, "mine.csv", NULL);
    /* Every sheet to its own CSV (the last token, -1), UTF-8 (76). */
    const char *lo_argv[] = { libreoffice, profile, "--headless", "--convert-to",
                              "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                              "--outdir", lo_dir, path, NULL };
    SihuaExportOptions csv_options = { SIHUA_EXPORT_FORMAT_CSV, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };

    sihua_export_to_file (f->store, &csv_options, mine, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sihua_test_run (lo_argv, NULL, NULL, NULL), ==, 0);

    /* What LibreOffice reads from the workbook is what the CSV export
     * says, cell by cell: numbers as numbers, text as the CSV's without
     * the apostrophes only CSV needs. */
    for (guint t = 0; t < SIHUA_EXPORT_N_TABLES; t++)
      {
        g_autofree char *lo_name = g_strdup_printf ("out-%s.csv", sihua_export_table_get_name (t));
        g_autofree char *lo_path = g_build_filename (lo_dir, lo_name, NULL);
        g_autofree char *mine_path = sihua_export_csv_table_path (mine, t);
        g_autoptr(GPtrArray) lo_rows = parse_csv (lo_path);
        g_autoptr(GPtrArray) my_rows = parse_csv (mine_path);

        g_assert_cmpuint (lo_rows->len, ==, my_rows->len);
        g_assert_cmpuint (lo_rows->len, >=, 2);
        for (guint r = 0; r < lo_rows->len; r++)
          {
            GPtrArray *lo_cells = g_ptr_array_index (lo_rows, r);
            GPtrArray *my_cells = g_ptr_array_index (my_rows, r);

            for (guint c = 0; c < MAX (lo_cells->len, my_cells->len); c++)
              {
                const char *a = c < lo_cells->len ? g_ptr_array_index (lo_cells, c) : "";
                g_autofree char *b = csv_field_original (c < my_cells->len ? g_ptr_array_index (my_cells, c) : "");
                char *end_a, *end_b;
                double x = g_ascii_strtod (a, &end_a);
                double y = g_ascii_strtod (b, &end_b);

                if (*a != '\0' && *end_a == '\0' && *b != '\0' && *end_b == '\0')
                  g_assert_cmpfloat_with_epsilon (x, y, 1e-6 * MAX (1, fabs (y)));
                else if (g_ascii_strcasecmp (b, "true") == 0 || g_ascii_strcasecmp (b, "false") == 0)
                  {
                    g_autofree char *lower = g_ascii_strdown (a, -1);
                    g_assert_cmpstr (lower, ==, b);
                  }
                else
                  g_assert_cmpstr (a, ==, b);
              }
          }
      }
  }
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_JSON, NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *companies;
  JsonObject *company = NULL;

  options.company = f->company_uuid;
  sihua_export_to_file (f->store, &options, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "sihua-export");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, SIHUA_EXPORT_JSON_VERSION);
  companies = json_object_get_array_member (root, "companies");
  /* --company keeps only that company. */
  g_assert_cmpuint (json_array_get_length (companies), ==, 1);
  company = json_array_get_object_element (companies, 0);
  g_assert_cmpstr (json_object_get_string_member (company, "uuid"), ==, f->company_uuid);
  /* JSON is not a spreadsheet: texts are carried exactly, not neutralised. */
  g_assert_cmpstr (json_object_get_string_member (company, "name"), ==, "=HYPERLINK(\"http://x\") 宁波精工, Ltd");
  g_assert_cmpstr (json_object_get_string_member (company, "notes"), ==, "line one\nline \"two\"");
  g_assert_cmpint (json_object_get_int_member (company, "employees"), ==, 120);
  {
    JsonArray *assessments = json_object_get_array_member (company, "assessments");
    JsonObject *assessment = json_array_get_object_element (assessments, 0);
    JsonArray *answers = json_object_get_array_member (assessment, "answers");

    JsonObject *profile = json_array_get_object_element (answers, 0);
    JsonObject *first = json_array_get_object_element (answers, 1);

    /* The five given, after the head count the new assessment took from the
     * company's record (the profile comes first in the model). */
    g_assert_cmpuint (json_array_get_length (answers), ==, 6);
    g_assert_cmpstr (json_object_get_string_member (profile, "question_id"), ==, "profile.employees");
    /* Answers come in the model's question order, values in storage form. */
    g_assert_cmpstr (json_object_get_string_member (first, "question_id"), ==, "systems.coverage");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "value"), "level"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (first, "level"), ==, 2);
    g_assert_false (json_object_get_boolean_member (first, "na"));
  }
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  sihua_export_to_file_finish (result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, 0, "ok");
}

static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_XLSX, NULL, NULL, FALSE, SIHUA_LANGUAGE_ZH_CN };
  g_autofree char *path = g_build_filename (f->dir, "async.xlsx", NULL);
  GError *error = NULL;
  double last = 0;

  sihua_export_to_file_async (f->store, &options, path, progress_cb, &last, NULL, NULL,
                              export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (error->message, ==, "ok");
  g_clear_error (&error);
  /* The last progress report is 1.0, and the file is there. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_export_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  SihuaExportFormat formats[] = { SIHUA_EXPORT_FORMAT_CSV, SIHUA_EXPORT_FORMAT_XLSX, SIHUA_EXPORT_FORMAT_JSON };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      SihuaExportOptions options = { formats[i], NULL, NULL, FALSE, SIHUA_LANGUAGE_EN };
      g_autofree char *path = g_build_filename (f->dir, "cancelled.out", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_assert_false (sihua_export_to_file (f->store, &options, path, NULL, NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      /* Nothing half-written is left behind. */
      dir = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, "cancelled"));
    }
}

static void
test_export_not_found (Fixture       *f,
                       gconstpointer  data)
{
  SihuaExportOptions options = { SIHUA_EXPORT_FORMAT_CSV, NULL, (char *) "no-such", FALSE, SIHUA_LANGUAGE_EN };
  g_autofree char *path = g_build_filename (f->dir, "none.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sihua_export_to_file (f->store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no assessment no-such");
}

/* --- bundles: round trip and merges ------------------------------------ */

static GBytes *
bundle_entry (const char *path,
              const char *entry)
{
  return zip_member (path, entry);
}

/* Rows of every table, by UUID and in bundle form, must be equal. */
static void
assert_same_data (SihuaStore *a,
                  SihuaStore *b,
                  const char *dir)
{
  g_autofree char *pa = g_build_filename (dir, "cmp-a.sihua", NULL);
  g_autofree char *pb = g_build_filename (dir, "cmp-b.sihua", NULL);
  const char *entries[] = { "data/companies.json", "data/assessments.json", "data/answers.json",
                            "data/history.json" };
  g_autoptr(GError) error = NULL;

  sihua_bundle_export (a, NULL, pa, &error);
  g_assert_no_error (error);
  sihua_bundle_export (b, NULL, pb, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GBytes) x = bundle_entry (pa, entries[i]);
      g_autoptr(GBytes) y = bundle_entry (pb, entries[i]);

      g_assert_nonnull (x);
      g_assert_nonnull (y);
      if (!g_bytes_equal (x, y))
        g_error ("%s differs:\n%.*s\n---\n%.*s", entries[i],
                 (int) g_bytes_get_size (x), (const char *) g_bytes_get_data (x, NULL),
                 (int) g_bytes_get_size (y), (const char *) g_bytes_get_data (y, NULL));
    }
}

static SihuaBundleReport *
import_bundle (SihuaStore        *store,
               const char        *path,
               SihuaBundleChoice  choice,
               GError           **error)
{
  g_autoptr(SihuaBundle) bundle = sihua_bundle_load (path, error);
  g_autoptr(SihuaBundleReport) report = NULL;

  if (bundle == NULL)
    return NULL;
  report = sihua_bundle_analyse (bundle, store, choice, error);
  if (report == NULL || !sihua_bundle_import (bundle, store, report, error))
    return NULL;

  return g_steal_pointer (&report);
}

static void
test_bundle_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "all.sihua", NULL);
  g_autoptr(SihuaStore) empty = sihua_test_open_store_in (f->dir, "b.db");
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(SihuaBundleReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL;

  sihua_bundle_export (f->store, NULL, path, &error);
  g_assert_no_error (error);

  manifest = zip_member_text (path, "manifest.json");
  g_assert_nonnull (strstr (manifest, "\"format_version\" : 1"));
  g_assert_nonnull (strstr (manifest, "\"sha256\""));
  g_assert_nonnull (strstr (manifest, "models/example-small@1.0.0.json"));

  report = import_bundle (empty, path, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->companies_added, ==, 2);
  g_assert_cmpuint (report->assessments_added, ==, 1);
  /* The five given and the head count taken from the company's record. */
  g_assert_cmpuint (report->answers_added, ==, 6);
  g_assert_cmpuint (report->history_added, >=, 6);
  g_assert_cmpuint (report->models_added, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 0);

  assert_same_data (f->store, empty, f->dir);

  /* The model came with the bundle: the assessment opens without it installed. */
  {
    g_autoptr(GPtrArray) companies = sihua_store_list_companies (empty, &error);
    g_autoptr(SihuaModel) model = NULL;
    g_autoptr(GPtrArray) assessments = NULL;
    SihuaCompany *company = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < companies->len; i++)
      if (g_strcmp0 (((SihuaCompany *) g_ptr_array_index (companies, i))->uuid, f->company_uuid) == 0)
        company = g_ptr_array_index (companies, i);
    g_assert_nonnull (company);
    assessments = sihua_store_list_assessments (empty, company->id, &error);
    g_assert_no_error (error);
    model = sihua_store_load_assessment_model (empty, ((SihuaAssessment *) g_ptr_array_index (assessments, 0))->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sihua_model_get_id (model), ==, "example-small");
  }

  /* Importing the same bundle again changes nothing. */
  again = import_bundle (empty, path, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->companies_added + again->assessments_added + again->answers_added + again->history_added, ==, 0);
  g_assert_cmpuint (again->companies_skipped, ==, 2);
  g_assert_cmpuint (again->assessments_skipped, ==, 1);
  assert_same_data (f->store, empty, f->dir);
}

static gint64
local_assessment_id (SihuaStore *store,
                     const char *uuid)
{
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);

  for (guint c = 0; c < companies->len; c++)
    {
      g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (store, ((SihuaCompany *) g_ptr_array_index (companies, c))->id, NULL);

      for (guint a = 0; a < assessments->len; a++)
        {
          SihuaAssessment *assessment = g_ptr_array_index (assessments, a);
          if (g_strcmp0 (assessment->uuid, uuid) == 0)
            return assessment->id;
        }
    }

  g_assert_not_reached ();
}

static int
answer_level (SihuaStore *store,
              gint64      assessment_id,
              const char *question_id)
{
  g_autoptr(GHashTable) answers = sihua_store_load_answers (store, assessment_id, NULL);
  SihuaAnswer *answer = g_hash_table_lookup (answers, question_id);

  g_assert_nonnull (answer);
  return answer->value->level;
}

static guint
count_assessments (SihuaStore *store)
{
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);
  guint n = 0;

  for (guint c = 0; c < companies->len; c++)
    n += ((SihuaCompany *) g_ptr_array_index (companies, c))->n_assessments;

  return n;
}

static SihuaCompany *
find_company (SihuaStore *store,
              const char *uuid)
{
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);

  for (guint c = 0; c < companies->len; c++)
    {
      SihuaCompany *company = g_ptr_array_index (companies, c);
      if (g_strcmp0 (company->uuid, uuid) == 0)
        return sihua_store_get_company (store, company->id, NULL);
    }

  g_assert_not_reached ();
}

static void
set_region (SihuaStore *store,
            const char *uuid,
            const char *region)
{
  g_autoptr(SihuaCompany) company = find_company (store, uuid);
  g_autoptr(GError) error = NULL;

  g_free (company->region);
  company->region = g_strdup (region);
  sihua_store_update_company (store, company, &error);
  g_assert_no_error (error);
}

static const char *
company_region (SihuaStore *store,
                const char *uuid)
{
  static char *region;
  g_autoptr(SihuaCompany) company = find_company (store, uuid);

  g_free (region);
  region = g_strdup (company->region);
  return region;
}

static guint
count_companies (SihuaStore *store)
{
  g_autoptr(GPtrArray) companies = sihua_store_list_companies (store, NULL);

  return companies->len;
}

static void
test_bundle_conflicts (Fixture       *f,
                       gconstpointer  data)
{
  SihuaBundleChoice choices[] = { SIHUA_BUNDLE_CHOICE_MINE, SIHUA_BUNDLE_CHOICE_THEIRS, SIHUA_BUNDLE_CHOICE_BOTH };
  g_autofree char *common = g_build_filename (f->dir, "common.sihua", NULL);
  g_autoptr(GError) error = NULL;

  sihua_bundle_export (f->store, NULL, common, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *mine_name = g_strdup_printf ("mine-%u.db", i);
      g_autofree char *theirs_name = g_strdup_printf ("theirs-%u.db", i);
      g_autofree char *theirs_path = g_strdup_printf ("%s/theirs-%u.sihua", f->dir, i);
      g_autoptr(SihuaStore) mine = sihua_test_open_store_in (f->dir, mine_name);
      g_autoptr(SihuaStore) theirs = sihua_test_open_store_in (f->dir, theirs_name);
      g_autoptr(SihuaBundleReport) report = NULL;
      g_autoptr(SihuaBundle) bundle = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *mine_path = NULL;
      gint64 mine_id, theirs_id;
      gsize length;

      /* Two laptops start from the same bundle … */
      g_clear_pointer (&report, sihua_bundle_report_free);
      report = import_bundle (mine, common, SIHUA_BUNDLE_CHOICE_NONE, &error);
      g_assert_no_error (error);
      g_clear_pointer (&report, sihua_bundle_report_free);
      report = import_bundle (theirs, common, SIHUA_BUNDLE_CHOICE_NONE, &error);
      g_assert_no_error (error);
      g_clear_pointer (&report, sihua_bundle_report_free);

      /* … and answer the same question differently; theirs also answers a
       * new one, which merges without a conflict. */
      mine_id = local_assessment_id (mine, f->assessment_uuid);
      theirs_id = local_assessment_id (theirs, f->assessment_uuid);
      set_answer (mine, mine_id, "systems.coverage", sihua_answer_value_new_level (1), NULL);
      set_answer (theirs, theirs_id, "systems.coverage", sihua_answer_value_new_level (3), NULL);
      set_answer (theirs, theirs_id, "production.batch", sihua_answer_value_new_option ("recorded"), NULL);
      set_region (mine, f->company_uuid, "浙江 宁波 北仑");
      set_region (theirs, f->company_uuid, "浙江 宁波 镇海");

      sihua_bundle_export (theirs, NULL, theirs_path, &error);
      g_assert_no_error (error);

      /* Without a choice: listed, and nothing imported. */
      mine_path = g_strdup (sihua_store_get_path (mine));
      g_file_get_contents (mine_path, &before, &length, NULL);
      bundle = sihua_bundle_load (theirs_path, &error);
      g_assert_no_error (error);
      report = sihua_bundle_analyse (bundle, mine, SIHUA_BUNDLE_CHOICE_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->conflicts->len, ==, 2);
      {
        SihuaBundleConflict *company = g_ptr_array_index (report->conflicts, 0);
        SihuaBundleConflict *conflict = g_ptr_array_index (report->conflicts, 1);

        g_assert_cmpint (company->kind, ==, SIHUA_BUNDLE_ROW_COMPANY);
        g_assert_cmpstr (company->uuid, ==, f->company_uuid);
        g_assert_true (g_strv_contains ((const char * const *) company->fields, "region"));
        g_assert_cmpint (conflict->kind, ==, SIHUA_BUNDLE_ROW_ASSESSMENT);
        g_assert_cmpstr (conflict->uuid, ==, f->assessment_uuid);
        g_assert_true (g_strv_contains ((const char * const *) conflict->fields, "answer:systems.coverage"));
        /* The other answers are equal or only theirs: not conflicts. */
        g_assert_cmpuint (g_strv_length (conflict->fields), ==, 1);
      }
      g_assert_false (sihua_bundle_import (bundle, mine, report, &error));
      g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CONFLICTS);
      g_clear_error (&error);
      g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 1);

      /* With the choice. */
      ((SihuaBundleConflict *) g_ptr_array_index (report->conflicts, 0))->choice = choices[i];
      ((SihuaBundleConflict *) g_ptr_array_index (report->conflicts, 1))->choice = choices[i];
      g_assert_true (sihua_bundle_import (bundle, mine, report, &error));
      g_assert_no_error (error);

      switch (choices[i])
        {
        case SIHUA_BUNDLE_CHOICE_MINE:
          g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 1);
          g_assert_cmpuint (count_assessments (mine), ==, 1);
          g_assert_cmpstr (company_region (mine, f->company_uuid), ==, "浙江 宁波 北仑");
          g_assert_cmpuint (count_companies (mine), ==, 2);
          break;
        case SIHUA_BUNDLE_CHOICE_THEIRS:
          g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 3);
          g_assert_cmpuint (count_assessments (mine), ==, 1);
          g_assert_cmpstr (company_region (mine, f->company_uuid), ==, "浙江 宁波 镇海");
          g_assert_cmpuint (count_companies (mine), ==, 2);
          {
            /* The overwrite is in the history, so it can be undone. */
            g_autoptr(SihuaAnswerChange) change = sihua_store_undo (mine, mine_id, &error);
            g_assert_no_error (error);
            g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 1);
          }
          break;
        case SIHUA_BUNDLE_CHOICE_BOTH:
          g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 1);
          g_assert_cmpuint (count_assessments (mine), ==, 2);
          g_assert_cmpstr (company_region (mine, f->company_uuid), ==, "浙江 宁波 北仑");
          g_assert_cmpuint (count_companies (mine), ==, 3);
          break;
        default:
          g_assert_not_reached ();
        }

      (void) after;
    }
}


/* --- merging answer by answer -------------------------------------------- */

static gint64
count_rows (SihuaStore *store,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (sihua_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Two laptops that started from the same bundle of @f. */
static void
two_laptops (Fixture     *f,
             SihuaStore **mine,
             SihuaStore **theirs,
             gint64      *mine_id,
             gint64      *theirs_id)
{
  g_autofree char *common = g_build_filename (f->dir, "common.sihua", NULL);
  g_autoptr(SihuaBundleReport) a = NULL;
  g_autoptr(SihuaBundleReport) b = NULL;
  g_autoptr(GError) error = NULL;

  sihua_bundle_export (f->store, NULL, common, &error);
  g_assert_no_error (error);
  *mine = sihua_test_open_store_in (f->dir, "mine.db");
  *theirs = sihua_test_open_store_in (f->dir, "theirs.db");
  a = import_bundle (*mine, common, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  b = import_bundle (*theirs, common, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  *mine_id = local_assessment_id (*mine, f->assessment_uuid);
  *theirs_id = local_assessment_id (*theirs, f->assessment_uuid);
}

static SihuaBundleReport *
analyse_export (SihuaStore   *from,
                SihuaStore   *into,
                const char   *path,
                SihuaBundle **bundle)
{
  g_autoptr(GError) error = NULL;
  SihuaBundleReport *report;

  sihua_bundle_export (from, NULL, path, &error);
  g_assert_no_error (error);
  *bundle = sihua_bundle_load (path, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (*bundle, into, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);

  return report;
}

/* A change made on one laptop only is taken, from either side, with its
 * history and a row recording the merge. */
static void
test_bundle_one_sided (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *to_mine = g_build_filename (f->dir, "to-mine.sihua", NULL);
  g_autofree char *to_theirs = g_build_filename (f->dir, "to-theirs.sihua", NULL);
  g_autoptr(SihuaStore) mine = NULL;
  g_autoptr(SihuaStore) theirs = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mine_id, theirs_id, their_history;

  two_laptops (f, &mine, &theirs, &mine_id, &theirs_id);
  set_answer (theirs, theirs_id, "systems.coverage", sihua_answer_value_new_level (3), "seen there");
  set_answer (mine, mine_id, "production.reporting", sihua_answer_value_new_level (0), NULL);
  their_history = count_rows (theirs, "SELECT count(*) FROM answer_history");

  report = analyse_export (theirs, mine, to_mine, &bundle);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_true (sihua_bundle_import (bundle, mine, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->answers_taken, ==, 1);
  g_assert_cmpuint (report->answers_kept, ==, 1);
  g_assert_cmpuint (report->conflicts_resolved, ==, 0);
  g_assert_cmpuint (report->assessments_merged, ==, 1);
  g_assert_cmpuint (report->history_added, ==, 1);
  g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 3);
  g_assert_cmpint (answer_level (mine, mine_id, "production.reporting"), ==, 0);
  /* Every row of theirs is here, and the merge's own decision after them. */
  g_assert_cmpint (count_rows (mine, "SELECT count(*) FROM answer_history WHERE merge_choice = 'theirs'"
                                     " AND question_id = 'systems.coverage'"), ==, 1);
  g_assert_cmpint (count_rows (mine, "SELECT count(*) FROM answer_history WHERE merge_choice IS NULL"),
                   ==, their_history + 1);

  /* The other way: my one-sided change reaches them without a conflict. */
  g_clear_pointer (&report, sihua_bundle_report_free);
  g_clear_pointer (&bundle, sihua_bundle_free);
  report = analyse_export (mine, theirs, to_theirs, &bundle);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_true (sihua_bundle_import (bundle, theirs, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->answers_taken, ==, 1);
  g_assert_cmpint (answer_level (theirs, theirs_id, "production.reporting"), ==, 0);
  g_assert_cmpint (answer_level (theirs, theirs_id, "systems.coverage"), ==, 3);

  /* Both now agree: a further import finds nothing to do. */
  g_clear_pointer (&report, sihua_bundle_report_free);
  g_clear_pointer (&bundle, sihua_bundle_free);
  report = analyse_export (theirs, mine, to_mine, &bundle);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  g_assert_cmpuint (report->answers_taken + report->answers_added + report->answers_kept, ==, 0);
}

/* An answer changed on both sides is a conflict with both values; keeping
 * mine still keeps their history and records the decision, and the same
 * bundle does not ask again. */
static void
test_bundle_true_conflict (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *to_mine = g_build_filename (f->dir, "to-mine.sihua", NULL);
  g_autoptr(SihuaStore) mine = NULL;
  g_autoptr(SihuaStore) theirs = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SihuaBundleConflict *conflict;
  SihuaBundleAnswerConflict *answer;
  gint64 mine_id, theirs_id;

  two_laptops (f, &mine, &theirs, &mine_id, &theirs_id);
  set_answer (mine, mine_id, "systems.coverage", sihua_answer_value_new_level (1), "here");
  set_answer (theirs, theirs_id, "systems.coverage", sihua_answer_value_new_level (3), "there");

  report = analyse_export (theirs, mine, to_mine, &bundle);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (report->conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, SIHUA_BUNDLE_ROW_ASSESSMENT);
  g_assert_cmpuint (conflict->answers->len, ==, 1);
  answer = g_ptr_array_index (conflict->answers, 0);
  g_assert_cmpstr (answer->question_id, ==, "systems.coverage");
  g_assert_cmpstr (answer->mine.value, ==, "{\"level\":1}");
  g_assert_cmpstr (answer->mine.note, ==, "here");
  g_assert_cmpstr (answer->theirs.value, ==, "{\"level\":3}");
  g_assert_cmpstr (answer->theirs.note, ==, "there");
  g_assert_cmpint (answer->theirs.changed_at, >, 0);

  conflict->choice = SIHUA_BUNDLE_CHOICE_MINE;
  g_assert_true (sihua_bundle_import (bundle, mine, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->conflicts_resolved, ==, 1);
  g_assert_cmpuint (report->answers_kept, ==, 1);
  g_assert_cmpuint (report->answers_taken, ==, 0);
  g_assert_cmpuint (report->history_added, ==, 1);
  g_assert_cmpint (answer_level (mine, mine_id, "systems.coverage"), ==, 1);
  g_assert_cmpint (count_rows (mine, "SELECT count(*) FROM answer_history WHERE merge_choice = 'mine'"), ==, 1);
  g_assert_cmpint (count_rows (mine, "SELECT count(*) FROM answer_history WHERE new_note = 'there'"), ==, 1);

  g_clear_pointer (&report, sihua_bundle_report_free);
  g_clear_pointer (&bundle, sihua_bundle_free);
  bundle = sihua_bundle_load (to_mine, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, mine, SIHUA_BUNDLE_CHOICE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
}

/* Rewrites @entry of the bundle @path with @find replaced by @replace. */
static void
tamper_bundle (const char *path,
               const char *out,
               const char *entry,
               const char *find,
               const char *replace)
{
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  GBytes *bytes;

  entries = sihua_bundle_read_zip (path, &manifest, &error);
  g_assert_no_error (error);
  bytes = g_hash_table_lookup (entries, entry);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  g_hash_table_insert (entries, g_strdup (entry), g_bytes_new (text->str, text->len));
  json_object_set_member (extra, "models", json_node_copy (json_object_get_member (manifest, "models")));
  g_assert_true (sihua_bundle_write_zip (out, entries, extra, &error));
  g_assert_no_error (error);
}

static void
test_bundle_values (Fixture       *f,
                    gconstpointer  data)
{
  struct { const char *entry; const char *find; const char *replace; const char *message; } cases[] = {
    { "data/answers.json", "{\\\"level\\\":3}", "{\\\"level\\\":4294967298}",
      "level 4294967298 does not exist" },
    { "data/answers.json", "{\\\"level\\\":3}", "{\\\"level\\\":7}", "How are output and progress reported?" },
    { "data/answers.json", "\"question_id\" : \"systems.coverage\"", "\"question_id\" : \"systems.nothing\"",
      "systems.nothing" },
    { "data/answers.json", "{\\\"number\\\":35.5}", "{\\\"number\\\":1e999}", "number" },
    { "data/companies.json", "苏州明达机械", "苏州明达\\u0007机械", "control character U+0007" },
    { "data/companies.json", "\"employees\" : 120", "\"employees\" : -5", "employees" },
    { "data/assessments.json", "\"consultant\" : \"李顾问\"", "\"consultant\" : \"李\\n顾问\"", "control character" },
    { "data/history.json", "{\\\"level\\\":1}", "{\\\"level\\\":-4294967290}", "does not exist" },
  };
  g_autofree char *good = g_build_filename (f->dir, "good.sihua", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.sihua", NULL);
  g_autoptr(GError) error = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  sihua_bundle_export (f->store, NULL, good, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SihuaBundle) bundle = NULL;

      tamper_bundle (good, bad, cases[i].entry, cases[i].find, cases[i].replace);
      bundle = sihua_bundle_load (bad, &error);
      g_assert_null (bundle);
      g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: \"%s\" lacks \"%s\"", i, error->message, cases[i].message);
      g_clear_error (&error);
    }
}

/* The same client entered on two laptops (same credit code, different
 * UUIDs) merges into one company holding both sides' assessments. */
static void
test_bundle_same_uscc (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.sihua", NULL);
  g_autoptr(SihuaStore) other = sihua_test_open_store_in (f->dir, "other.db");
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  g_autoptr(SihuaCompany) mine = find_company (f->store, f->company_uuid);
  g_autoptr(SihuaCompany) theirs = sihua_company_new ("宁波精工");
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SihuaBundleConflict *conflict;
  gint64 theirs_id, assessment_id;

  g_free (mine->uscc);
  mine->uscc = g_strdup ("91330200MA2H4KXQ4U");
  sihua_store_update_company (f->store, mine, &error);
  g_assert_no_error (error);
  theirs->uscc = g_strdup ("91330200MA2H4KXQ4U");
  theirs_id = sihua_store_add_company (other, theirs, &error);
  g_assert_no_error (error);
  assessment_id = sihua_store_new_assessment (other, theirs_id, model, 0, "王顾问", &error);
  g_assert_no_error (error);
  set_answer (other, assessment_id, "systems.coverage", sihua_answer_value_new_level (1), NULL);

  report = analyse_export (other, f->store, path, &bundle);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (report->conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, SIHUA_BUNDLE_ROW_SAME_COMPANY);
  g_assert_cmpstr (conflict->local_uuid, ==, f->company_uuid);
  g_assert_cmpstr (conflict->label, ==, "宁波精工");

  /* Without a choice, nothing. */
  g_assert_false (sihua_bundle_import (bundle, f->store, report, &error));
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CONFLICTS);
  g_clear_error (&error);

  conflict->choice = SIHUA_BUNDLE_CHOICE_MINE;
  g_assert_true (sihua_bundle_import (bundle, f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->companies_merged, ==, 1);
  g_assert_cmpuint (report->companies_added, ==, 0);
  g_assert_cmpuint (count_companies (f->store), ==, 2);
  {
    g_autoptr(SihuaCompany) merged = find_company (f->store, f->company_uuid);
    g_autoptr(GPtrArray) assessments = sihua_store_list_assessments (f->store, merged->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (assessments->len, ==, 2);
    g_assert_cmpstr (merged->name, ==, "=HYPERLINK(\"http://x\") 宁波精工, Ltd");
  }
}

/* --- hostile bundles --------------------------------------------------- */

typedef struct
{
  const char *path;
  const char *data;
  gssize      length;     /* -1: strlen */
  int         type;       /* AE_IFREG, AE_IFLNK */
  gint64      declared;   /* -1: the real size */
} Member;

static void
write_zip (const char   *path,
           const Member *members,
           guint         n_members)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_members; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = members[i].length >= 0 ? (gsize) members[i].length : strlen (members[i].data);

      archive_entry_set_pathname (entry, members[i].path);
      archive_entry_set_filetype (entry, members[i].type != 0 ? (unsigned int) members[i].type : AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      if (members[i].type == AE_IFLNK)
        archive_entry_set_symlink (entry, members[i].data);
      else
        archive_entry_set_size (entry, length);
      archive_write_header (a, entry);
      if (members[i].type != AE_IFLNK)
        archive_write_data (a, members[i].data, length);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
}

static char *
manifest_for (const Member *members,
              guint         n_members,
              int           version,
              gboolean      bad_checksum)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "{\"format\":\"sihua-bundle\",\"format_version\":%d,"
                          "\"created\":\"2026-01-01T00:00:00Z\",\"app_version\":\"0.1.0\","
                          "\"models\":[],\"entries\":[", version);
  for (guint i = 0; i < n_members; i++)
    {
      gsize length = members[i].length >= 0 ? (gsize) members[i].length : strlen (members[i].data);
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) members[i].data, length);

      if (bad_checksum && i == 0)
        sha[0] = sha[0] == '0' ? '1' : '0';
      g_string_append_printf (text, "%s{\"path\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\"}",
                              i > 0 ? "," : "", members[i].path, length, sha);
    }
  g_string_append (text, "]}");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const Member good_data[] = {
  { "data/companies.json", "[]", -1, 0, -1 },
  { "data/assessments.json", "[]", -1, 0, -1 },
  { "data/answers.json", "[]", -1, 0, -1 },
  { "data/history.json", "[]", -1, 0, -1 },
};

/* A bundle of @extra members after a manifest listing @listed. */
static void
make_bundle (const char   *path,
             const Member *listed,
             guint         n_listed,
             const Member *extra,
             guint         n_extra,
             int           version,
             gboolean      bad_checksum)
{
  g_autofree char *manifest = manifest_for (listed, n_listed, version, bad_checksum);
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (Member));
  Member m = { "manifest.json", manifest, -1, 0, -1 };

  g_array_append_val (all, m);
  g_array_append_vals (all, listed, n_listed);
  g_array_append_vals (all, extra, n_extra);
  write_zip (path, (Member *) all->data, all->len);
}

typedef struct
{
  const char *name;
  int         code;
  const char *message_part;
} Hostile;

static void
generate_hostile (const char *dir)
{
  g_autofree char *p = NULL;
  Member bad_json[] = {
    { "data/companies.json", "[{\"uuid\": ", -1, 0, -1 },
    { "data/assessments.json", "[]", -1, 0, -1 },
    { "data/answers.json", "[]", -1, 0, -1 },
    { "data/history.json", "[]", -1, 0, -1 },
  };
  Member bad_row[] = {
    { "data/companies.json", "[{\"uuid\":\"not-a-uuid\",\"name\":\"x\",\"created_at\":1,\"updated_at\":1}]", -1, 0, -1 },
    { "data/assessments.json", "[]", -1, 0, -1 },
    { "data/answers.json", "[]", -1, 0, -1 },
    { "data/history.json", "[]", -1, 0, -1 },
  };
  Member bad_value[] = {
    { "data/companies.json", "[{\"uuid\":\"6c1d3f0e-2b7a-4c55-9a7e-0d8f4b1c2e3a\",\"name\":\"x\",\"size\":\"huge\",\"created_at\":1,\"updated_at\":1}]", -1, 0, -1 },
    { "data/assessments.json", "[]", -1, 0, -1 },
    { "data/answers.json", "[]", -1, 0, -1 },
    { "data/history.json", "[]", -1, 0, -1 },
  };
  Member dotdot[] = { { "../evil.json", "[]", -1, 0, -1 } };
  Member absolute[] = { { "/etc/evil.json", "[]", -1, 0, -1 } };
  Member symlink[] = { { "data/link.json", "/etc/passwd", -1, AE_IFLNK, -1 } };
  Member unlisted[] = { { "data/extra.json", "[]", -1, 0, -1 } };
  g_autofree char *zeros = g_malloc0 (64 * 1024 * 1024);
  Member bomb[] = { { "data/bomb.json", zeros, 64 * 1024 * 1024, 0, -1 } };

#define GEN(name, ...) g_free (p); p = g_build_filename (dir, name, NULL); __VA_ARGS__

  GEN ("wrong-checksum.sihua", make_bundle (p, good_data, 4, NULL, 0, 1, TRUE));
  GEN ("future-version.sihua", make_bundle (p, good_data, 4, NULL, 0, 99, FALSE));
  GEN ("dotdot-path.sihua", make_bundle (p, good_data, 4, dotdot, 1, 1, FALSE));
  GEN ("absolute-path.sihua", make_bundle (p, good_data, 4, absolute, 1, 1, FALSE));
  GEN ("symlink.sihua", make_bundle (p, good_data, 4, symlink, 1, 1, FALSE));
  GEN ("unlisted-entry.sihua", make_bundle (p, good_data, 4, unlisted, 1, 1, FALSE));
  GEN ("missing-entry.sihua", make_bundle (p, good_data, 4, NULL, 0, 1, FALSE);
       {
         /* drop the last data entry from the zip but keep it in the manifest */
         g_autofree char *manifest = manifest_for (good_data, 4, 1, FALSE);
         Member m[] = { { "manifest.json", manifest, -1, 0, -1 }, good_data[0], good_data[1], good_data[2] };
         write_zip (p, m, 4);
       });
  GEN ("malformed-json.sihua", make_bundle (p, bad_json, 4, NULL, 0, 1, FALSE));
  GEN ("bad-row.sihua", make_bundle (p, bad_row, 4, NULL, 0, 1, FALSE));
  GEN ("bad-value.sihua", make_bundle (p, bad_value, 4, NULL, 0, 1, FALSE));
  GEN ("zip-bomb.sihua", make_bundle (p, good_data, 4, bomb, 1, 1, FALSE));
  GEN ("huge-declared-size.sihua",
       {
         /* The headers claim 2 GiB for a two-byte entry. */
         Member huge[] = { { "data/huge.json", "[]", -1, 0, -1 } };
         g_autofree char *zip = NULL;
         gsize length;
         const char *name = "data/huge.json";

         make_bundle (p, good_data, 4, huge, 1, 1, FALSE);
         g_file_get_contents (p, &zip, &length, NULL);
         for (gsize at = 0; at + 46 + strlen (name) <= length; at++)
           if (memcmp (zip + at, "PK\x01\x02", 4) == 0 &&
               memcmp (zip + at + 46, name, strlen (name)) == 0)
             {
               guint32 size = GUINT32_TO_LE (0x7fffffff);
               memcpy (zip + at + 24, &size, 4);
             }
           else if (memcmp (zip + at, "PK\x03\x04", 4) == 0 &&
                    memcmp (zip + at + 30, name, strlen (name)) == 0)
             {
               guint32 size = GUINT32_TO_LE (0x7fffffff);
               memcpy (zip + at + 22, &size, 4);
             }
         g_file_set_contents (p, zip, length, NULL);
       });
  GEN ("not-a-zip.sihua", g_file_set_contents (p, "This is a letter, not a bundle.\n", -1, NULL));
  GEN ("truncated.sihua",
       {
         g_autofree char *whole = NULL;
         gsize length;
         g_autofree char *good = g_build_filename (dir, "good.sihua", NULL);

         make_bundle (good, good_data, 4, NULL, 0, 1, FALSE);

         g_file_get_contents (good, &whole, &length, NULL);
         g_file_set_contents (p, whole, length * 2 / 3, NULL);
       });
#undef GEN
}

static void
check_hostile (SihuaStore    *store,
               const char    *path,
               const Hostile *expected)
{
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  gsize before_length, after_length;
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;

  g_file_get_contents (sihua_store_get_path (store), &db_before, &before_length, NULL);
  report = import_bundle (store, path, SIHUA_BUNDLE_CHOICE_THEIRS, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", expected->name, error->message);
  g_assert_error (error, SIHUA_BUNDLE_ERROR, expected->code);
  if (strstr (error->message, expected->message_part) == NULL)
    g_error ("%s: \"%s\" lacks \"%s\"", expected->name, error->message, expected->message_part);
  g_file_get_contents (sihua_store_get_path (store), &db_after, &after_length, NULL);
  g_assert_cmpuint (before_length, ==, after_length);
  g_assert_true (memcmp (db_before, db_after, before_length) == 0);
}

static const Hostile hostile[] = {
  { "wrong-checksum.sihua", SIHUA_BUNDLE_ERROR_CHECKSUM, "SHA-256 checksum of data/companies.json" },
  { "future-version.sihua", SIHUA_BUNDLE_ERROR_VERSION, "format version 99" },
  { "dotdot-path.sihua", SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY, "unsafe path: ../evil.json" },
  { "absolute-path.sihua", SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY, "unsafe path: /etc/evil.json" },
  { "symlink.sihua", SIHUA_BUNDLE_ERROR_UNSAFE_ENTRY, "symbolic link (data/link.json)" },
  { "unlisted-entry.sihua", SIHUA_BUNDLE_ERROR_UNLISTED, "data/extra.json, which its manifest does not list" },
  { "missing-entry.sihua", SIHUA_BUNDLE_ERROR_MISSING, "lacks data/history.json" },
  { "malformed-json.sihua", SIHUA_BUNDLE_ERROR_INVALID, "data/companies.json in the bundle is not valid JSON" },
  { "bad-row.sihua", SIHUA_BUNDLE_ERROR_INVALID, "data/companies.json, row 1: not-a-uuid is not a UUID" },
  { "bad-value.sihua", SIHUA_BUNDLE_ERROR_INVALID, "row 1: size cannot be \"huge\"" },
  { "zip-bomb.sihua", SIHUA_BUNDLE_ERROR_TOO_LARGE, "zip bomb" },
  { "huge-declared-size.sihua", SIHUA_BUNDLE_ERROR_TOO_LARGE, "data/huge.json declares 2147483647 bytes" },
  { "not-a-zip.sihua", SIHUA_BUNDLE_ERROR_READ, "not a Sihua bundle" },
  { "truncated.sihua", SIHUA_BUNDLE_ERROR_TRUNCATED, "is truncated or damaged" },
};

static void
test_bundle_hostile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "hostile", NULL);

  g_mkdir (dir, 0700);
  generate_hostile (dir);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_build_filename (dir, hostile[i].name, NULL);
      check_hostile (f->store, path, &hostile[i]);
    }
}

/* The committed copies of a few, so the format's oddities stay pinned even
 * if libarchive's writer changes. */
static void
test_bundle_hostile_fixtures (Fixture       *f,
                              gconstpointer  data)
{
  const char *committed[] = { "wrong-checksum.sihua", "dotdot-path.sihua", "symlink.sihua",
                              "future-version.sihua", "truncated.sihua", "huge-declared-size.sihua" };

  for (guint i = 0; i < G_N_ELEMENTS (committed); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "bundles", committed[i], NULL);

      for (guint j = 0; j < G_N_ELEMENTS (hostile); j++)
        if (strcmp (hostile[j].name, committed[i]) == 0)
          check_hostile (f->store, path, &hostile[j]);
    }
}

/* --- the command line ---------------------------------------------------- */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (f->dir, "cli.sihua", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "cli.csv", NULL);
  g_autofree char *csv_answers = g_build_filename (f->dir, "cli-answers.csv", NULL);
  g_autofree char *theirs_bundle = g_build_filename (f->dir, "cli-theirs.sihua", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_clear_object (&f->store);

  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "export", "--format", "xlsx",
                                       "-o", xlsx, NULL), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "export", "--format", "csv", "--bom",
                                       "--assessment", f->assessment_uuid, "-o", csv, NULL), ==, 0);
  g_assert_true (g_file_test (csv_answers, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "export", "--format", "ods",
                                       "-o", csv, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "bundle", "export",
                                       "--company", f->company_uuid, "-o", bundle, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (other_db, &out, &err, "--json", "bundle", "import", bundle, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"companies_added\" : 1"));
  g_assert_nonnull (strstr (out, "\"imported\" : true"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Change the same answer on both sides: importing it back conflicts. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SihuaStore) other = sihua_store_open (other_db, &error);
    g_autoptr(SihuaStore) here = sihua_store_open (f->db_path, &error);
    g_assert_no_error (error);
    set_answer (other, local_assessment_id (other, f->assessment_uuid), "systems.coverage",
                sihua_answer_value_new_level (0), "changed there");
    set_answer (here, local_assessment_id (here, f->assessment_uuid), "systems.coverage",
                sihua_answer_value_new_level (1), "changed here");
    sihua_bundle_export (other, NULL, theirs_bundle, &error);
    g_assert_no_error (error);
  }

  g_file_get_contents (f->db_path, &before, &before_length, NULL);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "bundle", "import", theirs_bundle, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "answer:systems.coverage"));
  /* Both sides of the answer, so the choice is an informed one. */
  g_assert_nonnull (strstr (out, "mine {\"level\":1} · changed here"));
  g_assert_nonnull (strstr (out, "theirs {\"level\":0} · changed there"));
  g_assert_nonnull (strstr (err, "--on-conflict"));
  g_file_get_contents (f->db_path, &after, &after_length, NULL);
  g_assert_cmpuint (before_length, ==, after_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "bundle", "import", theirs_bundle,
                                       "--on-conflict", "sideways", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sihua_test_run_cli (f->db_path, &out, &err, "bundle", "import", theirs_bundle,
                                       "--on-conflict", "theirs", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "→ theirs"));
  g_assert_nonnull (strstr (out, "conflicts resolved: 1"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* SIHUA_MAKE_BUNDLE_FIXTURES=DIR regenerates tests/fixtures/bundles. */
  if (g_getenv ("SIHUA_MAKE_BUNDLE_FIXTURES") != NULL)
    {
      generate_hostile (g_getenv ("SIHUA_MAKE_BUNDLE_FIXTURES"));
      return 0;
    }

  g_test_add_func ("/exchange/cell/neutralise", test_cell_neutralise);
  g_test_add_func ("/exchange/cell/csv", test_cell_csv);
  g_test_add ("/exchange/export/csv", Fixture, "fill", fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/exchange/export/csv-for-people", Fixture, "fill", fixture_set_up, test_export_csv_for_people,
              fixture_tear_down);
  g_test_add ("/exchange/export/xlsx", Fixture, "fill", fixture_set_up, test_export_xlsx, fixture_tear_down);
  g_test_add ("/exchange/export/json", Fixture, "fill", fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/exchange/export/async", Fixture, "fill", fixture_set_up, test_export_async, fixture_tear_down);
  g_test_add ("/exchange/export/cancelled", Fixture, "fill", fixture_set_up, test_export_cancelled, fixture_tear_down);
  g_test_add ("/exchange/export/not-found", Fixture, "fill", fixture_set_up, test_export_not_found, fixture_tear_down);
  g_test_add ("/exchange/bundle/round-trip", Fixture, "fill", fixture_set_up, test_bundle_round_trip, fixture_tear_down);
  g_test_add ("/exchange/bundle/conflicts", Fixture, "fill", fixture_set_up, test_bundle_conflicts, fixture_tear_down);
  g_test_add ("/exchange/bundle/one-sided", Fixture, "fill", fixture_set_up, test_bundle_one_sided, fixture_tear_down);
  g_test_add ("/exchange/bundle/true-conflict", Fixture, "fill", fixture_set_up, test_bundle_true_conflict, fixture_tear_down);
  g_test_add ("/exchange/bundle/values", Fixture, "fill", fixture_set_up, test_bundle_values, fixture_tear_down);
  g_test_add ("/exchange/bundle/same-uscc", Fixture, "fill", fixture_set_up, test_bundle_same_uscc, fixture_tear_down);
  g_test_add ("/exchange/bundle/hostile", Fixture, "fill", fixture_set_up, test_bundle_hostile, fixture_tear_down);
  g_test_add ("/exchange/bundle/hostile-fixtures", Fixture, "fill", fixture_set_up, test_bundle_hostile_fixtures, fixture_tear_down);

  g_test_add ("/exchange/cli", Fixture, "fill", fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
