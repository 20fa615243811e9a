/* sihua-answer-sheet.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-answer-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-answer-sheet.h"

/**
 * SihuaAnswerSheet:
 *
 * The answers of one assessment on their way to the store: the product's
 * promise "never loses an answer", kept in one place for the window and the
 * command line alike.
 *
 * - Each answer given is shown at once (sihua_answer_sheet_lookup()) and
 *   written through the store's worker, one write at a time and in the
 *   order given, so the last answer given is the last one committed. A
 *   write still waiting for its turn takes a newer value of the same
 *   question: the intermediate ones need never reach the disk.
 * - The sheet keeps the answers as the store last confirmed them
 *   (sihua_answer_sheet_lookup_saved()); when a write fails, the shown
 *   answer goes back to that one, and #SihuaAnswerSheet::write-failed says
 *   why.
 * - Undo takes back the newest change in the store's answer history (the
 *   store deletes that history row); it waits for the writes before it, so
 *   it is always the change just made. Redo gives an undone change again as
 *   a new change, with its own history row, so it can be undone in turn.
 *   What can be redone lives in the sheet only: a new answer, or closing
 *   the sheet, ends it, as in any editor.
 * - While anything is queued the sheet holds the default #GApplication, if
 *   there is one: the sheet outlives a page that is closed with writes
 *   still on their way (each write keeps it alive), so it alone knows when
 *   letting the process end is safe.
 */

/* One answer to write: a NULL value clears the question. */
typedef struct
{
  char             *question_id;
  SihuaAnswerValue *value;
  char             *note;
  char             *evidence;
} Write;

typedef enum
{
  OP_SET,
  OP_UNDO,
  OP_REDO,
} OpKind;

/* One step of the queue. A batch of answers is one transaction (an import
 * file): all of it is committed or none, and later answers never merge
 * into it. */
typedef struct
{
  OpKind     kind;
  GPtrArray *writes;
  gboolean   batch;
  GTask     *task;
} Op;

struct _SihuaAnswerSheet
{
  GObject         parent_instance;

  SihuaStore     *store;
  gint64          assessment_id;

  /* What the sheet shows (question id → SihuaAnswer), and what the store
   * confirmed as committed. They differ while writes are queued. */
  GHashTable     *answers;
  GHashTable     *saved;

  GQueue          queue;
  Op             *in_flight;
  /* Undone changes that redo gives again, newest first (Write *). */
  GQueue          redo;
  /* Callers of sihua_answer_sheet_flush_async() waiting for the queue. */
  GPtrArray      *flushes;
  /* The first write that failed since the queue last drained. */
  GError         *flush_error;

  GApplication   *held_app;
  SihuaSaveState  save_state;
  gboolean        touched;
  gboolean        failed;
};

G_DEFINE_FINAL_TYPE (SihuaAnswerSheet, sihua_answer_sheet, G_TYPE_OBJECT)

G_DEFINE_QUARK (sihua-answer-sheet-error-quark, sihua_answer_sheet_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ASSESSMENT_ID,
  PROP_SAVE_STATE,
  PROP_N_PENDING,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  ANSWER_SAVED,
  WRITE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void start_next (SihuaAnswerSheet *self);

/*
 * Auxiliary methods
 */

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Takes the answer as the store will keep it: no empty texts, and no note
 * or evidence without a value. */
static Write *
write_new (const char             *question_id,
           const SihuaAnswerValue *value,
           const char             *note,
           const char             *evidence)
{
  Write *write = g_new0 (Write, 1);

  write->question_id = g_strdup (question_id);
  if (value != NULL)
    {
      write->value = sihua_answer_value_copy (value);
      write->note = g_strdup (empty_to_null (note));
      write->evidence = g_strdup (empty_to_null (evidence));
    }

  return write;
}

static void
write_free (Write *write)
{
  g_free (write->question_id);
  g_clear_pointer (&write->value, sihua_answer_value_free);
  g_free (write->note);
  g_free (write->evidence);
  g_free (write);
}

static void
write_take (Write                  *write,
            const SihuaAnswerValue *value,
            const char             *note,
            const char             *evidence)
{
  g_autofree char *question_id = g_steal_pointer (&write->question_id);
  Write *fresh = write_new (question_id, value, note, evidence);

  g_clear_pointer (&write->value, sihua_answer_value_free);
  g_free (write->note);
  g_free (write->evidence);
  *write = *fresh;
  g_free (fresh);
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->writes = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);

  return op;
}

static void
op_free (Op *op)
{
  g_clear_pointer (&op->writes, g_ptr_array_unref);
  g_clear_object (&op->task);
  g_free (op);
}

static gboolean
op_touches (Op         *op,
            const char *question_id)
{
  for (guint i = 0; i < op->writes->len; i++)
    {
      Write *write = g_ptr_array_index (op->writes, i);

      if (g_str_equal (write->question_id, question_id))
        return TRUE;
    }

  return FALSE;
}

/* Whether an answer given later than the write just done waits in the
 * queue: the sheet shows that one, whatever became of the earlier. */
static gboolean
is_superseded (SihuaAnswerSheet *self,
               const char       *question_id)
{
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      Op *op = l->data;

      if (op->kind == OP_SET && op_touches (op, question_id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
answer_equals (const SihuaAnswer *answer,
               const Write       *write)
{
  if (answer == NULL || write->value == NULL)
    return answer == NULL && write->value == NULL;

  return sihua_answer_value_equal (answer->value, write->value)
         && g_strcmp0 (answer->note, write->note) == 0
         && g_strcmp0 (answer->evidence, write->evidence) == 0;
}

/* Puts @write into @table; returns whether the answer there changed. */
static gboolean
table_put (GHashTable  *table,
           const Write *write)
{
  if (answer_equals (g_hash_table_lookup (table, write->question_id), write))
    return FALSE;

  if (write->value == NULL)
    g_hash_table_remove (table, write->question_id);
  else
    g_hash_table_insert (table, g_strdup (write->question_id),
                         sihua_answer_new (write->question_id, sihua_answer_value_copy (write->value),
                                           write->note, write->evidence));

  return TRUE;
}

static Write *
write_from_answer (const char        *question_id,
                   const SihuaAnswer *answer)
{
  return write_new (question_id, answer ? answer->value : NULL,
                    answer ? answer->note : NULL, answer ? answer->evidence : NULL);
}

/* Shows @write for its question, unless a later answer waits. */
static void
show (SihuaAnswerSheet *self,
      const Write      *write)
{
  if (is_superseded (self, write->question_id))
    return;

  if (table_put (self->answers, write))
    g_signal_emit (self, signals[ANSWER_CHANGED], 0, write->question_id);
}

guint
sihua_answer_sheet_get_n_pending (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), 0);

  return g_queue_get_length (&self->queue) + (self->in_flight != NULL ? 1 : 0);
}

/* Closing the window with answers still on their way to the disk must not
 * end the process before they are committed. */
static void
hold_application (SihuaAnswerSheet *self,
                  gboolean          hold)
{
  if (hold && self->held_app == NULL)
    {
      GApplication *app = g_application_get_default ();

      if (app != NULL)
        {
          self->held_app = g_object_ref (app);
          g_application_hold (app);
        }
    }
  else if (!hold && self->held_app != NULL)
    {
      g_autoptr(GApplication) app = g_steal_pointer (&self->held_app);

      g_application_release (app);
    }
}

static void
update_state (SihuaAnswerSheet *self)
{
  SihuaSaveState state;

  if (sihua_answer_sheet_get_n_pending (self) > 0)
    state = SIHUA_SAVE_STATE_PENDING;
  else if (self->failed)
    state = SIHUA_SAVE_STATE_FAILED;
  else if (self->touched)
    state = SIHUA_SAVE_STATE_SAVED;
  else
    state = SIHUA_SAVE_STATE_IDLE;

  if (state == self->save_state)
    return;

  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static void
enqueue (SihuaAnswerSheet *self,
         Op               *op)
{
  g_queue_push_tail (&self->queue, op);
  hold_application (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  update_state (self);
  start_next (self);
}

static void
drained (SihuaAnswerSheet *self)
{
  g_autoptr(GPtrArray) flushes = g_steal_pointer (&self->flushes);
  g_autoptr(GError) error = g_steal_pointer (&self->flush_error);

  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
  update_state (self);

  for (guint i = 0; i < flushes->len; i++)
    {
      GTask *task = g_ptr_array_index (flushes, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  hold_application (self, FALSE);
}

/* Ends the step in flight and starts the next; the sheet's last reference
 * may go with it. */
static void
op_done (SihuaAnswerSheet *self)
{
  g_clear_pointer (&self->in_flight, op_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);

  if (g_queue_is_empty (&self->queue))
    drained (self);
  else
    start_next (self);
}

/*
 * Callbacks
 */

static void
writes_done (SihuaAnswerSheet *self,
             const GError     *error)
{
  Op *op = self->in_flight;

  if (error == NULL)
    {
      self->touched = TRUE;
      if (op->kind == OP_SET)
        g_queue_clear_full (&self->redo, (GDestroyNotify) write_free);

      for (guint i = 0; i < op->writes->len; i++)
        {
          Write *write = g_ptr_array_index (op->writes, i);

          table_put (self->saved, write);
          show (self, write);
          if (!is_superseded (self, write->question_id))
            g_signal_emit (self, signals[ANSWER_SAVED], 0, write->question_id);
        }

      if (op->task != NULL)
        {
          Write *write = g_ptr_array_index (op->writes, 0);

          g_task_return_pointer (op->task, g_strdup (write->question_id), g_free);
        }
      return;
    }

  if (op->kind == OP_REDO)
    {
      /* Nothing changed: it can be redone again. */
      g_queue_push_head (&self->redo, g_ptr_array_steal_index (op->writes, 0));
      g_task_return_error (op->task, g_error_copy (error));
      return;
    }

  g_debug ("Answers to assessment %" G_GINT64_FORMAT " not saved: %s",
             self->assessment_id, error->message);
  self->failed = TRUE;
  if (self->flush_error == NULL)
    self->flush_error = g_error_copy (error);

  /* Back to what the store holds. */
  for (guint i = 0; i < op->writes->len; i++)
    {
      Write *write = g_ptr_array_index (op->writes, i);
      g_autoptr(GError) copy = g_error_copy (error);
      Write *stored = write_from_answer (write->question_id,
                                         g_hash_table_lookup (self->saved, write->question_id));

      show (self, stored);
      write_free (stored);
      g_signal_emit (self, signals[WRITE_FAILED], 0, write->question_id, copy);
    }
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SihuaAnswerSheet) self = user_data;
  g_autoptr(GError) error = NULL;

  sihua_store_set_answer_finish (SIHUA_STORE (object), result, &error);
  writes_done (self, error);
  op_done (self);
}

typedef struct
{
  SihuaStore *store;
  gint64      assessment_id;
  GPtrArray  *answers;
} ThreadData;

static void
thread_data_free (ThreadData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->answers, g_ptr_array_unref);
  g_free (data);
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ThreadData *data = task_data;
  GError *error = NULL;

  if (sihua_store_import_answers (data->store, data->assessment_id, data->answers, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SihuaAnswerSheet *self = SIHUA_ANSWER_SHEET (object);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  writes_done (self, error);
  op_done (self);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ThreadData *data = task_data;
  GError *error = NULL;
  SihuaAnswerChange *change;

  change = sihua_store_undo (data->store, data->assessment_id, &error);
  if (change == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, change, (GDestroyNotify) sihua_answer_change_free);
}

static SihuaAnswerChange *
change_copy (const SihuaAnswerChange *change)
{
  SihuaAnswerChange *copy = g_new0 (SihuaAnswerChange, 1);

  copy->id = change->id;
  copy->question_id = g_strdup (change->question_id);
  copy->old_value = change->old_value ? sihua_answer_value_copy (change->old_value) : NULL;
  copy->old_note = g_strdup (change->old_note);
  copy->old_evidence = g_strdup (change->old_evidence);
  copy->new_value = change->new_value ? sihua_answer_value_copy (change->new_value) : NULL;
  copy->new_note = g_strdup (change->new_note);
  copy->new_evidence = g_strdup (change->new_evidence);
  copy->author = g_strdup (change->author);
  copy->changed_at = change->changed_at;

  return copy;
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SihuaAnswerSheet *self = SIHUA_ANSWER_SHEET (object);
  g_autoptr(SihuaAnswerChange) change = NULL;
  g_autoptr(GError) error = NULL;
  GTask *caller = self->in_flight->task;

  change = g_task_propagate_pointer (G_TASK (result), &error);
  if (change == NULL)
    g_task_return_error (caller, g_steal_pointer (&error));
  else
    {
      Write *before = write_new (change->question_id, change->old_value,
                                 change->old_note, change->old_evidence);

      self->touched = TRUE;
      table_put (self->saved, before);
      show (self, before);
      write_free (before);
      g_queue_push_head (&self->redo, write_new (change->question_id, change->new_value,
                                                 change->new_note, change->new_evidence));
      g_task_return_pointer (caller, change_copy (change), (GDestroyNotify) sihua_answer_change_free);
    }

  op_done (self);
}

static void
start_next (SihuaAnswerSheet *self)
{
  g_autoptr(GTask) task = NULL;
  ThreadData *data;
  Op *op;

  if (self->in_flight != NULL || g_queue_is_empty (&self->queue))
    return;

  op = g_queue_pop_head (&self->queue);
  self->in_flight = op;

  if (op->kind == OP_REDO)
    {
      if (g_queue_is_empty (&self->redo))
        {
          g_task_return_new_error (op->task, SIHUA_ANSWER_SHEET_ERROR,
                                   SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO,
                                   _("There is no undone change to redo"));
          op_done (self);
          return;
        }
      g_ptr_array_add (op->writes, g_queue_pop_head (&self->redo));
    }

  if (op->kind == OP_UNDO || op->batch)
    {
      data = g_new0 (ThreadData, 1);
      data->store = g_object_ref (self->store);
      data->assessment_id = self->assessment_id;

      if (op->batch)
        {
          data->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) sihua_answer_free);
          for (guint i = 0; i < op->writes->len; i++)
            {
              Write *write = g_ptr_array_index (op->writes, i);

              g_ptr_array_add (data->answers,
                               sihua_answer_new (write->question_id,
                                                 sihua_answer_value_copy (write->value),
                                                 write->note, write->evidence));
            }
        }

      task = g_task_new (self, NULL, op->batch ? batch_done_cb : undo_done_cb, NULL);
      g_task_set_source_tag (task, start_next);
      g_task_set_task_data (task, data, (GDestroyNotify) thread_data_free);
      g_task_run_in_thread (task, op->batch ? batch_thread : undo_thread);
      return;
    }

  {
    Write *write = g_ptr_array_index (op->writes, 0);

    sihua_store_set_answer_async (self->store, self->assessment_id, write->question_id,
                                  write->value, write->note, write->evidence,
                                  NULL, write_done_cb, g_object_ref (self));
  }
}

/* Runs the main context until @result is set by an _async call's callback:
 * the sync calls, for the command line, which has no main loop. */
static void
result_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  while (*result == NULL)
    g_main_context_iteration (context, TRUE);
}

/*
 * GObject overrides
 */

static void
sihua_answer_sheet_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SihuaAnswerSheet *self = SIHUA_ANSWER_SHEET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ASSESSMENT_ID:
      g_value_set_int64 (value, self->assessment_id);
      break;

    case PROP_SAVE_STATE:
      g_value_set_enum (value, self->save_state);
      break;

    case PROP_N_PENDING:
      g_value_set_uint (value, sihua_answer_sheet_get_n_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_answer_sheet_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SihuaAnswerSheet *self = SIHUA_ANSWER_SHEET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ASSESSMENT_ID:
      self->assessment_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sihua_answer_sheet_finalize (GObject *object)
{
  SihuaAnswerSheet *self = (SihuaAnswerSheet *)object;

  /* Every step in flight holds a reference: nothing is pending here. */
  g_assert (self->in_flight == NULL);
  g_queue_clear_full (&self->queue, (GDestroyNotify) op_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) write_free);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);
  g_clear_error (&self->flush_error);
  hold_application (self, FALSE);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sihua_answer_sheet_parent_class)->finalize (object);
}

static void
sihua_answer_sheet_class_init (SihuaAnswerSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sihua_answer_sheet_get_property;
  object_class->set_property = sihua_answer_sheet_set_property;
  object_class->finalize = sihua_answer_sheet_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SIHUA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENT_ID] =
    g_param_spec_int64 ("assessment-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SihuaAnswerSheet:save-state:
   *
   * Where the answers given on this sheet stand: %SIHUA_SAVE_STATE_SAVED
   * only when every write asked for is committed.
   */
  properties[PROP_SAVE_STATE] =
    g_param_spec_enum ("save-state", NULL, NULL, SIHUA_TYPE_SAVE_STATE, SIHUA_SAVE_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SihuaAnswerSheet::answer-changed:
   * @question_id: the question
   *
   * The sheet's answer to @question_id changed: given, taken back after a
   * failed write, undone, redone or loaded.
   */
  signals[ANSWER_CHANGED] = g_signal_new ("answer-changed",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SihuaAnswerSheet::answer-saved:
   * @question_id: the question
   *
   * The answer given to @question_id is committed, and no later one waits.
   */
  signals[ANSWER_SAVED] = g_signal_new ("answer-saved",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SihuaAnswerSheet::write-failed:
   * @question_id: the question
   * @error: why, a #SIHUA_STORE_ERROR fit to show as it is
   *
   * The answer given to @question_id was not written; the sheet shows
   * what the store holds again (unless a later answer waits).
   */
  signals[WRITE_FAILED] = g_signal_new ("write-failed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
sihua_answer_sheet_init (SihuaAnswerSheet *self)
{
  self->answers = sihua_answer_table_new ();
  self->saved = sihua_answer_table_new ();
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->queue);
  g_queue_init (&self->redo);
}

/*
 * Public API
 */

/**
 * sihua_answer_sheet_new:
 * @store: the open store
 * @assessment_id: the assessment answered
 *
 * Returns: (transfer full): a sheet with no answers; load them with
 *   sihua_answer_sheet_load_async()
 */
SihuaAnswerSheet *
sihua_answer_sheet_new (SihuaStore *store,
                        gint64      assessment_id)
{
  g_return_val_if_fail (SIHUA_IS_STORE (store), NULL);

  return g_object_new (SIHUA_TYPE_ANSWER_SHEET,
                       "store", store,
                       "assessment-id", assessment_id,
                       NULL);
}

/**
 * sihua_answer_sheet_get_store:
 *
 * Returns: (transfer none): the store written to
 */
SihuaStore *
sihua_answer_sheet_get_store (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), NULL);

  return self->store;
}

gint64
sihua_answer_sheet_get_assessment_id (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), 0);

  return self->assessment_id;
}

/* Takes what the store holds, except where an answer given is still on
 * its way. */
static void
take_loaded (SihuaAnswerSheet *self,
             GHashTable       *loaded)
{
  g_autoptr(GPtrArray) writes = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (loaded, key))
      g_ptr_array_add (writes, write_new (key, NULL, NULL, NULL));
  g_hash_table_iter_init (&iter, loaded);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (writes, write_from_answer (key, value));

  g_hash_table_remove_all (self->saved);
  for (guint i = 0; i < writes->len; i++)
    {
      Write *write = g_ptr_array_index (writes, i);

      table_put (self->saved, write);
      if (!sihua_answer_sheet_is_pending (self, write->question_id))
        show (self, write);
    }
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SihuaAnswerSheet *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) loaded = NULL;
  GError *error = NULL;

  loaded = sihua_store_load_answers_finish (SIHUA_STORE (object), result, &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  take_loaded (self, loaded);
  g_task_return_boolean (task, TRUE);
}

/**
 * sihua_answer_sheet_load_async:
 *
 * Reads the assessment's stored answers into the sheet on the store's
 * worker, after any write asked for before.
 */
void
sihua_answer_sheet_load_async (SihuaAnswerSheet    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sihua_answer_sheet_load_async);
  sihua_store_load_answers_async (self->store, self->assessment_id, cancellable, load_done_cb, task);
}

gboolean
sihua_answer_sheet_load_finish (SihuaAnswerSheet  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sihua_answer_sheet_load:
 *
 * sihua_answer_sheet_load_async() for the command line: blocks.
 */
gboolean
sihua_answer_sheet_load (SihuaAnswerSheet  *self,
                         GError           **error)
{
  g_autoptr(GHashTable) loaded = NULL;

  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), FALSE);

  loaded = sihua_store_load_answers (self->store, self->assessment_id, error);
  if (loaded == NULL)
    return FALSE;

  take_loaded (self, loaded);
  return TRUE;
}

/**
 * sihua_answer_sheet_get_answers:
 *
 * Returns: (transfer none): the answers shown, given ones included (question
 *   id → #SihuaAnswer); the same table for the sheet's whole life
 */
GHashTable *
sihua_answer_sheet_get_answers (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), NULL);

  return self->answers;
}

const SihuaAnswer *
sihua_answer_sheet_lookup (SihuaAnswerSheet *self,
                           const char       *question_id)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), NULL);

  return g_hash_table_lookup (self->answers, question_id);
}

/**
 * sihua_answer_sheet_lookup_saved:
 *
 * Returns: (nullable): the answer to @question_id as the store last
 *   confirmed it
 */
const SihuaAnswer *
sihua_answer_sheet_lookup_saved (SihuaAnswerSheet *self,
                                 const char       *question_id)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), NULL);

  return g_hash_table_lookup (self->saved, question_id);
}

/**
 * sihua_answer_sheet_is_pending:
 *
 * Returns: whether a write of @question_id waits or is being committed
 */
gboolean
sihua_answer_sheet_is_pending (SihuaAnswerSheet *self,
                               const char       *question_id)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), FALSE);

  return (self->in_flight != NULL && op_touches (self->in_flight, question_id))
         || is_superseded (self, question_id);
}

/**
 * sihua_answer_sheet_set:
 * @question_id: the question answered
 * @value: (nullable): the answer, already checked against the question;
 *   %NULL clears it
 * @note: (nullable): the consultant's note
 * @evidence: (nullable): what was seen to back the answer
 *
 * Gives an answer: shown at once, written after the writes before it.
 */
void
sihua_answer_sheet_set (SihuaAnswerSheet       *self,
                        const char             *question_id,
                        const SihuaAnswerValue *value,
                        const char             *note,
                        const char             *evidence)
{
  g_autoptr(GPtrArray) one = NULL;
  Write *given;
  Op *op;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));
  g_return_if_fail (question_id != NULL);

  given = write_new (question_id, value, note, evidence);
  self->failed = FALSE;
  self->touched = TRUE;
  if (table_put (self->answers, given))
    g_signal_emit (self, signals[ANSWER_CHANGED], 0, question_id);

  /* A write of this question still waiting for its turn takes the newest
   * value, unless a step that must come between them (an undo, a batch)
   * waits after it. */
  for (GList *l = self->queue.tail; l != NULL; l = l->prev)
    {
      op = l->data;
      if (op->kind != OP_SET || op->batch)
        break;
      if (op_touches (op, question_id))
        {
          /* @value may be the answer table_put() just replaced: take the copy. */
          write_take (g_ptr_array_index (op->writes, 0), given->value, given->note, given->evidence);
          write_free (given);
          update_state (self);
          return;
        }
    }

  op = op_new (OP_SET);
  g_ptr_array_add (op->writes, given);
  enqueue (self, op);
}

/**
 * sihua_answer_sheet_set_all:
 * @answers: (element-type SihuaAnswer): answers already checked against the
 *   assessment's model
 *
 * Gives all @answers at once, written in one transaction after the writes
 * before them: every one is committed or, on a failure, none.
 */
void
sihua_answer_sheet_set_all (SihuaAnswerSheet *self,
                            GPtrArray        *answers)
{
  Op *op;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));
  g_return_if_fail (answers != NULL);

  op = op_new (OP_SET);
  op->batch = TRUE;
  self->failed = FALSE;
  self->touched = TRUE;
  for (guint i = 0; i < answers->len; i++)
    {
      SihuaAnswer *answer = g_ptr_array_index (answers, i);
      Write *given = write_new (answer->question_id, answer->value, answer->note, answer->evidence);

      g_ptr_array_add (op->writes, given);
      if (table_put (self->answers, given))
        g_signal_emit (self, signals[ANSWER_CHANGED], 0, answer->question_id);
    }
  enqueue (self, op);
}

/**
 * sihua_answer_sheet_undo_async:
 *
 * Takes back the newest change in the assessment's history once the writes
 * before it are committed (see sihua_store_undo()).
 */
void
sihua_answer_sheet_undo_async (SihuaAnswerSheet    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Op *op;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));

  op = op_new (OP_UNDO);
  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, sihua_answer_sheet_undo_async);
  enqueue (self, op);
}

/**
 * sihua_answer_sheet_undo_finish:
 *
 * Returns: (transfer full): the change undone, or %NULL with @error set
 *   (%SIHUA_STORE_ERROR_NOTHING_TO_UNDO when the history is empty)
 */
SihuaAnswerChange *
sihua_answer_sheet_undo_finish (SihuaAnswerSheet  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sihua_answer_sheet_undo:
 *
 * sihua_answer_sheet_undo_async() for the command line: runs the thread's
 * main context until it is done.
 *
 * Returns: (transfer full): the change undone
 */
SihuaAnswerChange *
sihua_answer_sheet_undo (SihuaAnswerSheet  *self,
                         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sihua_answer_sheet_undo_async (self, NULL, result_ready_cb, &result);
  wait_for (&result);

  return sihua_answer_sheet_undo_finish (self, result, error);
}

/**
 * sihua_answer_sheet_redo_async:
 *
 * Gives the change undone last on this sheet again, as a new change, once
 * the steps before it are done.
 */
void
sihua_answer_sheet_redo_async (SihuaAnswerSheet    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Op *op;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));

  op = op_new (OP_REDO);
  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, sihua_answer_sheet_redo_async);
  enqueue (self, op);
}

/**
 * sihua_answer_sheet_redo_finish:
 *
 * Returns: (transfer full): the question whose answer was given again, or
 *   %NULL with @error set (%SIHUA_ANSWER_SHEET_ERROR_NOTHING_TO_REDO)
 */
char *
sihua_answer_sheet_redo_finish (SihuaAnswerSheet  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
sihua_answer_sheet_redo (SihuaAnswerSheet  *self,
                         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sihua_answer_sheet_redo_async (self, NULL, result_ready_cb, &result);
  wait_for (&result);

  return sihua_answer_sheet_redo_finish (self, result, error);
}

/**
 * sihua_answer_sheet_can_redo:
 *
 * Returns: whether a change undone on this sheet waits to be redone
 */
gboolean
sihua_answer_sheet_can_redo (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

SihuaSaveState
sihua_answer_sheet_get_save_state (SihuaAnswerSheet *self)
{
  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), SIHUA_SAVE_STATE_IDLE);

  return self->save_state;
}

/**
 * sihua_answer_sheet_flush_async:
 *
 * Waits until every step asked for so far, and any asked for meanwhile, is
 * done. Fails with the first write that failed since the queue last
 * drained: its answer was not saved.
 */
void
sihua_answer_sheet_flush_async (SihuaAnswerSheet    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SIHUA_IS_ANSWER_SHEET (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sihua_answer_sheet_flush_async);

  if (sihua_answer_sheet_get_n_pending (self) == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->flushes, g_steal_pointer (&task));
}

gboolean
sihua_answer_sheet_flush_finish (SihuaAnswerSheet  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sihua_answer_sheet_flush:
 *
 * sihua_answer_sheet_flush_async() for the command line: runs the thread's
 * main context until the queue is empty.
 *
 * Returns: whether every answer given is committed
 */
gboolean
sihua_answer_sheet_flush (SihuaAnswerSheet  *self,
                          GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (SIHUA_IS_ANSWER_SHEET (self), FALSE);

  sihua_answer_sheet_flush_async (self, NULL, result_ready_cb, &result);
  wait_for (&result);

  return sihua_answer_sheet_flush_finish (self, result, error);
}
