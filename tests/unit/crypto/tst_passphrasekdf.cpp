#include <catch2/catch.hpp>

#include "crypto/passphrasekdf.h"

using namespace companion;
using namespace companion::crypto;

TEST_CASE("Argon2id derivation is deterministic per salt and differs across salts", "[crypto]")
{
    const SecretBytes passphrase = SecretBytes::fromUtf8("maple lantern orbit seventeen");
    KdfParameters params = recommendedKdfParameters();
    CHECK(params.algorithm == QStringLiteral("argon2id13"));
    CHECK(params.opsLimit >= kKdfOpsFloor);
    CHECK(params.memLimit >= kKdfMemFloor);
    CHECK(params.salt.size() == static_cast<qsizetype>(kKdfSaltSize));

    auto first = derivePassphraseKey(passphrase, params);
    auto second = derivePassphraseKey(passphrase, params);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->size() == kKeySize);
    CHECK(first->equals(*second));

    const KdfParameters otherSalt = recommendedKdfParameters();
    REQUIRE(otherSalt.salt != params.salt);
    auto third = derivePassphraseKey(passphrase, otherSalt);
    REQUIRE(third);
    CHECK_FALSE(first->equals(*third));

    auto otherPassphrase =
        derivePassphraseKey(SecretBytes::fromUtf8("maple lantern orbit 17"), params);
    REQUIRE(otherPassphrase);
    CHECK_FALSE(first->equals(*otherPassphrase));
}

TEST_CASE("KDF parameters below the floor or out of bounds are refused", "[crypto]")
{
    const SecretBytes passphrase = SecretBytes::fromUtf8("anything at all");
    KdfParameters weakOps = recommendedKdfParameters();
    weakOps.opsLimit = kKdfOpsFloor - 1;
    auto refused = derivePassphraseKey(passphrase, weakOps);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::WeakParameters);

    KdfParameters weakMem = recommendedKdfParameters();
    weakMem.memLimit = kKdfMemFloor / 2;
    CHECK(checkKdfParameters(weakMem).error().code == ErrorCode::WeakParameters);

    KdfParameters huge = recommendedKdfParameters();
    huge.memLimit = kKdfMemCeiling * 2;
    CHECK(checkKdfParameters(huge).error().code == ErrorCode::WeakParameters);

    KdfParameters unknown = recommendedKdfParameters();
    unknown.algorithm = QStringLiteral("scrypt");
    CHECK(checkKdfParameters(unknown).error().code == ErrorCode::Unsupported);

    KdfParameters shortSalt = recommendedKdfParameters();
    shortSalt.salt.chop(1);
    CHECK(checkKdfParameters(shortSalt).error().code == ErrorCode::Damaged);
}
