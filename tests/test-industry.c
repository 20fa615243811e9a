/* test-industry.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sihua-company-profile.h"
#include "sihua-industry.h"
#include "sihua-test-store.h"

/* The list: every section A–T once, manufacturing's divisions C13–C43 under
 * C, each with both names. */
static void
test_list (void)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_sections = 0, n_divisions = 0;

  for (guint i = 0; i < sihua_industry_get_n_items (); i++)
    {
      const SihuaIndustry *industry = sihua_industry_get_item (i);

      g_assert_true (g_hash_table_add (codes, (gpointer) industry->code));
      g_assert_nonnull (industry->name.zh_cn);
      g_assert_nonnull (industry->name.en);
      if (strlen (industry->code) == 1)
        n_sections++;
      else
        {
          g_assert_true (g_str_has_prefix (industry->code, "C"));
          n_divisions++;
        }
    }
  g_assert_cmpuint (n_sections, ==, 20);
  g_assert_cmpuint (n_divisions, ==, 31);
  g_assert_cmpstr (sihua_industry_lookup ("C34")->name.zh_cn, ==, "通用设备制造业");
  g_assert_cmpstr (sihua_industry_lookup ("c13")->code, ==, "C13");
  g_assert_null (sihua_industry_lookup ("C99"));
  g_assert_null (sihua_industry_lookup ("通用设备制造业"));
}

/* A code shows with its name; an older free text shows as typed. */
static void
test_describe (void)
{
  g_autofree char *zh = sihua_industry_describe ("C34", SIHUA_LANGUAGE_ZH_CN);
  g_autofree char *en = sihua_industry_describe ("c34", SIHUA_LANGUAGE_EN);
  g_autofree char *free_text = sihua_industry_describe ("通用设备制造业", SIHUA_LANGUAGE_ZH_CN);

  g_assert_cmpstr (zh, ==, "C34 通用设备制造业");
  g_assert_cmpstr (en, ==, "C34 Manufacture of general-purpose machinery");
  g_assert_cmpstr (free_text, ==, "通用设备制造业");
  g_assert_null (sihua_industry_describe (NULL, SIHUA_LANGUAGE_EN));
  g_assert_null (sihua_industry_describe ("", SIHUA_LANGUAGE_EN));
}

/* What the form stores: the code of a picked or typed code, any other text
 * as it is. */
static void
test_from_text (void)
{
  struct { const char *text; const char *stored; } cases[] = {
    { "C34 通用设备制造业", "C34" },
    { "  c34 ", "C34" },
    { "C", "C" },
    { "C34 我们自己的说法", "C34 我们自己的说法" },
    { "机械加工", "机械加工" },
    { "   ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = sihua_industry_from_text (cases[i].text, SIHUA_LANGUAGE_ZH_CN);

      g_assert_cmpstr (stored, ==, cases[i].stored);
    }
}

static const SihuaAnswer *
find (GPtrArray  *answers,
      const char *question_id)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const SihuaAnswer *answer = g_ptr_array_index (answers, i);

      if (g_str_equal (answer->question_id, question_id))
        return answer;
    }
  g_error ("no answer to %s", question_id);
}

/* A new assessment takes the industry and the head count from the company
 * instead of asking again; a free-text industry is not guessed at. */
static void
test_profile_answers (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_data_model ("sihua-4hua.json");
  g_autoptr(GPtrArray) listed = sihua_company_profile_answers (model, "C34", 120);
  g_autoptr(GPtrArray) other = sihua_company_profile_answers (model, "c37", -1);
  g_autoptr(GPtrArray) free_text = sihua_company_profile_answers (model, "机械加工", -1);
  g_autoptr(GPtrArray) section = sihua_company_profile_answers (model, "F", -1);

  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (find (listed, "profile.industry")->value->option_id, ==, "c34");
  g_assert_cmpfloat (find (listed, "profile.employees")->value->number, ==, 120);
  g_assert_cmpuint (other->len, ==, 1);
  g_assert_cmpstr (find (other, "profile.industry")->value->option_id, ==, "other");
  g_assert_cmpuint (free_text->len, ==, 0);
  /* Wholesale is no manufacturing division: left to ask. */
  g_assert_cmpuint (section->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/industry/list", test_list);
  g_test_add_func ("/industry/describe", test_describe);
  g_test_add_func ("/industry/from-text", test_from_text);
  g_test_add_func ("/industry/profile-answers", test_profile_answers);

  return g_test_run ();
}
