#include "sync/syncengine.h"

#include "protocol/enrollink.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"
#include "protocol/recordpayload.h"
#include "sync/clinicinbox.h"
#include "sync/devicelinkstore.h"
#include "sync/vaultkeyslots.h"

#include "domain/appointment.h"

#include <QUuid>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

using domain::Record;
using protocol::Id16;

// Versions per push request: large enough that 10,000 records take 40 requests, small enough
// that one request stays far below the server's 16 MiB body cap (an envelope of a diary entry
// is ~400 bytes; a journal entry at most a few KiB).
constexpr int kPushBatch = 250;
// Outbox versions sealed in one transaction, then pushed in requests of kPushBatch and
// acknowledged in one transaction: two durable commits (two fsyncs) per 2,000 versions instead
// of two per request, which were most of a 10,000-record sync's wall time (bench/bench_sync).
constexpr int kSealAhead = 8 * kPushBatch;
constexpr int kPullPage = 500;
constexpr int kMessagePage = 200;
// The record id of integrity events about the clinic protocol (it is no record).
const QString kProtocolSubject = QStringLiteral("clinic-protocol");

Id16 idFromUuid(const QUuid &uuid)
{
    Id16 id{};
    const QByteArray bytes = uuid.toRfc4122();
    std::memcpy(id.data(), bytes.constData(), id.size());
    return id;
}

RecordId recordIdFromBytes(const Id16 &bytes)
{
    const QUuid uuid = QUuid::fromRfc4122(
        QByteArrayView(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
    return RecordId::fromString(uuid.toString(QUuid::WithoutBraces));
}

QByteArray hashBytes(const protocol::Hash32 &hash)
{
    return QByteArray(reinterpret_cast<const char *>(hash.data()),
                      static_cast<qsizetype>(hash.size()));
}

protocol::Hash32 hashFrom(const QByteArray &bytes)
{
    protocol::Hash32 hash{};
    if (bytes.size() == static_cast<qsizetype>(hash.size()))
        std::memcpy(hash.data(), bytes.constData(), hash.size());
    return hash;
}

std::optional<QDateTime> timeOf(const std::optional<std::int64_t> &ms)
{
    if (!ms)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
}

std::unique_ptr<HttpTransport> defaultTransport(const QUrl &url)
{
    return std::make_unique<QtHttpTransport>(url);
}

} // namespace

struct SyncEngine::Session
{
    Account account;
    protocol::SigningKeyPair signing;
    SecretBytes keyWrappingKey;
    Id16 vault{};
    Id16 device{};
    std::unique_ptr<HttpTransport> transport;
    std::unique_ptr<ClinicClient> client;
};

SyncEngine::SyncEngine(storage::Database &db, storage::RecordRepository &records,
                       const Clock &clock, TransportFactory transports, RetryPolicy retryPolicy)
    : m_db(db)
    , m_records(records)
    , m_store(db)
    , m_clock(clock)
    , m_transports(transports ? std::move(transports) : TransportFactory(&defaultTransport))
    , m_retryPolicy(retryPolicy)
{}

SyncEngine::~SyncEngine() = default;

Result<bool> SyncEngine::isEnrolled()
{
    auto account = m_store.account();
    if (!account)
        return account.error();
    return account->has_value();
}

Result<Account> SyncEngine::account()
{
    auto account = m_store.account();
    if (!account)
        return account.error();
    if (!*account)
        return makeError(ErrorCode::NotFound,
                         u"this profile is not connected to a clinic; enrol first"_s);
    return std::move(**account);
}

Result<SyncEngine::Session *> SyncEngine::session()
{
    if (m_session)
        return m_session.get();
    auto stored = account();
    if (!stored)
        return stored.error();
    auto session = std::make_unique<Session>();
    session->account = std::move(*stored);
    auto signing = protocol::signingKeyPairFromSecret(session->account.deviceKey.clone());
    if (!signing)
        return makeError(ErrorCode::Damaged, u"the stored device key is damaged"_s);
    session->signing = std::move(*signing);
    if (session->account.vaultRootKey.size() != protocol::kKeySize)
        return makeError(ErrorCode::Damaged, u"the stored vault key is damaged"_s);
    session->keyWrappingKey =
        protocol::deriveKeyWrappingKey(session->account.vaultRootKey, session->account.keyEpoch);
    auto vault = protocol::idFromHex(session->account.vaultId);
    auto device = protocol::idFromHex(session->account.deviceId);
    if (!vault || !device)
        return makeError(ErrorCode::Damaged, u"the stored enrolment is damaged"_s);
    session->vault = *vault;
    session->device = *device;
    auto url = parseServerUrl(session->account.serverUrl);
    if (!url)
        return url.error();
    session->transport = m_transports(*url);
    session->client = std::make_unique<ClinicClient>(*session->transport, m_retryPolicy);
    session->client->setDevice(session->account.deviceId, &session->signing);
    if (!m_carried.token.isEmpty() && m_carried.deviceId == session->account.deviceId)
        session->client->setAccessToken(std::move(m_carried.token));
    m_carried = {};
    m_session = std::move(session);
    return m_session.get();
}

CarriedToken SyncEngine::accessToken() const
{
    if (!m_session)
        return {};
    return {m_session->account.deviceId, m_session->client->accessToken()};
}

void SyncEngine::carryAccessToken(CarriedToken token)
{
    m_carried = std::move(token);
}

Result<EnrolResult> SyncEngine::enrol(const EnrolOptions &options, const SecretBytes &passphrase,
                                      const VaultPassphrasePrompt &askVaultPassphrase)
{
    auto enrolled = isEnrolled();
    if (!enrolled)
        return enrolled.error();
    if (*enrolled)
        return makeError(ErrorCode::AlreadyExists,
                         u"this profile is already connected to a clinic"_s);
    auto url = parseServerUrl(options.serverUrl);
    if (!url)
        return url.error();
    std::vector<ShareCategory> categories;
    for (const QString &name : options.shareCategories) {
        const auto category = shareCategoryFromName(name);
        if (!category)
            return makeError(ErrorCode::InvalidInput,
                             u"unknown sharing category \"%1\" (use %2)"_s.arg(
                                 name, shareCategoryNames().join(u", "_s)));
        categories.push_back(*category);
    }

    auto session = std::make_unique<Session>();
    session->transport = m_transports(*url);
    session->client = std::make_unique<ClinicClient>(*session->transport, m_retryPolicy);
    ClinicClient &client = *session->client;

    // Check the clinic before spending the code: a wrong server or key costs nothing.
    auto clinic = client.clinic();
    if (!clinic)
        return clinic.error();
    const QString pinned = options.expectedFingerprint.trimmed().toLower();
    if (!clinic->verify(pinned.isEmpty() ? clinic->fingerprint : pinned))
        return makeError(ErrorCode::Damaged,
                         pinned.isEmpty()
                             ? u"the clinic server's keys do not verify; do not use this server"_s
                             : u"the clinic key does not match the fingerprint you were given; "
                               u"do not use this server and tell your clinic"_s);

    session->signing = protocol::generateSigningKeyPair();
    auto answer = client.enrol(options.code, session->signing.publicKey);
    if (!answer)
        return answer.error();
    if (answer->clinic.signingPublicKey != clinic->signingPublicKey)
        return makeError(ErrorCode::Damaged,
                         u"the clinic server changed its key during enrolment; do not use it"_s);
    client.setDevice(answer->deviceId, &session->signing);

    Account account;
    account.serverUrl = url->toString(QUrl::StripTrailingSlash);
    account.vaultId = answer->vaultId;
    account.deviceId = answer->deviceId;
    account.deviceKey = session->signing.secretKey.clone();
    account.keyEpoch = 1;
    account.clinic = answer->clinic;
    account.fingerprint = clinic->fingerprint;
    account.enrolledAt = m_clock.nowUtc();
    auto vault = protocol::idFromHex(account.vaultId);
    if (!vault)
        return makeError(ErrorCode::Damaged, u"the clinic server sent a malformed vault id"_s);

    auto blobs = client.keyBlobs();
    if (!blobs)
        return blobs.error();
    const auto findSlot = [&blobs](const char *name) {
        return std::find_if(blobs->begin(), blobs->end(), [name](const KeyBlob &blob) {
            return blob.slot == QLatin1String(name);
        });
    };
    const auto slot = findSlot(protocol::kPassphraseSlot);
    const auto recoverySlot = findSlot(protocol::kRecoverySlot);
    bool joined = false;
    std::optional<crypto::RecoveryKey> newRecoveryKey;
    // A device link: the vault key waits in the slot the link secret names.
    QString usedLinkSlot;
    std::optional<SecretBytes> linkedKey;
    std::uint32_t linkedEpoch = 0;
    if (options.linkSecret) {
        const QString linkSlot = protocol::deviceLinkSlot(*options.linkSecret);
        const auto found =
            std::find_if(blobs->begin(), blobs->end(),
                         [&linkSlot](const KeyBlob &blob) { return blob.slot == linkSlot; });
        if (found != blobs->end()) {
            auto opened = protocol::openVaultKeyWithLink(*options.linkSecret, found->blob, *vault,
                                                         found->epoch);
            if (!opened)
                return makeError(ErrorCode::Damaged,
                                 u"the key your other device left for this one does not open; "
                                 u"remove this device from your device list and try again"_s);
            linkedKey = std::move(*opened);
            linkedEpoch = found->epoch;
            usedLinkSlot = linkSlot;
        }
    }
    if (linkedKey) {
        joined = true;
        account.vaultRootKey = std::move(*linkedKey);
        account.keyEpoch = linkedEpoch;
    } else if (slot != blobs->end() || recoverySlot != blobs->end()) {
        // A join (or recovery) code: the vault exists; its key is sealed under the first
        // device's passphrase and under the vault recovery key. The patient types either.
        joined = true;
        std::optional<SecretBytes> vaultKey;
        std::uint32_t epoch = 0;
        for (int attempt = 0; attempt < 3 && !vaultKey; ++attempt) {
            auto typed = askVaultPassphrase
                             ? askVaultPassphrase(attempt)
                             : Result<SecretBytes>(makeError(ErrorCode::WrongPassphrase,
                                                             u"the vault passphrase is needed"_s));
            if (!typed)
                return typed.error();
            // Something shaped like a recovery key (checksum included) is tried as one first;
            // a passphrase never passes that check by accident.
            QString typedText = QString::fromUtf8(reinterpret_cast<const char *>(typed->data()),
                                                  static_cast<qsizetype>(typed->size()));
            const auto recoveryKey = crypto::RecoveryKey::parse(typedText);
            // The typed secret's UTF-16 copy is wiped like the bytes it came from.
            secureWipe(typedText.data(),
                       static_cast<std::size_t>(typedText.size()) * sizeof(QChar));
            if (recoveryKey && recoverySlot != blobs->end()) {
                auto opened = protocol::unwrapVaultRootKey(
                    recoveryKey->wrappingKey(), recoverySlot->blob, *vault,
                    protocol::VaultKeySlot::Recovery, recoverySlot->epoch);
                if (opened) {
                    vaultKey = std::move(*opened);
                    epoch = recoverySlot->epoch;
                }
                continue;
            }
            if (slot == blobs->end())
                continue;
            auto opened =
                protocol::openVaultKeyWithPassphrase(*typed, slot->blob, *vault, slot->epoch);
            if (opened) {
                vaultKey = std::move(*opened);
                epoch = slot->epoch;
            } else if (opened.error().code != ErrorCode::WrongPassphrase) {
                return opened.error();
            }
        }
        if (!vaultKey)
            return makeError(ErrorCode::WrongPassphrase,
                             u"that is neither the passphrase of your other device nor your "
                             u"recovery key. This device is registered but cannot read your "
                             u"data: remove it from your device list and ask for a new code"_s);
        account.vaultRootKey = std::move(*vaultKey);
        account.keyEpoch = epoch;
    } else {
        account.vaultRootKey = protocol::generateKey();
        auto sealed = protocol::sealVaultKeyForPassphrase(passphrase, account.vaultRootKey, *vault,
                                                          account.keyEpoch);
        if (!sealed)
            return sealed.error();
        newRecoveryKey = crypto::RecoveryKey::generate();
        auto recoveryWrap =
            protocol::wrapVaultRootKey(newRecoveryKey->wrappingKey(), account.vaultRootKey, *vault,
                                       protocol::VaultKeySlot::Recovery, account.keyEpoch);
        if (!recoveryWrap)
            return recoveryWrap.error();
        COMPANION_TRY(client.putKeyBlob(QString::fromLatin1(protocol::kPassphraseSlot),
                                        account.keyEpoch, *sealed));
        COMPANION_TRY(client.putKeyBlob(QString::fromLatin1(protocol::kRecoverySlot),
                                        account.keyEpoch, *recoveryWrap));
    }

    {
        auto tx = storage::Transaction::begin(m_db);
        if (!tx)
            return tx.error();
        COMPANION_TRY(m_store.saveAccount(account));
        for (ShareCategory category : categories)
            COMPANION_TRY(m_store.setCategoryChoice(category, true));
        COMPANION_TRY(m_store.setShareReviewNeeded(true));
        COMPANION_TRY(tx->commit());
    }
    // The link slot has done its job: delete it so a photographed code and secret open nothing
    // later. Best effort: if this fails, the first device deletes it when its QR screen closes
    // or at its next sync after the code expired.
    if (!usedLinkSlot.isEmpty())
        (void)client.deleteKeyBlob(usedLinkSlot);
    // From here on the engine works from the saved enrolment, like every later sync (one more
    // login than reusing the enrolment's client, and one code path).
    m_session.reset();
    auto ready = this->session();
    if (!ready)
        return ready.error();
    COMPANION_TRY(adoptSharedKeys(**ready));

    return EnrolResult{account.vaultId,     account.deviceId, account.clinic.name,
                       account.fingerprint, joined,           std::move(newRecoveryKey)};
}

Result<std::optional<SharedCollectionKey>> SyncEngine::currentSharedKey()
{
    auto keys = m_store.sharedKeys();
    if (!keys)
        return keys.error();
    if (keys->empty())
        return std::optional<SharedCollectionKey>();
    return std::optional<SharedCollectionKey>(std::move(keys->back()));
}

// Makes sure this device holds an SCK sealed to the clinic's current care-team key: takes the
// ones the patient's other devices stored, else makes a new generation. A new generation means
// every current share is re-wrapped under it at the next review, so a therapist removed before
// the rotation cannot read what is shared after it.
Result<void> SyncEngine::adoptSharedKeys(Session &s)
{
    const protocol::ClinicInfo &clinic = s.account.clinic;
    if (clinic.careTeamEpoch == 0 || clinic.careTeamPublicKey.isEmpty())
        return {}; // the clinic has no care team yet: nothing can be shared
    auto keys = m_store.sharedKeys();
    if (!keys)
        return keys.error();
    std::uint32_t newestGeneration = keys->empty() ? 0 : keys->back().generation;
    if (!keys->empty() && keys->back().careTeamEpoch == clinic.careTeamEpoch)
        return {};

    auto blobs = s.client->keyBlobs();
    if (!blobs)
        return blobs.error();
    bool adopted = false;
    for (const KeyBlob &blob : *blobs) {
        if (!blob.slot.startsWith(u"sck-"))
            continue;
        bool ok = false;
        const std::uint32_t generation = blob.slot.mid(4).toUInt(&ok);
        if (!ok || generation <= newestGeneration)
            continue;
        auto key = protocol::unwrapSharedCollectionKeyForVault(s.account.vaultRootKey, blob.blob,
                                                               s.vault, generation, blob.epoch);
        if (!key) {
            COMPANION_TRY(m_store.addIntegrityEvent({m_clock.nowUtc(), blob.slot,
                                                     static_cast<std::int64_t>(generation),
                                                     u"shared_key_blob_damaged"_s}));
            continue;
        }
        COMPANION_TRY(m_store.putSharedKey({generation, blob.epoch, std::move(*key)}));
        newestGeneration = std::max(newestGeneration, generation);
        adopted = adopted || blob.epoch == clinic.careTeamEpoch;
    }
    if (!adopted) {
        // Make generation g+1 for the current care-team key. If another device of this patient
        // raced us to the same generation, the server keeps theirs and we adopt it next time.
        const std::uint32_t generation = newestGeneration + 1;
        SecretBytes key = protocol::generateKey();
        auto sealed = protocol::sealSharedCollectionKey(clinic.careTeamPublicKey, key);
        if (!sealed)
            return sealed.error();
        auto wrapped = protocol::wrapSharedCollectionKeyForVault(
            s.account.vaultRootKey, key, s.vault, generation, clinic.careTeamEpoch);
        if (!wrapped)
            return wrapped.error();
        // The key blob first: a device that crashes after the PUT must still find its key.
        COMPANION_TRY(s.client->putKeyBlob(protocol::sharedCollectionKeySlot(generation),
                                           clinic.careTeamEpoch, *wrapped));
        auto stored = s.client->putSharedCollectionKey(generation, clinic.careTeamEpoch, *sealed);
        if (!stored)
            return stored.error();
        if (!*stored)
            return adoptSharedKeys(s);
        COMPANION_TRY(m_store.putSharedKey({generation, clinic.careTeamEpoch, std::move(key)}));
    }
    return m_store.setShareReviewNeeded(true);
}

Result<void> SyncEngine::verifyClinic(Session &s)
{
    auto clinic = s.client->clinic();
    if (!clinic)
        return clinic.error();
    if (!clinic->verify(s.account.fingerprint))
        return makeError(ErrorCode::Damaged,
                         u"the clinic server presented a key that does not match the one pinned "
                         u"at enrolment; sync stopped. Tell your clinic"_s);
    const bool changed = clinic->careTeamEpoch != s.account.clinic.careTeamEpoch ||
                         clinic->safetyAlerts != s.account.clinic.safetyAlerts ||
                         clinic->name != s.account.clinic.name;
    if (changed) {
        if (clinic->careTeamEpoch < s.account.clinic.careTeamEpoch)
            return makeError(ErrorCode::Damaged,
                             u"the clinic server went back to an older care-team key; sync "
                             u"stopped. Tell your clinic"_s);
        COMPANION_TRY(m_store.setClinic(*clinic));
        s.account.clinic = *clinic;
    }
    return adoptSharedKeys(s);
}

Result<SyncReport> SyncEngine::sync()
{
    auto s = session();
    if (!s)
        return s.error();
    Session &current = **s;
    const int requestsBefore = current.client->requestsSent();
    const int retriesBefore = current.client->retriesMade();
    SyncReport report;
    COMPANION_TRY(verifyClinic(current));
    COMPANION_TRY(removeStaleDeviceLinks(current));
    COMPANION_TRY(pullAll(current, report));
    // After the records, so a reply can name an entry this device just received.
    COMPANION_TRY(pullMessages(current, report));
    COMPANION_TRY(refreshClinicProtocol(current, report));
    // A refused push means another device got there first: pull its version (which turns our
    // edit into a kept conflict) and push what is left. Twice is enough for any one record.
    PushedShares pushed;
    for (int round = 0; round < 3; ++round) {
        auto clean = pushAll(current, report, pushed);
        if (!clean)
            return clean.error();
        if (*clean)
            break;
        const int pulledBefore = report.pulled;
        COMPANION_TRY(pullAll(current, report));
        // A version pulled after ours replaced it on the server with another device's share
        // decision: let the review look at every record again.
        if (report.pulled != pulledBefore)
            pushed.recordIds.clear();
    }
    COMPANION_TRY(reviewShares(current, report, pushed));
    report.requests = current.client->requestsSent() - requestsBefore;
    report.retries = current.client->retriesMade() - retriesBefore;
    return report;
}

Result<void> SyncEngine::pullAll(Session &s, SyncReport &report)
{
    while (true) {
        auto page = s.client->pull(s.account.pullCursor, kPullPage);
        if (!page)
            return page.error();
        COMPANION_TRY(applyPulled(*page, report));
        if (!page->more || page->items.empty())
            return {};
    }
}

Result<void> SyncEngine::applyPulled(const protocol::PullResponse &page, SyncReport &report)
{
    auto s = session();
    if (!s)
        return s.error();
    Session &current = **s;
    if (page.nextCursor < current.account.pullCursor) {
        COMPANION_TRY(m_store.addIntegrityEvent(
            {m_clock.nowUtc(), QString(), page.nextCursor, u"cursor_rollback"_s}));
        ++report.integrity;
        return makeError(ErrorCode::Damaged,
                         u"the clinic server went back in time (its sequence is lower than what "
                         u"this device has seen); sync stopped. Tell your clinic"_s);
    }
    // Nothing new: nothing to write. A sync with nothing to do then commits nothing on this
    // device (it used to commit the same cursor again: a quarter of a no-op sync's time).
    if (page.items.empty() && page.nextCursor == current.account.pullCursor)
        return {};
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    const auto refuse = [&](const QString &recordId, std::int64_t version,
                            const QString &reason) -> Result<void> {
        ++report.integrity;
        return m_store.addIntegrityEvent({m_clock.nowUtc(), recordId, version, reason});
    };
    for (const protocol::PullItem &item : page.items) {
        auto header = protocol::parseEnvelopeHeader(item.envelope);
        if (!header) {
            COMPANION_TRY(refuse(QString(), item.seq, u"malformed"_s));
            continue;
        }
        const RecordId recordId = recordIdFromBytes(header->recordId);
        const QString id = recordId.toString();
        const auto version = static_cast<std::int64_t>(header->version);
        if (header->vaultId != current.vault || recordId.isNull()) {
            COMPANION_TRY(refuse(id, version, u"foreign_vault"_s));
            continue;
        }
        const QByteArray hash = hashBytes(protocol::envelopeHash(item.envelope));
        auto known = m_store.envelope(id, version);
        if (!known)
            return known.error();
        if (*known && (*known)->hash == hash) {
            // Our own push coming back, or a version we already applied.
            if (!(*known)->acknowledged) // its outbox row goes: acknowledged (migration 8)
                COMPANION_TRY(m_records.acknowledge(recordId, version));
            continue;
        }
        if (*known && (*known)->acknowledged) {
            // The server once gave (or took) different bytes for this version.
            COMPANION_TRY(refuse(id, version, u"replayed"_s));
            continue;
        }
        if (header->keyEpoch != current.account.keyEpoch) {
            COMPANION_TRY(refuse(id, version, u"unknown_key_epoch"_s));
            continue;
        }
        const auto binding = protocol::DataKeyBinding::of(*header);
        auto dataKey = protocol::unwrapDataKey(current.keyWrappingKey, item.key, binding);
        if (!dataKey) {
            COMPANION_TRY(refuse(id, version, u"key_damaged"_s));
            continue;
        }
        auto opened = protocol::openEnvelope(item.envelope, *dataKey);
        if (!opened) {
            COMPANION_TRY(refuse(id, version, u"damaged"_s));
            continue;
        }
        auto payload = protocol::RecordPayload::decode(opened->plaintext);
        if (!payload) {
            COMPANION_TRY(refuse(id, version, u"payload_malformed"_s));
            continue;
        }
        if (version > 1) {
            auto previous = m_store.envelope(id, version - 1);
            if (!previous)
                return previous.error();
            if (*previous && (*previous)->acknowledged &&
                (*previous)->hash != hashBytes(header->previousHash)) {
                COMPANION_TRY(refuse(id, version, u"chain_broken"_s));
                continue;
            }
        }
        auto local = m_records.find(recordId);
        if (!local)
            return local.error();
        auto pending = m_records.pendingVersions(recordId);
        if (!pending)
            return pending.error();
        if (*local && ((*local)->version >= version || !pending->empty())) {
            const Record &mine = **local;
            if (!pending->empty()) {
                // This device edited the record and another device's edit of the same version
                // reached the server first. Keep ours aside for the patient to choose; unless
                // the two edits are the same, which is no conflict at all.
                if (mine.body != payload->body || mine.deleted != payload->deleted) {
                    COMPANION_TRY(m_store.addConflict({0, id, mine.kind, mine.body, mine.deleted,
                                                       mine.updatedAt, version, m_clock.nowUtc()}));
                    ++report.conflicts;
                }
                // Envelopes first: unacknowledged means "still in the outbox".
                COMPANION_TRY(m_store.dropUnacknowledged(id));
                COMPANION_TRY(m_records.discardPending(recordId));
            } else {
                // We hold this version or a later one, acknowledged, but never saw these bytes:
                // an old version replayed by the server.
                COMPANION_TRY(refuse(id, version, u"rollback"_s));
                continue;
            }
        }
        Record record;
        record.id = recordId;
        record.kind = payload->kind;
        record.version = version;
        record.createdAt = QDateTime::fromMSecsSinceEpoch(payload->createdAt, Qt::UTC);
        record.updatedAt = QDateTime::fromMSecsSinceEpoch(payload->updatedAt, Qt::UTC);
        record.deleted = payload->deleted;
        record.body = payload->body;
        record.occurredAt = timeOf(payload->occurredAt);
        COMPANION_TRY(m_records.writeRemoteVersion(record));
        COMPANION_TRY(m_store.putEnvelope(id, version, {item.envelope, item.key, hash, true}));
        // A version written elsewhere was shared (or not) by that device's choice; what this
        // device knows of the server's share is unknown now: review at the end of the sync.
        COMPANION_TRY(m_store.setShareReviewNeeded(true));
        ++report.pulled;
    }
    COMPANION_TRY(m_store.setPullCursor(page.nextCursor));
    COMPANION_TRY(tx->commit());
    current.account.pullCursor = page.nextCursor;
    return {};
}

Result<void> SyncEngine::pullMessages(Session &s, SyncReport &report)
{
    while (true) {
        auto page = s.client->messages(s.account.messageCursor, kMessagePage);
        if (!page)
            return page.error();
        COMPANION_TRY(applyMessages(*page, report));
        if (!page->more || page->messages.empty())
            return {};
    }
}

Result<void> SyncEngine::applyMessages(const protocol::VaultMessagesPage &page, SyncReport &report)
{
    auto s = session();
    if (!s)
        return s.error();
    Session &current = **s;
    if (page.next < current.account.messageCursor) {
        COMPANION_TRY(m_store.addIntegrityEvent(
            {m_clock.nowUtc(), QString(), page.next, u"message_cursor_rollback"_s}));
        ++report.integrity;
        return makeError(ErrorCode::Damaged,
                         u"the clinic server went back in time (its message sequence is lower "
                         u"than what this device has seen); sync stopped. Tell your clinic"_s);
    }
    // Nothing new: nothing to write, as for the records pull (a no-op sync commits nothing).
    if (page.messages.empty() && page.next == current.account.messageCursor)
        return {};
    auto keys = m_store.sharedKeys();
    if (!keys)
        return keys.error();
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    for (const protocol::VaultMessage &item : page.messages) {
        const auto refuse = [&](const QString &reason) -> Result<void> {
            ++report.integrity;
            return m_store.addIntegrityEvent({m_clock.nowUtc(), item.messageId, item.seq, reason});
        };
        auto seen = m_store.hasMessage(item.messageId);
        if (!seen)
            return seen.error();
        if (*seen)
            continue; // applied before: a message applies once
        // The clinic's messages must verify under the key pinned at enrolment (checked against
        // the pinned fingerprint at the start of every sync), never a key the server offers.
        QByteArray authorKey = item.authorPublicKey;
        if (item.author == protocol::MessageAuthor::Clinic) {
            if (item.authorId != current.account.clinic.clinicId) {
                COMPANION_TRY(refuse(u"message_foreign_author"_s));
                continue;
            }
            authorKey = current.account.clinic.signingPublicKey;
        }
        auto generation = protocol::clinicMessageGeneration(item.sealed);
        if (!generation) {
            COMPANION_TRY(refuse(u"message_malformed"_s));
            continue;
        }
        const auto key = std::find_if(keys->begin(), keys->end(),
                                      [&](const auto &k) { return k.generation == *generation; });
        if (key == keys->end()) {
            COMPANION_TRY(refuse(u"message_unknown_generation"_s));
            continue;
        }
        auto opened = protocol::openClinicMessage(
            item.sealed, {current.account.vaultId, item.messageId, item.author, item.authorId},
            key->key, authorKey);
        if (!opened) {
            COMPANION_TRY(refuse(u"message_damaged"_s));
            continue;
        }
        // Only the clinic books appointments; a therapist's message is a reply.
        const bool isReply = std::holds_alternative<protocol::ReplyMessage>(opened->body);
        if (isReply != (item.author == protocol::MessageAuthor::Therapist)) {
            COMPANION_TRY(refuse(u"message_invalid"_s));
            continue;
        }
        ReceivedMessage received;
        received.messageId = item.messageId;
        received.seq = item.seq;
        received.type = opened->typeName();
        received.authorType = protocol::messageAuthorName(item.author);
        received.authorId = item.authorId;
        received.authorName = item.authorName.left(protocol::kMaxMessageAuthorName);
        received.message = opened->toJson();
        received.createdAt = QDateTime::fromMSecsSinceEpoch(opened->createdAt, Qt::UTC);
        received.receivedAt = m_clock.nowUtc();
        if (const auto *reply = std::get_if<protocol::ReplyMessage>(&opened->body)) {
            const RecordId entry = recordIdFromHex(reply->inReplyTo);
            if (entry.isNull()) {
                COMPANION_TRY(refuse(u"message_invalid"_s));
                continue;
            }
            received.subjectId = entry.toString();
        } else {
            auto applied = applyAppointment(*opened, report, refuse);
            if (!applied)
                return applied.error();
            if (!*applied)
                continue;
            const QString appointmentId =
                std::holds_alternative<protocol::AppointmentMessage>(opened->body)
                    ? std::get<protocol::AppointmentMessage>(opened->body).appointmentId
                    : std::get<protocol::AppointmentCancelMessage>(opened->body).appointmentId;
            received.subjectId = clinicAppointmentRecordId(appointmentId).toString();
        }
        COMPANION_TRY(m_store.addMessage(received));
        ++report.messages;
    }
    COMPANION_TRY(m_store.setMessageCursor(page.next));
    COMPANION_TRY(tx->commit());
    current.account.messageCursor = page.next;
    return {};
}

// An appointment the clinic booked lives in the patient's plan as an appointment record marked
// as the clinic's, with a record id every device derives from the clinic's appointment id. Each
// device applies the clinic's messages itself (written like a version from the server: no
// outbox row), so the devices agree without pushing it, and the patient cannot change it in the
// app (AppointmentRepository refuses; ADR 0014).
Result<bool>
SyncEngine::applyAppointment(const protocol::ClinicMessage &message, SyncReport &report,
                             const std::function<Result<void>(const QString &)> &refuse)
{
    const auto *booked = std::get_if<protocol::AppointmentMessage>(&message.body);
    const QString appointmentId =
        booked ? booked->appointmentId
               : std::get<protocol::AppointmentCancelMessage>(message.body).appointmentId;
    const RecordId id = clinicAppointmentRecordId(appointmentId);
    const QString recordId = id.toString();
    const QDateTime writtenAt = QDateTime::fromMSecsSinceEpoch(message.createdAt, Qt::UTC);
    auto existing = m_records.find(id);
    if (!existing)
        return existing.error();
    std::optional<domain::AppointmentBody> current;
    if (*existing) {
        if ((*existing)->kind != domain::kinds::appointment) {
            COMPANION_TRY(refuse(u"message_invalid"_s));
            return false;
        }
        if (!(*existing)->deleted) {
            auto body = domain::decodeAppointment((*existing)->body);
            if (!body || body->source != domain::AppointmentSource::Clinic) {
                COMPANION_TRY(refuse(u"message_invalid"_s));
                return false;
            }
            current = std::move(*body);
        }
    }
    // Messages apply in the server's order; one written before a message already applied to
    // this appointment (a server reordering them) is kept but changes nothing.
    auto newest = m_store.newestAppointmentMessage(recordId);
    if (!newest)
        return newest.error();
    if (*newest && **newest > writtenAt)
        return true;

    domain::AppointmentBody body;
    if (booked) {
        body.startsAt = QDateTime::fromMSecsSinceEpoch(booked->startsAt, Qt::UTC);
        body.durationMinutes = booked->durationMinutes;
        body.status = domain::AppointmentStatus::Scheduled;
        body.source = domain::AppointmentSource::Clinic;
        body.location = booked->location;
    } else {
        if (!current || current->status == domain::AppointmentStatus::Cancelled)
            return true; // nothing (left) to cancel
        body = *current;
        body.status = domain::AppointmentStatus::Cancelled;
    }
    if (!domain::validate(body)) {
        COMPANION_TRY(refuse(u"message_invalid"_s));
        return false;
    }
    auto bytes = domain::encodeAppointment(body);
    if (!bytes) {
        COMPANION_TRY(refuse(u"message_invalid"_s));
        return false;
    }
    if (current && *current == body)
        return true;
    domain::Record record;
    record.id = id;
    record.kind = domain::kinds::appointment;
    record.version = *existing ? (*existing)->version + 1 : 1;
    record.createdAt = *existing ? (*existing)->createdAt : writtenAt;
    record.updatedAt = *existing ? std::max((*existing)->updatedAt, writtenAt) : writtenAt;
    record.deleted = false;
    record.body = *bytes;
    record.occurredAt = body.startsAt;
    COMPANION_TRY(m_records.writeRemoteVersion(record));
    ++report.appointments;
    return true;
}

Result<void> SyncEngine::refreshClinicProtocol(Session &s, SyncReport &report)
{
    auto published = s.client->clinicProtocol();
    if (!published)
        return published.error();
    if (!*published)
        return {};
    return applyClinicProtocol(**published, report);
}

Result<void> SyncEngine::applyClinicProtocol(const protocol::PublishedProtocol &published,
                                             SyncReport &report)
{
    auto s = session();
    if (!s)
        return s.error();
    Session &current = **s;
    const auto refuse = [&](const QString &reason) -> Result<void> {
        // A hostile or broken server offers the same thing at every sync: one event is enough.
        auto known = m_store.integrityEvents();
        if (!known)
            return known.error();
        for (const IntegrityEvent &event : *known) {
            if (event.recordId == kProtocolSubject && event.version == published.version &&
                event.reason == reason)
                return {};
        }
        ++report.integrity;
        return m_store.addIntegrityEvent(
            {m_clock.nowUtc(), kProtocolSubject, published.version, reason});
    };
    auto held = m_store.clinicProtocol();
    if (!held)
        return held.error();
    if (*held) {
        if (published.version < (*held)->version)
            return refuse(u"protocol_rollback"_s);
        if (published.version == (*held)->version) {
            if (published.document == (*held)->document &&
                published.signature == (*held)->signature)
                return {}; // the one this device holds
            return refuse(u"protocol_replayed"_s);
        }
    }
    // The key pinned at enrolment (its fingerprint checked again: the stored clinic details are
    // what verifyClinic accepted, never what this answer says).
    const QByteArray &clinicKey = current.account.clinic.signingPublicKey;
    if (protocol::keyFingerprint(clinicKey) != current.account.fingerprint)
        return refuse(u"protocol_signature"_s);
    auto document = published.verify(clinicKey);
    if (!document)
        return refuse(u"protocol_signature"_s);
    // A protocol the clinic signed but the app cannot use: keep the one in use.
    if (!domain::parseProtocol(document->protocolJson))
        return refuse(u"protocol_invalid"_s);
    COMPANION_TRY(
        m_store.setClinicProtocol({published.version, document->issuedAt, published.document,
                                   published.signature, m_clock.nowUtc()}));
    report.protocolVersion = published.version;
    return {};
}

Result<std::vector<ReceivedMessage>> SyncEngine::messages()
{
    return m_store.messages();
}

Result<QByteArray> SyncEngine::sharedKeyFor(Session &s, const QByteArray &envelope,
                                            const QByteArray &wrappedKey,
                                            const SharedCollectionKey &sck)
{
    auto header = protocol::parseEnvelopeHeader(envelope);
    if (!header)
        return header.error();
    const auto binding = protocol::DataKeyBinding::of(*header);
    auto dataKey = protocol::unwrapDataKey(s.keyWrappingKey, wrappedKey, binding);
    if (!dataKey)
        return dataKey.error();
    auto wrapped = protocol::wrapSharedDataKey(sck.key, *dataKey, binding);
    if (!wrapped)
        return wrapped.error();
    return protocol::encodeSharedKeyBlob({sck.generation, *wrapped});
}

Result<bool> SyncEngine::pushAll(Session &s, SyncReport &report, PushedShares &pushed)
{
    auto choices = m_store.choices();
    if (!choices)
        return choices.error();
    auto sck = currentSharedKey();
    if (!sck)
        return sck.error();
    const std::int64_t generation = *sck ? std::int64_t((*sck)->generation) : -1;
    if (pushed.choices != *choices || pushed.generation != generation)
        pushed = {*choices, generation, {}};
    // Each version gets its own random data key; the secure memory holding it is reused.
    SecretBytes dataKey;
    while (true) {
        // Seal what was never sealed, in one transaction, before anything is sent: a retry
        // after a lost answer then sends the very same bytes, which the server recognises.
        protocol::PushRequest request;
        std::vector<const domain::OutboxEntry *> sent;
        std::vector<bool> sharedInRequest;
        std::vector<storage::QueuedVersion> queued;
        {
            auto tx = storage::Transaction::begin(m_db);
            if (!tx)
                return tx.error();
            // The chunk's outbox rows with their current records, read in one statement.
            auto entries = m_records.pendingOutboxWithRecords(kSealAhead);
            if (!entries)
                return entries.error();
            if (entries->empty())
                return true;
            queued = std::move(*entries);
            for (storage::QueuedVersion &pending : queued) {
                const domain::OutboxEntry &entry = pending.entry;
                const QString id = entry.recordId.toString();
                auto stored = m_store.envelope(id, entry.version);
                if (!stored)
                    return stored.error();
                std::optional<Record> record;
                if (pending.current) {
                    record = std::move(pending.current);
                } else {
                    auto past = m_records.atVersion(entry.recordId, entry.version);
                    if (!past)
                        return past.error();
                    record = std::move(*past);
                }
                if (!record) {
                    // The version is gone (replaced by another device's after a conflict).
                    COMPANION_TRY(m_records.acknowledge(entry.recordId, entry.version));
                    continue;
                }
                if (!*stored) {
                    protocol::Hash32 previous{};
                    if (entry.version > 1) {
                        auto before = m_store.envelope(id, entry.version - 1);
                        if (!before)
                            return before.error();
                        if (!*before)
                            return makeError(ErrorCode::Internal,
                                             u"a record's previous version was never sealed"_s);
                        previous = hashFrom((*before)->hash);
                    }
                    protocol::EnvelopeHeader header;
                    header.vaultId = s.vault;
                    header.recordId = idFromUuid(entry.recordId.uuid());
                    header.recordKind = protocol::coarseKindOf(record->kind);
                    header.schema = protocol::kRecordPayloadSchema;
                    header.version = static_cast<std::uint64_t>(entry.version);
                    header.previousHash = previous;
                    header.keyEpoch = s.account.keyEpoch;
                    header.authorDevice = s.device;
                    protocol::RecordPayload payload{
                        record->kind,
                        record->createdAt.toMSecsSinceEpoch(),
                        record->updatedAt.toMSecsSinceEpoch(),
                        record->occurredAt
                            ? std::optional<std::int64_t>(record->occurredAt->toMSecsSinceEpoch())
                            : std::nullopt,
                        record->deleted,
                        record->body};
                    protocol::regenerateKey(dataKey); // fresh for every version
                    auto envelope = protocol::sealEnvelope(header, payload.encode(), dataKey);
                    if (!envelope)
                        return envelope.error();
                    auto sealedHeader = protocol::parseEnvelopeHeader(*envelope);
                    if (!sealedHeader)
                        return sealedHeader.error();
                    auto wrapped = protocol::wrapDataKey(
                        s.keyWrappingKey, dataKey, protocol::DataKeyBinding::of(*sealedHeader));
                    if (!wrapped)
                        return wrapped.error();
                    StoredEnvelope fresh{*envelope, *wrapped,
                                         hashBytes(protocol::envelopeHash(*envelope)), false};
                    COMPANION_TRY(m_store.putEnvelope(id, entry.version, fresh));
                    *stored = std::move(fresh);
                }
                protocol::PushItem item{(*stored)->envelope, (*stored)->wrappedKey, {}};
                const bool share =
                    *sck && shouldShare(*record, *choices, s.account.clinic.safetyAlerts);
                if (share) {
                    auto sharedKey =
                        sharedKeyFor(s, (*stored)->envelope, (*stored)->wrappedKey, **sck);
                    if (!sharedKey)
                        return sharedKey.error();
                    item.sharedKey = *sharedKey;
                }
                request.items.push_back(std::move(item));
                sent.push_back(&entry);
                sharedInRequest.push_back(share);
            }
            COMPANION_TRY(tx->commit());
        }
        if (request.items.empty())
            continue;

        // Push what was sealed in requests of kPushBatch, then record every acknowledgement
        // in one transaction (also when a request failed: what the server took stays taken).
        // Until that commits, a crash only means the next sync sends those versions again,
        // byte for byte, and the server answers `duplicate`.
        bool clean = true;
        std::optional<Error> failed;
        std::vector<std::size_t> answered; // indexes into `sent` the server took
        for (std::size_t first = 0; first < request.items.size() && clean && !failed;
             first += static_cast<std::size_t>(kPushBatch)) {
            const std::size_t end =
                std::min(request.items.size(), first + static_cast<std::size_t>(kPushBatch));
            protocol::PushRequest part;
            part.items.assign(
                std::make_move_iterator(request.items.begin() + static_cast<std::ptrdiff_t>(first)),
                std::make_move_iterator(request.items.begin() + static_cast<std::ptrdiff_t>(end)));
            auto answer = s.client->push(part);
            if (!answer) {
                failed = answer.error();
                break;
            }
            for (std::size_t i = 0; i < answer->results.size() && first + i < end; ++i) {
                switch (answer->results[i].status) {
                case protocol::PushStatus::Accepted:
                case protocol::PushStatus::Duplicate:
                    answered.push_back(first + i);
                    break;
                case protocol::PushStatus::Conflict:
                case protocol::PushStatus::Rejected:
                    clean = false;
                    break;
                }
            }
        }
        if (!answered.empty()) {
            auto tx = storage::Transaction::begin(m_db);
            if (!tx)
                return tx.error();
            // Acknowledging a version is deleting its outbox row (the stored envelope then
            // counts as acknowledged: migration 8), in one statement prepared once.
            std::vector<std::int64_t> acknowledged;
            acknowledged.reserve(answered.size());
            for (const std::size_t i : answered) {
                const domain::OutboxEntry &entry = *sent[i];
                const QString id = entry.recordId.toString();
                acknowledged.push_back(entry.sequence);
                // The server shares exactly the newest version pushed with a shared key and
                // ends the share when a newer version comes without one.
                if (sharedInRequest[i])
                    COMPANION_TRY(m_store.setShare(id, {entry.version, (*sck)->generation}));
                else
                    COMPANION_TRY(m_store.clearShare(id));
                pushed.recordIds.insert(id);
                ++report.pushed;
            }
            COMPANION_TRY(m_records.acknowledgeQueued(acknowledged));
            COMPANION_TRY(tx->commit());
        }
        if (failed)
            return *failed;
        if (!clean)
            return false;
    }
}

Result<void> SyncEngine::reviewShares(Session &s, SyncReport &report, const PushedShares &pushed)
{
    auto needed = m_store.shareReviewNeeded();
    if (!needed)
        return needed.error();
    if (!*needed)
        return {};
    auto choices = m_store.choices();
    if (!choices)
        return choices.error();
    auto sck = currentSharedKey();
    if (!sck)
        return sck.error();
    auto pending = m_store.pendingRecordIds();
    if (!pending)
        return pending.error();
    const QSet<QString> pendingIds(pending->begin(), pending->end());
    // What this sync pushed under the very choices and key read here already told the server
    // its share decision; reading and deciding those again (after an enrolment, every record)
    // was most of a large first sync's review.
    const std::int64_t generation = *sck ? std::int64_t((*sck)->generation) : -1;
    const bool pushedStillDecided = pushed.choices == *choices && pushed.generation == generation;

    // Every shareable kind, newest versions only; records with changes still queued are left
    // to their push, which carries the share decision with the version.
    auto stmt = m_db.prepare("SELECT id FROM records;");
    if (!stmt)
        return stmt.error();
    std::vector<QString> ids;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ids.push_back(stmt->columnText(0));
    }
    for (const QString &id : ids) {
        if (pendingIds.contains(id) || (pushedStillDecided && pushed.recordIds.contains(id)))
            continue;
        ++report.sharesReviewed;
        const RecordId recordId = RecordId::fromString(id);
        auto record = m_records.find(recordId);
        if (!record)
            return record.error();
        if (!*record || !shareCategoryOf((*record)->kind))
            continue;
        auto state = m_store.share(id);
        if (!state)
            return state.error();
        const bool want = *sck && shouldShare(**record, *choices, s.account.clinic.safetyAlerts);
        if (want) {
            if (*state && (*state)->version == (*record)->version &&
                (*state)->generation == (*sck)->generation)
                continue;
            auto stored = m_store.envelope(id, (*record)->version);
            if (!stored)
                return stored.error();
            if (!*stored || !(*stored)->acknowledged)
                continue; // not on the server yet
            auto sharedKey = sharedKeyFor(s, (*stored)->envelope, (*stored)->wrappedKey, **sck);
            if (!sharedKey)
                return sharedKey.error();
            const QString hexId = protocol::idToHex(idFromUuid(recordId.uuid()));
            COMPANION_TRY(s.client->putShare(hexId, static_cast<std::uint64_t>((*record)->version),
                                             *sharedKey));
            COMPANION_TRY(m_store.setShare(id, {(*record)->version, (*sck)->generation}));
            ++report.sharesGranted;
        } else if (*state || !*sck) {
            // Unknown to us whether the server shares it (pulled from another device): ask it
            // to end any share; 404 means there was none.
            if (!*state) {
                auto stored = m_store.envelope(id, (*record)->version);
                if (!stored)
                    return stored.error();
                if (!*stored)
                    continue;
            }
            const QString hexId = protocol::idToHex(idFromUuid(recordId.uuid()));
            COMPANION_TRY(s.client->deleteShare(hexId));
            COMPANION_TRY(m_store.clearShare(id));
            if (*state)
                ++report.sharesRevoked;
        }
    }
    return m_store.setShareReviewNeeded(false);
}

Result<void> SyncEngine::setCategoryShared(ShareCategory category, bool shared)
{
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    COMPANION_TRY(m_store.setCategoryChoice(category, shared));
    COMPANION_TRY(m_store.setShareReviewNeeded(true));
    return tx->commit();
}

Result<void> SyncEngine::setEntryShared(const QString &recordId, std::optional<bool> shared)
{
    const RecordId id = RecordId::fromString(recordId);
    if (id.isNull())
        return makeError(ErrorCode::InvalidInput, u"not an entry id"_s);
    auto record = m_records.find(id);
    if (!record)
        return record.error();
    if (!*record || (*record)->deleted)
        return makeError(ErrorCode::NotFound, u"no such entry"_s);
    if (!shareCategoryOf((*record)->kind))
        return makeError(ErrorCode::InvalidInput, u"this kind of entry is never shared"_s);
    auto tx = storage::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    COMPANION_TRY(m_store.setEntryChoice(id.toString(), shared));
    COMPANION_TRY(m_store.setShareReviewNeeded(true));
    return tx->commit();
}

Result<ShareChoices> SyncEngine::shareChoices()
{
    return m_store.choices();
}

Result<QHash<QString, EntrySyncState>> SyncEngine::entryStates()
{
    QHash<QString, EntrySyncState> states;
    auto enrolled = isEnrolled();
    if (!enrolled)
        return enrolled.error();
    if (!*enrolled)
        return states; // every entry is on this device only: the default
    auto stmt = m_db.prepare(
        "SELECT r.id, EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id), "
        "EXISTS (SELECT 1 FROM sync_shares s WHERE s.record_id = r.id AND s.version = r.version) "
        "FROM records r WHERE r.deleted = 0;");
    if (!stmt)
        return stmt.error();
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return states;
        const EntrySyncState state = stmt->columnInt64(1) != 0   ? EntrySyncState::SavedOnDevice
                                     : stmt->columnInt64(2) != 0 ? EntrySyncState::Shared
                                                                 : EntrySyncState::Synced;
        states.insert(stmt->columnText(0), state);
    }
}

Result<std::vector<Conflict>> SyncEngine::conflicts()
{
    return m_store.conflicts();
}

Result<void> SyncEngine::resolveConflict(std::int64_t conflictId, bool keepMine)
{
    auto conflict = m_store.conflict(conflictId);
    if (!conflict)
        return conflict.error();
    if (!*conflict)
        return makeError(ErrorCode::NotFound, u"no such conflict"_s);
    if (keepMine) {
        const RecordId id = RecordId::fromString((*conflict)->recordId);
        auto current = m_records.find(id);
        if (!current)
            return current.error();
        if (!*current)
            return makeError(ErrorCode::NotFound, u"the entry no longer exists"_s);
        // Each write is its own transaction; the conflict row goes after, so a crash between
        // the two leaves the choice to be made again rather than lost.
        if ((*conflict)->deleted) {
            if (!(*current)->deleted)
                COMPANION_TRY(m_records.remove(id));
        } else if ((*current)->deleted) {
            // The other device deleted it; keeping ours brings it back as a new entry.
            auto restored =
                m_records.create((*conflict)->kind, (*conflict)->body, (*current)->occurredAt);
            if (!restored)
                return restored.error();
        } else {
            auto updated = m_records.update(id, (*conflict)->body);
            if (!updated)
                return updated.error();
        }
    }
    return m_store.removeConflict(conflictId);
}

Result<std::vector<IntegrityEvent>> SyncEngine::integrityEvents()
{
    return m_store.integrityEvents();
}

Result<std::vector<DeviceInfo>> SyncEngine::devices()
{
    auto s = session();
    if (!s)
        return s.error();
    return (*s)->client->devices();
}

Result<void> SyncEngine::revokeDevice(const QString &deviceId)
{
    auto s = session();
    if (!s)
        return s.error();
    return (*s)->client->revokeDevice(deviceId);
}

Result<void> SyncEngine::deleteEverywhere()
{
    auto s = session();
    if (!s)
        return s.error();
    return (*s)->client->deleteVault();
}

Result<JoinCode> SyncEngine::createJoinCode()
{
    auto s = session();
    if (!s)
        return s.error();
    return (*s)->client->createJoinCode();
}

Result<DeviceLink> SyncEngine::createDeviceLink(int validMinutes)
{
    auto s = session();
    if (!s)
        return s.error();
    Session &current = **s;
    auto code = current.client->createJoinCode(validMinutes);
    if (!code)
        return code.error();
    SecretBytes linkSecret = protocol::generateLinkSecret();
    const QString slot = protocol::deviceLinkSlot(linkSecret);
    auto wrapped = protocol::wrapVaultKeyForLink(linkSecret, current.account.vaultRootKey,
                                                 current.vault, current.account.keyEpoch);
    if (!wrapped)
        return wrapped.error();
    // Remembered before the slot exists, so a crash in between still gets it cleaned up.
    DeviceLinkStore links(m_db);
    COMPANION_TRY(links.add({slot, code->expiresAt}));
    COMPANION_TRY(current.client->putKeyBlob(slot, current.account.keyEpoch, *wrapped));
    protocol::EnrolmentLink link;
    link.kind = protocol::LinkKind::Join;
    link.serverUrl = current.account.serverUrl;
    link.code = code->code;
    link.fingerprint = current.account.fingerprint;
    link.linkSecret = std::move(linkSecret);
    auto uri = protocol::formatEnrolmentLink(link);
    if (!uri) {
        (void)closeDeviceLink(slot);
        return uri.error();
    }
    return DeviceLink{slot, code->code, code->expiresAt, std::move(*uri)};
}

Result<void> SyncEngine::closeDeviceLink(const QString &slot)
{
    if (!protocol::isDeviceLinkSlot(slot))
        return makeError(ErrorCode::InvalidInput, u"not a device-link slot"_s);
    auto s = session();
    if (!s)
        return s.error();
    COMPANION_TRY((*s)->client->deleteKeyBlob(slot));
    return DeviceLinkStore(m_db).remove(slot);
}

Result<void> SyncEngine::removeStaleDeviceLinks()
{
    auto s = session();
    if (!s)
        return s.error();
    return removeStaleDeviceLinks(**s);
}

Result<void> SyncEngine::removeStaleDeviceLinks(Session &s)
{
    DeviceLinkStore links(m_db);
    auto pending = links.pending();
    if (!pending)
        return pending.error();
    const std::int64_t now = m_clock.nowUtc().toMSecsSinceEpoch();
    for (const PendingDeviceLink &link : *pending) {
        if (link.expiresAt > now)
            continue; // its QR may still be on screen
        COMPANION_TRY(s.client->deleteKeyBlob(link.slot));
        COMPANION_TRY(links.remove(link.slot));
    }
    return {};
}

Result<std::vector<AccessLogEntry>> SyncEngine::accessLog()
{
    auto s = session();
    if (!s)
        return s.error();
    std::vector<AccessLogEntry> entries;
    std::int64_t after = 0;
    while (true) {
        auto page = (*s)->client->accessLog(after, 1000);
        if (!page)
            return page.error();
        if (page->entries.empty())
            return entries;
        entries.insert(entries.end(), page->entries.begin(), page->entries.end());
        after = page->nextCursor;
    }
}

// The vault key slots (issue 6): the work is in vaultkeyslots.cpp; here only the session.
Result<crypto::RecoveryKey> SyncEngine::replaceRecoveryKey()
{
    auto s = session();
    if (!s)
        return s.error();
    return vaultkeyslots::replaceRecoverySlot(*(*s)->client, (*s)->account);
}

Result<void> SyncEngine::resealPassphraseSlot(const SecretBytes &passphrase)
{
    auto s = session();
    if (!s)
        return s.error();
    return vaultkeyslots::resealPassphraseSlot(*(*s)->client, (*s)->account, passphrase);
}

} // namespace companion::sync
