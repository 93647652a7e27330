#include <catch2/catch.hpp>

#include "crypto/passphrasestrength.h"

using namespace companion;
using namespace companion::crypto;

namespace {
PassphraseStrength assess(const char *text)
{
    return assessPassphrase(SecretBytes::fromUtf8(text));
}
} // namespace

TEST_CASE("Short and common passphrases are refused with a useful hint", "[crypto]")
{
    CHECK(assess("").hint == PassphraseHint::TooShort);
    CHECK_FALSE(assess("").acceptable);
    const auto shortOne = assess("Tr0ub4d!");
    CHECK_FALSE(shortOne.acceptable);
    CHECK(shortOne.hint == PassphraseHint::TooShort);

    const auto common = assess("password123");
    CHECK_FALSE(common.acceptable);
    CHECK(common.hint == PassphraseHint::CommonWordsOrNames);

    // zxcvbn knows "qwertyuiop" as a common password, so it is a dictionary word to it.
    CHECK(assess("qwertyuiop1234").hint == PassphraseHint::CommonWordsOrNames);
    const auto sequence = assess("abcdefghijklmnop");
    CHECK_FALSE(sequence.acceptable);
    CHECK(sequence.hint == PassphraseHint::KeyboardPattern);
    const auto dates = assess("19871987198719");
    CHECK_FALSE(dates.acceptable);
    CHECK(dates.hint == PassphraseHint::DatesOrYears);

    CHECK_FALSE(assess("aaaaaaaaaaaaaaaa").acceptable);
}

TEST_CASE("Long unusual passphrases are accepted and score higher", "[crypto]")
{
    const auto words = assess("velvet quarry tangerine oboe");
    CHECK(words.acceptable);
    CHECK(words.score >= 3);
    CHECK(words.hint == PassphraseHint::None);

    const auto random = assess("vN7#pq2!Lm9xZr4");
    CHECK(random.acceptable);
    CHECK(random.entropyBits > assess("password123").entropyBits);
}
