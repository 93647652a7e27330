#include "crypto/recoverykey.h"

#include "crypto/sodium.h"

#include <sodium.h>

#include <array>

namespace companion::crypto {

namespace {

// Crockford base32: no I, L, O, U, so hand-copied keys are unambiguous.
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kTotalBytes = RecoveryKey::kEntropyBytes + RecoveryKey::kChecksumBytes;
constexpr std::size_t kCharacters = (kTotalBytes * 8 + 4) / 5; // 52
constexpr int kGroupSize = 4;
constexpr char kChecksumContext[] = "companion recovery-key checksum v1";
constexpr char kWrapContext[] = "companion recovery-key wrap v1";

int decodeCharacter(QChar c)
{
    const char16_t u = QChar(c).toUpper().unicode();
    if (u == u'O')
        return 0;
    if (u == u'I' || u == u'L')
        return 1;
    for (int i = 0; i < 32; ++i) {
        if (kAlphabet[i] == u)
            return i;
    }
    return -1;
}

std::array<std::uint8_t, RecoveryKey::kChecksumBytes> checksumOf(const std::uint8_t *entropy)
{
    std::array<std::uint8_t, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), entropy, RecoveryKey::kEntropyBytes,
                       reinterpret_cast<const unsigned char *>(kChecksumContext),
                       sizeof(kChecksumContext) - 1);
    return {digest[0], digest[1]};
}

} // namespace

RecoveryKey RecoveryKey::generate()
{
    (void)initialize();
    RecoveryKey key;
    key.m_entropy = SecretBytes(kEntropyBytes);
    randombytes_buf(key.m_entropy.data(), kEntropyBytes);
    return key;
}

Result<RecoveryKey> RecoveryKey::parse(QStringView text)
{
    COMPANION_TRY(initialize());
    SecretBytes raw(kTotalBytes);
    std::size_t characters = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t written = 0;
    for (const QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        const int value = decodeCharacter(c);
        if (value < 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("the recovery key contains a character that is not "
                                            "part of any recovery key"));
        if (++characters > kCharacters)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("the recovery key is too long"));
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            raw.data()[written++] = static_cast<std::uint8_t>(buffer >> bits);
            buffer &= (1u << bits) - 1;
        }
    }
    const bool paddingIsZero = buffer == 0;
    buffer = 0;
    if (characters != kCharacters || written != kTotalBytes)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the recovery key is too short: it has 52 characters"));
    const auto expected = checksumOf(raw.data());
    // The last character carries 4 unused bits; a typo there must not go unnoticed either.
    if (!paddingIsZero ||
        sodium_memcmp(expected.data(), raw.data() + kEntropyBytes, kChecksumBytes) != 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the recovery key has a typo: please check each group"));
    RecoveryKey key;
    key.m_entropy = SecretBytes::fromView({raw.data(), kEntropyBytes});
    return key;
}

QString RecoveryKey::displayText() const
{
    SecretBytes raw(kTotalBytes);
    std::copy_n(m_entropy.data(), kEntropyBytes, raw.data());
    const auto checksum = checksumOf(m_entropy.data());
    std::copy(checksum.begin(), checksum.end(), raw.data() + kEntropyBytes);

    QString text;
    text.reserve(static_cast<qsizetype>(kCharacters + kCharacters / kGroupSize));
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t emitted = 0;
    auto appendCharacter = [&](std::uint32_t value) {
        if (emitted > 0 && emitted % kGroupSize == 0)
            text.append(u'-');
        text.append(QLatin1Char(kAlphabet[value & 31u]));
        ++emitted;
    };
    for (std::size_t i = 0; i < kTotalBytes; ++i) {
        buffer = (buffer << 8) | raw.data()[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            appendCharacter(buffer >> bits);
            buffer &= (1u << bits) - 1;
        }
    }
    if (bits > 0)
        appendCharacter(buffer << (5 - bits));
    buffer = 0;
    return text;
}

SecretBytes RecoveryKey::wrappingKey() const
{
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_generichash(key.data(), key.size(),
                       reinterpret_cast<const unsigned char *>(kWrapContext),
                       sizeof(kWrapContext) - 1, m_entropy.data(), m_entropy.size());
    return key;
}

} // namespace companion::crypto
