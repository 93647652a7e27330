#include "server/clinicmessages.h"

#include "protocol/keys.h"
#include "server/admin.h"
#include "server/auditlog.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace companion::server {

namespace {

const QString kAdmin = u"admin"_s;
const QString kCli = u"cli"_s;

Result<protocol::SigningKeyPair> loadClinicKey(const QString &keysDir)
{
    auto secret = readKeyFile(clinicSigningKeyPath(keysDir));
    if (!secret)
        return secret.error();
    return protocol::signingKeyPairFromSecret(std::move(secret).value());
}

Result<QString> clinicId(Database &db)
{
    auto row = db.one("read the clinic", u"SELECT id FROM clinic"_s);
    if (!row) {
        if (row.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, u"run `admin init` first"_s);
        return row.error();
    }
    return row->value(0).toString();
}

struct VaultKey
{
    std::uint32_t generation = 0;
    SecretBytes key;
};

// The vault's newest SCK, opened with the care-team key of the epoch it was sealed to: what the
// admin, who holds every care-team key, seals a clinic message with.
Result<VaultKey> newestSharedKey(Database &db, const QString &keysDir, const QString &vaultId)
{
    auto vault = db.exec("find the vault", u"SELECT 1 FROM vaults WHERE id = ?"_s, {vaultId});
    if (!vault)
        return vault.error();
    if (!vault->next())
        return makeError(ErrorCode::NotFound, u"no such vault"_s);
    auto row = db.exec("read the newest SCK",
                       u"SELECT generation, ctk_epoch, sealed FROM shared_collection_keys WHERE "
                       u"vault_id = ? ORDER BY generation DESC LIMIT 1"_s,
                       {vaultId});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound,
                         u"the patient has not connected a device to this vault yet"_s);
    const auto generation = static_cast<std::uint32_t>(row->value(0).toLongLong());
    const auto epoch = static_cast<std::uint32_t>(row->value(1).toLongLong());
    auto secret = readKeyFile(careTeamKeyPath(keysDir, epoch));
    if (!secret)
        return secret.error();
    auto careTeamKey = protocol::boxKeyPairFromSecret(std::move(secret).value());
    if (!careTeamKey)
        return careTeamKey.error();
    auto sck = protocol::openSharedCollectionKey(*careTeamKey, row->value(2).toByteArray());
    if (!sck)
        return makeError(ErrorCode::Damaged,
                         u"the vault's shared key does not open with the care-team key"_s);
    return VaultKey{generation, std::move(*sck)};
}

Result<SentMessage> sendClinicMessage(Database &db, const QString &keysDir,
                                      protocol::ClinicMessage message, std::int64_t nowMs)
{
    auto clinic = clinicId(db);
    if (!clinic)
        return clinic.error();
    auto signing = loadClinicKey(keysDir);
    if (!signing)
        return signing.error();
    auto sck = newestSharedKey(db, keysDir, message.vaultId);
    if (!sck)
        return sck.error();
    auto sealed = protocol::sealClinicMessage(message, protocol::MessageAuthor::Clinic, *clinic,
                                              signing->secretKey, sck->key, sck->generation);
    if (!sealed)
        return sealed.error();
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    auto appended =
        appendVaultMessage(db, message.vaultId, message.messageId, protocol::MessageAuthor::Clinic,
                           *clinic, *sealed, kAdmin, kCli, nowMs);
    if (!appended)
        return appended.error();
    COMPANION_TRY(transaction.commit());
    SentMessage sent;
    sent.messageId = message.messageId;
    sent.seq = appended->seq;
    sent.generation = sck->generation;
    if (const auto *appointment = std::get_if<protocol::AppointmentMessage>(&message.body))
        sent.appointmentId = appointment->appointmentId;
    else if (const auto *cancel = std::get_if<protocol::AppointmentCancelMessage>(&message.body))
        sent.appointmentId = cancel->appointmentId;
    return sent;
}

} // namespace

Result<AppendedMessage> appendVaultMessage(Database &db, const QString &vaultId,
                                           const QString &messageId, protocol::MessageAuthor author,
                                           const QString &authorId, const QByteArray &sealed,
                                           const QString &actorRole, const QString &actorId,
                                           std::int64_t nowMs)
{
    // The vault row lock orders this against pushes and other messages to the same vault, so
    // sequence numbers are handed out in commit order (as for envelopes).
    auto lock = db.exec("lock the vault", u"UPDATE vaults SET last_seq = last_seq WHERE id = ?"_s,
                        {vaultId});
    if (!lock)
        return lock.error();
    if (lock->numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, u"no such vault"_s);
    auto existing = db.exec("read a stored message",
                            u"SELECT seq, sealed FROM vault_messages WHERE vault_id = ? AND "
                            u"message_id = ?"_s,
                            {vaultId, messageId});
    if (!existing)
        return existing.error();
    if (existing->next()) {
        if (existing->value(1).toByteArray() == sealed)
            return AppendedMessage{existing->value(0).toLongLong(), true};
        return makeError(ErrorCode::AlreadyExists, u"another message has this id"_s);
    }
    auto seqRow =
        db.one("read the vault sequence", u"SELECT last_seq FROM vaults WHERE id = ?"_s, {vaultId});
    if (!seqRow)
        return seqRow.error();
    const qint64 seq = seqRow->value(0).toLongLong() + 1;
    COMPANION_TRY(db.exec("store a message",
                          u"INSERT INTO vault_messages (vault_id, seq, message_id, author_type, "
                          u"author_id, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {vaultId, seq, messageId, protocol::messageAuthorName(author), authorId,
                           sealed, static_cast<qint64>(nowMs)}));
    COMPANION_TRY(db.exec("advance the vault sequence",
                          u"UPDATE vaults SET last_seq = ? WHERE id = ?"_s, {seq, vaultId}));
    COMPANION_TRY(
        appendAudit(db, {actorRole, actorId, u"message.send"_s, vaultId, messageId}, nowMs));
    return AppendedMessage{seq, false};
}

Result<protocol::VaultMessagesPage> readVaultMessages(Database &db, const QString &vaultId,
                                                      std::int64_t afterSeq, int limit)
{
    auto clinic = db.exec("read the clinic", u"SELECT id, name, signing_public_key FROM clinic"_s);
    if (!clinic)
        return clinic.error();
    QString clinicId, clinicName;
    QByteArray clinicKey;
    if (clinic->next()) {
        clinicId = clinic->value(0).toString();
        clinicName = clinic->value(1).toString();
        clinicKey = clinic->value(2).toByteArray();
    }
    protocol::VaultMessagesPage page;
    page.next = afterSeq;
    auto rows = db.exec("read messages",
                        u"SELECT m.seq, m.message_id, m.author_type, m.author_id, m.sealed, "
                        u"m.created_at, p.display_name, p.public_key FROM vault_messages m "
                        u"LEFT JOIN principals p ON p.id = m.author_id AND p.role = 'therapist' "
                        u"WHERE m.vault_id = ? AND m.seq > ? ORDER BY m.seq LIMIT ?"_s,
                        {vaultId, static_cast<qint64>(afterSeq), limit + 1});
    if (!rows)
        return rows.error();
    while (rows->next()) {
        if (static_cast<int>(page.messages.size()) == limit) {
            page.more = true;
            break;
        }
        protocol::VaultMessage message;
        message.seq = rows->value(0).toLongLong();
        message.messageId = rows->value(1).toString();
        const auto author = protocol::messageAuthorFromName(rows->value(2).toString());
        message.author = author.value_or(protocol::MessageAuthor::Clinic);
        message.authorId = rows->value(3).toString();
        message.sealed = rows->value(4).toByteArray();
        message.createdAt = rows->value(5).toLongLong();
        if (message.author == protocol::MessageAuthor::Clinic) {
            message.authorName = clinicName;
            message.authorPublicKey = clinicKey;
        } else {
            message.authorName = rows->value(6).toString();
            message.authorPublicKey = rows->value(7).toByteArray();
        }
        page.next = message.seq;
        page.messages.push_back(std::move(message));
    }
    return page;
}

Result<std::optional<protocol::PublishedProtocol>> latestProtocol(Database &db)
{
    auto row = db.exec("read the clinic protocol",
                       u"SELECT version, document, signature FROM clinic_protocols ORDER BY "
                       u"version DESC LIMIT 1"_s);
    if (!row)
        return row.error();
    if (!row->next())
        return std::optional<protocol::PublishedProtocol>();
    return std::optional<protocol::PublishedProtocol>(protocol::PublishedProtocol{
        row->value(0).toLongLong(), row->value(1).toByteArray(), row->value(2).toByteArray()});
}

Result<std::int64_t> publishProtocol(Database &db, const QString &keysDir,
                                     const QByteArray &protocolJson, std::int64_t nowMs)
{
    auto compact = protocol::compactClinicProtocolJson(protocolJson);
    if (!compact)
        return compact.error();
    if (auto clinic = clinicId(db); !clinic)
        return clinic.error();
    auto signing = loadClinicKey(keysDir);
    if (!signing)
        return signing.error();
    Transaction transaction(db);
    COMPANION_TRY(transaction.begin());
    // Two admins publishing at once: the primary key refuses the second insert of a version.
    auto newest = db.one("read the protocol version",
                         u"SELECT COALESCE(MAX(version), 0) FROM clinic_protocols"_s);
    if (!newest)
        return newest.error();
    const std::int64_t version = newest->value(0).toLongLong() + 1;
    auto published = protocol::signClinicProtocol(signing->secretKey, version, nowMs, *compact);
    if (!published)
        return published.error();
    COMPANION_TRY(db.exec("publish the clinic protocol",
                          u"INSERT INTO clinic_protocols (version, document, signature, "
                          u"created_at) VALUES (?, ?, ?, ?)"_s,
                          {static_cast<qint64>(version), published->document, published->signature,
                           static_cast<qint64>(nowMs)}));
    COMPANION_TRY(appendAudit(
        db, {kAdmin, kCli, u"protocol.publish"_s, QString(), QString::number(version)}, nowMs));
    COMPANION_TRY(transaction.commit());
    return version;
}

Result<SentMessage> sendAppointment(Database &db, const QString &keysDir,
                                    const ClinicAppointment &appointment, std::int64_t nowMs)
{
    protocol::AppointmentMessage body{
        appointment.appointmentId.isEmpty() ? protocol::newMessageId() : appointment.appointmentId,
        appointment.startsAt, appointment.durationMinutes, appointment.location};
    protocol::ClinicMessage message{protocol::newMessageId(), appointment.vaultId, nowMs,
                                    std::move(body)};
    COMPANION_TRY(protocol::validate(message));
    return sendClinicMessage(db, keysDir, std::move(message), nowMs);
}

Result<SentMessage> cancelAppointment(Database &db, const QString &keysDir, const QString &vaultId,
                                      const QString &appointmentId, std::int64_t nowMs)
{
    protocol::ClinicMessage message{protocol::newMessageId(), vaultId, nowMs,
                                    protocol::AppointmentCancelMessage{appointmentId}};
    COMPANION_TRY(protocol::validate(message));
    return sendClinicMessage(db, keysDir, std::move(message), nowMs);
}

} // namespace companion::server
