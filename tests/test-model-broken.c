/* test-model-broken.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-model.h"

/* Every file in tests/models/broken/ is example-small.json with one mistake
 * (many.json has several); each must be rejected with exactly the problem
 * listed here: the JSON path and a part of the message. */
typedef struct
{
  const char *file;
  const char *path;
  const char *message;
} Expected;

static const Expected expected[] = {
  { "bad-json.json", "$", "not valid JSON: line 6, column 45" },
  { "not-object.json", "$", "must be a JSON object" },
  { "format-2.json", "$.format", "format 2 is not supported" },
  { "unknown-key.json", "$.areas[1].dimensions[0].wieght", "unknown key “wieght”" },
  { "missing-id.json", "$.areas[1].dimensions[0].questions[0]", "“id” is missing" },
  { "wrong-type.json", "$.areas[1].dimensions[0].questions[0].weight",
    "“weight” must be a number, not text" },
  { "duplicate-question.json", "$.areas[1].dimensions[1].questions[0].id",
    "question id “systems.coverage” is already used in dimension “systems”" },
  { "duplicate-option.json", "$.areas[1].dimensions[0].questions[1].options[1].id",
    "option id “finance” is used twice" },
  { "duplicate-dimension.json", "$.areas[1].dimensions[2].id",
    "dimension id “systems” is used twice" },
  { "ladder-gap.json", "$.areas[1].dimensions[0].questions[0].options",
    "no option for level 2" },
  { "ladder-twice.json", "$.areas[1].dimensions[0].questions[0].options",
    "2 options for level 2" },
  { "ladder-twice.json", "$.areas[1].dimensions[0].questions[0].options",
    "no option for level 3" },
  { "levels-order.json", "$.levels[2].level", "this one must be 2, not 3" },
  { "weight-zero.json", "$.areas[1].dimensions[1].weight", "must be greater than 0, not 0" },
  { "bands-order.json", "$.areas[1].dimensions[1].questions[1].bands[2].from",
    "bands must go up: this one starts at 5, the one before at 10" },
  { "relevant-later.json", "$.areas[1].dimensions[0].questions[0].relevant_if",
    "“production.reporting”, which is not asked before it" },
  { "relevant-unknown-option.json", "$.areas[1].dimensions[1].questions[2].relevant_if.in[1]",
    "has no option “continuous”" },
  { "relevant-text.json", "$.areas[1].dimensions[1].questions[2].relevant_if",
    "“profile.notes” is a text question" },
  { "rec-unknown-dimension.json", "$.recommendations[0].dimension", "no dimension “sales”" },
  { "rec-bad-level.json", "$.recommendations[0].level", "use a level from 1 to 4" },
  { "rec-duplicate.json", "$.recommendations[1].id",
    "recommendation id “rec.systems.1.1” is used twice" },
  { "rec-requires-unknown.json", "$.recommendations[0].requires[0]", "no recommendation “rec.nowhere”" },
  { "rec-requires-cycle.json", "$.recommendations[2].requires",
    "the prerequisites of “rec.production.2.1” lead back to it" },
  { "rec-requires-cycle.json", "$.recommendations[3].requires",
    "the prerequisites of “rec.production.3.1” lead back to it" },
  { "rec-promotes-measure.json", "$.recommendations[0]", "only an action keyed by “when”" },
  { "subset-unknown.json", "$.subsets.core[1]", "dimension “logistics”, which does not exist" },
  { "requirement-kind.json", "$.scoring.overall.default[0].kind",
    "“at_least” is not a possible value of “kind”" },
  { "requirement-subset.json", "$.scoring.overall.levels[\"3\"][1].subset",
    "no subset “key_scenes”" },
  { "share-range.json", "$.scoring.overall.default[0].share",
    "more than 0 and at most 1, not 1.5" },
  { "share-fraction.json", "$.scoring.overall.default[0].share",
    "a fraction such as “2/3”, not “two thirds”" },
  { "text-empty.json", "$.areas[1].dimensions[0].title",
    "needs a Chinese (“zh_CN”) or an English (“en”) text" },
  { "short-title-long.json", "$.areas[1].dimensions[0].short_title.zh_CN",
    "the short title “信息系统与数据管理平台” is too long for a chart label" },
  { "short-title-long.json", "$.areas[1].dimensions[1].short_title.en",
    "at most 16 Latin letters or 8 Chinese characters" },
  { "exclusive-single.json", "$.areas[1].dimensions[1].questions[2].options[0].exclusive",
    "only an option of a multi-choice question can be exclusive" },
  { "yesno-no.json", "$.areas[1].dimensions[0].questions[2].options",
    "needs a “yes” and a “no” option" },
  { "derive-multi.json", "$.areas[1].dimensions[0].questions[1].derive",
    "only a single question can derive its option from numbers" },
  { "derive-bands.json", "$.areas[1].dimensions[1].questions[2].derive.numerator",
    "question “profile.notes” is not a numeric question" },
  { "derive-bands.json", "$.areas[1].dimensions[1].questions[2].derive.bands[1].to",
    "bands must go up: this one ends at 20, the one before at 50" },
  { "derive-bands.json", "$.areas[1].dimensions[1].questions[2].derive.bands[1].option",
    "the question has no option “nonexistent”" },
  { "check-bad.json", "$.checks[0].question", "there is no question “nosuch”" },
  { "check-bad.json", "$.checks[0].all[0].subset", "there is no subset “nosuch”" },
  { "check-bad.json", "$.checks[1].id", "the check id “c1” is used twice" },
  { "check-bad.json", "$.checks[1].all[0].at_least", "must be from 1 to 1, the size of subset “core”" },
  { "subset-title-unknown.json", "$.subset_titles.nosuch", "there is no subset “nosuch”" },
  /* Every problem of a file is reported, not only the first. */
  { "many.json", "$.areas[1].dimensions[0].wieght", "unknown key “wieght”" },
  { "many.json", "$.areas[1].dimensions[1].weight", "must be greater than 0, not -1" },
  { "many.json", "$.areas[1].dimensions[1].questions[1].options",
    "a numeric question has no “options”" },
  { "many.json", "$.recommendations[0].dimension", "no dimension “sales”" },
};

static GPtrArray *
problems_of (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "models", "broken", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);

  return sihua_model_validate_bytes (bytes, name);
}

static void
test_broken_file (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GPtrArray) problems = problems_of (name);
  guint n_expected = 0;

  g_assert_cmpuint (problems->len, >, 0);

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      gboolean found = FALSE;

      if (!g_str_equal (expected[e].file, name))
        continue;
      n_expected++;

      for (guint i = 0; i < problems->len && !found; i++)
        {
          SihuaModelProblem *problem = g_ptr_array_index (problems, i);

          g_assert_cmpstr (problem->file, ==, name);
          found = g_str_equal (problem->json_path, expected[e].path)
                  && strstr (problem->message, expected[e].message) != NULL;
        }
      if (!found)
        {
          for (guint i = 0; i < problems->len; i++)
            {
              SihuaModelProblem *problem = g_ptr_array_index (problems, i);

              g_test_message ("got: %s: %s", problem->json_path, problem->message);
            }
          g_error ("%s: expected %s: …%s…", name, expected[e].path, expected[e].message);
        }
    }

  /* Exactly the problems listed, no cascade of follow-up complaints. */
  g_assert_cmpuint (problems->len, ==, n_expected);
}

static void
test_every_fixture_listed (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "models", "broken", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (expected) && !listed; e++)
        listed = g_str_equal (expected[e].file, name);
      if (!listed)
        g_error ("%s has no expected problem in the table", name);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 15);
}

static void
test_error_lists_every_problem (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "models", "broken", "many.json",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaModel) model = sihua_model_new_from_file (path, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (model);
  g_assert_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], ": $.areas[1].dimensions[0].wieght: "));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaModel) model = sihua_model_new_from_file ("/nonexistent/model.json", &error);

  g_assert_null (model);
  g_assert_error (error, SIHUA_MODEL_ERROR, SIHUA_MODEL_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);

  g_test_init (&argc, &argv, NULL);

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    if (g_hash_table_add (files, (gpointer) expected[e].file))
      {
        g_autofree char *test_path = g_strdup_printf ("/model-broken/%s", expected[e].file);

        g_test_add_data_func (test_path, expected[e].file, test_broken_file);
      }
  g_test_add_func ("/model-broken/every-fixture-listed", test_every_fixture_listed);
  g_test_add_func ("/model-broken/error-lists-every-problem", test_error_lists_every_problem);
  g_test_add_func ("/model-broken/missing-file", test_missing_file);

  return g_test_run ();
}
