/* store-reopen-writer.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-store-concurrent: another process using the database.
 *
 *   store-reopen-writer DB ASSESSMENT_ID FIRST_NUMBER PER_OPEN
 *     opens the database, writes PER_OPEN answers, closes it, pauses for a
 *     moment (as between two sihua-cli commands) and again; prints "ack QUESTION NUMBER"
 *     after each answer is committed and "fail MESSAGE" for each refused
 *     one, until it is killed; "open inode N" after each open names the
 *     file the path led to then.
 *   store-reopen-writer DB hold
 *     opens the database, prints "ready" and keeps it open until its
 *     standard input is closed. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sihua-store.h"

#define N_QUESTIONS 20

static int
hold (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihuaStore) store = sihua_store_open_existing (db, &error);
  char line[64];

  if (store == NULL)
    {
      fprintf (stderr, "store-reopen-writer: %s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;

  return 0;
}

/* Which file the path names now that the store is open: when an answer is
 * lost, the log tells which file each session wrote to. */
static void
print_opened (const char *db)
{
  GStatBuf st;

  if (g_stat (db, &st) == 0)
    printf ("open inode %" G_GUINT64_FORMAT "\n", (guint64) st.st_ino);
  else
    printf ("open (no file at the path)\n");
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  gint64 assessment_id;
  gint64 number;
  gint64 per_open;

  if (argc == 3 && g_str_equal (argv[2], "hold"))
    return hold (argv[1]);
  if (argc != 5)
    {
      fprintf (stderr, "usage: store-reopen-writer DB ASSESSMENT_ID FIRST_NUMBER PER_OPEN\n");
      return 2;
    }
  assessment_id = g_ascii_strtoll (argv[2], NULL, 10);
  number = g_ascii_strtoll (argv[3], NULL, 10);
  per_open = g_ascii_strtoll (argv[4], NULL, 10);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SihuaStore) store = sihua_store_open_existing (argv[1], &error);

      if (store == NULL)
        {
          printf ("fail %s\n", error->message);
          fflush (stdout);
          continue;
        }
      print_opened (argv[1]);
      for (gint64 i = 0; i < per_open; i++, number++)
        {
          g_autoptr(SihuaAnswerValue) value = sihua_answer_value_new_number ((double) number);
          g_autofree char *question_id = g_strdup_printf ("q%02d", (int)(number % N_QUESTIONS));

          if (!sihua_store_set_answer (store, assessment_id, question_id, value, NULL, NULL, &error))
            {
              printf ("fail %s\n", error->message);
              fflush (stdout);
              g_clear_error (&error);
              continue;
            }
          /* Only now is the answer acknowledged, as the UI would show "saved". */
          printf ("ack %s %" G_GINT64_FORMAT "\n", question_id, number);
          fflush (stdout);
        }
      g_clear_object (&store);
      g_usleep (50 * 1000);
    }

  return 0;
}
