/* sihua-cli-company.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-company.h"
#include "sihua-cli-store.h"
#include "sihua-cli-text.h"

static void
add_company (JsonBuilder        *builder,
             const SihuaCompany *company)
{
  g_autofree char *created = sihua_cli_format_iso_time (company->created_at);
  g_autofree char *updated = sihua_cli_format_iso_time (company->updated_at);

  json_builder_begin_object (builder);
  sihua_cli_add_int_member (builder, "id", company->id, TRUE);
  sihua_cli_add_string_member (builder, "uuid", company->uuid);
  sihua_cli_add_string_member (builder, "name", company->name);
  sihua_cli_add_string_member (builder, "uscc", company->uscc);
  sihua_cli_add_string_member (builder, "industry", company->industry);
  sihua_cli_add_string_member (builder, "size", sihua_company_size_to_string (company->size));
  sihua_cli_add_int_member (builder, "employees", company->employees, company->employees >= 0);
  sihua_cli_add_string_member (builder, "region", company->region);
  sihua_cli_add_string_member (builder, "address", company->address);
  sihua_cli_add_string_member (builder, "contact", company->contact);
  sihua_cli_add_string_member (builder, "notes", company->notes);
  sihua_cli_add_string_member (builder, "last_assessment_date", company->last_assessment_date);
  sihua_cli_add_int_member (builder, "latest_stage", company->latest_stage, company->latest_stage >= 0);
  sihua_cli_add_int_member (builder, "n_assessments", company->n_assessments, TRUE);
  sihua_cli_add_string_member (builder, "created_at", created);
  sihua_cli_add_string_member (builder, "updated_at", updated);
}

/**
 * sihua_cli_add_assessment:
 * @builder: a builder inside an array or at a member name
 * @assessment: an assessment
 *
 * Adds the assessment as a JSON object, the form every command prints.
 */
void
sihua_cli_add_assessment (JsonBuilder           *builder,
                          const SihuaAssessment *assessment)
{
  g_autofree char *created = sihua_cli_format_iso_time (assessment->created_at);
  g_autofree char *updated = sihua_cli_format_iso_time (assessment->updated_at);

  json_builder_begin_object (builder);
  sihua_cli_add_int_member (builder, "id", assessment->id, TRUE);
  sihua_cli_add_string_member (builder, "uuid", assessment->uuid);
  sihua_cli_add_int_member (builder, "company_id", assessment->company_id, TRUE);
  sihua_cli_add_string_member (builder, "model_id", assessment->model_id);
  sihua_cli_add_string_member (builder, "model_version", assessment->model_version);
  sihua_cli_add_string_member (builder, "date", assessment->date);
  sihua_cli_add_string_member (builder, "consultant", assessment->consultant);
  sihua_cli_add_string_member (builder, "status", sihua_assessment_status_to_string (assessment->status));
  sihua_cli_add_string_member (builder, "respondents", assessment->respondents);
  sihua_cli_add_int_member (builder, "target_level", assessment->target_level, assessment->target_level >= 0);
  sihua_cli_add_string_member (builder, "notes", assessment->notes);
  sihua_cli_add_int_member (builder, "previous_id", assessment->previous_id, assessment->previous_id > 0);
  json_builder_set_member_name (builder, "result_index");
  if (assessment->has_result)
    json_builder_add_double_value (builder, assessment->result_index);
  else
    json_builder_add_null_value (builder);
  sihua_cli_add_int_member (builder, "result_stage", assessment->result_stage, assessment->result_stage >= 0);
  sihua_cli_add_int_member (builder, "n_answers", assessment->n_answers, TRUE);
  json_builder_set_member_name (builder, "finalized");
  json_builder_add_boolean_value (builder, assessment->finalized_at != 0);
  sihua_cli_add_int_member (builder, "revision", assessment->revision, TRUE);
  sihua_cli_add_string_member (builder, "created_at", created);
  sihua_cli_add_string_member (builder, "updated_at", updated);
  json_builder_end_object (builder);
}

int
sihua_cli_company_add_run (SihuaCli  *cli,
                           int        argc,
                           char     **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *size = NULL;
  g_autofree char *region = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *address = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *notes = NULL;
  int employees = -1;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, NULL, NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, NULL, NULL },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, NULL, NULL },
    { "uscc", 0, 0, G_OPTION_ARG_STRING, &uscc, NULL, NULL },
    { "employees", 0, 0, G_OPTION_ARG_INT, &employees, NULL, NULL },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, NULL, NULL },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, NULL, NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, NULL, NULL },
    { NULL }
  };
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  int status;
  gint64 id;

  if (!sihua_cli_parse_options ("company add", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return sihua_cli_usage_error (_("company add: unexpected argument “%s”"), argv[1]);
  if (name == NULL || *g_strstrip (name) == '\0')
    return sihua_cli_usage_error (_("company add needs --name NAME"));
  if (employees < -1)
    return sihua_cli_usage_error (_("company add: --employees cannot be negative"));

  company = sihua_company_new (name);
  if (!sihua_company_size_from_string (size, &company->size))
    return sihua_cli_usage_error (_("company add: --size must be micro, small or medium, not “%s”"), size);
  company->industry = g_steal_pointer (&industry);
  company->region = g_steal_pointer (&region);
  company->uscc = g_steal_pointer (&uscc);
  company->employees = employees;
  company->address = g_steal_pointer (&address);
  company->contact = g_steal_pointer (&contact);
  company->notes = g_steal_pointer (&notes);

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_CREATE, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  id = sihua_store_add_company (store, company, &error);
  if (id == 0)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_company (builder, company);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
    }
  else
    printf ("%" G_GINT64_FORMAT "\n", id);

  return 0;
}

int
sihua_cli_company_list_run (SihuaCli  *cli,
                            int        argc,
                            char     **argv)
{
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;

  if (argc > 1)
    return sihua_cli_usage_error (_("company list takes no arguments"));

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  companies = sihua_store_list_companies (store, &error);
  if (companies == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < companies->len; i++)
        {
          add_company (builder, g_ptr_array_index (companies, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  for (guint i = 0; i < companies->len; i++)
    {
      SihuaCompany *company = g_ptr_array_index (companies, i);
      g_autofree char *stage = company->latest_stage >= 0 ? g_strdup_printf ("%d", company->latest_stage) : g_strdup ("-");

      /* Escaped, so no name can add a column or a line. */
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", company->id, sihua_cli_shown (company->name),
              company->region != NULL ? sihua_cli_shown (company->region) : "-",
              company->industry != NULL ? sihua_cli_shown (company->industry) : "-",
              company->last_assessment_date != NULL ? sihua_cli_shown (company->last_assessment_date) : "-",
              stage);
    }

  return 0;
}

int
sihua_cli_company_show_run (SihuaCli  *cli,
                            int        argc,
                            char     **argv)
{
  g_autoptr(SihuaCompany) company = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  SihuaStore *store;
  gint64 id;

  if (argc != 2 || !sihua_cli_parse_id (argv[1], &id))
    return sihua_cli_usage_error (_("company show needs a company ID (a positive number)"));

  store = sihua_cli_open_store (cli, SIHUA_CLI_STORE_READ, &error);
  if (store == NULL)
    return sihua_cli_fail_error (error);
  company = sihua_store_get_company (store, id, &error);
  if (company == NULL)
    return sihua_cli_fail_error (error);
  assessments = sihua_store_list_assessments (store, id, &error);
  if (assessments == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_company (builder, company);
      json_builder_set_member_name (builder, "assessments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < assessments->len; i++)
        sihua_cli_add_assessment (builder, g_ptr_array_index (assessments, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      sihua_cli_print_builder (builder);
      return 0;
    }

  printf ("%s %" G_GINT64_FORMAT "\n", _("Company:"), company->id);
  printf ("%s %s\n", _("Name:"), sihua_cli_shown (company->name));
  if (company->uscc != NULL)
    printf ("%s %s\n", _("Unified social credit code:"), sihua_cli_shown (company->uscc));
  if (company->industry != NULL)
    printf ("%s %s\n", _("Industry:"), sihua_cli_shown (company->industry));
  if (company->size != SIHUA_COMPANY_SIZE_UNKNOWN)
    printf ("%s %s\n", _("Size:"), sihua_company_size_to_string (company->size));
  if (company->employees >= 0)
    printf ("%s %d\n", _("Employees:"), company->employees);
  if (company->region != NULL)
    printf ("%s %s\n", _("Region:"), sihua_cli_shown (company->region));
  if (company->address != NULL)
    printf ("%s %s\n", _("Address:"), sihua_cli_shown (company->address));
  if (company->contact != NULL)
    printf ("%s %s\n", _("Contact:"), sihua_cli_shown (company->contact));
  if (company->notes != NULL)
    printf ("%s %s\n", _("Notes:"), sihua_cli_shown (company->notes));

  printf ("%s\n", _("Assessments:"));
  if (assessments->len == 0)
    printf ("  %s\n", _("none yet"));
  for (guint i = 0; i < assessments->len; i++)
    {
      SihuaAssessment *assessment = g_ptr_array_index (assessments, i);

      printf ("  %" G_GINT64_FORMAT "\t%s\t%s %s\t%s\n", assessment->id, sihua_cli_shown (assessment->date),
              sihua_cli_shown (assessment->model_id), sihua_cli_shown (assessment->model_version),
              assessment->status == SIHUA_ASSESSMENT_COMPLETED ? _("completed") : _("in progress"));
    }

  return 0;
}
