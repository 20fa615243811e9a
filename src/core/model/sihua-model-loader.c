/* sihua-model-loader.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sihua-json-guard.h"
#include "sihua-model-loader-private.h"

/* Reads a model file (docs/model-format.md) into a SihuaModel: the top
 * level, the ladder and the areas → dimensions → questions tree. Scoring,
 * subsets and recommendations are in sihua-model-loader-scoring.c. */

#define SIHUA_MODEL_FORMAT 1
#define MIN_LEVELS 2
#define MAX_LEVELS 10

static const char * const question_types[] = {
  "ladder", "single", "multi", "numeric", "yesno", "text", NULL
};

static void
add_key (const char **keys,
         guint       *n_keys,
         const char  *key)
{
  keys[(*n_keys)++] = key;
  keys[*n_keys] = NULL;
}

static void
load_levels (SihuaLoader *loader,
             JsonObject  *root)
{
  static const char * const allowed[] = { "level", "name", "description", NULL };
  static const char * const required[] = { "level", "name", NULL };
  JsonArray *levels = _sihua_loader_array (loader, "$", root, "levels");
  guint n;

  if (levels == NULL)
    return;

  n = json_array_get_length (levels);
  if (n < MIN_LEVELS || n > MAX_LEVELS)
    _sihua_loader_problem (loader, "$.levels",
                           _("a model has from %d to %d levels, not %u"), MIN_LEVELS, MAX_LEVELS, n);
  else
    loader->n_levels = n;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = _sihua_loader_path_index ("$.levels", i);
      SihuaLevel *level = g_new0 (SihuaLevel, 1);
      JsonObject *object;

      level->level = i;
      g_ptr_array_add (loader->model->levels, level);

      object = _sihua_loader_object (loader, path, json_array_get_element (levels, i));
      if (object == NULL)
        continue;

      _sihua_loader_check_keys (loader, path, object, allowed, required);
      if (_sihua_loader_int (loader, path, object, "level", &level->level)
          && level->level != (int) i)
        {
          g_autofree char *level_path = _sihua_loader_path_key (path, "level");

          _sihua_loader_problem (loader, level_path,
                                 _("levels are numbered 0, 1, 2 … in order: this one must be %u, "
                                   "not %d"), i, level->level);
          level->level = i;
        }
      _sihua_loader_text (loader, path, object, "name", &level->name);
      _sihua_loader_text (loader, path, object, "description", &level->description);
    }
}

static gboolean
is_choice (SihuaQuestionType type)
{
  return type == SIHUA_QUESTION_LADDER || type == SIHUA_QUESTION_SINGLE
         || type == SIHUA_QUESTION_MULTI || type == SIHUA_QUESTION_YESNO;
}

static void
load_option (SihuaLoader   *loader,
             const char    *path,
             JsonObject    *object,
             SihuaQuestion *question)
{
  static const char * const yesno_ids[] = { "yes", "partial", "no", NULL };
  const char *keys[8];
  const char *required[4];
  guint n_keys = 0, n_required = 0;
  SihuaOption *option = g_new0 (SihuaOption, 1);

  option->level = -1;
  g_ptr_array_add (question->options, option);

  add_key (keys, &n_keys, "id");
  add_key (keys, &n_keys, "text");
  add_key (keys, &n_keys, "level");
  add_key (required, &n_required, "id");
  if (question->type != SIHUA_QUESTION_YESNO)
    add_key (required, &n_required, "text");

  if (question->type == SIHUA_QUESTION_LADDER)
    {
      add_key (required, &n_required, "level");
      if (json_object_has_member (object, "points"))
        {
          g_autofree char *points_path = _sihua_loader_path_key (path, "points");

          _sihua_loader_problem (loader, points_path,
                                 _("an option of a ladder question has a level, not points"));
        }
    }
  else
    add_key (keys, &n_keys, "points");

  if (question->type == SIHUA_QUESTION_MULTI)
    add_key (keys, &n_keys, "exclusive");
  else if (json_object_has_member (object, "exclusive"))
    {
      g_autofree char *exclusive_path = _sihua_loader_path_key (path, "exclusive");

      _sihua_loader_problem (loader, exclusive_path,
                             _("only an option of a multi-choice question can be exclusive"));
    }

  /* Keys already reported above count as known. */
  if (question->type == SIHUA_QUESTION_LADDER)
    add_key (keys, &n_keys, "points");
  if (question->type != SIHUA_QUESTION_MULTI)
    add_key (keys, &n_keys, "exclusive");

  _sihua_loader_check_keys (loader, path, object, keys, required);

  if (_sihua_loader_id (loader, path, object, "id", &option->id))
    {
      g_autofree char *id_path = _sihua_loader_path_key (path, "id");

      if (g_str_equal (option->id, "na"))
        _sihua_loader_problem (loader, id_path,
                               _("the option id “na” is reserved for “not applicable”; "
                                 "allow N/A with “allow_na” instead"));
      else if (question->type == SIHUA_QUESTION_YESNO && !g_strv_contains (yesno_ids, option->id))
        _sihua_loader_problem (loader, id_path,
                               _("the options of a yes/no question are “yes”, “partial” and "
                                 "“no”, not “%s”"), option->id);
      else if (g_hash_table_contains (question->option_index, option->id))
        _sihua_loader_problem (loader, id_path,
                               _("the option id “%s” is used twice in this question"), option->id);
      else
        g_hash_table_insert (question->option_index, option->id, option);
    }

  _sihua_loader_text (loader, path, object, "text", &option->text);
  _sihua_loader_level (loader, path, object, "level", 0, &option->level);
  if (question->type != SIHUA_QUESTION_LADDER)
    option->has_points = _sihua_loader_number (loader, path, object, "points", &option->points);
  if (question->type == SIHUA_QUESTION_MULTI)
    _sihua_loader_bool (loader, path, object, "exclusive", &option->exclusive);
}

static void
check_ladder_coverage (SihuaLoader   *loader,
                       const char    *path,
                       SihuaQuestion *question)
{
  g_autofree char *options_path = _sihua_loader_path_key (path, "options");
  g_autofree guint *counts = NULL;

  if (loader->n_levels == 0)
    return;

  counts = g_new0 (guint, loader->n_levels);
  for (guint i = 0; i < question->options->len; i++)
    {
      SihuaOption *option = g_ptr_array_index (question->options, i);

      if (option->level >= 0)
        counts[option->level]++;
    }

  for (guint level = 0; level < loader->n_levels; level++)
    {
      if (counts[level] == 0)
        _sihua_loader_problem (loader, options_path,
                               _("no option for level %u: a ladder question needs exactly one "
                                 "option per level"), level);
      else if (counts[level] > 1)
        _sihua_loader_problem (loader, options_path,
                               _("%u options for level %u: a ladder question needs exactly one "
                                 "option per level"), counts[level], level);
    }
}

static void
load_options (SihuaLoader   *loader,
              const char    *path,
              JsonObject    *object,
              SihuaQuestion *question)
{
  g_autofree char *options_path = _sihua_loader_path_key (path, "options");
  JsonArray *options = _sihua_loader_array (loader, path, object, "options");

  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    {
      g_autofree char *option_path = _sihua_loader_path_index (options_path, i);
      JsonObject *option = _sihua_loader_object (loader, option_path,
                                                 json_array_get_element (options, i));

      if (option != NULL)
        load_option (loader, option_path, option, question);
    }

  if (options == NULL)
    return;

  switch (question->type)
    {
    case SIHUA_QUESTION_LADDER:
      check_ladder_coverage (loader, path, question);
      break;

    case SIHUA_QUESTION_YESNO:
      if (!g_hash_table_contains (question->option_index, "yes")
          || !g_hash_table_contains (question->option_index, "no"))
        _sihua_loader_problem (loader, options_path,
                               _("a yes/no question needs a “yes” and a “no” option"));
      break;

    case SIHUA_QUESTION_SINGLE:
    case SIHUA_QUESTION_MULTI:
      if (question->options->len < 2)
        _sihua_loader_problem (loader, options_path,
                               _("a choice question needs at least two options"));
      break;

    case SIHUA_QUESTION_NUMERIC:
    case SIHUA_QUESTION_TEXT:
    default:
      break;
    }
}

static void
load_bands (SihuaLoader   *loader,
            const char    *path,
            JsonObject    *object,
            SihuaQuestion *question)
{
  static const char * const allowed[] = { "from", "level", "points", NULL };
  static const char * const required[] = { "from", NULL };
  g_autofree char *bands_path = _sihua_loader_path_key (path, "bands");
  JsonArray *bands = _sihua_loader_array (loader, path, object, "bands");
  gboolean have_previous = FALSE;
  double previous = 0;

  for (guint i = 0; bands != NULL && i < json_array_get_length (bands); i++)
    {
      g_autofree char *band_path = _sihua_loader_path_index (bands_path, i);
      JsonObject *band_object = _sihua_loader_object (loader, band_path,
                                                      json_array_get_element (bands, i));
      SihuaBand band = { 0, -1, FALSE, 0 };

      if (band_object == NULL)
        continue;

      _sihua_loader_check_keys (loader, band_path, band_object, allowed, required);
      _sihua_loader_level (loader, band_path, band_object, "level", 0, &band.level);
      band.has_points = _sihua_loader_number (loader, band_path, band_object, "points",
                                              &band.points);
      if (!json_object_has_member (band_object, "level")
          && !json_object_has_member (band_object, "points"))
        _sihua_loader_problem (loader, band_path, _("a band needs a “level” or “points”"));

      if (_sihua_loader_number (loader, band_path, band_object, "from", &band.from))
        {
          if (have_previous && band.from <= previous)
            {
              g_autofree char *from_path = _sihua_loader_path_key (band_path, "from");

              _sihua_loader_problem (loader, from_path,
                                     _("bands must go up: this one starts at %g, "
                                       "the one before at %g"), band.from, previous);
            }
          previous = band.from;
          have_previous = TRUE;
        }

      g_array_append_val (question->bands, band);
    }
}

static SihuaQuestion *
load_question (SihuaLoader    *loader,
               const char     *path,
               JsonObject     *object,
               SihuaDimension *dimension)
{
  static const char * const common[] = {
    "id", "type", "text", "weight", "allow_na", "evidence_required", "help", "relevant_if",
    "derive", NULL
  };
  static const char * const numeric_keys[] = { "unit", "min", "max", "bands", NULL };
  static const char * const help_keys[] = { "ask", "evidence", "why", NULL };
  static const char * const required[] = { "id", "type", "text", NULL };
  SihuaModel *model = loader->model;
  SihuaQuestion *question = g_new0 (SihuaQuestion, 1);
  const char *keys[G_N_ELEMENTS (common) + G_N_ELEMENTS (numeric_keys) + 2];
  guint n_keys = 0;
  int type = -1;
  JsonObjectIter iter;
  const char *key;

  question->weight = 1;
  question->dimension = dimension;
  question->index = model->questions->len;
  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_option_free);
  question->option_index = g_hash_table_new (g_str_hash, g_str_equal);
  question->bands = g_array_new (FALSE, FALSE, sizeof (SihuaBand));
  g_ptr_array_add (model->questions, question);

  if (_sihua_loader_enum (loader, path, object, "type", question_types, &type))
    question->type = type;

  keys[0] = NULL;
  for (guint i = 0; common[i] != NULL; i++)
    add_key (keys, &n_keys, common[i]);

  /* Keys of another type of question are named as such, not as unknown. */
  json_object_iter_init (&iter, object);
  while (type >= 0 && json_object_iter_next (&iter, &key, NULL))
    {
      gboolean numeric_key = g_strv_contains (numeric_keys, key);
      gboolean options_key = g_str_equal (key, "options");
      g_autofree char *key_path = NULL;

      if (!numeric_key && !options_key)
        continue;

      add_key (keys, &n_keys, key);
      if ((numeric_key && type == SIHUA_QUESTION_NUMERIC) || (options_key && is_choice (type)))
        continue;

      key_path = _sihua_loader_path_key (path, key);
      _sihua_loader_problem (loader, key_path, _("a %s question has no “%s”"),
                             question_types[type], key);
    }
  if (type < 0)
    {
      for (guint i = 0; numeric_keys[i] != NULL; i++)
        add_key (keys, &n_keys, numeric_keys[i]);
      add_key (keys, &n_keys, "options");
    }

  _sihua_loader_check_keys (loader, path, object, keys, required);

  if (_sihua_loader_id (loader, path, object, "id", &question->id))
    {
      SihuaQuestion *other = g_hash_table_lookup (model->question_index, question->id);

      if (other != NULL)
        {
          g_autofree char *id_path = _sihua_loader_path_key (path, "id");

          _sihua_loader_problem (loader, id_path,
                                 _("the question id “%s” is already used in dimension “%s”: "
                                   "question ids must be unique in the whole model"),
                                 question->id, other->dimension->id != NULL ? other->dimension->id : "?");
        }
      else
        g_hash_table_insert (model->question_index, question->id, question);
    }

  _sihua_loader_text (loader, path, object, "text", &question->text);
  if (_sihua_loader_number (loader, path, object, "weight", &question->weight)
      && !(question->weight > 0))
    {
      g_autofree char *weight_path = _sihua_loader_path_key (path, "weight");

      _sihua_loader_problem (loader, weight_path,
                             _("a weight must be greater than 0, not %g"), question->weight);
    }
  _sihua_loader_bool (loader, path, object, "allow_na", &question->allow_na);
  _sihua_loader_bool (loader, path, object, "evidence_required", &question->evidence_required);

  if (json_object_has_member (object, "help"))
    {
      g_autofree char *help_path = _sihua_loader_path_key (path, "help");
      JsonObject *help = _sihua_loader_object (loader, help_path,
                                               json_object_get_member (object, "help"));

      if (help != NULL)
        {
          _sihua_loader_check_keys (loader, help_path, help, help_keys, NULL);
          _sihua_loader_text (loader, help_path, help, "ask", &question->help_ask);
          _sihua_loader_text (loader, help_path, help, "evidence", &question->help_evidence);
          _sihua_loader_text (loader, help_path, help, "why", &question->help_why);
        }
    }

  question->relevant_if = _sihua_loader_condition (loader, path, object, "relevant_if",
                                                   question->index);

  if (type < 0)
    return question;

  if (is_choice (question->type))
    {
      if (!json_object_has_member (object, "options"))
        _sihua_loader_problem (loader, path, _("a %s question needs “options”"),
                               question_types[type]);
      else
        load_options (loader, path, object, question);
      if (json_object_has_member (object, "derive"))
        {
          if (question->type == SIHUA_QUESTION_SINGLE)
            question->derive = _sihua_loader_derive (loader, path, object);
          else
            {
              g_autofree char *derive_path = _sihua_loader_path_key (path, "derive");

              _sihua_loader_problem (loader, derive_path,
                                     _("only a single question can derive its option from numbers"));
            }
        }
    }
  else if (question->type == SIHUA_QUESTION_NUMERIC)
    {
      _sihua_loader_text (loader, path, object, "unit", &question->unit);
      question->has_min = _sihua_loader_number (loader, path, object, "min", &question->min);
      question->has_max = _sihua_loader_number (loader, path, object, "max", &question->max);
      if (question->has_min && question->has_max && question->min >= question->max)
        _sihua_loader_problem (loader, path, _("“min” (%g) must be less than “max” (%g)"),
                               question->min, question->max);
      load_bands (loader, path, object, question);
    }

  if (!is_choice (question->type) && json_object_has_member (object, "derive"))
    {
      g_autofree char *derive_path = _sihua_loader_path_key (path, "derive");

      _sihua_loader_problem (loader, derive_path,
                             _("only a single question can derive its option from numbers"));
    }

  return question;
}

/* A chart label has room for about 16 columns: 8 Chinese characters or
 * 16 Latin letters. */
#define SHORT_TITLE_MAX_WIDTH 16

static void
check_short_title (SihuaLoader     *loader,
                   const char      *path,
                   const SihuaText *short_title)
{
  static const char * const languages[] = { "zh_CN", "en" };
  const char *values[] = { short_title->zh_cn, short_title->en };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && sihua_utf8_display_width (values[i]) > SHORT_TITLE_MAX_WIDTH)
      {
        g_autofree char *key_path = _sihua_loader_path_key (path, "short_title");
        g_autofree char *language_path = _sihua_loader_path_key (key_path, languages[i]);

        _sihua_loader_problem (loader, language_path,
                               _("the short title “%s” is too long for a chart label: at most "
                                 "%d Latin letters or %d Chinese characters"),
                               values[i], SHORT_TITLE_MAX_WIDTH, SHORT_TITLE_MAX_WIDTH / 2);
      }
}

static void
load_dimension (SihuaLoader *loader,
                const char  *path,
                JsonObject  *object,
                SihuaArea   *area)
{
  static const char * const allowed[] = {
    "id", "title", "short_title", "description", "weight", "relevant_if", "questions", NULL
  };
  static const char * const required[] = { "id", "title", "questions", NULL };
  SihuaModel *model = loader->model;
  SihuaDimension *dimension = g_new0 (SihuaDimension, 1);
  g_autofree char *questions_path = _sihua_loader_path_key (path, "questions");
  JsonArray *questions;

  dimension->weight = 1;
  dimension->area = area;
  dimension->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_question_free);
  g_ptr_array_add (area->dimensions, dimension);
  g_ptr_array_add (model->dimensions, dimension);

  _sihua_loader_check_keys (loader, path, object, allowed, required);
  if (_sihua_loader_id (loader, path, object, "id", &dimension->id))
    {
      if (g_hash_table_contains (model->dimension_index, dimension->id))
        {
          g_autofree char *id_path = _sihua_loader_path_key (path, "id");

          _sihua_loader_problem (loader, id_path,
                                 _("the dimension id “%s” is used twice: dimension ids must be "
                                   "unique in the whole model"), dimension->id);
        }
      else
        g_hash_table_insert (model->dimension_index, dimension->id, dimension);
    }
  _sihua_loader_text (loader, path, object, "title", &dimension->title);
  if (_sihua_loader_text (loader, path, object, "short_title", &dimension->short_title))
    check_short_title (loader, path, &dimension->short_title);
  _sihua_loader_text (loader, path, object, "description", &dimension->description);
  if (_sihua_loader_number (loader, path, object, "weight", &dimension->weight)
      && !(dimension->weight > 0))
    {
      g_autofree char *weight_path = _sihua_loader_path_key (path, "weight");

      _sihua_loader_problem (loader, weight_path,
                             _("a weight must be greater than 0, not %g"), dimension->weight);
    }
  /* A dimension may only depend on questions asked before its own. */
  dimension->relevant_if = _sihua_loader_condition (loader, path, object, "relevant_if",
                                                    model->questions->len);

  questions = _sihua_loader_array (loader, path, object, "questions");
  for (guint i = 0; questions != NULL && i < json_array_get_length (questions); i++)
    {
      g_autofree char *question_path = _sihua_loader_path_index (questions_path, i);
      JsonObject *question = _sihua_loader_object (loader, question_path,
                                                   json_array_get_element (questions, i));

      if (question != NULL)
        g_ptr_array_add (dimension->questions,
                         load_question (loader, question_path, question, dimension));
    }
}

static void
load_area (SihuaLoader *loader,
           const char  *path,
           JsonObject  *object)
{
  static const char * const allowed[] = {
    "id", "title", "description", "scored", "role", "dimensions", NULL
  };
  static const char * const required[] = { "id", "title", "dimensions", NULL };
  static const char * const roles[] = { "none", "profile", "barriers", NULL };
  SihuaModel *model = loader->model;
  SihuaArea *area = g_new0 (SihuaArea, 1);
  g_autofree char *dimensions_path = _sihua_loader_path_key (path, "dimensions");
  JsonArray *dimensions;
  int role = SIHUA_AREA_ROLE_NONE;

  area->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_dimension_free);
  g_ptr_array_add (model->areas, area);

  _sihua_loader_check_keys (loader, path, object, allowed, required);
  if (_sihua_loader_id (loader, path, object, "id", &area->id))
    {
      if (g_hash_table_contains (model->area_index, area->id))
        {
          g_autofree char *id_path = _sihua_loader_path_key (path, "id");

          _sihua_loader_problem (loader, id_path,
                                 _("the area id “%s” is used twice"), area->id);
        }
      else
        g_hash_table_insert (model->area_index, area->id, area);
    }
  _sihua_loader_text (loader, path, object, "title", &area->title);
  _sihua_loader_text (loader, path, object, "description", &area->description);

  if (_sihua_loader_enum (loader, path, object, "role", roles, &role))
    {
      g_autofree char *role_path = _sihua_loader_path_key (path, "role");
      SihuaArea *other = sihua_model_get_area_by_role (model, role);

      if (other != NULL && role != SIHUA_AREA_ROLE_NONE)
        _sihua_loader_problem (loader, role_path,
                               _("area “%s” already has the role “%s”; only one area may have it"),
                               other->id != NULL ? other->id : "?", roles[role]);
      else
        area->role = role;
    }

  /* The profile and the barriers describe the company; they never score. */
  area->scored = area->role == SIHUA_AREA_ROLE_NONE;
  if (_sihua_loader_bool (loader, path, object, "scored", &area->scored)
      && area->scored && area->role != SIHUA_AREA_ROLE_NONE)
    {
      g_autofree char *scored_path = _sihua_loader_path_key (path, "scored");

      _sihua_loader_problem (loader, scored_path,
                             _("an area with the role “%s” describes the company and cannot be "
                               "scored"), roles[area->role]);
    }

  dimensions = _sihua_loader_array (loader, path, object, "dimensions");
  for (guint i = 0; dimensions != NULL && i < json_array_get_length (dimensions); i++)
    {
      g_autofree char *dimension_path = _sihua_loader_path_index (dimensions_path, i);
      JsonObject *dimension = _sihua_loader_object (loader, dimension_path,
                                                    json_array_get_element (dimensions, i));

      if (dimension != NULL)
        load_dimension (loader, dimension_path, dimension, area);
    }
}

static void
load_root (SihuaLoader *loader,
           JsonObject  *root)
{
  static const char * const allowed[] = {
    "format", "id", "version", "title", "description", "levels", "areas", "subsets",
    "subset_titles", "scoring", "recommendations", "checks", NULL
  };
  static const char * const required[] = {
    "format", "id", "version", "title", "levels", "areas", "scoring", NULL
  };
  SihuaModel *model = loader->model;
  JsonArray *areas;
  int format;

  _sihua_loader_check_keys (loader, "$", root, allowed, required);

  if (_sihua_loader_int (loader, "$", root, "format", &format) && format != SIHUA_MODEL_FORMAT)
    _sihua_loader_problem (loader, "$.format",
                           _("format %d is not supported: this version of Sihua reads format %d"),
                           format, SIHUA_MODEL_FORMAT);
  _sihua_loader_id (loader, "$", root, "id", &model->id);
  _sihua_loader_string (loader, "$", root, "version", &model->version);
  _sihua_loader_text (loader, "$", root, "title", &model->title);
  _sihua_loader_text (loader, "$", root, "description", &model->description);

  load_levels (loader, root);

  areas = _sihua_loader_array (loader, "$", root, "areas");
  for (guint i = 0; areas != NULL && i < json_array_get_length (areas); i++)
    {
      g_autofree char *path = _sihua_loader_path_index ("$.areas", i);
      JsonObject *area = _sihua_loader_object (loader, path, json_array_get_element (areas, i));

      if (area != NULL)
        load_area (loader, path, area);
    }

  _sihua_loader_subsets (loader, root);
  _sihua_loader_subset_titles (loader, root);
  _sihua_loader_scoring (loader, root);
  _sihua_loader_recommendations (loader, root);
  _sihua_loader_checks (loader, root);
  _sihua_loader_check_conditions (loader);
  _sihua_loader_check_derives (loader);

  if (areas != NULL)
    {
      gboolean any_scored = FALSE;

      for (guint i = 0; !any_scored && i < model->dimensions->len; i++)
        any_scored = sihua_dimension_is_scored (g_ptr_array_index (model->dimensions, i));
      if (!any_scored)
        _sihua_loader_problem (loader, "$.areas",
                               _("the model has no scored question, so it cannot score anything"));
    }
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: …"; a consultant reads
 * "line LINE, column COLUMN: …". */
static char *
describe_parse_error (const GError *error)
{
  g_autoptr(GRegex) regex = g_regex_new ("^.*?:(\\d+):(\\d+): (?:Parse error: )?(.*)$",
                                         G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, error->message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *what = g_match_info_fetch (match, 3);

      return g_strdup_printf (_("not valid JSON: line %s, column %s: %s"), line, column, what);
    }

  return g_strdup_printf (_("not valid JSON: %s"), error->message);
}

SihuaModel *
_sihua_model_load (GBytes     *bytes,
                   const char *source_name,
                   GPtrArray  *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SihuaModel) model = _sihua_model_new ();
  g_autoptr(GError) error = NULL;
  SihuaLoader loader = { 0 };
  guint n_problems = problems->len;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  loader.source = source_name;
  loader.problems = problems;
  loader.model = model;

  model->source = g_strdup (source_name);
  model->bytes = g_bytes_ref (bytes);

  if (length == 0 || data == NULL)
    {
      _sihua_loader_problem (&loader, "$", _("the file is empty"));
      return NULL;
    }

  if (!sihua_json_guard_check (data, length, NULL, &error))
    {
      _sihua_loader_problem (&loader, "$", "%s", error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_autofree char *message = describe_parse_error (error);

      _sihua_loader_problem (&loader, "$", "%s", message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _sihua_loader_problem (&loader, "$", _("a model must be a JSON object { … }"));
      return NULL;
    }

  load_root (&loader, json_node_get_object (root));

  if (problems->len > n_problems)
    return NULL;

  return g_steal_pointer (&model);
}
