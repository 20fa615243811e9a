/* sihua-uscc.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters
 * from "0123456789ABCDEFGHJKLMNPQRTUWXY", the last one a check character. */
#define SIHUA_USCC_LENGTH 18

#define SIHUA_USCC_ERROR (sihua_uscc_error_quark ())

typedef enum
{
  SIHUA_USCC_ERROR_LENGTH,     /* not 18 characters */
  SIHUA_USCC_ERROR_CHARACTER,  /* a character outside the code's alphabet */
  SIHUA_USCC_ERROR_CHECK,      /* the 18th character does not match */
} SihuaUsccError;

GQuark    sihua_uscc_error_quark  (void);
char     *sihua_uscc_normalize    (const char  *code);
char      sihua_uscc_check_char   (const char  *code);
gboolean  sihua_uscc_validate     (const char  *code,
                                   GError     **error);

G_END_DECLS
