/* sihua-company-dialog.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-company-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sihua-company-dialog.h"
#include "sihua-uscc.h"
#include "sihua-industry-picker.h"

/* More people than any SME employs: a typo, not a company. */
#define MAX_EMPLOYEES 10000000

struct _SihuaCompanyDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *form_error_group;
  GtkLabel            *form_error_label;
  AdwEntryRow         *name_row;
  GtkListBoxRow       *name_error_row;
  GtkLabel            *name_error_label;
  AdwEntryRow         *uscc_row;
  GtkListBoxRow       *uscc_error_row;
  GtkLabel            *uscc_error_label;
  AdwEntryRow         *industry_row;
  AdwComboRow         *size_row;
  AdwEntryRow         *employees_row;
  GtkListBoxRow       *employees_error_row;
  GtkLabel            *employees_error_label;
  AdwEntryRow         *region_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *notes_row;

  /* Owned references */
  SihuaStore          *store;
  SihuaCompany        *company;

  /* After a first Save, every field shows its problem as it is typed. */
  guint                tried_to_save : 1;
  guint                saving : 1;
};

G_DEFINE_FINAL_TYPE (SihuaCompanyDialog, sihua_company_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

/* Keep in step with the underlined letters in sihua-company-dialog.ui. */
static const struct {
  guint       key;
  const char *field;
} mnemonics[] = {
  { GDK_KEY_n, "name" },
  { GDK_KEY_u, "uscc" },
  { GDK_KEY_i, "industry" },
  { GDK_KEY_z, "size" },
  { GDK_KEY_e, "employees" },
  { GDK_KEY_r, "region" },
  { GDK_KEY_a, "address" },
  { GDK_KEY_o, "contact" },
  { GDK_KEY_t, "notes" },
};
static guint signals [N_SIGNALS];

/*
 * Auxiliary methods
 */

static char *
field_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
field_or_null (AdwEntryRow *row)
{
  char *text = field_text (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
set_field_error (AdwEntryRow   *row,
                 GtkListBoxRow *error_row,
                 GtkLabel      *error_label,
                 const char    *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_text (error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_row), invalid);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  /* A screen reader announces the field as invalid and reads why. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

/* Checks every field; shows the problems when @show is set or the field was
 * already flagged. Returns whether the form can be saved. */
static gboolean
validate (SihuaCompanyDialog *self,
          gboolean            show)
{
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *uscc = field_text (self->uscc_row);
  g_autofree char *employees = field_text (self->employees_row);
  const char *name_error = NULL;
  g_autofree char *uscc_error = NULL;
  const char *employees_error = NULL;

  if (*name == '\0')
    name_error = _("Enter the company’s name.");

  if (*uscc != '\0')
    {
      g_autofree char *normalized = sihua_uscc_normalize (uscc);
      g_autoptr(GError) error = NULL;

      /* While a code is still being typed it is too short, not wrong. */
      if (!sihua_uscc_validate (normalized, &error)
          && (show || self->tried_to_save
              || !g_error_matches (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_LENGTH)
              || strlen (normalized) > SIHUA_USCC_LENGTH))
        uscc_error = g_strdup (error->message);
    }

  if (*employees != '\0')
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (employees, &end, 10);

      if (end == NULL || *end != '\0' || n < 0 || n > MAX_EMPLOYEES)
        employees_error = _("Enter the number of employees as a whole number, or leave it empty.");
    }

  if (show || self->tried_to_save)
    set_field_error (self->name_row, self->name_error_row, self->name_error_label, name_error);
  else if (name_error == NULL)
    set_field_error (self->name_row, self->name_error_row, self->name_error_label, NULL);
  set_field_error (self->uscc_row, self->uscc_error_row, self->uscc_error_label, uscc_error);
  set_field_error (self->employees_row, self->employees_error_row, self->employees_error_label,
                   employees_error);

  return name_error == NULL && uscc_error == NULL && employees_error == NULL;
}

static void
focus_first_error (SihuaCompanyDialog *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->uscc_row, self->employees_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (rows[i]), "error"))
      {
        gtk_widget_grab_focus (GTK_WIDGET (rows[i]));
        return;
      }
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill (SihuaCompanyDialog *self)
{
  const SihuaCompany *c = self->company;
  g_autofree char *employees = NULL;

  set_entry (self->name_row, c->name);
  set_entry (self->uscc_row, c->uscc);
  sihua_industry_picker_show (self->industry_row, c->industry, sihua_language_from_locale ());
  adw_combo_row_set_selected (self->size_row, c->size);
  if (c->employees >= 0)
    employees = g_strdup_printf ("%d", c->employees);
  set_entry (self->employees_row, employees);
  set_entry (self->region_row, c->region);
  set_entry (self->address_row, c->address);
  set_entry (self->contact_row, c->contact);
  set_entry (self->notes_row, c->notes);
}

/* The store answers on its worker thread; the form stays as it was until
 * then, and a refusal is shown under it. */
static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SihuaCompanyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = self->company != NULL ? self->company->id : 0;
  gboolean ok;

  self->saving = FALSE;
  if (id > 0)
    ok = sihua_store_update_company_finish (SIHUA_STORE (source), result, &error);
  else
    ok = (id = sihua_store_add_company_finish (SIHUA_STORE (source), result, &error)) > 0;

  if (!ok)
    {
      /* The store refuses with a message fit to show; nothing was changed. */
      gtk_label_set_text (self->form_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error_group), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save (SihuaCompanyDialog *self)
{
  g_autoptr(SihuaCompany) company = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *employees = NULL;

  if (self->saving)
    return;

  self->tried_to_save = TRUE;
  if (!validate (self, TRUE))
    {
      focus_first_error (self);
      return;
    }

  company = sihua_company_copy (self->company);
  g_free (company->name);
  company->name = field_text (self->name_row);
  uscc = field_or_null (self->uscc_row);
  g_free (company->uscc);
  company->uscc = uscc != NULL ? sihua_uscc_normalize (uscc) : NULL;
  g_free (company->industry);
  company->industry = sihua_industry_picker_to_stored (gtk_editable_get_text (GTK_EDITABLE (self->industry_row)),
                                                      sihua_language_from_locale ());
  company->size = adw_combo_row_get_selected (self->size_row);
  employees = field_or_null (self->employees_row);
  company->employees = employees != NULL ? (int) g_ascii_strtoll (employees, NULL, 10) : -1;
  g_free (company->region);
  company->region = field_or_null (self->region_row);
  g_free (company->address);
  company->address = field_or_null (self->address_row);
  g_free (company->contact);
  company->contact = field_or_null (self->contact_row);
  g_free (company->notes);
  company->notes = field_or_null (self->notes_row);

  self->saving = TRUE;
  if (company->id > 0)
    sihua_store_update_company_async (self->store, company, NULL, saved_cb, g_object_ref (self));
  else
    sihua_store_add_company_async (self->store, company, NULL, saved_cb, g_object_ref (self));
}

/*
 * Callbacks
 */

static void
field_changed_cb (SihuaCompanyDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_group), FALSE);
  validate (self, FALSE);
}

static void
save_cb (SihuaCompanyDialog *self)
{
  save (self);
}

static void
focus_field_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *field = g_variant_get_string (parameter, NULL);
  g_autofree char *child = g_strdup_printf ("%s_row", field);
  GtkWidget *row;

  /* Template children are reachable by name through the class. */
  row = GTK_WIDGET (gtk_widget_get_template_child (widget, SIHUA_TYPE_COMPANY_DIALOG, child));
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (SIHUA_COMPANY_DIALOG (widget));
}

/*
 * GObject overrides
 */

static void
sihua_company_dialog_dispose (GObject *object)
{
  SihuaCompanyDialog *self = (SihuaCompanyDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->company, sihua_company_free);

  G_OBJECT_CLASS (sihua_company_dialog_parent_class)->dispose (object);
}

static void
sihua_company_dialog_class_init (SihuaCompanyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_company_dialog_dispose;

  /**
   * SihuaCompanyDialog::saved:
   * @company_id: the stored company
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "company.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "company.focus-field", "s", focus_field_action);

  /* The underlined letters of the row titles move to their fields. */
  for (guint i = 0; i < G_N_ELEMENTS (mnemonics); i++)
    gtk_widget_class_add_binding_action (widget_class, mnemonics[i].key, GDK_ALT_MASK,
                                         "company.focus-field", "s", mnemonics[i].field);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sihua-company-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, form_error_group);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, uscc_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, uscc_error_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, uscc_error_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, industry_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, employees_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, employees_error_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, employees_error_label);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaCompanyDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
sihua_company_dialog_init (SihuaCompanyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sihua_industry_picker_attach (self->industry_row, sihua_language_from_locale ());
}

/*
 * Public API
 */

/**
 * sihua_company_dialog_new:
 * @parent: the window the form belongs to
 * @store: where the company is saved
 * @company: (nullable): the company to edit, %NULL for a new one
 */
SihuaCompanyDialog *
sihua_company_dialog_new (GtkWindow          *parent,
                          SihuaStore         *store,
                          const SihuaCompany *company)
{
  SihuaCompanyDialog *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  self = g_object_new (SIHUA_TYPE_COMPANY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (company != NULL)
    {
      self->company = sihua_company_copy (company);
      adw_window_title_set_title (self->window_title, _("Edit Company"));
      adw_window_title_set_subtitle (self->window_title, company->name);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Company"));
      fill (self);
    }
  else
    {
      self->company = sihua_company_new ("");
      self->company->employees = -1;
      adw_window_title_set_title (self->window_title, _("New Company"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Company"));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/**
 * sihua_company_dialog_show_industries:
 *
 * Opens the list of industries beside the industry field (for screenshots).
 *
 * Returns: (transfer none): the popover that shows it
 */
GtkWidget *
sihua_company_dialog_show_industries (SihuaCompanyDialog *self)
{
  g_return_val_if_fail (SIHUA_IS_COMPANY_DIALOG (self), NULL);

  return sihua_industry_picker_popup (self->industry_row);
}
