/* test-app-id.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

/* A development build runs beside an installed Sihua: its own application
 * id, and a settings schema under that id for g_settings_new (APP_ID). */
static void
test_app_id (void)
{
  const char *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

#if DEVELOPMENT_BUILD
  g_assert_cmpstr (APP_ID, ==, "io.github.sihua.Sihua.Devel");
#else
  g_assert_cmpstr (APP_ID, ==, "io.github.sihua.Sihua");
#endif
  g_assert_true (g_application_id_is_valid (APP_ID));

  g_assert_nonnull (schema_dir);
  source = g_settings_schema_source_new_from_directory (schema_dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_true (g_settings_schema_has_key (schema, "report-language"));
  /* The path stays, so a developer's preferences carry over. */
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/sihua/Sihua/");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app-id", test_app_id);

  return g_test_run ();
}
