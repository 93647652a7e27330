#pragma once

#include "common/clock.h"
#include "storage/profile.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace companion::presentation {

// The profile's life cycle as the UI sees it: first run (create), locked, unlocked, damaged.
// Slow work (Argon2id, opening the database) runs on a worker thread; `busy` is true meanwhile and
// the UI thread never blocks.
//
// Passphrases arrive from QML as QString — unavoidable for a TextField. They are converted to
// SecretBytes at once and the QString's buffer is wiped; the page clears its field afterwards.
class ProfileController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // Non-empty only between creating a profile (or resetting the passphrase with the recovery key)
    // and acknowledgeRecoveryKey(): the one time the recovery key is shown.
    Q_PROPERTY(QString recoveryKeyText READ recoveryKeyText NOTIFY recoveryKeyTextChanged)
    Q_PROPERTY(
        QString preferredName READ preferredName WRITE setPreferredName NOTIFY preferredNameChanged)
    Q_PROPERTY(QString profileDirectory READ profileDirectory CONSTANT)

public:
    enum State {
        NoProfile, // first run: show the create-profile flow
        Locked,    // show the unlock page before any data
        Unlocked,
        Damaged, // integrity check failed: explain, offer the recovery key, never auto-repair
    };
    Q_ENUM(State)

    explicit ProfileController(QString profileDirectory,
                               const Clock &clock = SystemClock::instance(),
                               QObject *parent = nullptr);
    ~ProfileController() override;

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }
    QString recoveryKeyText() const { return m_recoveryKeyText; }
    QString preferredName() const { return m_preferredName; }
    void setPreferredName(const QString &name);
    QString profileDirectory() const { return m_directory; }

    // {score: 0–4, acceptable: bool, label: "Weak"…, hint: "Add another word…"} for live feedback.
    Q_INVOKABLE QVariantMap assessPassphrase(const QString &passphrase) const;
    // Validates (match, strength) synchronously; errors go to errorMessage.
    Q_INVOKABLE void createProfile(const QString &passphrase, const QString &confirmation);
    Q_INVOKABLE void unlock(const QString &passphrase);
    // Forgot the passphrase: the recovery key unlocks and a new passphrase is set in one step.
    Q_INVOKABLE void recoverWithKey(const QString &recoveryKey, const QString &newPassphrase,
                                    const QString &confirmation);
    Q_INVOKABLE void acknowledgeRecoveryKey();
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &next,
                                      const QString &confirmation);
    // Replaces the recovery key (the old one stops working) and shows the new one once.
    Q_INVOKABLE void createNewRecoveryKey();
    Q_INVOKABLE void lock();
    // Delete everything, the local half: closes the profile (as lock does), overwrites and
    // deletes every file of the profile folder (storage::wipeProfileFolder) and returns to the
    // first-run state. Not from QML: DeleteEverythingController calls it after the clinic's copy
    // is gone.
    Result<void> wipeProfile();
    Q_INVOKABLE void clearError();

    // For C++ collaborators (future feature controllers); nullptr while locked.
    storage::Profile *profile() const { return m_profile.get(); }

signals:
    void stateChanged();
    void busyChanged();
    void errorMessageChanged();
    void recoveryKeyTextChanged();
    void preferredNameChanged();
    // After changePassphrase(): succeeded or not (message in errorMessage when not).
    void passphraseChangeFinished(bool succeeded);
    // C++ only (AppServices): the new passphrase after a change succeeded, for the clinic's
    // passphrase slot (SyncController::resealPassphrase).
    void passphraseReplaced(std::shared_ptr<const SecretBytes> passphrase);
    // Emitted just before the profile closes, so models can drop decrypted data.
    void aboutToLock();

private:
    struct Outcome;
    void setState(State state);
    void setBusy(bool busy);
    void setError(const QString &message);
    void setRecoveryKeyText(QString text);
    // Runs `work` on the thread pool with busy = true, then `finish` on this thread.
    void runInBackground(std::function<Outcome()> work, std::function<void(Outcome)> finish);
    void finishOpen(Outcome outcome);
    QString messageFor(const Error &error) const;
    bool validateNewPassphrase(const QString &passphrase, const QString &confirmation);
    void loadProfileSettings();

    QString m_directory;
    const Clock &m_clock;
    State m_state = NoProfile;
    bool m_busy = false;
    bool m_lockRequested = false; // lock() arrived while busy: lock when the work finishes
    QString m_errorMessage;
    QString m_recoveryKeyText;
    QString m_preferredName;
    std::unique_ptr<storage::Profile> m_profile;
};

} // namespace companion::presentation
