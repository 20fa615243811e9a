/* sihua-model-loader-checks.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-model-loader-private.h"

/* A derive rule names numeric questions that may stand anywhere in the file
 * (the official forms put the numbers after the band), so it is checked
 * once every question is known. */
typedef struct
{
  char          *path;
  SihuaQuestion *question;
} PendingDerive;

static void
pending_derive_free (PendingDerive *pending)
{
  g_free (pending->path);
  g_free (pending);
}

static void
load_derive_bands (SihuaLoader   *loader,
                   const char    *path,
                   JsonObject    *object,
                   SihuaQuestion *question,
                   SihuaDerive   *derive)
{
  static const char * const allowed[] = { "to", "option", NULL };
  g_autofree char *bands_path = _sihua_loader_path_key (path, "bands");
  JsonArray *bands = _sihua_loader_array (loader, path, object, "bands");
  gboolean have_previous = FALSE;
  double previous = 0;

  if (bands != NULL && json_array_get_length (bands) == 0)
    _sihua_loader_problem (loader, bands_path, _("a derive rule needs at least one band"));

  for (guint i = 0; bands != NULL && i < json_array_get_length (bands); i++)
    {
      g_autofree char *band_path = _sihua_loader_path_index (bands_path, i);
      JsonObject *band_object = _sihua_loader_object (loader, band_path,
                                                      json_array_get_element (bands, i));
      SihuaDeriveBand band = { 0, NULL };

      if (band_object == NULL)
        continue;

      _sihua_loader_check_keys (loader, band_path, band_object, allowed, allowed);
      if (_sihua_loader_id (loader, band_path, band_object, "option", &band.option_id)
          && sihua_question_lookup_option (question, band.option_id) == NULL)
        {
          g_autofree char *option_path = _sihua_loader_path_key (band_path, "option");

          _sihua_loader_problem (loader, option_path, _("the question has no option “%s”"),
                                 band.option_id);
        }
      if (_sihua_loader_number (loader, band_path, band_object, "to", &band.to))
        {
          if (have_previous && band.to <= previous)
            {
              g_autofree char *to_path = _sihua_loader_path_key (band_path, "to");

              _sihua_loader_problem (loader, to_path,
                                     _("bands must go up: this one ends at %g, "
                                       "the one before at %g"), band.to, previous);
            }
          previous = band.to;
          have_previous = TRUE;
        }

      g_array_append_val (derive->bands, band);
    }
}

/**
 * _sihua_loader_derive:
 *
 * Returns: (transfer full) (nullable): the derive rule of the question
 *   @object (whose options are loaded already).
 */
SihuaDerive *
_sihua_loader_derive (SihuaLoader *loader,
                      const char  *path,
                      JsonObject  *object)
{
  static const char * const allowed[] = { "numerator", "denominator", "scale", "bands", NULL };
  static const char * const required[] = { "numerator", "bands", NULL };
  g_autofree char *derive_path = _sihua_loader_path_key (path, "derive");
  SihuaQuestion *question = g_ptr_array_index (loader->model->questions,
                                               loader->model->questions->len - 1);
  JsonObject *body = _sihua_loader_object (loader, derive_path,
                                           json_object_get_member (object, "derive"));
  SihuaDerive *derive;
  PendingDerive *pending;

  if (body == NULL)
    return NULL;

  derive = g_new0 (SihuaDerive, 1);
  derive->scale = 1;
  derive->bands = g_array_new (FALSE, FALSE, sizeof (SihuaDeriveBand));

  _sihua_loader_check_keys (loader, derive_path, body, allowed, required);
  _sihua_loader_id (loader, derive_path, body, "numerator", &derive->numerator_id);
  _sihua_loader_id (loader, derive_path, body, "denominator", &derive->denominator_id);
  if (_sihua_loader_number (loader, derive_path, body, "scale", &derive->scale)
      && !(derive->scale > 0))
    {
      g_autofree char *scale_path = _sihua_loader_path_key (derive_path, "scale");

      _sihua_loader_problem (loader, scale_path, _("a scale must be greater than 0, not %g"),
                             derive->scale);
    }
  load_derive_bands (loader, derive_path, body, question, derive);

  pending = g_new0 (PendingDerive, 1);
  pending->path = g_steal_pointer (&derive_path);
  pending->question = question;
  if (loader->derives == NULL)
    loader->derives = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_derive_free);
  g_ptr_array_add (loader->derives, pending);

  return derive;
}

static void
check_number_source (SihuaLoader *loader,
                     const char  *path,
                     const char  *key,
                     const char  *question_id)
{
  SihuaQuestion *named;
  g_autofree char *key_path = NULL;

  if (question_id == NULL)
    return;

  named = g_hash_table_lookup (loader->model->question_index, question_id);
  key_path = _sihua_loader_path_key (path, key);
  if (named == NULL)
    _sihua_loader_problem (loader, key_path, _("refers to question “%s”, which does not exist"),
                           question_id);
  else if (named->type != SIHUA_QUESTION_NUMERIC)
    _sihua_loader_problem (loader, key_path,
                           _("question “%s” is not a numeric question: an option can only be "
                             "derived from numbers"), question_id);
}

void
_sihua_loader_check_derives (SihuaLoader *loader)
{
  if (loader->derives == NULL)
    return;

  for (guint i = 0; i < loader->derives->len; i++)
    {
      PendingDerive *pending = g_ptr_array_index (loader->derives, i);
      const SihuaDerive *derive = pending->question->derive;

      if (derive == NULL)
        continue;
      check_number_source (loader, pending->path, "numerator", derive->numerator_id);
      check_number_source (loader, pending->path, "denominator", derive->denominator_id);
    }

  g_clear_pointer (&loader->derives, g_ptr_array_unref);
}

static void
load_subset_term (SihuaLoader    *loader,
                  const char     *path,
                  JsonObject     *body,
                  SihuaCheckTerm *term)
{
  static const char * const allowed[] = { "subset", "below", "at_least", NULL };
  const char * const *members;

  _sihua_loader_check_keys (loader, path, body, allowed, allowed);
  _sihua_loader_level (loader, path, body, "below", 1, &term->below);
  if (!_sihua_loader_id (loader, path, body, "subset", &term->subset))
    return;

  members = sihua_model_get_subset (loader->model, term->subset);
  if (members == NULL)
    {
      g_autofree char *subset_path = _sihua_loader_path_key (path, "subset");

      _sihua_loader_problem (loader, subset_path, _("there is no subset “%s”"), term->subset);
      return;
    }

  if (_sihua_loader_int (loader, path, body, "at_least", &term->at_least)
      && (term->at_least < 1 || term->at_least > (int) g_strv_length ((GStrv) members)))
    {
      g_autofree char *count_path = _sihua_loader_path_key (path, "at_least");

      _sihua_loader_problem (loader, count_path,
                             _("“at_least” must be from 1 to %u, the size of subset “%s”"),
                             g_strv_length ((GStrv) members), term->subset);
    }
}

static void
load_check (SihuaLoader *loader,
            const char  *path,
            JsonObject  *object,
            GHashTable  *ids)
{
  static const char * const allowed[] = { "id", "question", "message", "all", NULL };
  SihuaCheck *check = g_new0 (SihuaCheck, 1);
  g_autofree char *all_path = _sihua_loader_path_key (path, "all");
  JsonArray *all;

  check->terms = g_array_new (FALSE, TRUE, sizeof (SihuaCheckTerm));
  g_ptr_array_add (loader->model->checks, check);

  _sihua_loader_check_keys (loader, path, object, allowed, allowed);
  if (_sihua_loader_id (loader, path, object, "id", &check->id))
    {
      if (g_hash_table_contains (ids, check->id))
        {
          g_autofree char *id_path = _sihua_loader_path_key (path, "id");

          _sihua_loader_problem (loader, id_path, _("the check id “%s” is used twice"), check->id);
        }
      g_hash_table_add (ids, check->id);
    }
  if (_sihua_loader_id (loader, path, object, "question", &check->question_id)
      && !g_hash_table_contains (loader->model->question_index, check->question_id))
    {
      g_autofree char *question_path = _sihua_loader_path_key (path, "question");

      _sihua_loader_problem (loader, question_path, _("there is no question “%s”"),
                             check->question_id);
    }
  _sihua_loader_text (loader, path, object, "message", &check->message);

  all = _sihua_loader_array (loader, path, object, "all");
  if (all != NULL && json_array_get_length (all) == 0)
    _sihua_loader_problem (loader, all_path, _("a check needs at least one term in “all”"));

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      g_autofree char *term_path = _sihua_loader_path_index (all_path, i);
      JsonNode *node = json_array_get_element (all, i);
      JsonObject *body = _sihua_loader_object (loader, term_path, node);
      SihuaCheckTerm term = { NULL, NULL, 0, 0 };

      if (body == NULL)
        continue;
      if (json_object_has_member (body, "subset"))
        load_subset_term (loader, term_path, body, &term);
      else
        term.condition = _sihua_loader_condition_node (loader, term_path, node, G_MAXUINT);
      g_array_append_val (check->terms, term);
    }
}

/* "checks": combinations of answers that are possible but unlikely, which
 * the consultant is asked to verify. */
void
_sihua_loader_checks (SihuaLoader *loader,
                      JsonObject  *root)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *checks;

  if (!json_object_has_member (root, "checks"))
    return;

  checks = _sihua_loader_array (loader, "$", root, "checks");
  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      g_autofree char *path = _sihua_loader_path_index ("$.checks", i);
      JsonObject *check = _sihua_loader_object (loader, path, json_array_get_element (checks, i));

      if (check != NULL)
        load_check (loader, path, check, ids);
    }
}
