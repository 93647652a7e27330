// Notifications through a real dbus-daemon: a private session bus per test, a recording
// org.freedesktop.Notifications server on one connection, Companion's notifier on another.
#include <catch2/catch.hpp>

#include "support/notificationserver.h"

#include "domain/reminderplanner.h"
#include "platform/filereminderscheduler.h"
#include "platform/linux/dbusnotifier.h"
#include "platform/reminderdaemon.h"
#include "platform/schedulefile.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace companion;

namespace {

// dbus-daemon --session --nofork --print-address: the bus lives as long as this object.
class PrivateBus
{
public:
    PrivateBus()
    {
        m_process.setProgram(QStringLiteral(COMPANION_DBUS_DAEMON));
        m_process.setArguments({u"--session"_s, u"--nofork"_s, u"--print-address"_s});
        m_process.start();
        REQUIRE(m_process.waitForStarted(10000));
        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(10000))
            out += m_process.readAllStandardOutput();
        address = QString::fromUtf8(out.trimmed());
        REQUIRE(address.startsWith(u"unix:"_s));
    }
    ~PrivateBus()
    {
        for (const QString &name : m_names)
            QDBusConnection::disconnectFromBus(name);
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    QDBusConnection connect(const QString &name)
    {
        m_names << name;
        QDBusConnection connection = QDBusConnection::connectToBus(address, name);
        REQUIRE(connection.isConnected());
        return connection;
    }

    QString address;

private:
    QProcess m_process;
    QStringList m_names;
};

struct Server
{
    testing::NotificationServer object;

    explicit Server(QDBusConnection connection)
    {
        REQUIRE(connection.registerObject(platform::DbusNotifier::kPath, &object,
                                          QDBusConnection::ExportAllSlots));
        REQUIRE(connection.registerService(platform::DbusNotifier::kService));
    }
};

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), QTimeZone::utc());
}

} // namespace

TEST_CASE("DbusNotifier calls org.freedesktop.Notifications.Notify on the session bus",
          "[platform][dbus]")
{
    PrivateBus bus;
    Server server(bus.connect(u"server-1"_s));
    platform::DbusNotifier notifier(bus.connect(u"client-1"_s));

    REQUIRE(notifier.notify(u"You have a reminder from Companion"_s));
    REQUIRE(testing::waitUntil([&] { return server.object.calls.size() == 1; }));
    const auto &call = server.object.calls.front();
    CHECK(call.appName == u"Companion");
    CHECK(call.summary == u"Companion");
    CHECK(call.body == u"You have a reminder from Companion");
    CHECK(call.replacesId == 0);
    CHECK(call.expireTimeout == -1);
    CHECK(call.hints.value(u"category"_s).toString() == u"reminder");
}

TEST_CASE("DbusNotifier without a bus fails instead of pretending", "[platform][dbus]")
{
    platform::DbusNotifier notifier(QDBusConnection(u"never-connected"_s));
    auto result = notifier.notify(u"x"_s);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::Unsupported);
}

TEST_CASE("planned reminders reach the desktop with the generic text only, never patient text",
          "[platform][dbus]")
{
    // The plan: an appointment whose ride is not confirmed; the in-app text names the driver.
    auto protocol = domain::loadDefaultProtocol();
    REQUIRE(protocol);
    const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
    domain::Appointment appointment;
    appointment.id = RecordId::generate();
    appointment.version = 1;
    appointment.body.startsAt = utc(10, 9);
    domain::PlanInputs inputs;
    inputs.appointments = {appointment};
    inputs.rides = {{appointment.id, u"Sam Rivera"_s, u"+1 555 0101"_s, std::nullopt, false}};
    const auto planned = domain::planReminders(*protocol, inputs, utc(9, 0), zone);
    const auto ride = std::find_if(planned.begin(), planned.end(), [](const auto &reminder) {
        return reminder.kind == domain::ReminderKind::RideUnconfirmed;
    });
    REQUIRE(ride != planned.end());
    REQUIRE(ride->text.contains(u"Sam Rivera"));

    // Handed to the Linux scheduler the way the CLI and app do: id, time, lock-screen text.
    testing::TempDir dir;
    std::vector<platform::ScheduledReminder> scheduled;
    for (const auto &reminder : planned)
        scheduled.push_back({reminder.id, reminder.fireAt, reminder.lockScreenText});
    platform::FileReminderScheduler scheduler(platform::scheduleFilePath(dir.path()));
    REQUIRE(scheduler.replaceAll(scheduled));

    // The background service, with the profile locked (it never opens it), at the ride time.
    PrivateBus bus;
    Server server(bus.connect(u"server-2"_s));
    platform::DbusNotifier notifier(bus.connect(u"client-2"_s));
    testing::FakeClock clock(ride->fireAt.addSecs(30));
    platform::ReminderDaemon daemon(scheduler.path(), platform::deliveredFilePath(dir.path()),
                                    notifier, clock);
    auto delivered = daemon.deliverDue();
    REQUIRE(delivered);
    CHECK(*delivered >= 1);
    REQUIRE(testing::waitUntil(
        [&] { return server.object.calls.size() == static_cast<std::size_t>(*delivered); }));
    for (const auto &call : server.object.calls) {
        CHECK(call.body == u"You have a reminder from Companion");
        CHECK_FALSE(call.body.contains(u"Sam"));
        CHECK_FALSE(call.summary.contains(u"Sam"));
        CHECK_FALSE(call.body.contains(u"ride", Qt::CaseInsensitive));
    }
    // Nothing of the patient's is in the files outside the encrypted profile either.
    QFile file(scheduler.path());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK_FALSE(bytes.contains("Sam"));
    // The whole number, space included: "555" alone turns up by chance in random ids.
    CHECK_FALSE(bytes.contains("555 0101"));
    CHECK_FALSE(bytes.contains(appointment.id.toString().toUtf8()));
}
