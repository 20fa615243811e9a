/* sihua-uscc.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-uscc"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sihua-uscc.h"

/* GB 32100-2015 table 1: the 31 characters and their values 0–30 (no I, O,
 * S, V, Z, which are too easily mistaken for digits). */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

G_DEFINE_QUARK (sihua-uscc-error-quark, sihua_uscc_error)

static int
char_value (char c)
{
  const char *found;

  if (c == '\0')
    return -1;
  found = strchr (alphabet, c);

  return found != NULL ? (int)(found - alphabet) : -1;
}

/**
 * sihua_uscc_normalize:
 * @code: a code as typed
 *
 * Removes spaces and hyphens and upper-cases letters, as people often write
 * the code in groups or in lower case.
 *
 * Returns: (transfer full): the normalized code
 */
char *
sihua_uscc_normalize (const char *code)
{
  GString *out;

  g_return_val_if_fail (code != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '\t')
        continue;
      g_string_append_c (out, g_ascii_toupper (*p));
    }

  return g_string_free (out, FALSE);
}

/**
 * sihua_uscc_check_char:
 * @code: at least the first 17 characters of a code, all in the alphabet
 *
 * The check character is C18 = 31 − (Σ Ci·Wi mod 31), with Wi = 3^(i−1) mod 31,
 * and value 31 written as "0".
 *
 * Returns: the check character, or '\0' if @code is too short or holds a
 *   character outside the alphabet
 */
char
sihua_uscc_check_char (const char *code)
{
  int weight = 1;
  int sum = 0;

  g_return_val_if_fail (code != NULL, '\0');

  for (guint i = 0; i < SIHUA_USCC_LENGTH - 1; i++)
    {
      int value = char_value (code[i]);

      if (value < 0)
        return '\0';
      sum += value * weight;
      weight = (weight * 3) % 31;
    }

  return alphabet[(31 - sum % 31) % 31];
}

/**
 * sihua_uscc_validate:
 * @code: a normalized code (see sihua_uscc_normalize())
 * @error: return location for a #SIHUA_USCC_ERROR naming the position or the
 *   expected check character
 *
 * Returns: whether @code is a well-formed code with the right check character
 */
gboolean
sihua_uscc_validate (const char  *code,
                     GError     **error)
{
  glong length;
  char expected;

  g_return_val_if_fail (code != NULL, FALSE);

  length = g_utf8_strlen (code, -1);
  if (length != SIHUA_USCC_LENGTH || strlen (code) != SIHUA_USCC_LENGTH)
    {
      g_set_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_LENGTH,
                   _("The unified social credit code “%s” has %ld characters; it needs 18"),
                   code, length);
      return FALSE;
    }

  /* A wrong 18th character is reported as a check failure: that is what
   * the reader needs to know, whatever the character. */
  for (guint i = 0; i < SIHUA_USCC_LENGTH - 1; i++)
    if (char_value (code[i]) < 0)
      {
        g_set_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHARACTER,
                     _("The unified social credit code “%s” has “%c” at position %u; only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used"),
                     code, code[i], i + 1);
        return FALSE;
      }

  expected = sihua_uscc_check_char (code);
  if (code[SIHUA_USCC_LENGTH - 1] != expected)
    {
      g_set_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHECK,
                   _("The unified social credit code “%s” ends in “%c” but its check character (position 18) should be “%c”; a character is probably mistyped"),
                   code, code[SIHUA_USCC_LENGTH - 1], expected);
      return FALSE;
    }

  return TRUE;
}
