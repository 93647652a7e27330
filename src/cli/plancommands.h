#pragma once

#include "cli/arguments.h"
#include "cli/console.h"
#include "common/clock.h"
#include "common/result.h"
#include "domain/appointment.h"
#include "domain/nodrivingwindow.h"
#include "domain/preparationplan.h"
#include "domain/reminderplanner.h"
#include "platform/reminderscheduler.h"
#include "storage/profile.h"

#include <QJsonObject>
#include <QTimeZone>

#include <vector>

namespace companion::cli {

// The infusion plan: appointments, the preparation checklist, the ride, the no-driving window,
// reminders and the calendar export. Commands that change the plan also rewrite the reminder
// schedule file in the profile folder, so the background reminder service (reminders daemon)
// picks the change up without the passphrase. Messages name options, never values typed.

// Commands that unlock the profile (dispatched from runWithProfile).
Result<void> runPlanCommand(const CliArguments &args, storage::Profile &profile,
                            const Console &console, const Clock &clock);
// export --format ics
Result<void> runExportIcs(const CliArguments &args, storage::Profile &profile,
                          const Console &console, const Clock &clock);
// reminders daemon / reminders autostart on|off: the profile folder only, no passphrase.
Result<void> runRemindersDaemon(const CliArguments &args, const Console &console);
Result<void> runRemindersAutostart(const CliArguments &args, const Console &console);

// Pieces worth testing without a process.
Result<QTimeZone> parseTimeZone(const QString &text); // empty: the system's zone
Result<bool> parseYesNo(const QString &text, const QString &option);
std::vector<platform::ScheduledReminder> toScheduled(const std::vector<domain::Reminder> &plan);
QJsonObject appointmentToJson(const domain::Appointment &appointment);
QJsonObject checklistItemToJson(const domain::ChecklistItem &item);
QJsonObject reminderToJson(const domain::Reminder &reminder);
QJsonObject noDrivingToJson(const domain::NoDrivingStatus &status);

} // namespace companion::cli
