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
 * the code in groups or in lower case. A Chinese input method in full-width
 * mode types "９１３５" and "ｍ", and the ideographic space: every character
 * whose compatibility form (NFKC) is ASCII is taken as that ASCII first.
 * Any other character is kept, so validation names it.
 *
 * Returns: (transfer full): the normalized code
 */
char *
sihua_uscc_normalize (const char *code)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (code != NULL, NULL);

  valid = g_utf8_make_valid (code, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *compatible = g_utf8_normalize (p, next - p, G_NORMALIZE_NFKC);
      gboolean ascii = compatible != NULL && compatible[0] != '\0' && compatible[1] == '\0' &&
                       (guchar) compatible[0] < 0x80;

      if (!ascii)
        {
          g_string_append_len (out, p, next - p);
          continue;
        }
      if (*compatible == ' ' || *compatible == '-' || *compatible == '\t')
        continue;
      g_string_append_c (out, g_ascii_toupper (*compatible));
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
  const char *p;
  glong length;
  char expected;
  guint i;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (code, -1, NULL), FALSE);

  length = g_utf8_strlen (code, -1);
  if (length != SIHUA_USCC_LENGTH)
    {
      g_set_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_LENGTH,
                   _("The unified social credit code “%s” has %ld characters; it needs 18"),
                   code, length);
      return FALSE;
    }

  /* Characters, not bytes: a Chinese character is named whole. A wrong
   * 18th character from the alphabet is reported as a check failure: that
   * is what the reader needs to know. */
  for (p = code, i = 0; *p != '\0'; p = g_utf8_next_char (p), i++)
    if ((i < SIHUA_USCC_LENGTH - 1 && char_value (*p) < 0) || (guchar) *p >= 0x80)
      {
        g_autofree char *character = g_strndup (p, g_utf8_next_char (p) - p);

        g_set_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHARACTER,
                     _("The unified social credit code “%s” has “%s” at position %u; only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used"),
                     code, character, i + 1);
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
