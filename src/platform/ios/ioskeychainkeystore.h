#pragma once

#include "platform/keystore.h"

namespace companion::platform {

// iOS: a random 32-byte device key kept in the Keychain as a generic-password item with
// kSecAttrAccessibleWhenUnlockedThisDeviceOnly (readable only while the phone is unlocked, never
// in an iCloud or iTunes backup, never migrated to another phone), and the key file sealed with
// it by libsodium's XChaCha20-Poly1305. The Keychain has no "encrypt with a key you keep" call
// for symmetric keys (the Secure Enclave holds only P-256 keys), hence this shape.
//
// Built only for iOS (Qt for iOS, Xcode); not compiled or tested on the Linux CI machine.
class IosKeychainKeyStore final : public KeyStore
{
public:
    bool available() const override { return true; }
    QString backend() const override;
    Result<QByteArray> seal(const QByteArray &plain, const QByteArray &associatedData) override;
    Result<QByteArray> unseal(const QByteArray &sealed, const QByteArray &associatedData) override;
};

} // namespace companion::platform
