#pragma once

#include "common/result.h"
#include "crypto/passphrasekdf.h"
#include "crypto/secretwrap.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>

namespace companion::storage {

// The only file outside the encrypted database: `profile.key`, a small JSON document holding the
// database key wrapped twice (passphrase slot, recovery slot), the KDF parameters and a checksum.
// It holds no plaintext secret. The checksum tells accidental damage (bit rot, truncation) apart
// from a wrong passphrase; an attacker who rewrites it only gets "wrong passphrase".
struct KeyFile
{
    static constexpr int kFormat = 1;
    int format = kFormat;
    QString profileId; // random UUID, bound into the wraps' associated data
    QDateTime createdAt;
    crypto::KdfParameters kdf;
    crypto::WrappedSecret passphraseSlot;
    crypto::WrappedSecret recoverySlot;
};

QByteArray passphraseSlotAssociatedData(const KeyFile &file);
QByteArray recoverySlotAssociatedData(const KeyFile &file);

// Errors: NotFound, Io, Damaged (malformed JSON, bad checksum, wrong sizes),
// Unsupported (newer format), WeakParameters (KDF parameters outside the bounds).
Result<KeyFile> readKeyFile(const QString &path);
// Writes to a temporary file, fsyncs and renames over the old one, so a crash mid-write leaves
// either the old or the new key file, never neither.
Result<void> writeKeyFileAtomically(const QString &path, const KeyFile &file);

// Device binding (docs/adr/0020). On a phone the composition root hands the operating system's
// key store (platform::KeyStore: Android Keystore, iOS Keychain) to storage, and every key file
// is then written sealed by it: "CMPSEAL1" followed by the key store's blob. A copy of the file
// taken off the phone cannot be attacked offline: each passphrase guess needs that phone.
//
// Without a seal (the default, and always on the desktop) key files are written as plain JSON,
// byte for byte as before. A plain key file is still read when a seal is installed (it is
// sealed at its next write); a sealed one without a seal is Unsupported, and one the key store
// cannot open (altered, another device, a reinstall) is whatever the key store reports,
// normally Damaged.
struct KeyFileSeal
{
    std::function<Result<QByteArray>(const QByteArray &plain, const QByteArray &associatedData)>
        seal;
    std::function<Result<QByteArray>(const QByteArray &sealed, const QByteArray &associatedData)>
        unseal;
};
// Process-wide (a phone has one key store): set once before any profile is opened or created,
// and not while another thread reads or writes a key file. An empty KeyFileSeal removes it.
void setKeyFileSeal(KeyFileSeal seal);
bool keyFileSealInstalled();

} // namespace companion::storage
