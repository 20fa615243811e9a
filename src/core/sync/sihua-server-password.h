/* sihua-server-password.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The password of the login @url names, from the file SIHUA_PASSWORD_FILE
 * names (which only its owner may read) or from the desktop keyring; %NULL
 * without error when neither holds one, or when the URL or PGPASSWORD
 * carries it already (libpq uses those). */
char     *sihua_server_password_lookup (const char  *url,
                                        GError     **error);
/* Keeps @password in the desktop keyring for the login @url names. */
gboolean  sihua_server_password_store  (const char  *url,
                                        const char  *password,
                                        GError     **error);
/* @url as libpq conninfo without its password, fit to be remembered. */
char     *sihua_server_url_without_password (const char *url);

G_END_DECLS
