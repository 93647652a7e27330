#pragma once

#include "common/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>

namespace companion::presentation {

class ProfileController;
class SyncController;

// Settings → Delete everything (issue 9). The page explains what is deleted and what the clinic
// keeps, and asks the patient to type a word; this controller checks the word, deletes the
// clinic's copy (SyncEngine::deleteEverywhere, on a worker thread with its own connection) and
// then wipes the profile folder (ProfileController::wipeProfile), which returns the app to the
// first-run screen. If the clinic cannot be reached nothing is deleted, unless the patient chose
// "only this device".
class DeleteEverythingController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    // The word to type, in the UI language ("DELETE", "BORRAR").
    Q_PROPERTY(QString confirmationWord READ confirmationWord CONSTANT)

public:
    // The server half, replaceable in tests; by default a SyncEngine on a second connection.
    // Returns ok when the clinic's copy is gone (or there never was one).
    using ServerDelete = std::function<Result<void>()>;

    DeleteEverythingController(ProfileController &profile, SyncController &sync,
                               QObject *parent = nullptr);
    ~DeleteEverythingController() override;

    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString confirmationWord() const;

    // Whether `typed` is the confirmation word (case and surrounding spaces ignored).
    Q_INVOKABLE bool isConfirmation(const QString &typed) const;
    // localOnly: delete this device's profile only and leave the clinic's copy.
    Q_INVOKABLE void deleteEverything(const QString &typed, bool localOnly);
    Q_INVOKABLE void clearError();

    void setServerDeleteForTesting(ServerDelete serverDelete)
    {
        m_serverDelete = std::move(serverDelete);
    }

signals:
    void changed();
    // The profile is gone; the app shows the first-run screen.
    void deleted();

private:
    void setError(const QString &text);
    void wipeLocal();

    ProfileController &m_profile;
    SyncController &m_sync;
    ServerDelete m_serverDelete;
    QFutureWatcher<Result<void>> m_watcher;
    bool m_busy = false;
    QString m_errorText;
};

} // namespace companion::presentation
