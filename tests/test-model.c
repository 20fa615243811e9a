/* test-model.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-model-catalog.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

static SihuaModel *
load_builtin (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autoptr(SihuaModelCatalog) catalog = sihua_model_catalog_new (dir);
  SihuaModel *model = sihua_model_catalog_get_default (catalog);

  g_assert_nonnull (model);
  g_assert_true (sihua_model_catalog_is_builtin (catalog, model));
  sihua_test_remove_tree (dir);
  return model;
}

static void
test_builtin_shape (void)
{
  g_autoptr(SihuaModel) model = load_builtin ();
  GPtrArray *dimensions = sihua_model_get_dimensions (model);
  GPtrArray *questions = sihua_model_get_questions (model);
  static const char * const stages[] = { "未起步", "信息化", "自动化", "数字化", "智能化" };
  guint n_scored_dimensions = 0, n_ladder = 0;

  g_assert_cmpstr (sihua_model_get_id (model), ==, SIHUA_DEFAULT_MODEL_ID);
  g_assert_cmpstr (sihua_model_get_source (model), ==, "builtin:sihua-4hua.json");
  g_assert_cmpuint (sihua_model_get_n_levels (model), ==, 5);
  for (int level = 0; level < 5; level++)
    g_assert_cmpstr (sihua_model_get_level (model, level)->name.zh_cn, ==, stages[level]);
  g_assert_null (sihua_model_get_level (model, 5));

  for (guint i = 0; i < dimensions->len; i++)
    n_scored_dimensions += sihua_dimension_is_scored (g_ptr_array_index (dimensions, i));
  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      if (question->type == SIHUA_QUESTION_LADDER && sihua_question_is_scored (question))
        n_ladder++;
    }
  g_assert_cmpuint (n_scored_dimensions, >=, 9);
  g_assert_cmpuint (n_ladder, >=, 50);

  /* The company profile and the barriers are there and do not score. */
  g_assert_nonnull (sihua_model_get_area_by_role (model, SIHUA_AREA_ROLE_PROFILE));
  g_assert_nonnull (sihua_model_get_area_by_role (model, SIHUA_AREA_ROLE_BARRIERS));
  g_assert_false (sihua_model_get_area_by_role (model, SIHUA_AREA_ROLE_PROFILE)->scored);
  g_assert_false (sihua_model_get_area_by_role (model, SIHUA_AREA_ROLE_BARRIERS)->scored);
}

static void
test_builtin_recommendations_cover_every_step (void)
{
  g_autoptr(SihuaModel) model = load_builtin ();
  GPtrArray *dimensions = sihua_model_get_dimensions (model);
  GPtrArray *recommendations = sihua_model_get_recommendations (model);
  guint n_when = 0;

  for (guint d = 0; d < dimensions->len; d++)
    {
      SihuaDimension *dimension = g_ptr_array_index (dimensions, d);

      if (!sihua_dimension_is_scored (dimension))
        continue;
      for (guint level = 1; level < sihua_model_get_n_levels (model); level++)
        {
          gboolean found = FALSE;

          for (guint r = 0; r < recommendations->len && !found; r++)
            {
              SihuaRecommendation *recommendation = g_ptr_array_index (recommendations, r);

              found = g_strcmp0 (recommendation->dimension_id, dimension->id) == 0
                      && recommendation->level == (int) level;
            }
          if (!found)
            g_error ("no recommendation lifts %s to level %u", dimension->id, level);
        }
    }

  for (guint r = 0; r < recommendations->len; r++)
    n_when += ((SihuaRecommendation *) g_ptr_array_index (recommendations, r))->when != NULL;
  g_assert_cmpuint (n_when, >, 0);
}

static void
test_lookups (void)
{
  g_autoptr(SihuaModel) model = load_builtin ();
  GPtrArray *dimensions = sihua_model_get_dimensions (model);
  GPtrArray *questions = sihua_model_get_questions (model);

  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaDimension *dimension = g_ptr_array_index (dimensions, i);

      g_assert_true (sihua_model_lookup_dimension (model, dimension->id) == dimension);
      g_assert_nonnull (dimension->area);
      g_assert_cmpuint (dimension->questions->len, >, 0);
    }

  for (guint i = 0; i < questions->len; i++)
    {
      SihuaQuestion *question = g_ptr_array_index (questions, i);

      g_assert_true (sihua_model_lookup_question (model, question->id) == question);
      g_assert_cmpuint (question->index, ==, i);
      g_assert_nonnull (question->dimension);
      g_assert_cmpfloat (question->weight, >, 0);
      for (guint o = 0; o < question->options->len; o++)
        {
          SihuaOption *option = g_ptr_array_index (question->options, o);

          g_assert_true (sihua_question_lookup_option (question, option->id) == option);
        }
      /* A ladder question has one option per level, in any order. */
      if (question->type == SIHUA_QUESTION_LADDER)
        g_assert_cmpuint (question->options->len, ==, sihua_model_get_n_levels (model));
    }

  g_assert_null (sihua_model_lookup_question (model, "no.such.question"));
  g_assert_null (sihua_model_lookup_dimension (model, "no-such-dimension"));
  g_assert_null (sihua_question_lookup_option (g_ptr_array_index (questions, 0), "zzz"));
}

static void
test_example_small (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("example-small.json");
  SihuaQuestion *modules = sihua_model_lookup_question (model, "systems.modules");
  SihuaQuestion *networked = sihua_model_lookup_question (model, "production.networked");
  SihuaQuestion *notes = sihua_model_lookup_question (model, "profile.notes");
  const SihuaScoringRule *rule = sihua_model_get_scoring (model);
  const char * const *core = sihua_model_get_subset (model, "core");

  g_assert_cmpstr (sihua_model_get_id (model), ==, "example-small");
  g_assert_nonnull (modules);
  g_assert_cmpint (modules->type, ==, SIHUA_QUESTION_MULTI);
  g_assert_true (sihua_question_lookup_option (modules, "none")->exclusive);
  g_assert_cmpint (networked->type, ==, SIHUA_QUESTION_NUMERIC);
  g_assert_cmpuint (networked->bands->len, ==, 5);
  g_assert_false (sihua_question_is_scored (notes));
  g_assert_true (sihua_question_is_scored (modules));

  /* The "2/3" fraction is read as a number. */
  g_assert_cmpfloat_with_epsilon (((SihuaRequirement *) g_ptr_array_index (rule->default_requirements, 0))->share,
                                  2.0 / 3.0, 1e-12);
  g_assert_cmpfloat (rule->dimension_stage_share, ==, 0.8);
  g_assert_null (rule->level_requirements[1]);
  g_assert_nonnull (rule->level_requirements[3]);
  g_assert_nonnull (core);
  g_assert_cmpstr (core[0], ==, "production");
  g_assert_null (sihua_model_get_subset (model, "nope"));
}

static char *
to_string (SihuaModel *model)
{
  g_autoptr(JsonNode) node = sihua_model_to_json (model);

  return json_to_string (node, TRUE);
}

static void
check_round_trip (SihuaModel *model)
{
  g_autofree char *first = to_string (model);
  g_autoptr(GBytes) bytes = g_bytes_new (first, strlen (first));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaModel) again = sihua_model_new_from_bytes (bytes, "round-trip", &error);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  second = to_string (again);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (sihua_model_get_questions (again)->len, ==,
                    sihua_model_get_questions (model)->len);
}

static void
test_round_trip (void)
{
  g_autoptr(SihuaModel) builtin = load_builtin ();
  g_autoptr(SihuaModel) example = sihua_test_load_data_model ("example-small.json");

  check_round_trip (builtin);
  check_round_trip (example);
}

/* Every scored dimension of the built-in model has a short title in both
 * languages that fits a radar label; a model without one still loads. */
static void
test_short_titles (void)
{
  g_autoptr(SihuaModel) builtin = load_builtin ();
  g_autoptr(SihuaModel) example = sihua_test_load_data_model ("example-small.json");
  GPtrArray *dimensions = sihua_model_get_dimensions (builtin);
  g_autofree char *written = to_string (example);

  for (guint i = 0; i < dimensions->len; i++)
    {
      SihuaDimension *dimension = g_ptr_array_index (dimensions, i);

      if (!sihua_dimension_is_scored (dimension))
        continue;
      g_assert_nonnull (dimension->short_title.zh_cn);
      g_assert_nonnull (dimension->short_title.en);
      g_assert_cmpuint (g_utf8_strlen (dimension->short_title.zh_cn, -1), <=, 4);
      g_assert_cmpuint (strlen (dimension->short_title.en), <=, 14);
    }
  g_assert_cmpstr (sihua_model_lookup_dimension (builtin, "ehs")->short_title.en, ==, "EHS & energy");

  /* The writer keeps it; a dimension without one has none. */
  g_assert_nonnull (strstr (written, "\"short_title\""));
  g_assert_nonnull (strstr (written, "\"IT systems\""));
  g_assert_null (sihua_model_lookup_dimension (example, "production")->short_title.zh_cn);
  g_assert_null (sihua_model_lookup_dimension (example, "production")->short_title.en);

  g_assert_cmpuint (sihua_utf8_display_width ("安环能耗"), ==, 8);
  g_assert_cmpuint (sihua_utf8_display_width ("EHS & energy"), ==, 12);
  g_assert_cmpuint (sihua_utf8_display_width ("质量 Quality"), ==, 12);
  g_assert_cmpuint (sihua_utf8_display_width (""), ==, 0);
}

static void
test_text_fallback (void)
{
  SihuaText both = { (char *) "生产", (char *) "Production" };
  SihuaText english_only = { NULL, (char *) "Quality" };
  SihuaText empty_chinese = { (char *) "", (char *) "Energy" };
  g_autofree char *marked = sihua_text_dup_marked (&english_only, SIHUA_LANGUAGE_ZH_CN);
  g_autofree char *plain = sihua_text_dup_marked (&both, SIHUA_LANGUAGE_ZH_CN);
  g_autofree char *own = sihua_text_dup_marked (&english_only, SIHUA_LANGUAGE_EN);
  gboolean fallback = TRUE;

  g_assert_cmpstr (sihua_text_get (&both, SIHUA_LANGUAGE_ZH_CN, &fallback), ==, "生产");
  g_assert_false (fallback);
  g_assert_cmpstr (sihua_text_get (&both, SIHUA_LANGUAGE_EN, &fallback), ==, "Production");
  g_assert_false (fallback);
  g_assert_cmpstr (sihua_text_get (&english_only, SIHUA_LANGUAGE_ZH_CN, &fallback), ==, "Quality");
  g_assert_true (fallback);
  g_assert_cmpstr (sihua_text_get (&empty_chinese, SIHUA_LANGUAGE_ZH_CN, &fallback), ==, "Energy");
  g_assert_true (fallback);

  g_assert_cmpstr (marked, ==, "Quality" SIHUA_TEXT_FALLBACK_MARK);
  g_assert_cmpstr (plain, ==, "生产");
  g_assert_cmpstr (own, ==, "Quality");
}

static void
test_fallback_in_a_model (void)
{
  static const char model_text[] =
    "{\"format\":1,\"id\":\"t\",\"version\":\"1\",\"title\":{\"en\":\"Only English\"},"
    "\"levels\":[{\"level\":0,\"name\":{\"zh_CN\":\"低\"}},{\"level\":1,\"name\":{\"zh_CN\":\"高\",\"en\":\"High\"}}],"
    "\"areas\":[{\"id\":\"a\",\"title\":{\"en\":\"A\"},\"dimensions\":[{\"id\":\"d\",\"title\":{\"en\":\"D\"},"
    "\"questions\":[{\"id\":\"d.q\",\"type\":\"ladder\",\"text\":{\"zh_CN\":\"问\"},\"options\":["
    "{\"id\":\"lo\",\"level\":0,\"text\":{\"en\":\"low\"}},{\"id\":\"hi\",\"level\":1,\"text\":{\"en\":\"high\"}}]}]}]}],"
    "\"scoring\":{\"question_value\":\"level\",\"dimension_stage_share\":1,\"overall\":{\"default\":[]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (model_text, strlen (model_text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaModel) model = sihua_model_new_from_bytes (bytes, "inline", &error);
  g_autofree char *title = NULL;
  g_autofree char *level = NULL;

  g_assert_no_error (error);
  title = sihua_text_dup_marked (sihua_model_get_title (model), SIHUA_LANGUAGE_ZH_CN);
  level = sihua_text_dup_marked (&sihua_model_get_level (model, 0)->name, SIHUA_LANGUAGE_EN);
  g_assert_cmpstr (title, ==, "Only English" SIHUA_TEXT_FALLBACK_MARK);
  g_assert_cmpstr (level, ==, "低" SIHUA_TEXT_FALLBACK_MARK);
}

static void
test_languages (void)
{
  gboolean ok = FALSE;

  g_assert_cmpint (sihua_language_from_string ("zh_CN", &ok), ==, SIHUA_LANGUAGE_ZH_CN);
  g_assert_true (ok);
  g_assert_cmpint (sihua_language_from_string ("en", &ok), ==, SIHUA_LANGUAGE_EN);
  g_assert_true (ok);
  g_assert_cmpint (sihua_language_from_string ("fr", &ok), ==, SIHUA_LANGUAGE_EN);
  g_assert_false (ok);
  g_assert_cmpstr (sihua_language_to_string (SIHUA_LANGUAGE_ZH_CN), ==, "zh_CN");
  g_assert_cmpstr (sihua_language_to_string (SIHUA_LANGUAGE_EN), ==, "en");

  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (sihua_language_from_locale (), ==, SIHUA_LANGUAGE_ZH_CN);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (sihua_language_from_locale (), ==, SIHUA_LANGUAGE_EN);
  g_setenv ("LC_ALL", "C", TRUE);
  g_assert_cmpint (sihua_language_from_locale (), ==, SIHUA_LANGUAGE_EN);
}

static void
write_model (const char *dir,
             const char *name,
             const char *id,
             const char *version)
{
  g_autoptr(SihuaModel) example = sihua_test_load_data_model ("example-small.json");
  g_autofree char *text = to_string (example);
  g_autofree char *from = g_strdup_printf ("\"id\" : \"%s\"", "example-small");
  g_autofree char *to = g_strdup_printf ("\"id\" : \"%s\"", id);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) changed = g_string_new (text);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\"version\" : \"1.0.0\"", version, 1), ==, 1);
  g_file_set_contents (path, changed->str, -1, &error);
  g_assert_no_error (error);
}

static void
test_catalog (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SihuaModel) found = NULL;
  g_autoptr(SihuaModel) newest = NULL;
  g_autoptr(GError) error = NULL;

  write_model (dir, "firm.json", "firm-model", "\"version\" : \"2.0\"");
  write_model (dir, "firm-old.json", "firm-model", "\"version\" : \"1.10\"");
  write_model (dir, "clash.json", SIHUA_DEFAULT_MODEL_ID, "\"version\" : \"1.0.0\"");
  g_file_set_contents (broken, "{ \"format\": 1, ", -1, NULL);

  catalog = sihua_model_catalog_new (dir);
  models = sihua_model_catalog_list (catalog);
  g_assert_cmpuint (models->len, ==, 4);
  g_assert_cmpstr (sihua_model_get_id (g_ptr_array_index (models, 0)), ==, SIHUA_DEFAULT_MODEL_ID);
  /* The official MIIT index is built in beside the default model. */
  g_assert_cmpstr (sihua_model_get_id (g_ptr_array_index (models, 1)), ==, "miit-2024");
  g_assert_true (sihua_model_catalog_is_builtin (catalog, g_ptr_array_index (models, 1)));
  g_assert_cmpstr (sihua_model_get_version (g_ptr_array_index (models, 2)), ==, "1.10");
  g_assert_cmpstr (sihua_model_get_version (g_ptr_array_index (models, 3)), ==, "2.0");
  g_assert_false (sihua_model_catalog_is_builtin (catalog, g_ptr_array_index (models, 2)));

  /* The broken file and the one that repeats the built-in model are left
   * out and reported. */
  problems = sihua_model_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      SihuaModelProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_suffix (problem->file, "broken.json"))
        g_assert_nonnull (strstr (problem->message, "not valid JSON"));
      else
        {
          g_assert_true (g_str_has_suffix (problem->file, "clash.json"));
          g_assert_nonnull (strstr (problem->message, "already available from builtin:"));
        }
    }

  newest = sihua_model_catalog_lookup (catalog, "firm-model", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sihua_model_get_version (newest), ==, "2.0");
  found = sihua_model_catalog_lookup (catalog, "firm-model", "1.10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sihua_model_get_version (found), ==, "1.10");

  g_assert_null (sihua_model_catalog_lookup (catalog, "firm-model", "3", &error));
  g_assert_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "1.10, 2.0"));
  g_clear_error (&error);
  g_assert_null (sihua_model_catalog_lookup (catalog, "nothing", NULL, &error));
  g_assert_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND);

  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/builtin-shape", test_builtin_shape);
  g_test_add_func ("/model/builtin-recommendations", test_builtin_recommendations_cover_every_step);
  g_test_add_func ("/model/lookups", test_lookups);
  g_test_add_func ("/model/example-small", test_example_small);
  g_test_add_func ("/model/round-trip", test_round_trip);
  g_test_add_func ("/model/short-titles", test_short_titles);
  g_test_add_func ("/model/text-fallback", test_text_fallback);
  g_test_add_func ("/model/fallback-in-a-model", test_fallback_in_a_model);
  g_test_add_func ("/model/languages", test_languages);
  g_test_add_func ("/model/catalog", test_catalog);

  return g_test_run ();
}
