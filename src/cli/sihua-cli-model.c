/* sihua-cli-model.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sihua-cli-model.h"
#include "sihua-cli-text.h"
#include "sihua-model-catalog.h"

/* `model validate`, `model list` and `model show`: none of them needs the
 * database, so none opens the store. */

static void
print_problem (FILE                    *stream,
               const SihuaModelProblem *problem)
{
  fprintf (stream, "%s: %s: %s\n", sihua_cli_shown (problem->file), sihua_cli_shown (problem->json_path),
           sihua_cli_shown (problem->message));
}

static JsonNode *
problems_to_json (GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      SihuaModelProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, problem->file);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, problem->json_path);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

int
sihua_cli_model_validate_run (SihuaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *file;
  char *contents = NULL;
  gsize length = 0;

  if (argc != 2)
    return sihua_cli_usage_error (_("model validate needs one model file"));

  file = argv[1];
  if (!g_file_get_contents (file, &contents, &length, &error))
    return sihua_cli_fail (_("Cannot read the model file: %s"), error->message);

  bytes = g_bytes_new_take (contents, length);
  problems = sihua_model_validate_bytes (bytes, file);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = problems_to_json (problems);

      sihua_cli_print_json (root);
    }
  else if (problems->len == 0)
    printf (_("%s: OK, the model is valid\n"), sihua_cli_shown (file));
  else
    for (guint i = 0; i < problems->len; i++)
      print_problem (stdout, g_ptr_array_index (problems, i));

  return problems->len == 0 ? 0 : SIHUA_CLI_EXIT_FAILURE;
}

/* Installed files that could not be used are reported, never fatal. */
static void
report_catalog_problems (SihuaModelCatalog *catalog)
{
  g_autoptr(GPtrArray) problems = sihua_model_catalog_get_problems (catalog);

  for (guint i = 0; i < problems->len; i++)
    {
      fprintf (stderr, "sihua-cli: %s ", _("warning: model left out:"));
      print_problem (stderr, g_ptr_array_index (problems, i));
    }
}

static const char *
model_source (SihuaModelCatalog *catalog,
              SihuaModel        *model)
{
  return sihua_model_catalog_is_builtin (catalog, model) ? "builtin"
                                                         : sihua_model_get_source (model);
}

int
sihua_cli_model_list_run (SihuaCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(GPtrArray) models = NULL;
  SihuaLanguage language = sihua_language_from_locale ();

  if (argc > 1)
    return sihua_cli_usage_error (_("model list takes no arguments"));

  catalog = sihua_model_catalog_new (NULL);
  models = sihua_model_catalog_list (catalog);
  report_catalog_problems (catalog);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < models->len; i++)
        {
          SihuaModel *model = g_ptr_array_index (models, i);
          g_autofree char *title = sihua_text_dup_marked (sihua_model_get_title (model), language);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, sihua_model_get_id (model));
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, sihua_model_get_version (model));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, title);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, model_source (catalog, model));
          json_builder_set_member_name (builder, "default");
          json_builder_add_boolean_value (builder, i == 0);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      sihua_cli_print_builder (builder);
      return 0;
    }

  for (guint i = 0; i < models->len; i++)
    {
      SihuaModel *model = g_ptr_array_index (models, i);
      g_autofree char *title = sihua_text_dup_marked (sihua_model_get_title (model), language);

      printf ("%s%s %s  %s  (%s)\n", i == 0 ? "* " : "  ", sihua_cli_shown (sihua_model_get_id (model)),
              sihua_cli_shown (sihua_model_get_version (model)), sihua_cli_shown (title),
              sihua_cli_shown (model_source (catalog, model)));
    }

  return 0;
}

/* The first characters of a long text, for one line of the outline. */
static char *
shorten (const char *text,
         glong       max_chars)
{
  g_autofree char *one_line = g_strdup (text);

  g_strdelimit (one_line, "\n", ' ');
  if (g_utf8_strlen (one_line, -1) <= max_chars)
    return g_steal_pointer (&one_line);

  *g_utf8_offset_to_pointer (one_line, max_chars) = '\0';
  return g_strconcat (one_line, "…", NULL);
}

static void
print_option (const SihuaOption *option,
              SihuaLanguage      language)
{
  g_autofree char *text = sihua_text_dup_marked (&option->text, language);
  g_autofree char *short_text = shorten (text, 50);
  g_autoptr(GString) worth = g_string_new (NULL);

  if (option->level >= 0)
    g_string_append_printf (worth, _("level %d"), option->level);
  if (option->has_points)
    {
      if (worth->len > 0)
        g_string_append (worth, ", ");
      g_string_append_printf (worth, _("%g points"), option->points);
    }
  if (option->exclusive)
    {
      if (worth->len > 0)
        g_string_append (worth, ", ");
      g_string_append (worth, _("exclusive"));
    }

  if (worth->len > 0)
    printf ("        - %s [%s] %s\n", sihua_cli_shown (option->id), worth->str, sihua_cli_shown (short_text));
  else
    printf ("        - %s %s\n", sihua_cli_shown (option->id), sihua_cli_shown (short_text));
}

static void
print_question (const SihuaQuestion *question,
                SihuaLanguage        language)
{
  static const char * const types[] = { "ladder", "single", "multi", "numeric", "yesno", "text" };
  g_autofree char *text = sihua_text_dup_marked (&question->text, language);
  g_autofree char *short_text = shorten (text, 60);

  printf ("    %s  %s, %s %g%s%s\n", sihua_cli_shown (question->id), types[question->type], _("weight"),
          question->weight, question->allow_na ? ", " : "",
          question->allow_na ? _("N/A allowed") : "");
  printf ("      %s\n", sihua_cli_shown (short_text));

  for (guint i = 0; i < question->options->len; i++)
    print_option (g_ptr_array_index (question->options, i), language);

  for (guint i = 0; question->bands != NULL && i < question->bands->len; i++)
    {
      const SihuaBand *band = &g_array_index (question->bands, SihuaBand, i);

      printf ("        ≥ %g:", band->from);
      if (band->level >= 0)
        printf (" %s %d", _("level"), band->level);
      if (band->has_points)
        printf (" %g %s", band->points, _("points"));
      printf ("\n");
    }
}

static void
print_outline (SihuaModel *model)
{
  SihuaLanguage language = sihua_language_from_locale ();
  g_autofree char *title = sihua_text_dup_marked (sihua_model_get_title (model), language);
  GPtrArray *areas = sihua_model_get_areas (model);

  printf ("%s %s  %s\n", sihua_cli_shown (sihua_model_get_id (model)),
          sihua_cli_shown (sihua_model_get_version (model)), sihua_cli_shown (title));
  printf ("%s", _("Levels:"));
  for (guint i = 0; i < sihua_model_get_n_levels (model); i++)
    {
      g_autofree char *name = sihua_text_dup_marked (&sihua_model_get_level (model, i)->name,
                                                     language);

      printf (" %u %s%s", i, sihua_cli_shown (name), i + 1 < sihua_model_get_n_levels (model) ? "," : "");
    }
  printf ("\n");

  for (guint a = 0; a < areas->len; a++)
    {
      SihuaArea *area = g_ptr_array_index (areas, a);
      g_autofree char *area_title = sihua_text_dup_marked (&area->title, language);

      printf ("\n%s  %s%s\n", sihua_cli_shown (area->id), sihua_cli_shown (area_title),
              area->scored ? "" : _(" (not scored)"));
      for (guint d = 0; d < area->dimensions->len; d++)
        {
          SihuaDimension *dimension = g_ptr_array_index (area->dimensions, d);
          g_autofree char *dimension_title = sihua_text_dup_marked (&dimension->title, language);

          printf ("  %s  %s, %s %g\n", sihua_cli_shown (dimension->id), sihua_cli_shown (dimension_title), _("weight"),
                  dimension->weight);
          for (guint q = 0; q < dimension->questions->len; q++)
            print_question (g_ptr_array_index (dimension->questions, q), language);
        }
    }
}

int
sihua_cli_model_show_run (SihuaCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autoptr(SihuaModelCatalog) catalog = NULL;
  g_autoptr(SihuaModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 2 || argc > 3)
    return sihua_cli_usage_error (_("model show needs a model id (and optionally a version)"));

  catalog = sihua_model_catalog_new (NULL);
  model = sihua_model_catalog_lookup (catalog, argv[1], argc == 3 ? argv[2] : NULL, &error);
  if (model == NULL)
    return sihua_cli_fail_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = sihua_model_to_json (model);

      sihua_cli_print_json (root);
    }
  else
    print_outline (model);

  return 0;
}
