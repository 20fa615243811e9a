/* sihua-json-guard.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deeply arrays and objects may nest in a file Sihua reads. Its own
 * files nest less than ten levels; json-glib recurses once per level and
 * runs out of stack somewhere past a hundred thousand. */
#define SIHUA_JSON_MAX_DEPTH 64

#define SIHUA_JSON_GUARD_ERROR (sihua_json_guard_error_quark ())

typedef enum
{
  SIHUA_JSON_GUARD_ERROR_TOO_DEEP,
} SihuaJsonGuardError;

GQuark    sihua_json_guard_error_quark (void);

/* The deepest nesting of arrays and objects in @data (@length -1: up to
 * the NUL), counting no further than @limit + 1. */
guint     sihua_json_guard_depth       (const char  *data,
                                        gssize       length,
                                        guint        limit);
/* How many arrays, objects and separators (about one per value) @data
 * holds outside strings and comments. json-glib spends a hundred bytes and
 * more on each value, and Sihua's own files have one in 27 bytes or more. */
guint64   sihua_json_guard_count_values (const char *data,
                                         gsize       length);
/* Refuses @data when it nests deeper than SIHUA_JSON_MAX_DEPTH, with a
 * message naming it as @name (nullable: the message names nothing). */
gboolean  sihua_json_guard_check       (const char  *data,
                                        gssize       length,
                                        const char  *name,
                                        GError     **error);
/* sihua_json_guard_check(), then json_parser_load_from_data(); a
 * json-glib error is passed on as it is. */
gboolean  sihua_json_guard_load        (JsonParser  *parser,
                                        const char  *data,
                                        gssize       length,
                                        const char  *name,
                                        GError     **error);
/* The same for the file at @path, which the message names. */
gboolean  sihua_json_guard_load_file   (JsonParser  *parser,
                                        const char  *path,
                                        GError     **error);
/* Whether @error is the guard's refusal (its message is complete). */
gboolean  sihua_json_guard_is_too_deep (const GError *error);

G_END_DECLS
