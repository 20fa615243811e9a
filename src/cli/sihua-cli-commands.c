/* sihua-cli-commands.c
 *
 * Copyright 2026 The Sihua developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sihua-cli-assessment.h"
#include "sihua-cli-bundle.h"
#include "sihua-cli-chart.h"
#include "sihua-cli-company.h"
#include "sihua-cli-evidence.h"
#include "sihua-cli-context.h"
#include "sihua-cli-export.h"
#include "sihua-cli-finalize.h"
#include "sihua-cli-interviewee.h"
#include "sihua-cli-info.h"
#include "sihua-cli-model.h"
#include "sihua-cli-report.h"
#include "sihua-cli-roadmap.h"
#include "sihua-cli-score.h"
#include "sihua-cli-server.h"
#include "sihua-cli-store.h"
#include "sihua-cli-sync.h"
#include "sihua-cli-trash.h"

/* Every command of sihua-cli, in the order `--help` lists them. */
const SihuaCliCommand sihua_cli_commands[] = {
  { "info", "", N_("Show where Sihua keeps its data and which report font it uses"), sihua_cli_info_run },
  { "company add", "--name NAME [--industry CODE] [--size micro|small|medium] [--region TEXT] [--uscc CODE] [--employees N] [--address TEXT] [--contact TEXT] [--notes TEXT]", N_("Add a company and print its id"), sihua_cli_company_add_run },
  { "company list", "", N_("List the companies, most recently assessed first"), sihua_cli_company_list_run },
  { "company show", "ID", N_("Show a company and its assessments"), sihua_cli_company_show_run },
  { "company delete", "ID", N_("Move a company and its assessments to the trash"), sihua_cli_company_delete_run },
  { "company merge", "KEEP OTHER", N_("Merge a duplicate company into the one kept: its assessments move, and it goes to the trash"), sihua_cli_company_merge_run },
  { "assessment new", "--company ID [--model MODEL_ID] [--from ASSESSMENT_ID] [--consultant NAME]", N_("Start an assessment of a company and print its id"), sihua_cli_assessment_new_run },
  { "assessment answer", "ID QUESTION_ID VALUE [--note TEXT] [--evidence TEXT] [--by NAME]", N_("Answer a question: a level, an option id, ids separated by commas, a number, text or na; with --by, what one interviewee said"), sihua_cli_assessment_answer_run },
  { "assessment import", "ID FILE.json", N_("Import answers from a JSON file, all or nothing"), sihua_cli_assessment_import_run },
  { "assessment show", "ID", N_("Show an assessment and its answers"), sihua_cli_assessment_show_run },
  { "assessment history", "ID QUESTION_ID", N_("List the changes to one answer"), sihua_cli_assessment_history_run },
  { "assessment set", "ID [--date YYYY-MM-DD] [--consultant NAME] [--target LEVEL] [--notes TEXT]", N_("Change the details of an assessment"), sihua_cli_assessment_set_run },
  { "assessment finalize", "ID [--lang zh_CN|en]", N_("Finalise a complete assessment: freeze it and keep its report in the database"), sihua_cli_assessment_finalize_run },
  { "assessment reopen", "ID --reason TEXT", N_("Reopen a finalised assessment, starting its next revision"), sihua_cli_assessment_reopen_run },
  { "assessment revisions", "ID", N_("List the finalised revisions of an assessment"), sihua_cli_assessment_revisions_run },
  { "assessment delete", "ID", N_("Move an assessment to the trash"), sihua_cli_assessment_delete_run },
  { "interviewee add", "ID --name NAME [--role TEXT] [--department TEXT]", N_("Add a person interviewed for an assessment"), sihua_cli_interviewee_add_run },
  { "interviewee list", "ID", N_("List the people interviewed for an assessment"), sihua_cli_interviewee_list_run },
  { "interviewee remove", "ID --name NAME", N_("Remove an interviewee and what they answered"), sihua_cli_interviewee_remove_run },
  { "assessment undo", "ID", N_("Undo the latest answer change of an assessment"), sihua_cli_assessment_undo_run },
  { "evidence add", "ID QUESTION_ID FILE", N_("Add a file (a photo, a screenshot, a scanned form) as evidence for an answer"), sihua_cli_evidence_add_run },
  { "evidence list", "ID [QUESTION_ID]", N_("List an assessment's evidence files, numbered per question"), sihua_cli_evidence_list_run },
  { "evidence export", "ID QUESTION_ID N -o FILE", N_("Write an evidence file out exactly as it was added"), sihua_cli_evidence_export_run },
  { "evidence delete", "ID QUESTION_ID N", N_("Take an evidence file off its answer (evidence undo puts it back)"), sihua_cli_evidence_delete_run },
  { "evidence undo", "ID", N_("Put back the evidence file deleted last"), sihua_cli_evidence_undo_run },
  { "trash list", "", N_("List the deleted companies and assessments kept in the trash"), sihua_cli_trash_list_run },
  { "trash restore", "ID", N_("Bring a company or assessment back from the trash"), sihua_cli_trash_restore_run },
  { "trash empty", "[--yes]", N_("Destroy everything in the trash for good"), sihua_cli_trash_empty_run },
  { "check", "", N_("Check the database's integrity and list its backups"), sihua_cli_check_run },
  { "backup", "", N_("Back up the database now"), sihua_cli_backup_run },
  { "restore", "BACKUP", N_("Replace the database with a backup, keeping a copy of the current one"), sihua_cli_restore_run },
  { "repair", "", N_("Rebuild damaged indexes from their tables, keeping a copy of the damaged file"), sihua_cli_repair_run },
  { "model validate", "FILE", N_("Check a questionnaire model file and list every problem"), sihua_cli_model_validate_run },
  { "model list", "", N_("List the available questionnaire models, the default one first"), sihua_cli_model_list_run },
  { "model show", "ID [VERSION]", N_("Show the structure of a questionnaire model"), sihua_cli_model_show_run },
  { "chart", "ID --kind KIND -o FILE.png", N_("Draw a chart of an assessment as a PNG image"), sihua_cli_chart_run },
  { "score", "ID | --model MODEL --answers FILE", N_("Score an assessment: stage, index, dimensions, flags and what the next stage needs"), sihua_cli_score_run },
  { "roadmap", "ID [--target L] | --model MODEL --answers FILE", N_("Plan the actions that lead to the next (or target) stage"), sihua_cli_roadmap_run },
  { "roadmap edit", "ID MEASURE [--owner TEXT] [--budget 万元] [--start YYYY-MM] [--due YYYY-MM] [--status planned|in_progress|done|dropped] [--note TEXT] [--rank N] [--phase short|medium|long]", N_("Change a measure of an assessment's roadmap: who, how much, when, where it stands"), sihua_cli_roadmap_edit_run },
  { "roadmap add", "ID --title TEXT [--dimension ID]", N_("Add a measure of your own to an assessment's roadmap and print its id"), sihua_cli_roadmap_add_run },
  { "roadmap drop", "ID MEASURE", N_("Drop a measure from an assessment's roadmap (roadmap edit --status planned brings it back)"), sihua_cli_roadmap_drop_run },
  { "report", "ID -o FILE.pdf [--lang zh_CN|en] [--sections LIST] [--stored [--revision N]]", N_("Write the assessment report as a PDF"), sihua_cli_report_run },
  { "export", "--format csv|xlsx|json [--company ID | --assessment ID] [--no-bom] [--localized] -o FILE", N_("Export companies, assessments and answers for analysis"), sihua_cli_export_run },
  { "bundle export", "[--company ID…] -o FILE.sihua", N_("Pack companies and their assessments into a bundle for another laptop"), sihua_cli_bundle_export_run },
  { "bundle import", "FILE.sihua [--on-conflict mine|theirs|both]", N_("Merge a bundle from another laptop into this database"), sihua_cli_bundle_import_run },
  { "server init", "--url URL", N_("Create or upgrade the Sihua schema on the firm's PostgreSQL"), sihua_cli_server_init_run },
  { "server add-consultant", "NAME --url URL --team TEAM [--role consultant|lead|viewer] [--password PASSWORD]", N_("Add a login to the firm's server: a consultant sees the team's companies, a lead all, a viewer only the benchmark"), sihua_cli_server_add_consultant_run },
  { "server save-password", "--url URL < PASSWORD", N_("Keep a login's server password in the desktop keyring, read from standard input"), sihua_cli_server_save_password_run },
  { "sync", "[--url URL]", N_("Push this database's changes to the firm's server and pull everyone else's"), sihua_cli_sync_run },
  { "conflicts list", "[--all]", N_("List the answers changed here and on the server since they last agreed"), sihua_cli_conflicts_list_run },
  { "conflicts resolve", "ID mine|theirs|both", N_("Settle a conflict: keep mine, take theirs, or keep mine with theirs in the note"), sihua_cli_conflicts_resolve_run },
};

const guint sihua_cli_n_commands = G_N_ELEMENTS (sihua_cli_commands);
