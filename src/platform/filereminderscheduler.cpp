#include "platform/filereminderscheduler.h"

#include "platform/schedulefile.h"

namespace companion::platform {

FileReminderScheduler::FileReminderScheduler(QString path)
    : m_path(std::move(path))
{}

Result<void> FileReminderScheduler::replaceAll(const std::vector<ScheduledReminder> &reminders)
{
    return writeScheduleFile(m_path, reminders);
}

} // namespace companion::platform
