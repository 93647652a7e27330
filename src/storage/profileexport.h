#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "storage/database.h"

#include <QByteArray>
#include <QDateTime>

namespace companion::storage {

// The patient's own copy of everything in a profile, as one JSON document (docs/api.md
// "Profile export (JSON)"): every record — live ones and tombstones, each with its whole version
// history — and the profile's drafts and preferences kept in `meta`. Sync state is left out on
// purpose: it holds this device's keys and identity, which belong to the device, not to the data
// (an imported profile is a new, unenrolled device; enrolling it uploads the imported records).
//
// The document is deterministic: records ordered by id, history by version, meta by key, and the
// JSON keys in a fixed order, so export → import → export gives the same bytes but for
// `exported_at`.
inline constexpr const char *kExportFormat = "companion-export";
inline constexpr int kExportSchema = 1;
// Caps for import: a file larger than this, or with more records or versions, is refused before
// anything is written. Far above a lifetime of daily entries (about 40,000 records in 100 years).
inline constexpr qint64 kMaxImportBytes = 256LL * 1024 * 1024;
inline constexpr qint64 kMaxImportRecords = 1'000'000;
inline constexpr qint64 kMaxImportVersions = 4'000'000;

struct ExportCounts
{
    qint64 records = 0;   // rows of `records`, tombstones included
    qint64 deleted = 0;   // of which tombstones
    qint64 versions = 0;  // rows of `record_versions`
    qint64 metaItems = 0; // drafts and preferences
};

struct ExportedProfile
{
    QByteArray json; // UTF-8, indented, ends with a newline
    ExportCounts counts;
};

Result<ExportedProfile> exportProfile(Database &db, const QDateTime &exportedAt);

// Writes an export into a profile that holds nothing yet (no record, no draft, not enrolled):
// AlreadyExists otherwise. The document is checked completely first (InvalidInput names the
// first problem by its JSON path, never by a value: values are patient text); then everything is
// written in one transaction, each record's current version queued for sync as a local write is.
Result<ExportCounts> importProfile(Database &db, const QByteArray &json, const Clock &clock);

} // namespace companion::storage
