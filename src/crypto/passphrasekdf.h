#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace companion::crypto {

// Argon2id parameters, stored beside every key they protect so they can be raised later without
// breaking old profiles. A profile whose stored parameters fall below the floor is refused: an
// attacker who can write the key file must not be able to weaken the KDF (docs/threat-model.md).
struct KdfParameters
{
    QString algorithm;          // "argon2id13" is the only one accepted
    std::uint64_t opsLimit = 0; // Argon2id passes
    std::uint64_t memLimit = 0; // bytes
    QByteArray salt;            // 16 random bytes
};

inline constexpr std::uint64_t kKdfOpsFloor = 3;
inline constexpr std::uint64_t kKdfMemFloor = 64ull * 1024 * 1024;
inline constexpr std::size_t kKdfSaltSize = 16;
inline constexpr std::size_t kKeySize = 32;
// Refuse absurd stored parameters too: a tampered file must not make unlock eat all memory.
inline constexpr std::uint64_t kKdfOpsCeiling = 64;
inline constexpr std::uint64_t kKdfMemCeiling = 4ull * 1024 * 1024 * 1024;

// Parameters for a new key: ops 3, 64 MiB (the floor; a phone unlocks in well under a second),
// a fresh random salt.
KdfParameters recommendedKdfParameters();

// Ok when the parameters are well-formed and within [floor, ceiling].
Result<void> checkKdfParameters(const KdfParameters &params);

// The 32-byte passphrase key. Fails with WeakParameters for parameters outside the bounds and
// Io when the system cannot provide the memory.
Result<SecretBytes> derivePassphraseKey(const SecretBytes &passphrase, const KdfParameters &params);

} // namespace companion::crypto
