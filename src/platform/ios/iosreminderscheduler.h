#pragma once

#include "platform/reminderscheduler.h"

namespace companion::platform {

// iOS: local notifications through UNUserNotificationCenter, which the system delivers while the
// app is closed and the device locked. iOS keeps at most 64 pending requests per app, so the 64
// earliest are scheduled and the rest on the next replaceAll (every app start and plan change).
// The content is the generic text only. Permission is asked when the person turns reminders on
// (requestAuthorization), not here.
//
// Built only for iOS (Qt for iOS, Xcode); not compiled or tested on the Linux CI machine.
class IosReminderScheduler final : public ReminderScheduler
{
public:
    static constexpr std::size_t kMaxPending = 64;
    Result<void> replaceAll(const std::vector<ScheduledReminder> &reminders) override;
};

} // namespace companion::platform
