#pragma once

#include "common/secretbytes.h"

namespace companion::crypto {

// Strength of a new passphrase as estimated by zxcvbn (dictionary words, keyboard patterns, dates,
// repeats), turned into a 0–4 score and one actionable hint. The presentation layer translates
// the hint; this layer has no user-visible text.
enum class PassphraseHint {
    None,
    TooShort, // fewer than kMinimumLength characters
    CommonWordsOrNames,
    KeyboardPattern, // qwerty rows, sequences, repeats
    DatesOrYears,
    AddMoreWords, // long enough but still guessable: add another unusual word
};

struct PassphraseStrength
{
    int score = 0;            // 0 very weak … 4 very strong
    double entropyBits = 0.0; // log2 of the estimated guesses
    bool acceptable = false;  // may be used for a new profile
    PassphraseHint hint = PassphraseHint::None;
};

inline constexpr int kMinimumPassphraseLength = 10;
// 2^40 guesses at Argon2id(ops 3, 64 MiB) is decades for one GPU rig; see ADR 0004.
inline constexpr double kAcceptableEntropyBits = 40.0;

PassphraseStrength assessPassphrase(const SecretBytes &utf8Passphrase);

} // namespace companion::crypto
