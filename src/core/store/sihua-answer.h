/* sihua-answer.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sihua-model.h"

G_BEGIN_DECLS

/* The value of one answer. Plain data: copy with sihua_answer_value_copy. */
struct _SihuaAnswerValue
{
  SihuaAnswerKind  kind;
  int              level;       /* SIHUA_ANSWER_LEVEL */
  char            *option_id;   /* SIHUA_ANSWER_OPTION */
  GStrv            option_ids;  /* SIHUA_ANSWER_OPTIONS, sorted as given */
  double           number;      /* SIHUA_ANSWER_NUMBER */
  char            *text;        /* SIHUA_ANSWER_TEXT */
};

/* An answer as scoring, the report and the UI see it. */
struct _SihuaAnswer
{
  char             *question_id;
  SihuaAnswerValue *value;
  char             *note;       /* nullable */
  char             *evidence;   /* nullable */
};

#define SIHUA_ANSWER_ERROR (sihua_answer_error_quark ())

typedef enum
{
  SIHUA_ANSWER_ERROR_INVALID,
} SihuaAnswerError;

GQuark            sihua_answer_error_quark        (void);

SihuaAnswerValue *sihua_answer_value_new_na       (void);
SihuaAnswerValue *sihua_answer_value_new_level    (int                      level);
SihuaAnswerValue *sihua_answer_value_new_option   (const char              *option_id);
SihuaAnswerValue *sihua_answer_value_new_options  (const char * const      *option_ids);
SihuaAnswerValue *sihua_answer_value_new_number   (double                   number);
SihuaAnswerValue *sihua_answer_value_new_text     (const char              *text);
SihuaAnswerValue *sihua_answer_value_copy         (const SihuaAnswerValue  *value);
void              sihua_answer_value_free         (SihuaAnswerValue        *value);
gboolean          sihua_answer_value_equal        (const SihuaAnswerValue  *a,
                                                   const SihuaAnswerValue  *b);

/* Storage form: a JSON text that keeps the kind ({"na":true}, {"level":3},
 * {"option":"x"}, {"options":["a","b"]}, {"number":1.5}, {"text":"…"}).
 * Deserializing NULL (a damaged row) is an error, not a programming one. */
char             *sihua_answer_value_serialize    (const SihuaAnswerValue  *value);
SihuaAnswerValue *sihua_answer_value_deserialize  (const char              *serialized,
                                                   GError                 **error);

/* What a user types (CLI VALUE) or an import file holds, read for one
 * question and checked against it: a level, an option id, "a,b", a number,
 * text, or "na". The error message names the question and what is wrong. */
SihuaAnswerValue *sihua_answer_value_parse        (const SihuaQuestion     *question,
                                                   const char              *input,
                                                   GError                 **error);
SihuaAnswerValue *sihua_answer_value_from_json    (const SihuaQuestion     *question,
                                                   JsonNode                *node,
                                                   GError                 **error);
gboolean          sihua_answer_value_validate     (const SihuaQuestion     *question,
                                                   const SihuaAnswerValue  *value,
                                                   GError                 **error);
/* The readable form for lists and reports ("3 数字化", "ERP, MES", "N/A"). */
char             *sihua_answer_value_describe     (const SihuaAnswerValue  *value,
                                                   const SihuaQuestion     *question,
                                                   SihuaModel              *model,
                                                   SihuaLanguage            language);

/* What the answer is worth for scoring: the level (or -1) and the points
 * (has_points FALSE if none). */
void              sihua_answer_value_evaluate     (const SihuaAnswerValue  *value,
                                                   const SihuaQuestion     *question,
                                                   int                     *level,
                                                   gboolean                *has_points,
                                                   double                  *points);

SihuaAnswer      *sihua_answer_new                (const char              *question_id,
                                                   SihuaAnswerValue        *value,
                                                   const char              *note,
                                                   const char              *evidence);
void              sihua_answer_free               (SihuaAnswer             *answer);

/* Answers by question id: a GHashTable of (char *) → (SihuaAnswer *), owning both. */
GHashTable       *sihua_answer_table_new          (void);

/* How far an assessment is answered, the one count every front end shows:
 * of the questions that apply (relevant to the answers given, and not
 * answered N/A), how many have an answer. Profile questions count too: they
 * are asked like any other. @relevant (nullable) gets the relevant
 * questions, N/A included. */
void              sihua_answer_count_dimension    (SihuaModel           *model,
                                                   const SihuaDimension *dimension,
                                                   GHashTable           *answers,
                                                   guint                *answered,
                                                   guint                *applicable,
                                                   guint                *relevant);
void              sihua_answer_count              (SihuaModel           *model,
                                                   GHashTable           *answers,
                                                   guint                *answered,
                                                   guint                *applicable);

/* Whether @condition holds for @answers; an unanswered question makes it hold
 * (better to ask one question too many than to skip one). */
gboolean          sihua_condition_holds           (const SihuaCondition    *condition,
                                                   const SihuaQuestion     *question,
                                                   GHashTable              *answers);
/* Whether a question is shown and counted: its own and its dimension's
 * relevance both hold. */
gboolean          sihua_question_is_relevant      (SihuaModel              *model,
                                                   const SihuaQuestion     *question,
                                                   GHashTable              *answers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaAnswerValue, sihua_answer_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaAnswer, sihua_answer_free)

G_END_DECLS
