/* sihua-industry-picker.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-industry-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-industry-picker.h"

typedef struct
{
  AdwEntryRow    *row;
  GtkMenuButton  *button;
  GtkSearchEntry *search;
  GtkListBox     *list;
  SihuaLanguage   language;
} Picker;

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  Picker *picker = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (picker->search));
  const char *label = g_object_get_data (G_OBJECT (row), "label");
  g_autofree char *folded_query = NULL;
  g_autofree char *folded_label = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;

  /* "c34", "通用设备", "machinery": by code or by name, in any case. */
  folded_query = g_utf8_casefold (query, -1);
  folded_label = g_utf8_casefold (label, -1);

  return strstr (folded_label, g_strstrip (folded_query)) != NULL;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Picker         *picker)
{
  gtk_list_box_invalidate_filter (picker->list);
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  Picker        *picker)
{
  gtk_editable_set_text (GTK_EDITABLE (picker->row), g_object_get_data (G_OBJECT (row), "label"));
  gtk_menu_button_popdown (picker->button);
  gtk_widget_grab_focus (GTK_WIDGET (picker->row));
}

/* Enter in the search takes the first industry still listed. */
static void
search_activated_cb (GtkSearchEntry *entry,
                     Picker         *picker)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (picker->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      {
        row_activated_cb (picker->list, GTK_LIST_BOX_ROW (child), picker);
        return;
      }
}

static void
popover_shown_cb (GtkPopover *popover,
                  Picker     *picker)
{
  gtk_editable_set_text (GTK_EDITABLE (picker->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (picker->search));
}

/**
 * sihua_industry_picker_attach:
 * @row: the form's industry row
 * @language: the language of the industry names
 *
 * Adds the button that lists the industries to @row.
 */
void
sihua_industry_picker_attach (AdwEntryRow   *row,
                              SihuaLanguage  language)
{
  Picker *picker = g_new0 (Picker, 1);
  GtkWidget *popover, *box, *scroller;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  picker->row = row;
  picker->language = language;
  picker->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (picker->button, "view-list-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (picker->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (picker->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (picker->button), _("Choose from the GB/T 4754 industries"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from the GB/T 4754 industries"), -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (picker->search, "placeholder-text", _("Code or name, such as C34 or machinery"), NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));

  picker->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (picker->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (picker->list, TRUE);
  for (guint i = 0; i < sihua_industry_get_n_items (); i++)
    {
      const SihuaIndustry *industry = sihua_industry_get_item (i);
      g_autofree char *label = g_strdup_printf ("%s %s", industry->code,
                                                sihua_text_get (&industry->name, language, NULL));
      GtkWidget *text = gtk_label_new (label);
      GtkWidget *item = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
      /* Sections stand out from the divisions under them. */
      if (strlen (industry->code) == 1)
        gtk_widget_add_css_class (text, "heading");
      else
        gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_top (text, 4);
      gtk_widget_set_margin_bottom (text, 4);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), text);
      g_object_set_data_full (G_OBJECT (item), "label", g_steal_pointer (&label), g_free);
      gtk_list_box_append (picker->list, item);
    }
  gtk_list_box_set_filter_func (picker->list, row_matches, picker, NULL);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (picker->list));
  gtk_box_append (GTK_BOX (box), scroller);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (picker->button, popover);

  g_signal_connect (picker->search, "search-changed", G_CALLBACK (search_changed_cb), picker);
  g_signal_connect (picker->search, "activate", G_CALLBACK (search_activated_cb), picker);
  g_signal_connect (picker->list, "row-activated", G_CALLBACK (row_activated_cb), picker);
  g_signal_connect (popover, "show", G_CALLBACK (popover_shown_cb), picker);
  /* The picker lives as long as its button. */
  g_object_set_data_full (G_OBJECT (picker->button), "sihua-industry-picker", picker, g_free);

  adw_entry_row_add_suffix (row, GTK_WIDGET (picker->button));
  g_object_set_data (G_OBJECT (row), "sihua-industry-button", picker->button);
}

/**
 * sihua_industry_picker_popup:
 * @row: a row sihua_industry_picker_attach() was given
 *
 * Opens the list of industries.
 *
 * Returns: (transfer none): the popover that shows it
 */
GtkWidget *
sihua_industry_picker_popup (AdwEntryRow *row)
{
  GtkMenuButton *button = g_object_get_data (G_OBJECT (row), "sihua-industry-button");

  g_return_val_if_fail (button != NULL, NULL);

  gtk_menu_button_popup (button);

  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

/**
 * sihua_industry_picker_show:
 * @stored: (nullable): the company's industry as stored
 *
 * Puts @stored in @row: a code with its name, an older free text as it is.
 */
void
sihua_industry_picker_show (AdwEntryRow   *row,
                            const char    *stored,
                            SihuaLanguage  language)
{
  g_autofree char *shown = sihua_industry_describe (stored, language);

  gtk_editable_set_text (GTK_EDITABLE (row), shown != NULL ? shown : "");
}

/**
 * sihua_industry_picker_to_stored:
 * @text: what the field holds
 *
 * Returns: (transfer full) (nullable): what the company stores, see
 *   sihua_industry_from_text().
 */
char *
sihua_industry_picker_to_stored (const char    *text,
                                 SihuaLanguage  language)
{
  return sihua_industry_from_text (text, language);
}
