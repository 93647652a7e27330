#include "crypto/passphrasekdf.h"

#include "crypto/sodium.h"

#include <sodium.h>

namespace companion::crypto {

namespace {
const QString kArgon2id13 = QStringLiteral("argon2id13");
}

KdfParameters recommendedKdfParameters()
{
    (void)initialize();
    KdfParameters params;
    params.algorithm = kArgon2id13;
    params.opsLimit = kKdfOpsFloor;
    params.memLimit = kKdfMemFloor;
    params.salt.resize(kKdfSaltSize);
    randombytes_buf(params.salt.data(), static_cast<size_t>(params.salt.size()));
    return params;
}

Result<void> checkKdfParameters(const KdfParameters &params)
{
    if (params.algorithm != kArgon2id13)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("unknown key derivation algorithm"));
    if (params.salt.size() != static_cast<qsizetype>(kKdfSaltSize))
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("key derivation salt has a wrong size"));
    if (params.opsLimit < kKdfOpsFloor || params.memLimit < kKdfMemFloor)
        return makeError(ErrorCode::WeakParameters,
                         QStringLiteral("key derivation parameters are below the safety floor"));
    if (params.opsLimit > kKdfOpsCeiling || params.memLimit > kKdfMemCeiling)
        return makeError(ErrorCode::WeakParameters,
                         QStringLiteral("key derivation parameters are implausibly large"));
    return {};
}

Result<SecretBytes> derivePassphraseKey(const SecretBytes &passphrase, const KdfParameters &params)
{
    COMPANION_TRY(initialize());
    COMPANION_TRY(checkKdfParameters(params));
    SecretBytes key(kKeySize);
    // An empty passphrase has a null data pointer; libsodium wants a valid pointer either way.
    static const char kEmpty = 0;
    const char *input =
        passphrase.empty() ? &kEmpty : reinterpret_cast<const char *>(passphrase.data());
    const int rc = crypto_pwhash(key.data(), key.size(), input, passphrase.size(),
                                 reinterpret_cast<const unsigned char *>(params.salt.constData()),
                                 params.opsLimit, static_cast<size_t>(params.memLimit),
                                 crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("not enough memory to derive the key from the passphrase"));
    return key;
}

} // namespace companion::crypto
