#include "platform/logging.h"

Q_LOGGING_CATEGORY(lcReminders, "companion.reminders", QtInfoMsg)
