/* sihua-server-password.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>
#include <sys/stat.h>

#include "sihua-server-password.h"

/*
 * A consultant's server password lives in the desktop keyring (libsecret),
 * keyed by the server URL and the login, never in the database or the
 * settings. Tests and headless machines have no keyring: they give the
 * password in a file only its owner can read (SIHUA_PASSWORD_FILE), or in
 * libpq's own PGPASSWORD.
 */

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.sihua.Sihua.Server", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* The login and whether @url carries a password itself. */
static char *
url_user (const char *url,
          gboolean   *has_password)
{
  PQconninfoOption *options = PQconninfoParse (url, NULL);
  g_autofree char *user = NULL;

  *has_password = FALSE;
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (g_strcmp0 (o->keyword, "user") == 0 && o->val != NULL)
        user = g_strdup (o->val);
      else if (g_strcmp0 (o->keyword, "password") == 0 && o->val != NULL)
        *has_password = TRUE;
    }
  PQconninfoFree (options);

  if (user == NULL)
    user = g_strdup (g_getenv ("PGUSER") != NULL ? g_getenv ("PGUSER") : g_get_user_name ());

  return g_steal_pointer (&user);
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf info;

  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The password file %s (SIHUA_PASSWORD_FILE) cannot be read"), path);
      return NULL;
    }
  if ((info.st_mode & 077) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("The password file %s may be read by others; make it readable by its owner only (chmod 600)"),
                   path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  return g_strdup (g_strchomp (contents));
}

char *
sihua_server_password_lookup (const char  *url,
                              GError     **error)
{
  const char *file = g_getenv ("SIHUA_PASSWORD_FILE");
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *user = NULL;
  gboolean has_password;
  char *password;

  g_return_val_if_fail (url != NULL, NULL);

  if (file != NULL && *file != '\0')
    return read_password_file (file, error);

  user = url_user (url, &has_password);
  if (has_password || g_getenv ("PGPASSWORD") != NULL)
    return NULL;
  /* Without a session bus there is no keyring to ask. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return NULL;

  password = secret_password_lookup_sync (password_schema (), NULL, &keyring_error,
                                          "url", url, "user", user, NULL);
  if (keyring_error != NULL)
    g_debug ("No password from the keyring: %s", keyring_error->message);

  return password;
}

gboolean
sihua_server_password_store (const char  *url,
                             const char  *password,
                             GError     **error)
{
  g_autofree char *user = NULL;
  g_autofree char *label = NULL;
  gboolean has_password;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  user = url_user (url, &has_password);
  /* Translators: the keyring's label of a stored password: the login, then the server */
  label = g_strdup_printf (_("Sihua server password of %s at %s"), user, url);

  return secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     password, NULL, error, "url", url, "user", user, NULL);
}

char *
sihua_server_url_without_password (const char *url)
{
  PQconninfoOption *options = PQconninfoParse (url, NULL);
  GString *kept;
  gboolean had_password = FALSE;

  g_return_val_if_fail (url != NULL, NULL);

  if (options == NULL)
    return g_strdup (url);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_strcmp0 (o->keyword, "password") == 0 && o->val != NULL)
      had_password = TRUE;
  if (!had_password)
    {
      PQconninfoFree (options);
      return g_strdup (url);
    }

  /* Rewritten as conninfo: values quoted, quotes and backslashes escaped. */
  kept = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || g_strcmp0 (o->keyword, "password") == 0)
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, ' ');
      g_string_append_printf (kept, "%s='", o->keyword);
      for (const char *p = o->val; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (kept, '\\');
          g_string_append_c (kept, *p);
        }
      g_string_append_c (kept, '\'');
    }
  PQconninfoFree (options);

  return g_string_free (kept, FALSE);
}
