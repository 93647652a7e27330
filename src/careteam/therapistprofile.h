#pragma once

#include "careteam/keyring.h"
#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/recoverykey.h"
#include "protocol/keys.h"
#include "protocol/recordpayload.h"
#include "storage/database.h"
#include "storage/keyfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace companion::careteam {

// The enrolment a console keeps (secrets are read separately, into SecretBytes).
struct Account
{
    QString serverUrl;
    QString therapistId;
    QString displayName; // as the clinic registered it; patients see it in their access log
    QString clinicId;
    QString clinicName;
    QByteArray clinicSigningKey; // OrgSig, pinned at enrolment
    QString fingerprint;         // of clinicSigningKey, as the person typed it
    QDateTime enrolledAt;
    std::optional<QDateTime> lastPullAt;
    // Set when the clinic stopped accepting this console's login (the therapist was removed).
    std::optional<QDateTime> accessEndedAt;
};

enum class RecordState {
    Readable,   // opened; the payload is in the database
    Unreadable, // listed as shared, but the console holds no key that opens it (or it is damaged)
    Withdrawn,  // no longer shared (the patient stopped sharing it, or edited it privately)
};
QString recordStateName(RecordState state); // "readable", "unreadable", "withdrawn"

// One shared record as the console knows it. Payload fields are set only while readable;
// a withdrawn record keeps its kind and time (to say what is no longer visible) but not its body.
struct CachedRecord
{
    QString vaultId;
    QString recordId;
    std::uint64_t version = 0;
    int coarseKind = 0; // protocol::RecordKind as the server listed it
    std::int64_t sharedAt = 0;
    RecordState state = RecordState::Readable;
    Unreadable reason = Unreadable::None; // Unreadable only
    std::uint32_t keyEpoch = 0;           // the highest CTK epoch held when it was tried
    QString kind;                         // the precise kind, once opened
    std::optional<std::int64_t> createdAt;
    std::optional<std::int64_t> updatedAt;
    std::optional<std::int64_t> occurredAt;
    QByteArray body; // the record's own JSON body (Readable only)
    std::int64_t fetchedAt = 0;
    std::optional<std::int64_t> readAt;
};

struct CachedPatient
{
    QString vaultId;
    QString label;
    bool sharing = true; // false once the patient shares nothing any more
    std::int64_t firstSeenAt = 0;
    std::int64_t lastSeenAt = 0;
};

struct CachedAlert
{
    QString alertId;
    QString vaultId;
    QString recordId;
    std::uint64_t version = 0;
    std::int64_t createdAt = 0;
};

// What one pull learned about one patient, written in one transaction.
struct PatientPull
{
    CachedPatient patient;
    std::vector<CachedRecord> changed; // new, newer or newly (un)readable records, complete rows
    QStringList listed;                // every record id the server lists as shared now
};

enum class ReplyState {
    Pending, // stored, not yet acknowledged by the server (no answer yet, or a lost one)
    Sent,    // the server answered 201 or 200 (a retry of a message it already held)
    Refused, // the server refused it for good (the patient shares nothing any more, 409)
};
QString replyStateName(ReplyState state); // "pending", "sent", "refused"

// A reply this console wrote to one shared entry (docs/adr/0013, "Replies"). `request` is the
// exact body of POST /v1/careteam/vaults/{v}/messages, sealed once: every retry sends it again.
struct CareTeamReply
{
    QString messageId;
    QString vaultId;
    QString recordId; // the entry answered, 32 hex digits
    QString text;
    QString authorName;
    std::int64_t createdAt = 0;
    std::uint32_t generation = 0; // the SCK generation it was sealed under
    QByteArray request;
    ReplyState state = ReplyState::Pending;
    std::optional<std::int64_t> seq; // the server's, once sent
    std::optional<std::int64_t> sentAt;
};

class TherapistProfile;
struct CreatedTherapistProfile
{
    std::unique_ptr<TherapistProfile> profile;
    crypto::RecoveryKey recoveryKey; // show once
};

// The therapist's own encrypted profile (console.key + console.db in its folder): the same
// passphrase rules, Argon2id key wrap and SQLCipher settings as a patient profile
// (storage/profilefolder.h, ADR 0004), with the care-team schema (careteam/schema.h).
// Everything the console decrypts stays inside this database: payloads are never written
// anywhere else. Destroying the object (lock) closes the database and wipes its key.
class TherapistProfile
{
public:
    static bool exists(const QString &directory);
    static Result<CreatedTherapistProfile> create(const QString &directory,
                                                  const SecretBytes &passphrase,
                                                  const Clock &clock = SystemClock::instance());
    static Result<std::unique_ptr<TherapistProfile>>
    unlock(const QString &directory, const SecretBytes &passphrase,
           const Clock &clock = SystemClock::instance());
    static Result<std::unique_ptr<TherapistProfile>>
    unlockWithRecoveryKey(const QString &directory, const crypto::RecoveryKey &recoveryKey,
                          const Clock &clock = SystemClock::instance());
    // Deletes a profile folder's files (an enrolment that failed after the profile was made).
    static void remove(const QString &directory);

    // Another connection to this unlocked profile's database, for a worker thread (the window
    // pulls on one while its UI thread keeps reading): same key, no passphrase, no full page
    // check (storage::Database::OpenMode::SecondConnection). Owned and used by one thread.
    Result<std::unique_ptr<TherapistProfile>> secondConnection() const;

    ~TherapistProfile();
    TherapistProfile(const TherapistProfile &) = delete;
    TherapistProfile &operator=(const TherapistProfile &) = delete;

    Result<bool> verifyPassphrase(const SecretBytes &passphrase) const;
    Result<void> changePassphrase(const SecretBytes &newPassphrase);

    const QString &directory() const { return m_directory; }
    storage::Database &database() { return m_db; }

    // --- the enrolment ---
    Result<std::optional<Account>> account();
    // Writes the account, the login key and the first care-team key in one transaction.
    Result<void> saveEnrolment(const Account &account, const SecretBytes &signingSecret,
                               std::uint32_t careTeamEpoch,
                               const protocol::BoxKeyPair &careTeamKey);
    Result<protocol::SigningKeyPair> signingKey();
    Result<CareTeamKeyRing> keyRing();
    // true when the epoch was new.
    Result<bool> storeCareTeamKey(std::uint32_t epoch, const protocol::BoxKeyPair &key);
    Result<void> setLastPull(const QDateTime &at);
    Result<void> setAccessEnded(const QDateTime &at);

    // --- what was pulled ---
    Result<std::vector<CachedPatient>> patients();
    Result<std::optional<CachedPatient>> patient(const QString &vaultId);
    // Every record of one patient in any state, oldest first by when it happened.
    Result<std::vector<CachedRecord>> records(const QString &vaultId);
    Result<std::vector<CachedAlert>> alerts();
    Result<void> applyPatientPull(const PatientPull &pull);
    // The patient no longer appears in the server's list: everything of theirs is withdrawn.
    Result<int> withdrawPatient(const QString &vaultId, std::int64_t at);
    Result<void> replaceAlerts(const std::vector<CachedAlert> &alerts);
    Result<void> removeAlert(const QString &alertId);
    // Marks every readable record of a patient read (the patient view was shown); returns how
    // many were unread.
    Result<int> markPatientRead(const QString &vaultId, std::int64_t at);

    // --- replies ---
    // Stored before the first send; AlreadyExists for a message id already held.
    Result<void> addReply(const CareTeamReply &reply);
    // One patient's replies (or every patient's, for an empty id), oldest first.
    Result<std::vector<CareTeamReply>> replies(const QString &vaultId = {});
    Result<void> setReplyState(const QString &messageId, ReplyState state,
                               std::optional<std::int64_t> seq, std::int64_t at);

private:
    TherapistProfile(QString directory, storage::KeyFile keyFile, SecretBytes databaseKey,
                     storage::Database db, const Clock &clock);

    QString m_directory;
    storage::KeyFile m_keyFile;
    SecretBytes m_databaseKey;
    storage::Database m_db;
    const Clock &m_clock;
};

} // namespace companion::careteam
