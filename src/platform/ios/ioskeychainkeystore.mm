#include "platform/ios/ioskeychainkeystore.h"

#include "common/secretbytes.h"

#import <Foundation/Foundation.h>
#import <Security/Security.h>

#include <sodium.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace companion::platform {

namespace {

NSString *const kService = @"org.companionapp.Companion.device-key";
NSString *const kAccount = @"key-file-seal.v1";
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

NSMutableDictionary *itemQuery()
{
    return [@{
        (__bridge id)kSecClass : (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService : kService,
        (__bridge id)kSecAttrAccount : kAccount,
    } mutableCopy];
}

// The device key, created on first use. CFData's own copy cannot be wiped (a Security framework
// limitation); ours lives in SecretBytes. `status` tells "no key" from "not readable now".
std::optional<SecretBytes> deviceKey(bool create, OSStatus *status)
{
    NSMutableDictionary *query = itemQuery();
    query[(__bridge id)kSecReturnData] = @YES;
    query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
    CFTypeRef found = nullptr;
    *status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &found);
    if (*status == errSecSuccess && found) {
        NSData *data = (__bridge_transfer NSData *)found;
        if (data.length != kKeyBytes)
            return std::nullopt;
        return SecretBytes::fromView(
            {static_cast<const std::uint8_t *>(data.bytes), static_cast<std::size_t>(data.length)});
    }
    if (*status != errSecItemNotFound || !create)
        return std::nullopt;

    SecretBytes key(kKeyBytes);
    randombytes_buf(key.data(), key.size());
    NSMutableDictionary *item = itemQuery();
    item[(__bridge id)kSecValueData] = [NSData dataWithBytes:key.data() length:key.size()];
    // Readable only while the phone is unlocked; excluded from backups and device migration.
    item[(__bridge id)kSecAttrAccessible] =
        (__bridge id)kSecAttrAccessibleWhenUnlockedThisDeviceOnly;
    item[(__bridge id)kSecAttrSynchronizable] = @NO;
    *status = SecItemAdd((__bridge CFDictionaryRef)item, nullptr);
    if (*status != errSecSuccess)
        return std::nullopt;
    return key;
}

} // namespace

QString IosKeychainKeyStore::backend() const
{
    return u"ios-keychain"_s;
}

Result<QByteArray> IosKeychainKeyStore::seal(const QByteArray &plain,
                                             const QByteArray &associatedData)
{
    OSStatus status = errSecSuccess;
    auto key = deviceKey(true, &status);
    if (!key)
        return makeError(ErrorCode::Io, u"the iOS Keychain refused to keep the device key"_s);
    // nonce || ciphertext+tag
    QByteArray sealed(static_cast<qsizetype>(kNonceBytes + plain.size() + kTagBytes),
                      Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, kNonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out + kNonceBytes, &written, reinterpret_cast<const unsigned char *>(plain.constData()),
        static_cast<unsigned long long>(plain.size()),
        reinterpret_cast<const unsigned char *>(associatedData.constData()),
        static_cast<unsigned long long>(associatedData.size()), nullptr, out, key->data());
    return sealed;
}

Result<QByteArray> IosKeychainKeyStore::unseal(const QByteArray &sealed,
                                               const QByteArray &associatedData)
{
    const auto damaged = makeError(ErrorCode::Damaged,
                                   u"the iOS Keychain cannot open the key file (altered, or from "
                                   u"another device)"_s);
    if (static_cast<std::size_t>(sealed.size()) < kNonceBytes + kTagBytes)
        return damaged;
    OSStatus status = errSecSuccess;
    auto key = deviceKey(false, &status);
    // Locked phone: the item exists but is not readable yet. Not damage: try again after unlock.
    if (!key && status == errSecInteractionNotAllowed)
        return makeError(ErrorCode::Io,
                         u"the iOS Keychain is not readable while the phone is locked"_s);
    if (!key)
        return damaged;
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(static_cast<qsizetype>(sealed.size() - kNonceBytes - kTagBytes),
                     Qt::Uninitialized);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &written, nullptr, in + kNonceBytes,
            static_cast<unsigned long long>(sealed.size()) - kNonceBytes,
            reinterpret_cast<const unsigned char *>(associatedData.constData()),
            static_cast<unsigned long long>(associatedData.size()), in, key->data()) != 0)
        return damaged;
    return plain;
}

std::unique_ptr<KeyStore> createDeviceKeyStore()
{
    return std::make_unique<IosKeychainKeyStore>();
}

} // namespace companion::platform
