/* sihua-cli-commands.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-cli-context.h"
#include "sihua-cli-info.h"
#include "sihua-cli-model.h"
#include "sihua-cli-score.h"

/* Every command of sihua-cli, in the order `--help` lists them. */
const SihuaCliCommand sihua_cli_commands[] = {
  { "info", "", N_("Show where Sihua keeps its data and which report font it uses"), sihua_cli_info_run },
  { "model validate", "FILE", N_("Check a questionnaire model file and list every problem"), sihua_cli_model_validate_run },
  { "model list", "", N_("List the available questionnaire models, the default one first"), sihua_cli_model_list_run },
  { "model show", "ID [VERSION]", N_("Show the structure of a questionnaire model"), sihua_cli_model_show_run },
  { "score", "ID | --model MODEL --answers FILE", N_("Score an assessment: stage, index, dimensions, flags and what the next stage needs"), sihua_cli_score_run },
  { "roadmap", "ID [--target L] | --model MODEL --answers FILE", N_("Plan the actions that lead to the next (or target) stage"), sihua_cli_roadmap_run },
};

const guint sihua_cli_n_commands = G_N_ELEMENTS (sihua_cli_commands);
