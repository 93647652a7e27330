#include "protocol/enrollink.h"

#include "crypto/sodium.h"
#include "protocol/careteamenrol.h"
#include "protocol/keys.h"

#include <QRegularExpression>
#include <QUrl>

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace companion::protocol {

namespace {

constexpr char kLinkKdfContext[] = "CMPlink1";
constexpr std::uint64_t kLinkWrapSubkey = 1;
constexpr std::uint64_t kLinkSlotSubkey = 2;
// base64url of 32 bytes without padding.
constexpr qsizetype kLinkSecretTextLength = 43;

Error invalid(const QString &why)
{
    return makeError(ErrorCode::InvalidInput, u"not a usable Companion code: "_s + why);
}

bool isFingerprint(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{4}(-[0-9a-f]{4}){7}$"_s);
    return pattern.match(text).hasMatch();
}

// http or https, a host, no user name or password, no fragment: the clinic's base URL.
Result<QString> checkServerUrl(const QString &text)
{
    if (text.isEmpty() || text.size() > kMaxLinkServerUrlLength)
        return invalid(u"the server address is missing or too long"_s);
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || url.hasFragment() || url.hasQuery())
        return invalid(u"the server address is not an http or https address"_s);
    return text;
}

SecretBytes deriveSubkey(const SecretBytes &linkSecret, std::uint64_t id)
{
    (void)crypto::initialize();
    SecretBytes out(kKeySize);
    crypto_kdf_derive_from_key(out.data(), out.size(), id, kLinkKdfContext, linkSecret.data());
    return out;
}

} // namespace

SecretBytes generateLinkSecret()
{
    (void)crypto::initialize();
    SecretBytes secret(kLinkSecretSize);
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

QString deviceLinkSlot(const SecretBytes &linkSecret)
{
    const SecretBytes id = deriveSubkey(linkSecret, kLinkSlotSubkey);
    return QLatin1String(kDeviceLinkSlotPrefix) +
           QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id.data()), 8).toHex());
}

bool isDeviceLinkSlot(const QString &slot)
{
    static const QRegularExpression pattern(u"^device-[0-9a-f]{16}$"_s);
    return pattern.match(slot).hasMatch();
}

Result<QByteArray> wrapVaultKeyForLink(const SecretBytes &linkSecret,
                                       const SecretBytes &vaultRootKey, const Id16 &vaultId,
                                       std::uint32_t epoch)
{
    if (linkSecret.size() != kLinkSecretSize)
        return makeError(ErrorCode::InvalidInput, u"a link secret is 32 bytes"_s);
    return wrapVaultRootKey(deriveSubkey(linkSecret, kLinkWrapSubkey), vaultRootKey, vaultId,
                            VaultKeySlot::Device, epoch);
}

Result<SecretBytes> openVaultKeyWithLink(const SecretBytes &linkSecret, QByteArrayView wrapped,
                                         const Id16 &vaultId, std::uint32_t epoch)
{
    if (linkSecret.size() != kLinkSecretSize)
        return makeError(ErrorCode::InvalidInput, u"a link secret is 32 bytes"_s);
    return unwrapVaultRootKey(deriveSubkey(linkSecret, kLinkWrapSubkey), wrapped, vaultId,
                              VaultKeySlot::Device, epoch);
}

Result<SecretBytes> formatEnrolmentLink(const EnrolmentLink &link)
{
    auto url = checkServerUrl(link.serverUrl);
    if (!url)
        return url.error();
    if (!isWellFormedEnrolmentCode(link.code))
        return invalid(u"the code is not 20 symbols"_s);
    if (!isFingerprint(link.fingerprint))
        return invalid(u"the clinic key fingerprint is malformed"_s);
    const bool join = link.kind == LinkKind::Join;
    if (join != (link.linkSecret.size() == kLinkSecretSize))
        return invalid(u"only a device link carries a link secret"_s);
    QByteArray text = join ? "companion:join?v=1"_ba : "companion:enrol?v=1"_ba;
    text += "&s=" + QUrl::toPercentEncoding(*url);
    text += "&c=" + normaliseEnrolmentCode(link.code).toLatin1();
    text += "&f=" + link.fingerprint.toLatin1();
    SecretBytes out;
    if (join) {
        // base64url without padding into wiped memory (43 characters).
        std::array<char, kLinkSecretTextLength + 1> encoded{};
        sodium_bin2base64(encoded.data(), encoded.size(), link.linkSecret.data(),
                          link.linkSecret.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        out = SecretBytes(static_cast<std::size_t>(text.size()) + 3 + kLinkSecretTextLength);
        std::memcpy(out.data(), text.constData(), static_cast<std::size_t>(text.size()));
        std::memcpy(out.data() + text.size(), "&k=", 3);
        std::memcpy(out.data() + text.size() + 3, encoded.data(), kLinkSecretTextLength);
        sodium_memzero(encoded.data(), encoded.size());
    } else {
        out = SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(text.constData()),
                                     static_cast<std::size_t>(text.size())});
    }
    if (static_cast<qsizetype>(out.size()) > kMaxLinkLength)
        return invalid(u"the link is too long"_s);
    return out;
}

Result<EnrolmentLink> parseEnrolmentLink(QByteArrayView uri)
{
    if (uri.size() > kMaxLinkLength)
        return invalid(u"it is longer than %1 characters"_s.arg(kMaxLinkLength));
    EnrolmentLink link;
    QByteArrayView rest;
    if (uri.startsWith("companion:enrol?")) {
        link.kind = LinkKind::Enrol;
        rest = uri.sliced(16);
    } else if (uri.startsWith("companion:join?")) {
        link.kind = LinkKind::Join;
        rest = uri.sliced(15);
    } else {
        return invalid(u"it does not start with companion:enrol or companion:join"_s);
    }
    QByteArrayView version, server, code, fingerprint, secret;
    bool hasVersion = false, hasServer = false, hasCode = false, hasFingerprint = false,
         hasSecret = false;
    if (rest.isEmpty() || rest.endsWith('&'))
        return invalid(u"a parameter has no name or value"_s);
    while (!rest.isEmpty()) {
        const qsizetype amp = rest.indexOf('&');
        const QByteArrayView pair = amp < 0 ? rest : rest.first(amp);
        rest = amp < 0 ? QByteArrayView() : rest.sliced(amp + 1);
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            return invalid(u"a parameter has no name or value"_s);
        const QByteArrayView name = pair.first(eq);
        const QByteArrayView value = pair.sliced(eq + 1);
        const auto take = [&](QByteArrayView &slot, bool &seen) -> bool {
            if (seen)
                return false;
            seen = true;
            slot = value;
            return true;
        };
        bool ok = false;
        if (name == "v")
            ok = take(version, hasVersion);
        else if (name == "s")
            ok = take(server, hasServer);
        else if (name == "c")
            ok = take(code, hasCode);
        else if (name == "f")
            ok = take(fingerprint, hasFingerprint);
        else if (name == "k" && link.kind == LinkKind::Join)
            ok = take(secret, hasSecret);
        else
            return invalid(u"unknown parameter"_s);
        if (!ok)
            return invalid(u"a parameter appears twice"_s);
    }
    if (!hasVersion)
        return invalid(u"no version"_s);
    if (version != "1") {
        bool numeric = false;
        const int v = QByteArray(version.data(), version.size()).toInt(&numeric);
        if (numeric && v > kLinkVersion)
            return makeError(ErrorCode::Unsupported,
                             u"this code was made by a newer version of Companion; update the "
                             u"app and scan it again"_s);
        return invalid(u"unknown version"_s);
    }
    if (!hasServer || !hasCode || !hasFingerprint || (link.kind == LinkKind::Join && !hasSecret))
        return invalid(u"a part is missing"_s);
    auto url = checkServerUrl(QString::fromUtf8(
        QByteArray::fromPercentEncoding(QByteArray(server.data(), server.size()))));
    if (!url)
        return url.error();
    link.serverUrl = *url;
    link.code = QString::fromLatin1(code.data(), code.size());
    if (code.size() > 64 || !isWellFormedEnrolmentCode(link.code))
        return invalid(u"the code is not 20 symbols"_s);
    link.fingerprint = QString::fromLatin1(fingerprint.data(), fingerprint.size());
    if (!isFingerprint(link.fingerprint))
        return invalid(u"the clinic key fingerprint is malformed"_s);
    if (link.kind == LinkKind::Join) {
        if (secret.size() != kLinkSecretTextLength)
            return invalid(u"the link secret is malformed"_s);
        SecretBytes bytes(kLinkSecretSize);
        std::size_t length = 0;
        if (sodium_base642bin(bytes.data(), bytes.size(), secret.data(),
                              static_cast<std::size_t>(secret.size()), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
            length != kLinkSecretSize)
            return invalid(u"the link secret is malformed"_s);
        link.linkSecret = std::move(bytes);
    }
    return link;
}

} // namespace companion::protocol
