/* main.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sihua-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaApplication) app = NULL;
  const char *locale_dir = g_getenv ("SIHUA_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* SIHUA_LOCALEDIR lets the uninstalled build find its catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL && *locale_dir ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sihua_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
