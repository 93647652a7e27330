#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>
#include <QStringView>

namespace companion::crypto {

// A generated recovery key, shown to the person once, that can unlock the profile when the
// passphrase is forgotten. 30 random bytes (240 bits: no KDF needed) plus a 2-byte checksum, shown
// as 52 Crockford base32 characters in 13 groups of four ("7KQ2-M0ZX-…"). Parsing ignores case,
// spaces and dashes and reads O as 0 and I/L as 1, so it survives being copied by hand; the
// checksum catches typos before any unlock attempt.
class RecoveryKey
{
public:
    static constexpr std::size_t kEntropyBytes = 30;
    static constexpr std::size_t kChecksumBytes = 2;

    static RecoveryKey generate();
    // InvalidInput with a message saying what is wrong (length, character, checksum).
    static Result<RecoveryKey> parse(QStringView text);

    // The grouped display form. This QString is a secret: show it, then let it go.
    QString displayText() const;
    // 32-byte key that wraps the profile key in the recovery slot.
    SecretBytes wrappingKey() const;
    bool isNull() const { return m_entropy.empty(); }

private:
    SecretBytes m_entropy;
};

} // namespace companion::crypto
