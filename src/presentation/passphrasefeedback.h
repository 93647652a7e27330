#pragma once

#include "common/secretbytes.h"
#include "crypto/passphrasestrength.h"

#include <QString>

#include <QVariantMap>

namespace companion::presentation {

// Turns a strength estimate into the translated words the create/change-passphrase forms show:
// {score, acceptable, label, hint}.
QVariantMap passphraseFeedback(const crypto::PassphraseStrength &strength);

// A passphrase typed into a QML TextField as wiped bytes. QML's own copy cannot be wiped, but
// this keeps no other one.
SecretBytes toSecret(const QString &text);

} // namespace companion::presentation
