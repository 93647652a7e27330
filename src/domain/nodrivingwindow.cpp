#include "domain/nodrivingwindow.h"

#include "domain/preparationplan.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

// A window that ended more than this long ago is no longer shown.
constexpr qint64 kShowEndedForSeconds = 24 * 3600;

QString localTimeText(const QDateTime &time, const QTimeZone &zone)
{
    // "Tue 10 Mar 08:00" / "mar 10 mar 08:00": day and time on a 24-hour clock, with day and month
    // names in the UI language (the app sets the default locale; see presentation/language.h).
    return QLocale().toString(time.toTimeZone(zone), u"ddd d MMM HH:mm"_s);
}

} // namespace

const MorningCheck *latestCheckFor(const std::vector<MorningCheck> &checks,
                                   const RecordId &appointmentId)
{
    const MorningCheck *latest = nullptr;
    for (const MorningCheck &check : checks) {
        if (check.appointmentId == appointmentId &&
            (!latest || latest->answeredAt < check.answeredAt))
            latest = &check;
    }
    return latest;
}

bool checkCountsAsMorningAfter(const NoDrivingWindow &window, const MorningCheck &check,
                               const QTimeZone &zone)
{
    return check.answeredAt >= window.startsAt &&
           check.answeredAt.toTimeZone(zone).date() > window.startsAt.toTimeZone(zone).date();
}

NoDrivingWindow noDrivingWindow(const ClinicProtocol &protocol, const Appointment &appointment,
                                const MorningCheck *check, const QTimeZone &zone)
{
    NoDrivingWindow window;
    window.appointmentId = appointment.id;
    window.startsAt = appointment.body.endsAt().toUTC();
    window.minimumEndsAt = window.startsAt.addSecs(3600LL * protocol.noDrivingMinimumHours);
    const QDate endDay = window.startsAt.toTimeZone(zone).date();
    window.nextMorningAt =
        QDateTime(endDay.addDays(1), protocol.noDrivingUntilNextDayAt, zone).toUTC();
    window.ruleEndsAt = std::max(window.minimumEndsAt, window.nextMorningAt);
    window.endsAt = window.ruleEndsAt;
    if (check && checkCountsAsMorningAfter(window, *check, zone)) {
        window.checkReceived = true;
        window.checkSaysNotReady = !(check->slept && check->clearHeaded);
        if (!window.checkSaysNotReady && check->answeredAt < window.ruleEndsAt) {
            // The check-in ends the window when it is given, never before the minimum.
            window.endsAt = std::max(window.minimumEndsAt, check->answeredAt);
            window.endedEarlyByCheck = window.endsAt < window.ruleEndsAt;
        }
    }
    return window;
}

NoDrivingStatus noDrivingStatus(const ClinicProtocol &protocol,
                                const std::vector<Appointment> &appointments,
                                const std::vector<MorningCheck> &checks, const QDateTime &now,
                                const QTimeZone &zone)
{
    NoDrivingStatus status;
    const Appointment *latest = nullptr;
    for (const Appointment &appointment : appointments) {
        if (appointment.cancelled() || appointment.body.startsAt > now)
            continue;
        if (!latest || latest->body.startsAt < appointment.body.startsAt)
            latest = &appointment;
    }
    if (!latest)
        return status;
    const NoDrivingWindow window =
        noDrivingWindow(protocol, *latest, latestCheckFor(checks, latest->id), zone);
    if (now < window.startsAt) {
        status.state = NoDrivingState::Upcoming;
        status.secondsRemaining = now.secsTo(window.startsAt);
    } else if (now < window.endsAt) {
        status.state = NoDrivingState::Active;
        status.secondsRemaining = now.secsTo(window.endsAt);
    } else if (window.endsAt.secsTo(now) < kShowEndedForSeconds) {
        status.state = NoDrivingState::Ended;
    } else {
        return status;
    }
    status.window = window;
    status.message = noDrivingMessage(protocol, status, zone);
    return status;
}

QString noDrivingMessage(const ClinicProtocol &protocol, const NoDrivingStatus &status,
                         const QTimeZone &zone)
{
    if (!status.window)
        return {};
    const NoDrivingWindow &window = *status.window;
    switch (status.state) {
    case NoDrivingState::None:
        return {};
    case NoDrivingState::Upcoming:
        return QCoreApplication::translate("NoDriving",
                                           "After your infusion, do not drive until %1 at the "
                                           "earliest. Someone else drives you home.")
            .arg(localTimeText(window.ruleEndsAt, zone));
    case NoDrivingState::Active: {
        QString text =
            QCoreApplication::translate("NoDriving", "Do not drive until %1 (%2 from now).")
                .arg(localTimeText(window.endsAt, zone), durationWords(status.secondsRemaining));
        text += u' ';
        if (window.checkSaysNotReady)
            text += QCoreApplication::translate(
                "NoDriving",
                "You said you did not sleep well or do not feel clear-headed: wait "
                "until you feel fully alert, and call your clinic if it does not pass.");
        else if (window.checkReceived)
            text += QCoreApplication::translate(
                "NoDriving",
                "Thank you for your check-in. Your clinic's minimum of %n "
                "hours after the infusion still applies.",
                nullptr, protocol.noDrivingMinimumHours);
        else
            text += QCoreApplication::translate(
                "NoDriving", "The effects can last longer than they feel. Answer "
                             "the morning check-in when you wake up.");
        return text;
    }
    case NoDrivingState::Ended:
        if (window.checkSaysNotReady)
            return QCoreApplication::translate(
                "NoDriving",
                "The no-driving window has ended, but you said you did not sleep well "
                "or do not feel clear-headed. Do not drive until you feel fully alert; "
                "call your clinic if it does not pass.");
        return protocol.reminders.texts.noDrivingEnded;
    }
    return {};
}

QString noDrivingStateName(NoDrivingState state)
{
    switch (state) {
    case NoDrivingState::None:
        return u"none"_s;
    case NoDrivingState::Upcoming:
        return u"upcoming"_s;
    case NoDrivingState::Active:
        return u"active"_s;
    case NoDrivingState::Ended:
        return u"ended"_s;
    }
    return {};
}

} // namespace companion::domain
