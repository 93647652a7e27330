#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "protocol/api.h"
#include "storage/database.h"
#include "sync/sharing.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace companion::sync {

// This device's enrolment with a clinic. The device's login key and the vault root key live only
// here, in the encrypted profile database; they are read into wiped memory.
struct Account
{
    QString serverUrl;
    QString vaultId;          // 32 hex digits
    QString deviceId;         // 32 hex digits
    SecretBytes deviceKey;    // Ed25519 secret key (64 bytes)
    SecretBytes vaultRootKey; // VRK (32 bytes)
    std::uint32_t keyEpoch = 1;
    protocol::ClinicInfo clinic; // as last verified against the pinned fingerprint
    QString fingerprint;         // the clinic signing key's fingerprint, pinned at enrolment
    std::int64_t pullCursor = 0;
    QDateTime enrolledAt;
    std::int64_t messageCursor = 0; // GET /v1/vault/messages?after= (migration 7)
};

struct StoredEnvelope
{
    QByteArray envelope;
    QByteArray wrappedKey;
    QByteArray hash; // BLAKE2b-256 of the envelope
    // Read only: the server has the version. Derived, not stored (migration 8): true when the
    // outbox holds no row for the version, i.e. it was received, or pushed and acknowledged.
    bool acknowledged = false;
};

struct SharedCollectionKey
{
    std::uint32_t generation = 0;
    std::uint32_t careTeamEpoch = 0;
    SecretBytes key;
};

struct ShareState
{
    std::int64_t version = 0;
    std::uint32_t generation = 0;
};

// A local edit that lost to another device's edit of the same version: kept, shown, and turned
// into a new version if the patient chooses it.
struct Conflict
{
    std::int64_t id = 0;
    QString recordId;
    QString kind;
    QByteArray body;
    bool deleted = false;
    QDateTime updatedAt;
    std::int64_t remoteVersion = 0;
    QDateTime detectedAt;
};

struct IntegrityEvent
{
    QDateTime at;
    QString recordId;
    std::int64_t version = 0;
    QString reason; // "damaged", "replayed", "chain_broken", "foreign_vault", …
};

// A message from the clinic or a therapist, opened and checked (migration 7). Only inside the
// encrypted profile: the words are the clinic's or a therapist's, about this patient.
struct ReceivedMessage
{
    QString messageId;
    std::int64_t seq = 0;
    QString type;       // "appointment", "appointment.cancel", "reply"
    QString authorType; // "clinic" or "therapist"
    QString authorId;
    QString authorName; // the name the server gave for the author
    // reply: the record id (UUID text) of the entry it answers; appointments: the record id of
    // the appointment in the patient's plan.
    QString subjectId;
    QByteArray message;  // the whole message as its author signed it (ClinicMessage JSON)
    QDateTime createdAt; // when the author wrote it (inside the signed message)
    QDateTime receivedAt;
};

// The newest clinic protocol this device accepted, as the clinic signed it.
struct ReceivedProtocol
{
    std::int64_t version = 0;
    std::int64_t issuedAt = 0;
    QByteArray document;
    QByteArray signature;
    QDateTime receivedAt;
};

// The sync tables of the profile database (migrations 5, 7 and 8). Plain reads and writes; the
// engine decides and groups them into transactions.
class SyncStore
{
public:
    explicit SyncStore(storage::Database &db);

    Result<std::optional<Account>> account();
    Result<void> saveAccount(const Account &account);
    Result<void> setPullCursor(std::int64_t cursor);
    Result<void> setClinic(const protocol::ClinicInfo &clinic);

    Result<std::optional<StoredEnvelope>> envelope(const QString &recordId, std::int64_t version);
    // Stores the bytes of a version (`stored.acknowledged` is not stored: it follows the outbox).
    // A version is acknowledged by deleting its outbox row (RecordRepository::acknowledge…).
    Result<void> putEnvelope(const QString &recordId, std::int64_t version,
                             const StoredEnvelope &stored);
    // Drops the record's envelopes not yet acknowledged. Before the outbox rows are discarded:
    // afterwards nothing tells them from acknowledged ones.
    Result<void> dropUnacknowledged(const QString &recordId);

    Result<std::vector<SharedCollectionKey>> sharedKeys(); // oldest generation first
    Result<void> putSharedKey(const SharedCollectionKey &key);

    Result<std::optional<ShareState>> share(const QString &recordId);
    Result<void> setShare(const QString &recordId, const ShareState &state);
    Result<void> clearShare(const QString &recordId);
    Result<std::vector<QString>> sharedRecordIds();

    Result<ShareChoices> choices();
    Result<void> setCategoryChoice(ShareCategory category, bool shared);
    // nullopt: forget the entry's own choice (its category decides again).
    Result<void> setEntryChoice(const QString &recordId, std::optional<bool> shared);
    // Whether shares must be compared with the choices at the next sync (choices or keys
    // changed since the last comparison).
    Result<bool> shareReviewNeeded();
    Result<void> setShareReviewNeeded(bool needed);

    Result<void> addConflict(const Conflict &conflict);
    Result<std::vector<Conflict>> conflicts();
    Result<std::optional<Conflict>> conflict(std::int64_t id);
    Result<void> removeConflict(std::int64_t id);

    Result<void> addIntegrityEvent(const IntegrityEvent &event);
    Result<std::vector<IntegrityEvent>> integrityEvents();

    // Record ids with changes not yet on the server, and ids the care team can read now.
    Result<std::vector<QString>> pendingRecordIds();

    Result<void> setMessageCursor(std::int64_t cursor);
    Result<bool> hasMessage(const QString &messageId);
    Result<void> addMessage(const ReceivedMessage &message);
    // Oldest first (by the server's sequence).
    Result<std::vector<ReceivedMessage>> messages();
    // When the newest stored appointment message about `subjectId` was written (nullopt: none).
    Result<std::optional<QDateTime>> newestAppointmentMessage(const QString &subjectId);

    Result<std::optional<ReceivedProtocol>> clinicProtocol();
    Result<void> setClinicProtocol(const ReceivedProtocol &protocol);

private:
    // A statement run once per record by a push or a pull, prepared on first use and kept:
    // preparing it again for every record of a 10,000-record sync cost more than running it
    // (bench/bench_sync). `sql` must be a string literal (it is the key). The caller resets it
    // after use (Resetting below), so no cached statement ever holds a read snapshot open.
    Result<storage::Statement *> cached(const char *sql);
    storage::Database &m_db;
    std::unordered_map<const char *, storage::Statement> m_cached;
};

} // namespace companion::sync
