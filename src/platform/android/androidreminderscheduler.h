#pragma once

#include "platform/reminderscheduler.h"

namespace companion::platform {

// Android: AlarmManager alarms that post through NotificationManager, so reminders fire while
// the app is closed and the profile locked (and, re-armed by a boot receiver, after a restart).
// The Java side is platforms/android/src/org/companionapp/companion/ReminderScheduler.java; it
// stores the schedule (opaque ids, times, generic text: nothing else) in device-protected
// SharedPreferences so it can be re-armed before the first unlock after boot.
//
// Built only for Android (Qt for Android, NDK); not compiled or tested on the Linux CI machine.
class AndroidReminderScheduler final : public ReminderScheduler
{
public:
    Result<void> replaceAll(const std::vector<ScheduledReminder> &reminders) override;
};

} // namespace companion::platform
