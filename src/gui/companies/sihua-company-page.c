/* sihua-company-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-chart-view.h"
#include "sihua-company-page.h"
#include "sihua-gui-utils.h"
#include "sihua-number-format.h"
#include "sihua-text.h"
#include "sihua-industry.h"

struct _SihuaCompanyPage
{
  AdwBin               parent_instance;

  /* The template's child, looked up in _init rather than bound */
  GtkStack            *stack;

  /* Template widgets */
  AdwStatusPage       *loading_page;
  AdwStatusPage       *error_page;
  GtkWidget           *repair_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *profile_group;
  AdwPreferencesGroup *progress_group;
  AdwPreferencesGroup *assessments_group;
  GtkButton           *reassess_button;
  GtkButton           *new_assessment_button;
  GtkWidget           *trend_view;

  /* Owned references */
  SihuaContext        *context;
  SihuaStore          *store;
  SihuaModelCatalog   *catalog;
  gint64               company_id;
  char                *title;
  char                *subtitle;
  SihuaCompany        *company;
  GPtrArray           *assessments;
  GPtrArray           *profile_rows;
  GPtrArray           *assessment_rows;
  GPtrArray           *models;

  /* The load on its way, cancelled when another replaces it or the page
   * goes; the company it read while its assessments are still coming. */
  GCancellable        *cancellable;
  SihuaCompany        *loading_company;
  guint                spinner_source;
};

G_DEFINE_FINAL_TYPE (SihuaCompanyPage, sihua_company_page, ADW_TYPE_BIN)

enum { ASSESSMENT_ACTIVATED, LOADED, LOAD_FAILED, N_SIGNALS };
static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COMPANY_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_trend (SihuaCompanyPage *self);
static void load         (SihuaCompanyPage *self,
                          gint64            company_id);
static void show_loading (SihuaCompanyPage *self);

/*
 * Auxiliary methods
 */

/* What the header shows: the company's name, and its region below. */
static void
set_titles (SihuaCompanyPage *self,
            const char       *title,
            const char       *subtitle)
{
  if (title == NULL)
    title = "";
  if (subtitle == NULL)
    subtitle = "";

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (g_strcmp0 (self->subtitle, subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_strdup (subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

static const char *
size_label (SihuaCompanySize size)
{
  switch (size)
    {
    case SIHUA_COMPANY_SIZE_MICRO:
      return _("Micro enterprise");
    case SIHUA_COMPANY_SIZE_SMALL:
      return _("Small enterprise");
    case SIHUA_COMPANY_SIZE_MEDIUM:
      return _("Medium enterprise");
    case SIHUA_COMPANY_SIZE_UNKNOWN:
    default:
      return NULL;
    }
}

static void
show_error (SihuaCompanyPage *self,
            const char       *heading,
            const GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_profile_row (SihuaCompanyPage *self,
                 const char       *title,
                 const char       *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  /* Titles are field names, the subtitles what the consultant typed. */
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->profile_group, row);
  g_ptr_array_add (self->profile_rows, row);
}

static SihuaModel *
lookup_model (SihuaCompanyPage *self,
              const char       *id,
              const char       *version)
{
  SihuaModel *model;

  if (self->catalog == NULL)
    return NULL;

  model = sihua_model_catalog_lookup (self->catalog, id, version, NULL);
  if (model == NULL)
    model = sihua_model_catalog_lookup (self->catalog, id, NULL, NULL);
  if (model != NULL)
    g_ptr_array_add (self->models, model);

  return model;
}

static void
assessment_row_activated_cb (AdwActionRow     *row,
                             SihuaCompanyPage *self)
{
  const SihuaAssessment *assessment = g_object_get_data (G_OBJECT (row), "assessment");

  g_signal_emit (self, signals[ASSESSMENT_ACTIVATED], 0,
                 assessment->id, assessment->status == SIHUA_ASSESSMENT_COMPLETED);
}

/* "model version · status", then how far it is answered once that is
 * counted (@count NULL until then). */
static void
set_assessment_subtitle (GtkWidget             *row,
                         SihuaModel            *model,
                         const SihuaAssessment *assessment,
                         const char            *count)
{
  g_autofree char *subtitle = NULL;
  const char *status;

  if (assessment->finalized_at != 0)
    status = C_("assessment status", "Finalised");
  else
    status = assessment->status == SIHUA_ASSESSMENT_COMPLETED ? _("Completed") : _("In progress");
  subtitle = g_strdup_printf ("%s %s · %s",
                              model != NULL ? sihua_gui_model_title (model) : assessment->model_id,
                              assessment->model_version, status);
  if (count != NULL)
    {
      char *with_count = g_strdup_printf ("%s · %s", subtitle, count);

      g_free (subtitle);
      subtitle = with_count;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
answers_counted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  const SihuaAssessment *assessment;
  SihuaModel *model;
  guint answered, applicable;

  answers = sihua_store_load_answers_finish (SIHUA_STORE (source), result, &error);
  /* Gone with a reload (its assessment with it), or unreadable: no count. */
  if (answers == NULL || gtk_widget_get_root (row) == NULL)
    return;
  assessment = g_object_get_data (G_OBJECT (row), "assessment");
  model = g_object_get_data (G_OBJECT (row), "model");
  if (assessment == NULL || model == NULL)
    return;

  /* The count the answering page and sihua-cli show. */
  sihua_answer_count (model, answers, &answered, &applicable);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u question answered",
                                        "%u of %u questions answered", applicable),
                           answered, applicable);
  set_assessment_subtitle (row, model, assessment, count);
}

static GtkWidget *
create_assessment_row (SihuaCompanyPage      *self,
                       const SihuaAssessment *assessment)
{
  SihuaModel *model = lookup_model (self, assessment->model_id, assessment->model_version);
  GtkWidget *row, *badge, *index, *delete, *arrow;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), assessment->date);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  set_assessment_subtitle (row, model, assessment, NULL);
  if (model != NULL && self->store != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "model", g_object_ref (model), g_object_unref);
      sihua_store_load_answers_async (self->store, assessment->id, self->cancellable,
                                      answers_counted_cb, g_object_ref (row));
    }

  if (assessment->has_result)
    {
      g_autofree char *score = sihua_number_format_score (assessment->result_index);
      g_autofree char *text = g_strdup_printf (_("Index %s"), score);

      index = gtk_label_new (text);
      gtk_widget_add_css_class (index, "numeric");
      gtk_widget_add_css_class (index, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), index);

      badge = gtk_label_new (NULL);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      sihua_gui_set_stage_badge (GTK_LABEL (badge), model, assessment->result_stage);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  /* Goes to the trash, with an undo toast (sihua-window-trash.c). */
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Assessment"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "win.delete-assessment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", assessment->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data (G_OBJECT (row), "assessment", (gpointer) assessment);
  g_signal_connect (row, "activated", G_CALLBACK (assessment_row_activated_cb), self);

  return row;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SihuaAssessment *x = *(SihuaAssessment * const *) a;
  const SihuaAssessment *y = *(SihuaAssessment * const *) b;
  int by_date = g_strcmp0 (y->date, x->date);

  if (by_date != 0)
    return by_date;

  return (y->created_at > x->created_at) - (y->created_at < x->created_at);
}

static void
fill (SihuaCompanyPage *self)
{
  const SihuaCompany *c = self->company;
  g_autoptr(GPtrArray) summary = NULL;
  g_autofree char *description = NULL;

  clear_rows (self->profile_group, self->profile_rows);
  clear_rows (self->assessments_group, self->assessment_rows);

  /* The short facts fit on one line; the rest get rows of their own. */
  summary = g_ptr_array_new_with_free_func (g_free);
  if (c->region != NULL && *c->region)
    g_ptr_array_add (summary, g_strdup (c->region));
  if (c->industry != NULL && *c->industry)
    g_ptr_array_add (summary, sihua_industry_describe (c->industry, sihua_language_from_locale ()));
  if (size_label (c->size) != NULL)
    g_ptr_array_add (summary, g_strdup (size_label (c->size)));
  if (c->employees >= 0)
    g_ptr_array_add (summary, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d employee",
                                                            "%d employees", c->employees),
                                               c->employees));
  g_ptr_array_add (summary, NULL);
  description = g_strjoinv (" · ", (char **) summary->pdata);
  adw_preferences_group_set_description (self->profile_group, *description ? description : NULL);
  g_clear_pointer (&description, g_free);

  add_profile_row (self, _("Unified social credit code"), c->uscc);
  add_profile_row (self, _("Contact person"), c->contact);
  add_profile_row (self, _("Address"), c->address);
  add_profile_row (self, _("Notes"), c->notes);
  if (self->profile_rows->len == 0 && summary->len <= 1)
    add_profile_row (self, _("No details yet"), _("Edit the company to add its region, industry and size."));

  for (guint i = 0; i < self->assessments->len; i++)
    {
      GtkWidget *row = create_assessment_row (self, g_ptr_array_index (self->assessments, i));

      adw_preferences_group_add (self->assessments_group, row);
      g_ptr_array_add (self->assessment_rows, row);
    }

  if (self->assessments->len == 0)
    description = g_strdup (_("No assessment yet. Start the first one with the managers on site."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessment, newest first",
                                                "%u assessments, newest first",
                                                self->assessments->len),
                                   self->assessments->len);
  adw_preferences_group_set_description (self->assessments_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->reassess_button), self->assessments->len > 0);

  update_trend (self);
}

/* The index and stage of every scored assessment, oldest first. */
static void
update_trend (SihuaCompanyPage *self)
{
  SihuaLanguage language = sihua_language_from_locale ();
  g_autoptr(SihuaChartData) data = sihua_chart_data_new (language);
  SihuaModel *levels = NULL;

  for (guint i = self->assessments->len; i > 0; i--)
    {
      const SihuaAssessment *assessment = g_ptr_array_index (self->assessments, i - 1);

      if (!assessment->has_result)
        continue;
      sihua_chart_data_add_point (data, assessment->date, assessment->result_index,
                                  assessment->result_stage);
      if (levels == NULL)
        levels = lookup_model (self, assessment->model_id, assessment->model_version);
    }

  /* One point is not progress yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), data->trend->len >= 2);
  if (data->trend->len < 2)
    return;

  for (guint l = 0; levels != NULL && l < SIHUA_CHART_N_LEVELS && l < sihua_model_get_n_levels (levels); l++)
    {
      const SihuaLevel *level = sihua_model_get_level (levels, l);
      const char *name = level != NULL ? sihua_text_get (&level->name, language, NULL) : NULL;

      g_free (data->level_names[l]);
      data->level_names[l] = g_strdup (name);
    }

  sihua_chart_view_set_data (SIHUA_CHART_VIEW (self->trend_view), g_steal_pointer (&data));
}

static GSettings *
get_settings (SihuaCompanyPage *self)
{
  return self->context != NULL ? sihua_context_get_settings (self->context) : NULL;
}

static void
assessment_started_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SihuaCompanyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_assessment_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reassess_button), TRUE);

  id = sihua_store_new_assessment_finish (SIHUA_STORE (source), result, &error);
  if (id <= 0)
    {
      show_error (self, _("The assessment cannot be started"), error);
      return;
    }

  sihua_company_page_reload (self);
  g_signal_emit (self, signals[ASSESSMENT_ACTIVATED], 0, id, FALSE);
}

static void
start_assessment (SihuaCompanyPage *self,
                  SihuaModel       *model,
                  gint64            from_id)
{
  g_autofree char *consultant = NULL;
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    consultant = g_settings_get_string (settings, "consultant-name");

  /* Copying the answers of a long assessment runs on the store's thread;
   * the buttons wait so a double click starts only one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_assessment_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reassess_button), FALSE);
  sihua_store_new_assessment_async (self->store, self->company->id, model, from_id,
                                    consultant != NULL && *consultant ? consultant : NULL,
                                    NULL, assessment_started_cb, g_object_ref (self));
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  SihuaCompanyPage *self = user_data;

  self->spinner_source = 0;
  gtk_widget_set_opacity (GTK_WIDGET (self->loading_page), 1.0);
  gtk_spinner_start (self->spinner);

  return G_SOURCE_REMOVE;
}

static void
show_loading (SihuaCompanyPage *self)
{
  /* A small database answers within a frame or two: the spinner shows
   * only when the wait is long enough to notice, instead of flashing. */
  gtk_widget_set_opacity (GTK_WIDGET (self->loading_page), 0.0);
  gtk_spinner_stop (self->spinner);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  self->spinner_source = g_timeout_add (300, show_spinner_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
load_done (SihuaCompanyPage *self)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_company, sihua_company_free);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
}

static void
load_failed (SihuaCompanyPage *self,
             const GError     *error)
{
  const char *message = error->message;

  load_done (self);

  /* A reload that failed for a passing reason (a busy database) keeps
   * what is on screen; the window tells why, and the next reload retries. */
  if (self->company != NULL && !g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND))
    {
      g_signal_emit (self, signals[LOAD_FAILED], 0, message);
      return;
    }

  /* Deleted, or merged away from another window or by an import. */
  if (g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_NOT_FOUND))
    {
      message = _("This company no longer exists");
      adw_status_page_set_title (self->error_page, message);
      adw_status_page_set_description (self->error_page,
                                       _("It was deleted or merged into another company. Go back to the list of companies."));
    }
  else
    {
      adw_status_page_set_title (self->error_page, _("The company cannot be shown"));
      adw_status_page_set_description (self->error_page, error->message);
    }
  /* Damage that opening the file could not see is mostly in its indexes,
   * which the window can rebuild from the tables (win.repair-database). */
  gtk_widget_set_visible (self->repair_button,
                          g_error_matches (error, SIHUA_STORE_ERROR, SIHUA_STORE_ERROR_CORRUPT)
                          && !sihua_store_is_read_only (self->store));

  g_clear_pointer (&self->company, sihua_company_free);
  g_ptr_array_set_size (self->assessments, 0);
  clear_rows (self->profile_group, self->profile_rows);
  clear_rows (self->assessments_group, self->assessment_rows);
  gtk_stack_set_visible_child_name (self->stack, "error");

  g_signal_emit (self, signals[LOAD_FAILED], 0, message);
}

static void
assessments_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SihuaCompanyPage *self;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;

  assessments = sihua_store_list_assessments_finish (SIHUA_STORE (source), result, &error);
  /* Replaced by another load, or the page is gone: @user_data may be too. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SIHUA_COMPANY_PAGE (user_data);
  if (assessments == NULL)
    {
      load_failed (self, error);
      return;
    }

  g_ptr_array_sort (assessments, compare_newest_first);
  g_ptr_array_set_free_func (assessments, (GDestroyNotify) sihua_assessment_free);
  g_clear_pointer (&self->company, sihua_company_free);
  self->company = g_steal_pointer (&self->loading_company);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  self->assessments = g_steal_pointer (&assessments);
  load_done (self);

  set_titles (self, self->company->name, self->company->region);
  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "content");

  g_signal_emit (self, signals[LOADED], 0);
}

static void
company_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SihuaCompanyPage *self;
  g_autoptr(GError) error = NULL;
  SihuaCompany *company;

  company = sihua_store_get_company_finish (SIHUA_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SIHUA_COMPANY_PAGE (user_data);
  if (company == NULL)
    {
      load_failed (self, error);
      return;
    }

  g_clear_pointer (&self->loading_company, sihua_company_free);
  self->loading_company = company;
  sihua_store_list_assessments_async (SIHUA_STORE (source), company->id, self->cancellable,
                                      assessments_loaded_cb, self);
}

/* The callbacks hold no reference: cancelling in dispose is what keeps
 * them from touching a page that is gone. */
static void
load (SihuaCompanyPage *self,
      gint64            company_id)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_company, sihua_company_free);

  /* The template's text, which sihua_company_page_show_waiting() may
   * have replaced. */
  adw_status_page_set_description (self->loading_page, _("Reading the profile and the assessments"));
  self->cancellable = g_cancellable_new ();
  sihua_store_get_company_async (self->store, company_id, self->cancellable,
                                 company_loaded_cb, self);
}

/*
 * Callbacks
 */

static void
model_chosen_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 SihuaCompanyPage *self)
{
  SihuaModel *model = g_object_get_data (G_OBJECT (dialog), "model");

  if (g_strcmp0 (response, "start") == 0 && model != NULL)
    start_assessment (self, model, 0);
}

static void
model_toggled_cb (GtkCheckButton   *check,
                  AdwMessageDialog *dialog)
{
  if (gtk_check_button_get_active (check))
    g_object_set_data (G_OBJECT (dialog), "model",
                       g_object_get_data (G_OBJECT (check), "model"));
}

static void
new_assessment_clicked_cb (SihuaCompanyPage *self)
{
  sihua_company_page_new_assessment (self);
}

static void
reassess_clicked_cb (SihuaCompanyPage *self)
{
  g_autoptr(GError) error = NULL;
  const SihuaAssessment *latest;
  SihuaModel *model;

  if (self->assessments->len == 0)
    return;

  latest = g_ptr_array_index (self->assessments, 0);

  /* The newest version of the same model; the store carries the answers over. */
  model = lookup_model (self, latest->model_id, NULL);
  if (model == NULL)
    {
      model = sihua_store_load_assessment_model (self->store, latest->id, &error);
      if (model == NULL)
        {
          show_error (self, _("The assessment cannot be started"), error);
          return;
        }
      g_ptr_array_add (self->models, model);
    }

  start_assessment (self, model, latest->id);
}

/*
 * GObject overrides
 */

static void
sihua_company_page_dispose (GObject *object)
{
  SihuaCompanyPage *self = (SihuaCompanyPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_company, sihua_company_free);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->company, sihua_company_free);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);
  g_clear_pointer (&self->assessment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIHUA_TYPE_COMPANY_PAGE);

  G_OBJECT_CLASS (sihua_company_page_parent_class)->dispose (object);
}

static void
sihua_company_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SihuaCompanyPage *self = SIHUA_COMPANY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, sihua_company_page_get_company_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, sihua_company_page_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, sihua_company_page_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_company_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SihuaCompanyPage *self = SIHUA_COMPANY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      sihua_company_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_company_page_class_init (SihuaCompanyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_company_page_dispose;
  object_class->get_property = sihua_company_page_get_property;
  object_class->set_property = sihua_company_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SIHUA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihuaCompanyPage::assessment-activated:
   * @assessment_id: the assessment to show
   * @completed: whether it is completed (show its results first)
   */
  signals[ASSESSMENT_ACTIVATED] =
    g_signal_new ("assessment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  /**
   * SihuaCompanyPage::loaded:
   *
   * The company and its assessments are on screen (after opening or
   * reloading).
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SihuaCompanyPage::load-failed:
   * @message: why, one line fit to show as it is
   *
   * The company could not be read (it may be gone); the page says so.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sihua-company-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, repair_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, profile_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, assessments_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, reassess_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyPage, new_assessment_button);
  gtk_widget_class_bind_template_callback (widget_class, new_assessment_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reassess_clicked_cb);
}

static void
sihua_company_page_init (SihuaCompanyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: the bin owns its child, and
   * gtk_widget_dispose_template() would unparent it behind the bin's back. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_assessment_free);
  self->profile_rows = g_ptr_array_new ();
  self->assessment_rows = g_ptr_array_new ();
  self->models = g_ptr_array_new_with_free_func (g_object_unref);

  self->trend_view = sihua_chart_view_new (SIHUA_CHART_TREND);
  gtk_widget_set_size_request (self->trend_view, -1, 220);
  gtk_widget_add_css_class (self->trend_view, "card");
  adw_preferences_group_add (self->progress_group, self->trend_view);
}

/*
 * Public API
 */

/**
 * sihua_company_page_set_context:
 * @context: (nullable): the store, settings and models to work with
 *
 * The next sihua_company_page_set_company() reads the context's store, and
 * labels models from its catalogue.
 */
void
sihua_company_page_set_context (SihuaCompanyPage *self,
                                SihuaContext     *context)
{
  g_return_if_fail (SIHUA_IS_COMPANY_PAGE (self));
  g_return_if_fail (context == NULL || SIHUA_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * sihua_company_page_set_company:
 * @company_id: the company to show
 * @known: (nullable): the company as the caller knows it (a row of the
 *   list); its name and region are the title while the page loads
 *
 * Shows the company @company_id of the context's store. The page says it is
 * loading at once and fills in when the store's thread has read the company
 * and its assessments; then it emits "loaded", or "load-failed" (and shows
 * why). A load still on its way is dropped.
 */
void
sihua_company_page_set_company (SihuaCompanyPage   *self,
                                gint64              company_id,
                                const SihuaCompany *known)
{
  const char *name = known != NULL ? known->name : NULL;

  g_return_if_fail (SIHUA_IS_COMPANY_PAGE (self));
  g_return_if_fail (SIHUA_IS_CONTEXT (self->context));
  g_return_if_fail (sihua_context_get_store (self->context) != NULL);

  g_set_object (&self->store, sihua_context_get_store (self->context));
  g_set_object (&self->catalog, sihua_context_get_catalog (self->context));
  if (self->company_id != company_id)
    {
      self->company_id = company_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_ID]);
    }
  set_titles (self, name, known != NULL ? known->region : NULL);

  /* Nothing of the company shown before stays on screen (or in the
   * accessibility tree) while this one loads. */
  g_clear_pointer (&self->company, sihua_company_free);
  g_ptr_array_set_size (self->assessments, 0);
  clear_rows (self->profile_group, self->profile_rows);
  clear_rows (self->assessments_group, self->assessment_rows);

  adw_status_page_set_title (self->loading_page, name != NULL && *name ? name : _("Loading…"));
  show_loading (self);
  load (self, company_id);
}

const SihuaCompany *
sihua_company_page_get_company (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), NULL);

  return self->company;
}

/* The company shown or being loaded, 0 if none. */
gint64
sihua_company_page_get_company_id (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), 0);

  return self->company_id;
}

/**
 * sihua_company_page_get_title:
 *
 * Returns: the company's name, as far as it is known; "" before any
 */
const char *
sihua_company_page_get_title (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), NULL);

  return self->title != NULL ? self->title : "";
}

/**
 * sihua_company_page_get_subtitle:
 *
 * Returns: the company's region, or ""
 */
const char *
sihua_company_page_get_subtitle (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), NULL);

  return self->subtitle != NULL ? self->subtitle : "";
}

/**
 * sihua_company_page_get_loading:
 *
 * Returns: whether a load is on its way
 */
gboolean
sihua_company_page_get_loading (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * sihua_company_page_show_waiting:
 * @title: what the page waits for ("Repairing the database…")
 * @description: (nullable): a line on what is happening
 *
 * Shows the loading state with @title while the window works on the
 * database (a repair takes seconds on a large one); the next
 * sihua_company_page_reload() shows the company again.
 */
void
sihua_company_page_show_waiting (SihuaCompanyPage *self,
                                 const char       *title,
                                 const char       *description)
{
  g_return_if_fail (SIHUA_IS_COMPANY_PAGE (self));

  adw_status_page_set_title (self->loading_page, title);
  adw_status_page_set_description (self->loading_page, description);
  show_loading (self);
}

/**
 * sihua_company_page_reload:
 *
 * Reads the company and its assessments again, on the store's thread, and
 * shows them when they arrive; what is on screen stays meanwhile. A load
 * already on its way answers for this one too.
 */
void
sihua_company_page_reload (SihuaCompanyPage *self)
{
  g_return_if_fail (SIHUA_IS_COMPANY_PAGE (self));

  /* Also from the error page: the company may read well again (after
   * the database was repaired). */
  if (self->company_id == 0 || self->store == NULL || self->cancellable != NULL)
    return;

  load (self, self->company_id);
}

/* The newest assessment, 0 if none. */
gint64
sihua_company_page_get_latest_id (SihuaCompanyPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_PAGE (self), 0);

  if (self->assessments == NULL || self->assessments->len == 0)
    return 0;

  return ((SihuaAssessment *) g_ptr_array_index (self->assessments, 0))->id;
}

/**
 * sihua_company_page_new_assessment:
 *
 * Asks which model to assess with, then starts the assessment.
 */
void
sihua_company_page_new_assessment (SihuaCompanyPage *self)
{
  g_autoptr(GPtrArray) models = NULL;
  g_autofree char *body = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *dialog, *list;

  g_return_if_fail (SIHUA_IS_COMPANY_PAGE (self));

  if (self->company == NULL || self->catalog == NULL)
    return;

  models = sihua_model_catalog_list (self->catalog);
  body = g_strdup_printf (_("Choose the questionnaire to assess %s with."), self->company->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("New Assessment"), body);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; models != NULL && i < models->len; i++)
    {
      SihuaModel *model = g_ptr_array_index (models, i);
      g_autofree char *subtitle = NULL;
      guint n_questions = sihua_model_get_questions (model)->len;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      g_ptr_array_add (self->models, g_object_ref (model));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Version %s · %u question",
                                               "Version %s · %u questions", n_questions),
                                  sihua_model_get_version (model), n_questions);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sihua_gui_model_title (model));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sihua_gui_model_title (model), -1);
      g_object_set_data (G_OBJECT (check), "model", model);
      g_signal_connect (check, "toggled", G_CALLBACK (model_toggled_cb), dialog);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      /* The default model is chosen unless the consultant picks another. */
      if (i == 0 || g_strcmp0 (sihua_model_get_id (model), SIHUA_DEFAULT_MODEL_ID) == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start Assessment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (model_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
