/* sihua-roadmap.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-comparison.h"
#include "sihua-roadmap-edit.h"
#include "sihua-score.h"

G_BEGIN_DECLS

/* The report shows this many measures of a phase as "do first". */
#define SIHUA_ROADMAP_DO_FIRST 5

/* One recommended action. */
typedef struct
{
  const SihuaRecommendation *recommendation;
  const SihuaDimension      *dimension;    /* NULL for a barrier action */
  int                        stage;        /* g_d now; -1 for a barrier action */
  double                     impact;       /* W_d × levels missing to the target; 0 for barriers */
  gboolean                   required;     /* the dimension must rise for the overall target */
  guint                      rank;         /* 1-based place in the whole roadmap; 0 for barriers */
  const SihuaRecommendation *promoted_by;  /* the reported barrier that moved it forward */
  const SihuaRecommendation *after;        /* a prerequisite that decided its place */
  gboolean                   deferred;     /* a later phase than its own: the earlier was full */
  gboolean                   do_first;     /* among the first SIHUA_ROADMAP_DO_FIRST of its phase */
  gboolean                   moved;        /* placed by the consultant, not by the rule */
  const SihuaRoadmapEdit    *edit;         /* the consultant's changes; nullable */
} SihuaRoadmapItem;

typedef struct
{
  SihuaHorizon  horizon;     /* short 0–6, medium 6–18, long 18–36 months */
  GArray       *items;       /* SihuaRoadmapItem, in roadmap order */
  guint         capacity;    /* effort points the phase holds */
  guint         load;        /* effort points of its items */
  guint         n_deferred;  /* items that came here because an earlier phase was full */
} SihuaRoadmapPhase;

typedef struct
{
  int                stage;       /* G now */
  int                target;
  SihuaRoadmapPhase  phases[3];   /* indexed by SihuaHorizon */
  GArray            *barriers;    /* SihuaRoadmapItem: actions whose `when` holds, model order */
  GArray            *gaps;        /* SihuaTargetGap of the dimensions below target, by impact */
  GArray            *dropped;     /* SihuaRoadmapItem the consultant dropped, roadmap order */
  GPtrArray         *edits;       /* SihuaRoadmapEdit* the roadmap was planned with */
  GPtrArray         *own;         /* SihuaRecommendation* for the consultant's own measures */
  guint              n_beyond;    /* items past the last phase's capacity */
} SihuaRoadmap;

/* A measure of the previous assessment's roadmap, as the re-assessment
 * finds it: done, in progress, dropped or still planned. */
typedef struct
{
  const SihuaRoadmapItem *item;    /* in the previous roadmap */
  SihuaMeasureStatus      status;
  const SihuaRoadmapEdit *edit;    /* the mark made this time; nullable */
} SihuaRoadmapFollowUp;

/* The roadmap from @score to @target (-1: the next overall stage, or the
 * current one at the top). @answers decides which actions are relevant and
 * which barrier actions apply. */
SihuaRoadmap *sihua_roadmap_compute          (SihuaScore   *score,
                                              GHashTable   *answers,
                                              int           target);
/* The same, then the consultant's @edits (SihuaRoadmapEdit*; nullable)
 * applied: dropped, moved, own measures, owner and dates. */
SihuaRoadmap *sihua_roadmap_compute_edited   (SihuaScore   *score,
                                              GHashTable   *answers,
                                              int           target,
                                              GPtrArray    *edits);
void          sihua_roadmap_free             (SihuaRoadmap *roadmap);
guint         sihua_roadmap_get_n_items      (SihuaRoadmap *roadmap);
/* The item of @measure_id in a phase, the barriers or the dropped; NULL if none. */
const SihuaRoadmapItem *sihua_roadmap_lookup (SihuaRoadmap *roadmap,
                                              const char   *measure_id);
/* What became of the measures of @previous: marked in @edits (this
 * assessment's, SihuaRoadmapEdit*; nullable), else as they stood then.
 * Returns: (transfer full) (element-type SihuaRoadmapFollowUp) */
GArray       *sihua_roadmap_follow_up        (SihuaRoadmap *previous,
                                              GPtrArray    *edits);
/* Effort points of a band: low 1, medium 2, high 3. */
guint         sihua_roadmap_effort_points    (SihuaBandLevel effort);

/* Why @item stands where it does, in one line, in @language. @translate
 * turns a program string into the reader's language (NULL: gettext). */
typedef const char *(*SihuaRoadmapTranslate) (const char *msgid,
                                              gpointer    user_data);
char         *sihua_roadmap_item_describe_reason (const SihuaRoadmapItem *item,
                                                  SihuaModel             *model,
                                                  SihuaLanguage           language,
                                                  SihuaRoadmapTranslate   translate,
                                                  gpointer                user_data);

/* "short", "medium", "long". */
const char   *sihua_horizon_to_string        (SihuaHorizon  horizon);
gboolean      sihua_horizon_from_string      (const char   *name,
                                              SihuaHorizon *horizon);
/* "0–6 months" and so on, translated. */
const char   *sihua_horizon_describe         (SihuaHorizon  horizon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaRoadmap, sihua_roadmap_free)

G_END_DECLS
