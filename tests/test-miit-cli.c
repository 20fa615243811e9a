/* test-miit-cli.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sihua-test-utils.h"

/* `sihua-cli score --model miit-2024` and `export --answer-sheet`, on one
 * answer file worked out by hand:
 * 基础 = 网络 B+C 4 + 数字化率 (20 of 50 = 40 % → C) 3 + 联网率 C 3 + 数据采集
 * all 10 + 信息系统 C 5 + 网络安全 B 1.25 + 数据安全 无 0 = 26.25;
 * 管理 = D 4.5 + B,C 3.75 + B 1.5 + B 1.875 = 11.625;
 * 成效 = 持平 3.5 + 增加 7 + 增加 3 + 增加(cost) 0 = 13.5; P = 51.375.
 * Scenes at ≥ 1/2/3/4: 12/7/2/0, constraint scenes 8/6/2/0 → 二级; 三级 lacks
 * 8.625 points, 6 scenes and 3 constraint scenes. 10 of 50 networked is
 * exactly 20 % (B), not the C chosen; 售后服务, 安全生产 and 能耗管理 are ticked
 * for data collection while at 0. */
static const char answers_json[] =
  "{\"answers\": {\"base.network\": [\"b\", \"c\"],"
  " \"base.equip_digital.total\": 50, \"base.equip_digital.digital\": 20,"
  " \"base.equip_network\": \"c\", \"base.equip_network.networked\": 10,"
  " \"base.data_collect\": [\"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\","
  " \"l\", \"m\", \"n\", \"o\"], \"base.info_system\": \"c\", \"base.sec_network\": [\"b\"],"
  " \"base.sec_data\": [\"a\"], \"mgmt.awareness\": \"d\", \"mgmt.rules\": [\"b\", \"c\"],"
  " \"mgmt.talent\": [\"b\"], \"mgmt.funding\": \"b\", \"eff.energy\": \"b\", \"eff.quality\": \"c\","
  " \"eff.revenue_pc\": \"c\", \"eff.cost\": \"a\","
  " \"scene.product_design\": 2, \"scene.process_design\": 1, \"scene.marketing\": 2,"
  " \"scene.after_sales\": 0, \"scene.planning\": 1, \"scene.production\": 3, \"scene.quality\": 1,"
  " \"scene.equipment\": 1, \"scene.safety\": 0, \"scene.energy\": 0, \"scene.procurement\": 2,"
  " \"scene.warehouse\": 2, \"scene.finance\": 3, \"scene.hr\": 1, \"scene.office\": 2,"
  " \"scene.decision\": 0}}";

typedef struct
{
  char *dir;
  char *answers;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sihua_test_make_tmpdir ();
  fixture->answers = g_build_filename (fixture->dir, "answers.json", NULL);
  fixture->db = g_build_filename (fixture->dir, "sihua.db", NULL);
  g_assert_true (g_file_set_contents (fixture->answers, answers_json, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sihua_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->answers);
  g_free (fixture->db);
}

static void
check_counts (JsonArray   *subsets,
              guint        index,
              const char  *id,
              const gint64 expected[4])
{
  JsonObject *subset = json_array_get_object_element (subsets, index);
  JsonArray *at_stage = json_object_get_array_member (subset, "at_stage");

  g_assert_cmpstr (json_object_get_string_member (subset, "id"), ==, id);
  g_assert_cmpuint (json_array_get_length (at_stage), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (json_array_get_int_element (at_stage, i), ==, expected[i]);
}

static void
test_score_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *env[] = { "LC_ALL=zh_CN.UTF-8", "LANGUAGE=zh_CN", NULL };
  const char *argv[] = { g_getenv ("SIHUA_CLI"), "--json", "score", "--model", "miit-2024",
                         "--answers", fixture->answers, "--lang", "zh_CN", NULL };
  static const char * const ids[] = { "foundation", "management", "effect" };
  static const double points[] = { 26.25, 11.625, 13.5 };
  static const double maxima[] = { 50, 30, 20 };
  static const gint64 scenes[] = { 12, 7, 2, 0 };
  static const gint64 constraint[] = { 8, 6, 2, 0 };
  JsonObject *root, *total, *next;
  JsonArray *areas, *flags, *counts;
  guint n_checks = 0, n_mismatch = 0;

  g_assert_cmpint (sihua_test_run (argv, env, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "model"), ==, "miit-2024");
  g_assert_cmpint (json_object_get_int_member (root, "stage"), ==, 2);
  total = json_object_get_object_member (root, "points");
  /* Exact sums: 51.375, not 51.4. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "total"), 51.375, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "max"), 100, 1e-9);
  areas = json_object_get_array_member (total, "areas");
  g_assert_cmpuint (json_array_get_length (areas), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *area = json_array_get_object_element (areas, i);

      g_assert_cmpstr (json_object_get_string_member (area, "id"), ==, ids[i]);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (area, "points"), points[i], 1e-9);
      g_assert_cmpfloat (json_object_get_double_member (area, "max"), ==, maxima[i]);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (areas, 0), "name"),
                   ==, "数字化基础");

  counts = json_object_get_array_member (root, "subsets");
  check_counts (counts, 0, "scenes", scenes);
  check_counts (counts, 1, "constraint_scenes", constraint);

  flags = json_object_get_array_member (root, "flags");
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonObject *flag = json_array_get_object_element (flags, i);
      const char *reason = json_object_get_string_member (flag, "reason");

      if (g_str_equal (reason, "check"))
        {
          g_assert_cmpstr (json_object_get_string_member (flag, "question"), ==, "base.data_collect");
          n_checks++;
        }
      else if (g_str_equal (reason, "band_mismatch"))
        {
          g_assert_cmpstr (json_object_get_string_member (flag, "question"), ==, "base.equip_network");
          n_mismatch++;
        }
    }
  g_assert_cmpuint (n_checks, ==, 3);
  g_assert_cmpuint (n_mismatch, ==, 1);

  next = json_object_get_object_member (root, "next_points");
  g_assert_cmpint (json_object_get_int_member (next, "target"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (next, "points_needed"), 8.625, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (next, "counts")), ==, 2);
  /* Rounded up when shown: 8.6 more would not reach 60. */
  g_assert_nonnull (strstr (json_object_get_string_member (next, "text"), "再得 8.7 分"));
  g_assert_nonnull (strstr (json_object_get_string_member (next, "text"), "再有 3 个约束性场景达到三级"));
}

static void
test_score_summary (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (sihua_test_run_cli (NULL, &out, NULL, "score", "--model", "miit-2024",
                                       "--answers", fixture->answers, "--lang", "en", NULL), ==, 0);
  /* One decimal when shown: 26.25 → 26.3, 11.625 → 11.6. */
  g_assert_nonnull (strstr (out, "Points: 51.4 of 100"));
  g_assert_nonnull (strstr (out, "26.3 / 50"));
  g_assert_nonnull (strstr (out, "11.6 / 30"));
  g_assert_nonnull (strstr (out, "13.5 / 20"));
  g_assert_nonnull (strstr (out, "eff.energy → C"));
}

static void
test_export_answer_sheet (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *sheet = g_build_filename (fixture->dir, "sheet.csv", NULL);
  g_autofree char *workbook = g_build_filename (fixture->dir, "sheet.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "company", "add", "--name", "测试工厂",
                                       NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "new", "--company", "1",
                                       "--model", "miit-2024", NULL), ==, 0);
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "assessment", "import", "1",
                                       fixture->answers, NULL), ==, 0);

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "export", "--answer-sheet",
                                       "--assessment", "1", "--format", "csv", "--lang", "zh_CN",
                                       "-o", sheet, NULL), ==, 0);
  g_assert_true (g_file_get_contents (sheet, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\r\n2,数字化基础,设备系统,企业的生产设备数字化率,C,\"(20%,40%]\","));
  g_assert_nonnull (strstr (contents, "由填报数据推算"));
  g_assert_nonnull (strstr (contents, ",企业的生产设备联网率,C,"));
  g_assert_nonnull (strstr (contents, "与填报数据推算的选项不一致"));
  g_assert_nonnull (strstr (contents, "\r\n21,数字化经营,生产管控,企业在生产管控场景上数字化应用情况,3,三级,,\r\n"));

  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "export", "--answer-sheet",
                                       "--assessment", "1", "--format", "xlsx", "-o", workbook, NULL), ==, 0);
  g_assert_true (g_file_test (workbook, G_FILE_TEST_IS_REGULAR));

  /* One assessment, csv or xlsx. */
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, &err, "export", "--answer-sheet",
                                       "--format", "csv", "-o", sheet, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--assessment"));
  g_assert_cmpint (sihua_test_run_cli (fixture->db, NULL, NULL, "export", "--answer-sheet",
                                       "--assessment", "1", "--format", "json", "-o", sheet, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/miit-cli/score-json", Fixture, NULL, fixture_set_up, test_score_json, fixture_tear_down);
  g_test_add ("/miit-cli/score-summary", Fixture, NULL, fixture_set_up, test_score_summary,
              fixture_tear_down);
  g_test_add ("/miit-cli/export-answer-sheet", Fixture, NULL, fixture_set_up, test_export_answer_sheet,
              fixture_tear_down);

  return g_test_run ();
}
