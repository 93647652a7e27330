// The infusion plan's pure rules: protocol checklist template, record bodies, checklist due
// times across time zones and daylight-saving changes, the no-driving window, reminder
// planning, the course and the calendar export.
#include <catch2/catch.hpp>

#include "domain/appointment.h"
#include "domain/course.h"
#include "domain/icsexport.h"
#include "domain/nodrivingwindow.h"
#include "domain/preparationplan.h"
#include "domain/reminderplanner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::domain;

namespace {

const ClinicProtocol &protocol()
{
    static const ClinicProtocol loaded = [] {
        auto parsed = loadDefaultProtocol();
        REQUIRE(parsed);
        return *parsed;
    }();
    return loaded;
}

const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
const QTimeZone newYork(QByteArrayLiteral("America/New_York"));

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QDateTime local(const QTimeZone &zone, int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), zone);
}

Appointment appointmentAt(const QDateTime &start, int minutes = 60)
{
    Appointment appointment;
    appointment.id = RecordId::generate();
    appointment.version = 1;
    appointment.body.startsAt = start.toUTC();
    appointment.body.durationMinutes = minutes;
    return appointment;
}

const ChecklistItem &item(const std::vector<ChecklistItem> &items, const QString &id)
{
    for (const ChecklistItem &each : items) {
        if (each.id == id)
            return each;
    }
    FAIL("no checklist item " << id.toStdString());
    return items.front();
}

std::vector<Reminder> ofKind(const std::vector<Reminder> &reminders, ReminderKind kind)
{
    std::vector<Reminder> out;
    for (const Reminder &reminder : reminders) {
        if (reminder.kind == kind)
            out.push_back(reminder);
    }
    return out;
}

QByteArray protocolWith(const char *extra)
{
    QByteArray json = R"({"format": 1, "id": "clinic", "version": "2", "fastingHours": 6,
        "clearFluidsCutoffHours": 2, "arrivalMinutesEarly": 30,
        "noDriving": {"minimumHours": 12, "untilNextDayAt": "08:00"},
        "instrumentSchedule": {"instruments": ["phq9"], "optionalInstruments": {},
            "baseline": {"daysBeforeFirstInfusion": 14}, "beforeEachInfusion": {"hoursBefore": 24},
            "afterInfusion": {"days": [1], "windowHours": 48}},
        "crisis": {"locale": "US", "numbers": [{"id": "a", "label": "A", "number": "988"}],
            "reviewWindowText": "Not monitored around the clock."})";
    json += extra;
    json += "}";
    return json;
}

} // namespace

TEST_CASE("the default protocol carries a checklist template and reminder texts", "[domain][plan]")
{
    const ClinicProtocol &p = protocol();
    QStringList ids;
    for (const ChecklistTemplateItem &entry : p.checklist)
        ids << entry.id;
    CHECK(ids == QStringList{u"medicines"_s, u"ride"_s, u"bring"_s, u"intention"_s, u"fasting"_s,
                             u"clear_fluids"_s, u"arrive"_s});
    CHECK(p.checklist[0].offset == RelativeOffset{-7, 0});
    CHECK(p.checklist[4].anchor == ChecklistAnchor::FastingCutoff);
    CHECK(p.reminders.texts.lockScreen == u"You have a reminder from Companion");
    CHECK(p.reminders.rideDayBeforeAt == QTime(18, 0));
    CHECK(p.course.seriesLength == 6);
    CHECK(p.defaultAppointmentMinutes == 60);
}

TEST_CASE("a protocol without the new sections still parses and gets the defaults",
          "[domain][plan]")
{
    auto parsed = parseProtocol(protocolWith(""));
    REQUIRE(parsed);
    CHECK(parsed->fastingHours == 6);
    CHECK(parsed->checklist.size() == protocol().checklist.size());
    CHECK(parsed->reminders.texts.noDrivingEnded == protocol().reminders.texts.noDrivingEnded);

    auto custom = parseProtocol(protocolWith(R"(, "checklist": [
        {"id": "pack", "title": "Pack", "category": "bring", "due": -90},
        {"id": "meds", "title": "Medicines", "category": "medicines", "due": "-P2DT3H", "remind": false}],
        "reminders": {"fastingLeadMinutes": 30, "texts": {"lockScreen": "Reminder"}})"));
    REQUIRE(custom);
    REQUIRE(custom->checklist.size() == 2);
    CHECK(custom->checklist[0].offset == RelativeOffset{0, -90 * 60});
    CHECK(custom->checklist[1].offset == RelativeOffset{-2, -3 * 3600});
    CHECK_FALSE(custom->checklist[1].remind);
    CHECK(custom->reminders.fastingLeadMinutes == 30);
    CHECK(custom->reminders.texts.lockScreen == u"Reminder");
    // Texts the clinic did not give keep the defaults.
    CHECK(custom->reminders.texts.fasting == protocol().reminders.texts.fasting);
}

TEST_CASE("bad checklist templates and texts are refused with the field named", "[domain][plan]")
{
    auto expectError = [](const char *extra, const char *field) {
        auto parsed = parseProtocol(protocolWith(extra));
        REQUIRE_FALSE(parsed);
        INFO(parsed.error().message.toStdString());
        CHECK(parsed.error().code == ErrorCode::InvalidInput);
        CHECK(parsed.error().message.contains(QString::fromLatin1(field)));
    };
    expectError(R"(, "checklist": [{"id": "a", "title": "A", "category": "bring", "due": "-P1W"}])",
                "checklist[0].due");
    expectError(
        R"(, "checklist": [{"id": "a", "title": "A", "category": "snacks", "due": "-P1D"}])",
        "checklist[0].category");
    expectError(R"(, "checklist": [{"id": "a", "title": "A", "category": "bring"},
                                   {"id": "a", "title": "B", "category": "bring"}])",
                "checklist[1].id");
    expectError(R"(, "checklist": [{"id": "A B", "title": "A", "category": "bring"}])",
                "checklist[0].id");
    expectError(
        R"(, "checklist": [{"id": "a", "title": "A", "category": "bring", "due": "-P90D"}])",
        "checklist[0].due");
    expectError(
        R"(, "checklist": [{"id": "a", "title": "A", "category": "bring", "anchor": "lunch"}])",
        "checklist[0].anchor");
    expectError(R"(, "reminders": {"rideDayBeforeAt": "6pm"})", "reminders.rideDayBeforeAt");
    expectError(R"(, "reminders": {"texts": {"noDrivingEnded": "You may drive now."}})",
                "reminders.texts.noDrivingEnded");
    expectError(R"(, "reminders": {"texts": {"surprise": "x"}})", "reminders.texts.surprise");
}

TEST_CASE("relative offsets parse ISO 8601 days, hours and minutes only", "[domain][plan]")
{
    CHECK(parseRelativeOffset(u"-P7D"_s) == RelativeOffset{-7, 0});
    CHECK(parseRelativeOffset(u"-PT3H"_s) == RelativeOffset{0, -3 * 3600});
    CHECK(parseRelativeOffset(u"-P1DT2H30M"_s) == RelativeOffset{-1, -(2 * 3600 + 30 * 60)});
    CHECK(parseRelativeOffset(u"PT0M"_s) == RelativeOffset{0, 0});
    CHECK(parseRelativeOffset(u"P1D"_s) == RelativeOffset{1, 0});
    for (const QString &bad : {u"-P1W"_s, u"P"_s, u"-PT"_s, u"P1M"_s, u"7D"_s, u"-P1DT"_s, u""_s})
        CHECK_FALSE(parseRelativeOffset(bad));
    for (const QString &text : {u"-P7D"_s, u"-PT3H"_s, u"-P1DT2H30M"_s, u"PT0M"_s, u"P2DT15M"_s})
        CHECK(relativeOffsetToString(*parseRelativeOffset(text)) == text);
}

TEST_CASE("plan record bodies round-trip and are validated", "[domain][plan]")
{
    AppointmentBody body;
    body.startsAt = utc(2026, 3, 10, 9);
    body.durationMinutes = 90;
    body.location = u"Room 2"_s;
    auto bytes = encodeAppointment(body);
    REQUIRE(bytes);
    auto back = decodeAppointment(*bytes);
    REQUIRE(back);
    CHECK(*back == body);
    CHECK(back->endsAt() == utc(2026, 3, 10, 10, 30));

    body.durationMinutes = 5;
    CHECK_FALSE(encodeAppointment(body));
    CHECK_FALSE(decodeAppointment(
        R"({"format":1,"startsAt":"2026-03-10T09:00:00","durationMinutes":60,"status":"scheduled"})"));
    CHECK_FALSE(decodeAppointment(
        R"({"format":1,"startsAt":"2026-03-10T09:00:00Z","durationMinutes":60,"status":"moved"})"));
    CHECK(
        decodeAppointment(
            R"({"format":2,"startsAt":"2026-03-10T09:00:00Z","durationMinutes":60,"status":"scheduled"})")
            .error()
            .code == ErrorCode::Unsupported);

    RidePlan ride{RecordId::generate(), u"Sam Rivera"_s, u"+1 (555) 010-2030"_s,
                  utc(2026, 3, 10, 11), false};
    auto rideBytes = encodeRidePlan(ride);
    REQUIRE(rideBytes);
    CHECK(*decodeRidePlan(*rideBytes) == ride);
    CHECK(telLink(ride.phone) == u"tel:+15550102030");
    CHECK(telLink(u"030 1234567"_s) == u"tel:0301234567");
    ride.phone = u"call me"_s;
    auto badPhone = encodeRidePlan(ride);
    REQUIRE_FALSE(badPhone);
    CHECK(badPhone.error().message.startsWith(u"phone"));
    CHECK_FALSE(badPhone.error().message.contains(u"call me"));
    ride.phone = u"12+3"_s;
    CHECK_FALSE(encodeRidePlan(ride));
    ride.phone = u"555"_s;
    ride.driverName = u"  "_s;
    CHECK_FALSE(encodeRidePlan(ride));

    ChecklistState state{RecordId::generate(), {{u"bring"_s, utc(2026, 3, 9, 20)}}};
    auto stateBytes = encodeChecklistState(state);
    REQUIRE(stateBytes);
    CHECK(*decodeChecklistState(*stateBytes) == state);

    MorningCheck check{RecordId::generate(), utc(2026, 3, 11, 6), true, false};
    auto checkBytes = encodeMorningCheck(check);
    REQUIRE(checkBytes);
    CHECK(*decodeMorningCheck(*checkBytes) == check);
    check.appointmentId = RecordId();
    CHECK_FALSE(encodeMorningCheck(check));
}

TEST_CASE("checklist due times keep the wall clock across a DST change (Europe/Berlin)",
          "[domain][plan][timezone]")
{
    // Berlin moves to summer time on Sunday 29 March 2026 at 02:00.
    AppointmentBody body;
    body.startsAt = local(berlin, 2026, 3, 29, 10).toUTC(); // 10:00 CEST = 08:00 UTC
    const auto items = buildChecklist(protocol(), body, nullptr, nullptr, berlin);
    // The day before at 10:00 is still winter time: 09:00 UTC, 23 hours earlier.
    CHECK(item(items, u"bring"_s).dueAt == utc(2026, 3, 28, 9));
    CHECK(item(items, u"bring"_s).dueAt.secsTo(body.startsAt) == 23 * 3600);
    CHECK(item(items, u"medicines"_s).dueAt == utc(2026, 3, 22, 9));
    // Hour offsets are elapsed time: 4 h before 08:00 UTC.
    CHECK(item(items, u"fasting"_s).dueAt == utc(2026, 3, 29, 4));
    CHECK(item(items, u"clear_fluids"_s).dueAt == utc(2026, 3, 29, 6));
    CHECK(item(items, u"arrive"_s).dueAt == utc(2026, 3, 29, 7, 45));
    // In due order.
    for (std::size_t i = 1; i < items.size(); ++i)
        CHECK(items[i - 1].dueAt <= items[i].dueAt);
}

TEST_CASE("the patient's time zone, not the machine's, places calendar-day offsets",
          "[domain][plan][timezone]")
{
    // New York moves to summer time on Sunday 8 March 2026; Berlin three weeks later.
    AppointmentBody body;
    body.startsAt = local(newYork, 2026, 3, 9, 10).toUTC(); // 10:00 EDT = 14:00 UTC
    const auto ny = buildChecklist(protocol(), body, nullptr, nullptr, newYork);
    CHECK(item(ny, u"bring"_s).dueAt == local(newYork, 2026, 3, 8, 10).toUTC());
    CHECK(item(ny, u"bring"_s).dueAt == utc(2026, 3, 8, 14));
    CHECK(item(ny, u"medicines"_s).dueAt == utc(2026, 3, 2, 15)); // 10:00 EST
    // The same instant for a patient in Berlin (no change that week): 7 × 24 hours.
    const auto de = buildChecklist(protocol(), body, nullptr, nullptr, berlin);
    CHECK(item(de, u"medicines"_s).dueAt == utc(2026, 3, 2, 14));
    CHECK(item(de, u"bring"_s).dueAt == utc(2026, 3, 8, 14));
}

TEST_CASE("moving an appointment moves due times and keeps what was checked", "[domain][plan]")
{
    Appointment appointment = appointmentAt(utc(2026, 3, 10, 9));
    ChecklistState state{appointment.id, {{u"bring"_s, utc(2026, 3, 8, 20)}}};
    const auto before = buildChecklist(protocol(), appointment.body, &state, nullptr, berlin);
    appointment.body.startsAt = utc(2026, 3, 12, 13);
    const auto after = buildChecklist(protocol(), appointment.body, &state, nullptr, berlin);
    CHECK(item(after, u"fasting"_s).dueAt == utc(2026, 3, 12, 9));
    CHECK(item(before, u"fasting"_s).dueAt.secsTo(item(after, u"fasting"_s).dueAt) ==
          2 * 86400 + 4 * 3600);
    CHECK(item(after, u"bring"_s).checked);
    CHECK(item(after, u"bring"_s).checkedAt == utc(2026, 3, 8, 20));
    CHECK_FALSE(item(after, u"intention"_s).checked);
    // A confirmed ride checks the ride item.
    RidePlan ride{appointment.id, u"Sam"_s, u"555 0101"_s, std::nullopt, true};
    CHECK(item(buildChecklist(protocol(), appointment.body, &state, &ride, berlin), u"ride"_s)
              .checked);
}

TEST_CASE("the fasting countdown counts down to the cut-offs", "[domain][plan]")
{
    AppointmentBody body;
    body.startsAt = utc(2026, 3, 10, 9);
    const FastingCountdown countdown = fastingCountdown(protocol(), body, utc(2026, 3, 10, 3, 30));
    CHECK(countdown.solidFoodUntil == utc(2026, 3, 10, 5));
    CHECK(countdown.clearFluidsUntil == utc(2026, 3, 10, 7));
    CHECK(countdown.secondsToSolidCutoff == 90 * 60);
    CHECK(durationWords(countdown.secondsToSolidCutoff) == u"1 h 30 min");
    CHECK(durationWords(30) == u"1 min");
    CHECK(durationWords(-5) == u"0 min");
    CHECK(durationWords(2 * 86400 + 3600) == u"2 days 1 h");
}

TEST_CASE("the no-driving window lasts the minimum hours when they end after the next morning",
          "[domain][plan][nodriving]")
{
    // Ends 23:00 in Berlin: 12 h later is 11:00, after 08:00 the next morning.
    const Appointment appointment = appointmentAt(local(berlin, 2026, 3, 10, 22), 60);
    const NoDrivingWindow window = noDrivingWindow(protocol(), appointment, nullptr, berlin);
    CHECK(window.startsAt == utc(2026, 3, 10, 22));
    CHECK(window.minimumEndsAt == utc(2026, 3, 11, 10));
    CHECK(window.nextMorningAt == local(berlin, 2026, 3, 11, 8).toUTC());
    CHECK(window.ruleEndsAt == window.minimumEndsAt);
    CHECK(window.endsAt == window.minimumEndsAt);
}

TEST_CASE("the no-driving window lasts until the next morning when that is later",
          "[domain][plan][nodriving]")
{
    const Appointment appointment = appointmentAt(local(berlin, 2026, 3, 10, 10), 60); // ends 11:00
    const NoDrivingWindow window = noDrivingWindow(protocol(), appointment, nullptr, berlin);
    CHECK(window.minimumEndsAt == utc(2026, 3, 10, 22));
    CHECK(window.endsAt == utc(2026, 3, 11, 7)); // 08:00 CET
    // The next morning is on the patient's wall clock, across New York's DST change.
    ClinicProtocol shortMinimum = protocol();
    shortMinimum.noDrivingMinimumHours = 6;
    const Appointment ny = appointmentAt(local(newYork, 2026, 3, 7, 21), 60); // ends 22:00 EST
    const NoDrivingWindow nyWindow = noDrivingWindow(shortMinimum, ny, nullptr, newYork);
    CHECK(nyWindow.startsAt == utc(2026, 3, 8, 3));
    CHECK(nyWindow.nextMorningAt == utc(2026, 3, 8, 12)); // 08:00 EDT, not 13:00 UTC
    CHECK(nyWindow.endsAt == utc(2026, 3, 8, 12));
    CHECK(nyWindow.startsAt.secsTo(nyWindow.endsAt) == 9 * 3600); // one hour lost overnight
}

TEST_CASE("a morning-after check-in ends the window early, never before the minimum",
          "[domain][plan][nodriving]")
{
    // Ends 15:00 Berlin (14:00 UTC): minimum 02:00 UTC, next morning 07:00 UTC.
    const Appointment appointment = appointmentAt(utc(2026, 3, 10, 13), 60);
    const std::vector<Appointment> appointments{appointment};

    SECTION("after the minimum: the window ends when the check-in is given")
    {
        const MorningCheck check{appointment.id, utc(2026, 3, 11, 5, 30), true, true};
        const NoDrivingWindow window = noDrivingWindow(protocol(), appointment, &check, berlin);
        CHECK(window.endsAt == utc(2026, 3, 11, 5, 30));
        CHECK(window.endedEarlyByCheck);
        const auto after =
            noDrivingStatus(protocol(), appointments, {check}, utc(2026, 3, 11, 5, 45), berlin);
        CHECK(after.state == NoDrivingState::Ended);
        CHECK(after.message.startsWith(u"The no-driving window has ended."));
    }
    SECTION("before the minimum: the window still runs to the minimum")
    {
        ClinicProtocol longer = protocol();
        longer.noDrivingMinimumHours = 20; // minimum 10:00 UTC, after the next morning
        const MorningCheck check{appointment.id, utc(2026, 3, 11, 6), true, true};
        const NoDrivingWindow window = noDrivingWindow(longer, appointment, &check, berlin);
        CHECK(window.checkReceived);
        CHECK(window.endsAt == utc(2026, 3, 11, 10));
        CHECK_FALSE(window.endedEarlyByCheck);
        const auto status =
            noDrivingStatus(longer, appointments, {check}, utc(2026, 3, 11, 8), berlin);
        CHECK(status.state == NoDrivingState::Active);
        CHECK(status.secondsRemaining == 2 * 3600);
        CHECK(status.message.contains(u"minimum of 20 hours"));
    }
    SECTION("the evening of the infusion is not the morning after")
    {
        const MorningCheck check{appointment.id, utc(2026, 3, 10, 21), true, true};
        const NoDrivingWindow window = noDrivingWindow(protocol(), appointment, &check, berlin);
        CHECK_FALSE(window.checkReceived);
        CHECK(window.endsAt == utc(2026, 3, 11, 7));
    }
    SECTION("\"not clear-headed\" keeps the window to its rule end and says to wait")
    {
        const MorningCheck check{appointment.id, utc(2026, 3, 11, 5, 30), true, false};
        const NoDrivingWindow window = noDrivingWindow(protocol(), appointment, &check, berlin);
        CHECK(window.checkSaysNotReady);
        CHECK(window.endsAt == utc(2026, 3, 11, 7));
        const auto ended =
            noDrivingStatus(protocol(), appointments, {check}, utc(2026, 3, 11, 9), berlin);
        CHECK(ended.state == NoDrivingState::Ended);
        CHECK(ended.message.contains(u"fully alert"));
        CHECK(ended.message.contains(u"Do not drive"));
    }
}

TEST_CASE("the no-driving card names the day and month in the UI language",
          "[domain][plan][nodriving][language]")
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    const std::vector<Appointment> all{appointmentAt(utc(2026, 3, 10, 9), 60)};
    const auto active = noDrivingStatus(protocol(), all, {}, utc(2026, 3, 10, 12), berlin);
    QLocale::setDefault(saved);
    // No translator is installed here, so the sentence stays English; the date is Spanish.
    CHECK(active.message.contains(u"Do not drive until mié 11 mar 08:00"));
}

TEST_CASE("no-driving status follows the latest infusion and never words permission",
          "[domain][plan][nodriving]")
{
    const Appointment appointment = appointmentAt(utc(2026, 3, 10, 9), 60);
    Appointment cancelled = appointmentAt(utc(2026, 3, 10, 12), 60);
    cancelled.body.status = AppointmentStatus::Cancelled;
    const std::vector<Appointment> all{appointment, cancelled};
    const auto at = [&](const QDateTime &now) {
        return noDrivingStatus(protocol(), all, {}, now, berlin);
    };
    CHECK(at(utc(2026, 3, 10, 8)).state == NoDrivingState::None);
    CHECK(at(utc(2026, 3, 10, 9, 30)).state == NoDrivingState::Upcoming);
    const auto active = at(utc(2026, 3, 10, 12));
    CHECK(active.state == NoDrivingState::Active);
    REQUIRE(active.window);
    CHECK(active.window->appointmentId == appointment.id); // the cancelled one is ignored
    CHECK(active.secondsRemaining == utc(2026, 3, 10, 12).secsTo(utc(2026, 3, 11, 7)));
    CHECK(active.message.contains(u"Do not drive until Wed 11 Mar 08:00"));
    const auto ended = at(utc(2026, 3, 11, 7));
    CHECK(ended.state == NoDrivingState::Ended);
    CHECK(ended.message == u"The no-driving window has ended. Drive only if you feel fully alert.");
    CHECK(at(utc(2026, 3, 12, 8)).state == NoDrivingState::None);

    for (const auto &status : {at(utc(2026, 3, 10, 9, 30)), active, ended})
        CHECK_FALSE(soundsLikePermissionToDrive(status.message));
    // The detector itself catches the wording we must never use.
    CHECK(soundsLikePermissionToDrive(u"You may drive now."_s));
    CHECK(soundsLikePermissionToDrive(u"It is safe to drive."_s));
    CHECK(soundsLikePermissionToDrive(u"you can drive"_s));
    CHECK_FALSE(soundsLikePermissionToDrive(u"Drive only if you feel fully alert."_s));
}

TEST_CASE("reminders: checklist, fasting, ride, morning check and window end", "[domain][plan]")
{
    const Appointment appointment = appointmentAt(local(berlin, 2026, 3, 10, 10), 60);
    PlanInputs inputs;
    inputs.appointments = {appointment};
    const auto reminders = planReminders(protocol(), inputs, utc(2026, 3, 1, 0), berlin);

    const auto fasting = ofKind(reminders, ReminderKind::Fasting);
    REQUIRE(fasting.size() == 1);
    CHECK(fasting[0].fireAt == utc(2026, 3, 10, 4)); // cut-off 05:00 UTC, 60 min lead
    CHECK(fasting[0].text == u"Last solid food by 06:00, as your clinic asked.");
    const auto checklist = ofKind(reminders, ReminderKind::Checklist);
    QStringList items;
    for (const Reminder &reminder : checklist)
        items << reminder.itemId;
    // Ride and fasting items have their own reminders. (Same-time items are ordered by id.)
    items.sort();
    CHECK(items ==
          QStringList{u"arrive"_s, u"bring"_s, u"clear_fluids"_s, u"intention"_s, u"medicines"_s});
    const auto morning = ofKind(reminders, ReminderKind::MorningCheck);
    REQUIRE(morning.size() == 1);
    CHECK(morning[0].fireAt == utc(2026, 3, 11, 7));
    REQUIRE(ofKind(reminders, ReminderKind::NoDrivingEnded).size() == 1);
    for (const Reminder &reminder : reminders) {
        CHECK(reminder.lockScreenText == u"You have a reminder from Companion");
        CHECK(reminder.id.size() == 32);
    }
    for (std::size_t i = 1; i < reminders.size(); ++i)
        CHECK(reminders[i - 1].fireAt <= reminders[i].fireAt);

    // Only what is still to come.
    const auto later = planReminders(protocol(), inputs, utc(2026, 3, 10, 4, 30), berlin);
    CHECK(ofKind(later, ReminderKind::Fasting).empty());
    CHECK(ofKind(later, ReminderKind::MorningCheck).size() == 1);

    // Checked items and a recorded morning check drop their reminders.
    inputs.checklists = {{appointment.id, {{u"bring"_s, utc(2026, 3, 8, 20)}}}};
    inputs.morningChecks = {{appointment.id, utc(2026, 3, 11, 6), true, true}};
    const auto updated = planReminders(protocol(), inputs, utc(2026, 3, 1, 0), berlin);
    for (const Reminder &reminder : ofKind(updated, ReminderKind::Checklist))
        CHECK(reminder.itemId != u"bring");
    CHECK(ofKind(updated, ReminderKind::MorningCheck).empty());
    CHECK(ofKind(updated, ReminderKind::NoDrivingEnded)[0].fireAt == utc(2026, 3, 11, 6));
}

TEST_CASE("unconfirmed rides are reminded the evening before and the morning of",
          "[domain][plan][ride]")
{
    const Appointment appointment = appointmentAt(local(newYork, 2026, 3, 9, 10), 60);
    PlanInputs inputs;
    inputs.appointments = {appointment};

    SECTION("no ride plan yet")
    {
        const auto ride =
            ofKind(planReminders(protocol(), inputs, {}, newYork), ReminderKind::RideUnconfirmed);
        REQUIRE(ride.size() == 2);
        CHECK(ride[0].itemId == u"day_before");
        CHECK(ride[0].fireAt == local(newYork, 2026, 3, 8, 18).toUTC()); // 18:00 EDT
        CHECK(ride[0].fireAt == utc(2026, 3, 8, 22));
        CHECK(ride[1].itemId == u"morning_of");
        CHECK(ride[1].fireAt == utc(2026, 3, 9, 11)); // 07:00 EDT
        CHECK(ride[0].text.contains(u"your driver"));
    }
    SECTION("an unconfirmed plan names the driver in the app, never on the lock screen")
    {
        inputs.rides = {{appointment.id, u"Sam Rivera"_s, u"555 0101"_s, std::nullopt, false}};
        const auto ride =
            ofKind(planReminders(protocol(), inputs, {}, newYork), ReminderKind::RideUnconfirmed);
        REQUIRE(ride.size() == 2);
        CHECK(ride[0].text.contains(u"Sam Rivera"));
        CHECK_FALSE(ride[0].lockScreenText.contains(u"Sam"));
    }
    SECTION("a confirmed ride has no reminders")
    {
        inputs.rides = {{appointment.id, u"Sam Rivera"_s, u"555 0101"_s, std::nullopt, true}};
        CHECK(ofKind(planReminders(protocol(), inputs, {}, newYork), ReminderKind::RideUnconfirmed)
                  .empty());
    }
    SECTION("an early appointment moves the morning reminder before arrival")
    {
        inputs.appointments = {appointmentAt(local(newYork, 2026, 3, 9, 8), 60)};
        const auto ride =
            ofKind(planReminders(protocol(), inputs, {}, newYork), ReminderKind::RideUnconfirmed);
        REQUIRE(ride.size() == 2);
        CHECK(ride[1].fireAt == local(newYork, 2026, 3, 9, 5, 45).toUTC()); // 2 h before 07:45
    }
}

TEST_CASE("moved and cancelled appointments update their reminders", "[domain][plan]")
{
    Appointment appointment = appointmentAt(utc(2026, 3, 10, 9), 60);
    PlanInputs inputs;
    inputs.appointments = {appointment};
    const auto before = planReminders(protocol(), inputs, {}, berlin);

    inputs.appointments[0].body.startsAt = utc(2026, 3, 17, 9);
    inputs.appointments[0].version = 2;
    const auto moved = planReminders(protocol(), inputs, {}, berlin);
    REQUIRE(moved.size() == before.size());
    for (std::size_t i = 0; i < moved.size(); ++i) {
        CHECK(moved[i].id == before[i].id); // the same reminders, replaced in place
        CHECK(before[i].fireAt.daysTo(moved[i].fireAt) == 7);
    }

    inputs.appointments[0].body.status = AppointmentStatus::Cancelled;
    CHECK(planReminders(protocol(), inputs, {}, berlin).empty());
}

TEST_CASE("the course: a series of six within six weeks, then boosters", "[domain][plan][course]")
{
    const CoursePolicy &policy = protocol().course;
    std::vector<Appointment> appointments;
    for (int i = 0; i < 6; ++i)
        appointments.push_back(appointmentAt(utc(2026, 3, 2 + 3 * i, 9)));
    appointments.push_back(appointmentAt(utc(2026, 5, 20, 9)));
    appointments.push_back(appointmentAt(utc(2026, 7, 20, 9)));
    Appointment cancelled = appointmentAt(utc(2026, 3, 3, 9));
    cancelled.body.status = AppointmentStatus::Cancelled;
    appointments.push_back(cancelled);

    const auto course = buildCourse(policy, appointments, utc(2026, 3, 10, 0));
    REQUIRE(course.size() == 8);
    CHECK(course[5].phase == CoursePhase::Series);
    CHECK(course[5].phaseNumber == 6);
    CHECK(course[6].phase == CoursePhase::Booster);
    CHECK(course[6].phaseNumber == 1);
    CHECK(course[7].number == 8);
    CHECK(course[2].past);
    CHECK_FALSE(course[3].past);

    CHECK(courseStageAt(policy, appointments, utc(2026, 3, 1, 0)) ==
          CourseStage::BeforeFirstInfusion);
    CHECK(courseStageAt(policy, appointments, utc(2026, 3, 10, 0)) == CourseStage::InSeries);
    CHECK(courseStageAt(policy, appointments, utc(2026, 4, 1, 0)) == CourseStage::Maintenance);
    CHECK(courseStageAt(policy, {}, utc(2026, 4, 1, 0)) == CourseStage::BeforeFirstInfusion);

    // A short series stays "in series" for two weeks, then counts as done.
    const std::vector<Appointment> shortSeries{appointmentAt(utc(2026, 3, 2, 9)),
                                               appointmentAt(utc(2026, 3, 5, 9))};
    CHECK(courseStageAt(policy, shortSeries, utc(2026, 3, 10, 0)) == CourseStage::InSeries);
    CHECK(courseStageAt(policy, shortSeries, utc(2026, 3, 25, 0)) == CourseStage::Maintenance);

    // An infusion more than seriesWithinDays after the first is a booster.
    const std::vector<Appointment> late{appointmentAt(utc(2026, 3, 2, 9)),
                                        appointmentAt(utc(2026, 4, 20, 9))};
    CHECK(buildCourse(policy, late, utc(2026, 3, 1, 0))[1].phase == CoursePhase::Booster);

    const auto links = linkableAppointments(policy, appointments, utc(2026, 3, 10, 0), berlin);
    REQUIRE(links.size() == 8);
    CHECK(links.front().label == u"Booster 2 · Mon 20 Jul 2026");
    CHECK(links.back().label == u"Infusion 1 of the series · Mon 2 Mar 2026");
}

TEST_CASE("ICS text is escaped and folded at 75 octets without splitting UTF-8",
          "[domain][plan][ics]")
{
    CHECK(icsEscape(u"a,b;c\\d\ne\r\n"_s) == u"a\\,b\\;c\\\\d\\ne\\n"_s);
    const QByteArray line =
        (u"DESCRIPTION:"_s + QString(40, QChar(0x00E9))).toUtf8(); // é = 2 octets
    const QByteArray folded = icsFold(line);
    const QList<QByteArray> parts = folded.split('\n');
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].size() <= 76); // 75 octets + '\r'
    CHECK(parts[0].endsWith('\r'));
    CHECK(parts[1].startsWith(' '));
    // Unfolding gives back the line, and every part is valid UTF-8.
    QByteArray unfolded = folded;
    unfolded.replace("\r\n ", "");
    CHECK(unfolded == line);
    for (const QByteArray &part : parts)
        CHECK(QString::fromUtf8(part).toUtf8() == part);
    CHECK(icsFold("SHORT:x") == "SHORT:x");
}

TEST_CASE("the calendar export: stable UIDs, UTC times, alarms and the no-driving event",
          "[domain][plan][ics]")
{
    Appointment appointment = appointmentAt(utc(2026, 3, 10, 9), 60);
    Appointment cancelled = appointmentAt(utc(2026, 3, 12, 9), 60);
    cancelled.body.status = AppointmentStatus::Cancelled;
    cancelled.version = 2;
    PlanInputs inputs;
    inputs.appointments = {appointment, cancelled};
    inputs.rides = {{appointment.id, u"Sam Rivera"_s, u"555 0101"_s, std::nullopt, false}};
    const QByteArray ics = buildIcs(protocol(), inputs, utc(2026, 3, 1, 12), berlin);
    const QString text = QString::fromUtf8(ics);

    CHECK(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(ics.endsWith("END:VCALENDAR\r\n"));
    CHECK(ics.count("\n") == ics.count("\r\n")); // CRLF only
    CHECK(text.contains(u"UID:"_s + appointment.id.toString() + u"@companion\r\n"_s));
    CHECK(text.contains(u"UID:"_s + appointment.id.toString() + u"-no-driving@companion\r\n"_s));
    CHECK(text.contains(u"DTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\n"_s));
    // The no-driving window: 10:00 UTC to 08:00 Berlin time the next day.
    CHECK(text.contains(u"DTSTART:20260310T100000Z\r\nDTEND:20260311T070000Z\r\n"_s));
    CHECK(ics.count("BEGIN:VALARM") == 3); // fasting + two ride reminders
    CHECK(text.contains(u"TRIGGER;VALUE=DATE-TIME:20260310T040000Z"_s));
    CHECK(text.contains(u"STATUS:CANCELLED"_s));
    CHECK(text.contains(u"SEQUENCE:1"_s));
    CHECK_FALSE(text.contains(u"Sam"_s)); // no driver's name in a calendar
    for (const QByteArray &line : ics.split('\n'))
        CHECK(line.size() <= 76);
    // The same input gives the same file.
    CHECK(buildIcs(protocol(), inputs, utc(2026, 3, 1, 12), berlin) == ics);
}
