#include "storage/profile.h"

#include "common/ids.h"
#include "common/logging.h"
#include "crypto/passphrasestrength.h"
#include "storage/migrations.h"
#include "storage/profilefolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace companion::storage {

namespace {

// The patient profile's files and schema; the key handling is profilefolder's, shared with the
// care-team console's profile.
const FolderLayout kLayout{Profile::kKeyFileName, Profile::kDatabaseFileName,
                           &storage::createFreshSchema, &storage::migrate};

} // namespace

bool Profile::exists(const QString &directory)
{
    return profilefolder::exists(directory, kLayout);
}

Result<CreatedProfile> Profile::create(const QString &directory, const SecretBytes &passphrase,
                                       const Clock &clock)
{
    auto created = profilefolder::create(directory, passphrase, kLayout, clock);
    if (!created)
        return created.error();
    OpenFolder &folder = created->folder;
    return CreatedProfile{std::unique_ptr<Profile>(new Profile(directory, std::move(folder.keyFile),
                                                               std::move(folder.databaseKey),
                                                               std::move(folder.db), clock)),
                          std::move(created->recoveryKey)};
}

Result<std::unique_ptr<Profile>> Profile::unlock(const QString &directory,
                                                 const SecretBytes &passphrase, const Clock &clock)
{
    auto folder = profilefolder::unlock(directory, passphrase, kLayout);
    if (!folder)
        return folder.error();
    return std::unique_ptr<Profile>(new Profile(directory, std::move(folder->keyFile),
                                                std::move(folder->databaseKey),
                                                std::move(folder->db), clock));
}

Result<std::unique_ptr<Profile>> Profile::unlockWithRecoveryKey(const QString &directory,
                                                                const crypto::RecoveryKey &key,
                                                                const Clock &clock)
{
    auto folder = profilefolder::unlockWithRecoveryKey(directory, key, kLayout);
    if (!folder)
        return folder.error();
    return std::unique_ptr<Profile>(new Profile(directory, std::move(folder->keyFile),
                                                std::move(folder->databaseKey),
                                                std::move(folder->db), clock));
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

Result<bool> Profile::verifyPassphrase(const SecretBytes &passphrase) const
{
    return profilefolder::passphraseOpens(m_keyFile, m_databaseKey, passphrase);
}

Result<bool> Profile::ConnectionSource::opensWith(const SecretBytes &passphrase) const
{
    return profilefolder::passphraseOpens(keyFile, key, passphrase);
}

Result<void> Profile::changePassphrase(const SecretBytes &newPassphrase)
{
    auto updated = profilefolder::changePassphrase(m_directory, kLayout, m_keyFile, m_databaseKey,
                                                   newPassphrase);
    if (!updated)
        return updated.error();
    m_keyFile = std::move(updated).value();
    return {};
}

Result<crypto::RecoveryKey> Profile::replaceRecoveryKey()
{
    auto replaced =
        profilefolder::replaceRecoveryKey(m_directory, kLayout, m_keyFile, m_databaseKey);
    if (!replaced)
        return replaced.error();
    m_keyFile = std::move(replaced->keyFile);
    return std::move(replaced->recoveryKey);
}

Profile::ConnectionSource Profile::connectionSource() const
{
    return {profilefolder::databasePath(m_directory, kLayout), m_databaseKey.clone(), m_keyFile};
}

Result<ProfileInfo> Profile::info()
{
    ProfileInfo info;
    info.directory = m_directory;
    info.profileId = m_keyFile.profileId;
    info.createdAt = m_keyFile.createdAt;
    info.kdfOpsLimit = m_keyFile.kdf.opsLimit;
    info.kdfMemLimit = m_keyFile.kdf.memLimit;
    info.databaseBytes = QFileInfo(profilefolder::databasePath(m_directory, kLayout)).size();
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
