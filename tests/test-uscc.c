/* test-uscc.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sihua-uscc.h"

/* The worked example of GB 32100-2015: the first 17 characters
 * 91350100M000100Y4 give the check character 3. */
static void
test_uscc_standard_example (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sihua_uscc_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_true (sihua_uscc_validate ("91350100M000100Y43", &error));
  g_assert_no_error (error);
}

static void
test_uscc_wrong_check_char (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sihua_uscc_validate ("91350100M000100Y4Z", &error));
  g_assert_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHECK);
  /* The message names the expected check character. */
  g_assert_nonnull (strstr (error->message, "“3”"));
}

static void
test_uscc_every_single_typo_is_caught (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[] = "91350100M000100Y43";

  /* Changing any one of the first 17 characters changes the check. */
  for (guint i = 0; i < 17; i++)
    for (guint a = 0; a < strlen (alphabet); a++)
      {
        char saved = code[i];

        if (alphabet[a] == saved)
          continue;
        code[i] = alphabet[a];
        g_assert_false (sihua_uscc_validate (code, NULL));
        code[i] = saved;
      }
}

static void
test_uscc_length_and_characters (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sihua_uscc_validate ("91350100M000100Y4", &error));
  g_assert_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_LENGTH);
  g_clear_error (&error);

  /* "I" and "O" are not in the alphabet; the message names the position. */
  g_assert_false (sihua_uscc_validate ("91350100MI00100Y43", &error));
  g_assert_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHARACTER);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);

  g_assert_false (sihua_uscc_validate ("九1350100M000100Y4", &error));
  g_assert_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_LENGTH);
}

static void
test_uscc_normalize (void)
{
  g_autofree char *code = sihua_uscc_normalize (" 9135 0100-m000 100y43 ");

  g_assert_cmpstr (code, ==, "91350100M000100Y43");
  g_assert_true (sihua_uscc_validate (code, NULL));
}

/* What a Chinese input method types in full-width mode: digits, letters
 * (either case), the full-width hyphen and the ideographic space. */
static void
test_uscc_normalize_full_width (void)
{
  g_autofree char *code = sihua_uscc_normalize ("９１３５　０１００－ｍ０００　１００Ｙ４３");
  g_autofree char *mixed = sihua_uscc_normalize ("9135０100M000100y４3");
  g_autofree char *foreign = sihua_uscc_normalize ("九1350100M000100Y43");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (code, ==, "91350100M000100Y43");
  g_assert_true (sihua_uscc_validate (code, NULL));
  g_assert_cmpstr (mixed, ==, "91350100M000100Y43");

  /* A character with no ASCII form stays, and is refused by name. */
  g_assert_cmpstr (foreign, ==, "九1350100M000100Y43");
  g_assert_false (sihua_uscc_validate (foreign, &error));
  g_assert_error (error, SIHUA_USCC_ERROR, SIHUA_USCC_ERROR_CHARACTER);
  g_assert_nonnull (strstr (error->message, "“九” at position 1"));
}

static void
test_uscc_check_value_zero (void)
{
  char code[19];

  /* Find a prefix whose sum is a multiple of 31: its check char is "0"
   * (31 − 0 = 31, written as 0), the edge of the formula. */
  for (guint n = 0; n < 1000; n++)
    {
      g_snprintf (code, sizeof code, "9144030071%07u", n);
      if (sihua_uscc_check_char (code) == '0')
        {
          code[17] = '0';
          code[18] = '\0';
          g_assert_true (sihua_uscc_validate (code, NULL));
          return;
        }
    }
  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uscc/standard-example", test_uscc_standard_example);
  g_test_add_func ("/uscc/wrong-check-char", test_uscc_wrong_check_char);
  g_test_add_func ("/uscc/every-single-typo", test_uscc_every_single_typo_is_caught);
  g_test_add_func ("/uscc/length-and-characters", test_uscc_length_and_characters);
  g_test_add_func ("/uscc/normalize", test_uscc_normalize);
  g_test_add_func ("/uscc/normalize-full-width", test_uscc_normalize_full_width);
  g_test_add_func ("/uscc/check-value-zero", test_uscc_check_value_zero);

  return g_test_run ();
}
