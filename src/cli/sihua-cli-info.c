/* sihua-cli-info.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-info.h"
#include "sihua-cli-text.h"
#include "sihua-paths.h"
#include "sihua-report-font.h"

int
sihua_cli_info_run (SihuaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *models_dir = sihua_paths_get_user_models_dir ();
  g_autofree char *font = NULL;
  g_autoptr(GError) font_error = NULL;

  if (argc > 1)
    return sihua_cli_usage_error (_("info takes no arguments"));

  font = sihua_report_font_find_file (&font_error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, PACKAGE_VERSION);
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, cli->db_path);
      json_builder_set_member_name (builder, "models_dir");
      json_builder_add_string_value (builder, models_dir);
      json_builder_set_member_name (builder, "report_font");
      if (font != NULL)
        json_builder_add_string_value (builder, font);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      sihua_cli_print_builder (builder);
      return 0;
    }

  printf ("%s %s\n", _("Version:"), PACKAGE_VERSION);
  printf ("%s %s\n", _("Database:"), sihua_cli_shown (cli->db_path));
  printf ("%s %s\n", _("Installed models:"), sihua_cli_shown (models_dir));
  printf ("%s %s\n", _("Report font:"), sihua_cli_shown (font != NULL ? font : font_error->message));

  return 0;
}
