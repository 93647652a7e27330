#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace companion::crypto {

// A secret encrypted under another key with XChaCha20-Poly1305 (IETF). The associated data is
// not stored here: callers bind the wrap to its purpose (e.g. "profile key, passphrase slot,
// profile <uuid>") so a wrap cannot be moved to another slot or profile.
struct WrappedSecret
{
    QByteArray nonce;      // 24 bytes, random per wrap
    QByteArray ciphertext; // secret + 16-byte tag
};

// 32 random bytes from the OS CSPRNG (randombytes_buf).
SecretBytes randomKey();

Result<WrappedSecret> wrapSecret(const SecretBytes &wrappingKey, const SecretBytes &secret,
                                 QByteArrayView associatedData);

// Fails with WrongPassphrase when the tag does not verify: the wrapping key is wrong, or the
// nonce, ciphertext or associated data were altered. AEAD cannot tell these apart; callers that
// can (e.g. with a separate checksum) refine the error.
Result<SecretBytes> unwrapSecret(const SecretBytes &wrappingKey, const WrappedSecret &wrapped,
                                 QByteArrayView associatedData);

// Keyed BLAKE2b-256 derivation of a sub-key for one purpose (context is an ASCII label).
SecretBytes deriveSubKey(const SecretBytes &rootKey, QByteArrayView context);

} // namespace companion::crypto
