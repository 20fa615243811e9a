/* sihua-evidence-strip.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-evidence"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sihua-evidence-strip.h"

/* Thumbnails are this many pixels wide; a phone photo is shrunk as it is
 * read, so a card with many photos stays light. */
#define THUMBNAIL_WIDTH  112
#define THUMBNAIL_HEIGHT 84

struct _SihuaEvidenceStrip
{
  GtkBox          parent_instance;

  SihuaStore     *store;
  gint64          assessment_id;
  char           *question_id;

  GtkFlowBox     *flow_box;
  GtkLabel       *message_label;
  GtkWidget      *add_button;
  GtkWidget      *paste_button;
  GPtrArray      *evidence;      /* SihuaEvidence*, as shown */
  GtkFileChooserNative *chooser;
  gboolean        writable;      /* a writable store and an assessment not finalised */
};

G_DEFINE_FINAL_TYPE (SihuaEvidenceStrip, sihua_evidence_strip, GTK_TYPE_BOX)

static void
show_message (SihuaEvidenceStrip *self,
              const char         *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* A finalised assessment's files can still be opened, but not added to or
 * deleted: the store would refuse it, so the strip does not offer it. */
static void
update_writable (SihuaEvidenceStrip *self)
{
  g_autoptr(SihuaAssessment) assessment = NULL;

  assessment = sihua_store_get_assessment (self->store, self->assessment_id, NULL);
  self->writable = !sihua_store_is_read_only (self->store) &&
                   assessment != NULL && assessment->finalized_at == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add", self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.paste", self->writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-uri", self->writable);
  gtk_widget_set_visible (self->add_button, self->writable);
  gtk_widget_set_visible (self->paste_button, self->writable);
}

static GdkPaintable *
thumbnail_for (SihuaEvidenceStrip  *self,
               const SihuaEvidence *evidence)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (!sihua_evidence_is_image (evidence))
    return NULL;
  data = sihua_store_get_evidence_data (self->store, evidence->sha256, NULL);
  if (data == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (data);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, TRUE,
                                                NULL, NULL);
  if (pixbuf == NULL)
    return NULL;

  return GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf));
}

static void
delete_clicked_cb (GtkButton          *button,
                   SihuaEvidenceStrip *self);

static GtkWidget *
make_tile (SihuaEvidenceStrip  *self,
           const SihuaEvidence *evidence,
           guint                index)
{
  g_autoptr(GdkPaintable) thumbnail = thumbnail_for (self, evidence);
  g_autofree char *size = g_format_size (evidence->size);
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s, %s", evidence->file_name,
                                              evidence->media_type, size);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), evidence->file_name);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture;
  GtkWidget *name;
  GtkWidget *delete_button;

  if (thumbnail != NULL)
    {
      picture = gtk_picture_new_for_paintable (thumbnail);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
    }
  else
    {
      picture = gtk_image_new_from_icon_name (g_str_equal (evidence->media_type, "application/pdf")
                                              ? "x-office-document-symbolic"
                                              : "text-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (picture), 48);
    }
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_widget_add_css_class (picture, "evidence-thumbnail");
  gtk_box_append (GTK_BOX (box), picture);

  name = gtk_label_new (evidence->file_name);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
  gtk_widget_add_css_class (name, "caption");
  gtk_box_append (GTK_BOX (box), name);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), box);
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_halign (delete_button, GTK_ALIGN_END);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (delete_button, "circular");
  gtk_widget_add_css_class (delete_button, "osd");
  gtk_widget_set_tooltip_text (delete_button, _("Delete this evidence file"));
  /* Named by its file, so a screen reader tells the tiles' buttons apart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data (G_OBJECT (delete_button), "sihua-evidence-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), delete_button);
  gtk_widget_set_visible (delete_button, self->writable);

  gtk_widget_set_tooltip_text (overlay, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (overlay),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, evidence->file_name, -1);

  return overlay;
}

void
sihua_evidence_strip_reload (SihuaEvidenceStrip *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SIHUA_IS_EVIDENCE_STRIP (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  update_writable (self);

  self->evidence = sihua_store_list_evidence (self->store, self->assessment_id, self->question_id, &error);
  if (self->evidence == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < self->evidence->len; i++)
    gtk_flow_box_append (self->flow_box, make_tile (self, g_ptr_array_index (self->evidence, i), i));
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), self->evidence->len > 0);
}

static void
add_file (SihuaEvidenceStrip *self,
          GFile              *file)
{
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = sihua_store_add_evidence_file (self->store, self->assessment_id, self->question_id,
                                            file, NULL, &error);
  show_message (self, evidence == NULL ? error->message : NULL);
}

static void
add_files (SihuaEvidenceStrip *self,
           GSList             *files)
{
  for (GSList *l = files; l != NULL; l = l->next)
    add_file (self, l->data);
  sihua_evidence_strip_reload (self);
}

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         SihuaEvidenceStrip *self)
{
  if (!self->writable)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    add_files (self, g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      GSList one = { g_value_get_object (value), NULL };

      add_files (self, &one);
    }
  else
    return FALSE;

  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     SihuaEvidenceStrip *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_clear_object (&self->chooser);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SihuaEvidenceStrip *self = SIHUA_EVIDENCE_STRIP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Evidence Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures and documents"));
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_uri_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GSList one = { file, NULL };

  if (SIHUA_EVIDENCE_STRIP (widget)->writable)
    add_files (SIHUA_EVIDENCE_STRIP (widget), &one);
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SihuaEvidenceStrip) self = user_data;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H%M%S");

  if (texture == NULL)
    {
      show_message (self, _("The clipboard holds no picture or file to add"));
      return;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  /* Translators: the name a pasted picture is stored under; %s is the time */
  name = g_strdup_printf (_("Pasted %s.png"), when);
  evidence = sihua_store_add_evidence (self->store, self->assessment_id, self->question_id, name,
                                       "image/png", png, &error);
  show_message (self, evidence == NULL ? error->message : NULL);
  sihua_evidence_strip_reload (self);
}

static void
files_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SihuaEvidenceStrip) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, NULL);

  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    add_files (self, g_value_get_boxed (value));
}

static void
paste_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    files_read_cb, g_object_ref (widget));
  else
    gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, g_object_ref (widget));
}

/* The desktop's viewer opens a copy in the cache: the file in the database
 * is never handed to another program to change. */
static void
open_evidence (SihuaEvidenceStrip  *self,
               const SihuaEvidence *evidence)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sihua", "evidence",
                                           evidence->sha256, NULL);
  g_autofree char *path = g_build_filename (dir, evidence->file_name, NULL);
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  data = sihua_store_get_evidence_data (self->store, evidence->sha256, &error);
  if (data == NULL ||
      g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error))
    {
      show_message (self, error != NULL ? error->message : _("Cannot make a copy to open"));
      return;
    }
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
child_activated_cb (GtkFlowBox         *flow_box,
                    GtkFlowBoxChild    *child,
                    SihuaEvidenceStrip *self)
{
  int index = gtk_flow_box_child_get_index (child);

  if (self->evidence != NULL && index >= 0 && (guint) index < self->evidence->len)
    open_evidence (self, g_ptr_array_index (self->evidence, index));
}

/* The toast names one file, so its Undo puts back that file, even when
 * another was deleted after it. */
static void
undo_clicked_cb (AdwToast           *toast,
                 SihuaEvidenceStrip *self)
{
  gint64 evidence_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "sihua-evidence-id"));
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = sihua_store_restore_evidence (self->store, self->assessment_id, evidence_id, &error);
  show_message (self, evidence == NULL ? error->message : NULL);
  sihua_evidence_strip_reload (self);
}

static void
delete_clicked_cb (GtkButton          *button,
                   SihuaEvidenceStrip *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sihua-evidence-index"));
  g_autoptr(SihuaEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (self->evidence == NULL || index >= self->evidence->len)
    return;
  evidence = sihua_evidence_copy (g_ptr_array_index (self->evidence, index));
  if (!sihua_store_delete_evidence (self->store, evidence->id, &error))
    {
      show_message (self, error->message);
      return;
    }
  sihua_evidence_strip_reload (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  /* A toast's title is markup in libadwaita 1.2: a file name is not. */
  escaped = g_markup_escape_text (evidence->file_name, -1);
  title = g_strdup_printf (_("Deleted “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "sihua-evidence-id", GSIZE_TO_POINTER (evidence->id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
sihua_evidence_strip_dispose (GObject *object)
{
  SihuaEvidenceStrip *self = SIHUA_EVIDENCE_STRIP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (sihua_evidence_strip_parent_class)->dispose (object);
}

static void
sihua_evidence_strip_finalize (GObject *object)
{
  SihuaEvidenceStrip *self = SIHUA_EVIDENCE_STRIP (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_free (self->question_id);

  G_OBJECT_CLASS (sihua_evidence_strip_parent_class)->finalize (object);
}

static void
sihua_evidence_strip_class_init (SihuaEvidenceStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sihua_evidence_strip_dispose;
  object_class->finalize = sihua_evidence_strip_finalize;

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.paste", NULL, paste_action_cb);
  gtk_widget_class_install_action (widget_class, "evidence.add-uri", "s", add_uri_action_cb);
}

static void
sihua_evidence_strip_init (SihuaEvidenceStrip *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Evidence files"));
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "evidence-strip");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (buttons), title);

  self->add_button = gtk_button_new_with_mnemonic (_("Add _File…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "evidence.add");
  gtk_widget_set_tooltip_text (self->add_button, _("Add photos, screenshots or scanned forms; you can also drop files here"));
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_box_append (GTK_BOX (buttons), self->add_button);

  self->paste_button = gtk_button_new_with_mnemonic (_("_Paste"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->paste_button), "evidence.paste");
  gtk_widget_set_tooltip_text (self->paste_button, _("Add the picture or files on the clipboard"));
  gtk_widget_add_css_class (self->paste_button, "flat");
  gtk_box_append (GTK_BOX (buttons), self->paste_button);
  gtk_box_append (GTK_BOX (self), buttons);

  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (self->flow_box, TRUE);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 8);
  gtk_flow_box_set_column_spacing (self->flow_box, 6);
  gtk_flow_box_set_row_spacing (self->flow_box, 6);
  gtk_widget_set_visible (GTK_WIDGET (self->flow_box), FALSE);
  g_signal_connect_object (self->flow_box, "child-activated", G_CALLBACK (child_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->flow_box));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->message_label));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * sihua_evidence_strip_new:
 * @store: the store the evidence lives in
 * @assessment_id: the assessment
 * @question_id: the question whose answer the files back
 *
 * Returns: (transfer floating): a new strip, showing what the store holds
 */
GtkWidget *
sihua_evidence_strip_new (SihuaStore *store,
                          gint64      assessment_id,
                          const char *question_id)
{
  SihuaEvidenceStrip *self;

  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  self = g_object_new (SIHUA_TYPE_EVIDENCE_STRIP, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = assessment_id;
  self->question_id = g_strdup (question_id);

  sihua_evidence_strip_reload (self);

  return GTK_WIDGET (self);
}

/**
 * sihua_evidence_strip_get_n_files:
 * @self: a strip
 *
 * Returns: how many evidence files it shows
 */
guint
sihua_evidence_strip_get_n_files (SihuaEvidenceStrip *self)
{
  g_return_val_if_fail (SIHUA_IS_EVIDENCE_STRIP (self), 0);

  return self->evidence != NULL ? self->evidence->len : 0;
}
