/* sihua-score-json.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-score-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-json-guard.h"

#include "sihua-score-json.h"

const char *
sihua_requirement_kind_to_string (SihuaRequirementKind kind)
{
  switch (kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      return "stage_share";
    case SIHUA_REQUIREMENT_NO_LAGGARD:
      return "no_laggard";
    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      return "points_total";
    case SIHUA_REQUIREMENT_INDEX_MIN:
      return "index_min";
    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      return "count_at_stage";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sihua_band_level_to_string (SihuaBandLevel band)
{
  switch (band)
    {
    case SIHUA_BAND_LOW:
      return "low";
    case SIHUA_BAND_MEDIUM:
      return "medium";
    case SIHUA_BAND_HIGH:
      return "high";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_stage (JsonBuilder *builder,
           const char  *name,
           int          stage)
{
  json_builder_set_member_name (builder, name);
  if (stage < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, stage);
}

static void
add_stage_name (JsonBuilder   *builder,
                const char    *name,
                SihuaModel    *model,
                int            stage,
                SihuaLanguage  language)
{
  const SihuaLevel *level = stage >= 0 ? sihua_model_get_level (model, stage) : NULL;

  json_builder_set_member_name (builder, name);
  if (level == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, sihua_text_get (&level->name, language, NULL));
}

static void
add_text (JsonBuilder     *builder,
          const char      *name,
          const SihuaText *text,
          SihuaLanguage    language)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, sihua_text_get (text, language, NULL));
}

static void
add_dimension_gaps (JsonBuilder   *builder,
                    const char    *name,
                    GPtrArray     *gaps,
                    SihuaModel    *model,
                    SihuaLanguage  language)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < gaps->len; i++)
    {
      const SihuaDimensionGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *text = sihua_dimension_gap_describe (gap, model, language);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gap->dimension->id);
      add_stage (builder, "stage", gap->stage);
      add_stage (builder, "target", gap->target);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < gap->questions->len; j++)
        {
          const SihuaQuestionGap *q = &g_array_index (gap->questions, SihuaQuestionGap, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "question");
          json_builder_add_string_value (builder, q->question->id);
          json_builder_set_member_name (builder, "level");
          json_builder_add_int_value (builder, q->level);
          json_builder_set_member_name (builder, "needed");
          json_builder_add_int_value (builder, q->needed);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "unanswered");
      json_builder_add_int_value (builder, gap->unanswered);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_next_level (JsonBuilder    *builder,
                  SihuaNextLevel *next,
                  SihuaModel     *model,
                  SihuaLanguage   language)
{
  json_builder_begin_object (builder);
  add_stage (builder, "stage", next->stage);
  add_stage (builder, "target", next->target);
  add_stage_name (builder, "target_name", model, next->target, language);

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < next->requirements->len; i++)
    {
      const SihuaRequirementGap *gap = &g_array_index (next->requirements, SihuaRequirementGap, i);
      g_autofree char *text = sihua_requirement_gap_describe (gap, model, language);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, gap->level);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sihua_requirement_kind_to_string (gap->requirement->kind));
      json_builder_set_member_name (builder, "have");
      json_builder_add_double_value (builder, gap->have);
      json_builder_set_member_name (builder, "need");
      json_builder_add_double_value (builder, gap->need);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_dimension_gaps (builder, "dimensions", next->overall, model, language);
  add_dimension_gaps (builder, "per_dimension", next->dimensions, model, language);
  json_builder_end_object (builder);
}

/**
 * sihua_next_level_to_json:
 *
 * Returns: (transfer full): the next-level object of `score --json`.
 */
JsonNode *
sihua_next_level_to_json (SihuaNextLevel *next,
                          SihuaModel     *model,
                          SihuaLanguage   language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (next != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  build_next_level (builder, next, model, language);
  return json_builder_get_root (builder);
}

/* The official currency of a points model: "points": {"total", "max",
 * "areas": [{"id", "name", "points", "max"}]}, and "subsets": [{"id",
 * "size", "at_stage": [n_1 … n_top]}] — how many of each subset's
 * dimensions are at each level or above. Sums are exact. */
static void
build_points (JsonBuilder   *builder,
              SihuaScore    *score,
              SihuaLanguage  language)
{
  SihuaModel *model = sihua_score_get_model (score);
  g_auto(GStrv) subsets = sihua_model_list_subsets (model);

  json_builder_set_member_name (builder, "points");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_double_value (builder, sihua_score_get_points_total (score));
  json_builder_set_member_name (builder, "max");
  json_builder_add_double_value (builder, sihua_score_get_points_max (score));
  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sihua_score_get_n_area_points (score); i++)
    {
      const SihuaAreaPoints *area = sihua_score_get_area_points (score, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, area->area->id);
      add_text (builder, "name", &area->area->title, language);
      json_builder_set_member_name (builder, "points");
      json_builder_add_double_value (builder, area->points);
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, area->max);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "subsets");
  json_builder_begin_array (builder);
  for (guint i = 0; subsets[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, subsets[i]);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_strv_length ((GStrv) sihua_model_get_subset (model, subsets[i])));
      json_builder_set_member_name (builder, "at_stage");
      json_builder_begin_array (builder);
      for (int level = 1; level <= sihua_score_get_max_stage (score); level++)
        json_builder_add_int_value (builder, sihua_score_count_at_stage (score, subsets[i], level));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * sihua_score_to_json:
 * @score: the score
 * @flags: (element-type SihuaAnswerFlag): from sihua_answer_flags_compute()
 * @next: from sihua_next_level_compute()
 * @language: the language of the texts
 *
 * Returns: (transfer full): the object `sihua-cli score --json` prints.
 */
JsonNode *
sihua_score_to_json (SihuaScore     *score,
                     GArray         *flags,
                     SihuaNextLevel *next,
                     SihuaLanguage   language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  SihuaModel *model;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (flags != NULL, NULL);
  g_return_val_if_fail (next != NULL, NULL);

  model = sihua_score_get_model (score);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, sihua_model_get_id (model));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, sihua_model_get_version (model));
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, sihua_score_is_complete (score));
  json_builder_set_member_name (builder, "answered");
  json_builder_add_int_value (builder, sihua_score_get_answered (score));
  json_builder_set_member_name (builder, "applicable");
  json_builder_add_int_value (builder, sihua_score_get_applicable (score));
  add_double_or_null (builder, "index", sihua_score_get_index (score));
  add_stage (builder, "stage", sihua_score_get_stage (score));
  add_stage_name (builder, "stage_name", model, sihua_score_get_stage (score), language);

  if (sihua_score_get_n_area_points (score) > 0)
    build_points (builder, score, language);

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *d = sihua_score_get_dimension (score, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, d->dimension->id);
      add_double_or_null (builder, "score", d->scored ? d->score : NAN);
      add_stage (builder, "stage", d->has_levels ? d->stage : -1);
      json_builder_set_member_name (builder, "answered");
      json_builder_add_int_value (builder, d->answered);
      json_builder_set_member_name (builder, "applicable");
      json_builder_add_int_value (builder, d->applicable);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->len; i++)
    {
      const SihuaAnswerFlag *flag = &g_array_index (flags, SihuaAnswerFlag, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, flag->question->id);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, sihua_answer_flag_reason_to_string (flag->reason));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "next_level");
  build_next_level (builder, next, model, language);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Where the measure stands and what the consultant set for it. */
static void
add_plan (JsonBuilder            *builder,
          const SihuaRoadmapItem *item,
          SihuaModel             *model,
          int                     phase,
          SihuaLanguage           language)
{
  const SihuaRoadmapEdit *edit = item->edit;
  g_autofree char *reason = NULL;

  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, item->rank);
  add_optional_string (builder, "phase", phase >= 0 ? sihua_horizon_to_string (phase) : NULL);
  json_builder_set_member_name (builder, "do_first");
  json_builder_add_boolean_value (builder, item->do_first);
  json_builder_set_member_name (builder, "deferred");
  json_builder_add_boolean_value (builder, item->deferred);
  add_optional_string (builder, "promoted_by",
                       item->promoted_by != NULL ? item->promoted_by->id : NULL);
  add_optional_string (builder, "after", item->after != NULL ? item->after->id : NULL);
  reason = sihua_roadmap_item_describe_reason (item, model, language, NULL, NULL);
  add_optional_string (builder, "reason", reason);
  add_optional_string (builder, "status",
                       sihua_measure_status_to_string (edit != NULL ? edit->status
                                                                    : SIHUA_MEASURE_PLANNED));
  json_builder_set_member_name (builder, "own");
  json_builder_add_boolean_value (builder, edit != NULL && sihua_roadmap_edit_is_own (edit));
  add_optional_string (builder, "owner", edit != NULL ? edit->owner : NULL);
  json_builder_set_member_name (builder, "budget");
  if (edit != NULL && !isnan (edit->budget))
    json_builder_add_double_value (builder, edit->budget);
  else
    json_builder_add_null_value (builder);
  add_optional_string (builder, "start", edit != NULL ? edit->start : NULL);
  add_optional_string (builder, "due", edit != NULL ? edit->due : NULL);
  add_optional_string (builder, "note", edit != NULL ? edit->note : NULL);
}

static void
add_item (JsonBuilder            *builder,
          const SihuaRoadmapItem *item,
          SihuaModel             *model,
          int                     phase,
          SihuaLanguage           language)
{
  const SihuaRecommendation *recommendation = item->recommendation;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, recommendation->id);
  json_builder_set_member_name (builder, "dimension");
  if (item->dimension != NULL)
    json_builder_add_string_value (builder, item->dimension->id);
  else
    json_builder_add_null_value (builder);
  add_stage (builder, "level", recommendation->level);
  add_stage (builder, "stage", item->stage);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_double_value (builder, item->impact);
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, item->required);
  json_builder_set_member_name (builder, "quick_win");
  json_builder_add_boolean_value (builder, recommendation->quick_win);
  json_builder_set_member_name (builder, "horizon");
  json_builder_add_string_value (builder, sihua_horizon_to_string (recommendation->horizon));
  json_builder_set_member_name (builder, "effort");
  json_builder_add_string_value (builder, sihua_band_level_to_string (recommendation->effort));
  json_builder_set_member_name (builder, "cost");
  json_builder_add_string_value (builder, sihua_band_level_to_string (recommendation->cost));
  add_text (builder, "title", &recommendation->title, language);
  add_text (builder, "detail", &recommendation->detail, language);
  add_plan (builder, item, model, phase, language);
  json_builder_end_object (builder);
}

/**
 * sihua_roadmap_to_json:
 *
 * Returns: (transfer full): the object `sihua-cli roadmap --json` prints.
 */
JsonNode *
sihua_roadmap_to_json (SihuaRoadmap  *roadmap,
                       SihuaModel    *model,
                       SihuaLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (roadmap != NULL, NULL);
  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, sihua_model_get_id (model));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, sihua_model_get_version (model));
  add_stage (builder, "stage", roadmap->stage);
  add_stage (builder, "target", roadmap->target);
  add_stage_name (builder, "target_name", model, roadmap->target, language);

  json_builder_set_member_name (builder, "gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roadmap->gaps->len; i++)
    {
      const SihuaTargetGap *gap = &g_array_index (roadmap->gaps, SihuaTargetGap, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dimension");
      json_builder_add_string_value (builder, gap->dimension->id);
      add_stage (builder, "stage", gap->stage);
      json_builder_set_member_name (builder, "missing");
      json_builder_add_int_value (builder, gap->missing);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      const SihuaRoadmapPhase *phase = &roadmap->phases[h];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "horizon");
      json_builder_add_string_value (builder, sihua_horizon_to_string (phase->horizon));
      json_builder_set_member_name (builder, "capacity");
      json_builder_add_int_value (builder, phase->capacity);
      json_builder_set_member_name (builder, "load");
      json_builder_add_int_value (builder, phase->load);
      json_builder_set_member_name (builder, "deferred");
      json_builder_add_int_value (builder, phase->n_deferred);
      json_builder_set_member_name (builder, "actions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < phase->items->len; i++)
        add_item (builder, &g_array_index (phase->items, SihuaRoadmapItem, i), model, h, language);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "barriers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roadmap->barriers->len; i++)
    add_item (builder, &g_array_index (roadmap->barriers, SihuaRoadmapItem, i), model, -1, language);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dropped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roadmap->dropped->len; i++)
    add_item (builder, &g_array_index (roadmap->dropped, SihuaRoadmapItem, i), model, -1, language);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "beyond_last_phase");
  json_builder_add_int_value (builder, roadmap->n_beyond);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_texts (SihuaModel  *model,
            JsonObject  *object,
            const char  *member,
            GHashTable  *texts,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObjectIter iter;
  const char *question_id;
  JsonNode *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                   _("“%s” must be an object of question ids and texts"), member);
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &question_id, &value))
    {
      if (sihua_model_lookup_question (model, question_id) == NULL)
        {
          g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                       _("%s: no question “%s” in model %s"), member, question_id,
                       sihua_model_get_id (model));
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                       _("%s: the text for “%s” must be a string"), member, question_id);
          return FALSE;
        }
      g_hash_table_insert (texts, (gpointer) question_id, (gpointer) json_node_get_string (value));
    }

  return TRUE;
}

/**
 * sihua_score_read_answers:
 * @model: the model the answers belong to
 * @root: the parsed file
 * @error: where a problem is reported
 *
 * Returns: (transfer full) (nullable): the answer table, or %NULL on error.
 */
GHashTable *
sihua_score_read_answers (SihuaModel  *model,
                          JsonNode    *root,
                          GError     **error)
{
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) evidence = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonObjectIter iter;
  const char *question_id;
  JsonNode *value_node;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (root != NULL, NULL);

  node = JSON_NODE_HOLDS_OBJECT (root)
    ? json_object_get_member (json_node_get_object (root), "answers") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                   _("The answers file must hold a JSON object with “answers”"));
      return NULL;
    }
  object = json_node_get_object (root);

  notes = g_hash_table_new (g_str_hash, g_str_equal);
  evidence = g_hash_table_new (g_str_hash, g_str_equal);
  if (!read_texts (model, object, "notes", notes, error) ||
      !read_texts (model, object, "evidence", evidence, error))
    return NULL;

  answers = sihua_answer_table_new ();
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &question_id, &value_node))
    {
      SihuaQuestion *question = sihua_model_lookup_question (model, question_id);
      g_autoptr(GError) local_error = NULL;
      SihuaAnswerValue *value;

      if (question == NULL)
        {
          g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                       _("answers: no question “%s” in model %s"), question_id,
                       sihua_model_get_id (model));
          return NULL;
        }

      value = sihua_answer_value_from_json (question, value_node, &local_error);
      if (value == NULL)
        {
          g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                       _("answers: %s: %s"), question_id,
                       local_error != NULL ? local_error->message : _("invalid value"));
          return NULL;
        }

      g_hash_table_replace (answers, g_strdup (question_id),
                            sihua_answer_new (question_id, value,
                                              g_hash_table_lookup (notes, question_id),
                                              g_hash_table_lookup (evidence, question_id)));
    }

  return g_steal_pointer (&answers);
}

/**
 * sihua_score_read_answers_file:
 *
 * Returns: (transfer full) (nullable): the answer table of the file at @path.
 */
GHashTable *
sihua_score_read_answers_file (SihuaModel  *model,
                               const char  *path,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  GHashTable *answers;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!sihua_json_guard_load_file (parser, path, &local_error))
    {
      if (sihua_json_guard_is_too_deep (local_error))
        g_set_error_literal (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                             local_error->message);
      else
        g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                     "%s: %s", path, local_error->message);
      return NULL;
    }

  answers = sihua_score_read_answers (model, json_parser_get_root (parser), &local_error);
  if (answers == NULL)
    g_set_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID,
                 "%s: %s", path, local_error->message);

  return answers;
}

/**
 * sihua_comparison_to_json:
 * @comparison: the comparison with the previous assessment
 * @previous_id: the previous assessment's id
 * @previous_date: (nullable): its date
 *
 * Returns: (transfer full): `{"id", "date", "index", "stage", "index_delta",
 *   "stage_delta", "trend"}`, the previous assessment's figures and the
 *   change since
 */
JsonNode *
sihua_comparison_to_json (SihuaComparison *comparison,
                          gint64           previous_id,
                          const char      *previous_date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (comparison != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, previous_id);
  json_builder_set_member_name (builder, "date");
  if (previous_date != NULL)
    json_builder_add_string_value (builder, previous_date);
  else
    json_builder_add_null_value (builder);
  add_double_or_null (builder, "index", comparison->previous_index);
  add_stage (builder, "stage", comparison->previous_stage);
  add_double_or_null (builder, "index_delta", comparison->index_delta);
  json_builder_set_member_name (builder, "stage_delta");
  json_builder_add_int_value (builder, comparison->stage_delta);
  json_builder_set_member_name (builder, "trend");
  json_builder_add_string_value (builder, sihua_trend_to_string (comparison->trend));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
