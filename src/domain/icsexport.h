#pragma once

#include "domain/protocol.h"
#include "domain/reminderplanner.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace companion::domain {

// The patient's appointments as an iCalendar file (RFC 5545) for their own calendar:
//
//   - one VEVENT per appointment, UID "<appointment id>@companion", SEQUENCE = the record's
//     version (a moved appointment replaces the imported one); cancelled appointments stay in
//     the file with STATUS:CANCELLED so a calendar that imported them drops them
//   - VALARMs (absolute triggers) for the fasting reminder and, while the ride is not
//     confirmed, the two ride reminders
//   - one VEVENT per appointment for the no-driving window, UID "<id>-no-driving@companion",
//     TRANSP:TRANSPARENT (it does not make the person "busy")
//
// Times are UTC ("…Z"): the instants are absolute, every client shows them in its own zone, and
// the file carries no VTIMEZONE that could disagree with the client's tz database (ADR 0010).
// The zone passed in only places wall-clock rules (the day before, the next morning).
// Text is escaped (\\ \; \, \n), lines are folded at 75 octets without splitting a UTF-8
// sequence, and every line ends in CRLF. Summaries use the protocol's neutral wording; no
// driver names or phone numbers go into the file.
QByteArray buildIcs(const ClinicProtocol &protocol, const PlanInputs &inputs,
                    const QDateTime &stamp, const QTimeZone &zone);

// Pieces worth testing alone.
QString icsEscape(const QString &text);
QByteArray icsFold(const QByteArray &line); // without the final CRLF
QString icsUtc(const QDateTime &time);      // 20260310T090000Z

} // namespace companion::domain
