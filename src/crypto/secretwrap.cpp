#include "crypto/secretwrap.h"

#include "crypto/sodium.h"

#include <sodium.h>

namespace companion::crypto {

namespace {
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kWrapKeySize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}
} // namespace

SecretBytes randomKey()
{
    (void)initialize();
    SecretBytes key(kWrapKeySize);
    randombytes_buf(key.data(), key.size());
    return key;
}

Result<WrappedSecret> wrapSecret(const SecretBytes &wrappingKey, const SecretBytes &secret,
                                 QByteArrayView associatedData)
{
    COMPANION_TRY(initialize());
    if (wrappingKey.size() != kWrapKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("wrapping key has a wrong size"));
    WrappedSecret wrapped;
    wrapped.nonce.resize(kNonceSize);
    randombytes_buf(wrapped.nonce.data(), kNonceSize);
    wrapped.ciphertext.resize(static_cast<qsizetype>(secret.size() + kTagSize));
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(wrapped.ciphertext.data()), &written, secret.data(),
        secret.size(), bytes(associatedData),
        static_cast<unsigned long long>(associatedData.size()), nullptr, bytes(wrapped.nonce),
        wrappingKey.data());
    wrapped.ciphertext.resize(static_cast<qsizetype>(written));
    return wrapped;
}

Result<SecretBytes> unwrapSecret(const SecretBytes &wrappingKey, const WrappedSecret &wrapped,
                                 QByteArrayView associatedData)
{
    COMPANION_TRY(initialize());
    if (wrappingKey.size() != kWrapKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("wrapping key has a wrong size"));
    if (wrapped.nonce.size() != static_cast<qsizetype>(kNonceSize) ||
        wrapped.ciphertext.size() < static_cast<qsizetype>(kTagSize))
        return makeError(ErrorCode::Damaged, QStringLiteral("wrapped key has a wrong size"));
    SecretBytes secret(static_cast<std::size_t>(wrapped.ciphertext.size()) - kTagSize);
    unsigned long long written = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        secret.data(), &written, nullptr, bytes(wrapped.ciphertext),
        static_cast<unsigned long long>(wrapped.ciphertext.size()), bytes(associatedData),
        static_cast<unsigned long long>(associatedData.size()), bytes(wrapped.nonce),
        wrappingKey.data());
    if (rc != 0)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("the key could not be unlocked: wrong passphrase or key"));
    return secret;
}

SecretBytes deriveSubKey(const SecretBytes &rootKey, QByteArrayView context)
{
    (void)initialize();
    SecretBytes subKey(kWrapKeySize);
    crypto_generichash(subKey.data(), subKey.size(), bytes(context),
                       static_cast<unsigned long long>(context.size()), rootKey.data(),
                       rootKey.size());
    return subKey;
}

} // namespace companion::crypto
