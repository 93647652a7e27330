#pragma once

#include "domain/appointment.h"
#include "domain/protocol.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace companion::domain {

// The no-driving window after an infusion (product feature 3, clinic protocol "noDriving"):
//
//   starts    at the end of the infusion (appointment start + duration)
//   rule end  the later of (end + minimum hours) and (the next calendar day at the protocol
//             hour, on the wall clock of the patient's time zone)
//   early end only a morning-after check-in answering "slept" and "clear-headed", given on a
//             calendar day after the infusion, ends it before the rule end; even then never
//             before end + minimum hours
//
// "Next day" is the calendar day after the day the infusion ended, so an infusion ending at
// 00:30 waits for the following morning as well: the cautious reading of "until the next day
// after restful sleep". Wording never gives permission to drive (see noDrivingMessage).

enum class NoDrivingState {
    None,     // no infusion to speak of (none yet, or the last window ended over a day ago)
    Upcoming, // the infusion is under way; the window starts at its end
    Active,
    Ended,
};

struct NoDrivingWindow
{
    RecordId appointmentId;
    QDateTime startsAt;      // infusion end
    QDateTime minimumEndsAt; // start + minimum hours
    QDateTime nextMorningAt; // next calendar day at the protocol hour, patient's zone
    QDateTime ruleEndsAt;    // max(minimumEndsAt, nextMorningAt)
    QDateTime endsAt;        // ruleEndsAt, or earlier through a morning check
    bool endedEarlyByCheck = false;
    bool checkReceived = false;     // a morning check counts toward this window
    bool checkSaysNotReady = false; // the latest check said "no" to sleep or clear-headed
};

// The window of one appointment, with its latest morning check (may be null).
NoDrivingWindow noDrivingWindow(const ClinicProtocol &protocol, const Appointment &appointment,
                                const MorningCheck *check, const QTimeZone &zone);

// Whether a check-in can end a window early: answered on a later calendar day than the infusion
// ended (in `zone`), and after the infusion.
bool checkCountsAsMorningAfter(const NoDrivingWindow &window, const MorningCheck &check,
                               const QTimeZone &zone);

struct NoDrivingStatus
{
    NoDrivingState state = NoDrivingState::None;
    std::optional<NoDrivingWindow> window;
    qint64 secondsRemaining = 0; // Active: until endsAt; Upcoming: until startsAt
    QString message;             // plain words; see noDrivingMessage
};

// The status at `now` for the most recent appointment that has started (cancelled ones are
// ignored). `checks` may hold several per appointment; the latest counts.
NoDrivingStatus noDrivingStatus(const ClinicProtocol &protocol,
                                const std::vector<Appointment> &appointments,
                                const std::vector<MorningCheck> &checks, const QDateTime &now,
                                const QTimeZone &zone);

// Plain words for the card. Never "you may drive" or "safe to drive": the window ending is
// not permission; the person decides once they feel fully alert.
QString noDrivingMessage(const ClinicProtocol &protocol, const NoDrivingStatus &status,
                         const QTimeZone &zone);

QString noDrivingStateName(NoDrivingState state);

// The latest check of `appointmentId` in `checks`, or null.
const MorningCheck *latestCheckFor(const std::vector<MorningCheck> &checks,
                                   const RecordId &appointmentId);

} // namespace companion::domain
