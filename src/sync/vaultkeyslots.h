#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/recoverykey.h"
#include "sync/clinicclient.h"
#include "sync/syncstore.h"

// The vault key slots a patient's devices keep on the clinic server (docs/sync-protocol.md,
// "Key blobs"): replacing the data recovery key and re-sealing the passphrase slot after the
// profile passphrase changed (issue 6, ADR 0034). Kept apart from the push/pull path: these
// are rare, explicit actions of the patient and never run inside a sync.
namespace companion::sync::vaultkeyslots {

// Wraps the enrolled vault's root key under a freshly generated data recovery key and replaces
// the server's recovery slot with it (one PUT: the server swaps the slot in one transaction, so
// the old key opens nothing once this returns, and still does if it fails). A vault enrolled
// before the recovery slot existed gets one. The key is returned to be shown once.
Result<crypto::RecoveryKey> replaceRecoverySlot(ClinicClient &client, const Account &account);

// Seals the vault root key under `passphrase` and replaces the server's passphrase slot, so a
// new device joins with the passphrase this profile has now, not the one it had at enrolment.
Result<void> resealPassphraseSlot(ClinicClient &client, const Account &account,
                                  const SecretBytes &passphrase);

} // namespace companion::sync::vaultkeyslots
