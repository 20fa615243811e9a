/* sihua-cli-interviewee.c
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
#include "sihua-cli-interviewee.h"
#include "sihua-cli-text.h"

void
sihua_cli_add_interviewee (JsonBuilder            *builder,
                           const SihuaInterviewee *interviewee)
{
  json_builder_begin_object (builder);
  sihua_cli_add_int_member (builder, "id", interviewee->id, TRUE);
  sihua_cli_add_int_member (builder, "assessment", interviewee->assessment_id, TRUE);
  sihua_cli_add_string_member (builder, "name", interviewee->name);
  sihua_cli_add_string_member (builder, "role", interviewee->role);
  sihua_cli_add_string_member (builder, "department", interviewee->department);
  json_builder_end_object (builder);
}

/**
 * sihua_cli_find_interviewee:
 * @store: the store
 * @assessment_id: an assessment
 * @name: an interviewee's name as listed
 * @status: (out): the exit status when none is found
 *
 * Returns: (transfer full) (nullable): the interviewee, or %NULL after
 *   telling the user why
 */
SihuaInterviewee *
sihua_cli_find_interviewee (SihuaStore  *store,
                            gint64       assessment_id,
                            const char  *name,
                            int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interviewees = sihua_store_list_interviewees (store, assessment_id, &error);
  g_autofree char *wanted = g_strstrip (g_strdup (name));

  if (interviewees == NULL)
    {
      *status = sihua_cli_fail_error (error);
      return NULL;
    }
  for (guint i = 0; i < interviewees->len; i++)
    {
      SihuaInterviewee *interviewee = g_ptr_array_index (interviewees, i);

      if (g_strcmp0 (interviewee->name, wanted) == 0)
        return sihua_interviewee_copy (interviewee);
    }

  *status = sihua_cli_fail (_("Assessment %lld has no interviewee named “%s”; add them with "
                              "sihua-cli interviewee add %lld --name NAME"),
                            (long long) assessment_id, wanted, (long long) assessment_id);
  return NULL;
}

int
sihua_cli_interviewee_add_run (SihuaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *department = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, NULL, NULL },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  SihuaInterviewee added = { 0 };
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("interviewee add", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sihua_cli_usage_error (_("interviewee add needs an assessment ID and --name NAME"));
  if (name == NULL)
    return sihua_cli_usage_error (_("interviewee add needs --name NAME"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "interviewee add", argv[1], &id, &status);
  if (store == NULL)
    return status;
  added.id = sihua_store_add_interviewee (store, id, name, role, department, &error);
  if (added.id == 0)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      added.assessment_id = id;
      added.name = g_strstrip (name);
      added.role = role;
      added.department = department;
      sihua_cli_add_interviewee (builder, &added);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", added.id);

  return 0;
}

int
sihua_cli_interviewee_list_run (SihuaCli  *cli,
                                int        argc,
                                char     **argv)
{
  g_autoptr(GPtrArray) interviewees = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (argc != 2)
    return sihua_cli_usage_error (_("interviewee list needs an assessment ID"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_READ, "interviewee list", argv[1], &id, &status);
  if (store == NULL)
    return status;
  interviewees = sihua_store_list_interviewees (store, id, &error);
  if (interviewees == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < interviewees->len; i++)
        sihua_cli_add_interviewee (builder, g_ptr_array_index (interviewees, i));
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  for (guint i = 0; i < interviewees->len; i++)
    {
      SihuaInterviewee *interviewee = g_ptr_array_index (interviewees, i);
      g_autofree char *described = sihua_interviewee_describe (interviewee);

      printf ("%" G_GINT64_FORMAT "\t%s\n", interviewee->id, sihua_cli_shown (described));
    }

  return 0;
}

int
sihua_cli_interviewee_remove_run (SihuaCli  *cli,
                                  int        argc,
                                  char     **argv)
{
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { NULL }
  };
  g_autoptr(SihuaInterviewee) interviewee = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;
  int status;

  if (!sihua_cli_parse_options ("interviewee remove", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || name == NULL)
    return sihua_cli_usage_error (_("interviewee remove needs an assessment ID and --name NAME"));

  store = sihua_cli_open_assessment (cli, SIHUA_CLI_STORE_WRITE, "interviewee remove", argv[1], &id, &status);
  if (store == NULL)
    return status;
  interviewee = sihua_cli_find_interviewee (store, id, name, &status);
  if (interviewee == NULL)
    return status;
  if (!sihua_store_remove_interviewee (store, interviewee->id, &error))
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      sihua_cli_add_interviewee (builder, interviewee);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf (_("Removed %s\n"), sihua_cli_shown (interviewee->name));

  return 0;
}
