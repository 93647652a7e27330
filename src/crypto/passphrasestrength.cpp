#include "crypto/passphrasestrength.h"

#include <zxcvbn.h>

#include <cstring>

namespace companion::crypto {

namespace {

int scoreForBits(double bits)
{
    if (bits < 20)
        return 0;
    if (bits < 30)
        return 1;
    if (bits < kAcceptableEntropyBits)
        return 2;
    if (bits < 60)
        return 3;
    return 4;
}

// The pattern that explains most of the passphrase, as a hint the person can act on.
PassphraseHint hintFor(const ZxcMatch_t *matches)
{
    int longest = 0;
    PassphraseHint hint = PassphraseHint::AddMoreWords;
    for (const ZxcMatch_t *m = matches; m; m = m->Next) {
        if (m->Length <= longest)
            continue;
        switch (static_cast<int>(m->Type) & ~MULTIPLE_MATCH) {
        case DICTIONARY_MATCH:
        case DICT_LEET_MATCH:
        case USER_MATCH:
        case USER_LEET_MATCH:
            hint = PassphraseHint::CommonWordsOrNames;
            break;
        case SPATIAL_MATCH:
        case SEQUENCE_MATCH:
        case REPEATS_MATCH:
            hint = PassphraseHint::KeyboardPattern;
            break;
        case DATE_MATCH:
        case YEAR_MATCH:
            hint = PassphraseHint::DatesOrYears;
            break;
        default:
            continue;
        }
        longest = m->Length;
    }
    return hint;
}

std::size_t codePointCount(const SecretBytes &utf8)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((utf8.data()[i] & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

} // namespace

PassphraseStrength assessPassphrase(const SecretBytes &utf8Passphrase)
{
    PassphraseStrength strength;
    if (utf8Passphrase.empty()) {
        strength.hint = PassphraseHint::TooShort;
        return strength;
    }
    // zxcvbn wants a NUL-terminated string; keep that copy in wiped memory too.
    SecretBytes terminated(utf8Passphrase.size() + 1);
    std::memcpy(terminated.data(), utf8Passphrase.data(), utf8Passphrase.size());
    ZxcMatch_t *matches = nullptr;
    strength.entropyBits =
        ZxcvbnMatch(reinterpret_cast<const char *>(terminated.data()), nullptr, &matches);
    strength.score = scoreForBits(strength.entropyBits);
    const bool longEnough = codePointCount(utf8Passphrase) >= kMinimumPassphraseLength;
    strength.acceptable = longEnough && strength.entropyBits >= kAcceptableEntropyBits;
    if (!longEnough) {
        strength.hint = PassphraseHint::TooShort;
        strength.score = std::min(strength.score, 1);
    } else if (!strength.acceptable) {
        strength.hint = hintFor(matches);
    }
    ZxcvbnFreeInfo(matches);
    return strength;
}

} // namespace companion::crypto
