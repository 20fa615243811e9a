/* sihua-model-loader-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sihua-model-private.h"

G_BEGIN_DECLS

/* The state of one load: problems are collected, never fatal, so a
 * consultant sees every mistake of a file at once. */
typedef struct
{
  const char *source;
  GPtrArray  *problems;
  SihuaModel *model;
  guint       n_levels;   /* 0 while the ladder itself is broken */
  GPtrArray  *pending;    /* conditions checked once every question is known */
  GPtrArray  *derives;    /* derive rules, checked once every question is known */
} SihuaLoader;

void        _sihua_loader_problem    (SihuaLoader        *loader,
                                      const char         *path,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (3, 4);
char       *_sihua_loader_path_key   (const char         *parent,
                                      const char         *key);
char       *_sihua_loader_path_index (const char         *parent,
                                      guint               index);
gboolean    _sihua_loader_check_keys (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char * const *allowed,
                                      const char * const *required);
gboolean    _sihua_loader_is_valid_id (const char     *id);
JsonObject *_sihua_loader_object     (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonNode           *node);
JsonArray  *_sihua_loader_array      (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key);
gboolean    _sihua_loader_string     (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      char              **out);
gboolean    _sihua_loader_id         (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      char              **out);
gboolean    _sihua_loader_number     (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      double             *out);
gboolean    _sihua_loader_int        (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      int                *out);
gboolean    _sihua_loader_bool       (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      gboolean           *out);
gboolean    _sihua_loader_share      (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      double             *out);
gboolean    _sihua_loader_enum       (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      const char * const *names,
                                      int                *out);
gboolean    _sihua_loader_text       (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      SihuaText          *out);
gboolean    _sihua_loader_level      (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      int                 lowest,
                                      int                *out);
SihuaCondition *_sihua_loader_condition (SihuaLoader     *loader,
                                      const char         *path,
                                      JsonObject         *object,
                                      const char         *key,
                                      guint               before);
SihuaCondition *_sihua_loader_condition_node (SihuaLoader *loader,
                                      const char         *path,
                                      JsonNode           *node,
                                      guint               before);
void        _sihua_loader_check_conditions (SihuaLoader  *loader);

/* Parts loaded by sihua-model-loader-checks.c */
SihuaDerive *_sihua_loader_derive    (SihuaLoader        *loader,
                                      const char         *path,
                                      JsonObject         *object);
void        _sihua_loader_check_derives (SihuaLoader     *loader);
void        _sihua_loader_checks     (SihuaLoader        *loader,
                                      JsonObject         *root);

/* Parts loaded by sihua-model-loader-scoring.c */
void        _sihua_loader_subsets    (SihuaLoader        *loader,
                                      JsonObject         *root);
void        _sihua_loader_subset_titles (SihuaLoader     *loader,
                                      JsonObject         *root);
void        _sihua_loader_scoring    (SihuaLoader        *loader,
                                      JsonObject         *root);
void        _sihua_loader_recommendations (SihuaLoader   *loader,
                                      JsonObject         *root);

G_END_DECLS
