/* sihua-roadmap-edit.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sihua-types.h"

G_BEGIN_DECLS

/* Where a measure of the plan stands. */
typedef enum
{
  SIHUA_MEASURE_PLANNED,
  SIHUA_MEASURE_IN_PROGRESS,
  SIHUA_MEASURE_DONE,
  SIHUA_MEASURE_DROPPED,
} SihuaMeasureStatus;

/* What the consultant changed about one measure of an assessment's
 * roadmap, or a measure of their own (@title set). A field left unset
 * (NULL, -1, NAN) keeps what the ranking rule says. */
typedef struct
{
  char               *measure_id;   /* a recommendation id, or "own.N" */
  char               *title;        /* own measures only */
  char               *dimension_id; /* own measures only; nullable */
  int                 rank;         /* 1-based place the consultant moved it to; -1 */
  int                 horizon;      /* SihuaHorizon it must not start before; -1 */
  SihuaMeasureStatus  status;
  char               *owner;        /* 部门/负责人 */
  double              budget;       /* 万元; NAN when not set */
  char               *start;        /* "YYYY-MM" */
  char               *due;          /* "YYYY-MM" */
  char               *note;
} SihuaRoadmapEdit;

SihuaRoadmapEdit   *sihua_roadmap_edit_new              (const char          *measure_id);
SihuaRoadmapEdit   *sihua_roadmap_edit_copy             (const SihuaRoadmapEdit *edit);
void                sihua_roadmap_edit_free             (SihuaRoadmapEdit    *edit);
gboolean            sihua_roadmap_edit_is_own           (const SihuaRoadmapEdit *edit);

const char         *sihua_measure_status_to_string      (SihuaMeasureStatus   status);
gboolean            sihua_measure_status_from_string    (const char          *name,
                                                         SihuaMeasureStatus  *status);
const char         *sihua_measure_status_describe       (SihuaMeasureStatus   status);

/* The edit as a JSON object, as the history keeps it. */
char               *sihua_roadmap_edit_to_json          (const SihuaRoadmapEdit *edit);

/* Whether @text is a month as "YYYY-MM". */
gboolean            sihua_roadmap_month_is_valid        (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaRoadmapEdit, sihua_roadmap_edit_free)

G_END_DECLS
