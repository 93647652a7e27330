#include <catch2/catch.hpp>

#include "protocol/envelope.h"
#include "protocol/keys.h"

using namespace companion;
using namespace companion::protocol;

namespace {

DataKeyBinding sampleBinding()
{
    DataKeyBinding binding;
    binding.vaultId.fill(0x01);
    binding.recordId.fill(0x02);
    binding.version = 3;
    binding.keyEpoch = 1;
    return binding;
}

} // namespace

TEST_CASE("The vault root key unwraps only with its slot key, vault, slot and epoch",
          "[protocol][keys]")
{
    const SecretBytes vrk = generateKey();
    const SecretBytes slotKey = generateKey();
    Id16 vault{};
    vault.fill(0xaa);
    auto wrapped = wrapVaultRootKey(slotKey, vrk, vault, VaultKeySlot::Passphrase, 1);
    REQUIRE(wrapped);
    CHECK(static_cast<std::size_t>(wrapped->size()) == kWrappedKeySize);

    auto opened = unwrapVaultRootKey(slotKey, *wrapped, vault, VaultKeySlot::Passphrase, 1);
    REQUIRE(opened);
    CHECK(opened->equals(vrk));

    CHECK_FALSE(unwrapVaultRootKey(generateKey(), *wrapped, vault, VaultKeySlot::Passphrase, 1));
    CHECK_FALSE(unwrapVaultRootKey(slotKey, *wrapped, vault, VaultKeySlot::Recovery, 1));
    CHECK_FALSE(unwrapVaultRootKey(slotKey, *wrapped, vault, VaultKeySlot::Passphrase, 2));
    Id16 otherVault = vault;
    otherVault[15] ^= 1;
    CHECK_FALSE(unwrapVaultRootKey(slotKey, *wrapped, otherVault, VaultKeySlot::Passphrase, 1));
    CHECK_FALSE(unwrapVaultRootKey(slotKey, wrapped->left(wrapped->size() - 1), vault,
                                   VaultKeySlot::Passphrase, 1));

    int flipsOpened = 0;
    for (qsizetype i = 0; i < wrapped->size(); ++i) {
        QByteArray tampered = *wrapped;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        if (unwrapVaultRootKey(slotKey, tampered, vault, VaultKeySlot::Passphrase, 1))
            ++flipsOpened;
    }
    CHECK(flipsOpened == 0);
}

TEST_CASE("Key-wrapping keys differ per epoch and are deterministic", "[protocol][keys]")
{
    const SecretBytes vrk = generateKey();
    const SecretBytes kwk1 = deriveKeyWrappingKey(vrk, 1);
    CHECK(kwk1.equals(deriveKeyWrappingKey(vrk, 1)));
    CHECK_FALSE(kwk1.equals(deriveKeyWrappingKey(vrk, 2)));
    CHECK_FALSE(kwk1.equals(deriveKeyWrappingKey(generateKey(), 1)));
}

TEST_CASE("A data key is bound to its record version and purpose", "[protocol][keys]")
{
    const SecretBytes kwk = deriveKeyWrappingKey(generateKey(), 1);
    const SecretBytes sck = generateKey();
    const SecretBytes dek = generateKey();
    const DataKeyBinding binding = sampleBinding();

    auto wrapped = wrapDataKey(kwk, dek, binding);
    REQUIRE(wrapped);
    auto opened = unwrapDataKey(kwk, *wrapped, binding);
    REQUIRE(opened);
    CHECK(opened->equals(dek));
    CHECK(unwrapDataKey(sck, *wrapped, binding).error().code == ErrorCode::WrongPassphrase);

    DataKeyBinding otherVersion = binding;
    otherVersion.version = 4;
    CHECK_FALSE(unwrapDataKey(kwk, *wrapped, otherVersion));
    DataKeyBinding otherRecord = binding;
    otherRecord.recordId[0] ^= 1;
    CHECK_FALSE(unwrapDataKey(kwk, *wrapped, otherRecord));
    DataKeyBinding otherEpoch = binding;
    otherEpoch.keyEpoch = 2;
    CHECK_FALSE(unwrapDataKey(kwk, *wrapped, otherEpoch));

    // A shared wrap under the same bytes cannot stand in for the private one, and vice versa.
    auto shared = wrapSharedDataKey(sck, dek, binding);
    REQUIRE(shared);
    CHECK(unwrapSharedDataKey(sck, *shared, binding)->equals(dek));
    CHECK_FALSE(unwrapDataKey(sck, *shared, binding));
    auto privateUnderSck = wrapDataKey(sck, dek, binding);
    CHECK_FALSE(unwrapSharedDataKey(sck, *privateUnderSck, binding));
}

TEST_CASE("A sealed SCK opens only with the care-team key it was sealed to", "[protocol][keys]")
{
    const BoxKeyPair ctk = generateBoxKeyPair();
    const BoxKeyPair otherCtk = generateBoxKeyPair();
    const SecretBytes sck = generateKey();

    auto sealed = sealSharedCollectionKey(ctk.publicKey, sck);
    REQUIRE(sealed);
    CHECK(static_cast<std::size_t>(sealed->size()) == kSealedKeySize);
    auto opened = openSharedCollectionKey(ctk, *sealed);
    REQUIRE(opened);
    CHECK(opened->equals(sck));
    CHECK_FALSE(openSharedCollectionKey(otherCtk, *sealed));

    QByteArray tampered = *sealed;
    tampered[40] = static_cast<char>(tampered[40] ^ 0x80);
    CHECK_FALSE(openSharedCollectionKey(ctk, tampered));
    CHECK_FALSE(openSharedCollectionKey(ctk, sealed->left(10)));
    CHECK_FALSE(sealSharedCollectionKey(QByteArray(5, 'x'), sck));
}

TEST_CASE("The care-team key reaches a therapist through their Ed25519 identity",
          "[protocol][keys]")
{
    const SigningKeyPair therapist = generateSigningKeyPair();
    const BoxKeyPair ctk = generateBoxKeyPair();
    auto therapistBoxPublic = boxPublicKeyFromSigningKey(therapist.publicKey);
    REQUIRE(therapistBoxPublic);
    auto sealed = sealToPublicKey(*therapistBoxPublic, ctk.secretKey);
    REQUIRE(sealed);

    auto therapistBox = boxKeyPairFromSigningKey(therapist);
    REQUIRE(therapistBox);
    auto ctkSecret = openSealed(*therapistBox, *sealed);
    REQUIRE(ctkSecret);
    auto rebuilt = boxKeyPairFromSecret(std::move(ctkSecret).value());
    REQUIRE(rebuilt);
    CHECK(rebuilt->publicKey == ctk.publicKey);

    // End to end: the patient seals an SCK to CTK_pub; the therapist opens it with the rebuilt
    // CTK; a stranger's identity opens neither.
    const SecretBytes sck = generateKey();
    auto sealedSck = sealSharedCollectionKey(ctk.publicKey, sck);
    CHECK(openSharedCollectionKey(*rebuilt, *sealedSck)->equals(sck));
    auto strangerBox = boxKeyPairFromSigningKey(generateSigningKeyPair());
    CHECK_FALSE(openSealed(*strangerBox, *sealed));
}

TEST_CASE("Signatures verify only for their key and message", "[protocol][keys]")
{
    const SigningKeyPair clinic = generateSigningKeyPair();
    const QByteArray clinicId("0123456789abcdef0123456789abcdef");
    const BoxKeyPair ctk = generateBoxKeyPair();
    const QByteArray statement = careTeamKeyStatement(clinicId, 1, ctk.publicKey);
    const QByteArray signature = sign(clinic.secretKey, statement);
    CHECK(verifySignature(clinic.publicKey, statement, signature));
    CHECK_FALSE(verifySignature(clinic.publicKey, careTeamKeyStatement(clinicId, 2, ctk.publicKey),
                                signature));
    CHECK_FALSE(verifySignature(generateSigningKeyPair().publicKey, statement, signature));
    CHECK_FALSE(verifySignature(clinic.publicKey, statement, signature.left(63)));

    auto reloaded = signingKeyPairFromSecret(clinic.secretKey.clone());
    REQUIRE(reloaded);
    CHECK(reloaded->publicKey == clinic.publicKey);
    CHECK_FALSE(signingKeyPairFromSecret(SecretBytes(32)));

    // The login message binds the principal: a signature for one id is useless for another.
    const QByteArray challenge(32, '\x07');
    const QByteArray login = sign(clinic.secretKey, authChallengeMessage(challenge, "device-a"));
    CHECK(verifySignature(clinic.publicKey, authChallengeMessage(challenge, "device-a"), login));
    CHECK_FALSE(
        verifySignature(clinic.publicKey, authChallengeMessage(challenge, "device-b"), login));
}

TEST_CASE("Fingerprints are stable, short and differ per key", "[protocol][keys]")
{
    const SigningKeyPair a = generateSigningKeyPair();
    const QString fingerprint = keyFingerprint(a.publicKey);
    CHECK(fingerprint.size() == 39); // 8 groups of 4 hex digits
    CHECK(fingerprint.count(QLatin1Char('-')) == 7);
    CHECK(fingerprint == keyFingerprint(a.publicKey));
    CHECK(fingerprint != keyFingerprint(generateSigningKeyPair().publicKey));
}

TEST_CASE("Ids round-trip through hex and refuse anything else", "[protocol][keys]")
{
    const Id16 id = randomId();
    const QString hex = idToHex(id);
    CHECK(hex.size() == 32);
    CHECK(*idFromHex(hex) == id);
    CHECK_FALSE(idFromHex(hex.toUpper()));
    CHECK_FALSE(idFromHex(hex.left(31)));
    CHECK_FALSE(idFromHex(QString(hex + QLatin1Char('0'))));
    CHECK_FALSE(idFromHex(QString(QStringLiteral("zz") + hex.mid(2))));
    CHECK(randomId() != randomId());
}
