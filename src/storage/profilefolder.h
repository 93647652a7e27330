#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/recoverykey.h"
#include "storage/database.h"
#include "storage/keyfile.h"

#include <QString>

namespace companion::storage {

// A passphrase-locked folder holding one SQLCipher database: the key-wrap and unlock rules of
// docs/adr/0004 in one place, shared by the patient profile (storage/profile.h) and the care-team
// console's therapist profile (careteam/therapistprofile.h), which differ only in their file
// names and schema.
//
//   <keyFileName>       the database key wrapped twice (passphrase slot, recovery slot); keyfile.h
//   <databaseFileName>  the SQLCipher database (+ -wal/-shm while open)
//
// The schema must have `meta (key TEXT PRIMARY KEY, value TEXT)`: the folder's id is stored there
// as `profile_id` and must equal the key file's, so a database cannot be swapped in from
// another folder.
struct FolderLayout
{
    const char *keyFileName;
    const char *databaseFileName;
    Result<void> (*createFreshSchema)(Database &db); // on an empty database, in a transaction
    Result<void> (*migrate)(Database &db);           // an existing one to the newest schema
};

struct OpenFolder
{
    KeyFile keyFile;
    SecretBytes databaseKey;
    Database db;
};

struct CreatedFolder
{
    OpenFolder folder;
    crypto::RecoveryKey recoveryKey; // show once, then drop
};

namespace profilefolder {

QString keyFilePath(const QString &directory, const FolderLayout &layout);
QString databasePath(const QString &directory, const FolderLayout &layout);
bool exists(const QString &directory, const FolderLayout &layout);

// WeakParameters when assessPassphrase() finds the passphrase unacceptable.
Result<void> requireAcceptablePassphrase(const SecretBytes &passphrase);

// Refuses a weak passphrase (WeakParameters) and an existing folder (AlreadyExists). The
// database is written first and the key file last, so a crash in between leaves a database
// nobody can open rather than a key file for a missing database.
Result<CreatedFolder> create(const QString &directory, const SecretBytes &passphrase,
                             const FolderLayout &layout, const Clock &clock);
// WrongPassphrase, Damaged (key file or database fails integrity), NotFound, Unsupported, Io.
Result<OpenFolder> unlock(const QString &directory, const SecretBytes &passphrase,
                          const FolderLayout &layout);
Result<OpenFolder> unlockWithRecoveryKey(const QString &directory,
                                         const crypto::RecoveryKey &recoveryKey,
                                         const FolderLayout &layout);

// True when `passphrase` unwraps the key file's passphrase slot to `databaseKey`.
Result<bool> passphraseOpens(const KeyFile &keyFile, const SecretBytes &databaseKey,
                             const SecretBytes &passphrase);
// Re-wraps the database key under a new passphrase (new salt, current KDF parameters), writes
// the key file atomically and returns it. The recovery slot is kept; nothing is re-encrypted.
Result<KeyFile> changePassphrase(const QString &directory, const FolderLayout &layout,
                                 const KeyFile &current, const SecretBytes &databaseKey,
                                 const SecretBytes &newPassphrase);
struct ReplacedRecoveryKey
{
    KeyFile keyFile;
    crypto::RecoveryKey recoveryKey;
};
Result<ReplacedRecoveryKey> replaceRecoveryKey(const QString &directory, const FolderLayout &layout,
                                               const KeyFile &current,
                                               const SecretBytes &databaseKey);

} // namespace profilefolder

} // namespace companion::storage
