/* store-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-store-crash: writes answers as fast as it can and prints
 * "ack QUESTION NUMBER" after each one is committed, until it is killed.
 * Usage: store-writer DB ASSESSMENT_ID FIRST_NUMBER */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sihua-store.h"

#define N_QUESTIONS 20

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 assessment_id;
  gint64 number;

  if (argc != 4)
    {
      fprintf (stderr, "usage: store-writer DB ASSESSMENT_ID FIRST_NUMBER\n");
      return 2;
    }
  assessment_id = g_ascii_strtoll (argv[2], NULL, 10);
  number = g_ascii_strtoll (argv[3], NULL, 10);

  store = sihua_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "store-writer: %s\n", error->message);
      return 1;
    }
  sihua_store_set_author (store, "writer");
  printf ("ready\n");
  fflush (stdout);

  for (;; number++)
    {
      g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_number ((double) number);
      g_autofree char *question_id = g_strdup_printf ("q%02d", (int)(number % N_QUESTIONS));
      g_autofree char *note = g_strdup_printf ("note %" G_GINT64_FORMAT, number);

      if (!sihua_store_set_answer (store, assessment_id, question_id, value,
                                   number % 3 == 0 ? note : NULL, NULL, &error))
        {
          fprintf (stderr, "store-writer: %s\n", error->message);
          return 1;
        }
      /* Only now is the answer acknowledged, as the UI would show "saved". */
      printf ("ack %s %" G_GINT64_FORMAT "\n", question_id, number);
      fflush (stdout);
    }

  return 0;
}
