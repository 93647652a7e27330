#pragma once

#include <QLoggingCategory>

// Logging categories. Log events and error codes, never values: no patient text, passphrase,
// key, token or SQL bound value may be passed to any of these (docs/threat-model.md, "Logs").
Q_DECLARE_LOGGING_CATEGORY(lcProfile)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
