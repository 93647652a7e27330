#include "presentation/profilecontroller.h"

#include "common/logging.h"
#include "crypto/passphrasestrength.h"
#include "domain/record.h"
#include "presentation/passphrasefeedback.h"
#include "storage/profilewipe.h"

#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
#include "platform/linux/autostart.h"
#define COMPANION_HAS_REMINDER_SERVICE 1
#endif

#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace companion::presentation {

namespace {

constexpr int kMaxPreferredNameLength = 60;
const QString kPreferredNameKey = QStringLiteral("preferredName");

} // namespace

// What a background operation hands back to the UI thread.
struct ProfileController::Outcome
{
    std::unique_ptr<storage::Profile> profile;
    std::optional<Error> error;
    QString recoveryKeyText; // a key to show once (after create or recovery)
};

ProfileController::ProfileController(QString profileDirectory, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(profileDirectory))
    , m_clock(clock)
    , m_state(storage::Profile::exists(m_directory) ? Locked : NoProfile)
{}

ProfileController::~ProfileController()
{
    // A background operation may still hold raw pointers to our members; wait for it.
    QThreadPool::globalInstance()->waitForDone();
}

void ProfileController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void ProfileController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ProfileController::setError(const QString &message)
{
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void ProfileController::clearError()
{
    setError(QString());
}

void ProfileController::setRecoveryKeyText(QString text)
{
    if (!m_recoveryKeyText.isEmpty()) {
        // Best effort: overwrite the characters before the string is released.
        m_recoveryKeyText.fill(u' ');
    }
    m_recoveryKeyText = std::move(text);
    emit recoveryKeyTextChanged();
}

QString ProfileController::messageFor(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return tr("That passphrase is not right. Check Caps Lock and try again.");
    case ErrorCode::Damaged:
        return tr("Your profile failed its integrity check. It may be damaged, or someone may "
                  "have changed its files. Nothing was changed or repaired.");
    case ErrorCode::Io:
        return tr("Companion could not read or write its files. Check that the device has free "
                  "space, then try again. Nothing was lost.");
    case ErrorCode::WeakParameters:
        return tr("That passphrase is too easy to guess. Try a few unrelated words.");
    case ErrorCode::Unsupported:
        return tr("This profile was made by a newer version of Companion. Please update the app.");
    case ErrorCode::NotFound:
        return tr("No profile was found in %1.").arg(m_directory);
    case ErrorCode::AlreadyExists:
        return tr("A profile already exists here.");
    case ErrorCode::InvalidInput:
    case ErrorCode::Locked:
    case ErrorCode::Network:
    case ErrorCode::Refused:
    case ErrorCode::Internal:
        break;
    }
    return tr("Something went wrong. Your data was not changed.");
}

QVariantMap ProfileController::assessPassphrase(const QString &passphrase) const
{
    return passphraseFeedback(crypto::assessPassphrase(toSecret(passphrase)));
}

bool ProfileController::validateNewPassphrase(const QString &passphrase,
                                              const QString &confirmation)
{
    if (passphrase != confirmation) {
        setError(tr("The two passphrases do not match."));
        return false;
    }
    if (!crypto::assessPassphrase(toSecret(passphrase)).acceptable) {
        setError(tr("That passphrase is too easy to guess. Try a few unrelated words."));
        return false;
    }
    return true;
}

void ProfileController::runInBackground(std::function<Outcome()> work,
                                        std::function<void(Outcome)> finish)
{
    setBusy(true);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
            [this, watcher, finish = std::move(finish)] {
                Outcome outcome = watcher->future().takeResult();
                watcher->deleteLater();
                setBusy(false);
                finish(std::move(outcome));
                if (m_lockRequested) {
                    m_lockRequested = false;
                    lock();
                }
            });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void ProfileController::finishOpen(Outcome outcome)
{
    if (outcome.error) {
        setError(messageFor(*outcome.error));
        if (outcome.error->code == ErrorCode::Damaged)
            setState(Damaged);
        return;
    }
    m_profile = std::move(outcome.profile);
    clearError();
    if (!outcome.recoveryKeyText.isEmpty())
        setRecoveryKeyText(std::move(outcome.recoveryKeyText));
    loadProfileSettings();
    setState(Unlocked);
}

void ProfileController::createProfile(const QString &passphrase, const QString &confirmation)
{
    if (m_busy || m_state != NoProfile || !validateNewPassphrase(passphrase, confirmation))
        return;
    clearError();
    auto secret = std::make_shared<SecretBytes>(toSecret(passphrase));
    runInBackground(
        [directory = m_directory, secret, &clock = m_clock] {
            Outcome outcome;
            auto created = storage::Profile::create(directory, *secret, clock);
            if (!created) {
                outcome.error = created.error();
                return outcome;
            }
            outcome.profile = std::move(created->profile);
            outcome.recoveryKeyText = created->recoveryKey.displayText();
            return outcome;
        },
        [this](Outcome outcome) { finishOpen(std::move(outcome)); });
}

void ProfileController::unlock(const QString &passphrase)
{
    if (m_busy || m_state == Unlocked || m_state == NoProfile)
        return;
    if (passphrase.isEmpty()) {
        setError(tr("Enter your passphrase."));
        return;
    }
    clearError();
    auto secret = std::make_shared<SecretBytes>(toSecret(passphrase));
    runInBackground(
        [directory = m_directory, secret, &clock = m_clock] {
            Outcome outcome;
            auto unlocked = storage::Profile::unlock(directory, *secret, clock);
            if (unlocked)
                outcome.profile = std::move(*unlocked);
            else
                outcome.error = unlocked.error();
            return outcome;
        },
        [this](Outcome outcome) { finishOpen(std::move(outcome)); });
}

void ProfileController::recoverWithKey(const QString &recoveryKey, const QString &newPassphrase,
                                       const QString &confirmation)
{
    if (m_busy || m_state == Unlocked || m_state == NoProfile)
        return;
    auto key = crypto::RecoveryKey::parse(recoveryKey);
    if (!key) {
        setError(tr("That recovery key has a typo or is incomplete. It has 13 groups of 4 "
                    "letters and digits."));
        return;
    }
    if (!validateNewPassphrase(newPassphrase, confirmation))
        return;
    clearError();
    auto sharedKey = std::make_shared<crypto::RecoveryKey>(std::move(*key));
    auto secret = std::make_shared<SecretBytes>(toSecret(newPassphrase));
    runInBackground(
        [directory = m_directory, sharedKey, secret, &clock = m_clock] {
            Outcome outcome;
            auto unlocked = storage::Profile::unlockWithRecoveryKey(directory, *sharedKey, clock);
            if (!unlocked) {
                outcome.error = unlocked.error();
                if (outcome.error->code == ErrorCode::WrongPassphrase)
                    outcome.error->message = QStringLiteral("recovery key of another profile");
                return outcome;
            }
            if (auto changed = (*unlocked)->changePassphrase(*secret); !changed) {
                outcome.error = changed.error();
                return outcome;
            }
            // The old recovery key has been typed in and may have been seen: replace it.
            auto replaced = (*unlocked)->replaceRecoveryKey();
            if (replaced)
                outcome.recoveryKeyText = replaced->displayText();
            outcome.profile = std::move(*unlocked);
            return outcome;
        },
        [this, secret](Outcome outcome) {
            if (outcome.error && outcome.error->code == ErrorCode::WrongPassphrase) {
                setError(tr("That recovery key belongs to a different profile."));
                return;
            }
            const bool opened = !outcome.error;
            finishOpen(std::move(outcome));
            // A forgotten passphrase was replaced: the clinic's passphrase slot follows (after
            // finishOpen, so the sync controller has the profile).
            if (opened)
                emit passphraseReplaced(secret);
        });
}

void ProfileController::acknowledgeRecoveryKey()
{
    setRecoveryKeyText(QString());
}

void ProfileController::createNewRecoveryKey()
{
    if (m_busy || !m_profile)
        return;
    auto replaced = m_profile->replaceRecoveryKey();
    if (!replaced) {
        setError(messageFor(replaced.error()));
        return;
    }
    setRecoveryKeyText(replaced->displayText());
}

void ProfileController::changePassphrase(const QString &current, const QString &next,
                                         const QString &confirmation)
{
    if (m_busy || !m_profile)
        return;
    if (!validateNewPassphrase(next, confirmation)) {
        emit passphraseChangeFinished(false);
        return;
    }
    clearError();
    auto currentSecret = std::make_shared<SecretBytes>(toSecret(current));
    auto nextSecret = std::make_shared<SecretBytes>(toSecret(next));
    // The profile stays owned here; lock() waits (m_lockRequested) while this runs.
    storage::Profile *profile = m_profile.get();
    runInBackground(
        [profile, currentSecret, nextSecret] {
            Outcome outcome;
            auto verified = profile->verifyPassphrase(*currentSecret);
            if (!verified)
                outcome.error = verified.error();
            else if (!*verified)
                outcome.error = makeError(ErrorCode::WrongPassphrase, QString());
            else if (auto changed = profile->changePassphrase(*nextSecret); !changed)
                outcome.error = changed.error();
            return outcome;
        },
        [this, nextSecret](Outcome outcome) {
            if (outcome.error) {
                setError(outcome.error->code == ErrorCode::WrongPassphrase
                             ? tr("Your current passphrase is not right.")
                             : messageFor(*outcome.error));
                emit passphraseChangeFinished(false);
                return;
            }
            emit passphraseChangeFinished(true);
            emit passphraseReplaced(nextSecret);
        });
}

void ProfileController::lock()
{
    if (m_busy) {
        m_lockRequested = true;
        return;
    }
    if (!m_profile)
        return;
    emit aboutToLock();
    m_profile.reset(); // checkpoints, closes the database and wipes the key
    m_preferredName.fill(u' ');
    m_preferredName.clear();
    emit preferredNameChanged();
    setRecoveryKeyText(QString());
    clearError();
    qCInfo(lcProfile) << "locked";
    setState(storage::Profile::exists(m_directory) ? Locked : NoProfile);
}

Result<void> ProfileController::wipeProfile()
{
    if (m_busy)
        return makeError(ErrorCode::Locked, QStringLiteral("busy"));
    if (m_profile) {
        emit aboutToLock();
        m_profile.reset();
    }
    m_preferredName.fill(u' ');
    m_preferredName.clear();
    emit preferredNameChanged();
    setRecoveryKeyText(QString());
    clearError();
    auto wiped = storage::wipeProfileFolder(m_directory, storage::Profile::kKeyFileName);
    // The state follows the files: a half-wiped folder without its key file is first-run too.
    setState(storage::Profile::exists(m_directory) ? Locked : NoProfile);
    if (!wiped) {
        qCWarning(lcProfile) << "profile wipe failed:" << errorCodeName(wiped.error().code);
        return wiped.error();
    }
    qCInfo(lcProfile) << "profile wiped:" << wiped->files << "files";
#ifdef COMPANION_HAS_REMINDER_SERVICE
    // The background reminder service's login entry names this folder: without it the service
    // would start at every login for a profile that no longer exists. The data is gone either
    // way, so a leftover entry is logged (no path: it can hold the person's name), not an error.
    if (!platform::autostart::disableForProfile(m_directory))
        qCWarning(lcProfile) << "the reminder service's login entry could not be removed";
#endif
    return {};
}

void ProfileController::loadProfileSettings()
{
    m_preferredName.clear();
    auto records = m_profile->records().list(domain::kinds::profileSettings);
    if (records && !records->empty()) {
        const QJsonObject settings = QJsonDocument::fromJson(records->front().body).object();
        m_preferredName = settings.value(kPreferredNameKey).toString();
    }
    emit preferredNameChanged();
}

void ProfileController::setPreferredName(const QString &name)
{
    const QString cleaned = name.simplified().left(kMaxPreferredNameLength);
    if (!m_profile || cleaned == m_preferredName)
        return;
    const QByteArray body =
        QJsonDocument(QJsonObject{{kPreferredNameKey, cleaned}}).toJson(QJsonDocument::Compact);
    auto &records = m_profile->records();
    auto existing = records.list(domain::kinds::profileSettings);
    auto saved = (existing && !existing->empty())
                     ? records.update(existing->front().id, body)
                     : records.create(domain::kinds::profileSettings, body);
    if (!saved) {
        setError(messageFor(saved.error()));
        return;
    }
    m_preferredName = cleaned;
    emit preferredNameChanged();
}

} // namespace companion::presentation
