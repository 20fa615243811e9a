/* sihua-companies-page.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-companies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-companies-page.h"
#include "sihua-company-item.h"
#include "sihua-company-list.h"
#include "sihua-gui-utils.h"
#include "sihua-industry.h"

struct _SihuaCompaniesPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *list_stack;
  GtkListView    *list_view;
  AdwStatusPage  *error_page;

  /* Owned references */
  SihuaStore     *store;
  SihuaModel     *levels_model;
  SihuaCompanyList *companies;
  GCancellable   *cancellable;

  gint64          query_started;
  guint           limit;

  guint           empty : 1;
  guint           loaded_once : 1;
};

G_DEFINE_FINAL_TYPE (SihuaCompaniesPage, sihua_companies_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_EMPTY, N_PROPS };
static GParamSpec *properties [N_PROPS];

enum { COMPANY_ACTIVATED, LOADED, N_SIGNALS };
static guint signals [N_SIGNALS];

/*
 * Auxiliary methods
 */

static void
set_empty (SihuaCompaniesPage *self,
           gboolean            empty)
{
  empty = !!empty;
  if (self->empty == empty && self->loaded_once)
    return;

  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SihuaCompaniesPage) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 applied_at, done_at;
  guint n_found;
  const char *query;

  found = sihua_store_search_companies_finish (SIHUA_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (found == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  /* The list makes row items only for the rows on screen, so even 10 000
   * companies swap in with one cheap items-changed. */
  applied_at = g_get_monotonic_time ();
  n_found = found->len;
  sihua_company_list_replace (self->companies, g_steal_pointer (&found));

  query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (query == NULL || *query == '\0')
    set_empty (self, n_found == 0);
  self->loaded_once = TRUE;

  gtk_stack_set_visible_child_name (self->list_stack, n_found > 0 ? "list" : "no-results");
  g_signal_emit (self, signals[LOADED], 0);

  /* What the search costs: the query off the main loop, then the list. */
  done_at = g_get_monotonic_time ();
  g_debug ("search: %u companies, query %.1f ms, list update on the main loop %.1f ms",
           n_found, (applied_at - self->query_started) / 1000.0,
           (done_at - applied_at) / 1000.0);
}

/* Rows fetched at a time: a list view update costs the main loop in
 * proportion to the rows that change, so more come as the consultant
 * scrolls down rather than all at once. */
#define PAGE_SIZE 150

static void
run_query (SihuaCompaniesPage *self)
{
  g_autofree char *query = NULL;

  /* A newer query makes the one still running stale: drop its answer. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    return;

  query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  self->cancellable = g_cancellable_new ();
  self->query_started = g_get_monotonic_time ();
  sihua_store_search_companies_async (self->store, query, self->limit, self->cancellable,
                                      search_done_cb, g_object_ref (self));
}

/*
 * Row factory
 */

typedef struct
{
  GtkLabel *name;
  GtkLabel *detail;
  GtkLabel *badge;
  GtkLabel *date;
} RowWidgets;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->name = GTK_LABEL (gtk_label_new (NULL));
  row->detail = GTK_LABEL (gtk_label_new (NULL));
  row->badge = GTK_LABEL (gtk_label_new (NULL));
  row->date = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->name), "heading");
  gtk_label_set_xalign (row->detail, 0);
  gtk_label_set_ellipsize (row->detail, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->detail), "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->detail));

  gtk_widget_set_valign (GTK_WIDGET (row->badge), GTK_ALIGN_CENTER);
  gtk_label_set_xalign (row->date, 1);
  gtk_label_set_width_chars (row->date, 10);
  gtk_widget_set_valign (GTK_WIDGET (row->date), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->date), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->date), "numeric");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->badge));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->date));

  g_object_set_data_full (G_OBJECT (list_item), "row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  SihuaCompaniesPage *self = user_data;
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");
  SihuaCompanyItem *item = gtk_list_item_get_item (list_item);
  const SihuaCompany *company = sihua_company_item_get_company (item);
  g_autoptr(GString) detail = g_string_new (NULL);

  gtk_label_set_text (row->name, company->name);

  if (company->region != NULL && *company->region)
    g_string_append (detail, company->region);
  if (company->industry != NULL && *company->industry)
    {
      g_autofree char *industry = sihua_industry_describe (company->industry, sihua_language_from_locale ());

      if (detail->len > 0)
        g_string_append (detail, " · ");
      g_string_append (detail, industry);
    }
  if (detail->len == 0)
    g_string_append (detail, _("No region or industry given"));
  gtk_label_set_text (row->detail, detail->str);

  sihua_gui_set_stage_badge (row->badge, self->levels_model,
                             company->n_assessments > 0 ? company->latest_stage : -1);
  if (company->n_assessments > 0 && company->latest_stage < 0)
    gtk_label_set_text (row->badge, _("In progress"));

  gtk_label_set_text (row->date, company->last_assessment_date != NULL
                                 ? company->last_assessment_date : "");
  gtk_widget_set_visible (GTK_WIDGET (row->date), company->last_assessment_date != NULL);

  /* A screen reader announces the row as one item, with what it shows. */
  {
    g_autofree char *label = g_strdup_printf ("%s, %s, %s%s%s", company->name, detail->str,
                                              gtk_label_get_text (row->badge),
                                              company->last_assessment_date != NULL ? ", " : "",
                                              company->last_assessment_date != NULL
                                                ? company->last_assessment_date : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  }
}

/*
 * Callbacks
 */

static void
search_changed_cb (SihuaCompaniesPage *self)
{
  self->limit = PAGE_SIZE;
  run_query (self);
}

static void
edge_reached_cb (SihuaCompaniesPage *self,
                 GtkPositionType     position)
{
  /* A full page means there may be more: fetch the next one. */
  if (position == GTK_POS_BOTTOM
      && g_list_model_get_n_items (G_LIST_MODEL (self->companies)) >= self->limit)
    {
      self->limit += PAGE_SIZE;
      run_query (self);
    }
}

static void
list_activate_cb (SihuaCompaniesPage *self,
                  guint               position)
{
  g_autoptr(SihuaCompanyItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->companies), position);
  if (item != NULL)
    g_signal_emit (self, signals[COMPANY_ACTIVATED], 0,
                   sihua_company_item_get_company (item)->id);
}

static void
search_activate_cb (SihuaCompaniesPage *self)
{
  /* Enter in the search field opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->companies)) > 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0)
    list_activate_cb (self, 0);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       SihuaCompaniesPage    *self)
{
  /* Down from the search field goes on into the results. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);

  return FALSE;
}

static void
search_stop_cb (SihuaCompaniesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/*
 * GObject overrides
 */

static void
sihua_companies_page_dispose (GObject *object)
{
  SihuaCompaniesPage *self = (SihuaCompaniesPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->levels_model);
  g_clear_object (&self->companies);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIHUA_TYPE_COMPANIES_PAGE);

  G_OBJECT_CLASS (sihua_companies_page_parent_class)->dispose (object);
}

static void
sihua_companies_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SihuaCompaniesPage *self = SIHUA_COMPANIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, sihua_companies_page_get_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_companies_page_class_init (SihuaCompaniesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_companies_page_dispose;
  object_class->get_property = sihua_companies_page_get_property;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihuaCompaniesPage::company-activated:
   * @company_id: the company the consultant opened
   */
  signals[COMPANY_ACTIVATED] =
    g_signal_new ("company-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * SihuaCompaniesPage::loaded:
   *
   * A query finished and its result is on screen.
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sihua-companies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaCompaniesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompaniesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompaniesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompaniesPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
}

static void
sihua_companies_page_init (SihuaCompaniesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  self->companies = sihua_company_list_new ();
  self->limit = PAGE_SIZE;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->companies)))));
}

/*
 * Public API
 */

/**
 * sihua_companies_page_set_store:
 * @store: (nullable): the store to list
 * @levels_model: (nullable): the model whose level names label the stages
 */
void
sihua_companies_page_set_store (SihuaCompaniesPage *self,
                                SihuaStore         *store,
                                SihuaModel         *levels_model)
{
  g_return_if_fail (SIHUA_IS_COMPANIES_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->levels_model, levels_model);
  self->loaded_once = FALSE;
  run_query (self);
}

/* Runs the current query again, after a company was added or changed. */
void
sihua_companies_page_reload (SihuaCompaniesPage *self)
{
  g_return_if_fail (SIHUA_IS_COMPANIES_PAGE (self));

  run_query (self);
}

gboolean
sihua_companies_page_get_empty (SihuaCompaniesPage *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANIES_PAGE (self), FALSE);

  return self->empty;
}

void
sihua_companies_page_focus_search (SihuaCompaniesPage *self)
{
  g_return_if_fail (SIHUA_IS_COMPANIES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The company at the top of the list, 0 if none (screenshots, tests). */
gint64
sihua_companies_page_get_first_id (SihuaCompaniesPage *self)
{
  g_autoptr(SihuaCompanyItem) item = NULL;

  g_return_val_if_fail (SIHUA_IS_COMPANIES_PAGE (self), 0);

  item = g_list_model_get_item (G_LIST_MODEL (self->companies), 0);

  return item != NULL ? sihua_company_item_get_company (item)->id : 0;
}

/**
 * sihua_companies_page_lookup:
 * @company_id: a company
 *
 * Returns: (transfer none) (nullable): the company as the list shows it, if
 *   it is among the rows loaded, so its page can show the name at once
 */
const SihuaCompany *
sihua_companies_page_lookup (SihuaCompaniesPage *self,
                             gint64              company_id)
{
  guint n;

  g_return_val_if_fail (SIHUA_IS_COMPANIES_PAGE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->companies));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SihuaCompanyItem) item = g_list_model_get_item (G_LIST_MODEL (self->companies), i);
      const SihuaCompany *company = sihua_company_item_get_company (item);

      /* The list keeps the item, so the company outlives this reference. */
      if (company->id == company_id)
        return company;
    }

  return NULL;
}
