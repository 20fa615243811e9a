/* fuzz-common.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

G_BEGIN_DECLS

/* The entry point libFuzzer calls for each input; declared here so the
 * targets build with -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical (a failed g_return_if_fail) or an error reached from outside
 * input is a bug like a crash: abort so libFuzzer keeps the input. The rest
 * (warnings about bad input, debug output) is dropped to keep runs quiet. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_glib (void)
{
  static gboolean done;

  if (!done)
    g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  done = TRUE;
}

/* A private folder for the files a target needs, removed at exit. */
static char *fuzz_dir;

static void
fuzz_remove_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fuzz_dir == NULL)
    return;
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
          const char *child;

          while (sub != NULL && (child = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *child_path = g_build_filename (path, child, NULL);
              g_unlink (child_path);
            }
          g_rmdir (path);
        }
      else
        g_unlink (path);
    }
  g_rmdir (fuzz_dir);
}

static inline const char *
fuzz_get_dir (void)
{
  if (fuzz_dir == NULL)
    {
      fuzz_dir = g_dir_make_tmp ("sihua-fuzz-XXXXXX", NULL);
      g_assert (fuzz_dir != NULL);
      atexit (fuzz_remove_dir);
    }
  return fuzz_dir;
}

/* Writes @data to @name in the private folder; returns the path. */
static inline char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  char *path = g_build_filename (fuzz_get_dir (), name, NULL);

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  return path;
}

G_END_DECLS
