#pragma once

#include "platform/keystore.h"

namespace companion::platform {

// Linux desktop: no operating-system key store is involved, exactly as Companion has always
// worked there: the key file is protected by the passphrase (Argon2id) alone. Secret Service /
// KWallet would add little (the wallet opens with the login session, which is when an attacker
// at the keyboard has it too) and would tie the profile to one desktop session (docs/adr/0020).
class PassphraseOnlyKeyStore final : public KeyStore
{
public:
    bool available() const override { return false; }
    QString backend() const override;
    Result<QByteArray> seal(const QByteArray &plain, const QByteArray &associatedData) override;
    Result<QByteArray> unseal(const QByteArray &sealed, const QByteArray &associatedData) override;
};

} // namespace companion::platform
