/* sihua-server.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version of the firm's server this build creates and syncs
 * with (the `sihua.schema_version` table on the server). */
#define SIHUA_SERVER_SCHEMA_VERSION 1

#define SIHUA_SERVER_ERROR (sihua_server_error_quark ())

/**
 * SihuaServerError:
 * @SIHUA_SERVER_ERROR_CONNECT: the server cannot be reached or refused the login
 * @SIHUA_SERVER_ERROR_NO_SCHEMA: the database holds no Sihua schema: run
 *   `server init` first
 * @SIHUA_SERVER_ERROR_TOO_NEW: the schema was made by a newer Sihua
 * @SIHUA_SERVER_ERROR_INVALID: a name, team or role was refused
 * @SIHUA_SERVER_ERROR_FAILED: any other failure of a statement
 */
typedef enum
{
  SIHUA_SERVER_ERROR_CONNECT,
  SIHUA_SERVER_ERROR_NO_SCHEMA,
  SIHUA_SERVER_ERROR_TOO_NEW,
  SIHUA_SERVER_ERROR_INVALID,
  SIHUA_SERVER_ERROR_FAILED,
} SihuaServerError;

/* What a login role may do (the `members` table on the server). */
typedef enum
{
  SIHUA_SERVER_ROLE_CONSULTANT,  /* reads and writes the companies of the team */
  SIHUA_SERVER_ROLE_LEAD,        /* reads and writes the firm's companies */
  SIHUA_SERVER_ROLE_VIEWER,      /* reads only the anonymised benchmark */
} SihuaServerRole;

#define SIHUA_TYPE_SERVER (sihua_server_get_type ())
G_DECLARE_FINAL_TYPE (SihuaServer, sihua_server, SIHUA, SERVER, GObject)

GQuark       sihua_server_error_quark          (void);

gboolean     sihua_server_role_from_string     (const char       *text,
                                                SihuaServerRole  *role);
const char  *sihua_server_role_to_string       (SihuaServerRole   role);

SihuaServer *sihua_server_connect              (const char       *url,
                                                GError          **error);
const char  *sihua_server_get_url              (SihuaServer      *self);
const char  *sihua_server_get_user             (SihuaServer      *self);
gboolean     sihua_server_init_schema          (SihuaServer      *self,
                                                int              *version,
                                                GError          **error);
gboolean     sihua_server_check_schema         (SihuaServer      *self,
                                                GError          **error);
gboolean     sihua_server_add_member           (SihuaServer      *self,
                                                const char       *name,
                                                const char       *team,
                                                SihuaServerRole   role,
                                                const char       *password,
                                                GError          **error);

G_END_DECLS
