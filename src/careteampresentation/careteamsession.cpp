#include "careteampresentation/careteamsession.h"

#include "common/logging.h"
#include "crypto/passphrasestrength.h"
#include "presentation/passphrasefeedback.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace companion::careteampresentation {

using careteam::CareTeamConsole;
using careteam::TherapistProfile;
using presentation::toSecret;

// What a worker hands back to the UI thread. Only one of the results is set.
struct CareTeamSession::Outcome
{
    std::optional<Error> error;
    std::unique_ptr<TherapistProfile> profile; // enrol, unlock
    QString recoveryKeyText;                   // enrol
    std::optional<careteam::PullReport> report;
    std::optional<careteam::CareTeamReply> reply;
    quint64 generation = 0;
};

CareTeamSession::CareTeamSession(CareTeamSessionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_patient(*m_options.clock)
{
    m_state = TherapistProfile::exists(m_options.profileDirectory) ? Locked : NeedsEnrolment;
}

CareTeamSession::~CareTeamSession()
{
    // A worker still running holds references to this object's options.
    m_busyWatcher.waitForFinished();
    m_pullWatcher.waitForFinished();
    m_replyWatcher.waitForFinished();
    lock();
}

QString CareTeamSession::lastPulledText() const
{
    if (!m_account || !m_account->lastPullAt)
        return tr("Not pulled yet.");
    return tr("Last pulled %1.")
        .arg(QLocale().toString(m_account->lastPullAt->toLocalTime(), QLocale::ShortFormat));
}

QString CareTeamSession::accessEndedText() const
{
    if (!m_account || !m_account->accessEndedAt)
        return {};
    return tr("The clinic ended your access on %1. You see what you had pulled before; new "
              "entries are not readable by you.")
        .arg(QLocale().toString(m_account->accessEndedAt->toLocalTime(), QLocale::ShortFormat));
}

QVariantMap CareTeamSession::assessPassphrase(const QString &passphrase) const
{
    return presentation::passphraseFeedback(crypto::assessPassphrase(toSecret(passphrase)));
}

QString CareTeamSession::describe(const Error &error) const
{
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
        return tr("That passphrase is not right.");
    case ErrorCode::Network:
        return tr("The clinic server could not be reached. Check the address and your "
                  "connection, then try again.");
    case ErrorCode::Refused:
        return m_state == NeedsEnrolment
                   ? tr("Enrolment was refused: the fingerprint does not match this server's "
                        "clinic key, or the code is wrong, used or expired. Nothing was saved; "
                        "check both with the clinic.")
                   : tr("The clinic no longer accepts this console: your access has ended. Ask "
                        "the clinic.");
    case ErrorCode::Damaged:
        return tr("The answer did not match the clinic's fingerprint or failed a check. Nothing "
                  "was saved. Check the fingerprint with the clinic.");
    case ErrorCode::InvalidInput:
        return tr("Check the server address, the code and the fingerprint.");
    case ErrorCode::AlreadyExists:
        return tr("This computer already has a care-team profile.");
    case ErrorCode::Io:
        return tr("The profile folder could not be written.");
    default:
        return tr("Something went wrong. Try again.");
    }
}

void CareTeamSession::runInBackground(std::function<std::shared_ptr<Outcome>()> work,
                                      std::function<void(Outcome &)> finish)
{
    setBusy(true);
    m_busyWatcher.disconnect(this);
    connect(&m_busyWatcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            [this, finish = std::move(finish)] {
                std::shared_ptr<Outcome> outcome = m_busyWatcher.result();
                setBusy(false);
                finish(*outcome);
            });
    m_busyWatcher.setFuture(QtConcurrent::run(std::move(work)));
}

void CareTeamSession::enrol(const QString &serverUrl, const QString &code,
                            const QString &fingerprint, const QString &passphrase,
                            const QString &confirmation)
{
    if (m_busy || m_state != NeedsEnrolment)
        return;
    if (passphrase != confirmation) {
        setError(tr("The two passphrases do not match."));
        return;
    }
    if (!crypto::assessPassphrase(toSecret(passphrase)).acceptable) {
        setError(tr("That passphrase is too easy to guess. Try a few unrelated words."));
        return;
    }
    setError({});
    auto secret = std::make_shared<SecretBytes>(toSecret(passphrase));
    careteam::EnrolOptions options{serverUrl.trimmed(), code.trimmed(), fingerprint.trimmed()};
    runInBackground(
        [directory = m_options.profileDirectory, clock = m_options.clock,
         transports = m_options.transports, retry = m_options.retryPolicy, secret, options] {
            auto outcome = std::make_shared<Outcome>();
            auto enrolled =
                CareTeamConsole::enrol(directory, *secret, options, *clock, transports, retry);
            secret->wipe();
            if (!enrolled) {
                outcome->error = enrolled.error();
                return outcome;
            }
            outcome->profile = std::move(enrolled->profile);
            outcome->recoveryKeyText = enrolled->recoveryKey.displayText();
            return outcome;
        },
        [this](Outcome &outcome) {
            if (outcome.error) {
                qCWarning(lcUi) << "care-team enrolment failed:" << int(outcome.error->code);
                setError(describe(*outcome.error));
                return;
            }
            m_recoveryKeyText = outcome.recoveryKeyText;
            outcome.recoveryKeyText.fill(u' ');
            emit recoveryKeyTextChanged();
            opened(std::move(outcome.profile));
        });
}

void CareTeamSession::unlock(const QString &passphrase)
{
    if (m_busy || m_state != Locked)
        return;
    setError({});
    auto secret = std::make_shared<SecretBytes>(toSecret(passphrase));
    runInBackground(
        [directory = m_options.profileDirectory, clock = m_options.clock, secret] {
            auto outcome = std::make_shared<Outcome>();
            auto profile = TherapistProfile::unlock(directory, *secret, *clock);
            secret->wipe();
            if (!profile)
                outcome->error = profile.error();
            else
                outcome->profile = std::move(*profile);
            return outcome;
        },
        [this](Outcome &outcome) {
            if (outcome.error) {
                setError(describe(*outcome.error));
                return;
            }
            opened(std::move(outcome.profile));
        });
}

void CareTeamSession::opened(std::unique_ptr<TherapistProfile> profile)
{
    m_profile = std::move(profile);
    m_console = std::make_unique<CareTeamConsole>(*m_profile, *m_options.clock,
                                                  m_options.transports, m_options.retryPolicy);
    auto account = m_console->account();
    m_account.reset();
    if (account)
        m_account = *account;
    reloadPatients();
    setState(Unlocked);
    emit pullChanged();
}

void CareTeamSession::lock()
{
    ++m_generation;
    m_patient.clear();
    m_patients.clear();
    m_console.reset();
    m_profile.reset(); // closes the database and wipes its key
    m_account.reset();
    m_pullError.clear();
    if (!m_recoveryKeyText.isEmpty()) {
        m_recoveryKeyText.fill(u' ');
        m_recoveryKeyText.clear();
        emit recoveryKeyTextChanged();
    }
    m_replying = false;
    m_replyMessage.clear();
    emit replyChanged();
    if (m_pulling) {
        // The worker still owns its own connection; it closes it when the network call returns
        // and its result is then dropped (the generation changed).
        m_pulling = false;
    }
    emit pullChanged();
    if (m_state == Unlocked)
        setState(Locked);
}

void CareTeamSession::pullNow()
{
    if (m_state != Unlocked || m_pulling)
        return;
    auto second = m_profile->secondConnection();
    if (!second) {
        m_pullError = describe(second.error());
        emit pullChanged();
        return;
    }
    m_pulling = true;
    m_pullError.clear();
    emit pullChanged();
    std::shared_ptr<TherapistProfile> worker(std::move(*second));
    m_pullWatcher.disconnect(this);
    connect(&m_pullWatcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, [this] {
        std::shared_ptr<Outcome> outcome = m_pullWatcher.result();
        if (outcome->generation != m_generation)
            return; // locked meanwhile: nothing to show
        m_pulling = false;
        if (outcome->error) {
            qCInfo(lcUi) << "care-team pull failed:" << int(outcome->error->code);
            m_pullError = describe(*outcome->error);
        }
        auto account = m_console->account();
        if (account)
            m_account = *account;
        reloadPatients();
        // The open patient shows what arrived, and what arrived while it was shown counts read.
        if (m_patient.isOpen())
            openPatient(m_patient.vaultId());
        emit pullChanged();
    });
    m_pullWatcher.setFuture(
        QtConcurrent::run([worker, clock = m_options.clock, transports = m_options.transports,
                           retry = m_options.retryPolicy, generation = m_generation] {
            auto outcome = std::make_shared<Outcome>();
            outcome->generation = generation;
            {
                CareTeamConsole console(*worker, *clock, transports, retry);
                auto report = console.pull();
                if (report)
                    outcome->report = *report;
                else
                    outcome->error = report.error();
            }
            return outcome;
        }));
}

void CareTeamSession::reply(const QString &recordId, const QString &text)
{
    if (m_state != Unlocked || m_replying || !m_patient.isOpen())
        return;
    auto second = m_profile->secondConnection();
    if (!second) {
        m_replyMessage = describe(second.error());
        emit replyChanged();
        return;
    }
    m_replying = true;
    m_replyMessage.clear();
    emit replyChanged();
    std::shared_ptr<TherapistProfile> worker(std::move(*second));
    m_replyWatcher.disconnect(this);
    connect(&m_replyWatcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            [this, recordId] {
                std::shared_ptr<Outcome> outcome = m_replyWatcher.result();
                if (outcome->generation != m_generation)
                    return; // locked meanwhile
                m_replying = false;
                bool stored = outcome->reply.has_value();
                if (outcome->error) {
                    switch (outcome->error->code) {
                    case ErrorCode::InvalidInput:
                        m_replyMessage = tr("A reply is plain text of 1 to 2,000 characters.");
                        break;
                    case ErrorCode::NotFound:
                        m_replyMessage = tr("The patient no longer shares this entry with the "
                                            "care team, so it cannot be answered.");
                        break;
                    case ErrorCode::Network:
                        // Stored as pending before sending: the next pull sends it.
                        m_replyMessage = tr("The clinic server could not be reached. The reply "
                                            "is saved and is sent at the next pull.");
                        stored = true;
                        break;
                    default:
                        m_replyMessage = describe(*outcome->error);
                    }
                } else {
                    m_replyMessage = tr("Reply sent.");
                }
                if (m_patient.isOpen())
                    openPatient(m_patient.vaultId()); // shows the reply and its state
                emit replyChanged();
                if (stored)
                    emit replySent(recordId);
            });
    m_replyWatcher.setFuture(
        QtConcurrent::run([worker, clock = m_options.clock, transports = m_options.transports,
                           retry = m_options.retryPolicy, generation = m_generation,
                           vaultId = m_patient.vaultId(), recordId, text] {
            auto outcome = std::make_shared<Outcome>();
            outcome->generation = generation;
            CareTeamConsole console(*worker, *clock, transports, retry);
            auto sent = console.reply(vaultId, recordId, text);
            if (sent)
                outcome->reply = *sent;
            else
                outcome->error = sent.error();
            return outcome;
        }));
}

void CareTeamSession::acknowledgeRecoveryKey()
{
    m_recoveryKeyText.fill(u' ');
    m_recoveryKeyText.clear();
    emit recoveryKeyTextChanged();
}

void CareTeamSession::reloadPatients()
{
    if (!m_console)
        return;
    auto patients = m_console->patients();
    if (!patients) {
        m_pullError = tr("The patients list could not be read from your profile.");
        m_patients.clear();
        return;
    }
    m_patients.setPatients(std::move(*patients));
}

void CareTeamSession::openPatient(const QString &vaultId)
{
    if (!m_console)
        return;
    const careteam::PatientOverview *overview = m_patients.find(vaultId);
    if (!overview)
        return;
    const careteam::PatientOverview copy = *overview;
    // While a pull writes on its connection, reading is fine but marking read waits for it.
    if (auto loaded = m_patient.load(*m_console, *m_profile, copy, !m_pulling); !loaded) {
        setError(tr("This patient's entries could not be read from your profile."));
        return;
    }
    if (!m_pulling)
        reloadPatients(); // the unread counts changed
}

void CareTeamSession::closePatient()
{
    m_patient.clear();
}

void CareTeamSession::clearError()
{
    setError({});
}

void CareTeamSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void CareTeamSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void CareTeamSession::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

} // namespace companion::careteampresentation
