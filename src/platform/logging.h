#pragma once

#include <QLoggingCategory>

// Reminder delivery logs events only ("delivered 2 reminders"), never reminder text or ids.
Q_DECLARE_LOGGING_CATEGORY(lcReminders)
