#pragma once

#include "platform/keystore.h"

namespace companion::platform {

// Android Keystore: a non-exportable AES-256-GCM key (StrongBox where the phone has one, else
// the TEE) seals the key file. The Java side is
// platforms/android/src/org/companionapp/companion/DeviceKeyStore.java; only the key file's
// bytes (already passphrase-wrapped) cross JNI, never a plaintext key.
//
// The key is not bound to user authentication (setUserAuthenticationRequired): Android
// invalidates such keys for good when the screen lock is removed or a fingerprint is added,
// which would make the profile unopenable; the passphrase already is the user authentication.
// DeviceKeyStore.java has the switch for a deployment that wants it (docs/adr/0020).
//
// Built only for Android (Qt for Android, NDK); not compiled or tested on the Linux CI machine.
class AndroidKeyStore final : public KeyStore
{
public:
    bool available() const override;
    QString backend() const override;
    Result<QByteArray> seal(const QByteArray &plain, const QByteArray &associatedData) override;
    Result<QByteArray> unseal(const QByteArray &sealed, const QByteArray &associatedData) override;
};

} // namespace companion::platform
