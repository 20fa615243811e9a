/* sihua-number-format.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-number-format"

#include "config.h"

#include <math.h>

#include "sihua-number-format.h"
#include "sihua-score.h"

/**
 * sihua_number_round_shown:
 * @value: an index or a score, or NaN
 *
 * Returns: @value rounded to one decimal the way it is printed (half away
 *   from zero, 41.25 → 41.3), NaN for NaN.
 */
double
sihua_number_round_shown (double value)
{
  return sihua_score_round1 (value);
}

/**
 * sihua_number_format_score:
 * @value: an index or a score, or NaN when there is none
 *
 * Returns: (transfer full): "66.2", or "—" for NaN.
 */
char *
sihua_number_format_score (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%.1f", sihua_number_round_shown (value));
}

/**
 * sihua_number_change_shown:
 * @previous: the earlier value
 * @current: the later value
 *
 * Returns: the change between the two values as they are printed, so the
 *   printed change always adds up; NaN when either is NaN.
 */
double
sihua_number_change_shown (double previous,
                           double current)
{
  if (isnan (previous) || isnan (current))
    return NAN;

  /* Rounded again only to drop the binary noise of the subtraction. */
  return sihua_number_round_shown (sihua_number_round_shown (current) -
                                   sihua_number_round_shown (previous));
}

/**
 * sihua_number_format_change:
 * @previous: the earlier value
 * @current: the later value
 *
 * Returns: (transfer full): "+3.9", "-0.4" or "+0.0"; "—" when either
 *   value is NaN.
 */
char *
sihua_number_format_change (double previous,
                            double current)
{
  double change = sihua_number_change_shown (previous, current);

  if (isnan (change))
    return g_strdup ("—");
  if (change == 0)
    change = 0; /* no "-0.0" */

  return g_strdup_printf ("%+.1f", change);
}
