#pragma once

#include "common/result.h"
#include "platform/reminderscheduler.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace companion::platform {

// The schedule file: what the background reminder service needs to fire reminders while the
// profile is locked, and nothing more.
//
//   {"format": 1, "reminders": [{"id": "<opaque>", "fireAt": "2026-03-10T04:00:00.000Z",
//                                "text": "You have a reminder from Companion"}]}
//
// Written atomically (a new file created with mode 0600 next to it, fsync, rename, fsync of the
// folder), so a reader never sees half a schedule and no other user can read it. It sits in
// the profile folder (mode 0700) beside profile.db. Readers refuse files over 1 MiB, bad
// formats, and texts over 200 characters.
inline constexpr qsizetype kMaxScheduleFileBytes = 1024 * 1024;
inline constexpr qsizetype kMaxScheduledTextLength = 200;
inline constexpr int kMaxScheduledReminders = 2000;

QString scheduleFilePath(const QString &profileDirectory); // <dir>/reminders.json

Result<void> writeScheduleFile(const QString &path,
                               const std::vector<ScheduledReminder> &reminders);
// A missing file is an empty schedule.
Result<std::vector<ScheduledReminder>> readScheduleFile(const QString &path);

// Writes `bytes` to `path` atomically with mode 0600 (shared with the delivered-state file and
// the autostart entry).
Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes, int mode = 0600);

} // namespace companion::platform
