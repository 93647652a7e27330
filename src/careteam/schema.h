#pragma once

#include "common/result.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/profilefolder.h"

#include <span>

namespace companion::careteam {

// The therapist profile's database (its own migration history, separate from the patient
// profile's; docs/architecture.md "The care-team console"). Tables:
//
//   meta            profile id (storage/profilefolder.h)
//   account         the enrolment: server URL, therapist id and name, the Ed25519 login secret,
//                   the pinned clinic key and fingerprint, last pull, when access ended
//   care_team_keys  CTK secrets by epoch (only epochs whose public key the clinic signed)
//   patients        vaults seen in /v1/careteam/patients, and whether they still share
//   shared_records  one row per shared record: what the server lists (version, coarse kind,
//                   shared_at) and what the console made of it — the opened payload (readable),
//                   why it could not open it (unreadable), or that it is no longer shared
//                   (withdrawn: the payload is dropped) — plus when it was read
//   alerts          the server's open safety alerts
std::span<const storage::Migration> careTeamMigrations();
int careTeamSchemaVersion();
Result<void> createCareTeamSchema(storage::Database &db);
Result<void> migrateCareTeamSchema(storage::Database &db);

// Its folder: console.key + console.db, so a care-team profile and a patient profile can never
// be mistaken for one another (storage::Profile uses profile.key + profile.db).
const storage::FolderLayout &careTeamFolderLayout();

} // namespace companion::careteam
