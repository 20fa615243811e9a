/* sihua-roadmap-edit.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-roadmap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sihua-roadmap-edit.h"

static const char * const status_names[] = { "planned", "in_progress", "done", "dropped" };

SihuaRoadmapEdit *
sihua_roadmap_edit_new (const char *measure_id)
{
  SihuaRoadmapEdit *edit;

  g_return_val_if_fail (measure_id != NULL, NULL);

  edit = g_new0 (SihuaRoadmapEdit, 1);
  edit->measure_id = g_strdup (measure_id);
  edit->rank = -1;
  edit->horizon = -1;
  edit->status = SIHUA_MEASURE_PLANNED;
  edit->budget = NAN;

  return edit;
}

SihuaRoadmapEdit *
sihua_roadmap_edit_copy (const SihuaRoadmapEdit *edit)
{
  SihuaRoadmapEdit *copy;

  g_return_val_if_fail (edit != NULL, NULL);

  copy = g_memdup2 (edit, sizeof *edit);
  copy->measure_id = g_strdup (edit->measure_id);
  copy->title = g_strdup (edit->title);
  copy->dimension_id = g_strdup (edit->dimension_id);
  copy->owner = g_strdup (edit->owner);
  copy->start = g_strdup (edit->start);
  copy->due = g_strdup (edit->due);
  copy->note = g_strdup (edit->note);

  return copy;
}

void
sihua_roadmap_edit_free (SihuaRoadmapEdit *edit)
{
  if (edit == NULL)
    return;

  g_free (edit->measure_id);
  g_free (edit->title);
  g_free (edit->dimension_id);
  g_free (edit->owner);
  g_free (edit->start);
  g_free (edit->due);
  g_free (edit->note);
  g_free (edit);
}

/* A measure the consultant added rather than one of the model's. */
gboolean
sihua_roadmap_edit_is_own (const SihuaRoadmapEdit *edit)
{
  g_return_val_if_fail (edit != NULL, FALSE);

  return edit->title != NULL;
}

const char *
sihua_measure_status_to_string (SihuaMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
sihua_measure_status_from_string (const char         *name,
                                  SihuaMeasureStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (name, status_names[i]))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sihua_measure_status_describe (SihuaMeasureStatus status)
{
  switch (status)
    {
    case SIHUA_MEASURE_PLANNED:
      return _("Planned");
    case SIHUA_MEASURE_IN_PROGRESS:
      return _("In progress");
    case SIHUA_MEASURE_DONE:
      return _("Done");
    case SIHUA_MEASURE_DROPPED:
      return _("Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sihua_roadmap_month_is_valid (const char *text)
{
  int month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;

  month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12 && text[0] != '0';
}

static void
add_member (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

char *
sihua_roadmap_edit_to_json (const SihuaRoadmapEdit *edit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (edit != NULL, NULL);

  json_builder_begin_object (builder);
  add_member (builder, "measure", edit->measure_id);
  add_member (builder, "title", edit->title);
  add_member (builder, "dimension", edit->dimension_id);
  if (edit->rank > 0)
    {
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, edit->rank);
    }
  if (edit->horizon >= 0)
    {
      static const char * const horizons[] = { "short", "medium", "long" };

      add_member (builder, "horizon", horizons[MIN ((guint) edit->horizon, 2)]);
    }
  add_member (builder, "status", sihua_measure_status_to_string (edit->status));
  add_member (builder, "owner", edit->owner);
  if (!isnan (edit->budget))
    {
      json_builder_set_member_name (builder, "budget");
      json_builder_add_double_value (builder, edit->budget);
    }
  add_member (builder, "start", edit->start);
  add_member (builder, "due", edit->due);
  add_member (builder, "note", edit->note);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
