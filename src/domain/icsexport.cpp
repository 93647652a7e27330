#include "domain/icsexport.h"

#include "domain/nodrivingwindow.h"
#include "domain/preparationplan.h"

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

constexpr int kMaxLineOctets = 75;

class Writer
{
public:
    void line(const QString &text) { m_out += icsFold(text.toUtf8()) + "\r\n"; }
    void property(const QString &name, const QString &value) { line(name + u':' + value); }
    void text(const QString &name, const QString &value) { line(name + u':' + icsEscape(value)); }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

QString uidOf(const Appointment &appointment, const QString &suffix = {})
{
    return appointment.id.toString() + suffix + u"@companion"_s;
}

void writeAlarm(Writer &out, const Reminder &reminder)
{
    out.line(u"BEGIN:VALARM"_s);
    out.property(u"ACTION"_s, u"DISPLAY"_s);
    out.property(u"TRIGGER;VALUE=DATE-TIME"_s, icsUtc(reminder.fireAt));
    out.text(u"DESCRIPTION"_s, reminder.text);
    out.line(u"END:VALARM"_s);
}

} // namespace

QString icsEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u';':
            out += u"\\;"_s;
            break;
        case u',':
            out += u"\\,"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            break; // CRLF in the source becomes one \n
        default:
            // Other control characters are not allowed in TEXT values.
            if (c.unicode() >= 0x20 || c == u'\t')
                out += c;
            break;
        }
    }
    return out;
}

QByteArray icsFold(const QByteArray &line)
{
    QByteArray out;
    qsizetype start = 0;
    int limit = kMaxLineOctets; // the first line has 75 octets; continuations 74 after the space
    while (line.size() - start > limit) {
        qsizetype cut = start + limit;
        // Never split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
        while (cut > start && (static_cast<unsigned char>(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out += line.mid(start, cut - start) + "\r\n ";
        start = cut;
        limit = kMaxLineOctets - 1;
    }
    out += line.mid(start);
    return out;
}

QString icsUtc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
}

QByteArray buildIcs(const ClinicProtocol &protocol, const PlanInputs &inputs,
                    const QDateTime &stamp, const QTimeZone &zone)
{
    const ReminderTexts &texts = protocol.reminders.texts;
    Writer out;
    out.line(u"BEGIN:VCALENDAR"_s);
    out.property(u"VERSION"_s, u"2.0"_s);
    out.property(u"PRODID"_s, u"-//Companion//Companion Calendar Export 1//EN"_s);
    out.property(u"CALSCALE"_s, u"GREGORIAN"_s);
    out.property(u"METHOD"_s, u"PUBLISH"_s);
    for (const Appointment &appointment : inputs.appointments) {
        const AppointmentBody &body = appointment.body;
        const QString sequence =
            QString::number(std::max<std::int64_t>(0, appointment.version - 1));
        const QString status = appointment.cancelled() ? u"CANCELLED"_s : u"CONFIRMED"_s;
        const FastingCountdown fasting = fastingCountdown(protocol, body, stamp);
        const RidePlan *ride = inputs.rideFor(appointment.id);

        out.line(u"BEGIN:VEVENT"_s);
        out.property(u"UID"_s, uidOf(appointment));
        out.property(u"DTSTAMP"_s, icsUtc(stamp));
        out.property(u"SEQUENCE"_s, sequence);
        out.property(u"STATUS"_s, status);
        out.property(u"DTSTART"_s, icsUtc(body.startsAt));
        out.property(u"DTEND"_s, icsUtc(body.endsAt()));
        out.text(u"SUMMARY"_s, texts.appointmentTitle);
        if (!body.location.isEmpty())
            out.text(u"LOCATION"_s, body.location);
        const QString hhmm = u"HH:mm"_s;
        QString description =
            u"Arrive %1 minutes early.\nNo solid food from %2; clear fluids until %3.\n"_s.arg(
                QString::number(protocol.arrivalMinutesEarly),
                fasting.solidFoodUntil.toTimeZone(zone).toString(hhmm),
                fasting.clearFluidsUntil.toTimeZone(zone).toString(hhmm));
        description += ride && ride->confirmed ? u"Ride home: confirmed."_s
                                               : u"Ride home: not confirmed yet."_s;
        out.text(u"DESCRIPTION"_s, description);
        out.property(u"TRANSP"_s, u"OPAQUE"_s);
        if (!appointment.cancelled()) {
            for (const Reminder &reminder : remindersFor(protocol, inputs, appointment, zone)) {
                if (reminder.kind != ReminderKind::Fasting &&
                    reminder.kind != ReminderKind::RideUnconfirmed)
                    continue;
                Reminder generic = reminder;
                // The calendar may be shared or synced: no driver's name in it.
                if (reminder.kind == ReminderKind::RideUnconfirmed) {
                    generic.text = texts.rideUnconfirmed;
                    generic.text.replace(u"{driver}"_s, u"your driver"_s);
                }
                writeAlarm(out, generic);
            }
        }
        out.line(u"END:VEVENT"_s);

        const NoDrivingWindow window = noDrivingWindow(
            protocol, appointment, latestCheckFor(inputs.morningChecks, appointment.id), zone);
        out.line(u"BEGIN:VEVENT"_s);
        out.property(u"UID"_s, uidOf(appointment, u"-no-driving"_s));
        out.property(u"DTSTAMP"_s, icsUtc(stamp));
        out.property(u"SEQUENCE"_s, sequence);
        out.property(u"STATUS"_s, status);
        out.property(u"DTSTART"_s, icsUtc(window.startsAt));
        out.property(u"DTEND"_s, icsUtc(window.endsAt));
        out.text(u"SUMMARY"_s, texts.noDrivingTitle);
        out.text(u"DESCRIPTION"_s,
                 u"Do not drive during this time: at least %1 hours after the infusion and "
                 u"until %2 the next morning. Then drive only if you feel fully alert."_s.arg(
                     QString::number(protocol.noDrivingMinimumHours),
                     protocol.noDrivingUntilNextDayAt.toString(hhmm)));
        out.property(u"TRANSP"_s, u"TRANSPARENT"_s);
        out.line(u"END:VEVENT"_s);
    }
    out.line(u"END:VCALENDAR"_s);
    return out.take();
}

} // namespace companion::domain
