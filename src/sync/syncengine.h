#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/recoverykey.h"
#include "storage/database.h"
#include "storage/recordrepository.h"
#include "sync/clinicclient.h"
#include "sync/sharing.h"
#include "sync/syncstore.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace companion::sync {

struct EnrolOptions
{
    QString serverUrl;
    QString code;                // an enrolment code from the clinic, or a join code
    QString expectedFingerprint; // the clinic key fingerprint printed with the code; empty:
                                 // trust the key the server presents now and pin it
    QStringList shareCategories; // categories the patient turned on while enrolling
    // From a device link (a QR code another of the patient's devices shows, ADR 0018): the link
    // secret L. The vault key is then opened from the `device-…` slot L names, with no
    // passphrase; the slot is deleted after use. When the slot is gone (closed or expired), the
    // passphrase prompt is asked as for a typed join code.
    std::shared_ptr<const SecretBytes> linkSecret = nullptr;
};

// What an enrolled device shows under "Add another device" (ADR 0018).
struct DeviceLink
{
    QString slot;               // the key slot holding the VRK wrapped under L
    QString code;               // the short-lived join code inside the link
    std::int64_t expiresAt = 0; // UTC ms: the code's expiry; the slot is deleted by then
    SecretBytes uri;            // companion:join?v=1&… (UTF-8), holds L: render it, then drop it
};
// How long a device link's join code lives (the server caps join codes at an hour).
inline constexpr int kDeviceLinkMinutes = 10;

struct EnrolResult
{
    QString vaultId;
    QString deviceId;
    QString clinicName;
    QString fingerprint;
    bool joinedExistingVault = false; // a second device of the same patient
    // A new vault only: the vault recovery key, to show the patient once and then drop. With it
    // and a recovery code from the clinic, a new device opens the vault after every device is
    // lost (ADR 0012).
    std::optional<crypto::RecoveryKey> recoveryKey;
};

// What one sync did, for `companion-cli sync --json` and the app's status line.
struct SyncReport
{
    int pushed = 0;    // versions the server accepted (or already had: a retried push)
    int pulled = 0;    // versions from other devices applied here
    int conflicts = 0; // local edits that lost to another device's edit and were kept aside
    int integrity = 0; // received versions refused as damaged, replayed or rolled back
    int sharesGranted = 0;
    int sharesRevoked = 0;
    // Records the share review read and decided again after the push; what this sync's push
    // already decided is skipped (ADR 0027), so this counts work, not outcomes.
    int sharesReviewed = 0;
    int requests = 0;
    int retries = 0;
    int messages = 0;                 // new messages from the clinic or the care team
    int appointments = 0;             // appointments the clinic booked, moved or cancelled
    std::int64_t protocolVersion = 0; // a newer clinic protocol accepted now (0: none)
};

// An access token handed from one engine to the next on the same profile (the app builds one
// engine per sync job): used only by a session of the same device. Memory only, never logged.
struct CarriedToken
{
    QString deviceId;
    QByteArray token;
};

// Per entry, what every list shows (issue 6): on this device only, on the clinic server, or
// readable by the care team.
enum class EntrySyncState { SavedOnDevice, Synced, Shared };

// Asked when joining a vault: the passphrase of the patient's first device (attempt 0, 1, …);
// an error (e.g. the person cancelled) stops the join.
using VaultPassphrasePrompt = std::function<Result<SecretBytes>(int attempt)>;
using TransportFactory = std::function<std::unique_ptr<HttpTransport>(const QUrl &)>;

// The client half of sync (docs/sync-protocol.md): enrolment, push of the outbox, pull by
// server sequence, conflicts, sharing with the care team and the care-team key rotation.
// Works on one profile database from one thread; every step that changes local state is one
// transaction, and the pull cursor is committed with the versions it covers, so a crash or a
// dead network at any point leaves a state the next sync continues from.
class SyncEngine
{
public:
    SyncEngine(storage::Database &db, storage::RecordRepository &records,
               const Clock &clock = SystemClock::instance(), TransportFactory transports = {},
               RetryPolicy retryPolicy = {});
    ~SyncEngine();
    SyncEngine(const SyncEngine &) = delete;
    SyncEngine &operator=(const SyncEngine &) = delete;

    Result<bool> isEnrolled();
    Result<Account> account();

    // The access token of this engine's session (empty when it never logged in), for the next
    // engine on this profile; and a token from the previous one, used instead of a first login
    // when it belongs to the enrolled device (a stale one costs a 401 and a login).
    CarriedToken accessToken() const;
    void carryAccessToken(CarriedToken token);

    // Enrols this profile. `passphrase` is the profile passphrase: for a new vault it seals the
    // vault key for the patient's future devices (slot "passphrase"). When the code joins an
    // existing vault, `askVaultPassphrase` is asked for the first device's passphrase.
    Result<EnrolResult> enrol(const EnrolOptions &options, const SecretBytes &passphrase,
                              const VaultPassphrasePrompt &askVaultPassphrase);

    // One full sync: clinic key check and care-team key rotation, pull, push, pull again after
    // a conflict, share changes.
    Result<SyncReport> sync();

    // Sharing (takes effect at the next sync).
    Result<void> setCategoryShared(ShareCategory category, bool shared);
    Result<void> setEntryShared(const QString &recordId, std::optional<bool> shared);
    Result<ShareChoices> shareChoices();

    // Per-entry state for lists: ids with pending changes and ids shared now.
    Result<QHash<QString, EntrySyncState>> entryStates();

    Result<std::vector<Conflict>> conflicts();
    // keepMine: the kept local edit becomes a new version on top of the other device's;
    // otherwise the kept edit is dropped.
    Result<void> resolveConflict(std::int64_t conflictId, bool keepMine);
    Result<std::vector<IntegrityEvent>> integrityEvents();

    Result<std::vector<DeviceInfo>> devices();
    Result<void> revokeDevice(const QString &deviceId);
    // Delete everything, the server half: the vault's ciphertext, wrapped keys, shares and
    // devices are deleted on the server (DELETE /v1/vault). The caller then wipes the profile
    // (storage::wipeProfileFolder); this device cannot sync any more either way.
    Result<void> deleteEverywhere();
    Result<JoinCode> createJoinCode();
    // A device link: a short-lived join code and a fresh link secret L; the VRK wrapped under a
    // key derived from L goes into a `device-…` slot on the server (L itself never leaves this
    // device except inside the returned URI, i.e. the QR code).
    Result<DeviceLink> createDeviceLink(int validMinutes = kDeviceLinkMinutes);
    // Deletes the link's slot (the QR screen closed or the code expired); Ok when it is gone.
    Result<void> closeDeviceLink(const QString &slot);
    // Deletes the slots of links whose code expired (a link screen that never closed: the app
    // was killed). Runs at every sync; no request when no link is pending.
    Result<void> removeStaleDeviceLinks();
    Result<std::vector<AccessLogEntry>> accessLog();

    // A new data recovery key (issue 6, ADR 0034): replaces the server's recovery slot, so the
    // old key stops opening the vault; a vault enrolled before that slot existed gets one.
    // Needs the server: when it cannot be reached nothing changes and the old key still works.
    Result<crypto::RecoveryKey> replaceRecoveryKey();
    // After the profile passphrase changed: seals the vault key under the new passphrase in the
    // server's passphrase slot, the one a new device opens with "the passphrase of your other
    // device". Needs the server, like replaceRecoveryKey().
    Result<void> resealPassphraseSlot(const SecretBytes &passphrase);

    // Applies one pulled page (exposed for the tamper tests: a hostile server's answer).
    Result<void> applyPulled(const protocol::PullResponse &page, SyncReport &report);
    // Opens, checks and applies one page of clinic messages, and stores the message cursor in
    // the same transaction (exposed for the tamper tests).
    Result<void> applyMessages(const protocol::VaultMessagesPage &page, SyncReport &report);
    // Checks a clinic protocol the server offers against the pinned clinic key and the version
    // held, and keeps it if it is newer and parses (exposed for the tamper tests).
    Result<void> applyClinicProtocol(const protocol::PublishedProtocol &published,
                                     SyncReport &report);

    // What the clinic and the care team sent, oldest first.
    Result<std::vector<ReceivedMessage>> messages();

private:
    struct Session;
    Result<Session *> session();
    Result<void> verifyClinic(Session &s);
    Result<void> removeStaleDeviceLinks(Session &s);
    Result<void> pullAll(Session &s, SyncReport &report);
    Result<void> pullMessages(Session &s, SyncReport &report);
    Result<void> refreshClinicProtocol(Session &s, SyncReport &report);
    // Inside applyMessages' transaction: false when the message was refused.
    Result<bool> applyAppointment(const protocol::ClinicMessage &message, SyncReport &report,
                                  const std::function<Result<void>(const QString &)> &refuse);
    // false when the server refused an item (conflict or out of order): pull, then try again.
    // Records whose newest version the server took in this sync together with its share
    // decision (a shared key, or none, which ends any share), and what that decision used.
    struct PushedShares
    {
        ShareChoices choices;
        std::int64_t generation = -1; // of the shared collection key; -1: none
        QSet<QString> recordIds;
    };
    Result<bool> pushAll(Session &s, SyncReport &report, PushedShares &pushed);
    Result<void> reviewShares(Session &s, SyncReport &report, const PushedShares &pushed);
    Result<std::optional<SharedCollectionKey>> currentSharedKey();
    Result<void> adoptSharedKeys(Session &s);
    Result<QByteArray> sharedKeyFor(Session &s, const QByteArray &envelope,
                                    const QByteArray &wrappedKey, const SharedCollectionKey &sck);

    storage::Database &m_db;
    storage::RecordRepository &m_records;
    SyncStore m_store;
    const Clock &m_clock;
    TransportFactory m_transports;
    RetryPolicy m_retryPolicy;
    std::unique_ptr<Session> m_session;
    CarriedToken m_carried;
};

} // namespace companion::sync
