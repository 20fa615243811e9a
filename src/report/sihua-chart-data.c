/* sihua-chart-data.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-chart-data"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sihua-chart-data.h"
#include "sihua-chart-private.h"
#include "sihua-json-guard.h"
#include "sihua-report-catalog.h"
#include "sihua-text.h"

/* The language of a chart is chosen per rendering (a Chinese report from an
 * English desktop, `sihua-cli chart --lang en`), so the chart's own words are
 * looked up in the catalogue of that language, the same way the report looks
 * up its wording, rather than through the process locale. Callers may
 * override any of them in SihuaChartData.texts. */
static const char * const chart_texts[SIHUA_CHART_N_TEXTS] = {
  [SIHUA_CHART_TEXT_CURRENT] = N_("This assessment"),
  [SIHUA_CHART_TEXT_PREVIOUS] = N_("Previous assessment"),
  [SIHUA_CHART_TEXT_TARGET] = N_("Target"),
  [SIHUA_CHART_TEXT_INDEX] = N_("Index"),
  [SIHUA_CHART_TEXT_YOUR_STAGE] = N_("You are here"),
  [SIHUA_CHART_TEXT_QUESTIONS] = N_("Questions answered at each level"),
  [SIHUA_CHART_TEXT_NOT_SCORED] = N_("not scored"),
  [SIHUA_CHART_TEXT_NO_DATA] = N_("No assessments to show yet"),
  [SIHUA_CHART_TEXT_IMPACT] = N_("Impact on the stage"),
  [SIHUA_CHART_TEXT_EFFORT] = N_("Effort"),
  [SIHUA_CHART_TEXT_QUICK_WINS] = N_("Quick wins"),
  [SIHUA_CHART_TEXT_MAJOR_PROJECTS] = N_("Major projects"),
  [SIHUA_CHART_TEXT_FILL_INS] = N_("Fill-ins"),
  [SIHUA_CHART_TEXT_RECONSIDER] = N_("Weigh again"),
  [SIHUA_CHART_TEXT_LOW] = N_("Low"),
  [SIHUA_CHART_TEXT_MEDIUM] = N_("Medium"),
  [SIHUA_CHART_TEXT_HIGH] = N_("High"),
};

static const char * const level_names[SIHUA_CHART_N_LEVELS] = {
  N_("Not started"),
  N_("Informatization"),
  N_("Automation"),
  N_("Digitalization"),
  N_("Intelligentization"),
};

/* One catalogue per language for the whole process: charts are drawn often
 * (every redraw on screen) and the catalogue never changes while running. */
const char *
_sihua_chart_word (const char    *msgid,
                   SihuaLanguage  language)
{
  static SihuaReportCatalog *catalogs[2];

  if (language == SIHUA_LANGUAGE_EN)
    return msgid;

  if (g_once_init_enter (&catalogs[language]))
    g_once_init_leave (&catalogs[language], sihua_report_catalog_new (language));

  return sihua_report_catalog_get (catalogs[language], msgid);
}

static void
dimension_free (SihuaChartDimension *dimension)
{
  g_free (dimension->label);
  g_free (dimension->short_label);
  g_free (dimension);
}

static void
measure_free (SihuaChartMeasure *measure)
{
  g_free (measure->label);
  g_free (measure);
}

static void
point_free (SihuaChartPoint *point)
{
  g_free (point->date);
  g_free (point);
}

SihuaChartData *
sihua_chart_data_new (SihuaLanguage language)
{
  SihuaChartData *data = g_new0 (SihuaChartData, 1);

  data->language = language;
  data->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify)dimension_free);
  data->trend = g_ptr_array_new_with_free_func ((GDestroyNotify)point_free);
  data->measures = g_ptr_array_new_with_free_func ((GDestroyNotify)measure_free);
  data->index = NAN;
  data->stage = -1;
  data->previous_index = NAN;
  data->target_index = NAN;

  return data;
}

void
sihua_chart_data_free (SihuaChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_ptr_array_unref (data->dimensions);
  g_ptr_array_unref (data->trend);
  g_ptr_array_unref (data->measures);
  for (guint i = 0; i < SIHUA_CHART_N_LEVELS; i++)
    g_free (data->level_names[i]);
  for (guint i = 0; i < SIHUA_CHART_N_TEXTS; i++)
    g_free (data->texts[i]);
  g_free (data);
}

/**
 * sihua_chart_data_add_dimension:
 *
 * Returns: (transfer none): the new dimension, with no previous score, no
 *   target, no counts, and the stage of @score's band
 */
SihuaChartDimension *
sihua_chart_data_add_dimension (SihuaChartData *data,
                                const char     *label,
                                double          score)
{
  SihuaChartDimension *dimension;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  dimension = g_new0 (SihuaChartDimension, 1);
  dimension->label = g_strdup (label);
  dimension->score = score;
  dimension->previous = NAN;
  dimension->target = NAN;
  dimension->stage = sihua_chart_stage_for_score (score);
  g_ptr_array_add (data->dimensions, dimension);

  return dimension;
}

/**
 * sihua_chart_data_add_point:
 *
 * Returns: (transfer none): the new trend point
 */
SihuaChartPoint *
sihua_chart_data_add_point (SihuaChartData *data,
                            const char     *date,
                            double          index,
                            int             stage)
{
  SihuaChartPoint *point;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  point = g_new0 (SihuaChartPoint, 1);
  point->date = g_strdup (date);
  point->index = index;
  point->stage = stage;
  g_ptr_array_add (data->trend, point);

  return point;
}

/**
 * sihua_chart_data_add_measure:
 *
 * Returns: (transfer none): the new measure of the priority matrix
 */
SihuaChartMeasure *
sihua_chart_data_add_measure (SihuaChartData *data,
                              const char     *label,
                              double          impact,
                              int             effort,
                              int             level)
{
  SihuaChartMeasure *measure;

  g_return_val_if_fail (data != NULL, NULL);

  measure = g_new0 (SihuaChartMeasure, 1);
  measure->label = g_strdup (label);
  measure->impact = MAX (impact, 0);
  measure->effort = CLAMP (effort, 0, 2);
  measure->level = level;
  g_ptr_array_add (data->measures, measure);

  return measure;
}

/**
 * sihua_chart_data_add_roadmap:
 * @data: chart data
 * @roadmap: the roadmap whose measures the priority matrix shows
 *
 * Adds every measure of @roadmap's phases, numbered by rank.
 */
void
sihua_chart_data_add_roadmap (SihuaChartData     *data,
                              const SihuaRoadmap *roadmap)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (roadmap != NULL);

  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    for (guint i = 0; i < roadmap->phases[h].items->len; i++)
      {
        const SihuaRoadmapItem *item = &g_array_index (roadmap->phases[h].items, SihuaRoadmapItem, i);
        g_autofree char *label = g_strdup_printf ("%u", item->rank);
        SihuaChartMeasure *measure = sihua_chart_data_add_measure (data, label, item->impact,
                                                                   item->recommendation->effort,
                                                                   item->recommendation->level);

        measure->do_first = item->do_first;
      }
}

const char *
sihua_chart_data_get_text (const SihuaChartData *data,
                           SihuaChartText        text)
{
  g_return_val_if_fail (data != NULL, "");
  g_return_val_if_fail (text < SIHUA_CHART_N_TEXTS, "");

  if (data->texts[text] != NULL)
    return data->texts[text];

  return _sihua_chart_word (chart_texts[text], data->language);
}

const char *
sihua_chart_data_get_level_name (const SihuaChartData *data,
                                 int                   level)
{
  g_return_val_if_fail (data != NULL, "");
  g_return_val_if_fail (level >= 0 && level < SIHUA_CHART_N_LEVELS, "");

  if (data->level_names[level] != NULL)
    return data->level_names[level];

  return _sihua_chart_word (level_names[level], data->language);
}

const char *
sihua_chart_dimension_get_label (const SihuaChartDimension *dimension,
                                 gboolean                   prefer_short)
{
  g_return_val_if_fail (dimension != NULL, "");

  if (prefer_short && dimension->short_label != NULL && *dimension->short_label != '\0')
    return dimension->short_label;

  return dimension->label;
}

/**
 * sihua_chart_stage_for_score:
 *
 * The band a 0–100 score falls in: level scores are mean levels scaled to
 * 0–100, so 25, 50, 75 and 100 are where stages 1–4 are reached.
 *
 * Returns: 0–4, or -1 for NAN
 */
int
sihua_chart_stage_for_score (double score)
{
  if (isnan (score))
    return -1;

  return CLAMP ((int)floor (score / 25.0 + 1e-9), 0, SIHUA_CHART_N_LEVELS - 1);
}

gboolean
sihua_chart_data_has_previous (const SihuaChartData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  for (guint i = 0; i < data->dimensions->len; i++)
    if (!isnan (((SihuaChartDimension *)g_ptr_array_index (data->dimensions, i))->previous))
      return TRUE;

  return FALSE;
}

gboolean
sihua_chart_data_has_target (const SihuaChartData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  for (guint i = 0; i < data->dimensions->len; i++)
    if (!isnan (((SihuaChartDimension *)g_ptr_array_index (data->dimensions, i))->target))
      return TRUE;

  return FALSE;
}

/* JSON: see tests/fixtures/chart-data.json. A text is either a string or
 * an object {"zh_CN": …, "en": …}, so one file serves both languages. */

static char *
dup_text (JsonNode      *node,
          SihuaLanguage  language)
{
  JsonObject *object;
  const char *wanted = language == SIHUA_LANGUAGE_EN ? "en" : "zh_CN";
  const char *other = language == SIHUA_LANGUAGE_EN ? "zh_CN" : "en";

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (json_object_has_member (object, wanted))
    return g_strdup (json_object_get_string_member (object, wanted));
  if (json_object_has_member (object, other))
    return g_strdup (json_object_get_string_member (object, other));

  return NULL;
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *where,
            double      *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “%s” must be a number"), where, member);
      return FALSE;
    }

  *value = json_node_get_double (node);
  if (*value < 0 || *value > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “%s” is %g, outside 0–100"), where, member, *value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_stage (JsonObject  *object,
           const char  *where,
           int          fallback,
           int         *stage,
           GError     **error)
{
  gint64 value;

  *stage = fallback;
  if (!json_object_has_member (object, "stage") ||
      json_object_get_null_member (object, "stage"))
    return TRUE;

  value = json_object_get_int_member (object, "stage");
  if (value < 0 || value >= SIHUA_CHART_N_LEVELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the stage must be 0 to 4"), where);
      return FALSE;
    }
  *stage = (int)value;

  return TRUE;
}

static gboolean
load_dimension (SihuaChartData  *data,
                JsonNode        *node,
                guint            position,
                GError         **error)
{
  g_autofree char *where = g_strdup_printf ("dimensions[%u]", position);
  g_autofree char *label = NULL;
  SihuaChartDimension *dimension;
  JsonObject *object;
  JsonArray *counts;
  double score;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s must be an object"), where);
      return FALSE;
    }

  object = json_node_get_object (node);
  label = dup_text (json_object_get_member (object, "label"), data->language);
  if (label == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s has no label"), where);
      return FALSE;
    }

  if (!get_number (object, "score", where, &score, error))
    return FALSE;

  dimension = sihua_chart_data_add_dimension (data, label, score);
  dimension->short_label = dup_text (json_object_get_member (object, "short_label"), data->language);
  if (!get_number (object, "previous", where, &dimension->previous, error) ||
      !get_number (object, "target", where, &dimension->target, error) ||
      !get_stage (object, where, dimension->stage, &dimension->stage, error))
    return FALSE;

  counts = json_object_has_member (object, "counts") ?
           json_object_get_array_member (object, "counts") : NULL;
  for (guint i = 0; counts != NULL && i < MIN (json_array_get_length (counts), SIHUA_CHART_N_LEVELS); i++)
    dimension->counts[i] = (guint)MAX (0, json_array_get_int_element (counts, i));

  return TRUE;
}

static gboolean
load_point (SihuaChartData  *data,
            JsonNode        *node,
            guint            position,
            GError         **error)
{
  g_autofree char *where = g_strdup_printf ("trend[%u]", position);
  JsonObject *object;
  const char *date;
  double index;
  int stage;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s must be an object"), where);
      return FALSE;
    }

  object = json_node_get_object (node);
  date = json_object_get_string_member_with_default (object, "date", NULL);
  if (date == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}", date, 0, 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s needs a date like 2025-03-14"), where);
      return FALSE;
    }

  if (!get_number (object, "index", where, &index, error) ||
      !get_stage (object, where, sihua_chart_stage_for_score (index), &stage, error))
    return FALSE;

  sihua_chart_data_add_point (data, date, index, stage);

  return TRUE;
}

static gboolean
load_measure (SihuaChartData  *data,
              JsonNode        *node,
              guint            position,
              GError         **error)
{
  static const char * const efforts[] = { "low", "medium", "high" };
  g_autofree char *where = g_strdup_printf ("measures[%u]", position);
  SihuaChartMeasure *measure;
  JsonObject *object;
  const char *label, *effort;
  double impact = NAN;
  int level = -1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s must be an object"), where);
      return FALSE;
    }

  object = json_node_get_object (node);
  label = json_object_get_string_member_with_default (object, "label", NULL);
  effort = json_object_get_string_member_with_default (object, "effort", NULL);
  if (label == NULL || effort == NULL || !g_strv_contains (efforts, effort))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s needs a label and an effort of low, medium or high"), where);
      return FALSE;
    }
  if (!get_number (object, "impact", where, &impact, error) ||
      !get_stage (object, where, -1, &level, error))
    return FALSE;

  measure = sihua_chart_data_add_measure (data, label, isnan (impact) ? 0 : impact,
                                          g_str_equal (effort, "low") ? 0 : g_str_equal (effort, "medium") ? 1 : 2,
                                          level);
  measure->do_first = json_object_get_boolean_member_with_default (object, "do_first", FALSE);

  return TRUE;
}

/**
 * sihua_chart_data_new_from_json:
 * @node: a JSON object in the chart-data format
 * @language: the language texts are picked in
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
SihuaChartData *
sihua_chart_data_new_from_json (JsonNode       *node,
                                SihuaLanguage   language,
                                GError        **error)
{
  g_autoptr(SihuaChartData) data = sihua_chart_data_new (language);
  JsonObject *root;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Chart data must be a JSON object"));
      return NULL;
    }

  root = json_node_get_object (node);
  data->title = dup_text (json_object_get_member (root, "title"), language);
  if (!get_number (root, "index", "chart data", &data->index, error) ||
      !get_number (root, "previous_index", "chart data", &data->previous_index, error) ||
      !get_number (root, "target_index", "chart data", &data->target_index, error) ||
      !get_stage (root, "chart data", sihua_chart_stage_for_score (data->index), &data->stage, error))
    return NULL;

  member = json_object_get_member (root, "level_names");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *names = json_node_get_array (member);

      for (guint i = 0; i < MIN (json_array_get_length (names), SIHUA_CHART_N_LEVELS); i++)
        data->level_names[i] = dup_text (json_array_get_element (names, i), language);
    }

  member = json_object_get_member (root, "dimensions");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!load_dimension (data, json_array_get_element (array, i), i, error))
          return NULL;
    }

  member = json_object_get_member (root, "trend");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!load_point (data, json_array_get_element (array, i), i, error))
          return NULL;
    }

  member = json_object_get_member (root, "measures");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!load_measure (data, json_array_get_element (array, i), i, error))
          return NULL;
    }

  return g_steal_pointer (&data);
}

SihuaChartData *
sihua_chart_data_new_from_file (const char     *filename,
                                SihuaLanguage   language,
                                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  if (!sihua_json_guard_load_file (parser, filename, &local_error))
    {
      if (sihua_json_guard_is_too_deep (local_error))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, local_error->message);
          return NULL;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Cannot read chart data %s: %s"), filename, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Chart data %s is empty"), filename);
      return NULL;
    }

  return sihua_chart_data_new_from_json (json_parser_get_root (parser), language, error);
}

/**
 * sihua_chart_data_new_from_score:
 * @score: the assessment's score
 * @previous: (nullable): the score of the assessment before it
 * @target_level: the stage aimed at, or -1
 * @language: the language of the model's texts to use
 *
 * The charts' view of a score: one entry per scored dimension with its
 * score, stage and how many counted questions sit at each level. A target
 * stage is drawn as the score that stage begins at (25 per stage). Trend
 * points are the caller's to add, since they come from the store.
 *
 * Returns: (transfer full): the chart data
 */
SihuaChartData *
sihua_chart_data_new_from_score (SihuaScore    *score,
                                 SihuaScore    *previous,
                                 int            target_level,
                                 SihuaLanguage  language)
{
  SihuaChartData *data;
  SihuaModel *model;
  double target = NAN;

  g_return_val_if_fail (score != NULL, NULL);

  model = sihua_score_get_model (score);
  data = sihua_chart_data_new (language);
  data->index = sihua_score_round1 (sihua_score_get_index (score));
  data->stage = sihua_score_get_stage (score);
  if (previous != NULL)
    data->previous_index = sihua_score_round1 (sihua_score_get_index (previous));
  if (target_level >= 0 && target_level < SIHUA_CHART_N_LEVELS)
    {
      target = target_level * 100.0 / (SIHUA_CHART_N_LEVELS - 1);
      data->target_index = target;
    }

  for (guint i = 0; i < MIN (sihua_model_get_n_levels (model), SIHUA_CHART_N_LEVELS); i++)
    {
      const SihuaLevel *level = sihua_model_get_level (model, i);

      if (level != NULL)
        data->level_names[i] = g_strdup (sihua_text_get (&level->name, language, NULL));
    }

  for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
    {
      const SihuaDimensionScore *ds = sihua_score_get_dimension (score, i);
      SihuaChartDimension *dimension;
      gboolean short_fallback = FALSE;
      const char *short_title = sihua_text_get (&ds->dimension->short_title, language, &short_fallback);

      dimension = sihua_chart_data_add_dimension (data, sihua_text_get (&ds->dimension->title, language, NULL),
                                                  ds->scored ? sihua_score_round1 (ds->score) : NAN);
      /* A short title in the other language would read worse than the
       * full title in this one, cut or not. */
      if (short_title != NULL && !short_fallback)
        dimension->short_label = g_strdup (short_title);
      dimension->stage = ds->scored ? ds->stage : -1;
      dimension->target = target;

      if (previous != NULL)
        {
          const SihuaDimensionScore *before = sihua_score_lookup_dimension (previous, ds->dimension->id);

          if (before != NULL && before->scored)
            dimension->previous = sihua_score_round1 (before->score);
        }
    }

  /* Counted questions by level, for the heat map. */
  for (guint q = 0; q < sihua_score_get_n_questions (score); q++)
    {
      const SihuaQuestionScore *qs = sihua_score_get_question (score, q);

      if (qs->status != SIHUA_QUESTION_STATUS_COUNTED || qs->level < 0 || qs->level >= SIHUA_CHART_N_LEVELS)
        continue;

      for (guint i = 0; i < sihua_score_get_n_dimensions (score); i++)
        if (sihua_score_get_dimension (score, i)->dimension == qs->question->dimension)
          {
            SihuaChartDimension *dimension = g_ptr_array_index (data->dimensions, i);

            dimension->counts[qs->level]++;
            break;
          }
    }

  return data;
}
