#pragma once

#include "common/result.h"
#include "crypto/passphrasekdf.h"
#include "crypto/secretwrap.h"

#include <QDateTime>
#include <QString>

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

} // namespace companion::storage
