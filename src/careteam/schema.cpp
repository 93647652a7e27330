#include "careteam/schema.h"

#include <array>

namespace companion::careteam {

namespace {

// Never edit a step that has shipped: add one, and keep kFreshSchema equal to running them all
// (tests/unit/careteam holds the two together).
constexpr std::array kMigrations = {
    storage::Migration{1, "care-team console profile", R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    therapist_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    signing_secret BLOB NOT NULL,
    clinic_id TEXT NOT NULL,
    clinic_name TEXT NOT NULL,
    clinic_signing_key BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at INTEGER NOT NULL,
    last_pull_at INTEGER,
    access_ended_at INTEGER
);
CREATE TABLE care_team_keys (
    epoch INTEGER PRIMARY KEY,
    public_key BLOB NOT NULL,
    secret BLOB NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE TABLE patients (
    vault_id TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL,
    sharing INTEGER NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE shared_records (
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    coarse_kind INTEGER NOT NULL,
    shared_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    key_epoch INTEGER NOT NULL,
    kind TEXT,
    created_at INTEGER,
    updated_at INTEGER,
    occurred_at INTEGER,
    body BLOB,
    fetched_at INTEGER NOT NULL,
    read_at INTEGER,
    PRIMARY KEY (vault_id, record_id)
) WITHOUT ROWID;
CREATE INDEX shared_records_by_state ON shared_records (vault_id, state);
CREATE TABLE alerts (
    alert_id TEXT PRIMARY KEY NOT NULL,
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
                       nullptr},
    // Therapists' replies (ADR 0013, "Replies"): the exact request body is kept from before it
    // is first sent until the server acknowledged it, so a retry re-sends identical bytes.
    storage::Migration{2, "care-team replies", R"sql(
CREATE TABLE replies (
    message_id TEXT PRIMARY KEY NOT NULL,
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    text TEXT NOT NULL,
    author_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    request BLOB NOT NULL,
    state TEXT NOT NULL,
    seq INTEGER,
    sent_at INTEGER
) WITHOUT ROWID;
CREATE INDEX replies_by_entry ON replies (vault_id, record_id, created_at);
)sql",
                       nullptr},
};

constexpr bool versionsAreConsecutive()
{
    for (std::size_t i = 0; i < kMigrations.size(); ++i) {
        if (kMigrations[i].version != static_cast<int>(i) + 1)
            return false;
    }
    return true;
}
static_assert(versionsAreConsecutive(), "migration versions must be 1, 2, 3, … in order");

// The schema a new console profile gets, equal to running every migration on an empty database.
constexpr const char *kFreshSchema = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    therapist_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    signing_secret BLOB NOT NULL,
    clinic_id TEXT NOT NULL,
    clinic_name TEXT NOT NULL,
    clinic_signing_key BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at INTEGER NOT NULL,
    last_pull_at INTEGER,
    access_ended_at INTEGER
);
CREATE TABLE care_team_keys (
    epoch INTEGER PRIMARY KEY,
    public_key BLOB NOT NULL,
    secret BLOB NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE TABLE patients (
    vault_id TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL,
    sharing INTEGER NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE shared_records (
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    coarse_kind INTEGER NOT NULL,
    shared_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    key_epoch INTEGER NOT NULL,
    kind TEXT,
    created_at INTEGER,
    updated_at INTEGER,
    occurred_at INTEGER,
    body BLOB,
    fetched_at INTEGER NOT NULL,
    read_at INTEGER,
    PRIMARY KEY (vault_id, record_id)
) WITHOUT ROWID;
CREATE INDEX shared_records_by_state ON shared_records (vault_id, state);
CREATE TABLE alerts (
    alert_id TEXT PRIMARY KEY NOT NULL,
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE replies (
    message_id TEXT PRIMARY KEY NOT NULL,
    vault_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    text TEXT NOT NULL,
    author_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    request BLOB NOT NULL,
    state TEXT NOT NULL,
    seq INTEGER,
    sent_at INTEGER
) WITHOUT ROWID;
CREATE INDEX replies_by_entry ON replies (vault_id, record_id, created_at);
)sql";

const storage::FolderLayout kLayout{"console.key", "console.db", &createCareTeamSchema,
                                    &migrateCareTeamSchema};

} // namespace

std::span<const storage::Migration> careTeamMigrations()
{
    return kMigrations;
}

int careTeamSchemaVersion()
{
    return kMigrations.back().version;
}

Result<void> createCareTeamSchema(storage::Database &db)
{
    return storage::createFreshSchemaWith(db, kFreshSchema, careTeamSchemaVersion());
}

Result<void> migrateCareTeamSchema(storage::Database &db)
{
    return storage::migrateWith(db, kMigrations);
}

const storage::FolderLayout &careTeamFolderLayout()
{
    return kLayout;
}

} // namespace companion::careteam
