/* sihua-model.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-model-private.h"

G_DEFINE_FINAL_TYPE (SihuaModel, sihua_model, G_TYPE_OBJECT)

G_DEFINE_QUARK (sihua-model-error-quark, sihua_model_error)

/*
 * Freeing the parts
 */

void
_sihua_condition_free (SihuaCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->question_id);
  g_strfreev (condition->option_ids);
  g_free (condition);
}

static void
free_text (SihuaText *text)
{
  sihua_text_clear (text);
  g_free (text);
}

void
_sihua_derive_free (SihuaDerive *derive)
{
  if (derive == NULL)
    return;
  g_free (derive->numerator_id);
  g_free (derive->denominator_id);
  for (guint i = 0; derive->bands != NULL && i < derive->bands->len; i++)
    g_free (g_array_index (derive->bands, SihuaDeriveBand, i).option_id);
  g_clear_pointer (&derive->bands, g_array_unref);
  g_free (derive);
}

void
_sihua_check_free (SihuaCheck *check)
{
  g_free (check->id);
  g_free (check->question_id);
  sihua_text_clear (&check->message);
  for (guint i = 0; check->terms != NULL && i < check->terms->len; i++)
    {
      SihuaCheckTerm *term = &g_array_index (check->terms, SihuaCheckTerm, i);

      _sihua_condition_free (term->condition);
      g_free (term->subset);
    }
  g_clear_pointer (&check->terms, g_array_unref);
  g_free (check);
}

void
_sihua_option_free (SihuaOption *option)
{
  g_free (option->id);
  sihua_text_clear (&option->text);
  g_free (option);
}

void
_sihua_level_free (SihuaLevel *level)
{
  sihua_text_clear (&level->name);
  sihua_text_clear (&level->description);
  g_free (level);
}

void
_sihua_question_free (SihuaQuestion *question)
{
  g_free (question->id);
  sihua_text_clear (&question->text);
  sihua_text_clear (&question->help_ask);
  sihua_text_clear (&question->help_evidence);
  sihua_text_clear (&question->help_why);
  sihua_text_clear (&question->unit);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  g_clear_pointer (&question->option_index, g_hash_table_unref);
  g_clear_pointer (&question->bands, g_array_unref);
  _sihua_condition_free (question->relevant_if);
  _sihua_derive_free (question->derive);
  g_free (question);
}

void
_sihua_dimension_free (SihuaDimension *dimension)
{
  g_free (dimension->id);
  sihua_text_clear (&dimension->title);
  sihua_text_clear (&dimension->short_title);
  sihua_text_clear (&dimension->description);
  _sihua_condition_free (dimension->relevant_if);
  g_clear_pointer (&dimension->questions, g_ptr_array_unref);
  g_free (dimension);
}

void
_sihua_area_free (SihuaArea *area)
{
  g_free (area->id);
  sihua_text_clear (&area->title);
  sihua_text_clear (&area->description);
  g_clear_pointer (&area->dimensions, g_ptr_array_unref);
  g_free (area);
}

void
_sihua_requirement_free (SihuaRequirement *requirement)
{
  g_free (requirement->subset);
  g_free (requirement);
}

void
_sihua_recommendation_free (SihuaRecommendation *recommendation)
{
  g_free (recommendation->id);
  g_free (recommendation->dimension_id);
  _sihua_condition_free (recommendation->when);
  _sihua_condition_free (recommendation->relevant_if);
  g_strfreev (recommendation->requires);
  g_strfreev (recommendation->promotes);
  sihua_text_clear (&recommendation->title);
  sihua_text_clear (&recommendation->detail);
  g_free (recommendation);
}

/*
 * Words of the file format
 */

const char *
_sihua_question_type_to_string (SihuaQuestionType type)
{
  static const char * const names[] = { "ladder", "single", "multi", "numeric", "yesno", "text" };

  g_assert ((guint) type < G_N_ELEMENTS (names));
  return names[type];
}

const char *
_sihua_requirement_kind_to_string (SihuaRequirementKind kind)
{
  static const char * const names[] = {
    "stage_share", "no_laggard", "points_total", "index_min", "count_at_stage"
  };

  g_assert ((guint) kind < G_N_ELEMENTS (names));
  return names[kind];
}

const char *
_sihua_band_level_to_string (SihuaBandLevel band)
{
  static const char * const names[] = { "low", "medium", "high" };

  g_assert ((guint) band < G_N_ELEMENTS (names));
  return names[band];
}

const char *
_sihua_horizon_to_string (SihuaHorizon horizon)
{
  static const char * const names[] = { "short", "medium", "long" };

  g_assert ((guint) horizon < G_N_ELEMENTS (names));
  return names[horizon];
}

const char *
_sihua_area_role_to_string (SihuaAreaRole role)
{
  switch (role)
    {
    case SIHUA_AREA_ROLE_PROFILE:
      return "profile";
    case SIHUA_AREA_ROLE_BARRIERS:
      return "barriers";
    case SIHUA_AREA_ROLE_NONE:
    default:
      return NULL;
    }
}

/*
 * GObject
 */

static void
free_requirement_list (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
sihua_model_finalize (GObject *object)
{
  SihuaModel *self = SIHUA_MODEL (object);

  g_free (self->id);
  g_free (self->version);
  sihua_text_clear (&self->title);
  sihua_text_clear (&self->description);
  g_free (self->source);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  g_clear_pointer (&self->area_index, g_hash_table_unref);
  g_clear_pointer (&self->dimension_index, g_hash_table_unref);
  g_clear_pointer (&self->question_index, g_hash_table_unref);
  g_clear_pointer (&self->recommendation_index, g_hash_table_unref);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->subsets, g_hash_table_unref);
  g_clear_pointer (&self->subset_names, g_ptr_array_unref);
  g_clear_pointer (&self->subset_titles, g_hash_table_unref);
  g_clear_pointer (&self->recommendations, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  g_clear_pointer (&self->scoring.default_requirements, g_ptr_array_unref);
  if (self->scoring.level_requirements != NULL)
    {
      for (guint i = 0; i < self->levels->len; i++)
        free_requirement_list (self->scoring.level_requirements[i]);
      g_free (self->scoring.level_requirements);
    }
  g_clear_pointer (&self->levels, g_ptr_array_unref);

  G_OBJECT_CLASS (sihua_model_parent_class)->finalize (object);
}

static void
sihua_model_class_init (SihuaModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sihua_model_finalize;
}

static void
sihua_model_init (SihuaModel *self)
{
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_level_free);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_area_free);
  self->dimensions = g_ptr_array_new ();
  self->questions = g_ptr_array_new ();
  self->area_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimension_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->question_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->subset_names = g_ptr_array_new_with_free_func (g_free);
  self->subsets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_strfreev);
  self->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_recommendation_free);
  self->recommendation_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_check_free);
  self->subset_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) free_text);
  self->scoring.default_requirements =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_requirement_free);
}

SihuaModel *
_sihua_model_new (void)
{
  return g_object_new (SIHUA_TYPE_MODEL, NULL);
}

/*
 * Problems
 */

SihuaModelProblem *
_sihua_model_problem_new (const char *file,
                          const char *json_path,
                          const char *message)
{
  SihuaModelProblem *problem = g_new0 (SihuaModelProblem, 1);

  problem->file = g_strdup (file);
  problem->json_path = g_strdup (json_path);
  problem->message = g_strdup (message);

  return problem;
}

void
sihua_model_problem_free (SihuaModelProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->json_path);
  g_free (problem->message);
  g_free (problem);
}

/*
 * Loading
 */

/**
 * sihua_model_validate_bytes:
 * @bytes: the contents of a model file
 * @source_name: the file name used in the problems
 *
 * Returns: (transfer full) (element-type SihuaModelProblem): every problem of
 *   the model, in the order of the file; empty when it is valid.
 */
GPtrArray *
sihua_model_validate_bytes (GBytes     *bytes,
                            const char *source_name)
{
  GPtrArray *problems;
  g_autoptr(SihuaModel) model = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_model_problem_free);
  model = _sihua_model_load (bytes, source_name != NULL ? source_name : "<model>", problems);

  return problems;
}

/**
 * sihua_model_new_from_bytes:
 * @bytes: the contents of a model file
 * @source_name: where they come from (a path or "builtin:…"), for messages
 * @error: set to %SIHUA_MODEL_ERROR_INVALID, listing every problem one per
 *   line, when the model is not valid
 *
 * Returns: (transfer full) (nullable): the model
 */
SihuaModel *
sihua_model_new_from_bytes (GBytes      *bytes,
                            const char  *source_name,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  SihuaModel *model;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source_name == NULL)
    source_name = "<model>";

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_model_problem_free);
  model = _sihua_model_load (bytes, source_name, problems);
  if (model == NULL)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          SihuaModelProblem *problem = g_ptr_array_index (problems, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append_printf (message, "%s: %s: %s",
                                  problem->file, problem->json_path, problem->message);
        }
      g_set_error_literal (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_INVALID, message->str);
    }

  return model;
}

/**
 * sihua_model_new_from_file:
 * @path: a model file
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with
 *   %SIHUA_MODEL_ERROR_NOT_FOUND when the file cannot be read and
 *   %SIHUA_MODEL_ERROR_INVALID when it is not a valid model.
 */
SihuaModel *
sihua_model_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND,
                   _("Cannot read the model file: %s"), local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);
  return sihua_model_new_from_bytes (bytes, path, error);
}

/*
 * Accessors
 */

const char *
sihua_model_get_id (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->id;
}

const char *
sihua_model_get_version (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->version;
}

const SihuaText *
sihua_model_get_title (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return &self->title;
}

const SihuaText *
sihua_model_get_description (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return &self->description;
}

/**
 * sihua_model_get_source:
 *
 * Returns: the path the model was read from, or "builtin:ID" for a built-in one.
 */
const char *
sihua_model_get_source (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->source;
}

/**
 * sihua_model_get_bytes:
 *
 * Returns: (transfer none): the file the model was read from, byte for byte.
 */
GBytes *
sihua_model_get_bytes (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->bytes;
}

guint
sihua_model_get_n_levels (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), 0);
  return self->levels->len;
}

/**
 * sihua_model_get_level:
 *
 * Returns: (transfer none) (nullable): the level, NULL when out of range.
 */
const SihuaLevel *
sihua_model_get_level (SihuaModel *self,
                       int         level)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);

  if (level < 0 || (guint) level >= self->levels->len)
    return NULL;

  return g_ptr_array_index (self->levels, level);
}

/* The arrays below are (transfer none), (element-type …) in file order. */

GPtrArray *
sihua_model_get_areas (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->areas;
}

GPtrArray *
sihua_model_get_dimensions (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->dimensions;
}

GPtrArray *
sihua_model_get_questions (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->questions;
}

GPtrArray *
sihua_model_get_recommendations (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->recommendations;
}

SihuaDimension *
sihua_model_lookup_dimension (SihuaModel *self,
                              const char *id)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->dimension_index, id);
}

SihuaQuestion *
sihua_model_lookup_question (SihuaModel *self,
                             const char *id)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->question_index, id);
}

/**
 * sihua_model_get_area_by_role:
 *
 * Returns: (transfer none) (nullable): the area with @role, if the model has one.
 */
SihuaArea *
sihua_model_get_area_by_role (SihuaModel    *self,
                              SihuaAreaRole  role)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);

  if (role == SIHUA_AREA_ROLE_NONE)
    return NULL;

  for (guint i = 0; i < self->areas->len; i++)
    {
      SihuaArea *area = g_ptr_array_index (self->areas, i);

      if (area->role == role)
        return area;
    }

  return NULL;
}

/**
 * sihua_model_get_subset:
 *
 * Returns: (transfer none) (nullable): the dimension ids of the subset @name.
 */
const char * const *
sihua_model_get_subset (SihuaModel *self,
                        const char *name)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->subsets, name);
}

/**
 * sihua_model_get_checks:
 *
 * Returns: (transfer none) (element-type SihuaCheck): the plausibility
 *   checks, in file order.
 */
GPtrArray *
sihua_model_get_checks (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return self->checks;
}

/**
 * sihua_model_get_subset_title:
 *
 * Returns: (transfer none) (nullable): what the subset @name is called
 *   (“约束性场景”), or %NULL when the model does not say.
 */
const SihuaText *
sihua_model_get_subset_title (SihuaModel *self,
                              const char *name)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->subset_titles, name);
}

/**
 * sihua_model_list_subsets:
 *
 * Returns: (transfer full): the subset names, in file order.
 */
GStrv
sihua_model_list_subsets (SihuaModel *self)
{
  GStrv names;

  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);

  names = g_new0 (char *, self->subset_names->len + 1);
  for (guint i = 0; i < self->subset_names->len; i++)
    names[i] = g_strdup (g_ptr_array_index (self->subset_names, i));
  return names;
}

const SihuaScoringRule *
sihua_model_get_scoring (SihuaModel *self)
{
  g_return_val_if_fail (SIHUA_IS_MODEL (self), NULL);
  return &self->scoring;
}

SihuaOption *
sihua_question_lookup_option (const SihuaQuestion *question,
                              const char          *option_id)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (option_id == NULL || question->option_index == NULL)
    return NULL;

  return g_hash_table_lookup (question->option_index, option_id);
}

/**
 * sihua_question_is_scored:
 *
 * Returns: whether answers to @question count in the score: it is in a scored
 *   area and its answers carry a level or points.
 */
gboolean
sihua_question_is_scored (const SihuaQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);

  if (question->dimension != NULL && question->dimension->area != NULL
      && !question->dimension->area->scored)
    return FALSE;

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      return TRUE;

    case SIHUA_QUESTION_NUMERIC:
      return question->bands != NULL && question->bands->len > 0;

    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_MULTI:
    case SIHUA_QUESTION_YESNO:
      for (guint i = 0; i < question->options->len; i++)
        {
          SihuaOption *option = g_ptr_array_index (question->options, i);

          if (option->level >= 0 || option->has_points)
            return TRUE;
        }
      return FALSE;

    case SIHUA_QUESTION_TEXT:
    default:
      return FALSE;
    }
}

/**
 * sihua_dimension_is_scored:
 *
 * Returns: whether @dimension is in a scored area and has a scored question.
 */
gboolean
sihua_dimension_is_scored (const SihuaDimension *dimension)
{
  g_return_val_if_fail (dimension != NULL, FALSE);

  if (dimension->area != NULL && !dimension->area->scored)
    return FALSE;

  for (guint i = 0; i < dimension->questions->len; i++)
    if (sihua_question_is_scored (g_ptr_array_index (dimension->questions, i)))
      return TRUE;

  return FALSE;
}
