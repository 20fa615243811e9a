/* sihua-sqlite-locks.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     sihua_sqlite_locks_install        (void);
gboolean sihua_sqlite_locks_are_installed  (void);
gboolean sihua_sqlite_locks_lookup_file    (const char *path,
                                            guint64    *dev,
                                            guint64    *ino);
guint    sihua_sqlite_locks_count_lock_fds (void);

G_END_DECLS
