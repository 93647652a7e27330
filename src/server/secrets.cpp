#include "server/secrets.h"

#include "crypto/sodium.h"
#include "protocol/careteamenrol.h"

#include <sodium.h>

namespace companion::server {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeSymbols = 20;
} // namespace

QByteArray randomBytes(int size)
{
    (void)crypto::initialize();
    QByteArray bytes(size, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<std::size_t>(size));
    return bytes;
}

QString hashSecret(QByteArrayView secret)
{
    (void)crypto::initialize();
    unsigned char hash[32];
    crypto_generichash(hash, sizeof(hash), reinterpret_cast<const unsigned char *>(secret.data()),
                       static_cast<unsigned long long>(secret.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(hash), 32).toHex());
}

QString newEnrolmentCode()
{
    (void)crypto::initialize();
    QString code;
    for (int i = 0; i < kCodeSymbols; ++i) {
        if (i && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kCrockford[randombytes_uniform(32)]);
    }
    return code;
}

QString normaliseCode(const QString &code)
{
    // One rule for every code a person types, shared with the care-team console.
    return protocol::normaliseEnrolmentCode(code);
}

QString newAccessToken()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace companion::server
