/* sihua-cli-evidence.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-assessment.h"
#include "sihua-cli-evidence.h"
#include "sihua-cli-text.h"

static void
add_evidence_object (JsonBuilder         *builder,
                     const SihuaEvidence *evidence,
                     guint                number)
{
  g_autofree char *added = sihua_cli_format_iso_time (evidence->added_at);

  json_builder_begin_object (builder);
  sihua_cli_add_int_member (builder, "id", evidence->id, TRUE);
  sihua_cli_add_string_member (builder, "uuid", evidence->uuid);
  sihua_cli_add_int_member (builder, "assessment", evidence->assessment_id, TRUE);
  sihua_cli_add_string_member (builder, "question", evidence->question_id);
  sihua_cli_add_int_member (builder, "number", number, TRUE);
  sihua_cli_add_string_member (builder, "file_name", evidence->file_name);
  sihua_cli_add_string_member (builder, "media_type", evidence->media_type);
  sihua_cli_add_int_member (builder, "size", evidence->size, TRUE);
  sihua_cli_add_string_member (builder, "sha256", evidence->sha256);
  sihua_cli_add_string_member (builder, "author", evidence->author);
  sihua_cli_add_string_member (builder, "added_at", added);
  json_builder_end_object (builder);
}

static void
print_evidence_line (const SihuaEvidence *evidence,
                     guint                number)
{
  g_autofree char *when = sihua_cli_format_time (evidence->added_at);
  g_autofree char *size = g_format_size (evidence->size);
  g_autofree char *question = g_strdup (sihua_cli_shown (evidence->question_id));

  printf ("%s  %u  %s  %s  %s  %.12s  %s\n", question, number,
          sihua_cli_shown (evidence->file_name), evidence->media_type, size,
          evidence->sha256, when);
}

/* The @number-th (from 1) evidence file of the answer to @question_id, as
 * `evidence list` numbers them. */
static SihuaEvidence *
lookup_numbered (SihuaStore  *store,
                 gint64       id,
                 const char  *question_id,
                 const char  *number_text,
                 guint       *number_out,
                 int         *status)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number;

  if (!sihua_cli_parse_id (number_text, &number))
    {
      *status = sihua_cli_usage_error (_("The evidence number must be a positive number, as “evidence list” shows it, not “%s”"),
                                       number_text);
      return NULL;
    }
  list = sihua_store_list_evidence (store, id, question_id, &error);
  if (list == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }
  if (number > list->len)
    {
      *status = sihua_cli_fail (ngettext ("The answer to %s has %u evidence file, so there is no number %lld",
                                          "The answer to %s has %u evidence files, so there is no number %lld",
                                          list->len),
                                question_id, list->len, (long long) number);
      return NULL;
    }

  *number_out = number;

  return sihua_evidence_copy (g_ptr_array_index (list, number - 1));
}

/* The number `evidence list` shows for @evidence (0 if it is not listed). */
static guint
number_of (SihuaStore          *store,
           const SihuaEvidence *evidence)
{
  g_autoptr(GPtrArray) list = sihua_store_list_evidence (store, evidence->assessment_id,
                                                         evidence->question_id, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((SihuaEvidence *) g_ptr_array_index (list, i))->id == evidence->id)
      return i + 1;

  return 0;
}

/* Opens the store for @command on the answer ID QUESTION_ID of @argv. */
static SihuaStore *
open_answer (SihuaCli          *cli,
             SihuaCliStoreUse   use,
             const char        *command,
             char             **argv,
             gint64            *id,
             int               *status)
{
  SihuaStore *store = sihua_cli_open_assessment (cli, use, command, argv[1], id, status);

  if (store == NULL || !sihua_cli_lookup_question (store, *id, argv[2], status))
    return NULL;

  return store;
}

/* What a command did to @evidence: its JSON object with --json, else
 * @text (already escaped), or the list's line when @text is %NULL. */
static void
print_result (SihuaCli            *cli,
              const SihuaEvidence *evidence,
              guint                number,
              const char          *text)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_evidence_object (builder, evidence, number);
      sihua_cli_print_builder (builder);
    }
  else if (text != NULL)
    fputs (text, stdout);
  else
    print_evidence_line (evidence, number);
}

int
sihua_cli_evidence_add_run (SihuaCli  *cli,
                            int        argc,
                            char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 4)
    return sihua_cli_usage_error (_("evidence add needs ID QUESTION_ID FILE"));

  store = open_answer (cli, SIHUA_CLI_STORE_WRITE, "evidence add", argv, &id, &status);
  if (store == NULL)
    return status;

  file = g_file_new_for_commandline_arg (argv[3]);
  evidence = sihua_store_add_evidence_file (store, id, argv[2], file, NULL, &error);
  if (evidence == NULL)
    {
      if (error->domain == G_IO_ERROR)
        return sihua_cli_fail (_("Cannot read %s: %s; nothing was added"), argv[3], error->message);
      return sihua_cli_fail_error (error);
    }

  print_result (cli, evidence, number_of (store, evidence), NULL);

  return 0;
}

int
sihua_cli_evidence_list_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  const char *question_id = argc == 3 ? argv[2] : NULL;
  const char *previous_question = NULL;
  SihuaStore *store;
  guint number = 0;
  gint64 id;
  int status;

  if (argc != 2 && argc != 3)
    return sihua_cli_usage_error (_("evidence list needs ID [QUESTION_ID]"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_READ, "evidence list", argv[1], &id, &status);
  if (store == NULL)
    return status;
  if (question_id != NULL && !sihua_cli_lookup_question (store, id, question_id, &status))
    return status;

  list = sihua_store_list_evidence (store, id, question_id, &error);
  if (list == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else if (list->len == 0)
    printf ("%s\n", _("No evidence files yet."));

  for (guint i = 0; i < list->len; i++)
    {
      const SihuaEvidence *evidence = g_ptr_array_index (list, i);

      /* The list is sorted by question: numbers restart with each one. */
      number = g_strcmp0 (previous_question, evidence->question_id) == 0 ? number + 1 : 1;
      previous_question = evidence->question_id;
      if (builder != NULL)
        add_evidence_object (builder, evidence, number);
      else
        print_evidence_line (evidence, number);
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
    }

  return 0;
}

int
sihua_cli_evidence_export_run (SihuaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  guint number = 0;
  gsize size;
  gconstpointer bytes;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("evidence export", entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return sihua_cli_usage_error (_("evidence export needs ID QUESTION_ID N -o FILE"));
  if (output == NULL)
    return sihua_cli_usage_error (_("evidence export: name the file to write with -o FILE"));
  if (!sihua_cli_check_output (cli, output, &error))
    return sihua_cli_fail_error (error);

  store = open_answer (cli, SIHUA_CLI_STORE_READ, "evidence export", argv, &id, &status);
  if (store == NULL)
    return status;
  evidence = lookup_numbered (store, id, argv[2], argv[3], &number, &status);
  if (evidence == NULL)
    return status;

  data = sihua_store_get_evidence_data (store, evidence->sha256, &error);
  if (data == NULL)
    return sihua_cli_fail_error (error);
  bytes = g_bytes_get_data (data, &size);
  if (!g_file_set_contents (output, size > 0 ? bytes : "", size, &error))
    return sihua_cli_fail (_("Cannot write %s: %s"), output, error->message);

  text = g_strdup_printf (_("Wrote %s (%s, SHA-256 %s)\n"), sihua_cli_shown (output),
                          evidence->media_type, evidence->sha256);
  print_result (cli, evidence, number, text);

  return 0;
}

int
sihua_cli_evidence_delete_run (SihuaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  guint number = 0;
  gint64 id;
  int status;

  if (argc != 4)
    return sihua_cli_usage_error (_("evidence delete needs ID QUESTION_ID N"));

  store = open_answer (cli, SIHUA_CLI_STORE_WRITE, "evidence delete", argv, &id, &status);
  if (store == NULL)
    return status;
  evidence = lookup_numbered (store, id, argv[2], argv[3], &number, &status);
  if (evidence == NULL)
    return status;
  if (!sihua_store_delete_evidence (store, evidence->id, &error))
    return sihua_cli_fail_error (error);

  text = g_strdup_printf (_("Deleted %s from the answer to %s; “evidence undo %s” puts it back\n"),
                          sihua_cli_shown (evidence->file_name), evidence->question_id, argv[1]);
  print_result (cli, evidence, number, text);

  return 0;
}

int
sihua_cli_evidence_undo_run (SihuaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autofree char *text = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("evidence undo needs ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "evidence undo", argv[1], &id, &status);
  if (store == NULL)
    return status;
  evidence = sihua_store_undo_evidence_delete (store, id, &error);
  if (evidence == NULL)
    return sihua_cli_fail_error (error);

  text = g_strdup_printf (_("Put back %s on the answer to %s\n"),
                          sihua_cli_shown (evidence->file_name), evidence->question_id);
  print_result (cli, evidence, number_of (store, evidence), text);

  return 0;
}
