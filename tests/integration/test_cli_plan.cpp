// The infusion plan through the real binary: appointments, checklist, ride, reminders, the
// no-driving window, the schedule file outside the encrypted profile, and the reminder service
// delivering to a notification server on a private D-Bus session bus.
#include "clirunner.h"

#include "support/filescan.h"
#include "support/notificationserver.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

QJsonObject jsonOf(const CliResult &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    INFO(result.out.toStdString() << result.err.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QStringList withProfile(const ProfileCopy &copy, QStringList arguments)
{
    return arguments << u"--profile"_s << copy.directory() << u"--passphrase-file"_s
                     << copy.passphraseFile();
}

// Runs a plan command in Berlin time and requires exit 0.
CliResult ok(const ProfileCopy &copy, QStringList arguments)
{
    const CliResult result =
        runCli(withProfile(copy, arguments << u"--time-zone"_s << u"Europe/Berlin"_s));
    INFO(arguments.join(u' ').toStdString() << ": " << result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result;
}

QString addAppointment(const ProfileCopy &copy, const QString &at)
{
    const QString id = jsonOf(ok(copy, {u"appointment"_s, u"add"_s, u"--at"_s, at, u"--json"_s}))
                           .value(u"id"_s)
                           .toString();
    REQUIRE(id.size() == 36);
    return id;
}

QJsonArray remindersOf(const ProfileCopy &copy, const QString &from)
{
    return jsonOf(ok(copy, {u"reminders"_s, u"list"_s, u"--json"_s, u"--from"_s, from}))
        .value(u"reminders"_s)
        .toArray();
}

QJsonObject itemOf(const QJsonObject &plan, const QString &id)
{
    for (const QJsonValue &item : plan.value(u"items"_s).toArray()) {
        if (item.toObject().value(u"id"_s).toString() == id)
            return item.toObject();
    }
    FAIL("no checklist item " << id.toStdString());
    return {};
}

int countKind(const QJsonArray &reminders, const QString &kind)
{
    int count = 0;
    for (const QJsonValue &reminder : reminders)
        count += reminder.toObject().value(u"kind"_s).toString() == kind ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("appointments are added, listed, moved and cancelled", "[integration][cli][plan]")
{
    ProfileCopy copy;
    const QString first = addAppointment(copy, u"2030-03-12T09:00:00Z"_s);
    const QString second = addAppointment(copy, u"2030-03-05T09:00:00Z"_s);

    QJsonObject list = jsonOf(ok(copy, {u"appointment"_s, u"list"_s, u"--json"_s}));
    QJsonArray appointments = list.value(u"appointments"_s).toArray();
    REQUIRE(appointments.size() == 2);
    CHECK(appointments[0].toObject().value(u"id"_s).toString() == second); // by start time
    CHECK(appointments[1].toObject().value(u"startsAt"_s).toString() ==
          u"2030-03-12T09:00:00.000Z");
    CHECK(appointments[1].toObject().value(u"endsAt"_s).toString() == u"2030-03-12T10:00:00.000Z");
    CHECK(appointments[1].toObject().value(u"phase"_s).toString() == u"series");
    CHECK(appointments[1].toObject().value(u"number"_s).toInt() == 2);
    CHECK(list.value(u"courseStage"_s).toString() == u"before_first_infusion");

    // A time without a zone is on the patient's wall clock (--time-zone), not the machine's.
    const QString local = addAppointment(copy, u"2030-07-01T10:00:00"_s);
    const QJsonObject summer = jsonOf(ok(copy, {u"plan"_s, u"show"_s, local, u"--json"_s}));
    CHECK(summer.value(u"appointment"_s).toObject().value(u"startsAt"_s).toString() ==
          u"2030-07-01T08:00:00.000Z"); // 10:00 CEST
    ok(copy, {u"appointment"_s, u"cancel"_s, local});

    // A checked item survives the move; its due time moves.
    ok(copy, {u"plan"_s, u"check"_s, first, u"bring"_s, u"on"_s});
    ok(copy, {u"appointment"_s, u"move"_s, first, u"--at"_s, u"2030-03-14T13:00:00Z"_s,
              u"--duration-min"_s, u"90"_s});
    const QJsonObject plan = jsonOf(ok(copy, {u"plan"_s, u"show"_s, first, u"--json"_s}));
    CHECK(plan.value(u"appointment"_s).toObject().value(u"version"_s).toInt() == 2);
    CHECK(plan.value(u"appointment"_s).toObject().value(u"endsAt"_s).toString() ==
          u"2030-03-14T14:30:00.000Z");
    CHECK(itemOf(plan, u"bring"_s).value(u"checked"_s).toBool());
    CHECK(itemOf(plan, u"bring"_s).value(u"dueAt"_s).toString() == u"2030-03-13T13:00:00.000Z");
    CHECK_FALSE(itemOf(plan, u"intention"_s).value(u"checked"_s).toBool());
    ok(copy, {u"plan"_s, u"check"_s, first, u"bring"_s, u"off"_s});
    CHECK_FALSE(itemOf(jsonOf(ok(copy, {u"plan"_s, u"show"_s, first, u"--json"_s})), u"bring"_s)
                    .value(u"checked"_s)
                    .toBool());

    ok(copy, {u"appointment"_s, u"cancel"_s, second});
    appointments = jsonOf(ok(copy, {u"appointment"_s, u"list"_s, u"--json"_s}))
                       .value(u"appointments"_s)
                       .toArray();
    CHECK(appointments[0].toObject().value(u"status"_s).toString() == u"cancelled");
    CHECK_FALSE(appointments[0].toObject().contains(u"phase"_s));
    for (const QJsonValue &reminder : remindersOf(copy, u"2030-01-01T00:00:00Z"_s))
        CHECK(reminder.toObject().value(u"appointmentId"_s).toString() == first);
}

TEST_CASE("plan show gives due times on the patient's wall clock across DST",
          "[integration][cli][plan]")
{
    ProfileCopy copy;
    // New York moves to summer time on 8 March 2026: 10:00 EDT on the 9th is 14:00 UTC.
    const QString id = addAppointment(copy, u"2026-03-09T14:00:00Z"_s);
    const CliResult shown =
        runCli(withProfile(copy, {u"plan"_s, u"show"_s, id, u"--json"_s, u"--time-zone"_s,
                                  u"America/New_York"_s, u"--at"_s, u"2026-03-09T08:30:00Z"_s}));
    REQUIRE(shown.exitCode == 0);
    const QJsonObject plan = jsonOf(shown);
    CHECK(itemOf(plan, u"bring"_s).value(u"dueAt"_s).toString() == u"2026-03-08T14:00:00.000Z");
    CHECK(itemOf(plan, u"medicines"_s).value(u"dueAt"_s).toString() == u"2026-03-02T15:00:00.000Z");
    CHECK(itemOf(plan, u"fasting"_s).value(u"dueAt"_s).toString() == u"2026-03-09T10:00:00.000Z");
    const QJsonObject fasting = plan.value(u"fasting"_s).toObject();
    CHECK(fasting.value(u"secondsToSolidCutoff"_s).toInt() == 90 * 60);
    const QJsonObject noDriving = plan.value(u"noDriving"_s).toObject();
    CHECK(noDriving.value(u"startsAt"_s).toString() == u"2026-03-09T15:00:00.000Z");
    // 12 hours (03:00 UTC) vs 08:00 EDT on the 10th (12:00 UTC): the later.
    CHECK(noDriving.value(u"endsAt"_s).toString() == u"2026-03-10T12:00:00.000Z");
    CHECK(plan.value(u"timeZone"_s).toString() == u"America/New_York");
}

TEST_CASE("an unconfirmed ride is reminded; the schedule file holds no patient text",
          "[integration][cli][plan]")
{
    ProfileCopy copy;
    const QString id = addAppointment(copy, u"2030-03-12T09:00:00Z"_s);
    ok(copy, {u"ride"_s, u"set"_s, id, u"--driver"_s, u"Sam Rivera"_s, u"--phone"_s,
              u"+1 555 0101"_s, u"--pickup"_s, u"2030-03-12T10:30:00Z"_s});
    const QJsonObject plan = jsonOf(ok(copy, {u"plan"_s, u"show"_s, id, u"--json"_s}));
    const QJsonObject ride = plan.value(u"ride"_s).toObject();
    CHECK(ride.value(u"tel"_s).toString() == u"tel:+15550101");
    CHECK(ride.value(u"pickupAt"_s).toString() == u"2030-03-12T10:30:00.000Z");
    CHECK_FALSE(ride.value(u"confirmed"_s).toBool());

    QJsonArray reminders = remindersOf(copy, u"2030-03-01T00:00:00Z"_s);
    REQUIRE(countKind(reminders, u"ride_unconfirmed"_s) == 2);
    for (const QJsonValue &value : reminders) {
        const QJsonObject reminder = value.toObject();
        CHECK(reminder.value(u"lockScreenText"_s).toString() ==
              u"You have a reminder from Companion");
        if (reminder.value(u"kind"_s).toString() == u"ride_unconfirmed") {
            CHECK(reminder.value(u"text"_s).toString().contains(u"Sam Rivera"));
            const QString fireAt = reminder.value(u"fireAt"_s).toString();
            CHECK((fireAt == u"2030-03-11T17:00:00.000Z" || fireAt == u"2030-03-12T06:00:00.000Z"));
        }
    }
    // --from/--to: only the evening before.
    const QJsonArray evening =
        jsonOf(ok(copy, {u"reminders"_s, u"list"_s, u"--json"_s, u"--from"_s,
                         u"2030-03-11T16:00:00Z"_s, u"--to"_s, u"2030-03-11T18:00:00Z"_s}))
            .value(u"reminders"_s)
            .toArray();
    REQUIRE(evening.size() == 1);
    CHECK(evening[0].toObject().value(u"kind"_s).toString() == u"ride_unconfirmed");

    // The schedule file: times, opaque ids, generic text; mode 0600; nothing the patient typed.
    const QString schedule = QDir(copy.directory()).filePath(u"reminders.json"_s);
    REQUIRE(QFileInfo::exists(schedule));
    CHECK(QFileInfo(schedule).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadUser | QFileDevice::WriteUser));
    QFile file(schedule);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonArray scheduled =
        QJsonDocument::fromJson(file.readAll()).object().value(u"reminders"_s).toArray();
    CHECK(scheduled.size() == reminders.size());
    CHECK(filesContaining(copy.directory(), u"Sam Rivera"_s).isEmpty());
    CHECK(filesContaining(copy.directory(), u"555 0101"_s).isEmpty());
    CHECK(filesContaining(copy.directory(), id).isEmpty());

    ok(copy, {u"ride"_s, u"set"_s, id, u"--driver"_s, u"Sam Rivera"_s, u"--phone"_s,
              u"+1 555 0101"_s, u"--confirmed"_s});
    reminders = remindersOf(copy, u"2030-03-01T00:00:00Z"_s);
    CHECK(countKind(reminders, u"ride_unconfirmed"_s) == 0);
    CHECK(itemOf(jsonOf(ok(copy, {u"plan"_s, u"show"_s, id, u"--json"_s})), u"ride"_s)
              .value(u"checked"_s)
              .toBool());
}

TEST_CASE("no-driving status and the morning check-in", "[integration][cli][plan]")
{
    ProfileCopy copy;
    const QString id = addAppointment(copy, u"2030-03-12T13:00:00Z"_s); // ends 15:00 Berlin
    const auto status = [&](const QString &at) {
        return jsonOf(ok(copy, {u"no-driving"_s, u"status"_s, u"--json"_s, u"--at"_s, at}));
    };
    CHECK(status(u"2030-03-12T12:00:00Z"_s).value(u"state"_s).toString() == u"none");
    const QJsonObject active = status(u"2030-03-12T20:00:00Z"_s);
    CHECK(active.value(u"state"_s).toString() == u"active");
    CHECK(active.value(u"endsAt"_s).toString() == u"2030-03-13T07:00:00.000Z");
    CHECK(active.value(u"secondsRemaining"_s).toInt() == 11 * 3600);
    CHECK(active.value(u"message"_s).toString().startsWith(u"Do not drive until"));

    // The evening of the infusion is too early to be the morning after; before the infusion
    // ended is refused outright.
    const CliResult early = runCli(
        withProfile(copy, {u"no-driving"_s, u"morning-check"_s, id, u"--slept"_s, u"yes"_s,
                           u"--clear-headed"_s, u"yes"_s, u"--at"_s, u"2030-03-12T13:30:00Z"_s}));
    CHECK(early.exitCode == 2);
    const CliResult answered =
        ok(copy, {u"no-driving"_s, u"morning-check"_s, id, u"--slept"_s, u"yes"_s,
                  u"--clear-headed"_s, u"yes"_s, u"--at"_s, u"2030-03-13T05:30:00Z"_s});
    CHECK(answered.out.contains("The no-driving window has ended. Drive only if you feel fully "
                                "alert."));
    const QJsonObject ended = status(u"2030-03-13T06:00:00Z"_s);
    CHECK(ended.value(u"state"_s).toString() == u"ended");
    CHECK(ended.value(u"endedEarlyByCheck"_s).toBool());
    CHECK(ended.value(u"endsAt"_s).toString() == u"2030-03-13T05:30:00.000Z");
    for (const QByteArray &forbidden :
         {QByteArray("may drive"), QByteArray("safe to drive"), QByteArray("can drive")}) {
        CHECK_FALSE(answered.out.toLower().contains(forbidden));
        CHECK_FALSE(QJsonDocument(ended).toJson().toLower().contains(forbidden));
    }
    // The morning-check reminder is gone once answered.
    CHECK(countKind(remindersOf(copy, u"2030-03-01T00:00:00Z"_s), u"morning_check"_s) == 0);
}

TEST_CASE("plan commands refuse bad input with exit 2 and a wrong passphrase with 3",
          "[integration][cli][plan]")
{
    ProfileCopy copy;
    const QString id = addAppointment(copy, u"2030-03-12T09:00:00Z"_s);
    const auto code = [&](QStringList arguments) {
        return runCli(withProfile(copy, arguments)).exitCode;
    };
    CHECK(code({u"appointment"_s, u"add"_s}) == 2);                           // no --at
    CHECK(code({u"appointment"_s, u"add"_s, u"--at"_s, u"tomorrow"_s}) == 2); // not ISO 8601
    CHECK(code({u"appointment"_s, u"add"_s, u"--at"_s, u"2030-03-12T09:00:00Z"_s,
                u"--duration-min"_s, u"5"_s}) == 2);
    CHECK(code({u"appointment"_s, u"move"_s, u"--at"_s, u"2030-03-12T09:00:00Z"_s}) == 2);
    CHECK(code({u"appointment"_s, u"move"_s, u"nope"_s, u"--at"_s, u"2030-03-12T09:00:00Z"_s}) ==
          2);
    CHECK(code({u"appointment"_s, u"cancel"_s, u"0b6a4c9e-0000-4000-8000-000000000000"_s}) ==
          1); // not found
    CHECK(code({u"plan"_s, u"check"_s, id, u"snacks"_s, u"on"_s}) == 2);
    CHECK(code({u"plan"_s, u"check"_s, id, u"bring"_s, u"maybe"_s}) == 2);
    CHECK(code({u"plan"_s, u"check"_s, id}) == 2);
    CHECK(code({u"ride"_s, u"set"_s, id, u"--driver"_s, u"Sam"_s}) == 2); // no --phone
    CHECK(code({u"ride"_s, u"set"_s, id, u"--driver"_s, u"Sam"_s, u"--phone"_s, u"call me"_s}) ==
          2);
    CHECK(code({u"no-driving"_s, u"morning-check"_s, id, u"--slept"_s, u"sure"_s,
                u"--clear-headed"_s, u"yes"_s}) == 2);
    CHECK(code({u"reminders"_s, u"list"_s, u"--time-zone"_s, u"Mars/Olympus"_s}) == 2);
    CHECK(code({u"appointment"_s, u"list"_s, u"--driver"_s, u"x"_s}) == 2); // wrong option
    const CliResult unknownItem =
        runCli(withProfile(copy, {u"plan"_s, u"check"_s, id, u"snacks"_s, u"on"_s}));
    CHECK_FALSE(unknownItem.err.contains("snacks")); // values are never repeated

    const QString wrong = writeSecretFile(copy.scratch(), u"wrong.txt"_s, kWrongPassphrase);
    CHECK(runCli({u"appointment"_s, u"list"_s, u"--profile"_s, copy.directory(),
                  u"--passphrase-file"_s, wrong})
              .exitCode == 3);

    // export --format ics never overwrites.
    const QString out = copy.scratch().file(u"plan.ics"_s);
    ok(copy, {u"export"_s, u"--format"_s, u"ics"_s, u"--out"_s, out});
    CHECK(QFileInfo(out).size() > 0);
    CHECK(code({u"export"_s, u"--format"_s, u"ics"_s, u"--out"_s, out}) == 1);
}

TEST_CASE("the reminder service delivers due reminders over D-Bus without the passphrase",
          "[integration][cli][plan][dbus]")
{
    // A private session bus with a recording notification server.
    QProcess bus;
    bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address"_s});
    REQUIRE(bus.waitForStarted(10000));
    QByteArray address;
    while (!address.contains('\n') && bus.waitForReadyRead(10000))
        address += bus.readAllStandardOutput();
    address = address.trimmed();
    REQUIRE(address.startsWith("unix:"));
    {
        QDBusConnection connection =
            QDBusConnection::connectToBus(QString::fromUtf8(address), u"cli-server"_s);
        REQUIRE(connection.isConnected());
        NotificationServer server;
        REQUIRE(connection.registerObject(u"/org/freedesktop/Notifications"_s, &server,
                                          QDBusConnection::ExportAllSlots));
        REQUIRE(connection.registerService(u"org.freedesktop.Notifications"_s));

        // A schedule with one reminder due a minute ago (as the app or CLI would write it).
        TempDir profile;
        QFile schedule(QDir(profile.path()).filePath(u"reminders.json"_s));
        REQUIRE(schedule.open(QIODevice::WriteOnly));
        const QString due =
            QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
        schedule.write(
            u"{\"format\": 1, \"reminders\": [{\"id\": \"0123abcd\", \"fireAt\": \"%1\", "
            u"\"text\": \"You have a reminder from Companion\"}]}"_s.arg(due)
                .toUtf8());
        schedule.close();

        QProcess daemon;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, QString::fromUtf8(address));
        daemon.setProcessEnvironment(environment);
        // No passphrase: stdin is closed and no --passphrase-file is given.
        daemon.start(QStringLiteral(COMPANION_CLI_PATH),
                     {u"reminders"_s, u"daemon"_s, u"--profile"_s, profile.path()});
        REQUIRE(daemon.waitForStarted(10000));
        daemon.closeWriteChannel();
        // Generous: the daemon process starts, opens the bus and reads the schedule first.
        const bool arrived = waitUntil([&] { return !server.calls.empty(); }, 60000);
        // Delivered once: the state file remembers it (written right after the call).
        const QString delivered = QDir(profile.path()).filePath(u"reminders-delivered.json"_s);
        const bool remembered = waitUntil([&] { return QFileInfo::exists(delivered); });
        daemon.terminate();
        daemon.waitForFinished(5000);
        INFO(daemon.readAllStandardError().toStdString());
        REQUIRE(arrived);
        CHECK(remembered);
        CHECK(server.calls.size() == 1);
        CHECK(server.calls.front().body == u"You have a reminder from Companion");
        CHECK(server.calls.front().summary == u"Companion");
    }
    QDBusConnection::disconnectFromBus(u"cli-server"_s);
    bus.terminate();
    bus.waitForFinished(5000);
}

TEST_CASE("reminders autostart writes and removes the XDG entry", "[integration][cli][plan]")
{
    TempDir config;
    TempDir profile;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, config.path());
    process.setProcessEnvironment(environment);
    const QString entry = config.path() + u"/autostart/companion.desktop"_s;

    process.start(QStringLiteral(COMPANION_CLI_PATH),
                  {u"reminders"_s, u"autostart"_s, u"on"_s, u"--profile"_s, profile.path()});
    REQUIRE(process.waitForFinished(30000));
    CHECK(process.exitCode() == 0);
    QFile file(entry);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.contains(u"Exec="_s + QStringLiteral(COMPANION_CLI_PATH) +
                        u" reminders daemon --profile "_s + profile.path()));
    file.close();

    process.start(QStringLiteral(COMPANION_CLI_PATH),
                  {u"reminders"_s, u"autostart"_s, u"off"_s, u"--profile"_s, profile.path()});
    REQUIRE(process.waitForFinished(30000));
    CHECK(process.exitCode() == 0);
    CHECK_FALSE(QFileInfo::exists(entry));
}
