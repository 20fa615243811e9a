/* sihua-model.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sihua-text.h"
#include "sihua-types.h"

G_BEGIN_DECLS

/*
 * The parts of a model. They are owned by their SihuaModel, immutable once
 * loaded, and valid as long as the model is: read their fields directly.
 */

struct _SihuaLevel
{
  int        level;
  SihuaText  name;
  SihuaText  description;
};

struct _SihuaCondition
{
  char               *question_id;
  SihuaConditionKind  kind;
  GStrv               option_ids;  /* SIHUA_CONDITION_IN */
  double              bound;       /* SIHUA_CONDITION_MIN / _MAX */
};

struct _SihuaOption
{
  char      *id;
  SihuaText  text;
  int        level;       /* -1 if the option carries no level */
  gboolean   has_points;
  double     points;
  gboolean   exclusive;   /* multi: a "none of these" option */
};

struct _SihuaBand
{
  double    from;
  int       level;        /* -1 if the band carries no level */
  gboolean  has_points;
  double    points;
};

/* One band of a derive rule: values up to and including @to (and above
 * the band before) pick @option_id. */
typedef struct
{
  double  to;
  char   *option_id;
} SihuaDeriveBand;

/* How a single-choice band question follows from numbers recorded beside
 * it: value = numerator / denominator × scale (numerator × scale without a
 * denominator), and the option is that of the first band whose `to` is not
 * below the value: intervals closed on the right, as the official forms
 * write (20 %, 40 %]. */
struct _SihuaDerive
{
  char   *numerator_id;    /* a numeric question */
  char   *denominator_id;  /* a numeric question; nullable */
  double  scale;
  GArray *bands;           /* SihuaDeriveBand, ascending by to */
};

/* One term of a plausibility check: a question condition that must hold for
 * an answered question (@condition), or "at least @at_least dimensions of
 * @subset are answered at a stage below @below" (@subset set). */
typedef struct
{
  SihuaCondition *condition;  /* nullable */
  char           *subset;     /* nullable */
  int             below;
  int             at_least;
} SihuaCheckTerm;

/* A combination of answers that is possible but unlikely: when every term
 * holds, the answer to @question is flagged with @message. */
struct _SihuaCheck
{
  char      *id;
  char      *question_id;
  SihuaText  message;
  GArray    *terms;        /* SihuaCheckTerm */
};

struct _SihuaQuestion
{
  char              *id;
  SihuaQuestionType  type;
  SihuaText          text;
  double             weight;
  gboolean           allow_na;
  gboolean           evidence_required;
  SihuaText          help_ask;
  SihuaText          help_evidence;
  SihuaText          help_why;
  GPtrArray         *options;      /* SihuaOption*, in file order; empty for numeric/text */
  SihuaText          unit;         /* numeric */
  gboolean           has_min;
  double             min;
  gboolean           has_max;
  double             max;
  GArray            *bands;        /* SihuaBand, ascending by from; numeric only */
  SihuaCondition    *relevant_if;  /* nullable */
  SihuaDerive       *derive;       /* single only; nullable */
  SihuaDimension    *dimension;    /* the dimension it belongs to */
  guint              index;        /* position among all questions of the model */
  GHashTable        *option_index; /* private: option id → SihuaOption* */
};

struct _SihuaDimension
{
  char           *id;
  SihuaText       title;
  SihuaText       short_title;     /* for chart labels; may be empty */
  SihuaText       description;
  double          weight;
  SihuaCondition *relevant_if;     /* nullable */
  GPtrArray      *questions;       /* SihuaQuestion* */
  SihuaArea      *area;
};

struct _SihuaArea
{
  char          *id;
  SihuaText      title;
  SihuaText      description;
  gboolean       scored;
  SihuaAreaRole  role;
  GPtrArray     *dimensions;       /* SihuaDimension* */
};

struct _SihuaRequirement
{
  SihuaRequirementKind  kind;
  double                share;     /* stage_share */
  int                   max_gap;   /* no_laggard */
  double                min;       /* points_total, index_min */
  int                   count;     /* count_at_stage */
  int                   stage;     /* count_at_stage; -1 means the stage being tested */
  char                 *subset;    /* stage_share, count_at_stage; nullable */
};

struct _SihuaScoringRule
{
  SihuaQuestionValue  question_value;
  double              dimension_stage_share;
  GPtrArray          *default_requirements;  /* SihuaRequirement* */
  GPtrArray         **level_requirements;    /* n_levels entries; NULL entry = default */
};

struct _SihuaRecommendation
{
  char           *id;
  char           *dimension_id;    /* nullable: set together with level */
  int             level;           /* -1 when keyed by a condition */
  SihuaCondition *when;            /* nullable */
  SihuaCondition *relevant_if;     /* nullable: never proposed when it fails */
  GStrv           requires;        /* ids of actions that must come first; nullable */
  GStrv           promotes;        /* `when` actions: ids they move forward; nullable */
  SihuaText       title;
  SihuaText       detail;
  SihuaBandLevel  effort;
  SihuaBandLevel  cost;
  SihuaHorizon    horizon;
  gboolean        quick_win;
};

/* One thing wrong with a model file, as `sihua-cli model validate` prints it:
 * "FILE: JSON_PATH: MESSAGE". */
typedef struct
{
  char *file;
  char *json_path;   /* "$.areas[1].dimensions[0].questions[2].options" */
  char *message;
} SihuaModelProblem;

#define SIHUA_MODEL_ERROR (sihua_model_error_quark ())

typedef enum
{
  SIHUA_MODEL_ERROR_INVALID,   /* the message lists the problems, one per line */
  SIHUA_MODEL_ERROR_NOT_FOUND,
} SihuaModelError;

#define SIHUA_TYPE_MODEL (sihua_model_get_type ())
G_DECLARE_FINAL_TYPE (SihuaModel, sihua_model, SIHUA, MODEL, GObject)

GQuark                     sihua_model_error_quark          (void);
void                       sihua_model_problem_free         (SihuaModelProblem *problem);

SihuaModel                *sihua_model_new_from_file        (const char        *path,
                                                             GError           **error);
SihuaModel                *sihua_model_new_from_bytes       (GBytes            *bytes,
                                                             const char        *source_name,
                                                             GError           **error);
GPtrArray                 *sihua_model_validate_bytes       (GBytes            *bytes,
                                                             const char        *source_name);

const char                *sihua_model_get_id               (SihuaModel        *self);
const char                *sihua_model_get_version          (SihuaModel        *self);
const SihuaText           *sihua_model_get_title            (SihuaModel        *self);
const SihuaText           *sihua_model_get_description      (SihuaModel        *self);
const char                *sihua_model_get_source           (SihuaModel        *self);
GBytes                    *sihua_model_get_bytes            (SihuaModel        *self);
guint                      sihua_model_get_n_levels         (SihuaModel        *self);
const SihuaLevel          *sihua_model_get_level            (SihuaModel        *self,
                                                             int                level);
GPtrArray                 *sihua_model_get_areas            (SihuaModel        *self);
GPtrArray                 *sihua_model_get_dimensions       (SihuaModel        *self);
GPtrArray                 *sihua_model_get_questions        (SihuaModel        *self);
SihuaDimension            *sihua_model_lookup_dimension     (SihuaModel        *self,
                                                             const char        *id);
SihuaQuestion             *sihua_model_lookup_question      (SihuaModel        *self,
                                                             const char        *id);
SihuaArea                 *sihua_model_get_area_by_role     (SihuaModel        *self,
                                                             SihuaAreaRole      role);
const char * const        *sihua_model_get_subset           (SihuaModel        *self,
                                                             const char        *name);
GStrv                      sihua_model_list_subsets         (SihuaModel        *self);
const SihuaText           *sihua_model_get_subset_title     (SihuaModel        *self,
                                                             const char        *name);
const SihuaScoringRule    *sihua_model_get_scoring          (SihuaModel        *self);
GPtrArray                 *sihua_model_get_recommendations  (SihuaModel        *self);
/* SihuaCheck*, in file order. */
GPtrArray                 *sihua_model_get_checks           (SihuaModel        *self);
JsonNode                  *sihua_model_to_json              (SihuaModel        *self);

SihuaOption               *sihua_question_lookup_option     (const SihuaQuestion *question,
                                                             const char          *option_id);
gboolean                   sihua_question_is_scored         (const SihuaQuestion *question);
/* The option @question's derive rule picks from the recorded numbers, or
 * NULL when it has none or a number is missing (or the denominator is 0);
 * @value gets the computed value. An answered question keeps its answer:
 * a different derived option is a plausibility flag. */
SihuaOption               *sihua_question_derive_option     (SihuaModel          *model,
                                                             const SihuaQuestion *question,
                                                             GHashTable          *answers,
                                                             double              *value);
gboolean                   sihua_dimension_is_scored        (const SihuaDimension *dimension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaModelProblem, sihua_model_problem_free)

G_END_DECLS
