#include "presentation/deleteeverythingcontroller.h"

#include "presentation/profilecontroller.h"
#include "presentation/synccontroller.h"
#include "storage/profile.h"
#include "sync/clinicclient.h"
#include "sync/syncengine.h"

#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace companion::presentation {

DeleteEverythingController::DeleteEverythingController(ProfileController &profile,
                                                       SyncController &sync, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_sync(sync)
{
    connect(&m_watcher, &QFutureWatcher<Result<void>>::finished, this, [this] {
        const Result<void> outcome = m_watcher.result();
        if (!outcome) {
            m_busy = false;
            // Nothing was deleted: say why in words, never the server's text.
            setError(outcome.error().code == ErrorCode::Network
                         ? tr("Your clinic could not be reached, so nothing was deleted. Try "
                              "again when you are online, or delete only this device's data.")
                         : tr("Your clinic did not delete your data, so nothing was deleted "
                              "here either. Please contact your clinic."));
            return;
        }
        wipeLocal();
    });
}

DeleteEverythingController::~DeleteEverythingController()
{
    m_watcher.waitForFinished();
}

QString DeleteEverythingController::confirmationWord() const
{
    //: The word a patient types to confirm "Delete everything". One word, capitals.
    return tr("DELETE");
}

bool DeleteEverythingController::isConfirmation(const QString &typed) const
{
    return typed.trimmed().compare(confirmationWord(), Qt::CaseInsensitive) == 0;
}

void DeleteEverythingController::clearError()
{
    setError(QString());
}

void DeleteEverythingController::setError(const QString &text)
{
    m_errorText = text;
    emit changed();
}

void DeleteEverythingController::deleteEverything(const QString &typed, bool localOnly)
{
    if (m_busy)
        return;
    if (!isConfirmation(typed)) {
        setError(tr("Type %1 to confirm.").arg(confirmationWord()));
        return;
    }
    storage::Profile *profile = m_profile.profile();
    if (!profile) {
        setError(tr("Unlock first."));
        return;
    }
    if (m_sync.busy()) {
        // The sync worker holds its own connection to the database; wait for it to finish.
        setError(tr("Sync is running. Try again in a moment."));
        return;
    }
    m_busy = true;
    m_errorText.clear();
    emit changed();
    if (localOnly) {
        wipeLocal();
        return;
    }
    ServerDelete serverDelete = m_serverDelete;
    if (!serverDelete) {
        auto source =
            std::make_shared<storage::Profile::ConnectionSource>(profile->connectionSource());
        serverDelete = [source]() -> Result<void> {
            auto db = storage::Database::openEncrypted(
                source->path, source->key, storage::Database::OpenMode::SecondConnection);
            source->key.wipe();
            if (!db)
                return db.error();
            Result<void> outcome;
            {
                storage::RecordRepository records(*db, SystemClock::instance());
                sync::SyncEngine engine(*db, records);
                auto enrolled = engine.isEnrolled();
                if (!enrolled)
                    outcome = enrolled.error();
                else if (*enrolled)
                    outcome = engine.deleteEverywhere();
                // Deleted already (from another device): nothing left at the clinic.
                if (!outcome && sync::isVaultDeleted(outcome.error()))
                    outcome = {};
                records.releaseStatements();
            }
            db->close();
            return outcome;
        };
    }
    m_watcher.setFuture(QtConcurrent::run(std::move(serverDelete)));
}

void DeleteEverythingController::wipeLocal()
{
    auto wiped = m_profile.wipeProfile();
    m_busy = false;
    if (!wiped) {
        setError(tr("Some files of this device's data could not be deleted. Restart the app and "
                    "try again."));
        return;
    }
    emit changed();
    emit deleted();
}

} // namespace companion::presentation
