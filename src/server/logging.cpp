#include "server/logging.h"

Q_LOGGING_CATEGORY(lcServer, "companion.server", QtInfoMsg)
