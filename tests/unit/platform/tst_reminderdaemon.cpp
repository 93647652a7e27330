#include <catch2/catch.hpp>

#include "platform/reminderdaemon.h"
#include "platform/schedulefile.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::platform;

namespace {

class RecordingNotifier final : public Notifier
{
public:
    QStringList shown;
    bool fail = false;
    Result<void> notify(const QString &text) override
    {
        if (fail)
            return makeError(ErrorCode::Unsupported, u"no notification server"_s);
        shown << text;
        return {};
    }
};

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), QTimeZone::utc());
}

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock{utc(10, 3)};
    RecordingNotifier notifier;
    QString schedule = scheduleFilePath(dir.path());
    QString delivered = deliveredFilePath(dir.path());

    std::unique_ptr<ReminderDaemon> daemon()
    {
        return std::make_unique<ReminderDaemon>(schedule, delivered, notifier, clock);
    }
};

} // namespace

TEST_CASE("the reminder service delivers due reminders once, across restarts", "[platform][daemon]")
{
    Fixture f;
    REQUIRE(writeScheduleFile(
        f.schedule, {{u"a"_s, utc(10, 4), u"first"_s}, {u"b"_s, utc(10, 7), u"second"_s}}));
    auto daemon = f.daemon();
    CHECK(daemon->deliverDue().value() == 0);
    CHECK(daemon->nextFireAt() == utc(10, 4));

    f.clock.set(utc(10, 4, 1));
    CHECK(daemon->deliverDue().value() == 1);
    CHECK(f.notifier.shown == QStringList{u"first"_s});
    CHECK(daemon->deliverDue().value() == 0);
    CHECK(daemon->nextFireAt() == utc(10, 7));

    // A new process remembers what was delivered.
    auto restarted = f.daemon();
    f.clock.set(utc(10, 7));
    CHECK(restarted->deliverDue().value() == 1);
    CHECK(f.notifier.shown == QStringList{u"first"_s, u"second"_s});
    CHECK_FALSE(restarted->nextFireAt().isValid());

    // The appointment moved: the same reminder id at a new time fires again.
    REQUIRE(writeScheduleFile(f.schedule, {{u"a"_s, utc(11, 4), u"first"_s}}));
    f.clock.set(utc(11, 4));
    CHECK(restarted->deliverDue().value() == 1);
    CHECK(f.notifier.shown.size() == 3);
}

TEST_CASE("stale reminders are dropped and failed deliveries retried", "[platform][daemon]")
{
    Fixture f;
    REQUIRE(writeScheduleFile(
        f.schedule, {{u"old"_s, utc(8, 4), u"stale"_s}, {u"new"_s, utc(10, 2), u"fresh"_s}}));
    auto daemon = f.daemon();
    f.notifier.fail = true;
    CHECK_FALSE(daemon->deliverDue());
    CHECK(f.notifier.shown.isEmpty());
    f.notifier.fail = false;
    CHECK(daemon->deliverDue().value() == 1);
    CHECK(f.notifier.shown == QStringList{u"fresh"_s}); // two days late: not shown
}

TEST_CASE("the reminder service fires from its timer", "[platform][daemon]")
{
    Fixture f;
    f.clock.set(QDateTime::currentDateTimeUtc());
    REQUIRE(writeScheduleFile(f.schedule, {{u"soon"_s, f.clock.nowUtc().addMSecs(200),
                                            u"You have a reminder from Companion"_s}}));
    auto daemon = f.daemon();
    int signalled = 0;
    QObject::connect(daemon.get(), &ReminderDaemon::delivered,
                     [&](int count) { signalled += count; });
    daemon->start();
    CHECK(signalled == 0);
    // The fake clock does not move by itself: move it past the fire time before the timer
    // (set to the 200 ms remaining) runs out.
    f.clock.advanceSeconds(1);
    QDeadlineTimer deadline(30000); // ends at the first delivery; CI is a loaded 2-core machine
    while (signalled == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(signalled == 1);
}
