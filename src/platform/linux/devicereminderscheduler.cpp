#include "platform/filereminderscheduler.h"
#include "platform/schedulefile.h"

namespace companion::platform {

std::unique_ptr<ReminderScheduler> createDeviceReminderScheduler(const QString &profileDirectory)
{
    // Desktops: the schedule file that the background reminder service (`companion-cli
    // reminders daemon`) reads while the app is closed.
    return std::make_unique<FileReminderScheduler>(scheduleFilePath(profileDirectory));
}

} // namespace companion::platform
