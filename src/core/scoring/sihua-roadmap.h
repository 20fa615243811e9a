/* sihua-roadmap.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-comparison.h"
#include "sihua-score.h"

G_BEGIN_DECLS

/* One recommended action. */
typedef struct
{
  const SihuaRecommendation *recommendation;
  const SihuaDimension      *dimension;  /* NULL for a barrier action */
  int                        stage;      /* g_d now; -1 for a barrier action */
  double                     impact;     /* W_d × levels missing to the target; 0 for barriers */
  gboolean                   required;   /* the dimension must rise for the overall target */
} SihuaRoadmapItem;

typedef struct
{
  SihuaHorizon  horizon;   /* short 0–6, medium 6–18, long 18–36 months */
  GArray       *items;     /* SihuaRoadmapItem, in roadmap order */
} SihuaRoadmapPhase;

typedef struct
{
  int                stage;       /* G now */
  int                target;
  SihuaRoadmapPhase  phases[3];   /* indexed by SihuaHorizon */
  GArray            *barriers;    /* SihuaRoadmapItem: actions whose `when` holds, model order */
  GArray            *gaps;        /* SihuaTargetGap of the dimensions below target, by impact */
} SihuaRoadmap;

/* The roadmap from @score to @target (-1: the next overall stage, or the
 * current one at the top). @answers decides which barrier actions apply. */
SihuaRoadmap *sihua_roadmap_compute          (SihuaScore   *score,
                                              GHashTable   *answers,
                                              int           target);
void          sihua_roadmap_free             (SihuaRoadmap *roadmap);
guint         sihua_roadmap_get_n_items      (SihuaRoadmap *roadmap);

/* "short", "medium", "long". */
const char   *sihua_horizon_to_string        (SihuaHorizon  horizon);
/* "0–6 months" and so on, translated. */
const char   *sihua_horizon_describe         (SihuaHorizon  horizon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaRoadmap, sihua_roadmap_free)

G_END_DECLS
