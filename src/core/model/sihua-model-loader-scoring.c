/* sihua-model-loader-scoring.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-model-loader-private.h"

/* The parts of a model file that refer to the dimensions: subsets, the
 * scoring rule and the recommendations. Read after the areas. */

static const char * const requirement_kinds[] = {
  "stage_share", "no_laggard", "points_total", "index_min", "count_at_stage", NULL
};

void
_sihua_loader_subsets (SihuaLoader *loader,
                       JsonObject  *root)
{
  SihuaModel *model = loader->model;
  JsonObject *subsets;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!json_object_has_member (root, "subsets"))
    return;

  subsets = _sihua_loader_object (loader, "$.subsets", json_object_get_member (root, "subsets"));
  if (subsets == NULL)
    return;

  json_object_iter_init (&iter, subsets);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *path = _sihua_loader_path_key ("$.subsets", name);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *ids;

      if (!_sihua_loader_is_valid_id (name))
        _sihua_loader_problem (loader, path,
                               _("“%s” is not a valid subset name: use lower-case letters a–z, "
                                 "digits and “.”, “_” or “-”, starting with a letter or a digit"),
                               name);

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
        {
          _sihua_loader_problem (loader, path,
                                 _("a subset is a list of dimension ids such as [\"planning\", "
                                   "\"quality\"]"));
          continue;
        }

      ids = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          g_autofree char *item_path = _sihua_loader_path_index (path, i);
          JsonNode *item = json_array_get_element (ids, i);
          const char *id;

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            {
              _sihua_loader_problem (loader, item_path, _("must be a dimension id in quotes"));
              continue;
            }
          id = json_node_get_string (item);
          if (!g_hash_table_contains (model->dimension_index, id))
            _sihua_loader_problem (loader, item_path,
                                   _("subset “%s” names dimension “%s”, which does not exist"),
                                   name, id);
          else if (!g_hash_table_add (seen, (gpointer) id))
            _sihua_loader_problem (loader, item_path,
                                   _("subset “%s” names dimension “%s” twice"), name, id);
          else
            g_strv_builder_add (builder, id);
        }

      g_ptr_array_add (model->subset_names, g_strdup (name));
      g_hash_table_insert (model->subsets, g_ptr_array_index (model->subset_names,
                                                              model->subset_names->len - 1),
                           g_strv_builder_end (builder));
    }
}

/* "subset_titles": {"NAME": TEXT}, what each subset is called in the
 * texts that count it ("再有 2 个约束性场景达到三级"). */
void
_sihua_loader_subset_titles (SihuaLoader *loader,
                             JsonObject  *root)
{
  JsonObject *titles;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!json_object_has_member (root, "subset_titles"))
    return;

  titles = _sihua_loader_object (loader, "$.subset_titles",
                                 json_object_get_member (root, "subset_titles"));
  if (titles == NULL)
    return;

  json_object_iter_init (&iter, titles);
  while (json_object_iter_next (&iter, &name, &node))
    {
      SihuaText *title = g_new0 (SihuaText, 1);

      if (!g_hash_table_contains (loader->model->subsets, name))
        {
          g_autofree char *path = _sihua_loader_path_key ("$.subset_titles", name);

          _sihua_loader_problem (loader, path, _("there is no subset “%s”"), name);
        }
      _sihua_loader_text (loader, "$.subset_titles", titles, name, title);
      g_hash_table_replace (loader->model->subset_titles, g_strdup (name), title);
    }
}

static SihuaRequirement *
load_requirement (SihuaLoader *loader,
                  const char  *path,
                  JsonObject  *object)
{
  /* The fields of each kind, in the order of requirement_kinds. */
  static const char * const fields[][4] = {
    { "share", "subset", NULL },
    { "max_gap", NULL },
    { "min", NULL },
    { "min", NULL },
    { "count", "stage", "subset", NULL },
  };
  static const char * const required_fields[][2] = {
    { "share", NULL },
    { "max_gap", NULL },
    { "min", NULL },
    { "min", NULL },
    { "count", NULL },
  };
  SihuaRequirement *requirement = g_new0 (SihuaRequirement, 1);
  const char *keys[6] = { "kind", NULL };
  const char *required[3] = { "kind", NULL };
  int kind;

  requirement->stage = -1;

  if (!_sihua_loader_enum (loader, path, object, "kind", requirement_kinds, &kind))
    {
      if (!json_object_has_member (object, "kind"))
        _sihua_loader_problem (loader, path, _("“%s” is missing"), "kind");
      return requirement;
    }
  requirement->kind = kind;

  for (guint i = 0; fields[kind][i] != NULL; i++)
    keys[i + 1] = fields[kind][i];
  required[1] = required_fields[kind][0];
  _sihua_loader_check_keys (loader, path, object, keys, required);

  switch (requirement->kind)
    {
    case SIHUA_REQUIREMENT_STAGE_SHARE:
      _sihua_loader_share (loader, path, object, "share", &requirement->share);
      break;

    case SIHUA_REQUIREMENT_NO_LAGGARD:
      if (_sihua_loader_int (loader, path, object, "max_gap", &requirement->max_gap)
          && requirement->max_gap < 0)
        {
          g_autofree char *gap_path = _sihua_loader_path_key (path, "max_gap");

          _sihua_loader_problem (loader, gap_path, _("“max_gap” cannot be negative"));
        }
      break;

    case SIHUA_REQUIREMENT_POINTS_TOTAL:
      _sihua_loader_number (loader, path, object, "min", &requirement->min);
      break;

    case SIHUA_REQUIREMENT_INDEX_MIN:
      if (_sihua_loader_number (loader, path, object, "min", &requirement->min)
          && (requirement->min < 0 || requirement->min > 100))
        {
          g_autofree char *min_path = _sihua_loader_path_key (path, "min");

          _sihua_loader_problem (loader, min_path,
                                 _("the index goes from 0 to 100; %g is outside"), requirement->min);
        }
      break;

    case SIHUA_REQUIREMENT_COUNT_AT_STAGE:
      if (_sihua_loader_int (loader, path, object, "count", &requirement->count)
          && requirement->count < 1)
        {
          g_autofree char *count_path = _sihua_loader_path_key (path, "count");

          _sihua_loader_problem (loader, count_path, _("“count” must be at least 1"));
        }
      _sihua_loader_level (loader, path, object, "stage", 0, &requirement->stage);
      break;

    default:
      g_assert_not_reached ();
    }

  if (_sihua_loader_id (loader, path, object, "subset", &requirement->subset))
    {
      g_autofree char *subset_path = _sihua_loader_path_key (path, "subset");
      const char * const *subset = sihua_model_get_subset (loader->model, requirement->subset);

      if (subset == NULL)
        _sihua_loader_problem (loader, subset_path,
                               _("there is no subset “%s” in “subsets”"), requirement->subset);
      else if (requirement->kind == SIHUA_REQUIREMENT_COUNT_AT_STAGE
               && requirement->count > (int) g_strv_length ((char **) subset))
        _sihua_loader_problem (loader, path,
                               ngettext ("asks for %d dimension, but subset “%s” has only %u",
                                         "asks for %d dimensions, but subset “%s” has only %u",
                                         requirement->count),
                               requirement->count, requirement->subset,
                               g_strv_length ((char **) subset));
    }

  return requirement;
}

static GPtrArray *
load_requirements (SihuaLoader *loader,
                   const char  *path,
                   JsonNode    *node)
{
  GPtrArray *requirements =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _sihua_requirement_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _sihua_loader_problem (loader, path, _("must be a list [ … ] of requirements"));
      return requirements;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = _sihua_loader_path_index (path, i);
      JsonObject *object = _sihua_loader_object (loader, item_path,
                                                 json_array_get_element (array, i));

      if (object != NULL)
        g_ptr_array_add (requirements, load_requirement (loader, item_path, object));
    }

  return requirements;
}

static void
load_overall (SihuaLoader *loader,
              JsonObject  *scoring)
{
  static const char * const allowed[] = { "default", "levels", NULL };
  SihuaScoringRule *rule = &loader->model->scoring;
  guint n_levels = loader->model->levels->len;
  gboolean has_default;
  JsonObject *overall;

  if (!json_object_has_member (scoring, "overall"))
    return;

  overall = _sihua_loader_object (loader, "$.scoring.overall",
                                  json_object_get_member (scoring, "overall"));
  if (overall == NULL)
    return;

  _sihua_loader_check_keys (loader, "$.scoring.overall", overall, allowed, NULL);
  rule->level_requirements = g_new0 (GPtrArray *, MAX (n_levels, 1));

  has_default = json_object_has_member (overall, "default");
  if (has_default)
    {
      g_ptr_array_unref (rule->default_requirements);
      rule->default_requirements = load_requirements (loader, "$.scoring.overall.default",
                                                      json_object_get_member (overall, "default"));
    }

  if (json_object_has_member (overall, "levels"))
    {
      JsonObject *levels = _sihua_loader_object (loader, "$.scoring.overall.levels",
                                                 json_object_get_member (overall, "levels"));
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (levels != NULL)
        json_object_iter_init (&iter, levels);
      while (levels != NULL && json_object_iter_next (&iter, &name, &node))
        {
          g_autofree char *path = _sihua_loader_path_key ("$.scoring.overall.levels", name);
          char *end = NULL;
          gint64 level = g_ascii_strtoll (name, &end, 10);

          if (end == name || *end != '\0' || level < 1 || level >= (gint64) n_levels)
            {
              _sihua_loader_problem (loader, path,
                                     _("“%s” is not a level that needs requirements: "
                                       "use a level from 1 to %u (level 0 always holds)"),
                                     name, n_levels > 0 ? n_levels - 1 : 0);
              continue;
            }
          rule->level_requirements[level] = load_requirements (loader, path, node);
        }
    }

  for (guint level = 1; level < n_levels && !has_default; level++)
    if (rule->level_requirements[level] == NULL)
      {
        _sihua_loader_problem (loader, "$.scoring.overall",
                               _("level %u has no requirements: give a “default” list or an "
                                 "entry for it in “levels”"), level);
        break;
      }
}

void
_sihua_loader_scoring (SihuaLoader *loader,
                       JsonObject  *root)
{
  static const char * const allowed[] = {
    "question_value", "dimension_stage_share", "overall", NULL
  };
  static const char * const required[] = {
    "question_value", "dimension_stage_share", "overall", NULL
  };
  static const char * const values[] = { "level", "points", NULL };
  SihuaScoringRule *rule = &loader->model->scoring;
  JsonObject *scoring;
  int value;

  if (!json_object_has_member (root, "scoring"))
    return;

  scoring = _sihua_loader_object (loader, "$.scoring", json_object_get_member (root, "scoring"));
  if (scoring == NULL)
    return;

  _sihua_loader_check_keys (loader, "$.scoring", scoring, allowed, required);
  if (_sihua_loader_enum (loader, "$.scoring", scoring, "question_value", values, &value))
    rule->question_value = value;
  _sihua_loader_share (loader, "$.scoring", scoring, "dimension_stage_share",
                       &rule->dimension_stage_share);
  load_overall (loader, scoring);
}

/* A list of recommendation ids; whether each exists is checked once all
 * are read (check_references ()). */
static GStrv
load_ids (SihuaLoader *loader,
          const char  *path,
          JsonObject  *object,
          const char  *key)
{
  JsonArray *ids = _sihua_loader_array (loader, path, object, key);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *key_path = NULL;

  if (ids == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  key_path = _sihua_loader_path_key (path, key);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *item = json_array_get_element (ids, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (item));
      else
        {
          g_autofree char *item_path = _sihua_loader_path_index (key_path, i);

          _sihua_loader_problem (loader, item_path, _("must be a recommendation id in quotes"));
        }
    }

  return g_strv_builder_end (builder);
}

static void
check_ids (SihuaLoader               *loader,
           guint                      index,
           const SihuaRecommendation *recommendation,
           const char                *key,
           char                     **ids,
           gboolean                   measures_only)
{
  g_autofree char *path = _sihua_loader_path_index ("$.recommendations", index);
  g_autofree char *key_path = _sihua_loader_path_key (path, key);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const SihuaRecommendation *named = g_hash_table_lookup (loader->model->recommendation_index,
                                                              ids[i]);
      g_autofree char *item_path = _sihua_loader_path_index (key_path, i);

      if (named == NULL)
        _sihua_loader_problem (loader, item_path, _("there is no recommendation “%s”"), ids[i]);
      else if (named == recommendation)
        _sihua_loader_problem (loader, item_path, _("a recommendation cannot name itself"));
      else if (measures_only && named->dimension_id == NULL)
        _sihua_loader_problem (loader, item_path,
                               _("“%s” is a barrier action; only actions keyed by “dimension” "
                                 "and “level” can be named here"), ids[i]);
    }
}

/* Whether following `requires` from @from comes back to @target; @seen
 * keeps each action visited once, so the walk ends on any file. */
static gboolean
requires_reach (SihuaModel                *model,
                const SihuaRecommendation *from,
                const SihuaRecommendation *target,
                GHashTable                *seen)
{
  if (from == NULL || from->requires == NULL || !g_hash_table_add (seen, (gpointer) from))
    return FALSE;

  for (guint i = 0; from->requires[i] != NULL; i++)
    {
      const SihuaRecommendation *next = g_hash_table_lookup (model->recommendation_index,
                                                             from->requires[i]);

      if (next == target || requires_reach (model, next, target, seen))
        return TRUE;
    }

  return FALSE;
}

static void
check_references (SihuaLoader *loader)
{
  GPtrArray *recommendations = loader->model->recommendations;

  for (guint i = 0; i < recommendations->len; i++)
    {
      const SihuaRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      check_ids (loader, i, recommendation, "requires", recommendation->requires, TRUE);
      check_ids (loader, i, recommendation, "promotes", recommendation->promotes, TRUE);
      if (requires_reach (loader->model, recommendation, recommendation, seen))
        {
          g_autofree char *path = _sihua_loader_path_index ("$.recommendations", i);
          g_autofree char *key_path = _sihua_loader_path_key (path, "requires");

          _sihua_loader_problem (loader, key_path,
                                 _("the prerequisites of “%s” lead back to it; "
                                   "an action cannot come after itself"), recommendation->id);
        }
    }
}

static void
load_recommendation (SihuaLoader *loader,
                     const char  *path,
                     JsonObject  *object)
{
  static const char * const allowed[] = {
    "id", "dimension", "level", "when", "relevant_if", "requires", "promotes", "title", "detail",
    "effort", "cost", "horizon", "quick_win", NULL
  };
  static const char * const required[] = { "id", "title", "effort", "cost", "horizon", NULL };
  static const char * const bands[] = { "low", "medium", "high", NULL };
  static const char * const horizons[] = { "short", "medium", "long", NULL };
  SihuaModel *model = loader->model;
  SihuaRecommendation *recommendation = g_new0 (SihuaRecommendation, 1);
  gboolean keyed_by_dimension;
  int value;

  recommendation->level = -1;
  g_ptr_array_add (model->recommendations, recommendation);

  _sihua_loader_check_keys (loader, path, object, allowed, required);
  if (_sihua_loader_id (loader, path, object, "id", &recommendation->id))
    {
      if (g_hash_table_contains (model->recommendation_index, recommendation->id))
        {
          g_autofree char *id_path = _sihua_loader_path_key (path, "id");

          _sihua_loader_problem (loader, id_path,
                                 _("the recommendation id “%s” is used twice"), recommendation->id);
        }
      else
        g_hash_table_insert (model->recommendation_index, recommendation->id, recommendation);
    }

  keyed_by_dimension = json_object_has_member (object, "dimension")
                       || json_object_has_member (object, "level");
  if (keyed_by_dimension && json_object_has_member (object, "when"))
    _sihua_loader_problem (loader, path,
                           _("a recommendation is keyed either by “dimension” and “level” or by "
                             "“when”, not both"));
  else if (!keyed_by_dimension && !json_object_has_member (object, "when"))
    _sihua_loader_problem (loader, path,
                           _("a recommendation needs “dimension” and “level”, or “when”"));
  else if (keyed_by_dimension && (!json_object_has_member (object, "dimension")
                                  || !json_object_has_member (object, "level")))
    _sihua_loader_problem (loader, path, _("“dimension” and “level” go together"));

  if (_sihua_loader_id (loader, path, object, "dimension", &recommendation->dimension_id)
      && !g_hash_table_contains (model->dimension_index, recommendation->dimension_id))
    {
      g_autofree char *dimension_path = _sihua_loader_path_key (path, "dimension");

      _sihua_loader_problem (loader, dimension_path, _("there is no dimension “%s”"),
                             recommendation->dimension_id);
    }
  /* The level the action lifts the dimension to; nobody is lifted to 0. */
  _sihua_loader_level (loader, path, object, "level", 1, &recommendation->level);
  recommendation->when = _sihua_loader_condition (loader, path, object, "when", G_MAXUINT);
  recommendation->relevant_if = _sihua_loader_condition (loader, path, object, "relevant_if",
                                                         G_MAXUINT);
  recommendation->requires = load_ids (loader, path, object, "requires");
  recommendation->promotes = load_ids (loader, path, object, "promotes");
  if (recommendation->promotes != NULL && keyed_by_dimension)
    _sihua_loader_problem (loader, path,
                           _("only an action keyed by “when” (a reported barrier) can move "
                             "others forward with “promotes”"));

  _sihua_loader_text (loader, path, object, "title", &recommendation->title);
  _sihua_loader_text (loader, path, object, "detail", &recommendation->detail);
  if (_sihua_loader_enum (loader, path, object, "effort", bands, &value))
    recommendation->effort = value;
  if (_sihua_loader_enum (loader, path, object, "cost", bands, &value))
    recommendation->cost = value;
  if (_sihua_loader_enum (loader, path, object, "horizon", horizons, &value))
    recommendation->horizon = value;
  _sihua_loader_bool (loader, path, object, "quick_win", &recommendation->quick_win);
}

void
_sihua_loader_recommendations (SihuaLoader *loader,
                               JsonObject  *root)
{
  JsonArray *recommendations;

  if (!json_object_has_member (root, "recommendations"))
    return;

  recommendations = _sihua_loader_array (loader, "$", root, "recommendations");
  for (guint i = 0; recommendations != NULL && i < json_array_get_length (recommendations); i++)
    {
      g_autofree char *path = _sihua_loader_path_index ("$.recommendations", i);
      JsonObject *object = _sihua_loader_object (loader, path,
                                                 json_array_get_element (recommendations, i));

      if (object != NULL)
        load_recommendation (loader, path, object);
    }
  check_references (loader);
}
