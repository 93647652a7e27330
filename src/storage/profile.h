#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/recoverykey.h"
#include "storage/database.h"
#include "storage/keyfile.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace companion::storage {

struct ProfileInfo
{
    QString directory;
    QString profileId;
    QDateTime createdAt;
    int schemaVersion = 0;
    std::uint64_t kdfOpsLimit = 0;
    std::uint64_t kdfMemLimit = 0;
    qint64 databaseBytes = 0;
    qint64 recordCount = 0;   // live records, all kinds
    qint64 pendingOutbox = 0; // changes not yet synced
};

class Profile;

struct CreatedProfile
{
    std::unique_ptr<Profile> profile;
    crypto::RecoveryKey recoveryKey; // show once, then drop
};

// A patient's encrypted profile directory:
//   profile.key   wrapped database key (see keyfile.h) — no plaintext secret
//   profile.db    SQLCipher database (+ -wal/-shm while open)
// An open Profile holds the database key in SecretBytes; destroying it (lock) checkpoints and
// closes the database and wipes the key.
class Profile
{
public:
    static constexpr const char *kKeyFileName = "profile.key";
    static constexpr const char *kDatabaseFileName = "profile.db";

    static bool exists(const QString &directory);

    // Refuses a passphrase that assessPassphrase() finds unacceptable (WeakParameters) and an
    // existing profile (AlreadyExists).
    static Result<CreatedProfile> create(const QString &directory, const SecretBytes &passphrase,
                                         const Clock &clock = SystemClock::instance());
    // WrongPassphrase, Damaged (key file or database fails integrity), NotFound, Unsupported, Io.
    static Result<std::unique_ptr<Profile>> unlock(const QString &directory,
                                                   const SecretBytes &passphrase,
                                                   const Clock &clock = SystemClock::instance());
    static Result<std::unique_ptr<Profile>>
    unlockWithRecoveryKey(const QString &directory, const crypto::RecoveryKey &recoveryKey,
                          const Clock &clock = SystemClock::instance());

    ~Profile();
    Profile(const Profile &) = delete;
    Profile &operator=(const Profile &) = delete;

    // True when `passphrase` unwraps this profile's key (used to confirm the current passphrase
    // before changing it). Costs one Argon2id derivation.
    Result<bool> verifyPassphrase(const SecretBytes &passphrase) const;
    // Re-wraps the database key under a new passphrase (new salt, current recommended KDF
    // parameters). The database is not re-encrypted; the recovery slot is kept.
    Result<void> changePassphrase(const SecretBytes &newPassphrase);
    // Generates a new recovery key and re-wraps the recovery slot with it; the old key stops
    // working. Used after the old key unlocked the profile (it may have been seen) or was lost.
    Result<crypto::RecoveryKey> replaceRecoveryKey();

    // A second connection to this profile's database, opened by the caller on another thread
    // (the app's sync worker). Hands over a copy of the database key in wiped memory.
    struct ConnectionSource
    {
        QString path;
        SecretBytes key;
        KeyFile keyFile;
        // verifyPassphrase for a worker thread (one Argon2id derivation).
        Result<bool> opensWith(const SecretBytes &passphrase) const;
    };
    ConnectionSource connectionSource() const;

    Database &database() { return m_db; }
    RecordRepository &records() { return m_records; }
    const QString &directory() const { return m_directory; }
    Result<ProfileInfo> info();

private:
    Profile(QString directory, KeyFile keyFile, SecretBytes databaseKey, Database db,
            const Clock &clock);

    QString m_directory;
    KeyFile m_keyFile;
    SecretBytes m_databaseKey;
    Database m_db;
    const Clock &m_clock;
    RecordRepository m_records;
};

} // namespace companion::storage
