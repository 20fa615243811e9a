/* sihua-server-schema.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sihua-server"

#include "config.h"

#include "sihua-server-private.h"

/*
 * The firm's server is PostgreSQL itself: everything Sihua keeps there lives
 * in the schema `sihua`, whose version is the one row of
 * `sihua.schema_version`. As with the local store, every version is a step
 * from the one before, run in one transaction, and a step never changes
 * once released.
 *
 * Rows are keyed by the UUIDs the laptops gave them and carry the row in
 * the form a bundle carries it (`data`, jsonb), so a laptop pulls exactly
 * what it would read from a bundle. Every insert or change takes the next
 * number of one sequence (`seq`): a laptop pulls the rows after the last
 * number it has seen. Writers take one advisory lock for their whole
 * transaction (see sihua-sync-push.c), so numbers are committed in order
 * and a reader never sees a later number before an earlier one.
 *
 * Who sees what is PostgreSQL's row-level security, keyed to the login
 * (session_user) through the `members` table: a consultant the companies of
 * the team, a lead all of them, a viewer none (only the anonymised
 * benchmark view, which holds no name and no cell of fewer than five
 * companies). The owner that ran `server init` is not subject to it.
 */

static const char migrate_to_1[] =
  "CREATE TABLE sihua.members ("
  "  role_name name PRIMARY KEY,"
  "  team text NOT NULL CHECK (team <> ''),"
  "  kind text NOT NULL CHECK (kind IN ('consultant', 'lead', 'viewer')));"
  "REVOKE ALL ON sihua.members FROM PUBLIC;"

  /* Security definer: a member reads its own row, never the others'. */
  "CREATE FUNCTION sihua.member_team () RETURNS text LANGUAGE sql STABLE SECURITY DEFINER"
  "  SET search_path = pg_catalog, pg_temp"
  "  AS 'SELECT team FROM sihua.members WHERE role_name = session_user';"
  "CREATE FUNCTION sihua.member_kind () RETURNS text LANGUAGE sql STABLE SECURITY DEFINER"
  "  SET search_path = pg_catalog, pg_temp"
  "  AS 'SELECT kind FROM sihua.members WHERE role_name = session_user';"

  "CREATE SEQUENCE sihua.change_seq;"

  "CREATE TABLE sihua.companies ("
  "  uuid uuid PRIMARY KEY,"
  "  team text NOT NULL DEFAULT sihua.member_team (),"
  "  data jsonb NOT NULL,"
  "  seq bigint NOT NULL UNIQUE DEFAULT nextval ('sihua.change_seq'),"
  "  pushed_by name NOT NULL DEFAULT session_user);"

  "CREATE TABLE sihua.models ("
  "  model_id text NOT NULL,"
  "  model_version text NOT NULL,"
  "  uuid uuid NOT NULL UNIQUE,"
  "  json bytea NOT NULL,"
  "  PRIMARY KEY (model_id, model_version));"

  "CREATE TABLE sihua.assessments ("
  "  uuid uuid PRIMARY KEY,"
  "  company_uuid uuid NOT NULL REFERENCES sihua.companies (uuid),"
  "  model_id text NOT NULL,"
  "  model_version text NOT NULL,"
  "  data jsonb NOT NULL,"
  "  seq bigint NOT NULL UNIQUE DEFAULT nextval ('sihua.change_seq'),"
  "  pushed_by name NOT NULL DEFAULT session_user,"
  "  FOREIGN KEY (model_id, model_version) REFERENCES sihua.models (model_id, model_version));"
  "CREATE INDEX assessments_company ON sihua.assessments (company_uuid);"

  "CREATE TABLE sihua.answer_history ("
  "  uuid uuid PRIMARY KEY,"
  "  assessment_uuid uuid NOT NULL REFERENCES sihua.assessments (uuid),"
  "  question_id text NOT NULL,"
  "  data jsonb NOT NULL,"
  "  device text,"
  "  seq bigint NOT NULL UNIQUE DEFAULT nextval ('sihua.change_seq'),"
  "  pushed_by name NOT NULL DEFAULT session_user);"
  "CREATE INDEX answer_history_question ON sihua.answer_history (assessment_uuid, question_id, seq);"

  /* An answer changed on two laptops since they last agreed: both values,
   * kept until a consultant decides; `resolution` is the history row that
   * settled it. */
  "CREATE TABLE sihua.conflicts ("
  "  uuid uuid PRIMARY KEY,"
  "  assessment_uuid uuid NOT NULL REFERENCES sihua.assessments (uuid),"
  "  question_id text NOT NULL,"
  "  data jsonb NOT NULL,"
  "  resolution uuid,"
  "  seq bigint NOT NULL UNIQUE DEFAULT nextval ('sihua.change_seq'),"
  "  pushed_by name NOT NULL DEFAULT session_user);"

  /* What a laptop pulls, in the order it was written. */
  "CREATE VIEW sihua.changes WITH (security_invoker = true) AS"
  "  SELECT seq, 'company' AS kind, uuid, data FROM sihua.companies"
  "  UNION ALL SELECT seq, 'assessment', uuid, data FROM sihua.assessments"
  "  UNION ALL SELECT seq, 'history', uuid, data FROM sihua.answer_history"
  "  UNION ALL SELECT seq, 'conflict', uuid,"
  "    data || jsonb_build_object ('resolution', resolution, 'assessment_uuid', assessment_uuid,"
  "                                'question_id', question_id) FROM sihua.conflicts;"

  "ALTER TABLE sihua.companies ENABLE ROW LEVEL SECURITY;"
  /* The member's team and kind in scalar subqueries: evaluated once per
   * statement, not once per row. */
  "CREATE POLICY team_companies ON sihua.companies"
  "  USING ((SELECT sihua.member_kind ()) = 'lead'"
  "         OR ((SELECT sihua.member_kind ()) = 'consultant' AND team = (SELECT sihua.member_team ())));"
  "ALTER TABLE sihua.assessments ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY team_assessments ON sihua.assessments"
  "  USING (EXISTS (SELECT 1 FROM sihua.companies c WHERE c.uuid = company_uuid));"
  "ALTER TABLE sihua.answer_history ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY team_history ON sihua.answer_history"
  "  USING (EXISTS (SELECT 1 FROM sihua.assessments a WHERE a.uuid = assessment_uuid));"
  "ALTER TABLE sihua.conflicts ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY team_conflicts ON sihua.conflicts"
  "  USING (EXISTS (SELECT 1 FROM sihua.assessments a WHERE a.uuid = assessment_uuid));"
  "ALTER TABLE sihua.models ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY member_models ON sihua.models"
  "  USING ((SELECT sihua.member_kind ()) IN ('consultant', 'lead'));"

  /* The peers a company is compared with: completed assessments by GB/T
   * 4754 division (the letter and two digits), size band, region and
   * model version. No name, no credit code, no cell of fewer than five
   * companies. Owned by the owner, so it sums over every team. */
  "CREATE VIEW sihua.benchmark AS"
  "  SELECT left (c.data->>'industry', 3) AS division,"
  "         c.data->>'size' AS size_band,"
  "         c.data->>'region' AS region,"
  "         a.model_id, a.model_version,"
  "         count (DISTINCT c.uuid) AS companies,"
  "         round (avg ((a.data->>'result_index')::numeric), 2) AS mean_index,"
  "         percentile_cont (ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP"
  "           (ORDER BY (a.data->>'result_index')::float8) AS index_quartiles,"
  "         min (a.data->>'date') AS first_date,"
  "         max (a.data->>'date') AS last_date"
  "  FROM sihua.assessments a JOIN sihua.companies c ON c.uuid = a.company_uuid"
  "  WHERE a.data->>'status' = 'completed' AND a.data->>'result_index' IS NOT NULL"
  "  GROUP BY 1, 2, 3, 4, 5"
  "  HAVING count (DISTINCT c.uuid) >= 5;"
  "REVOKE ALL ON ALL TABLES IN SCHEMA sihua FROM PUBLIC;";

static const char * const migrations[] = {
  NULL,
  migrate_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SIHUA_SERVER_SCHEMA_VERSION + 1);

const char *
_sihua_server_migration (int version)
{
  g_assert (version >= 1 && version <= SIHUA_SERVER_SCHEMA_VERSION);

  return migrations[version];
}
