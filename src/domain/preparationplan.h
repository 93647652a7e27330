#pragma once

#include "domain/appointment.h"
#include "domain/protocol.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace companion::domain {

// The preparation checklist of one appointment, generated from the clinic protocol's template.
// Due times are computed from the appointment's current start, so moving an appointment moves
// every due time, while the checked state (stored by item id) stays.
//
// Calendar-day offsets ("-P1D") are taken in the patient's time zone, which is passed in (never
// the machine's): "the day before at the same time" stays 10:00 across a daylight-saving change.

struct ChecklistItem
{
    QString id;
    QString title;
    QString detail;
    QString category;
    QDateTime dueAt; // UTC
    bool remind = true;
    bool checked = false;
    QDateTime checkedAt; // invalid when not checked
};

// When one of the protocol's anchors falls for an appointment starting at `start`.
QDateTime anchorTime(const ClinicProtocol &protocol, const QDateTime &start,
                     ChecklistAnchor anchor);
// `anchor` moved by `offset`: days on the wall clock of `zone`, then elapsed seconds. UTC.
QDateTime applyOffset(const QDateTime &anchor, const RelativeOffset &offset, const QTimeZone &zone);

// Items in due order (ties keep template order). `state` may be null (nothing checked yet).
// A "ride" item counts as checked when the ride is confirmed.
std::vector<ChecklistItem> buildChecklist(const ClinicProtocol &protocol,
                                          const AppointmentBody &appointment,
                                          const ChecklistState *state, const RidePlan *ride,
                                          const QTimeZone &zone);

// The fasting countdown: when solid food and clear fluids stop, and how long until then from
// `now` (negative once passed).
struct FastingCountdown
{
    QDateTime solidFoodUntil;
    QDateTime clearFluidsUntil;
    qint64 secondsToSolidCutoff = 0;
    qint64 secondsToFluidsCutoff = 0;
};
FastingCountdown fastingCountdown(const ClinicProtocol &protocol,
                                  const AppointmentBody &appointment, const QDateTime &now);

// "3 h 20 min", "45 min", "2 days 4 h": a countdown in plain words (never negative).
QString durationWords(qint64 seconds);

} // namespace companion::domain
