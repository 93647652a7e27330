#include "careteam/console.h"

#include "protocol/careteamenrol.h"
#include "protocol/clinicmessage.h"
#include "protocol/keys.h"
#include "storage/profilefolder.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::careteam {

namespace {

std::unique_ptr<sync::HttpTransport> makeTransport(const TransportFactory &factory, const QUrl &url)
{
    if (factory)
        return factory(url);
    return std::make_unique<sync::QtHttpTransport>(url);
}

Error untrustedClinic()
{
    return makeError(ErrorCode::Damaged,
                     u"the clinic server presented another clinic key, or a care-team key its "
                     u"clinic key did not sign: nothing was read. Tell the clinic"_s);
}

} // namespace

Result<Enrolled> CareTeamConsole::enrol(const QString &directory, const SecretBytes &passphrase,
                                        const EnrolOptions &options, const Clock &clock,
                                        TransportFactory transports, sync::RetryPolicy retryPolicy)
{
    // 1. Everything that can be checked here, before anything is sent.
    if (!protocol::isWellFormedEnrolmentCode(options.code))
        return makeError(ErrorCode::InvalidInput,
                         u"--code: the code has 20 letters and digits (dashes optional)"_s);
    auto url = sync::parseServerUrl(options.serverUrl);
    if (!url)
        return url.error();
    const QString fingerprint = options.fingerprint.trimmed().toLower();
    if (fingerprint.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         u"--fingerprint: the clinic key fingerprint printed with the code"_s);
    COMPANION_TRY(storage::profilefolder::requireAcceptablePassphrase(passphrase));
    if (TherapistProfile::exists(directory))
        return makeError(
            ErrorCode::AlreadyExists,
            u"a care-team profile already exists in %1; refusing to overwrite it"_s.arg(directory));
    auto proof = protocol::therapistCodeProof(options.code);
    if (!proof)
        return proof.error();

    // 2. The clinic, verified against the fingerprint the person was given: a mismatch stops
    // here, before the code is spent.
    std::unique_ptr<sync::HttpTransport> transport = makeTransport(transports, *url);
    CareTeamClient client(*transport, retryPolicy);
    auto clinic = client.clinic();
    if (!clinic)
        return clinic.error();
    if (protocol::keyFingerprint(clinic->signingPublicKey) != fingerprint)
        return makeError(ErrorCode::Refused,
                         u"the server's clinic key does not have the fingerprint given with the "
                         u"code: this may not be your clinic's server. The code was not used"_s);
    if (!clinic->verify(fingerprint))
        return makeError(ErrorCode::Damaged,
                         u"the clinic's care-team key is not signed by its clinic key: refusing "
                         u"to enrol. The code was not used. Tell the clinic"_s);

    // 3. The profile, a new key, the code spent.
    auto created = TherapistProfile::create(directory, passphrase, clock);
    if (!created)
        return created.error();
    const auto discard = [&](Error error) -> Error {
        created->profile.reset();
        TherapistProfile::remove(directory);
        return error;
    };
    const protocol::SigningKeyPair signing = protocol::generateSigningKeyPair();
    auto enrolled = client.enrol(*proof, signing.publicKey);
    if (!enrolled)
        return discard(enrolled.error());

    // 4. The answer must be the clinic verified in step 2, and the code must open the care-team
    // key that its signed roster publishes.
    const protocol::ClinicInfo &answer = enrolled->clinic;
    const Error spentButRefused = makeError(
        ErrorCode::Damaged,
        u"the clinic server's answer does not match its signed care-team key: nothing was "
        u"stored. The code is now used: tell the clinic"_s);
    if (answer.signingPublicKey != clinic->signingPublicKey || !answer.verify(fingerprint) ||
        answer.careTeamEpoch != enrolled->careTeamEpoch)
        return discard(spentButRefused);
    auto secret = protocol::openCareTeamKeyWithCode(options.code, enrolled->careTeamKeySealedByCode,
                                                    answer.clinicId, enrolled->careTeamEpoch);
    if (!secret)
        return discard(spentButRefused);
    auto careTeamKey = protocol::boxKeyPairFromSecret(std::move(secret).value());
    if (!careTeamKey || careTeamKey->publicKey != answer.careTeamPublicKey)
        return discard(spentButRefused);

    Account account;
    account.serverUrl = url->toString();
    account.therapistId = enrolled->therapistId;
    account.displayName = enrolled->name;
    account.clinicId = answer.clinicId;
    account.clinicName = answer.name;
    account.clinicSigningKey = answer.signingPublicKey;
    account.fingerprint = fingerprint;
    account.enrolledAt = clock.nowUtc();
    if (auto saved = created->profile->saveEnrolment(account, signing.secretKey,
                                                     enrolled->careTeamEpoch, *careTeamKey);
        !saved)
        return discard(saved.error());
    return Enrolled{std::move(created->profile),
                    std::move(created->recoveryKey),
                    enrolled->therapistId,
                    enrolled->name,
                    answer.name,
                    enrolled->careTeamEpoch};
}

CareTeamConsole::CareTeamConsole(TherapistProfile &profile, const Clock &clock,
                                 TransportFactory transports, sync::RetryPolicy retryPolicy)
    : m_profile(profile)
    , m_clock(clock)
    , m_transports(std::move(transports))
    , m_retryPolicy(retryPolicy)
{
    // The shipped instruments are compiled in; a failure here is a build error the domain tests
    // catch. Without them, scores still show, only without names and bands.
    if (auto catalog = domain::InstrumentCatalog::loadBuiltIn())
        m_catalog = std::move(catalog).value();
}

CareTeamConsole::~CareTeamConsole() = default;

Result<Account> CareTeamConsole::account()
{
    auto account = m_profile.account();
    if (!account)
        return account.error();
    if (!*account)
        return makeError(ErrorCode::NotFound, u"this console is not enrolled with a clinic"_s);
    return std::move(**account);
}

Result<CareTeamClient *> CareTeamConsole::connect(const Account &account)
{
    if (m_client)
        return m_client.get();
    auto url = sync::parseServerUrl(account.serverUrl);
    if (!url)
        return url.error();
    auto signing = m_profile.signingKey();
    if (!signing)
        return signing.error();
    m_signing = std::move(signing).value();
    m_transport = makeTransport(m_transports, *url);
    m_client = std::make_unique<CareTeamClient>(*m_transport, m_retryPolicy);
    m_client->setTherapist(account.therapistId, &*m_signing);
    return m_client.get();
}

Result<int> CareTeamConsole::pullCareTeamKeys(const protocol::ClinicInfo &clinic)
{
    auto sealed = m_client->keys();
    if (!sealed)
        return sealed.error();
    auto box = protocol::boxKeyPairFromSigningKey(*m_signing);
    if (!box)
        return box.error();
    int added = 0;
    for (const SealedCareTeamKey &key : *sealed) {
        // Only a key the clinic signed is trusted: the current epoch's, checked against the
        // verified roster. A server could seal any key to this therapist's public key.
        if (key.epoch != clinic.careTeamEpoch || key.publicKey != clinic.careTeamPublicKey)
            continue;
        auto secret = protocol::openSealed(*box, key.sealedSecret);
        if (!secret)
            continue;
        auto pair = protocol::boxKeyPairFromSecret(std::move(secret).value());
        if (!pair || pair->publicKey != clinic.careTeamPublicKey)
            continue;
        auto stored = m_profile.storeCareTeamKey(key.epoch, *pair);
        if (!stored)
            return stored.error();
        added += *stored ? 1 : 0;
    }
    return added;
}

Result<PullReport> CareTeamConsole::pull()
{
    auto account = this->account();
    if (!account)
        return account.error();
    auto connected = connect(*account);
    if (!connected)
        return connected.error();
    CareTeamClient &client = **connected;
    const QDateTime now = m_clock.nowUtc();
    const std::int64_t nowMs = now.toMSecsSinceEpoch();
    PullReport report;

    auto clinic = client.clinic();
    if (!clinic)
        return clinic.error();
    if (clinic->signingPublicKey != account->clinicSigningKey ||
        !clinic->verify(account->fingerprint))
        return untrustedClinic();

    // The first authenticated request: a refused login means this therapist was removed.
    auto newKeys = pullCareTeamKeys(*clinic);
    if (!newKeys) {
        if (newKeys.error().code == ErrorCode::Refused) {
            COMPANION_TRY(m_profile.setAccessEnded(now));
            return makeError(ErrorCode::Refused,
                             u"the clinic no longer accepts this console: your care-team access "
                             u"has ended. What was already pulled stays in this profile; nothing "
                             u"new can be read"_s);
        }
        return newKeys.error();
    }
    report.newKeys = *newKeys;
    auto ring = m_profile.keyRing();
    if (!ring)
        return ring.error();

    auto listed = client.patients();
    if (!listed)
        return listed.error();
    report.patients = static_cast<int>(listed->size());
    QSet<QString> listedVaults;
    for (const PatientListing &patient : *listed)
        listedVaults.insert(patient.vaultId);
    auto known = m_profile.patients();
    if (!known)
        return known.error();
    for (const CachedPatient &patient : *known) {
        if (patient.sharing && !listedVaults.contains(patient.vaultId)) {
            auto withdrawn = m_profile.withdrawPatient(patient.vaultId, nowMs);
            if (!withdrawn)
                return withdrawn.error();
            report.withdrawn += *withdrawn;
        }
    }

    for (const PatientListing &patient : *listed) {
        auto sealedKeys = client.collectionKeys(patient.vaultId);
        auto listing = sealedKeys ? client.records(patient.vaultId)
                                  : Result<std::vector<SharedRecordListing>>(sealedKeys.error());
        if (!sealedKeys || !listing) {
            const Error &error = sealedKeys ? listing.error() : sealedKeys.error();
            if (error.code != ErrorCode::NotFound)
                return error;
            // The patient stopped sharing between the list and now.
            auto withdrawn = m_profile.withdrawPatient(patient.vaultId, nowMs);
            if (!withdrawn)
                return withdrawn.error();
            report.withdrawn += *withdrawn;
            continue;
        }
        const PatientKeys keys = ring->openCollectionKeys(*sealedKeys);
        auto cachedRows = m_profile.records(patient.vaultId);
        if (!cachedRows)
            return cachedRows.error();
        QHash<QString, const CachedRecord *> cached;
        for (const CachedRecord &row : *cachedRows)
            cached.insert(row.recordId, &row);

        PatientPull pull;
        pull.patient = {patient.vaultId, patient.label, true, nowMs, nowMs};
        for (const SharedRecordListing &item : *listing) {
            const CachedRecord *row = cached.value(item.recordId);
            // Each version is read (and so logged in the patient's access log) once; a record
            // that did not open is tried again when its share or this console's keys changed.
            const bool fetch =
                !row || row->version != item.version || row->state == RecordState::Withdrawn ||
                (row->state == RecordState::Unreadable &&
                 (row->sharedAt != item.sharedAt || ring->highestEpoch() > row->keyEpoch));
            if (!fetch) {
                pull.listed << item.recordId;
                continue;
            }
            auto blob = client.record(patient.vaultId, item.recordId);
            if (!blob) {
                if (blob.error().code == ErrorCode::NotFound)
                    continue; // unshared in between: withdrawn below
                return blob.error();
            }
            pull.listed << item.recordId;
            ++report.fetched;
            OpenedRecord opened = openSharedRecord(keys, patient.vaultId, item.recordId,
                                                   blob->version, blob->envelope, blob->sharedKey);
            CachedRecord record;
            record.vaultId = patient.vaultId;
            record.recordId = item.recordId;
            record.version = blob->version;
            record.coarseKind = item.coarseKind;
            record.sharedAt = item.sharedAt;
            record.keyEpoch = ring->highestEpoch();
            record.fetchedAt = nowMs;
            if (opened.payload) {
                ++report.opened;
                record.state = RecordState::Readable;
                record.kind = opened.payload->kind;
                record.createdAt = opened.payload->createdAt;
                record.updatedAt = opened.payload->updatedAt;
                record.occurredAt = opened.payload->occurredAt;
                record.body = opened.payload->body;
                // Read stays read only for the very same version.
                if (row && row->version == record.version && row->state == RecordState::Readable)
                    record.readAt = row->readAt;
            } else {
                ++report.unreadable;
                record.state = RecordState::Unreadable;
                record.reason = opened.reason;
                if (row && row->version == record.version) {
                    record.kind = row->kind;
                    record.occurredAt = row->occurredAt;
                }
            }
            pull.changed.push_back(std::move(record));
        }
        const QSet<QString> stillListed(pull.listed.cbegin(), pull.listed.cend());
        for (const CachedRecord &row : *cachedRows) {
            if (row.state != RecordState::Withdrawn && !stillListed.contains(row.recordId))
                ++report.withdrawn;
        }
        COMPANION_TRY(m_profile.applyPatientPull(pull));
    }

    auto alerts = client.alerts();
    if (!alerts)
        return alerts.error();
    std::vector<CachedAlert> open;
    for (const AlertListing &alert : *alerts)
        open.push_back(
            {alert.alertId, alert.vaultId, alert.recordId, alert.version, alert.createdAt});
    report.alerts = static_cast<int>(open.size());
    COMPANION_TRY(m_profile.replaceAlerts(open));
    // Replies whose answer was lost go out again now, unchanged.
    auto resent = sendPendingReplies();
    if (!resent)
        return resent.error();
    report.repliesSent = *resent;
    COMPANION_TRY(m_profile.setLastPull(now));
    report.requests = client.requestsSent();
    return report;
}

Result<std::vector<PatientOverview>> CareTeamConsole::patients(const FlagRules &rules)
{
    auto cached = m_profile.patients();
    if (!cached)
        return cached.error();
    auto alerts = m_profile.alerts();
    if (!alerts)
        return alerts.error();
    const QDateTime now = m_clock.nowUtc();
    std::vector<PatientOverview> out;
    for (const CachedPatient &patient : *cached) {
        auto records = m_profile.records(patient.vaultId);
        if (!records)
            return records.error();
        int openAlerts = 0;
        for (const CachedAlert &alert : *alerts)
            openAlerts += alert.vaultId == patient.vaultId ? 1 : 0;
        out.push_back(assessPatient(patient, decodePatientRecords(*records), openAlerts, m_catalog,
                                    now, rules));
    }
    sortByUrgency(out);
    return out;
}

Result<PatientTimeline> CareTeamConsole::timeline(const QString &vaultId,
                                                  const std::optional<QDateTime> &from,
                                                  const std::optional<QDateTime> &to)
{
    auto patient = m_profile.patient(vaultId);
    if (!patient)
        return patient.error();
    if (!*patient)
        return makeError(ErrorCode::NotFound, u"no patient with this id has shared with you"_s);
    auto records = m_profile.records(vaultId);
    if (!records)
        return records.error();
    auto replies = m_profile.replies(vaultId);
    if (!replies)
        return replies.error();
    PatientTimeline timeline =
        buildTimeline(**patient, decodePatientRecords(*records), m_catalog, from, to);
    attachReplies(timeline, *replies);
    return timeline;
}

Result<int> CareTeamConsole::markRead(const QString &vaultId)
{
    return m_profile.markPatientRead(vaultId, m_clock.nowUtc().toMSecsSinceEpoch());
}

Result<void> CareTeamConsole::acknowledgeAlert(const QString &alertId)
{
    auto account = this->account();
    if (!account)
        return account.error();
    auto connected = connect(*account);
    if (!connected)
        return connected.error();
    COMPANION_TRY((*connected)->acknowledgeAlert(alertId));
    return m_profile.removeAlert(alertId);
}

Result<CareTeamReply> CareTeamConsole::reply(const QString &vaultId, const QString &recordId,
                                             const QString &text)
{
    auto account = this->account();
    if (!account)
        return account.error();
    if (account->accessEndedAt)
        return makeError(ErrorCode::Refused, u"your care-team access has ended: this console "
                                             u"can no longer reply to patients"_s);
    if (!protocol::idFromHex(vaultId))
        return makeError(ErrorCode::InvalidInput, u"a patient id is 32 lower-case hex digits"_s);
    if (!protocol::idFromHex(recordId))
        return makeError(ErrorCode::InvalidInput, u"an entry id is 32 lower-case hex digits"_s);
    const std::int64_t nowMs = m_clock.nowUtc().toMSecsSinceEpoch();
    protocol::ClinicMessage message{
        protocol::newMessageId(), vaultId, nowMs,
        protocol::ReplyMessage{
            recordId, text, account->displayName.trimmed().left(protocol::kMaxMessageAuthorName)}};
    if (auto valid = protocol::validate(message); !valid) {
        if (valid.error().message.startsWith(u"body.text"_s))
            return makeError(
                ErrorCode::InvalidInput,
                u"a reply is 1 to %1 characters of plain text (line breaks and tabs "
                u"allowed, no other control characters)"_s.arg(protocol::kMaxReplyText));
        return valid.error();
    }

    // Only an entry this console can see now may be answered: the therapist answers what they
    // read, and the patient's app shows the reply under that entry.
    auto patient = m_profile.patient(vaultId);
    if (!patient)
        return patient.error();
    if (!*patient)
        return makeError(ErrorCode::NotFound, u"no patient with this id has shared with you"_s);
    auto records = m_profile.records(vaultId);
    if (!records)
        return records.error();
    const auto cached =
        std::find_if(records->cbegin(), records->cend(),
                     [&](const CachedRecord &row) { return row.recordId == recordId; });
    if (cached == records->cend())
        return makeError(ErrorCode::NotFound,
                         u"this patient has not shared this entry with you: a reply can only "
                         u"answer an entry you can see"_s);
    if (cached->state == RecordState::Withdrawn)
        return makeError(ErrorCode::NotFound, u"the patient no longer shares this entry with "
                                              u"you: it cannot be answered"_s);
    if (cached->state != RecordState::Readable)
        return makeError(ErrorCode::NotFound,
                         u"this console cannot read this entry (%1): it cannot be answered"_s.arg(
                             unreadableName(cached->reason)));

    // The same reply still waiting for an answer (the last attempt lost it): the same bytes
    // again, never a second message.
    auto stored = m_profile.replies(vaultId);
    if (!stored)
        return stored.error();
    for (CareTeamReply &waiting : *stored) {
        if (waiting.state == ReplyState::Pending && waiting.recordId == recordId &&
            waiting.text == text) {
            auto connected = connect(*account);
            if (!connected)
                return connected.error();
            return send(std::move(waiting));
        }
    }

    auto connected = connect(*account);
    if (!connected)
        return connected.error();
    CareTeamClient &client = **connected;
    // The server's view now: the patient may have stopped sharing since the last pull.
    auto sealedKeys = client.collectionKeys(vaultId);
    if (!sealedKeys) {
        if (sealedKeys.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             u"the patient no longer shares anything with the care team: the "
                             u"reply was not sent (pull to update)"_s);
        return sealedKeys.error();
    }
    auto listing = client.records(vaultId);
    if (!listing) {
        if (listing.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             u"the patient no longer shares anything with the care team: the "
                             u"reply was not sent (pull to update)"_s);
        return listing.error();
    }
    if (std::none_of(listing->cbegin(), listing->cend(),
                     [&](const SharedRecordListing &item) { return item.recordId == recordId; }))
        return makeError(ErrorCode::NotFound, u"the patient no longer shares this entry with "
                                              u"you: the reply was not sent (pull to update)"_s);
    auto ring = m_profile.keyRing();
    if (!ring)
        return ring.error();
    const PatientKeys keys = ring->openCollectionKeys(*sealedKeys);
    if (keys.byGeneration.empty())
        return makeError(ErrorCode::Refused,
                         u"this console holds no key that this patient's devices read: the "
                         u"reply was not sent"_s);
    // The newest generation: after a revocation only it is one a removed party cannot open.
    const auto &[generation, sck] = *keys.byGeneration.rbegin();
    auto sealed =
        protocol::sealClinicMessage(message, protocol::MessageAuthor::Therapist,
                                    account->therapistId, m_signing->secretKey, sck, generation);
    if (!sealed)
        return sealed.error();

    CareTeamReply reply;
    reply.messageId = message.messageId;
    reply.vaultId = vaultId;
    reply.recordId = recordId;
    reply.text = text;
    reply.authorName = std::get<protocol::ReplyMessage>(message.body).authorName;
    reply.createdAt = nowMs;
    reply.generation = generation;
    reply.request = protocol::PostMessageRequest{message.messageId, *sealed}.toJson();
    // Stored before it is sent: whatever happens to the answer, a retry has these bytes.
    COMPANION_TRY(m_profile.addReply(reply));
    return send(std::move(reply));
}

Result<CareTeamReply> CareTeamConsole::send(CareTeamReply reply)
{
    auto request = protocol::PostMessageRequest::fromJson(reply.request);
    if (!request)
        return makeError(ErrorCode::Damaged, u"a stored reply is damaged"_s);
    auto posted = m_client->postMessage(reply.vaultId, *request);
    const std::int64_t nowMs = m_clock.nowUtc().toMSecsSinceEpoch();
    if (posted) {
        COMPANION_TRY(
            m_profile.setReplyState(reply.messageId, ReplyState::Sent, posted->seq, nowMs));
        reply.state = ReplyState::Sent;
        reply.seq = posted->seq;
        reply.sentAt = nowMs;
        return reply;
    }
    Error error = posted.error();
    if (error.code == ErrorCode::NotFound || error.code == ErrorCode::AlreadyExists) {
        // Final: sending the same bytes again cannot succeed.
        COMPANION_TRY(
            m_profile.setReplyState(reply.messageId, ReplyState::Refused, std::nullopt, nowMs));
        if (error.code == ErrorCode::NotFound)
            error.message = u"the patient no longer shares anything with the care team: the "
                            u"reply was not delivered"_s;
        return error;
    }
    error.message += u"; the reply is kept and will be sent again unchanged (reply again with "
                     u"the same text, or pull)"_s;
    return error;
}

Result<int> CareTeamConsole::sendPendingReplies()
{
    auto all = m_profile.replies();
    if (!all)
        return all.error();
    int sent = 0;
    for (CareTeamReply &reply : *all) {
        if (reply.state != ReplyState::Pending)
            continue;
        auto account = this->account();
        if (!account)
            return account.error();
        auto connected = connect(*account);
        if (!connected)
            return connected.error();
        auto done = send(std::move(reply));
        if (done) {
            ++sent;
            continue;
        }
        if (done.error().code != ErrorCode::NotFound &&
            done.error().code != ErrorCode::AlreadyExists)
            return done.error();
    }
    return sent;
}

} // namespace companion::careteam
