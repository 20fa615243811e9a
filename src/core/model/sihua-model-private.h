/* sihua-model-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-model.h"

G_BEGIN_DECLS

struct _SihuaModel
{
  GObject           parent_instance;

  char             *id;
  char             *version;
  SihuaText         title;
  SihuaText         description;
  char             *source;
  GBytes           *bytes;

  GPtrArray        *levels;           /* SihuaLevel*, indexed by level */
  GPtrArray        *areas;            /* SihuaArea*, owning the tree */
  GPtrArray        *dimensions;       /* SihuaDimension*, in file order */
  GPtrArray        *questions;        /* SihuaQuestion*, in file order */
  GHashTable       *area_index;       /* id → SihuaArea* */
  GHashTable       *dimension_index;  /* id → SihuaDimension* */
  GHashTable       *question_index;   /* id → SihuaQuestion* */

  GPtrArray        *subset_names;     /* char*, in file order */
  GHashTable       *subsets;          /* name → GStrv */
  GHashTable       *subset_titles;    /* name → SihuaText* */

  SihuaScoringRule  scoring;
  GPtrArray        *recommendations;  /* SihuaRecommendation* */
  GHashTable       *recommendation_index;
  GPtrArray        *checks;           /* SihuaCheck* */
};

SihuaModel        *_sihua_model_new              (void);
/* Reads @bytes into a model; every problem found is added to @problems.
 * Returns NULL when there is any. */
SihuaModel        *_sihua_model_load             (GBytes            *bytes,
                                                  const char        *source_name,
                                                  GPtrArray         *problems);
SihuaModelProblem *_sihua_model_problem_new      (const char        *file,
                                                  const char        *json_path,
                                                  const char        *message);

void               _sihua_condition_free         (SihuaCondition    *condition);
void               _sihua_area_free              (SihuaArea         *area);
void               _sihua_dimension_free         (SihuaDimension    *dimension);
void               _sihua_question_free          (SihuaQuestion     *question);
void               _sihua_option_free            (SihuaOption       *option);
void               _sihua_level_free             (SihuaLevel        *level);
void               _sihua_requirement_free       (SihuaRequirement  *requirement);
void               _sihua_recommendation_free    (SihuaRecommendation *recommendation);
void               _sihua_derive_free            (SihuaDerive       *derive);
void               _sihua_check_free             (SihuaCheck        *check);

/* The words used in the file for the enums, shared by loader and writer. */
const char        *_sihua_question_type_to_string (SihuaQuestionType type);
const char        *_sihua_requirement_kind_to_string (SihuaRequirementKind kind);
const char        *_sihua_band_level_to_string   (SihuaBandLevel     band);
const char        *_sihua_horizon_to_string      (SihuaHorizon       horizon);
const char        *_sihua_area_role_to_string    (SihuaAreaRole      role);

G_END_DECLS
