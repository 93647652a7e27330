#include "sync/vaultkeyslots.h"

#include "protocol/keys.h"

using namespace Qt::StringLiterals;

namespace companion::sync::vaultkeyslots {

namespace {

Result<protocol::Id16> vaultIdOf(const Account &account)
{
    if (account.vaultRootKey.size() != protocol::kKeySize)
        return makeError(ErrorCode::Damaged, u"the stored vault key is damaged"_s);
    auto vault = protocol::idFromHex(account.vaultId);
    if (!vault)
        return makeError(ErrorCode::Damaged, u"the stored enrolment is damaged"_s);
    return *vault;
}

} // namespace

Result<crypto::RecoveryKey> replaceRecoverySlot(ClinicClient &client, const Account &account)
{
    auto vault = vaultIdOf(account);
    if (!vault)
        return vault.error();
    crypto::RecoveryKey key = crypto::RecoveryKey::generate();
    auto wrapped = protocol::wrapVaultRootKey(key.wrappingKey(), account.vaultRootKey, *vault,
                                              protocol::VaultKeySlot::Recovery, account.keyEpoch);
    if (!wrapped)
        return wrapped.error();
    // The slot's epoch is the vault key's, as at enrolment: a joining device checks the wrap
    // against the epoch the server lists with it.
    COMPANION_TRY(client.putKeyBlob(QString::fromLatin1(protocol::kRecoverySlot), account.keyEpoch,
                                    *wrapped));
    return key;
}

Result<void> resealPassphraseSlot(ClinicClient &client, const Account &account,
                                  const SecretBytes &passphrase)
{
    auto vault = vaultIdOf(account);
    if (!vault)
        return vault.error();
    auto sealed = protocol::sealVaultKeyForPassphrase(passphrase, account.vaultRootKey, *vault,
                                                      account.keyEpoch);
    if (!sealed)
        return sealed.error();
    return client.putKeyBlob(QString::fromLatin1(protocol::kPassphraseSlot), account.keyEpoch,
                             *sealed);
}

} // namespace companion::sync::vaultkeyslots
