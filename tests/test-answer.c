/* test-answer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-answer.h"
#include "sihua-test-store.h"

/* Answers are checked against data/models/example-small.json, which has a
 * question of every type. */

static SihuaModel *model;

static SihuaQuestion *
question (const char *id)
{
  SihuaQuestion *q = sihua_model_lookup_question (model, id);

  g_assert_nonnull (q);
  return q;
}

static SihuaAnswerValue *
parse_ok (const char *id,
          const char *input)
{
  g_autoptr(GError) error = NULL;
  SihuaAnswerValue *value = sihua_answer_value_parse (question (id), input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  return value;
}

static void
parse_fails (const char *id,
             const char *input,
             const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaAnswerValue) value = sihua_answer_value_parse (question (id), input, &error);

  g_assert_null (value);
  g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
  /* The message names the question by its text, as the user saw it, not
   * by its id, and says what is wrong. */
  {
    const char *text = sihua_text_get (&question (id)->text, sihua_language_from_locale (), NULL);

    g_assert_nonnull (text);
    if (strstr (error->message, text) == NULL || strstr (error->message, id) != NULL)
      g_error ("“%s” for %s: expected the question text “%s” and not its id in “%s”",
               input, id, text, error->message);
  }
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” for %s: expected …%s… in “%s”", input, id, message, error->message);
}

static void
evaluate (const SihuaAnswerValue *value,
          const char             *id,
          int                     expected_level,
          gboolean                expected_has_points,
          double                  expected_points)
{
  int level = 99;
  gboolean has_points = !expected_has_points;
  double points = -99;

  sihua_answer_value_evaluate (value, question (id), &level, &has_points, &points);
  g_assert_cmpint (level, ==, expected_level);
  g_assert_cmpint (has_points, ==, expected_has_points);
  g_assert_cmpfloat (points, ==, expected_points);
}

static void
test_ladder (void)
{
  g_autoptr(SihuaAnswerValue) by_level = parse_ok ("systems.coverage", "3");
  g_autoptr(SihuaAnswerValue) by_id = parse_ok ("systems.coverage", " l3 ");
  g_autoptr(SihuaAnswerValue) zero = parse_ok ("systems.coverage", "0");
  g_autofree char *described = sihua_answer_value_describe (by_level, question ("systems.coverage"),
                                                            model, SIHUA_LANGUAGE_EN);

  g_assert_cmpint (by_level->kind, ==, SIHUA_ANSWER_LEVEL);
  g_assert_cmpint (by_level->level, ==, 3);
  g_assert_true (sihua_answer_value_equal (by_level, by_id));
  evaluate (by_level, "systems.coverage", 3, FALSE, 0);
  evaluate (zero, "systems.coverage", 0, FALSE, 0);
  g_assert_true (g_str_has_prefix (described, "3 "));
  g_assert_cmpstr (described + 2, ==, sihua_model_get_level (model, 3)->name.en);

  parse_fails ("systems.coverage", "5", "level 5 does not exist");
  parse_fails ("systems.coverage", "-1", "no option “-1”");
  parse_fails ("systems.coverage", "l9", "no option “l9”");
  parse_fails ("systems.coverage", "", "empty");
  parse_fails ("systems.coverage", "na", "does not allow N/A");
}

static void
test_single_and_yesno (void)
{
  g_autoptr(SihuaAnswerValue) batch = parse_ok ("production.batch", "ebr");
  g_autoptr(SihuaAnswerValue) partial = parse_ok ("systems.backup", "partial");
  g_autoptr(SihuaAnswerValue) na = parse_ok ("production.batch", "NA");
  g_autoptr(SihuaAnswerValue) profile = parse_ok ("profile.production_type", "mixed");

  g_assert_cmpint (batch->kind, ==, SIHUA_ANSWER_OPTION);
  g_assert_cmpstr (batch->option_id, ==, "ebr");
  evaluate (batch, "production.batch", 3, TRUE, 3);
  evaluate (partial, "systems.backup", 1, TRUE, 1);
  g_assert_cmpint (na->kind, ==, SIHUA_ANSWER_NA);
  evaluate (na, "production.batch", -1, FALSE, 0);
  /* Profile options carry neither level nor points. */
  evaluate (profile, "profile.production_type", -1, FALSE, 0);

  parse_fails ("production.batch", "perfect", "there is no option “perfect”");
  parse_fails ("systems.backup", "maybe", "there is no option “maybe”");
  parse_fails ("systems.backup", "na", "does not allow N/A");
}

static void
test_multi (void)
{
  g_autoptr(SihuaAnswerValue) two = parse_ok ("systems.modules", "finance, mes");
  g_autoptr(SihuaAnswerValue) none = parse_ok ("systems.modules", "none");
  g_autofree char *described = sihua_answer_value_describe (two, question ("systems.modules"),
                                                            model, SIHUA_LANGUAGE_EN);

  g_assert_cmpint (two->kind, ==, SIHUA_ANSWER_OPTIONS);
  g_assert_cmpuint (g_strv_length (two->option_ids), ==, 2);
  g_assert_cmpstr (two->option_ids[0], ==, "finance");
  g_assert_cmpstr (two->option_ids[1], ==, "mes");
  /* Points add up; the level is the highest one chosen. */
  evaluate (two, "systems.modules", 3, TRUE, 4);
  evaluate (none, "systems.modules", 0, TRUE, 0);
  g_assert_nonnull (strstr (described, ", "));

  parse_fails ("systems.modules", "finance,none", "option “none” excludes the others");
  parse_fails ("systems.modules", "none,erp", "option “none” excludes the others");
  parse_fails ("systems.modules", "erp,erp", "option “erp” is chosen twice");
  parse_fails ("systems.modules", "erp,,mes", "empty option id");
  parse_fails ("systems.modules", "erp,crm", "there is no option “crm”");
}

static void
test_numeric (void)
{
  g_autoptr(SihuaAnswerValue) low = parse_ok ("production.networked", "9.5");
  g_autoptr(SihuaAnswerValue) edge = parse_ok ("production.networked", "30");
  g_autoptr(SihuaAnswerValue) top = parse_ok ("production.networked", "100");
  g_autoptr(SihuaAnswerValue) employees = parse_ok ("profile.employees", "250");

  g_assert_cmpint (low->kind, ==, SIHUA_ANSWER_NUMBER);
  g_assert_cmpfloat (low->number, ==, 9.5);
  /* A number belongs to the last band whose "from" is not above it. */
  evaluate (low, "production.networked", 0, FALSE, 0);
  evaluate (edge, "production.networked", 2, FALSE, 0);
  evaluate (top, "production.networked", 4, FALSE, 0);
  evaluate (employees, "profile.employees", -1, FALSE, 0);

  parse_fails ("production.networked", "101", "above the highest possible value, 100");
  parse_fails ("production.networked", "-1", "below the lowest possible value, 0");
  parse_fails ("production.networked", "many", "“many” is not a number");
  parse_fails ("production.networked", "12abc", "is not a number");
}

static void
test_text (void)
{
  g_autoptr(SihuaAnswerValue) note = parse_ok ("profile.notes", "两条产线，一条在建");

  g_assert_cmpint (note->kind, ==, SIHUA_ANSWER_TEXT);
  g_assert_cmpstr (note->text, ==, "两条产线，一条在建");
  evaluate (note, "profile.notes", -1, FALSE, 0);
}

static void
test_na_description (void)
{
  g_autoptr(SihuaAnswerValue) na = sihua_answer_value_new_na ();
  g_autofree char *zh = sihua_answer_value_describe (na, NULL, model, SIHUA_LANGUAGE_ZH_CN);
  g_autofree char *en = sihua_answer_value_describe (na, NULL, model, SIHUA_LANGUAGE_EN);

  g_assert_cmpstr (zh, ==, "不适用");
  g_assert_cmpstr (en, ==, "N/A");
}

static void
check_storage (SihuaAnswerValue *value,
               const char       *expected)
{
  g_autoptr(SihuaAnswerValue) owned = value;
  g_autofree char *stored = sihua_answer_value_serialize (owned);
  g_autoptr(SihuaAnswerValue) back = NULL;
  g_autoptr(SihuaAnswerValue) copy = sihua_answer_value_copy (owned);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (stored, ==, expected);
  back = sihua_answer_value_deserialize (stored, &error);
  g_assert_no_error (error);
  g_assert_true (sihua_answer_value_equal (owned, back));
  g_assert_true (sihua_answer_value_equal (owned, copy));
}

static void
test_storage_form (void)
{
  static const char * const ids[] = { "erp", "mes", NULL };
  static const char * const broken[] = {
    "", "[]", "{}", "{\"level\":\"3\"}", "{\"na\":false}", "{\"level\":1,\"text\":\"x\"}",
    "{\"options\":[1]}", "{\"colour\":\"red\"}",
  };

  check_storage (sihua_answer_value_new_na (), "{\"na\":true}");
  check_storage (sihua_answer_value_new_level (3), "{\"level\":3}");
  check_storage (sihua_answer_value_new_option ("ebr"), "{\"option\":\"ebr\"}");
  check_storage (sihua_answer_value_new_options (ids), "{\"options\":[\"erp\",\"mes\"]}");
  check_storage (sihua_answer_value_new_number (1.5), "{\"number\":1.5}");
  check_storage (sihua_answer_value_new_text ("“引号” \"quotes\""),
                 "{\"text\":\"“引号” \\\"quotes\\\"\"}");

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (sihua_answer_value_deserialize (broken[i], &error));
      g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
    }

  {
    g_autoptr(SihuaAnswerValue) a = sihua_answer_value_new_number (1);
    g_autoptr(SihuaAnswerValue) b = sihua_answer_value_new_level (1);

    g_assert_false (sihua_answer_value_equal (a, b));
  }
}

static SihuaAnswerValue *
from_json (const char *id,
           const char *json,
           GError    **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return sihua_answer_value_from_json (question (id), node, error);
}

static void
test_from_json (void)
{
  g_autoptr(SihuaAnswerValue) level = from_json ("systems.coverage", "2", NULL);
  g_autoptr(SihuaAnswerValue) level_id = from_json ("systems.coverage", "\"l4\"", NULL);
  g_autoptr(SihuaAnswerValue) option = from_json ("systems.backup", "\"yes\"", NULL);
  g_autoptr(SihuaAnswerValue) options = from_json ("systems.modules", "[\"erp\",\"analytics\"]", NULL);
  g_autoptr(SihuaAnswerValue) number = from_json ("production.networked", "42.5", NULL);
  g_autoptr(SihuaAnswerValue) text = from_json ("profile.notes", "\"note\"", NULL);
  g_autoptr(SihuaAnswerValue) na = from_json ("production.batch", "\"na\"", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (level->level, ==, 2);
  g_assert_cmpint (level_id->level, ==, 4);
  g_assert_cmpstr (option->option_id, ==, "yes");
  g_assert_cmpstr (options->option_ids[1], ==, "analytics");
  g_assert_cmpfloat (number->number, ==, 42.5);
  g_assert_cmpstr (text->text, ==, "note");
  g_assert_cmpint (na->kind, ==, SIHUA_ANSWER_NA);

  g_assert_null (from_json ("production.networked", "\"42\"", &error));
  g_assert_error (error, SIHUA_ANSWER_ERROR, SIHUA_ANSWER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (from_json ("systems.modules", "3", &error));
  g_assert_nonnull (strstr (error->message, "option ids separated by commas"));
  g_clear_error (&error);
  g_assert_null (from_json ("systems.coverage", "2.5", &error));
  g_assert_nonnull (strstr (error->message, sihua_text_get (&question ("systems.coverage")->text,
                                                            sihua_language_from_locale (), NULL)));
  g_clear_error (&error);
  g_assert_null (from_json ("systems.modules", "[\"none\",\"erp\"]", &error));
  g_assert_nonnull (strstr (error->message, "excludes the others"));
  g_clear_error (&error);
  g_assert_null (from_json ("systems.backup", "\"na\"", &error));
  g_assert_nonnull (strstr (error->message, "does not allow N/A"));
}

static void
test_validate_kinds (void)
{
  g_autoptr(SihuaAnswerValue) number = sihua_answer_value_new_number (3);
  g_autoptr(SihuaAnswerValue) ladder_option = sihua_answer_value_new_option ("l2");
  g_autoptr(GError) error = NULL;

  g_assert_false (sihua_answer_value_validate (question ("systems.coverage"), number, &error));
  g_assert_nonnull (strstr (error->message, "a level or an option id"));
  /* A ladder answer may also name its option. */
  g_assert_true (sihua_answer_value_validate (question ("systems.coverage"), ladder_option, NULL));
  evaluate (ladder_option, "systems.coverage", 2, FALSE, 0);
}

static void
answer (GHashTable *answers,
        const char *id,
        const char *input)
{
  g_hash_table_replace (answers, g_strdup (id),
                        sihua_answer_new (id, parse_ok (id, input), NULL, NULL));
}

static void
test_relevance (void)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  SihuaQuestion *batch = question ("production.batch");
  SihuaQuestion *type = question ("profile.production_type");

  /* Unanswered: shown, better one question too many. */
  g_assert_true (sihua_question_is_relevant (model, batch, answers));
  g_assert_true (sihua_condition_holds (batch->relevant_if, type, answers));

  answer (answers, "profile.production_type", "discrete");
  g_assert_false (sihua_question_is_relevant (model, batch, answers));
  answer (answers, "profile.production_type", "mixed");
  g_assert_true (sihua_question_is_relevant (model, batch, answers));
  answer (answers, "profile.production_type", "process");
  g_assert_true (sihua_question_is_relevant (model, batch, answers));

  /* Questions without conditions are always relevant. */
  g_assert_true (sihua_question_is_relevant (model, question ("systems.coverage"), answers));
}

static void
test_bound_conditions (void)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  SihuaCondition at_least = { (char *) "profile.employees", SIHUA_CONDITION_MIN, NULL, 50 };
  SihuaCondition at_most = { (char *) "systems.coverage", SIHUA_CONDITION_MAX, NULL, 1 };
  SihuaCondition in_modules = { (char *) "systems.modules", SIHUA_CONDITION_IN, NULL, 0 };
  char *module_ids[] = { (char *) "mes", NULL };

  in_modules.option_ids = module_ids;
  g_assert_true (sihua_condition_holds (&at_least, question ("profile.employees"), answers));

  answer (answers, "profile.employees", "49");
  g_assert_false (sihua_condition_holds (&at_least, question ("profile.employees"), answers));
  answer (answers, "profile.employees", "50");
  g_assert_true (sihua_condition_holds (&at_least, question ("profile.employees"), answers));

  answer (answers, "systems.coverage", "1");
  g_assert_true (sihua_condition_holds (&at_most, question ("systems.coverage"), answers));
  answer (answers, "systems.coverage", "2");
  g_assert_false (sihua_condition_holds (&at_most, question ("systems.coverage"), answers));

  answer (answers, "systems.modules", "finance,erp");
  g_assert_false (sihua_condition_holds (&in_modules, question ("systems.modules"), answers));
  answer (answers, "systems.modules", "erp,mes");
  g_assert_true (sihua_condition_holds (&in_modules, question ("systems.modules"), answers));
}

/* The one answer count: a question hidden by relevance is not asked, one
 * answered N/A does not apply, profile questions count like any other. */
static void
test_count (void)
{
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  guint n_questions = sihua_model_get_questions (model)->len;
  guint answered, applicable;

  sihua_answer_count (model, answers, &answered, &applicable);
  g_assert_cmpuint (answered, ==, 0);
  g_assert_cmpuint (applicable, ==, n_questions);

  answer (answers, "profile.production_type", "mixed");
  answer (answers, "systems.coverage", "2");
  sihua_answer_count (model, answers, &answered, &applicable);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (applicable, ==, n_questions);

  /* Discrete production hides the batch question. */
  answer (answers, "profile.production_type", "discrete");
  sihua_answer_count (model, answers, &answered, &applicable);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (applicable, ==, n_questions - 1);

  /* N/A takes a question out of those that apply. */
  g_hash_table_replace (answers, g_strdup ("production.networked"),
                        sihua_answer_new ("production.networked", sihua_answer_value_new_na (), NULL, NULL));
  sihua_answer_count (model, answers, &answered, &applicable);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (applicable, ==, n_questions - 2);

  /* An answer to a hidden question is kept but not counted. */
  answer (answers, "production.batch", "recorded");
  sihua_answer_count (model, answers, &answered, &applicable);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (applicable, ==, n_questions - 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  model = sihua_test_load_data_model ("example-small.json");

  g_test_add_func ("/answer/ladder", test_ladder);
  g_test_add_func ("/answer/single-and-yesno", test_single_and_yesno);
  g_test_add_func ("/answer/multi", test_multi);
  g_test_add_func ("/answer/numeric", test_numeric);
  g_test_add_func ("/answer/text", test_text);
  g_test_add_func ("/answer/na-description", test_na_description);
  g_test_add_func ("/answer/storage-form", test_storage_form);
  g_test_add_func ("/answer/from-json", test_from_json);
  g_test_add_func ("/answer/validate-kinds", test_validate_kinds);
  g_test_add_func ("/answer/relevance", test_relevance);
  g_test_add_func ("/answer/count", test_count);
  g_test_add_func ("/answer/bound-conditions", test_bound_conditions);

  status = g_test_run ();
  g_object_unref (model);
  return status;
}
