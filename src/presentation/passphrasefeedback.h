#pragma once

#include "crypto/passphrasestrength.h"

#include <QVariantMap>

namespace companion::presentation {

// Turns a strength estimate into the translated words the create/change-passphrase forms show:
// {score, acceptable, label, hint}.
QVariantMap passphraseFeedback(const crypto::PassphraseStrength &strength);

} // namespace companion::presentation
