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
#include "sihua-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihuaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sihua_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sihua_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
