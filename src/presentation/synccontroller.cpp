#include "presentation/synccontroller.h"

#include "presentation/conflictsummary.h"
#include "presentation/passphrasefeedback.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "protocol/careteamenrol.h"
#include "protocol/enrollink.h"
#include "qr/qrcode.h"
#include "qr/qrdecoder.h"
#include "storage/profile.h"
#include "sync/clinicclient.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace companion::presentation {

namespace {

// Background sync while the app is open and unlocked; a change is sent a few seconds after it
// is saved, so a burst of edits is one sync.
constexpr int kBackgroundIntervalMs = 15 * 60 * 1000;
constexpr int kDebounceMs = 4000;
// While a device-link QR code is shown, the device list is checked this often, so the patient
// sees a new device as soon as it joined.
constexpr int kLinkPollMs = 5000;

QString when(std::int64_t ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

// The access log in plain words. Logins and key uploads are left out: they are the devices'
// own routine and would bury what matters (who read what).
QString describe(const sync::AccessLogEntry &entry)
{
    const QString who =
        entry.actorName.isEmpty() ? SyncController::tr("Someone at your clinic") : entry.actorName;
    if (entry.action == QLatin1String("record.read"))
        return SyncController::tr("%1: %2 read an entry you shared").arg(when(entry.at), who);
    if (entry.action == QLatin1String("share.grant"))
        return SyncController::tr("%1: you shared an entry").arg(when(entry.at));
    if (entry.action == QLatin1String("share.revoke"))
        return SyncController::tr("%1: you stopped sharing an entry").arg(when(entry.at));
    if (entry.action == QLatin1String("device.enrol"))
        return SyncController::tr("%1: you connected your first device").arg(when(entry.at));
    if (entry.action == QLatin1String("device.join"))
        return SyncController::tr("%1: a device joined your account").arg(when(entry.at));
    if (entry.action == QLatin1String("device.revoke"))
        return SyncController::tr("%1: a device was removed").arg(when(entry.at));
    if (entry.action == QLatin1String("alert.ack"))
        return SyncController::tr("%1: %2 saw your request for help").arg(when(entry.at), who);
    if (entry.action == QLatin1String("message.send"))
        return SyncController::tr("%1: %2 sent you a message").arg(when(entry.at), who);
    return {};
}

} // namespace

struct SyncController::JobResult
{
    Result<void> outcome;
    bool enrolled = false;
    QString clinicName;
    QString fingerprint;
    sync::ShareChoices choices;
    QHash<QString, sync::EntrySyncState> states;
    int conflicts = 0;
    QVariantList conflictList;
    int pulled = 0;
    bool inbox = false; // messages or a clinic protocol arrived
    QStringList accessLog;
    QStringList devices;
    QString joinCode;
    QString recoveryKey;
    // What the error line says when this job fails, instead of the generic text for its code
    // (a job that changes a key slot says nothing changed, not that a sync is pending).
    QString failureText;
    sync::CarriedToken token;
    quint64 unlock = 0; // SyncController::m_unlocks when the job started
    // Device links (ADR 0018).
    QString linkSlot;
    QImage linkImage;
    std::int64_t linkExpiresAt = 0;
    std::optional<QStringList> activeDeviceIds;
};

// What a finished sync changed that the UI shows: entries from other devices and the clinic's
// appointments (lists and the plan reload), messages and the protocol (the inbox reloads).
void SyncController::noteReport(const sync::SyncReport &report, JobResult &result)
{
    result.pulled += report.pulled + report.appointments;
    result.inbox = result.inbox || report.messages > 0 || report.protocolVersion > 0;
}

SyncController::SyncController(ProfileController &profile, QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<JobResult>>::finished, this,
            &SyncController::finished);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
    m_background.setInterval(kBackgroundIntervalMs);
    connect(&m_background, &QTimer::timeout, this, &SyncController::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
    m_linkExpiry.setSingleShot(true);
    connect(&m_linkExpiry, &QTimer::timeout, this, &SyncController::closeDeviceLink);
    m_linkPoll.setInterval(kLinkPollMs);
    connect(&m_linkPoll, &QTimer::timeout, this, &SyncController::pollLinkedDevices);
    m_binding = std::make_unique<ProfileBinding>(
        *this, profile, [this](storage::Profile &opened) { load(opened); }, [this] { unload(); });
    m_binding->start();
}

SyncController::~SyncController()
{
    // A job holds its own connection and key copy; let it finish before the process goes.
    m_watcher.waitForFinished();
}

void SyncController::load(storage::Profile &profile)
{
    m_profile = &profile;
    // Read the local state (enrolled? sharing? entry states) without touching the network.
    run([](sync::SyncEngine &, JobResult &) -> Result<void> { return {}; }, false);
}

void SyncController::unload()
{
    m_profile = nullptr;
    ++m_unlocks;
    dropToken();
    m_debounce.stop();
    m_background.stop();
    m_retry.stop();
    m_syncQueued = false;
    m_pendingReseal.reset();
    m_enrolled = false;
    m_states.clear();
    m_conflicts.clear();
    m_conflictCount = 0;
    m_choices = {};
    m_accessLog.clear();
    m_devices.clear();
    m_joinCode.clear();
    dismissRecoveryKey();
    m_errorText.clear();
    // The profile locked: the link's slot is deleted at the next sync after its code expired.
    forgetDeviceLink();
    clearScan();
    emit changed();
    emit sharingChanged();
}

void SyncController::dropToken()
{
    // Best effort, like the recovery key: the job's copies were cleared with the job.
    if (!m_token.token.isEmpty())
        secureWipe(m_token.token.data(), static_cast<std::size_t>(m_token.token.size()));
    m_token = {};
}

void SyncController::setBackgroundInterval(int milliseconds)
{
    m_background.setInterval(milliseconds > 0 ? milliseconds : kBackgroundIntervalMs);
}

void SyncController::run(Job job, bool isSync, std::shared_ptr<const SecretBytes> confirm)
{
    if (!m_profile)
        return;
    if (m_busy) {
        m_syncQueued = m_syncQueued || isSync;
        return;
    }
    m_busy = true;
    m_isSyncJob = isSync;
    emit changed();
    auto source =
        std::make_shared<storage::Profile::ConnectionSource>(m_profile->connectionSource());
    m_watcher.setFuture(QtConcurrent::run([source, confirm, job = std::move(job), token = m_token,
                                           unlock = m_unlocks]() mutable {
        auto result = std::make_shared<JobResult>();
        result->unlock = unlock;
        if (confirm) {
            // One Argon2id derivation: here, not on the UI thread.
            auto right = source->opensWith(*confirm);
            if (!right || !*right) {
                source->key.wipe();
                result->outcome = right ? makeError(ErrorCode::WrongPassphrase,
                                                    QStringLiteral("wrong passphrase"))
                                        : right.error();
                return result;
            }
        }
        auto db = storage::Database::openEncrypted(source->path, source->key,
                                                   storage::Database::OpenMode::SecondConnection);
        source->key.wipe();
        if (!db) {
            result->outcome = db.error();
            return result;
        }
        {
            storage::RecordRepository records(*db, SystemClock::instance());
            sync::SyncEngine engine(*db, records);
            engine.carryAccessToken(std::move(token));
            result->outcome = job(engine, *result);
            result->token = engine.accessToken();
            if (auto account = engine.account()) {
                result->enrolled = true;
                result->clinicName = account->clinic.name;
                result->fingerprint = account->fingerprint;
            }
            if (auto choices = engine.shareChoices())
                result->choices = std::move(*choices);
            if (auto states = engine.entryStates())
                result->states = std::move(*states);
            if (auto conflicts = engine.conflicts()) {
                result->conflicts = static_cast<int>(conflicts->size());
                if (auto described = ConflictSummary::list(*conflicts, records))
                    result->conflictList = std::move(*described);
            }
            records.releaseStatements();
        }
        db->close();
        return result;
    }));
}

void SyncController::finished()
{
    const std::shared_ptr<JobResult> result = m_watcher.result();
    m_busy = false;
    if (!m_profile) {
        emit changed();
        return;
    }
    // The newest token (a job that never logged in hands back none: keep the one held); never
    // one from before a lock, even when the profile was unlocked again meanwhile.
    if (result->unlock == m_unlocks && !result->token.token.isEmpty())
        m_token = std::move(result->token);
    const bool wasEnrolled = m_enrolled;
    m_enrolled = result->enrolled;
    m_clinicName = result->clinicName;
    m_fingerprint = result->fingerprint;
    m_conflictCount = result->conflicts;
    m_conflicts = result->conflictList;
    if (m_choices.categories != result->choices.categories ||
        m_choices.entries != result->choices.entries) {
        m_choices = result->choices;
        emit sharingChanged();
    }
    m_states = result->states;
    if (!result->accessLog.isEmpty() || !result->devices.isEmpty()) {
        m_accessLog = result->accessLog;
        m_devices = result->devices;
    }
    if (!result->joinCode.isEmpty())
        m_joinCode = result->joinCode;
    if (!result->recoveryKey.isEmpty())
        m_recoveryKey = std::move(result->recoveryKey);
    if (!result->linkSlot.isEmpty()) {
        m_linkSlot = result->linkSlot;
        m_linkImage = result->linkImage;
        m_linkExpires = QDateTime::fromMSecsSinceEpoch(result->linkExpiresAt);
        m_devicesBeforeLink = result->activeDeviceIds.value_or(QStringList());
        m_joinedDeviceId.clear();
        m_joinedDeviceText.clear();
        m_linkExpiry.start(static_cast<int>(std::clamp<qint64>(
            QDateTime::currentDateTime().msecsTo(m_linkExpires), 0, 60 * 60 * 1000)));
        m_linkPoll.start();
        emit deviceLinkChanged();
    } else if (result->activeDeviceIds && !m_linkSlot.isEmpty() && m_joinedDeviceId.isEmpty()) {
        for (const QString &id : *result->activeDeviceIds) {
            if (m_devicesBeforeLink.contains(id))
                continue;
            // The patient confirms the new device is theirs, or removes it (ADR 0018).
            m_joinedDeviceId = id;
            m_joinedDeviceText = tr("A new device joined just now. If it is yours, choose Done. "
                                    "If not, remove it.");
            emit deviceLinkChanged();
            break;
        }
    }
    if (result->outcome) {
        m_errorText.clear();
        if (m_isSyncJob) {
            m_lastSynced = QDateTime::currentDateTime();
            m_failures = 0;
        }
    } else {
        const Error &error = result->outcome.error();
        switch (error.code) {
        case ErrorCode::Network:
            m_errorText = tr("Your clinic could not be reached. Everything stays saved on this "
                             "device and is sent when the connection is back.");
            break;
        case ErrorCode::Refused:
            m_errorText =
                sync::isVaultDeleted(error)
                    ? tr("Your data at the clinic was deleted from another of your devices, so "
                         "this device can no longer sync. To delete what is left here too, use "
                         "Delete everything below and choose this device only.")
                    : tr("Your clinic did not accept this. If you used a code, it may be "
                         "used or expired: ask your clinic for a new one.");
            break;
        case ErrorCode::WrongPassphrase:
            m_errorText = tr("That passphrase is not right.");
            break;
        case ErrorCode::Damaged:
            m_errorText = tr("The clinic server's identity could not be verified, so nothing "
                             "was sent. Please tell your clinic.");
            break;
        case ErrorCode::InvalidInput:
            m_errorText = tr("Check the address and the code, then try again.");
            break;
        default:
            m_errorText = tr("Sync did not finish. Nothing was lost; it will try again.");
            break;
        }
        if (!result->failureText.isEmpty())
            m_errorText = result->failureText;
        if (m_isSyncJob && error.code == ErrorCode::Network)
            scheduleRetry();
    }
    if (m_enrolled && !wasEnrolled)
        clearScan(); // the scanned link did its job (a failed attempt keeps the form filled)
    if (m_enrolled && !m_background.isActive())
        m_background.start();
    emit changed();
    emit statesChanged();
    if (result->pulled > 0 || wasEnrolled != m_enrolled)
        emit dataChanged();
    if (result->inbox)
        emit inboxChanged();
    if (m_pendingReseal) {
        // A passphrase change while another job ran: its slot goes first (the queued sync
        // follows it, from this same function).
        resealPassphrase(std::move(m_pendingReseal));
        m_pendingReseal.reset();
        if (m_busy)
            return;
    }
    if (m_syncQueued) {
        m_syncQueued = false;
        syncNow();
    }
}

void SyncController::scheduleRetry()
{
    // Whole syncs are retried more patiently than single requests: from 5 s up to 10 min.
    sync::RetryPolicy policy;
    policy.baseDelayMs = 5000;
    policy.maxDelayMs = 10 * 60 * 1000;
    const int delay =
        policy.delayMs(m_failures++, [] { return QRandomGenerator::global()->generateDouble(); });
    m_retry.start(delay);
}

QString SyncController::statusText() const
{
    if (!m_enrolled)
        return tr("Not connected to a clinic. Everything is saved on this device only.");
    if (m_busy && m_isSyncJob)
        return tr("Syncing…");
    if (!m_lastSynced.isValid())
        return tr("Connected to %1.").arg(m_clinicName);
    return tr("Connected to %1. Last synced %2.")
        .arg(m_clinicName, QLocale().toString(m_lastSynced, QLocale::ShortFormat));
}

void SyncController::enrol(const QString &serverUrl, const QString &code,
                           const QString &fingerprint, const QString &passphrase)
{
    if (!m_profile)
        return;
    auto shared = std::make_shared<SecretBytes>(toSecret(passphrase));
    // A scanned device link whose code is still in the form: its secret opens the vault.
    std::shared_ptr<const SecretBytes> linkSecret;
    if (m_scan.linkSecret &&
        protocol::normaliseEnrolmentCode(code) == protocol::normaliseEnrolmentCode(m_scan.code) &&
        serverUrl.trimmed() == m_scan.serverUrl)
        linkSecret = m_scan.linkSecret;
    run(
        [serverUrl, code, fingerprint, shared, linkSecret](sync::SyncEngine &engine,
                                                           JobResult &result) -> Result<void> {
            sync::EnrolOptions options{serverUrl, code, fingerprint, {}, linkSecret};
            auto enrolled = engine.enrol(options, *shared, [shared](int) {
                // Joining from the app uses this profile's passphrase as the other device's:
                // a patient who chose different ones joins with companion-cli (user guide).
                return Result<SecretBytes>(shared->clone());
            });
            shared->wipe();
            if (!enrolled)
                return enrolled.error();
            if (enrolled->recoveryKey)
                result.recoveryKey = enrolled->recoveryKey->displayText();
            auto first = engine.sync();
            if (!first)
                return first.error();
            noteReport(*first, result);
            return {};
        },
        true, shared);
}

void SyncController::dismissRecoveryKey()
{
    if (m_recoveryKey.isEmpty())
        return;
    // Best effort, like a typed passphrase (threat model): copies QML took are not reached.
    secureWipe(m_recoveryKey.data(),
               static_cast<std::size_t>(m_recoveryKey.size()) * sizeof(QChar));
    m_recoveryKey.clear();
    emit changed();
}

void SyncController::replaceRecoveryKey()
{
    if (!m_enrolled)
        return;
    dismissRecoveryKey(); // a key still on screen is about to stop working
    const QString failure = tr("The new key could not be saved at your clinic, so nothing "
                               "changed: your current data recovery key still works. Try again "
                               "when you are connected.");
    run(
        [failure](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto key = engine.replaceRecoveryKey();
            if (!key) {
                result.failureText = failure;
                return key.error();
            }
            result.recoveryKey = key->displayText();
            return {};
        },
        false);
}

void SyncController::resealPassphrase(std::shared_ptr<const SecretBytes> passphrase)
{
    if (!passphrase || !m_profile)
        return;
    if (m_busy) {
        // run() would drop it: after this job (right after an unlock, the job that reads
        // whether the profile is enrolled at all).
        m_pendingReseal = std::move(passphrase);
        return;
    }
    if (!m_enrolled)
        return;
    const QString failure = tr("Your new passphrase works on this device, but it could not be "
                               "saved at your clinic: a new device still joins with your old "
                               "passphrase until you change it again while connected.");
    run(
        [passphrase, failure](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto resealed = engine.resealPassphraseSlot(*passphrase);
            if (!resealed)
                result.failureText = failure;
            return resealed;
        },
        false);
}

void SyncController::syncNow()
{
    if (!m_enrolled)
        return;
    run(
        [](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto report = engine.sync();
            if (!report)
                return report.error();
            noteReport(*report, result);
            return {};
        },
        true);
}

void SyncController::noteLocalChange()
{
    if (m_enrolled)
        m_debounce.start();
}

void SyncController::setShared(const QString &category, bool shared)
{
    const auto parsed = sync::shareCategoryFromName(category);
    if (!parsed || !m_profile)
        return;
    // Shown at once; saved and sent by a sync job.
    if (shared)
        m_choices.categories.insert(*parsed);
    else
        m_choices.categories.erase(*parsed);
    emit sharingChanged();
    run(
        [parsed, shared](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            COMPANION_TRY(engine.setCategoryShared(*parsed, shared));
            auto report = engine.sync();
            if (!report)
                return report.error();
            noteReport(*report, result);
            return {};
        },
        true);
}

void SyncController::refreshActivity()
{
    run(
        [](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto log = engine.accessLog();
            if (!log)
                return log.error();
            for (auto it = log->rbegin(); it != log->rend(); ++it) {
                const QString line = describe(*it);
                if (!line.isEmpty())
                    result.accessLog.append(line);
            }
            auto devices = engine.devices();
            if (!devices)
                return devices.error();
            for (const sync::DeviceInfo &device : *devices) {
                if (device.revokedAt)
                    continue;
                result.devices.append(
                    device.current ? tr("This device (added %1)").arg(when(device.createdAt))
                                   : tr("Another device (added %1)").arg(when(device.createdAt)));
            }
            return {};
        },
        false);
}

void SyncController::createJoinCode()
{
    run(
        [](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto code = engine.createJoinCode();
            if (!code)
                return code.error();
            result.joinCode = code->code;
            return {};
        },
        false);
}

void SyncController::resolveConflict(qint64 conflictId, bool keepMine)
{
    run(
        [conflictId, keepMine](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            COMPANION_TRY(engine.resolveConflict(conflictId, keepMine));
            // The choice is saved; sending it now is what lets the other devices show it. If
            // the clinic cannot be reached, it goes with the next sync like any edit.
            auto report = engine.sync();
            if (!report)
                return report.error();
            // Keeping this device's version rewrote the entry here: views that show content
            // reload as they do after a pull.
            result.pulled = report->pulled + (keepMine ? 1 : 0);
            return {};
        },
        true);
}

bool SyncController::acceptScannedLink(const QByteArray &payload)
{
    auto link = protocol::parseEnrolmentLink(payload);
    if (!link) {
        m_scanError = link.error().code == ErrorCode::Unsupported
                          ? tr("This code was made by a newer version of Companion. Update the "
                               "app, then scan it again.")
                          : tr("This is not a Companion code. Scan the code from your clinic or "
                               "from your other device.");
        emit scanChanged();
        return false;
    }
    m_scan.serverUrl = link->serverUrl;
    m_scan.code = link->code;
    m_scan.fingerprint = link->fingerprint;
    m_scan.linkSecret = link->kind == protocol::LinkKind::Join
                            ? std::make_shared<const SecretBytes>(std::move(link->linkSecret))
                            : nullptr;
    m_scanError.clear();
    emit scanChanged();
    return true;
}

void SyncController::openQrImage(const QUrl &file)
{
    auto payloads = qr::decodeImageFile(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!payloads) {
        m_scanError = payloads.error().code == ErrorCode::NotFound
                          ? tr("That file could not be opened.")
                          : tr("No QR code was found in that image. Try a sharper picture.");
        emit scanChanged();
        return;
    }
    for (const QByteArray &payload : *payloads)
        if (acceptScannedLink(payload))
            return;
}

void SyncController::clearScan()
{
    if (m_scan.serverUrl.isEmpty() && !m_scan.linkSecret && m_scanError.isEmpty())
        return;
    m_scan = {};
    m_scanError.clear();
    emit scanChanged();
}

QString SyncController::deviceLinkText() const
{
    if (m_linkSlot.isEmpty())
        return {};
    return tr("Scan this code with your new device before %1. Anyone who sees it can join your "
              "account until then, so show it to no one else.")
        .arg(QLocale().toString(m_linkExpires.time(), QLocale::ShortFormat));
}

// The devices a link poll compares against: a device that appears here and not in the list
// taken when the code was shown is the one that just joined.
Result<QStringList> SyncController::activeDeviceIds(sync::SyncEngine &engine)
{
    auto devices = engine.devices();
    if (!devices)
        return devices.error();
    QStringList ids;
    for (const sync::DeviceInfo &device : *devices)
        if (!device.revokedAt)
            ids.append(device.deviceId);
    return ids;
}

void SyncController::forgetDeviceLink()
{
    m_linkSlot.clear();
    m_linkImage = QImage();
    m_linkExpiry.stop();
    m_linkPoll.stop();
    m_joinedDeviceId.clear();
    m_joinedDeviceText.clear();
    emit deviceLinkChanged();
}

void SyncController::openDeviceLink()
{
    if (!m_enrolled || !m_linkSlot.isEmpty())
        return;
    run(
        [](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto ids = activeDeviceIds(engine);
            if (!ids)
                return ids.error();
            auto link = engine.createDeviceLink();
            if (!link)
                return link.error();
            auto code = qr::QrCode::encodeSecret(link->uri);
            if (!code) {
                (void)engine.closeDeviceLink(link->slot);
                return code.error();
            }
            result.linkSlot = link->slot;
            result.linkImage = code->toImage(8);
            result.linkExpiresAt = link->expiresAt;
            result.activeDeviceIds = *ids;
            return {};
        },
        false);
}

void SyncController::closeDeviceLink()
{
    if (m_linkSlot.isEmpty())
        return;
    const QString slot = m_linkSlot;
    forgetDeviceLink();
    // If a job is running, this one is dropped; the slot is then deleted at the first sync after
    // the code expired (SyncEngine::removeStaleDeviceLinks).
    run([slot](sync::SyncEngine &engine,
               JobResult &) -> Result<void> { return engine.closeDeviceLink(slot); },
        false);
}

void SyncController::removeJoinedDevice()
{
    if (m_joinedDeviceId.isEmpty())
        return;
    const QString deviceId = m_joinedDeviceId;
    const QString slot = m_linkSlot;
    forgetDeviceLink();
    run(
        [deviceId, slot](sync::SyncEngine &engine, JobResult &) -> Result<void> {
            COMPANION_TRY(engine.revokeDevice(deviceId));
            return slot.isEmpty() ? Result<void>() : engine.closeDeviceLink(slot);
        },
        false);
}

void SyncController::pollLinkedDevices()
{
    if (m_linkSlot.isEmpty() || m_busy || !m_joinedDeviceId.isEmpty())
        return;
    run(
        [](sync::SyncEngine &engine, JobResult &result) -> Result<void> {
            auto ids = activeDeviceIds(engine);
            if (!ids)
                return ids.error();
            result.activeDeviceIds = *ids;
            return {};
        },
        false);
}

QString SyncController::stateLabel(const QString &recordId) const
{
    switch (m_states.value(recordId, sync::EntrySyncState::SavedOnDevice)) {
    case sync::EntrySyncState::Synced:
        return tr("Synced");
    case sync::EntrySyncState::Shared:
        return tr("Shared with your care team");
    case sync::EntrySyncState::SavedOnDevice:
        break;
    }
    return tr("Saved on this device");
}

bool SyncController::isShared(sync::ShareCategory category) const
{
    return m_choices.categories.contains(category);
}

} // namespace companion::presentation
