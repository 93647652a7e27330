#include "protocol/keys.h"

#include "crypto/passphrasekdf.h"
#include "crypto/secretwrap.h"
#include "crypto/sodium.h"

#include <sodium.h>

#include <cstring>

namespace companion::protocol {

namespace {

static_assert(crypto_sign_PUBLICKEYBYTES == kSigningPublicKeySize);
static_assert(crypto_sign_SECRETKEYBYTES == kSigningSecretKeySize);
static_assert(crypto_sign_BYTES == kSignatureSize);
static_assert(crypto_box_PUBLICKEYBYTES == kBoxPublicKeySize);
static_assert(crypto_box_SECRETKEYBYTES == kKeySize);
static_assert(crypto_box_SEALBYTES + kKeySize == kSealedKeySize);
static_assert(crypto_kdf_KEYBYTES == kKeySize);

constexpr std::uint8_t kWrapVersion = 1;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

const unsigned char *u8(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

void appendNumber(QByteArray &out, std::uint64_t value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(static_cast<char>((value >> shift) & 0xff));
}

void appendId(QByteArray &out, const Id16 &id)
{
    out.append(reinterpret_cast<const char *>(id.data()), static_cast<qsizetype>(id.size()));
}

Error wrongKey()
{
    return makeError(ErrorCode::WrongPassphrase,
                     QStringLiteral("the key could not be unwrapped: wrong key or altered data"));
}

// One 32-byte key under another, XChaCha20-Poly1305, with the purpose as associated data.
Result<QByteArray> wrapKey(const SecretBytes &wrappingKey, const SecretBytes &key,
                           const QByteArray &associatedData)
{
    COMPANION_TRY(crypto::initialize());
    if (wrappingKey.size() != kKeySize || key.size() != kKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("key has a wrong size"));
    QByteArray out(static_cast<qsizetype>(kWrappedKeySize), Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    bytes[0] = kWrapVersion;
    randombytes_buf(bytes + 1, kNonceSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes + 1 + kNonceSize, &written, key.data(), key.size(), u8(associatedData),
        static_cast<unsigned long long>(associatedData.size()), nullptr, bytes + 1,
        wrappingKey.data());
    return out;
}

Result<SecretBytes> unwrapKey(const SecretBytes &wrappingKey, QByteArrayView wrapped,
                              const QByteArray &associatedData)
{
    COMPANION_TRY(crypto::initialize());
    if (wrappingKey.size() != kKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("key has a wrong size"));
    if (static_cast<std::size_t>(wrapped.size()) != kWrappedKeySize)
        return makeError(ErrorCode::Damaged, QStringLiteral("wrapped key has a wrong size"));
    const auto *bytes = u8(wrapped);
    if (bytes[0] != kWrapVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("wrapped key of a newer format"));
    SecretBytes key(kKeySize);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key.data(), &written, nullptr, bytes + 1 + kNonceSize, kKeySize + 16,
            u8(associatedData), static_cast<unsigned long long>(associatedData.size()), bytes + 1,
            wrappingKey.data()) != 0)
        return wrongKey();
    return key;
}

QByteArray dataKeyAssociatedData(const char *purpose, const DataKeyBinding &binding)
{
    QByteArray ad(purpose);
    appendId(ad, binding.vaultId);
    appendId(ad, binding.recordId);
    appendNumber(ad, binding.version, 8);
    appendNumber(ad, binding.keyEpoch, 4);
    return ad;
}

} // namespace

SigningKeyPair generateSigningKeyPair()
{
    (void)crypto::initialize();
    SigningKeyPair pair;
    pair.publicKey.resize(static_cast<qsizetype>(kSigningPublicKeySize));
    pair.secretKey = SecretBytes(kSigningSecretKeySize);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        pair.secretKey.data());
    return pair;
}

Result<SigningKeyPair> signingKeyPairFromSecret(SecretBytes secretKey)
{
    COMPANION_TRY(crypto::initialize());
    if (secretKey.size() != kSigningSecretKeySize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("signing key has a wrong size"));
    SigningKeyPair pair;
    pair.publicKey.resize(static_cast<qsizetype>(kSigningPublicKeySize));
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                                 secretKey.data());
    pair.secretKey = std::move(secretKey);
    return pair;
}

QByteArray sign(const SecretBytes &secretKey, QByteArrayView message)
{
    (void)crypto::initialize();
    QByteArray signature(static_cast<qsizetype>(kSignatureSize), Qt::Uninitialized);
    if (secretKey.size() != kSigningSecretKeySize)
        return {};
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr, u8(message),
                         static_cast<unsigned long long>(message.size()), secretKey.data());
    return signature;
}

bool verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    (void)crypto::initialize();
    if (static_cast<std::size_t>(publicKey.size()) != kSigningPublicKeySize ||
        static_cast<std::size_t>(signature.size()) != kSignatureSize)
        return false;
    return crypto_sign_verify_detached(u8(signature), u8(message),
                                       static_cast<unsigned long long>(message.size()),
                                       u8(publicKey)) == 0;
}

QString keyFingerprint(QByteArrayView publicKey)
{
    (void)crypto::initialize();
    unsigned char hash[32];
    crypto_generichash(hash, sizeof(hash), u8(publicKey),
                       static_cast<unsigned long long>(publicKey.size()), nullptr, 0);
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(hash), 16).toHex();
    QString out;
    for (int i = 0; i < hex.size(); i += 4) {
        if (i)
            out += QLatin1Char('-');
        out += QLatin1String(hex.mid(i, 4));
    }
    return out;
}

BoxKeyPair generateBoxKeyPair()
{
    (void)crypto::initialize();
    BoxKeyPair pair;
    pair.publicKey.resize(static_cast<qsizetype>(kBoxPublicKeySize));
    pair.secretKey = SecretBytes(kKeySize);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                       pair.secretKey.data());
    return pair;
}

Result<BoxKeyPair> boxKeyPairFromSecret(SecretBytes secretKey)
{
    COMPANION_TRY(crypto::initialize());
    if (secretKey.size() != kKeySize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("box key has a wrong size"));
    BoxKeyPair pair;
    pair.publicKey.resize(static_cast<qsizetype>(kBoxPublicKeySize));
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                           secretKey.data());
    pair.secretKey = std::move(secretKey);
    return pair;
}

Result<QByteArray> sealToPublicKey(QByteArrayView recipientPublicKey, const SecretBytes &secret)
{
    COMPANION_TRY(crypto::initialize());
    if (static_cast<std::size_t>(recipientPublicKey.size()) != kBoxPublicKeySize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("public key has a wrong size"));
    QByteArray sealed(static_cast<qsizetype>(secret.size() + crypto_box_SEALBYTES),
                      Qt::Uninitialized);
    if (crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), secret.data(),
                        secret.size(), u8(recipientPublicKey)) != 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot seal to this key"));
    return sealed;
}

Result<SecretBytes> openSealed(const BoxKeyPair &recipient, QByteArrayView sealed)
{
    COMPANION_TRY(crypto::initialize());
    if (static_cast<std::size_t>(sealed.size()) <= crypto_box_SEALBYTES ||
        static_cast<std::size_t>(sealed.size()) > crypto_box_SEALBYTES + 1024)
        return makeError(ErrorCode::Damaged, QStringLiteral("sealed key has a wrong size"));
    if (recipient.secretKey.size() != kKeySize ||
        static_cast<std::size_t>(recipient.publicKey.size()) != kBoxPublicKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("box key has a wrong size"));
    SecretBytes secret(static_cast<std::size_t>(sealed.size()) - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(secret.data(), u8(sealed),
                             static_cast<unsigned long long>(sealed.size()),
                             u8(recipient.publicKey), recipient.secretKey.data()) != 0)
        return wrongKey();
    return secret;
}

Result<QByteArray> boxPublicKeyFromSigningKey(QByteArrayView signingPublicKey)
{
    COMPANION_TRY(crypto::initialize());
    if (static_cast<std::size_t>(signingPublicKey.size()) != kSigningPublicKeySize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("public key has a wrong size"));
    QByteArray out(static_cast<qsizetype>(kBoxPublicKeySize), Qt::Uninitialized);
    if (crypto_sign_ed25519_pk_to_curve25519(reinterpret_cast<unsigned char *>(out.data()),
                                             u8(signingPublicKey)) != 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a valid Ed25519 key"));
    return out;
}

Result<BoxKeyPair> boxKeyPairFromSigningKey(const SigningKeyPair &signing)
{
    COMPANION_TRY(crypto::initialize());
    if (signing.secretKey.size() != kSigningSecretKeySize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("signing key has a wrong size"));
    SecretBytes secret(kKeySize);
    crypto_sign_ed25519_sk_to_curve25519(secret.data(), signing.secretKey.data());
    return boxKeyPairFromSecret(std::move(secret));
}

QByteArray careTeamKeyStatement(QByteArrayView clinicId, std::uint32_t epoch,
                                QByteArrayView careTeamPublicKey)
{
    QByteArray statement("companion-care-team-key-v1");
    appendNumber(statement, static_cast<std::uint64_t>(clinicId.size()), 2);
    statement.append(clinicId);
    appendNumber(statement, epoch, 4);
    statement.append(careTeamPublicKey);
    return statement;
}

SecretBytes generateKey()
{
    SecretBytes key(kKeySize);
    regenerateKey(key);
    return key;
}

void regenerateKey(SecretBytes &key)
{
    (void)crypto::initialize();
    if (key.size() != kKeySize)
        key = SecretBytes(kKeySize);
    randombytes_buf(key.data(), key.size());
}

Result<QByteArray> wrapVaultRootKey(const SecretBytes &slotKey, const SecretBytes &vaultRootKey,
                                    const Id16 &vaultId, VaultKeySlot slot, std::uint32_t epoch)
{
    QByteArray ad("companion-vrk-v1");
    appendId(ad, vaultId);
    appendNumber(ad, static_cast<std::uint8_t>(slot), 1);
    appendNumber(ad, epoch, 4);
    return wrapKey(slotKey, vaultRootKey, ad);
}

Result<SecretBytes> unwrapVaultRootKey(const SecretBytes &slotKey, QByteArrayView wrapped,
                                       const Id16 &vaultId, VaultKeySlot slot, std::uint32_t epoch)
{
    QByteArray ad("companion-vrk-v1");
    appendId(ad, vaultId);
    appendNumber(ad, static_cast<std::uint8_t>(slot), 1);
    appendNumber(ad, epoch, 4);
    return unwrapKey(slotKey, wrapped, ad);
}

SecretBytes deriveKeyWrappingKey(const SecretBytes &vaultRootKey, std::uint32_t epoch)
{
    (void)crypto::initialize();
    SecretBytes kwk(kKeySize);
    if (vaultRootKey.size() == kKeySize)
        crypto_kdf_derive_from_key(kwk.data(), kwk.size(), epoch, "CMPkwk01", vaultRootKey.data());
    return kwk;
}

DataKeyBinding DataKeyBinding::of(const EnvelopeHeader &header)
{
    return DataKeyBinding{header.vaultId, header.recordId, header.version, header.keyEpoch};
}

Result<QByteArray> wrapDataKey(const SecretBytes &keyWrappingKey, const SecretBytes &dataKey,
                               const DataKeyBinding &binding)
{
    return wrapKey(keyWrappingKey, dataKey, dataKeyAssociatedData("companion-dek-v1", binding));
}

Result<SecretBytes> unwrapDataKey(const SecretBytes &keyWrappingKey, QByteArrayView wrapped,
                                  const DataKeyBinding &binding)
{
    return unwrapKey(keyWrappingKey, wrapped, dataKeyAssociatedData("companion-dek-v1", binding));
}

Result<QByteArray> wrapSharedDataKey(const SecretBytes &sharedCollectionKey,
                                     const SecretBytes &dataKey, const DataKeyBinding &binding)
{
    return wrapKey(sharedCollectionKey, dataKey,
                   dataKeyAssociatedData("companion-shared-dek-v1", binding));
}

Result<SecretBytes> unwrapSharedDataKey(const SecretBytes &sharedCollectionKey,
                                        QByteArrayView wrapped, const DataKeyBinding &binding)
{
    return unwrapKey(sharedCollectionKey, wrapped,
                     dataKeyAssociatedData("companion-shared-dek-v1", binding));
}

Result<QByteArray> sealSharedCollectionKey(QByteArrayView careTeamPublicKey,
                                           const SecretBytes &sharedCollectionKey)
{
    if (sharedCollectionKey.size() != kKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("key has a wrong size"));
    return sealToPublicKey(careTeamPublicKey, sharedCollectionKey);
}

Result<SecretBytes> openSharedCollectionKey(const BoxKeyPair &careTeamKey, QByteArrayView sealed)
{
    if (static_cast<std::size_t>(sealed.size()) != kSealedKeySize)
        return makeError(ErrorCode::Damaged, QStringLiteral("sealed key has a wrong size"));
    return openSealed(careTeamKey, sealed);
}

QByteArray authChallengeMessage(QByteArrayView challenge, QByteArrayView principalId)
{
    QByteArray message("companion-auth-v1");
    appendNumber(message, static_cast<std::uint64_t>(challenge.size()), 2);
    message.append(challenge);
    appendNumber(message, static_cast<std::uint64_t>(principalId.size()), 2);
    message.append(principalId);
    return message;
}

QString idToHex(const Id16 &id)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(id.data()), static_cast<qsizetype>(id.size()))
            .toHex());
}

Result<Id16> idFromHex(QStringView hex)
{
    if (hex.size() != 32)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("an id is 32 hex digits"));
    for (QChar c : hex) {
        const bool ok = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                        (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
        if (!ok)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("an id is 32 lower-case hex digits"));
    }
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    Id16 id{};
    std::memcpy(id.data(), bytes.constData(), id.size());
    return id;
}

Id16 randomId()
{
    (void)crypto::initialize();
    Id16 id{};
    randombytes_buf(id.data(), id.size());
    return id;
}

namespace {

constexpr char kPassphraseBlobMagic[] = "CVK1";
constexpr qsizetype kPassphraseBlobSize = 4 + 8 + 8 + 16 + static_cast<qsizetype>(kWrappedKeySize);

std::uint64_t readNumber(const unsigned char *bytes, int count)
{
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

QByteArray sckAssociatedData(const Id16 &vaultId, std::uint32_t generation,
                             std::uint32_t careTeamEpoch)
{
    QByteArray ad("companion-sck-vault-v1");
    appendId(ad, vaultId);
    appendNumber(ad, generation, 4);
    appendNumber(ad, careTeamEpoch, 4);
    return ad;
}

SecretBytes sckWrappingKey(const SecretBytes &vaultRootKey)
{
    return crypto::deriveSubKey(vaultRootKey, "companion-sck-wrap-v1");
}

} // namespace

Result<QByteArray> sealVaultKeyForPassphrase(const SecretBytes &passphrase,
                                             const SecretBytes &vaultRootKey, const Id16 &vaultId,
                                             std::uint32_t epoch)
{
    const crypto::KdfParameters params = crypto::recommendedKdfParameters();
    auto slotKey = crypto::derivePassphraseKey(passphrase, params);
    if (!slotKey)
        return slotKey.error();
    auto wrapped =
        wrapVaultRootKey(*slotKey, vaultRootKey, vaultId, VaultKeySlot::Passphrase, epoch);
    if (!wrapped)
        return wrapped.error();
    QByteArray blob(kPassphraseBlobMagic, 4);
    appendNumber(blob, params.opsLimit, 8);
    appendNumber(blob, params.memLimit, 8);
    blob.append(params.salt);
    blob.append(*wrapped);
    return blob;
}

Result<SecretBytes> openVaultKeyWithPassphrase(const SecretBytes &passphrase, QByteArrayView blob,
                                               const Id16 &vaultId, std::uint32_t epoch)
{
    if (blob.size() != kPassphraseBlobSize ||
        !blob.startsWith(QByteArrayView(kPassphraseBlobMagic, 4)))
        return makeError(ErrorCode::Damaged, QStringLiteral("the vault key blob is malformed"));
    const auto *bytes = u8(blob);
    crypto::KdfParameters params;
    params.algorithm = QStringLiteral("argon2id13");
    params.opsLimit = readNumber(bytes + 4, 8);
    params.memLimit = readNumber(bytes + 12, 8);
    params.salt = blob.sliced(20, 16).toByteArray();
    COMPANION_TRY(crypto::checkKdfParameters(params));
    auto slotKey = crypto::derivePassphraseKey(passphrase, params);
    if (!slotKey)
        return slotKey.error();
    return unwrapVaultRootKey(*slotKey, blob.sliced(36), vaultId, VaultKeySlot::Passphrase, epoch);
}

QString sharedCollectionKeySlot(std::uint32_t generation)
{
    return QStringLiteral("sck-%1").arg(generation);
}

Result<QByteArray> wrapSharedCollectionKeyForVault(const SecretBytes &vaultRootKey,
                                                   const SecretBytes &sharedCollectionKey,
                                                   const Id16 &vaultId, std::uint32_t generation,
                                                   std::uint32_t careTeamEpoch)
{
    return wrapKey(sckWrappingKey(vaultRootKey), sharedCollectionKey,
                   sckAssociatedData(vaultId, generation, careTeamEpoch));
}

Result<SecretBytes> unwrapSharedCollectionKeyForVault(const SecretBytes &vaultRootKey,
                                                      QByteArrayView wrapped, const Id16 &vaultId,
                                                      std::uint32_t generation,
                                                      std::uint32_t careTeamEpoch)
{
    return unwrapKey(sckWrappingKey(vaultRootKey), wrapped,
                     sckAssociatedData(vaultId, generation, careTeamEpoch));
}

QByteArray encodeSharedKeyBlob(const SharedKeyBlob &blob)
{
    QByteArray out;
    appendNumber(out, blob.generation, 4);
    out.append(blob.wrapped);
    return out;
}

Result<SharedKeyBlob> decodeSharedKeyBlob(QByteArrayView bytes)
{
    if (static_cast<std::size_t>(bytes.size()) != kSharedKeyBlobSize)
        return makeError(ErrorCode::Damaged, QStringLiteral("the shared key has a wrong size"));
    SharedKeyBlob blob;
    blob.generation = static_cast<std::uint32_t>(readNumber(u8(bytes), 4));
    blob.wrapped = bytes.sliced(4).toByteArray();
    return blob;
}

} // namespace companion::protocol
