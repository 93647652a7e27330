#pragma once

#include "common/result.h"
#include "protocol/envelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

namespace companion::protocol {

// What travels inside a record envelope (the plaintext before padding): one version of one
// device record, as compact JSON
//
//   {"kind": "diary.checkin", "created_at": ms, "updated_at": ms, "occurred_at": ms | null,
//    "deleted": false, "body": "<base64 of the record's own JSON body>"}
//
// The precise kind lives here, inside the ciphertext; the envelope header carries only the
// coarse RecordKind. Envelope `schema` = kRecordPayloadSchema. Decoding is strict (unknown keys,
// wrong types and oversized fields are errors) because a payload comes from another device.
inline constexpr std::uint16_t kRecordPayloadSchema = 1;

struct RecordPayload
{
    QString kind;
    std::int64_t createdAt = 0; // UTC ms
    std::int64_t updatedAt = 0;
    std::optional<std::int64_t> occurredAt;
    bool deleted = false;
    QByteArray body; // empty for a tombstone

    QByteArray encode() const;
    // The same bytes built through QJsonObject and QJsonDocument: the reference encode()'s
    // direct writer must match (tests), and its path for kinds that would need escaping.
    QByteArray encodeThroughJson() const;
    static Result<RecordPayload> decode(QByteArrayView plaintext);
    friend bool operator==(const RecordPayload &, const RecordPayload &) = default;
};

// The coarse, routable kind the server sees for a precise kind ("diary.checkin" → Diary).
// Unknown kinds (a newer app) travel as Settings: the server does not care, and a device that
// cannot read the precise kind keeps the record untouched.
RecordKind coarseKindOf(const QString &kind);

} // namespace companion::protocol
