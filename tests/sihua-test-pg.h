/* sihua-test-pg.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A throw-away PostgreSQL cluster for one test program: in a temporary
 * folder, reached only through a Unix socket there (no TCP), run as an
 * unprivileged user when the tests run as root. The superuser `sihua`
 * logs in without a password; every other role with its scram-sha-256
 * password. */
typedef struct _SihuaTestPg SihuaTestPg;

SihuaTestPg *sihua_test_pg_start (void);
void         sihua_test_pg_stop  (SihuaTestPg *pg);
/* A conninfo string for @user (NULL: the superuser) on the database. */
char        *sihua_test_pg_url   (SihuaTestPg *pg,
                                  const char  *user);

G_END_DECLS
