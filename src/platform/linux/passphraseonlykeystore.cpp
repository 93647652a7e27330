#include "platform/linux/passphraseonlykeystore.h"

namespace companion::platform {

namespace {
Error noKeyStore()
{
    return makeError(ErrorCode::Unsupported,
                     QStringLiteral("this platform has no device key store"));
}
} // namespace

QString PassphraseOnlyKeyStore::backend() const
{
    return QStringLiteral("none");
}

Result<QByteArray> PassphraseOnlyKeyStore::seal(const QByteArray &, const QByteArray &)
{
    return noKeyStore();
}

Result<QByteArray> PassphraseOnlyKeyStore::unseal(const QByteArray &, const QByteArray &)
{
    return noKeyStore();
}

std::unique_ptr<KeyStore> createDeviceKeyStore()
{
    return std::make_unique<PassphraseOnlyKeyStore>();
}

} // namespace companion::platform
