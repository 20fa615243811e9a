/* sihua-cli-store.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-store.h"
#include "sihua-cli-text.h"

static void
add_backups (JsonBuilder *builder,
             GPtrArray   *backups)
{
  json_builder_set_member_name (builder, "backups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *when = sihua_cli_format_iso_time (info->created_at);

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "path", info->path);
      sihua_cli_add_string_member (builder, "created_at", when);
      sihua_cli_add_int_member (builder, "size", info->size, TRUE);
      json_builder_set_member_name (builder, "automatic");
      json_builder_add_boolean_value (builder, info->automatic);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_backups (GPtrArray *backups)
{
  if (backups->len == 0)
    {
      printf ("%s\n", _("No backups yet."));
      return;
    }

  printf ("%s\n", _("Backups, newest first:"));
  for (guint i = 0; i < backups->len; i++)
    {
      SihuaBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *when = sihua_cli_format_time (info->created_at);

      printf ("  %s  %s\n", when, sihua_cli_shown (info->path));
    }
}

int
sihua_cli_check_run (SihuaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  SihuaStore *store;
  gboolean ok;

  if (argc > 1)
    return sihua_cli_usage_error (_("check takes no arguments"));

  if (!g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    return sihua_cli_fail (_("There is no database at %s"), cli->db_path);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  backups = sihua_store_list_backups_for (cli->db_path);
  if (store == NULL)
    {
      /* The database does not open: still say which backups could replace it. */
      if (cli->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          sihua_cli_add_string_member (builder, "database", cli->db_path);
          json_builder_set_member_name (builder, "ok");
          json_builder_add_boolean_value (builder, FALSE);
          sihua_cli_add_string_member (builder, "problem", error->message);
          add_backups (builder, backups);
          json_builder_end_object (builder);
          sihua_cli_print_builder (builder);
        }
      else
        print_backups (backups);
      return sihua_cli_fail_error (error);
    }

  ok = sihua_store_check (store, &report, &error);
  if (!ok && error != NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "database", cli->db_path);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, ok);
      sihua_cli_add_string_member (builder, "integrity", report);
      add_backups (builder, backups);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    {
      printf ("%s %s\n", _("Database:"), sihua_cli_shown (cli->db_path));
      printf ("%s %s\n", _("Integrity:"), ok ? _("ok") : sihua_cli_shown (report));
      print_backups (backups);
    }

  if (!ok)
    return sihua_cli_fail (_("The integrity check of %s found problems; “sihua-cli repair” rebuilds damaged indexes, other damage needs a backup"),
                           cli->db_path);

  return 0;
}

int
sihua_cli_backup_run (SihuaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SihuaStore *store;

  if (argc > 1)
    return sihua_cli_usage_error (_("backup takes no arguments"));

  store = sihua_cli_get_store (cli, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  path = sihua_store_backup (store, &error);
  if (path == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "backup", path);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%s\n", sihua_cli_shown (path));

  return 0;
}

int
sihua_cli_restore_run (SihuaCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (argc != 2)
    return sihua_cli_usage_error (_("restore needs the backup file: restore BACKUP"));

  /* The database stays closed: it may be the damaged file being replaced. */
  if (!sihua_store_restore (cli->db_path, argv[1], &saved, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "database", cli->db_path);
      sihua_cli_add_string_member (builder, "restored_from", argv[1]);
      sihua_cli_add_string_member (builder, "previous_copy", saved);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    {
      printf (_("Restored %s from %s"), sihua_cli_shown (cli->db_path), sihua_cli_shown (argv[1]));
      printf ("\n");
      if (saved != NULL)
        {
          printf (_("The replaced database was kept as %s"), sihua_cli_shown (saved));
          printf ("\n");
        }
    }

  return 0;
}

int
sihua_cli_repair_run (SihuaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  SihuaStore *store;

  if (argc > 1)
    return sihua_cli_usage_error (_("repair takes no arguments"));

  store = sihua_cli_get_store (cli, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  if (!sihua_store_repair (store, &kept, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_string_member (builder, "database", cli->db_path);
      json_builder_set_member_name (builder, "repaired");
      json_builder_add_boolean_value (builder, kept != NULL);
      sihua_cli_add_string_member (builder, "previous_copy", kept);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else if (kept != NULL)
    {
      printf (_("Rebuilt the damaged indexes of %s; every row was kept"), sihua_cli_shown (cli->db_path));
      printf ("\n");
      printf (_("The damaged database was kept as %s"), sihua_cli_shown (kept));
      printf ("\n");
    }
  else
    {
      printf (_("%s is sound: there was nothing to repair"), sihua_cli_shown (cli->db_path));
      printf ("\n");
    }

  return 0;
}
