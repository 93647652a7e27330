#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QString>

#include <span>

namespace companion::storage {

// One schema step. Versions are consecutive from 1 (checked at compile time in migrations.cpp).
struct Migration
{
    int version;
    const char *description;
    const char *sql;
    // Optional work after `sql`, in the same transaction, for data SQL alone cannot derive
    // (the bundled SQLite has no JSON functions).
    Result<void> (*backfill)(Database &db);
};

std::span<const Migration> migrations();
int latestSchemaVersion();

// Brings an existing database from its PRAGMA user_version to the latest, one transaction per
// step. A database newer than this build is refused with Unsupported (never downgraded).
Result<void> migrate(Database &db);
// Creates the current schema in an empty database directly (the path new profiles take).
Result<void> createFreshSchema(Database &db);
// The same two paths for another schema built from the same parts (the care-team console's
// profile): `steps` ascend from 1; `freshSchemaSql` equals running them all.
Result<void> migrateWith(Database &db, std::span<const Migration> steps);
Result<void> createFreshSchemaWith(Database &db, const char *freshSchemaSql, int version);

// Normalised description of the schema (tables, columns, indexes, triggers, user_version), used
// to prove that a migrated database equals a fresh one.
Result<QString> schemaFingerprint(Database &db);

} // namespace companion::storage
