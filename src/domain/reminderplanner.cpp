#include "domain/reminderplanner.h"

#include "domain/nodrivingwindow.h"
#include "domain/preparationplan.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

Reminder make(const Appointment &appointment, ReminderKind kind, const QString &item,
              const QDateTime &at, QString text, const ClinicProtocol &protocol)
{
    return Reminder{reminderId(appointment.id, kind, item),
                    appointment.id,
                    kind,
                    item,
                    at.toUTC(),
                    std::move(text),
                    protocol.reminders.texts.lockScreen};
}

} // namespace

const ChecklistState *PlanInputs::checklistFor(const RecordId &appointmentId) const
{
    for (const ChecklistState &state : checklists) {
        if (state.appointmentId == appointmentId)
            return &state;
    }
    return nullptr;
}

const RidePlan *PlanInputs::rideFor(const RecordId &appointmentId) const
{
    for (const RidePlan &ride : rides) {
        if (ride.appointmentId == appointmentId)
            return &ride;
    }
    return nullptr;
}

std::vector<Reminder> remindersFor(const ClinicProtocol &protocol, const PlanInputs &inputs,
                                   const Appointment &appointment, const QTimeZone &zone)
{
    std::vector<Reminder> out;
    if (appointment.cancelled())
        return out;
    const AppointmentBody &body = appointment.body;
    const RidePlan *ride = inputs.rideFor(appointment.id);
    const ReminderTexts &texts = protocol.reminders.texts;

    for (const ChecklistItem &item :
         buildChecklist(protocol, body, inputs.checklistFor(appointment.id), ride, zone)) {
        if (item.checked || !item.remind)
            continue;
        if (item.category == u"ride")
            continue; // the ride reminders below say the same, with the driver
        if (item.category == u"fasting") {
            const QDateTime at = item.dueAt.addSecs(-60LL * protocol.reminders.fastingLeadMinutes);
            QString text = texts.fasting;
            text.replace(u"{time}"_s, item.dueAt.toTimeZone(zone).toString(u"HH:mm"_s));
            out.push_back(make(appointment, ReminderKind::Fasting, item.id, at, text, protocol));
            continue;
        }
        out.push_back(
            make(appointment, ReminderKind::Checklist, item.id, item.dueAt, item.title, protocol));
    }

    if (!ride || !ride->confirmed) {
        QString text = texts.rideUnconfirmed;
        text.replace(u"{driver}"_s,
                     ride && !ride->driverName.isEmpty() ? ride->driverName : u"your driver"_s);
        const QDate day = body.startsAt.toTimeZone(zone).date();
        const QDateTime dayBefore =
            QDateTime(day.addDays(-1), protocol.reminders.rideDayBeforeAt, zone).toUTC();
        const QDateTime arrival = anchorTime(protocol, body.startsAt, ChecklistAnchor::Arrival);
        const QDateTime morningOf =
            std::min(QDateTime(day, protocol.reminders.rideMorningOfAt, zone).toUTC(),
                     arrival.addSecs(-7200));
        out.push_back(make(appointment, ReminderKind::RideUnconfirmed, u"day_before"_s, dayBefore,
                           text, protocol));
        if (dayBefore < morningOf)
            out.push_back(make(appointment, ReminderKind::RideUnconfirmed, u"morning_of"_s,
                               morningOf, text, protocol));
    }

    const MorningCheck *check = latestCheckFor(inputs.morningChecks, appointment.id);
    const NoDrivingWindow window = noDrivingWindow(protocol, appointment, check, zone);
    if (!window.checkReceived)
        out.push_back(make(appointment, ReminderKind::MorningCheck, QString(), window.nextMorningAt,
                           texts.morningCheck, protocol));
    if (!window.checkSaysNotReady)
        out.push_back(make(appointment, ReminderKind::NoDrivingEnded, QString(), window.endsAt,
                           texts.noDrivingEnded, protocol));
    return out;
}

std::vector<Reminder> planReminders(const ClinicProtocol &protocol, const PlanInputs &inputs,
                                    const QDateTime &from, const QTimeZone &zone)
{
    std::vector<Reminder> all;
    for (const Appointment &appointment : inputs.appointments) {
        for (Reminder &reminder : remindersFor(protocol, inputs, appointment, zone)) {
            if (!from.isValid() || reminder.fireAt >= from)
                all.push_back(std::move(reminder));
        }
    }
    std::sort(all.begin(), all.end(), [](const Reminder &a, const Reminder &b) {
        return a.fireAt != b.fireAt ? a.fireAt < b.fireAt : a.id < b.id;
    });
    return all;
}

QString reminderKindName(ReminderKind kind)
{
    switch (kind) {
    case ReminderKind::Checklist:
        return u"checklist"_s;
    case ReminderKind::Fasting:
        return u"fasting"_s;
    case ReminderKind::RideUnconfirmed:
        return u"ride_unconfirmed"_s;
    case ReminderKind::MorningCheck:
        return u"morning_check"_s;
    case ReminderKind::NoDrivingEnded:
        return u"no_driving_ended"_s;
    }
    return {};
}

QString reminderId(const RecordId &appointmentId, ReminderKind kind, const QString &itemId)
{
    const QString key = u"companion.reminder.v1|"_s + appointmentId.toString() + u'|' +
                        reminderKindName(kind) + u'|' + itemId;
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).left(16).toHex());
}

} // namespace companion::domain
