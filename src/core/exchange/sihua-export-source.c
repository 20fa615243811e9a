/* sihua-export-source.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-export"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>

#include <json-glib/json-glib.h>

#include "sihua-answer.h"
#include "sihua-export.h"
#include "sihua-exchange-db.h"
#include "sihua-interviewee.h"
#include "sihua-row-text.h"
#include "sihua-scoring.h"

/*
 * The row source of every export: walks companies → assessments → answers
 * straight from the database, on a read-only connection of its own inside
 * one read transaction (a consistent snapshot while the UI keeps writing),
 * scores each assessment with the model it is pinned to, and hands the rows
 * to a writer one at a time.
 */

typedef struct
{
  sqlite3            *db;
  SihuaExportSink    *sink;
  SihuaLanguage       language;
  gboolean            localized;
  GHashTable         *models;        /* "id\nversion" → SihuaModel */
  GPtrArray          *dimensions;    /* SihuaExportDimension* */
  GHashTable         *dimension_pos; /* dimension id → position + 1 */
  double             *scores;
  int                *stages;
  gint64              total;
  gint64              done;
  SihuaExportProgressFunc progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} Walk;

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->models, g_hash_table_unref);
  g_clear_pointer (&walk->dimensions, g_ptr_array_unref);
  g_clear_pointer (&walk->dimension_pos, g_hash_table_unref);
  g_clear_pointer (&walk->scores, g_free);
  g_clear_pointer (&walk->stages, g_free);
  g_clear_pointer (&walk->db, sqlite3_close);
}

/* The scope condition shared by every query: all, one company or one
 * assessment, each given by local id or UUID. */
/* Also leaves out what is in the trash. */
#define SCOPE_SQL \
  " (?1 IS NULL OR c.id = ?1 OR c.uuid = ?1)" \
  " AND (?2 IS NULL OR a.id = ?2 OR a.uuid = ?2)" \
  " AND c.deleted_at IS NULL AND a.deleted_at IS NULL"

static void
bind_scope (sqlite3_stmt             *stmt,
            const SihuaExportOptions *options)
{
  sqlite3_bind_text (stmt, 1, options->company, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->assessment, -1, SQLITE_TRANSIENT);
}

static gboolean
load_models (Walk                      *walk,
             const SihuaExportOptions  *options,
             GError                   **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  int rc;

  stmt = sihua_exchange_db_prepare (walk->db,
                                    "SELECT m.model_id, m.model_version, m.json FROM models m"
                                    " WHERE EXISTS (SELECT 1 FROM assessments a"
                                    "   JOIN companies c ON c.id = a.company_id"
                                    "   WHERE a.model_id = m.model_id"
                                    "   AND a.model_version = m.model_version AND" SCOPE_SQL ")"
                                    " ORDER BY m.model_id, m.model_version",
                                    error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt->stmt, options);

  while ((rc = sqlite3_step (stmt->stmt)) == SQLITE_ROW)
    {
      const char *model_id;
      const char *version;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SihuaModel) model = NULL;
      GPtrArray *model_dimensions;

      if (!sihua_row_text_check (stmt->stmt, SIHUA_ROW_MODEL, -1, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED, error))
        return FALSE;
      model_id = (const char *)sqlite3_column_text (stmt->stmt, 0);
      version = (const char *)sqlite3_column_text (stmt->stmt, 1);
      bytes = g_bytes_new (sqlite3_column_blob (stmt->stmt, 2),
                                             sqlite3_column_bytes (stmt->stmt, 2));

      model = sihua_model_new_from_bytes (bytes, model_id, error);
      if (model == NULL)
        return FALSE;

      model_dimensions = sihua_model_get_dimensions (model);
      for (guint i = 0; i < model_dimensions->len; i++)
        {
          SihuaDimension *dimension = g_ptr_array_index (model_dimensions, i);

          if (!sihua_dimension_is_scored (dimension) ||
              g_hash_table_contains (walk->dimension_pos, dimension->id))
            continue;

          g_ptr_array_add (walk->dimensions,
                           sihua_export_dimension_new (dimension->id,
                                                       sihua_text_get (&dimension->title,
                                                                       walk->language, NULL)));
          g_hash_table_insert (walk->dimension_pos, g_strdup (dimension->id),
                               GUINT_TO_POINTER (walk->dimensions->len));
        }

      g_hash_table_insert (walk->models, g_strdup_printf ("%s\n%s", model_id, version),
                           g_steal_pointer (&model));
    }

  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (walk->db, error);

  return TRUE;
}

static char *
format_time (sqlite3_stmt *stmt,
             int           column)
{
  g_autoptr(GDateTime) time = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  time = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column) / G_USEC_PER_SEC);
  if (time == NULL)
    return NULL;

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static int
column_int_or (sqlite3_stmt *stmt,
               int           column,
               int           fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int (stmt, column);
}

typedef struct
{
  char             *question_id;
  SihuaAnswerValue *value;
  char             *raw;
  char             *note;
  char             *evidence;
  char             *author;
  char             *answered_at;
  char             *evidence_files;
  char             *said;           /* [[name, value], …] as JSON text, or NULL */
} AnswerRow;

static void
answer_row_free (AnswerRow *row)
{
  g_free (row->question_id);
  g_clear_pointer (&row->value, sihua_answer_value_free);
  g_free (row->raw);
  g_free (row->note);
  g_free (row->evidence);
  g_free (row->author);
  g_free (row->answered_at);
  g_free (row->evidence_files);
  g_free (row->said);
  g_free (row);
}

/* The stored status as the window names it; an unknown one stays as stored. */
static const char *
localized_status (const char *status)
{
  if (g_strcmp0 (status, "in_progress") == 0)
    return _("In progress");
  if (g_strcmp0 (status, "completed") == 0)
    return _("Completed");
  return status;
}

/* "王芳: 1 信息化; 赵强: 3 数字化" from the interviewees' answers to the
 * question, and whether they are far enough apart to discuss. */
static char *
describe_said (Walk                *walk,
               SihuaModel          *model,
               const SihuaQuestion *question,
               AnswerRow           *row,
               gboolean            *to_discuss)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  g_autoptr(GString) text = NULL;
  JsonArray *pairs;

  *to_discuss = FALSE;
  if (row->said == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, row->said, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;
  pairs = json_node_get_array (json_parser_get_root (parser));
  said = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_interviewee_answer_free);
  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonArray *pair = json_array_get_array_element (pairs, i);
      const char *name = json_array_get_string_element (pair, 0);
      const char *raw = json_array_get_string_element (pair, 1);
      SihuaAnswerValue *value = sihua_answer_value_deserialize (raw, NULL);
      g_autofree char *shown = NULL;
      SihuaIntervieweeAnswer *one;

      if (value == NULL)
        continue;
      shown = question != NULL ? sihua_answer_value_describe (value, question, model, walk->language)
                               : g_strdup (raw);
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "", name, shown);
      one = g_new0 (SihuaIntervieweeAnswer, 1);
      one->name = g_strdup (name);
      one->question_id = g_strdup (row->question_id);
      one->value = value;
      g_ptr_array_add (said, one);
    }
  flagged = sihua_interviewee_answers_to_discuss (said);
  *to_discuss = flagged->len > 0;

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
emit_answer (Walk                        *walk,
             const SihuaExportAssessment *assessment,
             SihuaModel                  *model,
             SihuaScore                  *score,
             AnswerRow                   *row,
             GError                     **error)
{
  SihuaExportAnswer answer = { 0 };
  SihuaQuestion *question = model != NULL ? sihua_model_lookup_question (model, row->question_id) : NULL;
  g_autofree char *display = NULL;
  g_autofree char *option_ids = NULL;
  g_autofree char *said = NULL;

  answer.company_uuid = assessment->company_uuid;
  answer.company_name = assessment->company_name;
  answer.assessment_uuid = assessment->uuid;
  answer.assessment_date = assessment->date;
  answer.question_id = row->question_id;
  /* Only a value that parsed is passed on: the JSON export embeds it. */
  answer.raw_value = row->value != NULL ? row->raw : NULL;
  answer.note = row->note;
  answer.evidence = row->evidence;
  answer.answered_at = row->answered_at;
  answer.answered_by = row->author;
  answer.evidence_files = row->evidence_files;
  answer.level = -1;
  said = describe_said (walk, model, question, row, &answer.to_discuss);
  answer.interviewee_answers = said;

  if (row->value != NULL)
    {
      answer.not_applicable = row->value->kind == SIHUA_ANSWER_NA;
      /* The ids beside the readable value, so a script need not parse it. */
      if (row->value->kind == SIHUA_ANSWER_OPTIONS)
        option_ids = g_strjoinv (",", row->value->option_ids);
      else if (row->value->kind == SIHUA_ANSWER_OPTION)
        option_ids = g_strdup (row->value->option_id);
      answer.option_ids = option_ids;
      if (row->value->kind == SIHUA_ANSWER_NUMBER)
        {
          answer.has_number = TRUE;
          answer.number = row->value->number;
        }
    }

  if (question != NULL)
    {
      answer.dimension_id = question->dimension->id;
      answer.dimension_title = sihua_text_get (&question->dimension->title, walk->language, NULL);
      answer.question_text = sihua_text_get (&question->text, walk->language, NULL);

      if (row->value != NULL)
        {
          const SihuaQuestionScore *question_score = NULL;
          gboolean has_points;
          double points;

          display = sihua_answer_value_describe (row->value, question, model, walk->language);
          if (score != NULL)
            question_score = sihua_score_lookup_question (score, row->question_id);
          if (question_score != NULL)
            answer.level = question_score->level;
          else
            sihua_answer_value_evaluate (row->value, question, &answer.level, &has_points, &points);
        }
    }
  answer.value = display != NULL ? display : row->raw;

  return sihua_export_sink_answer (walk->sink, &answer, error);
}

static gboolean
emit_assessment (Walk          *walk,
                 sqlite3_stmt  *row,
                 sqlite3_stmt  *answers_stmt,
                 const char    *company_uuid,
                 const char    *company_name,
                 GError       **error)
{
  SihuaExportAssessment assessment = { 0 };
  g_autofree char *key = g_strdup_printf ("%s\n%s", column_text (row, 2), column_text (row, 3));
  SihuaModel *model = g_hash_table_lookup (walk->models, key);
  g_autoptr(GHashTable) table = sihua_answer_table_new ();
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_row_free);
  g_autoptr(SihuaScore) score = NULL;
  g_autofree char *created = format_time (row, 12);
  g_autofree char *modified = format_time (row, 13);
  g_autofree char *finalized = format_time (row, 15);
  int rc;

  sqlite3_reset (answers_stmt);
  sqlite3_bind_int64 (answers_stmt, 1, sqlite3_column_int64 (row, 0));
  while ((rc = sqlite3_step (answers_stmt)) == SQLITE_ROW)
    {
      AnswerRow *answer;

      /* NOT NULL in the schema, but read from the answers' index, which
       * quick_check does not compare with the table: a damaged index can
       * hand out NULL. */
      if (column_text (answers_stmt, 0) == NULL)
        {
          g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED,
                       _("An answer is stored without its question: the database is damaged"));
          return FALSE;
        }
      if (!sihua_row_text_check (answers_stmt, SIHUA_ROW_ANSWER, 0,
                                 SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED, error))
        return FALSE;
      answer = g_new0 (AnswerRow, 1);
      answer->question_id = g_strdup (column_text (answers_stmt, 0));
      answer->raw = g_strdup (column_text (answers_stmt, 1));
      answer->note = g_strdup (column_text (answers_stmt, 2));
      answer->evidence = g_strdup (column_text (answers_stmt, 3));
      answer->author = g_strdup (column_text (answers_stmt, 4));
      answer->answered_at = format_time (answers_stmt, 5);
      answer->evidence_files = g_strdup (column_text (answers_stmt, 6));
      answer->said = g_strdup (column_text (answers_stmt, 7));
      answer->value = sihua_answer_value_deserialize (answer->raw, NULL);

      if (answer->value != NULL)
        g_hash_table_replace (table, g_strdup (answer->question_id),
                              sihua_answer_new (answer->question_id,
                                                sihua_answer_value_copy (answer->value),
                                                answer->note, answer->evidence));
      g_hash_table_replace (rows, answer->question_id, answer);
      g_ptr_array_add (order, answer);
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (walk->db, error);

  for (guint d = 0; d < walk->dimensions->len; d++)
    {
      walk->scores[d] = NAN;
      walk->stages[d] = -1;
    }

  assessment.index = NAN;
  assessment.stage = -1;
  if (model != NULL)
    {
      score = sihua_scoring_compute (model, table);
      assessment.index = sihua_score_get_index (score);
      assessment.stage = sihua_score_get_stage (score);
      assessment.answered = sihua_score_get_answered (score);
      assessment.applicable = sihua_score_get_applicable (score);

      for (guint d = 0; d < sihua_score_get_n_dimensions (score); d++)
        {
          const SihuaDimensionScore *dimension_score = sihua_score_get_dimension (score, d);
          guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (walk->dimension_pos,
                                                             dimension_score->dimension->id));

          if (pos == 0 || !dimension_score->scored)
            continue;
          walk->scores[pos - 1] = dimension_score->score;
          walk->stages[pos - 1] = dimension_score->stage;
        }
    }

  assessment.uuid = column_text (row, 1);
  assessment.company_uuid = company_uuid;
  assessment.company_name = company_name;
  assessment.model_id = column_text (row, 2);
  assessment.model_version = column_text (row, 3);
  assessment.date = column_text (row, 4);
  assessment.consultant = column_text (row, 5);
  assessment.status = column_text (row, 6);
  if (walk->localized && walk->sink->localized)
    assessment.status = localized_status (assessment.status);
  assessment.target_level = column_int_or (row, 8, -1);
  assessment.notes = column_text (row, 9);
  assessment.previous_uuid = column_text (row, 10);
  assessment.created = created;
  assessment.modified = modified;
  assessment.dimension_scores = walk->scores;
  assessment.dimension_stages = walk->stages;
  assessment.revision = column_int_or (row, 14, 1);
  assessment.finalized = finalized;
  assessment.interviewees = column_text (row, 16);

  if (!sihua_export_sink_assessment (walk->sink, &assessment, error))
    return FALSE;

  /* Answers in the order of the model's questions, then any the model does
   * not know (kept, never dropped). */
  if (model != NULL)
    {
      GPtrArray *questions = sihua_model_get_questions (model);

      for (guint q = 0; q < questions->len; q++)
        {
          SihuaQuestion *question = g_ptr_array_index (questions, q);
          AnswerRow *answer = g_hash_table_lookup (rows, question->id);

          if (answer == NULL)
            continue;
          if (!emit_answer (walk, &assessment, model, score, answer, error))
            return FALSE;
          g_hash_table_remove (rows, question->id);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      AnswerRow *answer = g_ptr_array_index (order, i);

      if (g_hash_table_lookup (rows, answer->question_id) != answer)
        continue;
      if (!emit_answer (walk, &assessment, model, score, answer, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
walk_rows (Walk                      *walk,
           const SihuaExportOptions  *options,
           GError                   **error)
{
  g_autoptr(SihuaExchangeStmt) companies = NULL;
  g_autoptr(SihuaExchangeStmt) assessments = NULL;
  g_autoptr(SihuaExchangeStmt) answers = NULL;
  int rc;

  companies = sihua_exchange_db_prepare (walk->db,
                                         "SELECT c.id, c.uuid, c.name, c.uscc, c.industry, c.size,"
                                         " c.employees, c.region, c.address, c.contact, c.notes,"
                                         " c.created_at, c.updated_at FROM companies c"
                                         " WHERE (?1 IS NULL OR c.id = ?1 OR c.uuid = ?1) AND c.deleted_at IS NULL"
                                         " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM assessments a"
                                         "   WHERE a.company_id = c.id AND (a.id = ?2 OR a.uuid = ?2)"
                                         "   AND a.deleted_at IS NULL))"
                                         " ORDER BY c.name, c.id",
                                         error);
  assessments = sihua_exchange_db_prepare (walk->db,
                                           "SELECT a.id, a.uuid, a.model_id, a.model_version, a.date,"
                                           " a.consultant, a.status, a.respondents, a.target_level,"
                                           " a.notes, p.uuid, a.company_id, a.created_at, a.updated_at,"
                                           " a.revision, a.finalized_at,"
                                           /* "王芳 (生产经理, 生产部); 赵强", in the order added. */
                                           " (SELECT group_concat (shown, '; ') FROM"
                                           "  (SELECT i.name || coalesce (' (' || coalesce (i.role || ', ' || i.department,"
                                           "   i.role, i.department) || ')', '') AS shown FROM interviewees i"
                                           "   WHERE i.assessment_id = a.id ORDER BY i.id))"
                                           " FROM assessments a"
                                           " LEFT JOIN assessments p ON p.id = a.previous_id"
                                           " WHERE a.company_id = ?3 AND a.deleted_at IS NULL"
                                           " AND (?2 IS NULL OR a.id = ?2 OR a.uuid = ?2)"
                                           " ORDER BY a.date, a.id",
                                           error);
  answers = sihua_exchange_db_prepare (walk->db,
                                       "SELECT r.question_id, r.value, r.note, r.evidence, r.author, r.updated_at,"
                                       /* "name sha256; name sha256", in the order added. */
                                       " (SELECT group_concat (file_name || ' ' || sha256, '; ') FROM"
                                       "  (SELECT e.file_name, e.sha256 FROM evidence e"
                                       "   WHERE e.assessment_id = r.assessment_id AND e.question_id = r.question_id"
                                       "   AND e.deleted_at IS NULL ORDER BY e.ordinal, e.id)),"
                                       /* What each interviewee said, in the order they were added. */
                                       " (SELECT CASE WHEN count (*) > 0 THEN json_group_array (json_array (name, value)) END FROM"
                                       "  (SELECT i.name, x.value FROM interviewee_answers x"
                                       "   JOIN interviewees i ON i.id = x.interviewee_id"
                                       "   WHERE i.assessment_id = r.assessment_id AND x.question_id = r.question_id"
                                       "   ORDER BY i.id))"
                                       " FROM answers r WHERE r.assessment_id = ?1 ORDER BY r.id",
                                       error);
  if (companies == NULL || assessments == NULL || answers == NULL)
    return FALSE;

  bind_scope (companies->stmt, options);
  bind_scope (assessments->stmt, options);

  while ((rc = sqlite3_step (companies->stmt)) == SQLITE_ROW)
    {
      sqlite3_stmt *c = companies->stmt;
      SihuaExportCompany company = { 0 };
      g_autofree char *created = format_time (c, 11);
      g_autofree char *modified = format_time (c, 12);

      if (!sihua_row_text_check (c, SIHUA_ROW_COMPANY, 2, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED, error))
        return FALSE;

      company.uuid = column_text (c, 1);
      company.name = column_text (c, 2);
      company.uscc = column_text (c, 3);
      company.industry = column_text (c, 4);
      company.size = column_text (c, 5);
      company.employees = column_int_or (c, 6, -1);
      company.region = column_text (c, 7);
      company.address = column_text (c, 8);
      company.contact = column_text (c, 9);
      company.notes = column_text (c, 10);
      company.created = created;
      company.modified = modified;

      if (g_cancellable_set_error_if_cancelled (walk->cancellable, error) ||
          !sihua_export_sink_company (walk->sink, &company, error))
        return FALSE;

      sqlite3_reset (assessments->stmt);
      sqlite3_bind_int64 (assessments->stmt, 3, sqlite3_column_int64 (c, 0));
      while ((rc = sqlite3_step (assessments->stmt)) == SQLITE_ROW)
        {
          if (!sihua_row_text_check (assessments->stmt, SIHUA_ROW_ASSESSMENT, 4,
                                     SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_FAILED, error) ||
              !emit_assessment (walk, assessments->stmt, answers->stmt,
                                company.uuid, company.name, error))
            return FALSE;

          walk->done++;
          if (walk->done % 256 == 0)
            {
              if (g_cancellable_set_error_if_cancelled (walk->cancellable, error))
                return FALSE;
              if (walk->progress != NULL && walk->total > 0)
                walk->progress ((double) walk->done / walk->total, walk->progress_data);
            }
        }
      if (rc != SQLITE_DONE)
        return sihua_exchange_db_error (walk->db, error);
    }
  if (rc != SQLITE_DONE)
    return sihua_exchange_db_error (walk->db, error);

  return TRUE;
}

static gboolean
check_scope (Walk                      *walk,
             const SihuaExportOptions  *options,
             GError                   **error)
{
  g_autoptr(SihuaExchangeStmt) stmt = NULL;
  gint64 n_companies;

  stmt = sihua_exchange_db_prepare (walk->db,
                                    "SELECT (SELECT count(*) FROM companies c"
                                    "        WHERE (?1 IS NULL OR c.id = ?1 OR c.uuid = ?1) AND c.deleted_at IS NULL),"
                                    " (SELECT count(*) FROM assessments a"
                                    "  JOIN companies c ON c.id = a.company_id WHERE" SCOPE_SQL ")",
                                    error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt->stmt, options);
  if (sqlite3_step (stmt->stmt) != SQLITE_ROW)
    return sihua_exchange_db_error (walk->db, error);

  n_companies = sqlite3_column_int64 (stmt->stmt, 0);
  walk->total = sqlite3_column_int64 (stmt->stmt, 1);

  if (options->company != NULL && n_companies == 0)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_NOT_FOUND,
                   _("There is no company %s"), options->company);
      return FALSE;
    }
  if (options->assessment != NULL && walk->total == 0)
    {
      g_set_error (error, SIHUA_EXPORT_ERROR, SIHUA_EXPORT_ERROR_NOT_FOUND,
                   _("There is no assessment %s"), options->assessment);
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_path (const char                *db_path,
             const SihuaExportOptions  *options,
             const char                *path,
             SihuaExportProgressFunc    progress,
             gpointer                   progress_data,
             GCancellable              *cancellable,
             GError                   **error)
{
  Walk walk = { 0 };
  g_autoptr(SihuaExportSink) sink = NULL;
  gboolean ok;

  walk.language = options->language;
  walk.localized = options->localized;
  walk.progress = progress;
  walk.progress_data = progress_data;
  walk.cancellable = cancellable;
  walk.models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  walk.dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_export_dimension_free);
  walk.dimension_pos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  walk.db = sihua_exchange_db_open_read (db_path, error);
  ok = walk.db != NULL &&
       sihua_exchange_db_exec (walk.db, "BEGIN", error) &&
       check_scope (&walk, options, error) &&
       load_models (&walk, options, error);

  if (ok)
    {
      walk.scores = g_new0 (double, MAX (walk.dimensions->len, 1));
      walk.stages = g_new0 (int, MAX (walk.dimensions->len, 1));
      sink = sihua_export_sink_new (options->format, path, options->bom, error);
      if (sink != NULL)
        sink->localized = options->localized && options->format != SIHUA_EXPORT_FORMAT_JSON;
      walk.sink = sink;
      ok = sink != NULL &&
           sihua_export_sink_begin (sink, walk.dimensions, error) &&
           walk_rows (&walk, options, error) &&
           sihua_export_sink_finish (sink, error);
    }

  if (ok && progress != NULL)
    progress (1.0, progress_data);

  walk_clear (&walk);

  return ok;
}

/**
 * sihua_export_to_file:
 * @store: the database to export from
 * @options: what to export and how
 * @path: the file to write (for CSV, see sihua_export_csv_table_path())
 * @progress: (nullable): told the share done now and then
 * @cancellable: (nullable): stops the export; no file is left behind
 *
 * Returns: %TRUE when the file is complete.
 */
gboolean
sihua_export_to_file (SihuaStore                *store,
                      const SihuaExportOptions  *options,
                      const char                *path,
                      SihuaExportProgressFunc    progress,
                      gpointer                   progress_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  g_return_val_if_fail (SIHUA_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_path (sihua_store_get_path (store), options, path,
                      progress, progress_data, cancellable, error);
}

typedef struct
{
  char                    *db_path;
  SihuaExportOptions       options;
  char                    *path;
  SihuaExportProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_data_destroy;
  GMainContext            *context;
  double                   fraction;
  gboolean                 pending;
  GMutex                   mutex;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->options.company);
  g_free (job->options.assessment);
  g_free (job->path);
  if (job->progress_data_destroy != NULL)
    job->progress_data_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer data)
{
  GTask *task = data;
  ExportJob *job = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  job->pending = FALSE;
  g_mutex_unlock (&job->mutex);

  job->progress (fraction, job->progress_data);

  return G_SOURCE_REMOVE;
}

/* Runs in the worker; hands the fraction to the caller's context, at most
 * one report in flight so a slow main loop is never flooded. */
static void
worker_progress (double   fraction,
                 gpointer data)
{
  GTask *task = data;
  ExportJob *job = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  schedule = !job->pending;
  job->pending = TRUE;
  g_mutex_unlock (&job->mutex);

  if (schedule)
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress_cb,
                                g_object_ref (task), g_object_unref);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (export_path (job->db_path, &job->options, job->path,
                   job->progress != NULL ? worker_progress : NULL, task,
                   cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sihua_export_to_file_async (SihuaStore                *store,
                            const SihuaExportOptions  *options,
                            const char                *path,
                            SihuaExportProgressFunc    progress,
                            gpointer                   progress_data,
                            GDestroyNotify             progress_data_destroy,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SIHUA_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (sihua_store_get_path (store));
  job->options = *options;
  job->options.company = g_strdup (options->company);
  job->options.assessment = g_strdup (options->assessment);
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_destroy = progress_data_destroy;
  job->context = g_main_context_ref_thread_default ();
  g_mutex_init (&job->mutex);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sihua_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sihua_export_to_file_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
