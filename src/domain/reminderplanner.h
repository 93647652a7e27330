#pragma once

#include "domain/appointment.h"
#include "domain/protocol.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <vector>

namespace companion::domain {

// Reminder planning, pure: appointments + their checklists, rides and morning checks + the
// protocol + a time → the reminders still to fire. Nothing here schedules anything: the platform
// layer hands the result to the operating system (src/platform).
//
// What is planned for every scheduled (not cancelled) appointment:
//   checklist        each unchecked item with remind = true, at its due time (ride items are
//                    covered by the ride reminders, fasting items by the fasting reminder)
//   fasting          fastingLeadMinutes before the fasting cut-off ("last solid food by …")
//   ride_unconfirmed while the ride is missing or unconfirmed: the day before at
//                    rideDayBeforeAt and the morning of at rideMorningOfAt (or two hours
//                    before arrival, if that is earlier), on the patient's wall clock
//   morning_check    at the next morning's protocol hour, until a morning check is recorded
//   no_driving_ended when the no-driving window ends (not after a "not ready" check)

enum class ReminderKind { Checklist, Fasting, RideUnconfirmed, MorningCheck, NoDrivingEnded };

struct Reminder
{
    QString id; // opaque and stable for (appointment, kind, item): survives moves
    RecordId appointmentId;
    ReminderKind kind = ReminderKind::Checklist;
    QString itemId;   // checklist item, ride reminder "day_before"/"morning_of", else empty
    QDateTime fireAt; // UTC
    // Shown inside the unlocked app; may hold patient text (the driver's name).
    QString text;
    // The only text that may leave the encrypted profile (lock screen, schedule file).
    QString lockScreenText;
};

// Everything the planner reads; the storage layer fills it in one go.
struct PlanInputs
{
    std::vector<Appointment> appointments;
    std::vector<ChecklistState> checklists;
    std::vector<RidePlan> rides;
    std::vector<MorningCheck> morningChecks;

    const ChecklistState *checklistFor(const RecordId &appointmentId) const;
    const RidePlan *rideFor(const RecordId &appointmentId) const;
};

// Reminders with fireAt >= `from` (all of them when `from` is invalid), sorted by time then id.
std::vector<Reminder> planReminders(const ClinicProtocol &protocol, const PlanInputs &inputs,
                                    const QDateTime &from, const QTimeZone &zone);

// The reminders of one appointment, past ones included (the calendar export's alarms).
std::vector<Reminder> remindersFor(const ClinicProtocol &protocol, const PlanInputs &inputs,
                                   const Appointment &appointment, const QTimeZone &zone);

QString reminderKindName(ReminderKind kind);
// sha256("companion.reminder.v1|<appointment>|<kind>|<item>"), first 16 bytes in hex.
QString reminderId(const RecordId &appointmentId, ReminderKind kind, const QString &itemId);

} // namespace companion::domain
