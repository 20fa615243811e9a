/* sihua-results.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-results"

#include "config.h"

#include "sihua-results.h"
#include "sihua-scoring.h"

struct _SihuaResults
{
  GObject          parent_instance;

  SihuaCompany    *company;           /* nullable: answers scored from files */
  SihuaAssessment *assessment;        /* nullable: the same */
  SihuaModel      *model;
  GHashTable      *answers;
  SihuaScore      *score;
  int              target;
  SihuaNextLevel  *next;
  SihuaPointsGap  *points_gap;        /* nullable: points models only */
  GArray          *flags;
  SihuaRoadmap    *roadmap;
  GPtrArray       *roadmap_edits;     /* nullable: SihuaRoadmapEdit*, the consultant's */

  /* The previous model and answers come together, or not at all */
  SihuaAssessment *previous;
  SihuaModel      *previous_model;
  GHashTable      *previous_answers;
  SihuaScore      *previous_score;
  SihuaComparison *comparison;
  GPtrArray       *previous_roadmap_edits;  /* nullable */
  SihuaRoadmap    *previous_roadmap;        /* nullable: with a previous assessment */
  GArray          *follow_up;               /* nullable: SihuaRoadmapFollowUp */
};

G_DEFINE_FINAL_TYPE (SihuaResults, sihua_results, G_TYPE_OBJECT)

/*
 * Auxiliary methods
 */

/* Last time's roadmap as it was planned then (to the next stage it
 * lacked), and what became of each of its measures. */
static void
compose_follow_up (SihuaResults *self)
{
  self->previous_roadmap = sihua_roadmap_compute_edited (self->previous_score, self->previous_answers, -1,
                                                         self->previous_roadmap_edits);
  self->follow_up = sihua_roadmap_follow_up (self->previous_roadmap, self->roadmap_edits);
}

/* Scores and derives everything from what is set. */
static void
compose (SihuaResults *self)
{
  int stage;
  int target_level;
  int max_stage;

  self->score = sihua_scoring_compute (self->model, self->answers);
  stage = sihua_score_get_stage (self->score);
  max_stage = (int) sihua_model_get_n_levels (self->model) - 1;
  target_level = self->assessment != NULL ? self->assessment->target_level : -1;

  /* The roadmap leads to the target the company set, if it lies ahead;
   * else one stage up. What is missing is measured against the same
   * target, or against the next stage when there is one (none at the top). */
  self->target = target_level > stage ? target_level : MIN (stage + 1, max_stage);
  self->next = sihua_next_level_compute (self->score, target_level > stage ? target_level : -1);
  self->points_gap = sihua_points_gap_compute (self->score, self->answers);
  self->flags = sihua_answer_flags_compute (self->score, self->answers);
  self->roadmap = sihua_roadmap_compute_edited (self->score, self->answers, self->target,
                                                self->roadmap_edits);

  if (self->previous_model != NULL && self->previous_answers != NULL)
    {
      self->previous_score = sihua_scoring_compute (self->previous_model, self->previous_answers);
      self->comparison = sihua_comparison_compute (self->previous_score, self->score);
      compose_follow_up (self);
    }
}

/* The questions interviewees disagree on are answers to check too. What
 * they said cannot be read only if the database is damaged, which the
 * answers read just before would have shown; the flags are then left as
 * they are. */
static void
flag_disagreements (SihuaResults *self,
                    SihuaStore   *store)
{
  g_autoptr(GPtrArray) said = NULL;
  g_autoptr(GPtrArray) to_discuss = NULL;
  g_autoptr(GError) error = NULL;

  said = sihua_store_list_interviewee_answers (store, self->assessment->id, &error);
  if (said == NULL)
    {
      g_warning ("Interviewees' answers of assessment %" G_GINT64_FORMAT " not read: %s",
                 self->assessment->id, error->message);
      return;
    }
  to_discuss = sihua_interviewee_answers_to_discuss (said);
  sihua_answer_flags_add_to_discuss (self->flags, self->model, to_discuss);
}

/* Whether @candidate comes before @than: an earlier date, or the same date
 * and created earlier (the id settles what the clock cannot). */
static gboolean
is_earlier (const SihuaAssessment *candidate,
            const SihuaAssessment *than)
{
  int by_date = g_strcmp0 (candidate->date, than->date);

  if (by_date != 0)
    return by_date < 0;
  if (candidate->created_at != than->created_at)
    return candidate->created_at < than->created_at;

  return candidate->id < than->id;
}

/* The assessment this one is compared with: see the rule in the header. */
static SihuaAssessment *
find_previous (SihuaStore            *store,
               const SihuaAssessment *assessment)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  const SihuaAssessment *latest = NULL;

  if (assessment->previous_id > 0)
    {
      SihuaAssessment *started_from = sihua_store_get_assessment (store, assessment->previous_id, &error);

      if (started_from != NULL)
        return started_from;
      g_debug ("The assessment %" G_GINT64_FORMAT " was started from cannot be read: %s",
               assessment->id, error->message);
      g_clear_error (&error);
    }

  /* Any status counts: nothing marks an assessment as completed yet (a
   * later sign-off will, and may narrow this). */
  assessments = sihua_store_list_assessments (store, assessment->company_id, &error);
  if (assessments == NULL)
    {
      g_debug ("No earlier assessment looked for: %s", error->message);
      return NULL;
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      const SihuaAssessment *candidate = g_ptr_array_index (assessments, i);

      if (candidate->id == assessment->id || !is_earlier (candidate, assessment))
        continue;
      if (latest == NULL || is_earlier (latest, candidate))
        latest = candidate;
    }

  return latest != NULL ? sihua_assessment_copy (latest) : NULL;
}

/* Loads the previous assessment's model and answers; without them there is
 * nothing to compare with, and the rest of the results still stands. */
static void
load_previous (SihuaResults *self,
               SihuaStore   *store)
{
  g_autoptr(SihuaAssessment) previous = find_previous (store, self->assessment);
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;

  if (previous == NULL)
    return;

  model = sihua_store_load_assessment_model (store, previous->id, &error);
  if (model != NULL)
    answers = sihua_store_load_answers (store, previous->id, &error);
  if (answers == NULL)
    {
      g_debug ("Leaving out the comparison with assessment %" G_GINT64_FORMAT ": %s",
               previous->id, error->message);
      return;
    }

  /* Unreadable edits leave last time's roadmap as the rule made it. */
  self->previous_roadmap_edits = sihua_store_list_roadmap_edits (store, previous->id, NULL);

  self->previous = g_steal_pointer (&previous);
  self->previous_model = g_steal_pointer (&model);
  self->previous_answers = g_steal_pointer (&answers);
}

/* The store keeps the latest result beside the assessment, for lists that
 * show stages without scoring every assessment: written only when it
 * differs, never into a read-only store, and never at the cost of the
 * results. */
static void
refresh_cached_result (SihuaResults *self,
                       SihuaStore   *store)
{
  SihuaAssessment *assessment = self->assessment;
  int stage = sihua_score_get_stage (self->score);
  double index = sihua_score_get_index (self->score);
  g_autoptr(GError) error = NULL;
  gboolean same;

  if (stage < 0)
    same = !assessment->has_result;
  else
    same = assessment->has_result && assessment->result_stage == stage
           && assessment->result_index == index;
  if (same || sihua_store_is_read_only (store))
    return;

  if (!sihua_store_set_assessment_result (store, assessment->id, index, stage, &error))
    {
      g_message ("The result of assessment %" G_GINT64_FORMAT " was not cached: %s",
                 assessment->id, error->message);
      return;
    }

  assessment->has_result = stage >= 0;
  assessment->result_stage = stage;
  assessment->result_index = stage >= 0 ? index : 0;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  gint64 *assessment_id = task_data;
  GError *error = NULL;
  SihuaResults *results;

  results = sihua_results_load (source_object, *assessment_id, cancellable, &error);
  if (results != NULL)
    g_task_return_pointer (task, results, g_object_unref);
  else
    g_task_return_error (task, error);
}

/*
 * GObject overrides
 */

static void
sihua_results_finalize (GObject *object)
{
  SihuaResults *self = (SihuaResults *)object;

  g_clear_pointer (&self->company, sihua_company_free);
  g_clear_pointer (&self->assessment, sihua_assessment_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->next, sihua_next_level_free);
  g_clear_pointer (&self->points_gap, sihua_points_gap_free);
  g_clear_pointer (&self->flags, g_array_unref);
  g_clear_pointer (&self->roadmap, sihua_roadmap_free);
  g_clear_pointer (&self->roadmap_edits, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up, g_array_unref);
  g_clear_pointer (&self->previous_roadmap, sihua_roadmap_free);
  g_clear_pointer (&self->previous_roadmap_edits, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, sihua_comparison_free);
  g_clear_pointer (&self->previous, sihua_assessment_free);
  g_clear_pointer (&self->previous_answers, g_hash_table_unref);
  /* Scores point into their models: free them first. */
  g_clear_pointer (&self->score, sihua_score_unref);
  g_clear_pointer (&self->previous_score, sihua_score_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->previous_model);

  G_OBJECT_CLASS (sihua_results_parent_class)->finalize (object);
}

static void
sihua_results_class_init (SihuaResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sihua_results_finalize;
}

static void
sihua_results_init (SihuaResults *self)
{
  self->target = -1;
}

/*
 * Public API
 */

/**
 * sihua_results_new:
 * @company: (nullable): the company assessed
 * @assessment: (nullable): the assessment, for its target level; %NULL for
 *   answers that are not stored
 * @model: the model the answers belong to
 * @answers: question id → #SihuaAnswer
 * @previous: (nullable): the assessment to compare with
 * @previous_model: (nullable): its model
 * @previous_answers: (nullable): its answers; without them there is no
 *   comparison
 *
 * Composes the results of answers that are at hand (files, tests). Stored
 * assessments are loaded with sihua_results_load(), which also finds the
 * previous assessment. Everything given is copied or referenced.
 *
 * Returns: (transfer full): the results
 */
SihuaResults *
sihua_results_new (const SihuaCompany    *company,
                   const SihuaAssessment *assessment,
                   SihuaModel            *model,
                   GHashTable            *answers,
                   const SihuaAssessment *previous,
                   SihuaModel            *previous_model,
                   GHashTable            *previous_answers)
{
  SihuaResults *self;

  g_return_val_if_fail (SIHUA_IS_MODEL (model), NULL);
  g_return_val_if_fail (answers != NULL, NULL);
  g_return_val_if_fail (previous_model == NULL || SIHUA_IS_MODEL (previous_model), NULL);

  self = g_object_new (SIHUA_TYPE_RESULTS, NULL);
  self->company = company != NULL ? sihua_company_copy (company) : NULL;
  self->assessment = assessment != NULL ? sihua_assessment_copy (assessment) : NULL;
  self->model = g_object_ref (model);
  self->answers = g_hash_table_ref (answers);
  if (previous_model != NULL && previous_answers != NULL)
    {
      self->previous = previous != NULL ? sihua_assessment_copy (previous) : NULL;
      self->previous_model = g_object_ref (previous_model);
      self->previous_answers = g_hash_table_ref (previous_answers);
    }

  compose (self);

  return self;
}

/**
 * sihua_results_load:
 * @store: the store
 * @assessment_id: the assessment
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Loads the assessment, its company, pinned model and answers, finds and
 * loads the previous assessment (see #SihuaResults), composes the results
 * and refreshes the result cached in the store when it differs. Blocks on
 * the database: from the main thread use sihua_results_load_async().
 *
 * Returns: (transfer full): the results, or %NULL with @error set when the
 *   assessment itself cannot be read
 */
SihuaResults *
sihua_results_load (SihuaStore    *store,
                    gint64         assessment_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(SihuaResults) self = NULL;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (SIHUA_TYPE_RESULTS, NULL);
  self->assessment = sihua_store_get_assessment (store, assessment_id, error);
  if (self->assessment == NULL)
    return NULL;
  self->company = sihua_store_get_company (store, self->assessment->company_id, error);
  if (self->company == NULL)
    return NULL;
  self->model = sihua_store_load_assessment_model (store, assessment_id, error);
  if (self->model == NULL)
    return NULL;
  self->answers = sihua_store_load_answers (store, assessment_id, error);
  if (self->answers == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self->roadmap_edits = sihua_store_list_roadmap_edits (store, assessment_id, error);
  if (self->roadmap_edits == NULL)
    return NULL;

  load_previous (self, store);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  compose (self);
  flag_disagreements (self, store);
  refresh_cached_result (self, store);

  return g_steal_pointer (&self);
}

/**
 * sihua_results_load_async:
 * @store: the store
 * @assessment_id: the assessment
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context
 * @user_data: data for @callback
 *
 * sihua_results_load() on the store's worker thread, after the answers
 * given before the call are stored.
 */
void
sihua_results_load_async (SihuaStore          *store,
                          gint64               assessment_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIHUA_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sihua_results_load_async);
  g_task_set_task_data (task, g_memdup2 (&assessment_id, sizeof assessment_id), g_free);
  sihua_store_run_in_worker (store, task, load_worker);
}

/**
 * sihua_results_load_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
SihuaResults *
sihua_results_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sihua_results_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sihua_results_get_company:
 *
 * Returns: (transfer none) (nullable): the company, %NULL for answers that
 *   are not stored
 */
const SihuaCompany *
sihua_results_get_company (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->company;
}

/**
 * sihua_results_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment, %NULL for answers
 *   that are not stored
 */
const SihuaAssessment *
sihua_results_get_assessment (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->assessment;
}

/**
 * sihua_results_get_model:
 *
 * Returns: (transfer none): the model version the answers belong to
 */
SihuaModel *
sihua_results_get_model (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->model;
}

/**
 * sihua_results_get_answers:
 *
 * Returns: (transfer none): question id → #SihuaAnswer
 */
GHashTable *
sihua_results_get_answers (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->answers;
}

/**
 * sihua_results_get_score:
 *
 * Returns: (transfer none): the score
 */
SihuaScore *
sihua_results_get_score (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->score;
}

/**
 * sihua_results_get_target:
 *
 * Returns: the level the roadmap leads to: the assessment's target level
 *   when it lies above the stage reached, else the next stage
 */
int
sihua_results_get_target (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), -1);

  return self->target;
}

/**
 * sihua_results_get_points_gap:
 *
 * Returns: (transfer none) (nullable): what the next level lacks in the
 *   official currency of a points model (points, scenes, constraint
 *   scenes, the cheapest points), or %NULL for a model that does not score
 *   by points
 */
SihuaPointsGap *
sihua_results_get_points_gap (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->points_gap;
}

/**
 * sihua_results_get_next_level:
 *
 * Returns: (transfer none): what is missing for the assessment's target
 *   level, or for the next stage when no target lies ahead
 */
SihuaNextLevel *
sihua_results_get_next_level (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->next;
}

/**
 * sihua_results_get_flags:
 *
 * Returns: (transfer none) (element-type SihuaAnswerFlag): the answers to verify
 */
GArray *
sihua_results_get_flags (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->flags;
}

/**
 * sihua_results_get_roadmap:
 *
 * Returns: (transfer none): the roadmap to sihua_results_get_target()
 */
SihuaRoadmap *
sihua_results_get_roadmap (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->roadmap;
}

/**
 * sihua_results_get_previous:
 *
 * Returns: (transfer none) (nullable): the assessment compared with, %NULL
 *   when there is none or it cannot be read
 */
const SihuaAssessment *
sihua_results_get_previous (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->previous;
}

/**
 * sihua_results_get_previous_model:
 *
 * Returns: (transfer none) (nullable): the previous assessment's model
 */
SihuaModel *
sihua_results_get_previous_model (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->previous_model;
}

/**
 * sihua_results_get_previous_answers:
 *
 * Returns: (transfer none) (nullable): the previous assessment's answers
 */
GHashTable *
sihua_results_get_previous_answers (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->previous_answers;
}

/**
 * sihua_results_get_previous_score:
 *
 * Returns: (transfer none) (nullable): the previous assessment's score
 */
SihuaScore *
sihua_results_get_previous_score (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->previous_score;
}

/**
 * sihua_results_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison with the previous
 *   assessment, %NULL without one
 */
SihuaComparison *
sihua_results_get_comparison (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->comparison;
}

/**
 * sihua_results_get_follow_up:
 *
 * Returns: (transfer none) (nullable) (element-type SihuaRoadmapFollowUp):
 *   the measures of the previous assessment's roadmap and what became of
 *   them; %NULL without a previous assessment
 */
GArray *
sihua_results_get_follow_up (SihuaResults *self)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return self->follow_up;
}

/**
 * sihua_results_compute_roadmap:
 * @target: another level to plan for
 *
 * For plans to another target than the assessment's (`roadmap --target`).
 *
 * Returns: (transfer full): the roadmap from these results to @target
 */
SihuaRoadmap *
sihua_results_compute_roadmap (SihuaResults *self,
                               int           target)
{
  g_return_val_if_fail (SIHUA_IS_RESULTS (self), NULL);

  return sihua_roadmap_compute_edited (self->score, self->answers, target, self->roadmap_edits);
}
