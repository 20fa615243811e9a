/* sihua-report-font.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-report-font"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sihua-report-font.h"

/* libharu 2.3.0 cannot load CFF fonts, and misreads composite glyphs with ids
 * above 32767; WenQuanYi Zen Hei is a TrueType font without composite glyphs,
 * so it is asked for by name before any other Chinese TrueType font. */
static const char * const font_patterns[] = {
  "WenQuanYi Zen Hei:fontformat=TrueType",
  ":lang=zh-cn:fontformat=TrueType",
};

static char *
match_font_file (const char *pattern_text,
                 const char *required_family)
{
  g_autofree char *file = NULL;
  FcPattern *pattern = FcNameParse ((const FcChar8 *)pattern_text);
  FcPattern *match;
  FcResult result;
  FcChar8 *matched_file = NULL;
  FcChar8 *format = NULL;
  FcChar8 *family = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL)
    return NULL;

  /* FcFontMatch always returns its best guess; keep it only if it really is
   * a TrueType font (and the requested family, when one was named). */
  if (FcPatternGetString (match, FC_FILE, 0, &matched_file) == FcResultMatch &&
      FcPatternGetString (match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
      g_strcmp0 ((const char *)format, "TrueType") == 0 &&
      (required_family == NULL ||
       (FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
        g_strcmp0 ((const char *)family, required_family) == 0)))
    file = g_strdup ((const char *)matched_file);

  FcPatternDestroy (match);

  return g_steal_pointer (&file);
}

/**
 * sihua_report_font_find_file:
 * @error: return location for an error
 *
 * Finds the font that reports and charts are set in. `SIHUA_REPORT_FONT`
 * names a file explicitly (used by tests to pin the font).
 *
 * Returns: (transfer full): the path of a TrueType (or TrueType collection)
 *   font with Chinese glyphs, or %NULL with @error set.
 */
char *
sihua_report_font_find_file (GError **error)
{
  const char *override = g_getenv ("SIHUA_REPORT_FONT");

  if (override != NULL && *override != '\0')
    {
      if (g_file_test (override, G_FILE_TEST_IS_REGULAR))
        return g_strdup (override);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The report font %s does not exist"), override);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (font_patterns); i++)
    {
      char *file = match_font_file (font_patterns[i], i == 0 ? "WenQuanYi Zen Hei" : NULL);

      if (file != NULL)
        return file;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No Chinese TrueType font found for reports; install fonts-wqy-zenhei"));
  return NULL;
}
