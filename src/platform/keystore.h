#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace companion::platform {

// The operating system's key store, used to bind the profile's key file to this device
// (docs/adr/0020). seal() encrypts bytes under a key that never leaves the key store (Android
// Keystore, non-exportable AES-256-GCM; iOS Keychain item "when unlocked, this device only");
// unseal() reverses it. A key file copied off the phone (a backup, a forensic image without
// the secure hardware) then cannot be attacked offline: every passphrase guess needs the phone.
//
// The bytes sealed here are the key file, which holds the database key wrapped by the
// passphrase (and the recovery key): never a plaintext key, so nothing secret crosses JNI.
//
// Implementations:
//   PassphraseOnlyKeyStore  Linux desktop: no OS key store is used, exactly as before (the key
//                           file is protected by the passphrase alone); available() is false
//   AndroidKeyStore         Android Keystore through JNI (src/platform/android)
//   IosKeychainKeyStore     iOS Keychain + libsodium (src/platform/ios)
class KeyStore
{
public:
    virtual ~KeyStore() = default;
    // False when this platform has no device key store: callers keep the plain key file.
    virtual bool available() const = 0;
    // A short English name for logs and the docs ("android-keystore"); never a key.
    virtual QString backend() const = 0;
    // The associated data is authenticated, not encrypted: a sealed blob cannot be moved to
    // another purpose. Errors: Unsupported (no key store), Io (the key store refused).
    virtual Result<QByteArray> seal(const QByteArray &plain, const QByteArray &associatedData) = 0;
    // Damaged when the blob fails authentication or the device key is gone (a different
    // device, a factory reset, a restored backup); Unsupported when there is no key store.
    virtual Result<QByteArray> unseal(const QByteArray &sealed,
                                      const QByteArray &associatedData) = 0;
};

// The key store of the platform this binary is built for (one per process; the composition
// root owns it).
std::unique_ptr<KeyStore> createDeviceKeyStore();

} // namespace companion::platform
