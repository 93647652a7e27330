#include "storage/profile.h"

#include "common/ids.h"
#include "common/logging.h"
#include "crypto/passphrasestrength.h"
#include "storage/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace companion::storage {

namespace {

QString keyFilePath(const QString &directory)
{
    return QDir(directory).filePath(QLatin1String(Profile::kKeyFileName));
}

QString databasePath(const QString &directory)
{
    return QDir(directory).filePath(QLatin1String(Profile::kDatabaseFileName));
}

Result<void> requireAcceptable(const SecretBytes &passphrase)
{
    if (!crypto::assessPassphrase(passphrase).acceptable)
        return makeError(ErrorCode::WeakParameters,
                         QStringLiteral("the passphrase is too easy to guess: use at least 10 "
                                        "characters, ideally four or more unusual words"));
    return {};
}

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

const QString kMetaProfileId = QStringLiteral("profile_id");

} // namespace

bool Profile::exists(const QString &directory)
{
    return QFileInfo::exists(keyFilePath(directory)) || QFileInfo::exists(databasePath(directory));
}

Result<CreatedProfile> Profile::create(const QString &directory, const SecretBytes &passphrase,
                                       const Clock &clock)
{
    COMPANION_TRY(requireAcceptable(passphrase));
    if (exists(directory))
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
        auto db = Database::openEncrypted(databasePath(directory), databaseKey,
                                          Database::OpenMode::CreateNew);
        if (!db)
            return db.error();
        QFile::setPermissions(databasePath(directory),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        COMPANION_TRY(createFreshSchema(*db));
        COMPANION_TRY(writeMeta(*db, kMetaProfileId, file.profileId));
    }
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(directory), file));
    qCInfo(lcProfile) << "created a profile";

    auto opened = openWithKey(directory, std::move(file), std::move(databaseKey), clock);
    if (!opened)
        return opened.error();
    return CreatedProfile{std::move(*opened), std::move(recoveryKey)};
}

Result<std::unique_ptr<Profile>> Profile::unlock(const QString &directory,
                                                 const SecretBytes &passphrase, const Clock &clock)
{
    auto file = readKeyFile(keyFilePath(directory));
    if (!file)
        return file.error();
    auto passphraseKey = crypto::derivePassphraseKey(passphrase, file->kdf);
    if (!passphraseKey)
        return passphraseKey.error();
    auto databaseKey = crypto::unwrapSecret(*passphraseKey, file->passphraseSlot,
                                            passphraseSlotAssociatedData(*file));
    if (!databaseKey)
        return makeError(ErrorCode::WrongPassphrase, QStringLiteral("the passphrase is not right"));
    return openWithKey(directory, std::move(*file), std::move(*databaseKey), clock);
}

Result<std::unique_ptr<Profile>> Profile::unlockWithRecoveryKey(const QString &directory,
                                                                const crypto::RecoveryKey &key,
                                                                const Clock &clock)
{
    auto file = readKeyFile(keyFilePath(directory));
    if (!file)
        return file.error();
    auto databaseKey = crypto::unwrapSecret(key.wrappingKey(), file->recoverySlot,
                                            recoverySlotAssociatedData(*file));
    if (!databaseKey)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("this recovery key belongs to another profile"));
    return openWithKey(directory, std::move(*file), std::move(*databaseKey), clock);
}

Result<std::unique_ptr<Profile>> Profile::openWithKey(const QString &directory, KeyFile keyFile,
                                                      SecretBytes databaseKey, const Clock &clock)
{
    auto db = Database::openEncrypted(databasePath(directory), databaseKey,
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
    COMPANION_TRY(migrate(*db));
    auto storedId = readMeta(*db, kMetaProfileId);
    if (!storedId)
        return storedId.error();
    if (*storedId != keyFile.profileId)
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("the database belongs to a different profile"));
    return std::unique_ptr<Profile>(
        new Profile(directory, std::move(keyFile), std::move(databaseKey), std::move(*db), clock));
}

Profile::Profile(QString directory, KeyFile keyFile, SecretBytes databaseKey, Database db,
                 const Clock &clock)
    : m_directory(std::move(directory))
    , m_keyFile(std::move(keyFile))
    , m_databaseKey(std::move(databaseKey))
    , m_db(std::move(db))
    , m_clock(clock)
    , m_records(m_db, m_clock)
{}

Profile::~Profile()
{
    m_records.releaseStatements();
    m_db.close();
}

namespace {

// True when `passphrase` unwraps the key file's passphrase slot to `databaseKey`.
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

} // namespace

Result<bool> Profile::verifyPassphrase(const SecretBytes &passphrase) const
{
    return passphraseOpens(m_keyFile, m_databaseKey, passphrase);
}

Result<bool> Profile::ConnectionSource::opensWith(const SecretBytes &passphrase) const
{
    return passphraseOpens(keyFile, key, passphrase);
}

Result<void> Profile::changePassphrase(const SecretBytes &newPassphrase)
{
    COMPANION_TRY(requireAcceptable(newPassphrase));
    KeyFile updated = m_keyFile;
    auto slot = wrapForPassphrase(newPassphrase, m_databaseKey, updated);
    if (!slot)
        return slot.error();
    updated.passphraseSlot = std::move(*slot);
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(m_directory), updated));
    m_keyFile = std::move(updated);
    qCInfo(lcProfile) << "passphrase changed";
    return {};
}

Result<crypto::RecoveryKey> Profile::replaceRecoveryKey()
{
    crypto::RecoveryKey recoveryKey = crypto::RecoveryKey::generate();
    KeyFile updated = m_keyFile;
    auto slot = crypto::wrapSecret(recoveryKey.wrappingKey(), m_databaseKey,
                                   recoverySlotAssociatedData(updated));
    if (!slot)
        return slot.error();
    updated.recoverySlot = std::move(*slot);
    COMPANION_TRY(writeKeyFileAtomically(keyFilePath(m_directory), updated));
    m_keyFile = std::move(updated);
    qCInfo(lcProfile) << "recovery key replaced";
    return recoveryKey;
}

Profile::ConnectionSource Profile::connectionSource() const
{
    return {databasePath(m_directory), m_databaseKey.clone(), m_keyFile};
}

Result<ProfileInfo> Profile::info()
{
    ProfileInfo info;
    info.directory = m_directory;
    info.profileId = m_keyFile.profileId;
    info.createdAt = m_keyFile.createdAt;
    info.kdfOpsLimit = m_keyFile.kdf.opsLimit;
    info.kdfMemLimit = m_keyFile.kdf.memLimit;
    info.databaseBytes = QFileInfo(databasePath(m_directory)).size();
    auto version = m_db.userVersion();
    if (!version)
        return version.error();
    info.schemaVersion = *version;
    for (auto [query, target] :
         {std::pair{"SELECT count(*) FROM records WHERE deleted = 0;", &info.recordCount},
          std::pair{"SELECT count(*) FROM outbox;", &info.pendingOutbox}}) {
        auto stmt = m_db.prepare(query);
        if (!stmt)
            return stmt.error();
        auto row = stmt->step();
        if (!row)
            return row.error();
        *target = stmt->columnInt64(0);
    }
    return info;
}

} // namespace companion::storage
