#pragma once

#include "common/ids.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace companion::domain {

// The unit of storage and sync. `kind` names what the body is ("diary.checkin",
// "profile.settings", …); the body is the kind's own JSON. Everything a person writes lives in a
// record; records are versioned, never updated in place without a new version.
struct Record
{
    RecordId id;
    QString kind;
    std::int64_t version = 0; // 1 for a new record, +1 on every change
    QDateTime createdAt;      // UTC
    QDateTime updatedAt;      // UTC
    bool deleted = false;     // tombstone: kept so the deletion itself syncs
    QByteArray body;
    // When what the record describes happened (a check-in's time), for timelines; set by the
    // writer, since a diary entry can be about an earlier moment than its creation.
    std::optional<QDateTime> occurredAt;
};

// A change waiting to be pushed to the clinic server.
struct OutboxEntry
{
    std::int64_t sequence = 0;
    RecordId recordId;
    std::int64_t version = 0;
    QDateTime queuedAt;
};

// Record kinds known to this build.
namespace kinds {
inline const QString profileSettings = QStringLiteral("profile.settings");
} // namespace kinds

} // namespace companion::domain
