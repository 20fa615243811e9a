/* test-bundle-record.c: bundles carry the record of a visit (interviewees,
 * what each said, details, finalisation, revisions and their reports), an
 * older bundle still imports, and a merge never breaks a freeze.
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sihua-bundle.h"
#include "sihua-export.h"
#include "sihua-report.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

typedef struct
{
  char       *dir;
  SihuaStore *store;
  SihuaModel *model;
  gint64      assessment_id;
  char       *uuid;
  char       *bundle_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SihuaCompany) company = sihua_company_new ("华东精密机械");
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  f->dir = sihua_test_make_tmpdir ();
  f->store = sihua_test_open_store_in (f->dir, "a.db");
  f->model = sihua_test_load_data_model ("example-small.json");
  company_id = sihua_store_add_company (f->store, company, &error);
  g_assert_no_error (error);
  f->assessment_id = sihua_store_new_assessment (f->store, company_id, f->model, 0, "李工", &error);
  g_assert_no_error (error);
  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  f->uuid = g_strdup (assessment->uuid);
  f->bundle_path = g_build_filename (f->dir, "visit.sihua", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->model);
  sihua_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->uuid);
  g_free (f->bundle_path);
}

static const char *
ladder (Fixture *f,
        guint    nth)
{
  GPtrArray *questions = sihua_model_get_questions (f->model);

  for (guint i = 0; i < questions->len; i++)
    {
      const SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER && nth-- == 0)
        return question->id;
    }
  g_assert_not_reached ();
}

static void
finalize (SihuaStore *store,
          gint64      assessment_id)
{
  g_autoptr(GError) error = NULL;
  SihuaReportOptions options;

  sihua_report_options_init (&options);
  options.language = SIHUA_LANGUAGE_EN;
  g_assert_true (sihua_report_finalize (store, assessment_id, &options, &error));
  g_assert_no_error (error);
}

/* Two interviewees who disagree, dated details, every question answered. */
static void
record_visit (Fixture *f)
{
  g_autoptr(SihuaAnswerValue) low = sihua_answer_value_new_level (0);
  g_autoptr(SihuaAnswerValue) high = sihua_answer_value_new_level (3);
  g_autoptr(SihuaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wang, zhao;

  assessment = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_free (assessment->date);
  assessment->date = g_strdup ("2026-03-14");
  g_free (assessment->notes);
  assessment->notes = g_strdup ("二车间未看");
  assessment->target_level = 3;
  g_assert_true (sihua_store_update_assessment (f->store, assessment, &error));
  g_assert_no_error (error);

  wang = sihua_store_add_interviewee (f->store, f->assessment_id, "王芳", "生产经理", "生产部", &error);
  zhao = sihua_store_add_interviewee (f->store, f->assessment_id, "赵强", NULL, "信息部", &error);
  g_assert_no_error (error);
  g_assert_true (sihua_store_set_interviewee_answer (f->store, wang, ladder (f, 0), low, &error));
  g_assert_true (sihua_store_set_interviewee_answer (f->store, zhao, ladder (f, 0), high, &error));
  g_assert_no_error (error);
  sihua_test_answer_everything (f->store, f->model, f->assessment_id, 2);
}

static SihuaBundleReport *
import (SihuaStore *store,
        const char *path)
{
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GError) error = NULL;

  bundle = sihua_bundle_load (path, &error);
  g_assert_no_error (error);
  report = sihua_bundle_analyse (bundle, store, SIHUA_BUNDLE_CHOICE_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_bundle_import (bundle, store, report, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&report);
}

static SihuaStore *
other_store (Fixture    *f,
             const char *name)
{
  return sihua_test_open_store_in (f->dir, name);
}

/* Everything of the record arrives: the other database's record hash is
 * the same, so the same report short hash checks there too. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(SihuaAssessment) there = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GBytes) mine = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *my_record = NULL;
  g_autofree char *their_record = NULL;

  record_visit (f);
  finalize (f->store, f->assessment_id);
  g_assert_true (sihua_bundle_export (f->store, NULL, f->bundle_path, &error));
  g_assert_no_error (error);

  other = other_store (f, "b.db");
  report = import (other, f->bundle_path);
  g_assert_cmpuint (report->interviewees_added, ==, 2);
  g_assert_cmpuint (report->interviewee_answers_added, ==, 2);
  g_assert_cmpuint (report->revisions_added, ==, 1);
  g_assert_cmpuint (report->finalisations_taken, ==, 1);
  g_assert_cmpuint (report->finalisations_refused, ==, 0);

  there = sihua_store_get_assessment_by_uuid (other, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (there->date, ==, "2026-03-14");
  g_assert_cmpstr (there->notes, ==, "二车间未看");
  g_assert_cmpstr (there->consultant, ==, "李工");
  g_assert_cmpint (there->target_level, ==, 3);
  g_assert_cmpint (there->revision, ==, 1);
  g_assert_cmpint (there->finalized_at, >, 0);

  interviewees = sihua_store_list_interviewees (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interviewees->len, ==, 2);
  g_assert_cmpstr (((SihuaInterviewee *) interviewees->pdata[0])->name, ==, "王芳");
  g_assert_cmpstr (((SihuaInterviewee *) interviewees->pdata[0])->role, ==, "生产经理");
  said = sihua_store_list_interviewee_answers (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (said->len, ==, 2);
  to_discuss = sihua_interviewee_answers_to_discuss (said);
  g_assert_cmpuint (to_discuss->len, ==, 1);

  my_record = sihua_store_get_record_sha256 (f->store, f->assessment_id, &error);
  their_record = sihua_store_get_record_sha256 (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (my_record, ==, their_record);

  revisions = sihua_store_list_revisions (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (((SihuaRevision *) revisions->pdata[0])->record_sha256, ==, my_record);
  mine = sihua_store_get_revision_report (f->store, f->assessment_id, 1, &error);
  theirs = sihua_store_get_revision_report (other, there->id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (mine, theirs));

  /* Frozen there as here. */
  {
    g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (1);

    g_assert_false (sihua_store_set_answer (other, there->id, ladder (f, 0), level, NULL, NULL, &error));
    g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_FINALIZED);
    g_clear_error (&error);
  }

  /* The same bundle again changes nothing. */
  g_clear_pointer (&report, sihua_bundle_report_free);
  report = import (other, f->bundle_path);
  g_assert_cmpuint (report->interviewees_added, ==, 0);
  g_assert_cmpuint (report->revisions_added, ==, 0);
  g_assert_cmpuint (report->assessments_kept_final, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A bundle written before the record travelled: no interviewee, answer or
 * revision entries, and assessments without revision or finalisation. */
static void
strip_record (const char *path)
{
  static const char * const tables[] = { "data/assessments.json", NULL };
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = sihua_bundle_read_zip (path, &manifest, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_remove (entries, "data/interviewees.json"));
  g_assert_true (g_hash_table_remove (entries, "data/interviewee-answers.json"));
  g_assert_true (g_hash_table_remove (entries, "data/revisions.json"));

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      GBytes *bytes = g_hash_table_lookup (entries, tables[t]);
      JsonArray *rows;
      char *text;
      gsize length;

      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), &error));
      rows = json_node_get_array (json_parser_get_root (parser));
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);

          json_object_remove_member (row, "revision");
          json_object_remove_member (row, "finalized_at");
        }
      text = json_to_string (json_parser_get_root (parser), TRUE);
      length = strlen (text);
      g_hash_table_insert (entries, g_strdup (tables[t]), g_bytes_new_take (text, length));
    }

  json_object_remove_member (manifest, "entries");
  g_assert_true (sihua_bundle_write_zip (path, entries, manifest, &error));
  g_assert_no_error (error);
}

static void
test_older_bundle (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(SihuaAssessment) there = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;

  record_visit (f);
  finalize (f->store, f->assessment_id);
  g_assert_true (sihua_bundle_export (f->store, NULL, f->bundle_path, &error));
  strip_record (f->bundle_path);

  other = other_store (f, "b.db");
  report = import (other, f->bundle_path);
  g_assert_cmpuint (report->assessments_added, ==, 1);
  g_assert_cmpuint (report->interviewees_added, ==, 0);
  g_assert_cmpuint (report->finalisations_taken, ==, 0);

  /* The answers arrive; the assessment is in progress there. */
  there = sihua_store_get_assessment_by_uuid (other, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (there->finalized_at, ==, 0);
  g_assert_cmpint (there->revision, ==, 1);
  answers = sihua_store_load_answers (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), >, 0);
  interviewees = sihua_store_list_interviewees (other, there->id, &error);
  g_assert_cmpuint (interviewees->len, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Finalised here: a later bundle with a changed answer, a new interviewee
 * and a new evidence file takes nothing into it. */
static void
test_final_here_wins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SihuaAnswerValue) level = sihua_answer_value_new_level (3);
  g_autoptr(SihuaStore) other = NULL;
  g_autoptr(SihuaAssessment) there = NULL;
  g_autoptr(SihuaBundleReport) report = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("not really a photo", 18);
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *second = g_build_filename (f->dir, "second.sihua", NULL);

  record_visit (f);
  g_assert_true (sihua_bundle_export (f->store, NULL, f->bundle_path, &error));
  other = other_store (f, "b.db");
  g_clear_pointer (&report, sihua_bundle_report_free);
  report = import (other, f->bundle_path);
  there = sihua_store_get_assessment_by_uuid (other, f->uuid, &error);
  g_assert_no_error (error);
  finalize (other, there->id);
  before = sihua_store_get_record_sha256 (other, there->id, &error);

  /* Meanwhile the first laptop goes on. */
  g_assert_true (sihua_store_set_answer (f->store, f->assessment_id, ladder (f, 0), level, NULL, NULL, &error));
  g_assert_cmpint (sihua_store_add_interviewee (f->store, f->assessment_id, "钱亮", NULL, NULL, &error), >, 0);
  evidence = sihua_store_add_evidence (f->store, f->assessment_id, ladder (f, 0), "photo.txt", NULL, photo, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_bundle_export (f->store, NULL, second, &error));

  g_clear_pointer (&report, sihua_bundle_report_free);
  report = import (other, second);
  g_assert_cmpuint (report->assessments_kept_final, ==, 1);
  g_assert_cmpuint (report->interviewees_added, ==, 0);
  g_assert_cmpuint (report->evidence_added, ==, 0);
  after = sihua_store_get_record_sha256 (other, there->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  interviewees = sihua_store_list_interviewees (other, there->id, &error);
  g_assert_cmpuint (interviewees->len, ==, 2);
  files = sihua_store_list_evidence (other, there->id, NULL, &error);
  g_assert_cmpuint (files->len, ==, 0);

  /* The other way round: their finalisation is not taken onto a record
   * that differs here; everything else merges and it stays in progress. */
  g_assert_true (sihua_bundle_export (other, NULL, f->bundle_path, &error));
  g_clear_pointer (&report, sihua_bundle_report_free);
  report = import (f->store, f->bundle_path);
  g_assert_cmpuint (report->finalisations_refused, ==, 1);
  g_assert_cmpuint (report->revisions_added, ==, 1);
  g_clear_pointer (&there, sihua_assessment_free);
  there = sihua_store_get_assessment (f->store, f->assessment_id, &error);
  g_assert_cmpint (there->finalized_at, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A kept report changed inside a bundle is refused, even when the manifest
 * was rewritten to match. */
static void
test_damaged_report (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(SihuaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean damaged = FALSE;

  record_visit (f);
  finalize (f->store, f->assessment_id);
  g_assert_true (sihua_bundle_export (f->store, NULL, f->bundle_path, &error));
  entries = sihua_bundle_read_zip (f->bundle_path, &manifest, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "reports/"))
      {
        gsize size;
        guint8 *bytes = g_bytes_unref_to_data (g_bytes_ref (value), &size);

        bytes[size / 2] ^= 0x21;
        g_hash_table_iter_replace (&iter, g_bytes_new_take (bytes, size));
        damaged = TRUE;
      }
  g_assert_true (damaged);
  json_object_remove_member (manifest, "entries");
  g_assert_true (sihua_bundle_write_zip (f->bundle_path, entries, manifest, &error));
  g_assert_no_error (error);

  bundle = sihua_bundle_load (f->bundle_path, &error);
  g_assert_null (bundle);
  g_assert_error (error, SIHUA_BUNDLE_ERROR, SIHUA_BUNDLE_ERROR_CHECKSUM);
}

/* Exports list the status, the revision, the interviewees and, beside each
 * consolidated answer, what each of them said and whether to discuss it. */
static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  SihuaExportOptions csv = { SIHUA_EXPORT_FORMAT_CSV, NULL, NULL, FALSE, FALSE, SIHUA_LANGUAGE_ZH_CN };
  SihuaExportOptions json = { SIHUA_EXPORT_FORMAT_JSON, NULL, NULL, FALSE, FALSE, SIHUA_LANGUAGE_ZH_CN };
  g_autofree char *csv_path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *assessments_path = sihua_export_csv_table_path (csv_path, SIHUA_EXPORT_TABLE_ASSESSMENTS);
  g_autofree char *answers_path = sihua_export_csv_table_path (csv_path, SIHUA_EXPORT_TABLE_ANSWERS);
  g_autofree char *assessments = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  record_visit (f);
  finalize (f->store, f->assessment_id);
  g_assert_true (sihua_export_to_file (f->store, &csv, csv_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (assessments_path, &assessments, NULL, NULL));
  g_assert_true (g_file_get_contents (answers_path, &answers, NULL, NULL));
  g_assert_nonnull (strstr (assessments, ",revision,finalized,interviewees"));
  g_assert_nonnull (strstr (assessments, ",completed,"));
  g_assert_nonnull (strstr (assessments, ",1,20"));
  g_assert_nonnull (strstr (assessments, "王芳 (生产经理, 生产部); 赵强 (信息部)"));
  g_assert_nonnull (strstr (answers, ",interviewee_answers,to_discuss"));
  g_assert_nonnull (strstr (answers, "王芳: 0"));
  g_assert_nonnull (strstr (answers, "; 赵强: 3"));
  g_assert_nonnull (strstr (answers, ",true"));

  g_assert_true (sihua_export_to_file (f->store, &json, json_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"revision\":1"));
  g_assert_nonnull (strstr (text, "\"to_discuss\":true"));
  g_assert_nonnull (strstr (text, "\"to_discuss\":false"));
  g_assert_nonnull (strstr (text, "\"interviewees\":\"王芳 (生产经理, 生产部); 赵强 (信息部)\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bundle-record/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("older-bundle", test_older_bundle);
  ADD ("final-here-wins", test_final_here_wins);
  ADD ("damaged-report", test_damaged_report);
  ADD ("exports", test_exports);
#undef ADD

  return g_test_run ();
}
