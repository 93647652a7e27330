#pragma once

#include "platform/reminderscheduler.h"

#include <QString>

namespace companion::platform {

// Linux desktop scheduling: the plan goes into the schedule file, and the background reminder
// service (`companion-cli reminders daemon`, started at login by the opt-in autostart entry)
// delivers it through org.freedesktop.Notifications. The service needs no passphrase: the file
// holds only times, opaque ids and the generic text.
class FileReminderScheduler final : public ReminderScheduler
{
public:
    explicit FileReminderScheduler(QString path);
    Result<void> replaceAll(const std::vector<ScheduledReminder> &reminders) override;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace companion::platform
