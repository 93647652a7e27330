#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"

using namespace companion;
using namespace companion::crypto;

TEST_CASE("A wrapped secret unwraps with the same key and associated data", "[crypto]")
{
    const SecretBytes wrappingKey = randomKey();
    const SecretBytes secret = randomKey();
    const QByteArray ad = QByteArrayLiteral("slot|profile-1");
    auto wrapped = wrapSecret(wrappingKey, secret, ad);
    REQUIRE(wrapped);
    CHECK(wrapped->nonce.size() == 24);
    CHECK(wrapped->ciphertext.size() == 32 + 16);
    CHECK_FALSE(
        wrapped->ciphertext.contains(QByteArray(reinterpret_cast<const char *>(secret.data()), 8)));

    auto unwrapped = unwrapSecret(wrappingKey, *wrapped, ad);
    REQUIRE(unwrapped);
    CHECK(unwrapped->equals(secret));

    // A fresh nonce every time: wrapping twice never gives the same bytes.
    auto again = wrapSecret(wrappingKey, secret, ad);
    REQUIRE(again);
    CHECK(again->nonce != wrapped->nonce);
}

TEST_CASE("Unwrapping fails for a wrong key, other associated data or any flipped bit", "[crypto]")
{
    const SecretBytes wrappingKey = randomKey();
    const SecretBytes secret = randomKey();
    const QByteArray ad = QByteArrayLiteral("passphrase|profile-1");
    const WrappedSecret wrapped = *wrapSecret(wrappingKey, secret, ad);

    CHECK(unwrapSecret(randomKey(), wrapped, ad).error().code == ErrorCode::WrongPassphrase);
    CHECK_FALSE(unwrapSecret(wrappingKey, wrapped, QByteArrayLiteral("recovery|profile-1")));
    CHECK_FALSE(unwrapSecret(wrappingKey, wrapped, QByteArrayLiteral("passphrase|profile-2")));

    int accepted = 0;
    int tried = 0;
    for (QByteArray WrappedSecret::*field : {&WrappedSecret::nonce, &WrappedSecret::ciphertext}) {
        for (qsizetype byte = 0; byte < (wrapped.*field).size(); ++byte) {
            for (int bit = 0; bit < 8; ++bit) {
                WrappedSecret tampered = wrapped;
                (tampered.*field)[byte] = static_cast<char>((tampered.*field)[byte] ^ (1 << bit));
                ++tried;
                if (unwrapSecret(wrappingKey, tampered, ad))
                    ++accepted;
            }
        }
    }
    CHECK(tried == (24 + 48) * 8);
    CHECK(accepted == 0);

    WrappedSecret truncated = wrapped;
    truncated.ciphertext.chop(1);
    CHECK_FALSE(unwrapSecret(wrappingKey, truncated, ad));
    truncated.ciphertext.truncate(4);
    CHECK(unwrapSecret(wrappingKey, truncated, ad).error().code == ErrorCode::Damaged);
}

TEST_CASE("Sub-keys depend on the root key and the context", "[crypto]")
{
    const SecretBytes root = randomKey();
    const SecretBytes a = deriveSubKey(root, "purpose a");
    CHECK(a.equals(deriveSubKey(root, "purpose a")));
    CHECK_FALSE(a.equals(deriveSubKey(root, "purpose b")));
    CHECK_FALSE(a.equals(deriveSubKey(randomKey(), "purpose a")));
}
