/* sihua-types.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SihuaModel        SihuaModel;
typedef struct _SihuaModelCatalog SihuaModelCatalog;
typedef struct _SihuaArea         SihuaArea;
typedef struct _SihuaDimension    SihuaDimension;
typedef struct _SihuaQuestion     SihuaQuestion;
typedef struct _SihuaOption       SihuaOption;
typedef struct _SihuaBand         SihuaBand;
typedef struct _SihuaCondition    SihuaCondition;
typedef struct _SihuaDerive       SihuaDerive;
typedef struct _SihuaCheck        SihuaCheck;
typedef struct _SihuaLevel        SihuaLevel;
typedef struct _SihuaRequirement  SihuaRequirement;
typedef struct _SihuaScoringRule  SihuaScoringRule;
typedef struct _SihuaRecommendation SihuaRecommendation;
typedef struct _SihuaAnswerValue  SihuaAnswerValue;
typedef struct _SihuaAnswer       SihuaAnswer;

/* The two languages of every text in a model and of reports. */
typedef enum
{
  SIHUA_LANGUAGE_ZH_CN,
  SIHUA_LANGUAGE_EN,
} SihuaLanguage;

typedef enum
{
  SIHUA_QUESTION_LADDER,
  SIHUA_QUESTION_SINGLE,
  SIHUA_QUESTION_MULTI,
  SIHUA_QUESTION_NUMERIC,
  SIHUA_QUESTION_YESNO,
  SIHUA_QUESTION_TEXT,
} SihuaQuestionType;

typedef enum
{
  SIHUA_AREA_ROLE_NONE,
  SIHUA_AREA_ROLE_PROFILE,
  SIHUA_AREA_ROLE_BARRIERS,
} SihuaAreaRole;

typedef enum
{
  SIHUA_CONDITION_IN,   /* one of the listed options is chosen */
  SIHUA_CONDITION_MIN,  /* the number or level is at least bound */
  SIHUA_CONDITION_MAX,  /* the number or level is at most bound */
} SihuaConditionKind;

typedef enum
{
  SIHUA_QUESTION_VALUE_LEVEL,
  SIHUA_QUESTION_VALUE_POINTS,
} SihuaQuestionValue;

typedef enum
{
  SIHUA_REQUIREMENT_STAGE_SHARE,
  SIHUA_REQUIREMENT_NO_LAGGARD,
  SIHUA_REQUIREMENT_POINTS_TOTAL,
  SIHUA_REQUIREMENT_INDEX_MIN,
  SIHUA_REQUIREMENT_COUNT_AT_STAGE,
} SihuaRequirementKind;

/* Effort and cost bands of a recommendation. */
typedef enum
{
  SIHUA_BAND_LOW,
  SIHUA_BAND_MEDIUM,
  SIHUA_BAND_HIGH,
} SihuaBandLevel;

/* When a recommended action pays off: 0–6, 6–18 and 18–36 months. */
typedef enum
{
  SIHUA_HORIZON_SHORT,
  SIHUA_HORIZON_MEDIUM,
  SIHUA_HORIZON_LONG,
} SihuaHorizon;

typedef enum
{
  SIHUA_ANSWER_NA,       /* not applicable (不适用) */
  SIHUA_ANSWER_LEVEL,    /* a ladder level */
  SIHUA_ANSWER_OPTION,   /* one option id (single, yesno; ladder option ids too) */
  SIHUA_ANSWER_OPTIONS,  /* several option ids (multi) */
  SIHUA_ANSWER_NUMBER,
  SIHUA_ANSWER_TEXT,
} SihuaAnswerKind;

G_END_DECLS
