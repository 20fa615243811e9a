/* sihua-gui-utils.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-gui-utils.h"
#include "sihua-text.h"

static const char *stage_classes[] = {
  "stage-0", "stage-1", "stage-2", "stage-3", "stage-4", "stage-none",
};

/**
 * sihua_gui_set_stage_badge:
 * @label: a label that shows a stage as a coloured badge
 * @model: (nullable): the model whose level names to use
 * @stage: the stage, or -1 for none yet
 *
 * The badge's text comes from the model's level names, its colour from the
 * stage classes of the style sheet.
 */
void
sihua_gui_set_stage_badge (GtkLabel   *label,
                           SihuaModel *model,
                           int         stage)
{
  const SihuaLevel *level = NULL;
  const char *name = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), stage_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), "stage-badge");

  if (model != NULL && stage >= 0 && (guint) stage < sihua_model_get_n_levels (model))
    level = sihua_model_get_level (model, stage);
  if (level != NULL)
    name = sihua_text_get (&level->name, sihua_language_from_locale (), NULL);

  if (stage < 0)
    {
      gtk_label_set_text (label, _("Not assessed"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "stage-none");
    }
  else
    {
      g_autofree char *fallback = g_strdup_printf (_("Stage %d"), stage);

      gtk_label_set_text (label, name != NULL ? name : fallback);
      gtk_widget_add_css_class (GTK_WIDGET (label), stage_classes[MIN (stage, 4)]);
    }
}

/**
 * sihua_gui_model_title:
 *
 * Returns: (transfer none): the model's title in the language of the UI.
 */
const char *
sihua_gui_model_title (SihuaModel *model)
{
  const char *title;

  g_return_val_if_fail (model != NULL, NULL);

  title = sihua_text_get (sihua_model_get_title (model), sihua_language_from_locale (), NULL);

  return title != NULL ? title : sihua_model_get_id (model);
}
