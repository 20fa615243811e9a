/* sihua-preferences-window.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-preferences-window.h"

struct _SihuaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *consultant_row;
  AdwEntryRow          *firm_row;
  AdwEntryRow          *report_number_row;
  AdwActionRow         *logo_row;
  GtkWidget            *logo_clear_button;
  AdwComboRow          *language_row;
  AdwActionRow         *folder_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (SihuaPreferencesWindow, sihua_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/*
 * Auxiliary methods
 */

static void
update_file_rows (SihuaPreferencesWindow *self)
{
  g_autofree char *logo = g_settings_get_string (self->settings, "logo-path");
  g_autofree char *folder = g_settings_get_string (self->settings, "default-folder");
  g_autofree char *logo_name = *logo ? g_filename_display_basename (logo) : NULL;
  g_autofree char *folder_name = *folder ? g_filename_display_name (folder) : NULL;

  adw_action_row_set_subtitle (self->logo_row, logo_name != NULL ? logo_name : _("None"));
  gtk_widget_set_visible (self->logo_clear_button, *logo != '\0');
  adw_action_row_set_subtitle (self->folder_row,
                               folder_name != NULL ? folder_name : _("The Documents folder"));
}

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, g_strcmp0 (g_variant_get_string (variant, NULL), "en") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "en" : "zh_CN");
}

/*
 * Callbacks
 */

static void
file_chosen_cb (GtkNativeDialog        *chooser,
                int                     response,
                SihuaPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (chooser), "key");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, key, path);
    }

  g_object_unref (chooser);
}

static void
choose (SihuaPreferencesWindow *self,
        const char             *title,
        GtkFileChooserAction    action,
        const char             *key)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         _("_Select"), _("_Cancel"));
  g_object_set_data (G_OBJECT (chooser), "key", (gpointer) key);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("PNG and JPEG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
logo_choose_clicked_cb (SihuaPreferencesWindow *self)
{
  choose (self, _("Choose a Logo"), GTK_FILE_CHOOSER_ACTION_OPEN, "logo-path");
}

static void
logo_clear_clicked_cb (SihuaPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "logo-path", "");
}

static void
folder_choose_clicked_cb (SihuaPreferencesWindow *self)
{
  choose (self, _("Choose the Folder for Reports"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          "default-folder");
}

/*
 * GObject overrides
 */

static void
sihua_preferences_window_dispose (GObject *object)
{
  SihuaPreferencesWindow *self = (SihuaPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sihua_preferences_window_parent_class)->dispose (object);
}

static void
sihua_preferences_window_class_init (SihuaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sihua-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, consultant_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, firm_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, report_number_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, SihuaPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_callback (widget_class, logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, logo_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_choose_clicked_cb);
}

static void
sihua_preferences_window_init (SihuaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/*
 * Public API
 */

SihuaPreferencesWindow *
sihua_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  SihuaPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SIHUA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  /* Every change is kept at once, like everything else in Sihua. */
  g_settings_bind (settings, "consultant-name", self->consultant_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "firm-name", self->firm_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "report-number-prefix", self->report_number_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "report-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);
  g_signal_connect_object (settings, "changed::logo-path",
                           G_CALLBACK (update_file_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::default-folder",
                           G_CALLBACK (update_file_rows), self, G_CONNECT_SWAPPED);
  update_file_rows (self);

  return self;
}
