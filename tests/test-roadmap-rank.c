/* test-roadmap-rank.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "sihua-answer.h"
#include "sihua-results.h"
#include "sihua-roadmap.h"
#include "sihua-scoring.h"
#include "sihua-test-scoring.h"
#include "sihua-test-store.h"
#include "sihua-test-utils.h"

/* The ranking rule of the roadmap (docs/scoring.md) on hand-made cases over
 * tests/models/roadmap-rank.json (a W 3, b W 1, c W 1, d W 3, a stage
 * needs half the weight and no dimension more than one level behind), the
 * relevance of measures over random profiles of the built-in model, and
 * the consultant's edits kept by the store. */

static SihuaRoadmap *
plan (SihuaModel  *model,
      GHashTable  *answers,
      int          a,
      int          b,
      int          c,
      int          d,
      GPtrArray   *edits)
{
  g_autoptr(SihuaScore) score = NULL;

  sihua_test_set_levels (answers, "a.q", a, NULL);
  sihua_test_set_levels (answers, "b.q", b, NULL);
  sihua_test_set_levels (answers, "c.q", c, NULL);
  sihua_test_set_levels (answers, "d.q", d, NULL);
  score = sihua_scoring_compute (model, answers);

  return sihua_roadmap_compute_edited (score, answers, -1, edits);
}

static const SihuaRoadmapItem *
item_of (SihuaRoadmap *roadmap,
         const char   *id)
{
  const SihuaRoadmapItem *item = sihua_roadmap_lookup (roadmap, id);

  if (item == NULL)
    g_error ("%s is not in the roadmap", id);
  return item;
}

static int
phase_of (SihuaRoadmap *roadmap,
          const char   *id)
{
  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    for (guint i = 0; i < roadmap->phases[h].items->len; i++)
      if (g_str_equal (g_array_index (roadmap->phases[h].items, SihuaRoadmapItem, i).recommendation->id, id))
        return h;
  return -1;
}

static void
test_laggard_first (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaRoadmap) roadmap = plan (model, answers, 1, 2, 0, 2, NULL);
  const SihuaRoadmapItem *laggard, *heavier;

  /* Stage 1, target 2: b and d already hold half the weight at 2, so a
   * need not rise; c, two levels behind, must. a's measure closes the
   * bigger weighted gap (3 × 1 against 1 × 2), yet c's comes first. */
  g_assert_cmpint (roadmap->stage, ==, 1);
  laggard = item_of (roadmap, "rec.c.1");
  heavier = item_of (roadmap, "rec.a.2");
  g_assert_true (laggard->required);
  g_assert_false (heavier->required);
  g_assert_cmpfloat (heavier->impact, >, laggard->impact);
  g_assert_cmpuint (laggard->rank, ==, 1);
  g_assert_cmpuint (heavier->rank, >, laggard->rank);
}

static void
test_prerequisite_first (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaRoadmap) roadmap = plan (model, answers, 1, 1, 0, 1, NULL);
  const SihuaRoadmapItem *dependant = item_of (roadmap, "rec.a.2");
  const SihuaRoadmapItem *needed = item_of (roadmap, "rec.c.1");
  g_autofree char *reason = NULL;

  /* rec.a.2 (impact 3) would lead, but it requires rec.c.1 (impact 2). */
  g_assert_cmpfloat (dependant->impact, >, needed->impact);
  g_assert_true (dependant->required && needed->required);
  g_assert_cmpuint (needed->rank, <, dependant->rank);
  g_assert_true (dependant->after == needed->recommendation);
  g_assert_cmpint (phase_of (roadmap, "rec.a.2"), >=, phase_of (roadmap, "rec.c.1"));

  reason = sihua_roadmap_item_describe_reason (dependant, model, SIHUA_LANGUAGE_EN, NULL, NULL);
  g_assert_nonnull (strstr (reason, "after “rec.c.1”, which it needs"));

  /* The rungs of one ladder keep their order too. */
  g_assert_cmpuint (item_of (roadmap, "rec.c.1")->rank, <, item_of (roadmap, "rec.c.2")->rank);
}

static void
test_barriers_move_measures (void)
{
  const struct { const char *kind; const char *measure; const char *words; } cases[] = {
    { "dont_know", "rec.a.training", "不会转" },
    { "afraid", "rec.b.pilot", "不敢转" },
    { "cannot", "rec.c.cloud", "不能转" },
    { "unwilling", "rec.d.payback", "不愿转" },
  };
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) without = sihua_answer_table_new ();
      g_autoptr(GHashTable) with = sihua_answer_table_new ();
      const char *kinds[] = { cases[i].kind, NULL };
      g_autoptr(SihuaRoadmap) before = plan (model, without, 1, 1, 1, 1, NULL);
      g_autoptr(SihuaRoadmap) after = NULL;
      const SihuaRoadmapItem *moved;
      g_autofree char *reason = NULL;

      sihua_test_set_options (with, "barriers.kinds", kinds);
      after = plan (model, with, 1, 1, 1, 1, NULL);

      g_test_message ("barrier %s", cases[i].kind);
      g_assert_cmpuint (item_of (before, cases[i].measure)->rank, >, 1);
      g_assert_null (item_of (before, cases[i].measure)->promoted_by);
      g_assert_cmpint (phase_of (before, cases[i].measure), >, SIHUA_HORIZON_SHORT);

      moved = item_of (after, cases[i].measure);
      g_assert_cmpuint (moved->rank, ==, 1);
      g_assert_nonnull (moved->promoted_by);
      g_assert_cmpint (phase_of (after, cases[i].measure), ==, SIHUA_HORIZON_SHORT);
      reason = sihua_roadmap_item_describe_reason (moved, model, SIHUA_LANGUAGE_ZH_CN, NULL, NULL);
      g_assert_nonnull (strstr (reason, cases[i].words));
    }
}

static void
test_relevance_hand_made (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");
  g_autoptr(GHashTable) discrete = sihua_answer_table_new ();
  g_autoptr(GHashTable) process = sihua_answer_table_new ();
  g_autoptr(SihuaRoadmap) discrete_plan = NULL;
  g_autoptr(SihuaRoadmap) process_plan = NULL;

  sihua_test_set_option (discrete, "profile.type", "discrete");
  sihua_test_set_value (discrete, "profile.staff", sihua_answer_value_new_number (40), NULL, NULL);
  sihua_test_set_option (process, "profile.type", "process");
  sihua_test_set_value (process, "profile.staff", sihua_answer_value_new_number (400), NULL, NULL);
  discrete_plan = plan (model, discrete, 1, 1, 1, 1, NULL);
  process_plan = plan (model, process, 1, 1, 1, 1, NULL);

  g_assert_null (sihua_roadmap_lookup (discrete_plan, "rec.c.recipe"));
  g_assert_null (sihua_roadmap_lookup (discrete_plan, "rec.d.big"));
  g_assert_nonnull (sihua_roadmap_lookup (process_plan, "rec.c.recipe"));
  g_assert_nonnull (sihua_roadmap_lookup (process_plan, "rec.d.big"));
}

static void
test_phase_capacity (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(SihuaRoadmap) roadmap = plan (model, answers, 1, 1, 0, 1, NULL);
  gboolean any_deferred = FALSE;

  /* Every phase but the last holds what fits; a measure that did not fit
   * is marked and counted where it went. */
  for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
    {
      const SihuaRoadmapPhase *phase = &roadmap->phases[h];
      guint load = 0, deferred = 0;

      for (guint i = 0; i < phase->items->len; i++)
        {
          const SihuaRoadmapItem *item = &g_array_index (phase->items, SihuaRoadmapItem, i);

          load += sihua_roadmap_effort_points (item->recommendation->effort);
          deferred += item->deferred;
          g_assert_true (item->recommendation->horizon <= h || item->deferred || item->after != NULL);
          g_assert_cmpint (item->do_first, ==, i < SIHUA_ROADMAP_DO_FIRST);
        }
      g_assert_cmpuint (load, ==, phase->load);
      g_assert_cmpuint (deferred, ==, phase->n_deferred);
      if (h + 1 < G_N_ELEMENTS (roadmap->phases))
        g_assert_cmpuint (phase->load, <=, phase->capacity);
      any_deferred |= deferred > 0;
    }
  g_assert_true (any_deferred);
}

static GPtrArray *
new_edits (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_roadmap_edit_free);
}

static void
test_edits_apply (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_model ("roadmap-rank.json");
  g_autoptr(GHashTable) answers = sihua_answer_table_new ();
  g_autoptr(GPtrArray) edits = new_edits ();
  g_autoptr(SihuaRoadmap) roadmap = NULL;
  SihuaRoadmapEdit *edit;

  edit = sihua_roadmap_edit_new ("rec.c.1");
  edit->status = SIHUA_MEASURE_DROPPED;
  g_ptr_array_add (edits, edit);
  edit = sihua_roadmap_edit_new ("rec.c.2");
  edit->rank = 1;
  edit->owner = g_strdup ("生产部 王工");
  edit->budget = 12.5;
  g_ptr_array_add (edits, edit);
  edit = sihua_roadmap_edit_new ("own.1");
  edit->title = g_strdup ("车间5S整顿");
  edit->dimension_id = g_strdup ("b");
  g_ptr_array_add (edits, edit);

  roadmap = plan (model, answers, 1, 1, 0, 1, edits);

  g_assert_cmpuint (roadmap->dropped->len, ==, 1);
  g_assert_cmpint (phase_of (roadmap, "rec.c.1"), ==, -1);
  g_assert_cmpuint (item_of (roadmap, "rec.c.2")->rank, ==, 1);
  g_assert_true (item_of (roadmap, "rec.c.2")->moved);
  g_assert_cmpstr (item_of (roadmap, "rec.c.2")->edit->owner, ==, "生产部 王工");
  g_assert_cmpstr (item_of (roadmap, "own.1")->recommendation->title.zh_cn, ==, "车间5S整顿");
  g_assert_cmpstr (item_of (roadmap, "own.1")->dimension->id, ==, "b");
}

/* Random profiles of the built-in model: a measure whose condition fails
 * for the company is never proposed, judged here from the answers alone. */
static gboolean
condition_fails (const SihuaCondition *condition,
                 GHashTable           *answers)
{
  SihuaAnswer *answer = g_hash_table_lookup (answers, condition->question_id);

  if (answer == NULL || answer->value == NULL)
    return FALSE;
  if (condition->kind == SIHUA_CONDITION_IN && answer->value->kind == SIHUA_ANSWER_OPTION)
    return !g_strv_contains ((const char * const *) condition->option_ids, answer->value->option_id);
  if (condition->kind == SIHUA_CONDITION_MIN && answer->value->kind == SIHUA_ANSWER_NUMBER)
    return answer->value->number < condition->bound;
  if (condition->kind == SIHUA_CONDITION_MAX && answer->value->kind == SIHUA_ANSWER_NUMBER)
    return answer->value->number > condition->bound;
  g_error ("a condition of a kind this test does not judge: %s", condition->question_id);
}

static void
assert_all_fit (GArray     *items,
                GHashTable *answers)
{
  for (guint i = 0; i < items->len; i++)
    {
      const SihuaRecommendation *r = g_array_index (items, SihuaRoadmapItem, i).recommendation;

      if (r->relevant_if != NULL && condition_fails (r->relevant_if, answers))
        g_error ("%s is proposed although its condition on %s fails", r->id,
                 r->relevant_if->question_id);
    }
}

static void
test_relevance_random_profiles (void)
{
  g_autoptr(SihuaModel) model = sihua_test_load_builtin_model ();
  const char *types[] = { "discrete", "process", "mixed" };
  const char *kinds[] = { "dont_know", "cannot", "unwilling", "afraid" };
  GPtrArray *questions = sihua_model_get_questions (model);
  GRand *rand = g_rand_new_with_seed (23);
  guint n_recipe = 0, n_conditional = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GHashTable) answers = sihua_answer_table_new ();
      g_autoptr(SihuaScore) score = NULL;
      g_autoptr(SihuaRoadmap) roadmap = NULL;
      const char *reported[2] = { kinds[g_rand_int_range (rand, 0, 4)], NULL };

      for (guint i = 0; i < questions->len; i++)
        {
          const SihuaQuestion *question = g_ptr_array_index (questions, i);

          if (question->type == SIHUA_QUESTION_LADDER && g_rand_int_range (rand, 0, 10) > 0)
            sihua_test_set_levels (answers, question->id, g_rand_int_range (rand, 0, 3), NULL);
        }
      /* Now and then a profile left unanswered: the measures then stay. */
      if (g_rand_int_range (rand, 0, 5) > 0)
        sihua_test_set_option (answers, "profile.production_type", types[g_rand_int_range (rand, 0, 3)]);
      if (g_rand_int_range (rand, 0, 5) > 0)
        sihua_test_set_value (answers, "profile.employees",
                              sihua_answer_value_new_number (g_rand_int_range (rand, 5, 2000)), NULL, NULL);
      sihua_test_set_options (answers, "barriers.kinds", reported);

      score = sihua_scoring_compute (model, answers);
      roadmap = sihua_roadmap_compute (score, answers, g_rand_int_range (rand, -1, 5));
      for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
        assert_all_fit (roadmap->phases[h].items, answers);
      assert_all_fit (roadmap->barriers, answers);

      n_recipe += sihua_roadmap_lookup (roadmap, "rec.production.2.2") != NULL;
      for (guint h = 0; h < G_N_ELEMENTS (roadmap->phases); h++)
        for (guint i = 0; i < roadmap->phases[h].items->len; i++)
          n_conditional += g_array_index (roadmap->phases[h].items, SihuaRoadmapItem, i).recommendation->relevant_if != NULL;
    }
  g_rand_free (rand);

  /* The profiles did reach measures with conditions, both ways. */
  g_assert_cmpuint (n_recipe, >, 0);
  g_assert_cmpuint (n_conditional, >, 0);
}

static void
test_edits_survive_restart (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_builtin_model ();
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  g_autoptr(SihuaRoadmapEdit) edit = sihua_roadmap_edit_new ("rec.supply.2.1");
  g_autoptr(GError) error = NULL;
  g_autofree char *own = NULL;
  gint64 company_id, id;

  {
    g_autoptr(SihuaStore) store = sihua_test_open_store (path);

    company_id = sihua_store_add_company (store, company, &error);
    g_assert_no_error (error);
    id = sihua_test_add_dated_assessment (store, company_id, model, "2026-11-02", 0, 1);

    edit->owner = g_strdup ("仓储部");
    edit->budget = 8;
    edit->start = g_strdup ("2027-01");
    edit->due = g_strdup ("2027-04");
    edit->status = SIHUA_MEASURE_IN_PROGRESS;
    g_assert_true (sihua_store_set_roadmap_edit (store, id, edit, &error));
    g_assert_no_error (error);
    edit->note = g_strdup ("先试点原料库");
    g_assert_true (sihua_store_set_roadmap_edit (store, id, edit, &error));
    own = sihua_store_add_own_measure (store, id, "  车间5S整顿 ", "production", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (own, ==, "own.1");

    /* Refused, and nothing written: a due month before the start. */
    g_free (edit->due);
    edit->due = g_strdup ("2026-12");
    g_assert_false (sihua_store_set_roadmap_edit (store, id, edit, &error));
    g_assert_error (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    edit->budget = -1;
    g_free (edit->due);
    edit->due = NULL;
    g_assert_false (sihua_store_set_roadmap_edit (store, id, edit, &error));
    g_clear_error (&error);
    g_assert_cmpuint (sihua_store_count_roadmap_history (store, id, NULL), ==, 3);
  }

  {
    g_autoptr(SihuaStore) store = sihua_test_open_store (path);
    g_autoptr(SihuaResults) results = sihua_results_load (store, id, NULL, &error);
    SihuaRoadmap *roadmap;
    const SihuaRoadmapItem *item;

    g_assert_no_error (error);
    roadmap = sihua_results_get_roadmap (results);
    item = sihua_roadmap_lookup (roadmap, "rec.supply.2.1");
    g_assert_nonnull (item);
    g_assert_nonnull (item->edit);
    g_assert_cmpstr (item->edit->owner, ==, "仓储部");
    g_assert_cmpfloat (item->edit->budget, ==, 8);
    g_assert_cmpstr (item->edit->start, ==, "2027-01");
    g_assert_cmpstr (item->edit->due, ==, "2027-04");
    g_assert_cmpstr (item->edit->note, ==, "先试点原料库");
    g_assert_cmpint (item->edit->status, ==, SIHUA_MEASURE_IN_PROGRESS);
    item = sihua_roadmap_lookup (roadmap, "own.1");
    g_assert_nonnull (item);
    g_assert_cmpstr (item->recommendation->title.zh_cn, ==, "车间5S整顿");
    g_assert_cmpuint (sihua_store_count_roadmap_history (store, id, NULL), ==, 3);
  }

  sihua_test_remove_tree (dir);
}

/* A re-assessment marks what became of last time's measures; a measure
 * marked on neither stays planned, one marked last time keeps that mark. */
static void
test_follow_up (void)
{
  g_autofree char *dir = sihua_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sihua.db", NULL);
  g_autoptr(SihuaModel) model = sihua_test_load_builtin_model ();
  g_autoptr(SihuaCompany) company = sihua_company_new ("常州恒力机械");
  g_autoptr(SihuaStore) store = sihua_test_open_store (path);
  g_autoptr(SihuaRoadmapEdit) then = sihua_roadmap_edit_new ("rec.decision.2.1");
  g_autoptr(SihuaRoadmapEdit) now = sihua_roadmap_edit_new ("rec.supply.2.1");
  g_autoptr(SihuaResults) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id, first, second;
  GArray *follow_up;
  guint n_done = 0, n_in_progress = 0, n_planned = 0;

  company_id = sihua_store_add_company (store, company, &error);
  g_assert_no_error (error);
  first = sihua_test_add_dated_assessment (store, company_id, model, "2025-11-02", 0, 1);
  then->status = SIHUA_MEASURE_IN_PROGRESS;
  g_assert_true (sihua_store_set_roadmap_edit (store, first, then, &error));
  second = sihua_test_add_dated_assessment (store, company_id, model, "2026-11-02", first, 2);
  now->status = SIHUA_MEASURE_DONE;
  g_assert_true (sihua_store_set_roadmap_edit (store, second, now, &error));
  g_assert_no_error (error);

  results = sihua_results_load (store, second, NULL, &error);
  g_assert_no_error (error);
  follow_up = sihua_results_get_follow_up (results);
  g_assert_nonnull (follow_up);
  g_assert_cmpuint (follow_up->len, >, 10);
  for (guint i = 0; i < follow_up->len; i++)
    {
      const SihuaRoadmapFollowUp *entry = &g_array_index (follow_up, SihuaRoadmapFollowUp, i);
      const char *id = entry->item->recommendation->id;

      if (g_str_equal (id, "rec.supply.2.1"))
        g_assert_cmpint (entry->status, ==, SIHUA_MEASURE_DONE);
      else if (g_str_equal (id, "rec.decision.2.1"))
        g_assert_cmpint (entry->status, ==, SIHUA_MEASURE_IN_PROGRESS);
      else
        g_assert_cmpint (entry->status, ==, SIHUA_MEASURE_PLANNED);
      n_done += entry->status == SIHUA_MEASURE_DONE;
      n_in_progress += entry->status == SIHUA_MEASURE_IN_PROGRESS;
      n_planned += entry->status == SIHUA_MEASURE_PLANNED;
    }
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_in_progress, ==, 1);
  g_assert_cmpuint (n_planned, ==, follow_up->len - 2);

  /* The first assessment has none: nothing came before it. */
  g_clear_object (&results);
  results = sihua_results_load (store, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sihua_results_get_follow_up (results));

  g_clear_object (&store);
  sihua_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roadmap-rank/laggard-first", test_laggard_first);
  g_test_add_func ("/roadmap-rank/prerequisite-first", test_prerequisite_first);
  g_test_add_func ("/roadmap-rank/barriers-move-measures", test_barriers_move_measures);
  g_test_add_func ("/roadmap-rank/relevance", test_relevance_hand_made);
  g_test_add_func ("/roadmap-rank/relevance-random-profiles", test_relevance_random_profiles);
  g_test_add_func ("/roadmap-rank/phase-capacity", test_phase_capacity);
  g_test_add_func ("/roadmap-rank/edits", test_edits_apply);
  g_test_add_func ("/roadmap-rank/edits-survive-restart", test_edits_survive_restart);
  g_test_add_func ("/roadmap-rank/follow-up", test_follow_up);

  return g_test_run ();
}
