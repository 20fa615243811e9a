/* store-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-store-crash and test-store-locks: writes answers as
 * fast as it can and prints "ack QUESTION NUMBER" after each one is
 * committed, until it is killed (or has written --count answers).
 * With --foreign-close it also opens and closes the database file and its
 * -shm after every answer, as GIO does when a file chooser lists the
 * folder: with classic POSIX locks that dropped SQLite's locks.
 * Usage: store-writer DB ASSESSMENT_ID FIRST_NUMBER [--count N] [--foreign-close] */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sihua-store.h"

#define N_QUESTIONS 20

static void
open_and_close (const char *db)
{
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  const char *paths[] = { db, shm };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      int fd = g_open (paths[i], O_RDONLY, 0);

      if (fd >= 0)
        close (fd);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean foreign_close = FALSE;
  gint64 count = -1;
  gint64 assessment_id;
  gint64 number;

  if (argc < 4)
    {
      fprintf (stderr, "usage: store-writer DB ASSESSMENT_ID FIRST_NUMBER [--count N] [--foreign-close]\n");
      return 2;
    }
  assessment_id = g_ascii_strtoll (argv[2], NULL, 10);
  number = g_ascii_strtoll (argv[3], NULL, 10);
  for (int i = 4; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--foreign-close"))
        foreign_close = TRUE;
      else if (g_str_equal (argv[i], "--count") && i + 1 < argc)
        count = g_ascii_strtoll (argv[++i], NULL, 10);
      else
        {
          fprintf (stderr, "store-writer: unknown argument %s\n", argv[i]);
          return 2;
        }
    }

  store = sihua_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "store-writer: %s\n", error->message);
      return 1;
    }
  sihua_store_set_author (store, "writer");
  printf ("ready\n");
  fflush (stdout);

  for (; count != 0; number++, count--)
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
      if (foreign_close)
        open_and_close (argv[1]);
    }

  return 0;
}
