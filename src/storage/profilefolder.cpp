#include "storage/profilefolder.h"

#include "common/ids.h"
#include "common/logging.h"
#include "crypto/passphrasestrength.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace companion::storage::profilefolder {

namespace {

const QString kMetaProfileId = QStringLiteral("profile_id");

Result<crypto::WrappedSecret> wrapForPassphrase(const SecretBytes &passphrase,
                                                const SecretBytes &databaseKey, KeyFile &file)
{
    file.kdf = crypto::recommendedKdfParameters();
    auto passphraseKey = crypto::derivePassphraseKey(passphrase, file.kdf);
    if (!passphraseKey)
        return passphraseKey.error();
    return crypto::wrapSecret(*passphraseKey, databaseKey, passphraseSlotAssociatedData(file));
}

Result<void> writeMeta(Database &db, const QString &key, const QString &value)
{
    auto stmt = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

Result<QString> readMeta(Database &db, const QString &key)
{
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->columnText(0) : QString();
}

Result<OpenFolder> openWithKey(const QString &directory, const FolderLayout &layout,
                               KeyFile keyFile, SecretBytes databaseKey)
{
    auto db = Database::openEncrypted(databasePath(directory, layout), databaseKey,
                                      Database::OpenMode::OpenExisting);
    if (!db) {
        // The key itself was authenticated by the key file, so a database that does not open with
        // it is damaged or was replaced — never "wrong passphrase".
        const Error &error = db.error();
        if (error.code == ErrorCode::WrongPassphrase || error.code == ErrorCode::NotFound ||
            error.code == ErrorCode::Damaged) {
            qCWarning(lcProfile) << "profile database failed its integrity check";
            return makeError(ErrorCode::Damaged,
                             QStringLiteral("the profile's database is damaged or was altered (%1)")
                                 .arg(error.message));
        }
        return error;
    }
    COMPANION_TRY(layout.migrate(*db));
    auto storedId = readMeta(*db, kMetaProfileId);
    if (!storedId)
        return storedId.error();
    if (*storedId != keyFile.profileId)
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("the database belongs to a different profile"));
    return OpenFolder{std::move(keyFile), std::move(databaseKey), std::move(*db)};
}

} // namespace

QString keyFilePath(const QString &directory, const FolderLayout &layout)
{
    return QDir(directory).filePath(QLatin1String(layout.keyFileName));
}

QString databasePath(const QString &directory, const FolderLayout &layout)
{
    return QDir(directory).filePath(QLatin1String(layout.databaseFileName));
}

bool exists(const QString &directory, const FolderLayout &layout)
{
    return QFileInfo::exists(keyFilePath(directory, layout)) ||
           QFileInfo::exists(databasePath(directory, layout));
}

Result<void> requireAcceptablePassphrase(const SecretBytes &passphrase)
{
    if (!crypto::assessPassphrase(passphrase).acceptable)
        return makeError(ErrorCode::WeakParameters,
                         QStringLiteral("the passphrase is too easy to guess: use at least 10 "
                                        "characters, ideally four or more unusual words"));
    return {};
}

Result<CreatedFolder> create(const QString &directory, const SecretBytes &passphrase,
                             const FolderLayout &layout, const Clock &clock)
{
    COMPANION_TRY(requireAcceptablePassphrase(passphrase));
    if (exists(directory, layout))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("a profile (or a database without its key file) already "
                                        "exists in this folder"));
    if (!QDir().mkpath(directory))
        return makeError(ErrorCode::Io, QStringLiteral("the profile folder cannot be created"));
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    SecretBytes databaseKey = crypto::randomKey();
    crypto::RecoveryKey recoveryKey = crypto::RecoveryKey::generate();
    KeyFile file;
    file.profileId = RecordId::generate().toString();
    file.createdAt = clock.nowUtc();
    auto passphraseSlot = wrapForPassphrase(passphrase, databaseKey, file);
    if (!passphraseSlot)
        return passphraseSlot.error();
    file.passphraseSlot = std::move(*passphraseSlot);
    auto recoverySlot = crypto::wrapSecret(recoveryKey.wrappingKey(), databaseKey,
                                           recoverySlotAssociatedData(file));
    if (!recoverySlot)
        return recoverySlot.error();
    file.recoverySlot = std::move(*recoverySlot);

    // The database first, the key file last: a crash in between leaves a database nobody can
    // open and no key file, which create() reports instead of silently overwriting.
    {
        auto db = Database::openEncrypted(databasePath(directory, layout), databaseKey,
                                          Database::OpenMode::CreateNew);
        if (!db)
            return db.error();
        QFile::setPermissions(databasePath(directory, layout),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        COMPANION_TRY(layout.createFreshSchema(*db));
        COMPANION_TRY(writeMeta(*db, kMetaProfileId, file.profileId));
    }
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(directory, layout), file));
    qCInfo(lcProfile) << "created a profile";

    auto opened = openWithKey(directory, layout, std::move(file), std::move(databaseKey));
    if (!opened)
        return opened.error();
    return CreatedFolder{std::move(*opened), std::move(recoveryKey)};
}

Result<OpenFolder> unlock(const QString &directory, const SecretBytes &passphrase,
                          const FolderLayout &layout)
{
    auto file = readKeyFile(keyFilePath(directory, layout));
    if (!file)
        return file.error();
    auto passphraseKey = crypto::derivePassphraseKey(passphrase, file->kdf);
    if (!passphraseKey)
        return passphraseKey.error();
    auto databaseKey = crypto::unwrapSecret(*passphraseKey, file->passphraseSlot,
                                            passphraseSlotAssociatedData(*file));
    if (!databaseKey)
        return makeError(ErrorCode::WrongPassphrase, QStringLiteral("the passphrase is not right"));
    return openWithKey(directory, layout, std::move(*file), std::move(*databaseKey));
}

Result<OpenFolder> unlockWithRecoveryKey(const QString &directory,
                                         const crypto::RecoveryKey &recoveryKey,
                                         const FolderLayout &layout)
{
    auto file = readKeyFile(keyFilePath(directory, layout));
    if (!file)
        return file.error();
    auto databaseKey = crypto::unwrapSecret(recoveryKey.wrappingKey(), file->recoverySlot,
                                            recoverySlotAssociatedData(*file));
    if (!databaseKey)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("this recovery key belongs to another profile"));
    return openWithKey(directory, layout, std::move(*file), std::move(*databaseKey));
}

Result<bool> passphraseOpens(const KeyFile &keyFile, const SecretBytes &databaseKey,
                             const SecretBytes &passphrase)
{
    auto passphraseKey = crypto::derivePassphraseKey(passphrase, keyFile.kdf);
    if (!passphraseKey)
        return passphraseKey.error();
    auto key = crypto::unwrapSecret(*passphraseKey, keyFile.passphraseSlot,
                                    passphraseSlotAssociatedData(keyFile));
    return key.hasValue() && key->equals(databaseKey);
}

Result<KeyFile> changePassphrase(const QString &directory, const FolderLayout &layout,
                                 const KeyFile &current, const SecretBytes &databaseKey,
                                 const SecretBytes &newPassphrase)
{
    COMPANION_TRY(requireAcceptablePassphrase(newPassphrase));
    KeyFile updated = current;
    auto slot = wrapForPassphrase(newPassphrase, databaseKey, updated);
    if (!slot)
        return slot.error();
    updated.passphraseSlot = std::move(*slot);
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(directory, layout), updated));
    qCInfo(lcProfile) << "passphrase changed";
    return updated;
}

Result<ReplacedRecoveryKey> replaceRecoveryKey(const QString &directory, const FolderLayout &layout,
                                               const KeyFile &current,
                                               const SecretBytes &databaseKey)
{
    crypto::RecoveryKey recoveryKey = crypto::RecoveryKey::generate();
    KeyFile updated = current;
    auto slot = crypto::wrapSecret(recoveryKey.wrappingKey(), databaseKey,
                                   recoverySlotAssociatedData(updated));
    if (!slot)
        return slot.error();
    updated.recoverySlot = std::move(*slot);
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(directory, layout), updated));
    qCInfo(lcProfile) << "recovery key replaced";
    return ReplacedRecoveryKey{std::move(updated), std::move(recoveryKey)};
}

} // namespace companion::storage::profilefolder
