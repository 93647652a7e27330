#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "protocol/envelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace companion::protocol {

// The sync key hierarchy (shared/design/security-and-sync.md, docs/sync-protocol.md "Keys"):
//
//   passphrase key / recovery key ─wraps─► VRK (vault root key, per patient, epoch e)
//   VRK ─crypto_kdf(e)─► KWK_e ─wraps─► DEK (one per record version) ─encrypts─► envelope
//   OrgSig (Ed25519, clinic) signs the care-team key statement (CTK_pub, epoch)
//   SCK (per patient × care team) sealed to CTK_pub; DEKs of shared records wrapped by SCK
//
// Every wrap binds what it wraps to where it belongs through the AEAD associated data, so a
// wrapped key moved to another vault, record, version or slot fails to open. Only libsodium
// primitives; the server stores every blob here and can open none of them.

inline constexpr std::size_t kKeySize = 32;
inline constexpr std::size_t kSigningPublicKeySize = 32;
inline constexpr std::size_t kSigningSecretKeySize = 64;
inline constexpr std::size_t kSignatureSize = 64;
inline constexpr std::size_t kBoxPublicKeySize = 32;
// version u8 | nonce[24] | ciphertext(32) + tag(16)
inline constexpr std::size_t kWrappedKeySize = 1 + 24 + kKeySize + 16;
// crypto_box_seal of a 32-byte key: ephemeral public key(32) + key(32) + tag(16)
inline constexpr std::size_t kSealedKeySize = 32 + kKeySize + 16;
// crypto_box_seal of a 32-byte X25519 secret key (the care-team key sealed to a therapist)
inline constexpr std::size_t kSealedBoxSecretSize = kSealedKeySize;

struct SigningKeyPair
{
    QByteArray publicKey;  // 32 bytes
    SecretBytes secretKey; // 64 bytes (libsodium's seed || public key form)
};

struct BoxKeyPair
{
    QByteArray publicKey;  // 32 bytes, X25519
    SecretBytes secretKey; // 32 bytes
};

// --- signatures (clinic OrgSig, device and therapist credentials) ---
SigningKeyPair generateSigningKeyPair();
// Rebuilds a pair from a stored 64-byte secret key (checks the size).
Result<SigningKeyPair> signingKeyPairFromSecret(SecretBytes secretKey);
QByteArray sign(const SecretBytes &secretKey, QByteArrayView message);
bool verifySignature(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);
// What a person compares: BLAKE2b-256 of the public key, first 16 bytes as 8 groups of 4 hex
// digits ("a1b2-c3d4-…"). Printed by `admin init`, carried with the enrolment code.
QString keyFingerprint(QByteArrayView publicKey);

// --- sealed boxes (care-team key, SCK) ---
BoxKeyPair generateBoxKeyPair();
Result<BoxKeyPair> boxKeyPairFromSecret(SecretBytes secretKey);
// Anyone can seal to a public key; only the secret key opens it (crypto_box_seal).
Result<QByteArray> sealToPublicKey(QByteArrayView recipientPublicKey, const SecretBytes &secret);
Result<SecretBytes> openSealed(const BoxKeyPair &recipient, QByteArrayView sealed);
// A therapist has one Ed25519 identity; the care-team key is sealed to its X25519 form.
Result<QByteArray> boxPublicKeyFromSigningKey(QByteArrayView signingPublicKey);
Result<BoxKeyPair> boxKeyPairFromSigningKey(const SigningKeyPair &signing);

// The statement OrgSig signs to publish a care-team key: the patient app pins OrgSig at
// enrolment and seals its SCK only to a CTK whose statement verifies.
QByteArray careTeamKeyStatement(QByteArrayView clinicId, std::uint32_t epoch,
                                QByteArrayView careTeamPublicKey);

// --- the vault hierarchy ---
enum class VaultKeySlot : std::uint8_t { Passphrase = 1, Recovery = 2, Device = 3 };

SecretBytes generateKey(); // 32 random bytes: VRK, DEK or SCK
// The same into `key`'s own secure memory (resized to 32 bytes if needed): a fresh key per
// record version without a sodium_malloc per record (the sync push seals thousands).
void regenerateKey(SecretBytes &key);
// VRK wrapped by a passphrase key (Argon2id), a recovery key or a device-transfer key; bound to
// vault, slot and epoch.
Result<QByteArray> wrapVaultRootKey(const SecretBytes &slotKey, const SecretBytes &vaultRootKey,
                                    const Id16 &vaultId, VaultKeySlot slot, std::uint32_t epoch);
Result<SecretBytes> unwrapVaultRootKey(const SecretBytes &slotKey, QByteArrayView wrapped,
                                       const Id16 &vaultId, VaultKeySlot slot, std::uint32_t epoch);
// KWK_e = crypto_kdf_derive_from_key(VRK, subkey id = epoch, context "CMPkwk01").
SecretBytes deriveKeyWrappingKey(const SecretBytes &vaultRootKey, std::uint32_t epoch);

// Which record version a data key belongs to (the header fields a DEK wrap is bound to).
struct DataKeyBinding
{
    Id16 vaultId{};
    Id16 recordId{};
    std::uint64_t version = 0;
    std::uint32_t keyEpoch = 0;
    static DataKeyBinding of(const EnvelopeHeader &header);
};

// DEK wrapped by KWK_e (the patient's own devices) or by the SCK (the care team); the two
// purposes use different associated data so one wrap cannot stand in for the other.
Result<QByteArray> wrapDataKey(const SecretBytes &keyWrappingKey, const SecretBytes &dataKey,
                               const DataKeyBinding &binding);
Result<SecretBytes> unwrapDataKey(const SecretBytes &keyWrappingKey, QByteArrayView wrapped,
                                  const DataKeyBinding &binding);
Result<QByteArray> wrapSharedDataKey(const SecretBytes &sharedCollectionKey,
                                     const SecretBytes &dataKey, const DataKeyBinding &binding);
Result<SecretBytes> unwrapSharedDataKey(const SecretBytes &sharedCollectionKey,
                                        QByteArrayView wrapped, const DataKeyBinding &binding);

// SCK sealed to the care-team public key: only a holder of CTK's secret half opens it.
Result<QByteArray> sealSharedCollectionKey(QByteArrayView careTeamPublicKey,
                                           const SecretBytes &sharedCollectionKey);
Result<SecretBytes> openSharedCollectionKey(const BoxKeyPair &careTeamKey, QByteArrayView sealed);

// --- blobs the patient's devices keep on the server (GET/PUT /v1/vault/key-blobs) ---
//
// Slot "passphrase": the VRK wrapped by an Argon2id key of the passphrase a second device types
// to join the vault. Layout: "CVK1" | ops u64 | mem u64 | salt[16] | wrapVaultRootKey(slot 1).
// The KDF parameters travel with the blob and are checked against the floor and ceiling before
// any derivation, so a server cannot make a device weaken or exhaust itself.
inline constexpr const char *kPassphraseSlot = "passphrase";
Result<QByteArray> sealVaultKeyForPassphrase(const SecretBytes &passphrase,
                                             const SecretBytes &vaultRootKey, const Id16 &vaultId,
                                             std::uint32_t epoch);
// WrongPassphrase when the passphrase is not the one that sealed it (or the blob was altered);
// Damaged for a malformed blob; WeakParameters for KDF parameters out of bounds.
Result<SecretBytes> openVaultKeyWithPassphrase(const SecretBytes &passphrase, QByteArrayView blob,
                                               const Id16 &vaultId, std::uint32_t epoch);

// Slot "recovery": the VRK wrapped by the vault recovery key (crypto::RecoveryKey, 240 random
// bits, so no KDF: its wrappingKey() is the slot key), shown once at enrolment. It lets a patient
// who lost every device join a new one with a clinic-issued recovery code. Layout:
// wrapVaultRootKey(slot 2).
inline constexpr const char *kRecoverySlot = "recovery";

// Slot "sck-<generation>": the SCK for the patient's other devices, wrapped by a key derived
// from the VRK and bound to vault, generation and care-team epoch.
QString sharedCollectionKeySlot(std::uint32_t generation);
Result<QByteArray> wrapSharedCollectionKeyForVault(const SecretBytes &vaultRootKey,
                                                   const SecretBytes &sharedCollectionKey,
                                                   const Id16 &vaultId, std::uint32_t generation,
                                                   std::uint32_t careTeamEpoch);
Result<SecretBytes> unwrapSharedCollectionKeyForVault(const SecretBytes &vaultRootKey,
                                                      QByteArrayView wrapped, const Id16 &vaultId,
                                                      std::uint32_t generation,
                                                      std::uint32_t careTeamEpoch);

// The `shared_key` a device sends with a shared record version: which SCK generation wrapped the
// DEK, then the wrap. Layout: generation u32 | wrapSharedDataKey(…) (77 bytes). The server keeps
// it opaque; the console picks the SCK of that generation.
inline constexpr std::size_t kSharedKeyBlobSize = 4 + kWrappedKeySize;
struct SharedKeyBlob
{
    std::uint32_t generation = 0;
    QByteArray wrapped; // wrapSharedDataKey output
};
QByteArray encodeSharedKeyBlob(const SharedKeyBlob &blob);
Result<SharedKeyBlob> decodeSharedKeyBlob(QByteArrayView bytes);

// Device and therapist login: the signed message for a server challenge. Binding the principal
// id stops a signature for one identity from being replayed for another.
QByteArray authChallengeMessage(QByteArrayView challenge, QByteArrayView principalId);

// Hex helpers for ids (16 bytes ⇄ 32 lower-case hex digits); nullopt-like error for bad input.
QString idToHex(const Id16 &id);
Result<Id16> idFromHex(QStringView hex);
Id16 randomId();

} // namespace companion::protocol
