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
