#pragma once

#include "careteam/console.h"
#include "careteampresentation/patientlistmodel.h"
#include "careteampresentation/patientview.h"
#include "common/clock.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace companion::careteampresentation {

struct CareTeamSessionOptions
{
    QString profileDirectory;
    const Clock *clock = &SystemClock::instance();
    careteam::TransportFactory transports = {}; // empty: the real HTTP transport
    sync::RetryPolicy retryPolicy = {};
};

// The care-team window's state: enrol (first run) or unlock, the patients list, pull now and
// the open patient. One TherapistProfile and CareTeamConsole while unlocked; lock() drops both
// and clears every model. Slow work (Argon2id, the network) runs on a worker thread; a pull
// uses its own database connection (TherapistProfile::secondConnection), so the UI thread keeps
// reading while it writes.
class CareTeamSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool pulling READ pulling NOTIFY pullChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString pullError READ pullError NOTIFY pullChanged)
    Q_PROPERTY(QString lastPulledText READ lastPulledText NOTIFY pullChanged)
    Q_PROPERTY(QString accessEndedText READ accessEndedText NOTIFY pullChanged)
    Q_PROPERTY(bool replying READ replying NOTIFY replyChanged)
    Q_PROPERTY(QString replyMessage READ replyMessage NOTIFY replyChanged)
    Q_PROPERTY(QString recoveryKeyText READ recoveryKeyText NOTIFY recoveryKeyTextChanged)
    Q_PROPERTY(QString therapistName READ therapistName NOTIFY stateChanged)
    Q_PROPERTY(QString clinicName READ clinicName NOTIFY stateChanged)
    Q_PROPERTY(companion::careteampresentation::PatientListModel *patients READ patients CONSTANT)
    Q_PROPERTY(companion::careteampresentation::PatientView *patient READ patient CONSTANT)

public:
    enum State { NeedsEnrolment, Locked, Unlocked };
    Q_ENUM(State)

    explicit CareTeamSession(CareTeamSessionOptions options, QObject *parent = nullptr);
    ~CareTeamSession() override;

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    bool pulling() const { return m_pulling; }
    bool replying() const { return m_replying; }
    QString replyMessage() const { return m_replyMessage; }
    QString errorMessage() const { return m_errorMessage; }
    QString pullError() const { return m_pullError; }
    QString lastPulledText() const;
    QString accessEndedText() const;
    QString recoveryKeyText() const { return m_recoveryKeyText; }
    QString therapistName() const { return m_account ? m_account->displayName : QString(); }
    QString clinicName() const { return m_account ? m_account->clinicName : QString(); }
    PatientListModel *patients() { return &m_patients; }
    PatientView *patient() { return &m_patient; }

    // {score, acceptable, label, hint}, as the patient app's passphrase forms show it.
    Q_INVOKABLE QVariantMap assessPassphrase(const QString &passphrase) const;
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code,
                           const QString &fingerprint, const QString &passphrase,
                           const QString &confirmation);
    Q_INVOKABLE void unlock(const QString &passphrase);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void pullNow();
    // A short reply to one entry of the open patient (CareTeamConsole::reply), on a worker with
    // its own connection: it waits on the network. replySent(recordId) when the reply is stored
    // (sent, or pending until the next pull when the server was unreachable).
    Q_INVOKABLE void reply(const QString &recordId, const QString &text);
    Q_INVOKABLE void acknowledgeRecoveryKey();
    Q_INVOKABLE void openPatient(const QString &vaultId);
    Q_INVOKABLE void closePatient();
    Q_INVOKABLE void clearError();

signals:
    void stateChanged();
    void busyChanged();
    void pullChanged();
    void errorMessageChanged();
    void recoveryKeyTextChanged();
    void replyChanged();
    void replySent(const QString &recordId);

private:
    struct Outcome;
    void runInBackground(std::function<std::shared_ptr<Outcome>()> work,
                         std::function<void(Outcome &)> finish);
    void opened(std::unique_ptr<careteam::TherapistProfile> profile);
    void reloadPatients();
    void setState(State state);
    void setBusy(bool busy);
    void setError(const QString &message);
    QString describe(const Error &error) const;

    CareTeamSessionOptions m_options;
    State m_state = NeedsEnrolment;
    bool m_busy = false;
    bool m_pulling = false;
    QString m_errorMessage;
    QString m_pullError;
    QString m_recoveryKeyText;
    std::optional<careteam::Account> m_account;
    std::unique_ptr<careteam::TherapistProfile> m_profile;
    std::unique_ptr<careteam::CareTeamConsole> m_console;
    PatientListModel m_patients;
    PatientView m_patient;
    QFutureWatcher<std::shared_ptr<Outcome>> m_busyWatcher;
    QFutureWatcher<std::shared_ptr<Outcome>> m_pullWatcher;
    QFutureWatcher<std::shared_ptr<Outcome>> m_replyWatcher;
    bool m_replying = false;
    QString m_replyMessage;
    quint64 m_generation = 0; // bumped by lock(): a pull that ends after it is dropped
};

} // namespace companion::careteampresentation
