/* sihua-server-private.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "sihua-server.h"

G_BEGIN_DECLS

struct _SihuaServer
{
  GObject  parent_instance;

  char    *url;
  PGconn  *conn;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Runs @sql with @n_params text parameters (NULL: SQL NULL); on failure
 * sets @error from the server's message and returns NULL. A result that
 * returns rows or none is a success. */
PGresult *_sihua_server_exec_params (SihuaServer         *self,
                                     const char          *sql,
                                     int                  n_params,
                                     const char * const  *params,
                                     GError             **error);
gboolean  _sihua_server_exec        (SihuaServer         *self,
                                     const char          *sql,
                                     GError             **error);
/* The migration steps (sihua-server-schema.c). */
const char *_sihua_server_migration (int                  version);
PGconn     *_sihua_server_get_conn  (SihuaServer         *self);

G_END_DECLS
