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

/* Every command of sihua-cli, in the order `--help` lists them. */
const SihuaCliCommand sihua_cli_commands[] = {
  { "info", "", N_("Show where Sihua keeps its data and which report font it uses"), sihua_cli_info_run },
};

const guint sihua_cli_n_commands = G_N_ELEMENTS (sihua_cli_commands);
