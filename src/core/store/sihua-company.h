/* sihua-company.h
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SIHUA_COMPANY_SIZE_UNKNOWN,
  SIHUA_COMPANY_SIZE_MICRO,
  SIHUA_COMPANY_SIZE_SMALL,
  SIHUA_COMPANY_SIZE_MEDIUM,
} SihuaCompanySize;

/**
 * SihuaCompany:
 * @id: the local id (0 until stored)
 * @uuid: the id that stays the same across laptops (set when stored)
 * @name: the company's name
 * @uscc: (nullable): 统一社会信用代码, normalized and checked
 * @industry: (nullable): GB/T 4754 category code, such as "C34"
 * @size: the size band
 * @employees: number of employees, or -1 if unknown
 * @region: (nullable): province/city/district as the consultant writes it
 * @address: (nullable): street address
 * @contact: (nullable): the contact person
 * @notes: (nullable): free notes
 * @created_at: microseconds since 1970 (UTC)
 * @updated_at: microseconds since 1970 (UTC)
 * @last_assessment_date: (nullable): "YYYY-MM-DD" of the latest assessment
 *   (read only, filled by the store)
 * @latest_stage: the stage of the latest scored assessment, -1 if none
 *   (read only, filled by the store)
 * @n_assessments: how many assessments the company has (read only)
 *
 * A company as the store keeps it. Plain data; strings are owned.
 */
typedef struct
{
  gint64            id;
  char             *uuid;
  char             *name;
  char             *uscc;
  char             *industry;
  SihuaCompanySize  size;
  int               employees;
  char             *region;
  char             *address;
  char             *contact;
  char             *notes;
  gint64            created_at;
  gint64            updated_at;
  char             *last_assessment_date;
  int               latest_stage;
  guint             n_assessments;
} SihuaCompany;

#define SIHUA_TYPE_COMPANY (sihua_company_get_type ())

GType             sihua_company_get_type          (void) G_GNUC_CONST;
SihuaCompany     *sihua_company_new               (const char        *name);
SihuaCompany     *sihua_company_copy              (const SihuaCompany *company);
void              sihua_company_free              (SihuaCompany      *company);

const char       *sihua_company_size_to_string    (SihuaCompanySize   size);
gboolean          sihua_company_size_from_string  (const char        *text,
                                                   SihuaCompanySize  *size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SihuaCompany, sihua_company_free)

G_END_DECLS
