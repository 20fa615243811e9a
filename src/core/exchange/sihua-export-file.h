/* sihua-export-file.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* A file written beside its final name and renamed into place when complete,
 * so a failed or cancelled export never leaves a half-written file behind. */
typedef struct
{
  char *path;
  char *part_path;
  FILE *fp;
} SihuaExportFile;

/* Bundles and data exports hold a client's answers, notes and evidence:
 * like the database and its backups they are readable by their owner only,
 * whatever the umask. Creates (or empties) @path with mode 0600, never
 * through a symbolic link, and returns its descriptor, or -1 with errno. */
int              sihua_export_file_create_private (const char *path);

SihuaExportFile *sihua_export_file_open    (const char       *path,
                                            GError          **error);
gboolean         sihua_export_file_write   (SihuaExportFile  *file,
                                            const void       *data,
                                            gsize             length,
                                            GError          **error);
gboolean         sihua_export_file_commit  (SihuaExportFile  *file,
                                            GError          **error);
/* Drops the file unless it was committed. */
void             sihua_export_file_free    (SihuaExportFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaExportFile, sihua_export_file_free)

G_END_DECLS
