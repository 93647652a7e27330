#pragma once

#include "common/result.h"
#include "protocol/clinicmessage.h"
#include "protocol/clinicprotocol.h"
#include "server/database.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace companion::server {

// The clinic → patient channel on the server (docs/sync-protocol.md, "Clinic messages" and
// "Clinic protocol"): the per-vault message log (migration 2, `vault_messages`), the signed
// clinic protocol (`clinic_protocols`), and the admin actions that write them. The server stores
// the sealed messages and the signed protocol as they come and can read neither's meaning: the
// messages are sealed with the patient's SCK, the protocol is signed by the clinic key, which
// only the admin's keys directory holds.

struct AppendedMessage
{
    std::int64_t seq = 0;
    bool duplicate = false; // the identical message was already stored (a retry)
};

// Appends inside the caller's transaction: takes the vault row lock and the next number of the
// vault's sequence (shared with envelopes, so a message cursor never skips a late commit), and
// writes the audit row "message.send". The same message id with the same bytes is a duplicate
// (idempotent retry); with other bytes it is AlreadyExists. NotFound for an unknown vault.
Result<AppendedMessage> appendVaultMessage(Database &db, const QString &vaultId,
                                           const QString &messageId, protocol::MessageAuthor author,
                                           const QString &authorId, const QByteArray &sealed,
                                           const QString &actorRole, const QString &actorId,
                                           std::int64_t nowMs);

// A vault's messages after `afterSeq`, oldest first, with the author's name and public key.
Result<protocol::VaultMessagesPage> readVaultMessages(Database &db, const QString &vaultId,
                                                      std::int64_t afterSeq, int limit);

// The newest published protocol, or nullopt when none was published.
Result<std::optional<protocol::PublishedProtocol>> latestProtocol(Database &db);

// --- admin actions (`companion-server admin …`) ---

// Signs `protocolJson` (one JSON object, ≤ 256 KiB: the server does not link the app's protocol
// parser, the app validates it) with the clinic key from `keysDir` as version newest + 1, stores
// it and audits "protocol.publish". Returns the version.
Result<std::int64_t> publishProtocol(Database &db, const QString &keysDir,
                                     const QByteArray &protocolJson, std::int64_t nowMs);

struct ClinicAppointment
{
    QString vaultId;
    QString appointmentId; // empty: a new appointment (a new id is made); else moves that one
    std::int64_t startsAt = 0;
    int durationMinutes = 60;
    QString location;
};

struct SentMessage
{
    QString messageId;
    QString appointmentId;
    std::int64_t seq = 0;
    std::uint32_t generation = 0; // the SCK generation it was sealed under
};

// Seals an appointment (or its cancellation) to the patient with the vault's newest SCK, opened
// with the care-team key in `keysDir`, signs it with the clinic key, and appends it.
// NotFound when the vault does not exist or has no SCK yet (no device connected).
Result<SentMessage> sendAppointment(Database &db, const QString &keysDir,
                                    const ClinicAppointment &appointment, std::int64_t nowMs);
Result<SentMessage> cancelAppointment(Database &db, const QString &keysDir, const QString &vaultId,
                                      const QString &appointmentId, std::int64_t nowMs);

} // namespace companion::server
