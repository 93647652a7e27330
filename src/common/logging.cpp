#include "common/logging.h"

Q_LOGGING_CATEGORY(lcProfile, "companion.profile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "companion.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "companion.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "companion.ui", QtInfoMsg)
