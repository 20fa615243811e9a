/* sihua-cli-trash.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>

#include "sihua-cli-text.h"
#include "sihua-cli-trash.h"

/* Opens the store for a change, with the login as the author the trash
 * records. */
static SihuaStore *
open_for_change (SihuaCli  *cli,
                 int       *status)
{
  g_autoptr(GError) error = NULL;
  SihuaStore *store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_WRITE, &error);

  if (store == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }
  if (sihua_store_get_author (store) == NULL)
    sihua_store_set_author (store, g_get_user_name ());

  return store;
}

/* Prints a JSON object of integer members: name, value, …, %NULL. */
static void
print_json_ints (const char *first_name,
                 ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *name;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_name);
  for (name = first_name; name != NULL; name = va_arg (args, const char *))
    sihua_cli_add_int_member (builder, name, va_arg (args, gint64), TRUE);
  va_end (args);
  json_builder_end_object (builder);
  sihua_cli_print_builder (builder);
}

/* What a command that moved something to the trash prints. */
static int
print_trashed (SihuaCli    *cli,
               gint64       entry,
               const char  *kind,
               gint64       id,
               const char  *text)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sihua_cli_add_int_member (builder, "trash_id", entry, TRUE);
      sihua_cli_add_string_member (builder, "kind", kind);
      sihua_cli_add_int_member (builder, "id", id, TRUE);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  printf ("%s\n", text);
  /* TRANSLATORS: %lld is the number of a trash entry */
  printf (_("sihua-cli trash restore %lld brings it back.\n"), (long long) entry);

  return 0;
}

int
sihua_cli_company_delete_run (SihuaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  gint64 id;
  gint64 entry;
  int status;

  if (argc != 2 || !sihua_cli_parse_id (argv[1], &id))
    return sihua_cli_usage_error (_("company delete needs a company ID (a positive number)"));

  store = open_for_change (cli, &status);
  if (store == NULL)
    return status;
  company = sihua_store_get_company (store, id, &error);
  if (company == NULL)
    return sihua_cli_fail_error (error);
  entry = sihua_store_delete_company (store, id, &error);
  if (entry == 0)
    return sihua_cli_fail_error (error);

  text = g_strdup_printf (_("Moved company “%s” and its %u assessments to the trash."),
                          sihua_cli_shown (company->name), company->n_assessments);

  return print_trashed (cli, entry, "company", id, text);
}

int
sihua_cli_assessment_delete_run (SihuaCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  gint64 id;
  gint64 entry;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("assessment delete needs an assessment ID"));
  if (!sihua_cli_parse_assessment_id ("assessment delete", argv[1], &id, &status))
    return status;

  store = open_for_change (cli, &status);
  if (store == NULL)
    return status;
  entry = sihua_store_delete_assessment (store, id, &error);
  if (entry == 0)
    return sihua_cli_fail_error (error);

  text = g_strdup_printf (_("Moved assessment %lld to the trash."), (long long) id);

  return print_trashed (cli, entry, "assessment", id, text);
}

int
sihua_cli_company_merge_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autoptr(SihuaCompany) keep = NULL;
  g_autoptr(SihuaCompany) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  gint64 keep_id, other_id;
  gint64 entry;
  int status;

  if (argc != 3 || !sihua_cli_parse_id (argv[1], &keep_id) || !sihua_cli_parse_id (argv[2], &other_id))
    return sihua_cli_usage_error (_("company merge needs two company IDs: the one to keep, then its duplicate"));

  store = open_for_change (cli, &status);
  if (store == NULL)
    return status;
  keep = sihua_store_get_company (store, keep_id, &error);
  if (keep == NULL)
    return sihua_cli_fail_error (error);
  other = sihua_store_get_company (store, other_id, &error);
  if (other == NULL)
    return sihua_cli_fail_error (error);
  entry = sihua_store_merge_companies (store, keep_id, other_id, &error);
  if (entry == 0)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      print_json_ints ("trash_id", entry, "kept", keep_id, "merged", other_id,
                       "moved_assessments", (gint64) other->n_assessments, NULL);
      return 0;
    }

  text = g_strdup_printf (_("Merged “%s” into “%s”: %u assessments moved, and “%s” is in the trash."),
                          other->name, keep->name, other->n_assessments, other->name);

  return print_trashed (cli, entry, "company", other_id, text);
}

static void
add_entry (JsonBuilder           *builder,
           const SihuaTrashEntry *entry)
{
  g_autofree char *deleted = sihua_cli_format_iso_time (entry->deleted_at);

  json_builder_begin_object (builder);
  sihua_cli_add_int_member (builder, "id", entry->id, TRUE);
  sihua_cli_add_string_member (builder, "kind", entry->assessment_id != 0 ? "assessment" : "company");
  sihua_cli_add_int_member (builder, "company_id", entry->company_id, TRUE);
  sihua_cli_add_string_member (builder, "company_name", entry->company_name);
  sihua_cli_add_int_member (builder, "assessment_id", entry->assessment_id, entry->assessment_id != 0);
  sihua_cli_add_string_member (builder, "date", entry->assessment_date);
  sihua_cli_add_string_member (builder, "model", entry->model_id);
  sihua_cli_add_int_member (builder, "assessments", entry->n_assessments, TRUE);
  sihua_cli_add_int_member (builder, "merged_into", entry->merged_into, entry->merged_into != 0);
  sihua_cli_add_string_member (builder, "merged_into_name", entry->merged_into_name);
  sihua_cli_add_string_member (builder, "deleted_by", entry->author);
  sihua_cli_add_string_member (builder, "deleted_at", deleted);
  json_builder_end_object (builder);
}

static void
print_entry (const SihuaTrashEntry *entry)
{
  g_autofree char *deleted = sihua_cli_format_time (entry->deleted_at);

  if (entry->assessment_id != 0)
    printf (_("%lld\tassessment %lld of “%s”, %s\tdeleted %s\n"),
            (long long) entry->id, (long long) entry->assessment_id,
            sihua_cli_shown (entry->company_name), entry->assessment_date, deleted);
  else if (entry->merged_into != 0)
    printf (_("%lld\tcompany %lld “%s”, merged into “%s”\tdeleted %s\n"),
            (long long) entry->id, (long long) entry->company_id,
            sihua_cli_shown (entry->company_name), entry->merged_into_name, deleted);
  else
    printf (_("%lld\tcompany %lld “%s” with %d assessments\tdeleted %s\n"),
            (long long) entry->id, (long long) entry->company_id,
            sihua_cli_shown (entry->company_name), entry->n_assessments, deleted);
}

int
sihua_cli_trash_list_run (SihuaCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  if (argc != 1)
    return sihua_cli_usage_error (_("trash list takes no arguments"));

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  entries = sihua_store_list_trash (store, &error);
  if (entries == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        add_entry (builder, g_ptr_array_index (entries, i));
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  if (entries->len == 0)
    printf ("%s\n", _("The trash is empty."));
  for (guint i = 0; i < entries->len; i++)
    print_entry (g_ptr_array_index (entries, i));

  return 0;
}

int
sihua_cli_trash_restore_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 2 || !sihua_cli_parse_id (argv[1], &id))
    return sihua_cli_usage_error (_("trash restore needs the number of a trash entry (sihua-cli trash list shows them)"));

  store = open_for_change (cli, &status);
  if (store == NULL)
    return status;
  if (!sihua_store_restore_from_trash (store, id, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      print_json_ints ("restored", id, NULL);
      return 0;
    }
  printf (_("Restored trash entry %lld.\n"), (long long) id);

  return 0;
}

int
sihua_cli_trash_empty_run (SihuaCli  *cli,
                           int        argc,
                           char     **argv)
{
  gboolean yes = FALSE;
  GOptionEntry options[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Destroy for good without asking"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  guint n_entries = 0;
  guint n_blobs = 0;
  int status;

  if (!sihua_cli_parse_options ("trash empty", options, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return sihua_cli_usage_error (_("trash empty takes no arguments besides --yes"));

  store = open_for_change (cli, &status);
  if (store == NULL)
    return status;
  if (!yes)
    {
      entries = sihua_store_list_trash (store, &error);
      if (entries == NULL)
        return sihua_cli_fail_error (error);
      return sihua_cli_fail (_("Emptying the trash destroys its %u entries for good; "
                               "run sihua-cli trash empty --yes to do it"), entries->len);
    }
  if (!sihua_store_empty_trash (store, &n_entries, &n_blobs, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      print_json_ints ("entries", (gint64) n_entries, "evidence_files", (gint64) n_blobs, NULL);
      return 0;
    }
  printf (_("Destroyed %u trash entries and %u evidence files no answer used any more.\n"), n_entries, n_blobs);

  return 0;
}
