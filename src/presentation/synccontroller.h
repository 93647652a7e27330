#pragma once

#include "common/result.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

#include <functional>
#include <memory>

namespace companion::storage {
class Profile;
}

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// The clinic connection in the app (Settings → Your clinic): enrolment by code, sync now and in
// the background, what the care team may read, the access log and the patient's devices.
//
// Every network or sync step runs on a worker thread with its own connection to the profile
// database (SQLCipher allows it; WAL lets the UI read while sync writes), so the UI never waits
// on the network. One job at a time; a sync asked for while one runs runs right after. A failed
// background sync is retried with jittered exponential backoff.
class SyncController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString clinicName READ clinicName NOTIFY changed)
    Q_PROPERTY(QString fingerprint READ fingerprint NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY changed)
    // The conflict chooser: one map per entry edited on two devices at once (keys in
    // conflictsummary.h).
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY changed)
    Q_PROPERTY(QString joinCode READ joinCode NOTIFY changed)
    // A new vault's recovery key, shown once after enrolment until the patient dismisses it.
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY changed)
    Q_PROPERTY(QStringList accessLog READ accessLog NOTIFY changed)
    Q_PROPERTY(QStringList devices READ devices NOTIFY changed)
    Q_PROPERTY(bool shareCheckIns READ shareCheckIns NOTIFY sharingChanged)
    Q_PROPERTY(bool shareInstruments READ shareInstruments NOTIFY sharingChanged)
    Q_PROPERTY(bool sharePostInfusion READ sharePostInfusion NOTIFY sharingChanged)
    Q_PROPERTY(bool sharePreparation READ sharePreparation NOTIFY sharingChanged)
    Q_PROPERTY(bool shareJournal READ shareJournal NOTIFY sharingChanged)
    Q_PROPERTY(bool shareSafety READ shareSafety NOTIFY sharingChanged)
    // A QR code read by the scanner or from an image (ADR 0018): what fills the enrolment form.
    // The link secret of a device link stays in C++; QML only learns that there is one.
    Q_PROPERTY(QString scannedServerUrl READ scannedServerUrl NOTIFY scanChanged)
    Q_PROPERTY(QString scannedCode READ scannedCode NOTIFY scanChanged)
    Q_PROPERTY(QString scannedFingerprint READ scannedFingerprint NOTIFY scanChanged)
    Q_PROPERTY(bool scannedDeviceLink READ scannedDeviceLink NOTIFY scanChanged)
    Q_PROPERTY(QString scanError READ scanError NOTIFY scanChanged)
    // "Add another device" with a QR code: open while the image is shown.
    Q_PROPERTY(bool deviceLinkOpen READ deviceLinkOpen NOTIFY deviceLinkChanged)
    Q_PROPERTY(QString deviceLinkText READ deviceLinkText NOTIFY deviceLinkChanged)
    // Set when a device joined while the QR code was shown: the patient confirms it or removes it.
    Q_PROPERTY(QString joinedDeviceText READ joinedDeviceText NOTIFY deviceLinkChanged)

public:
    explicit SyncController(ProfileController &profile, QObject *parent = nullptr);
    ~SyncController() override;

    bool enrolled() const { return m_enrolled; }
    bool busy() const { return m_busy; }
    QString clinicName() const { return m_clinicName; }
    QString fingerprint() const { return m_fingerprint; }
    QString statusText() const;
    QString errorText() const { return m_errorText; }
    int conflictCount() const { return m_conflictCount; }
    QVariantList conflicts() const { return m_conflicts; }
    QString joinCode() const { return m_joinCode; }
    QString recoveryKey() const { return m_recoveryKey; }
    QStringList accessLog() const { return m_accessLog; }
    QStringList devices() const { return m_devices; }
    bool shareCheckIns() const { return isShared(sync::ShareCategory::CheckIns); }
    bool shareInstruments() const { return isShared(sync::ShareCategory::Instruments); }
    bool sharePostInfusion() const { return isShared(sync::ShareCategory::PostInfusion); }
    bool sharePreparation() const { return isShared(sync::ShareCategory::Preparation); }
    bool shareJournal() const { return isShared(sync::ShareCategory::Journal); }
    bool shareSafety() const { return isShared(sync::ShareCategory::Safety); }
    QString scannedServerUrl() const { return m_scan.serverUrl; }
    QString scannedCode() const { return m_scan.code; }
    QString scannedFingerprint() const { return m_scan.fingerprint; }
    bool scannedDeviceLink() const { return m_scan.linkSecret != nullptr; }
    QString scanError() const { return m_scanError; }
    bool deviceLinkOpen() const { return !m_linkSlot.isEmpty(); }
    // For QrCodeView (C++ only: QML never holds the image or its payload).
    QImage deviceLinkImage() const { return m_linkImage; }
    QString deviceLinkText() const;
    QString joinedDeviceText() const { return m_joinedDeviceText; }

    // A payload the QR scanner read (C++ only: it may hold a link secret). True when it is a
    // Companion link; the form is then filled from it.
    bool acceptScannedLink(const QByteArray &payload);
    // "Open a QR image": a screenshot or photo of the code, for desktops without a camera.
    Q_INVOKABLE void openQrImage(const QUrl &file);
    Q_INVOKABLE void clearScan();
    // Shows a QR code that joins a new device without the passphrase (10 minutes).
    Q_INVOKABLE void openDeviceLink();
    // Closes it: the key slot on the server is deleted (also when the code expires).
    Q_INVOKABLE void closeDeviceLink();
    // The device that joined while the code was shown is not the patient's: remove it.
    Q_INVOKABLE void removeJoinedDevice();

    // `passphrase`: the profile passphrase again; it seals the vault key for the patient's
    // other devices (and is checked against the profile first).
    Q_INVOKABLE void enrol(const QString &serverUrl, const QString &code,
                           const QString &fingerprint, const QString &passphrase);
    Q_INVOKABLE void syncNow();
    // category: "checkins", "instruments", "post-infusion", "preparation", "journal", "safety".
    Q_INVOKABLE void setShared(const QString &category, bool shared);
    Q_INVOKABLE void refreshActivity(); // the access log and the device list
    Q_INVOKABLE void createJoinCode();
    // The patient's choice for one conflict: keep this device's version (it becomes a new
    // version on top of the other device's) or the other device's (this one's is dropped).
    // Then syncs, so the patient's other devices get the choice.
    Q_INVOKABLE void resolveConflict(qint64 conflictId, bool keepMine);
    // "I have written it down": the recovery key leaves the UI (and memory, as far as Qt lets).
    Q_INVOKABLE void dismissRecoveryKey();
    // "New data recovery key" (issue 6, ADR 0034): replaces the key on the clinic server and
    // shows the new one once, like enrolment does; the old key stops working. Offline: an
    // error, and nothing changed.
    Q_INVOKABLE void replaceRecoveryKey();
    // After the profile passphrase changed (C++ only, from ProfileController): the vault key
    // is sealed under the new passphrase on the clinic server, so a new device joins with it.
    void resealPassphrase(std::shared_ptr<const SecretBytes> passphrase);

    // For the diary and journal lists: "Saved on this device", "Synced" or "Shared with your
    // care team".
    QString stateLabel(const QString &recordId) const;
    // A local change was saved: sync soon (debounced), when connected.
    void noteLocalChange();
    // The server used by the embedded demo clinic, for tests and the demo (0: off).
    void setBackgroundInterval(int milliseconds);

signals:
    void changed();
    void sharingChanged();
    void scanChanged();
    void deviceLinkChanged();
    // Entry states changed: lists that show them reload.
    void statesChanged();
    // Another device's entries arrived: lists reload their content.
    void dataChanged();
    // The clinic's messages or its protocol arrived (MessagesController reloads).
    void inboxChanged();

private:
    struct JobResult;
    using Job = std::function<Result<void>(sync::SyncEngine &, JobResult &)>;
    void load(storage::Profile &profile);
    void unload();
    // `confirm`: a passphrase the worker checks against the profile before the job (enrolment:
    // a typo must not spend the clinic's code).
    void run(Job job, bool isSync, std::shared_ptr<const SecretBytes> confirm = {});
    void finished();
    bool isShared(sync::ShareCategory category) const;
    void scheduleRetry();
    void dropToken();
    static void noteReport(const sync::SyncReport &report, JobResult &result);

    struct Scan
    {
        QString serverUrl;
        QString code;
        QString fingerprint;
        std::shared_ptr<const SecretBytes> linkSecret; // a device link only
    };
    void pollLinkedDevices();
    // Clears the shown link code and its timers (the server slot is left to the caller).
    void forgetDeviceLink();
    static Result<QStringList> activeDeviceIds(sync::SyncEngine &engine);

    std::unique_ptr<ProfileBinding> m_binding;
    storage::Profile *m_profile = nullptr;
    QFutureWatcher<std::shared_ptr<JobResult>> m_watcher;
    bool m_isSyncJob = false;
    bool m_syncQueued = false;

    bool m_enrolled = false;
    bool m_busy = false;
    QString m_clinicName;
    QString m_fingerprint;
    QString m_errorText;
    QDateTime m_lastSynced;
    int m_conflictCount = 0;
    QVariantList m_conflicts;
    QString m_joinCode;
    QString m_recoveryKey;
    // A new passphrase that came while a job ran (resealPassphrase); dropped at lock.
    std::shared_ptr<const SecretBytes> m_pendingReseal;
    QStringList m_accessLog;
    QStringList m_devices;
    sync::ShareChoices m_choices;
    QHash<QString, sync::EntrySyncState> m_states;

    // The access token of the last job, handed to the next one so a sync does not log in again
    // (two requests) every time. Memory only; dropped on lock. m_unlocks tells a job that
    // finishes after a lock (and maybe an unlock) from one of this unlock.
    sync::CarriedToken m_token;
    quint64 m_unlocks = 0;

    QTimer m_debounce;   // after local changes
    QTimer m_background; // periodic
    QTimer m_retry;      // after a failed sync

    Scan m_scan;
    QString m_scanError;
    QString m_linkSlot;
    QImage m_linkImage;
    QDateTime m_linkExpires;
    QStringList m_devicesBeforeLink; // active device ids when the code was shown
    QString m_joinedDeviceId;
    QString m_joinedDeviceText;
    QTimer m_linkExpiry; // closes the link when its code expires
    QTimer m_linkPoll;   // looks for a device that joined while the code is shown
    int m_failures = 0;
};

} // namespace companion::presentation
