/* sheet-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-answer-sheet: gives COUNT answers to an answer sheet
 * at once, so they wait in its queue, and prints "saved QUESTION" as each
 * one is committed, until it is killed or the queue is empty.
 * Usage: sheet-writer DB ASSESSMENT_ID COUNT */

#include "config.h"

#include <stdio.h>

#include "sihua-answer-sheet.h"

static void
answer_saved_cb (SihuaAnswerSheet *sheet,
                 const char       *question_id,
                 gpointer          user_data)
{
  /* Only now is the answer acknowledged, as the window would show "Saved". */
  printf ("saved %s\n", question_id);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(SihuaAnswerSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;

  if (argc != 4)
    {
      fprintf (stderr, "usage: sheet-writer DB ASSESSMENT_ID COUNT\n");
      return 2;
    }
  count = g_ascii_strtoll (argv[3], NULL, 10);

  store = sihua_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "sheet-writer: %s\n", error->message);
      return 1;
    }
  sheet = sihua_answer_sheet_new (store, g_ascii_strtoll (argv[2], NULL, 10));
  g_signal_connect (sheet, "answer-saved", G_CALLBACK (answer_saved_cb), NULL);

  for (gint64 i = 0; i < count; i++)
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_number ((double) i);
      g_autofree char *question_id = g_strdup_printf ("q%04d", (int) i);

      sihua_answer_sheet_set (sheet, question_id, value, NULL, NULL);
    }
  printf ("queued %u\n", sihua_answer_sheet_get_n_pending (sheet));
  fflush (stdout);

  if (!sihua_answer_sheet_flush (sheet, &error))
    {
      fprintf (stderr, "sheet-writer: %s\n", error->message);
      return 1;
    }

  return 0;
}
