/* sihua-model-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <math.h>

#include "sihua-model-private.h"

/* The canonical form of a model: every key in a fixed order, defaults
 * spelled out. Loading it gives a model that writes the same document. */

static void
add_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* A list of ids, left out when there is none. */
static void
add_ids (JsonBuilder        *builder,
         const char         *key,
         const char * const *ids)
{
  if (ids == NULL || ids[0] == NULL)
    return;

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

static gboolean
text_is_empty (const SihuaText *text)
{
  return text->zh_cn == NULL && text->en == NULL;
}

static void
add_text (JsonBuilder     *builder,
          const char      *key,
          const SihuaText *text)
{
  if (text_is_empty (text))
    return;

  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  if (text->zh_cn != NULL)
    add_string (builder, "zh_CN", text->zh_cn);
  if (text->en != NULL)
    add_string (builder, "en", text->en);
  json_builder_end_object (builder);
}

static void
add_condition_body (JsonBuilder          *builder,
                    const SihuaCondition *condition)
{
  json_builder_begin_object (builder);
  add_string (builder, "question", condition->question_id);
  switch (condition->kind)
    {
    case SIHUA_CONDITION_IN:
      json_builder_set_member_name (builder, "in");
      json_builder_begin_array (builder);
      for (guint i = 0; condition->option_ids != NULL && condition->option_ids[i] != NULL; i++)
        json_builder_add_string_value (builder, condition->option_ids[i]);
      json_builder_end_array (builder);
      break;

    case SIHUA_CONDITION_MIN:
      add_number (builder, "min", condition->bound);
      break;

    case SIHUA_CONDITION_MAX:
      add_number (builder, "max", condition->bound);
      break;

    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);
}

static void
add_condition (JsonBuilder          *builder,
               const char           *key,
               const SihuaCondition *condition)
{
  if (condition == NULL)
    return;

  json_builder_set_member_name (builder, key);
  add_condition_body (builder, condition);
}

static void
add_option (JsonBuilder         *builder,
            const SihuaQuestion *question,
            const SihuaOption   *option)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", option->id);
  add_text (builder, "text", &option->text);
  if (option->level >= 0)
    add_number (builder, "level", option->level);
  if (option->has_points)
    add_number (builder, "points", option->points);
  if (question->type == SIHUA_QUESTION_MULTI && option->exclusive)
    add_bool (builder, "exclusive", TRUE);
  json_builder_end_object (builder);
}

static void
add_derive (JsonBuilder       *builder,
            const SihuaDerive *derive)
{
  if (derive == NULL)
    return;

  json_builder_set_member_name (builder, "derive");
  json_builder_begin_object (builder);
  add_string (builder, "numerator", derive->numerator_id);
  if (derive->denominator_id != NULL)
    add_string (builder, "denominator", derive->denominator_id);
  add_number (builder, "scale", derive->scale);
  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);
  for (guint i = 0; i < derive->bands->len; i++)
    {
      const SihuaDeriveBand *band = &g_array_index (derive->bands, SihuaDeriveBand, i);

      json_builder_begin_object (builder);
      add_number (builder, "to", band->to);
      add_string (builder, "option", band->option_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_check (JsonBuilder      *builder,
           const SihuaCheck *check)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", check->id);
  add_string (builder, "question", check->question_id);
  add_text (builder, "message", &check->message);
  json_builder_set_member_name (builder, "all");
  json_builder_begin_array (builder);
  for (guint i = 0; i < check->terms->len; i++)
    {
      const SihuaCheckTerm *term = &g_array_index (check->terms, SihuaCheckTerm, i);

      if (term->condition != NULL)
        {
          add_condition_body (builder, term->condition);
          continue;
        }
      json_builder_begin_object (builder);
      add_string (builder, "subset", term->subset);
      add_number (builder, "below", term->below);
      add_number (builder, "at_least", term->at_least);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_question (JsonBuilder         *builder,
              const SihuaQuestion *question)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", question->id);
  add_string (builder, "type", _sihua_question_type_to_string (question->type));
  add_text (builder, "text", &question->text);
  add_number (builder, "weight", question->weight);
  add_bool (builder, "allow_na", question->allow_na);
  add_bool (builder, "evidence_required", question->evidence_required);

  if (!text_is_empty (&question->help_ask) || !text_is_empty (&question->help_evidence)
      || !text_is_empty (&question->help_why))
    {
      json_builder_set_member_name (builder, "help");
      json_builder_begin_object (builder);
      add_text (builder, "ask", &question->help_ask);
      add_text (builder, "evidence", &question->help_evidence);
      add_text (builder, "why", &question->help_why);
      json_builder_end_object (builder);
    }

  add_condition (builder, "relevant_if", question->relevant_if);

  if (question->options->len > 0)
    {
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint i = 0; i < question->options->len; i++)
        add_option (builder, question, g_ptr_array_index (question->options, i));
      json_builder_end_array (builder);
    }
  add_derive (builder, question->derive);

  if (question->type == SIHUA_QUESTION_NUMERIC)
    {
      add_text (builder, "unit", &question->unit);
      if (question->has_min)
        add_number (builder, "min", question->min);
      if (question->has_max)
        add_number (builder, "max", question->max);
      if (question->bands->len > 0)
        {
          json_builder_set_member_name (builder, "bands");
          json_builder_begin_array (builder);
          for (guint i = 0; i < question->bands->len; i++)
            {
              const SihuaBand *band = &g_array_index (question->bands, SihuaBand, i);

              json_builder_begin_object (builder);
              add_number (builder, "from", band->from);
              if (band->level >= 0)
                add_number (builder, "level", band->level);
              if (band->has_points)
                add_number (builder, "points", band->points);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
    }

  json_builder_end_object (builder);
}

static void
add_dimension (JsonBuilder          *builder,
               const SihuaDimension *dimension)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", dimension->id);
  add_text (builder, "title", &dimension->title);
  add_text (builder, "short_title", &dimension->short_title);
  add_text (builder, "description", &dimension->description);
  add_number (builder, "weight", dimension->weight);
  add_condition (builder, "relevant_if", dimension->relevant_if);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dimension->questions->len; i++)
    add_question (builder, g_ptr_array_index (dimension->questions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_area (JsonBuilder     *builder,
          const SihuaArea *area)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", area->id);
  add_text (builder, "title", &area->title);
  add_text (builder, "description", &area->description);
  if (area->role != SIHUA_AREA_ROLE_NONE)
    add_string (builder, "role", _sihua_area_role_to_string (area->role));
  add_bool (builder, "scored", area->scored);
  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < area->dimensions->len; i++)
    add_dimension (builder, g_ptr_array_index (area->dimensions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_requirements (JsonBuilder *builder,
                  const char  *key,
                  GPtrArray   *requirements)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < requirements->len; i++)
    {
      const SihuaRequirement *requirement = g_ptr_array_index (requirements, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", _sihua_requirement_kind_to_string (requirement->kind));
      switch (requirement->kind)
        {
        case SIHUA_REQUIREMENT_STAGE_SHARE:
          add_number (builder, "share", requirement->share);
          break;
        case SIHUA_REQUIREMENT_NO_LAGGARD:
          add_number (builder, "max_gap", requirement->max_gap);
          break;
        case SIHUA_REQUIREMENT_POINTS_TOTAL:
        case SIHUA_REQUIREMENT_INDEX_MIN:
          add_number (builder, "min", requirement->min);
          break;
        case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
          add_number (builder, "count", requirement->count);
          if (requirement->stage >= 0)
            add_number (builder, "stage", requirement->stage);
          break;
        default:
          g_assert_not_reached ();
        }
      if (requirement->subset != NULL)
        add_string (builder, "subset", requirement->subset);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_scoring (JsonBuilder *builder,
             SihuaModel  *model)
{
  const SihuaScoringRule *rule = &model->scoring;
  gboolean any_level = FALSE;

  json_builder_set_member_name (builder, "scoring");
  json_builder_begin_object (builder);
  add_string (builder, "question_value",
              rule->question_value == SIHUA_QUESTION_VALUE_POINTS ? "points" : "level");
  add_number (builder, "dimension_stage_share", rule->dimension_stage_share);
  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_requirements (builder, "default", rule->default_requirements);
  for (guint level = 0; rule->level_requirements != NULL && level < model->levels->len; level++)
    any_level |= rule->level_requirements[level] != NULL;
  if (any_level)
    {
      json_builder_set_member_name (builder, "levels");
      json_builder_begin_object (builder);
      for (guint level = 0; level < model->levels->len; level++)
        if (rule->level_requirements[level] != NULL)
          {
            char key[16];

            g_snprintf (key, sizeof key, "%u", level);
            add_requirements (builder, key, rule->level_requirements[level]);
          }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_recommendation (JsonBuilder               *builder,
                    const SihuaRecommendation *recommendation)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", recommendation->id);
  if (recommendation->dimension_id != NULL)
    {
      add_string (builder, "dimension", recommendation->dimension_id);
      add_number (builder, "level", recommendation->level);
    }
  add_condition (builder, "when", recommendation->when);
  add_condition (builder, "relevant_if", recommendation->relevant_if);
  add_ids (builder, "requires", (const char * const *) recommendation->requires);
  add_ids (builder, "promotes", (const char * const *) recommendation->promotes);
  add_text (builder, "title", &recommendation->title);
  add_text (builder, "detail", &recommendation->detail);
  add_string (builder, "effort", _sihua_band_level_to_string (recommendation->effort));
  add_string (builder, "cost", _sihua_band_level_to_string (recommendation->cost));
  add_string (builder, "horizon", _sihua_horizon_to_string (recommendation->horizon));
  add_bool (builder, "quick_win", recommendation->quick_win);
  json_builder_end_object (builder);
}

/**
 * sihua_model_to_json:
 *
 * Returns: (transfer full): the whole model as a canonical model document;
 *   loading it gives a model with the same document.
 */
JsonNode *
sihua_model_to_json (SihuaModel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);

  json_builder_begin_object (builder);
  add_number (builder, "format", 1);
  add_string (builder, "id", self->id);
  add_string (builder, "version", self->version);
  add_text (builder, "title", &self->title);
  add_text (builder, "description", &self->description);

  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->levels->len; i++)
    {
      const SihuaLevel *level = g_ptr_array_index (self->levels, i);

      json_builder_begin_object (builder);
      add_number (builder, "level", level->level);
      add_text (builder, "name", &level->name);
      add_text (builder, "description", &level->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->areas->len; i++)
    add_area (builder, g_ptr_array_index (self->areas, i));
  json_builder_end_array (builder);

  if (self->subset_names->len > 0)
    {
      json_builder_set_member_name (builder, "subsets");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->subset_names->len; i++)
        {
          const char *name = g_ptr_array_index (self->subset_names, i);
          const char * const *ids = g_hash_table_lookup (self->subsets, name);

          json_builder_set_member_name (builder, name);
          json_builder_begin_array (builder);
          for (guint j = 0; ids[j] != NULL; j++)
            json_builder_add_string_value (builder, ids[j]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }

  if (g_hash_table_size (self->subset_titles) > 0)
    {
      json_builder_set_member_name (builder, "subset_titles");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->subset_names->len; i++)
        {
          const char *name = g_ptr_array_index (self->subset_names, i);
          const SihuaText *title = g_hash_table_lookup (self->subset_titles, name);

          if (title != NULL)
            add_text (builder, name, title);
        }
      json_builder_end_object (builder);
    }

  add_scoring (builder, self);

  if (self->recommendations->len > 0)
    {
      json_builder_set_member_name (builder, "recommendations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->recommendations->len; i++)
        add_recommendation (builder, g_ptr_array_index (self->recommendations, i));
      json_builder_end_array (builder);
    }

  if (self->checks->len > 0)
    {
      json_builder_set_member_name (builder, "checks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->checks->len; i++)
        add_check (builder, g_ptr_array_index (self->checks, i));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
