#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace companion::platform {

// What the operating system is asked to fire: an opaque id, a time, and the generic text. This
// is everything that leaves the encrypted profile for reminders — no appointment details, no
// checklist titles, no driver names — because the operating system must be able to fire it
// while the profile is locked or the app is closed.
struct ScheduledReminder
{
    QString id;       // opaque (a hash), stable for the same reminder across moves
    QDateTime fireAt; // UTC
    QString text;     // generic ("You have a reminder from Companion")

    friend bool operator==(const ScheduledReminder &, const ScheduledReminder &) = default;
};

// Hands the planned reminders to the platform. replaceAll is called after every change that
// can change the plan (appointment added/moved/cancelled, item checked, ride confirmed, morning
// check) with the complete future list; implementations cancel what is no longer in it.
//
// Implementations:
//   FileReminderScheduler    Linux desktop: an atomic 0600 schedule file that the background
//                            reminder service (ReminderDaemon + DbusNotifier) reads
//   AndroidReminderScheduler AlarmManager + NotificationManager (src/platform/android)
//   IosReminderScheduler     UNUserNotificationCenter (src/platform/ios)
class ReminderScheduler
{
public:
    virtual ~ReminderScheduler() = default;
    virtual Result<void> replaceAll(const std::vector<ScheduledReminder> &reminders) = 0;
};

// The scheduler of the platform the app runs on, so the composition root never names one:
// Android's AlarmManager, iOS's UNUserNotificationCenter, and on desktops the schedule file
// in the profile folder that the background reminder service reads. Each platform's source
// defines it (linux/devicereminderscheduler.cpp, android/, ios/).
std::unique_ptr<ReminderScheduler> createDeviceReminderScheduler(const QString &profileDirectory);

} // namespace companion::platform
