#include "cli/arguments.h"
#include "cli/plancommands.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace companion;
using companion::cli::Command;
using companion::cli::parseArguments;

namespace {

QStringList split(const char *line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

QString failure(const char *line)
{
    auto parsed = parseArguments(split(line));
    return parsed ? QString() : parsed.error().message;
}

} // namespace

TEST_CASE("plan commands parse their positional words and options", "[cli][plan]")
{
    auto add = parseArguments(
        split("appointment add --at 2030-03-12T09:00:00Z --duration-min 90 --json --profile /p"));
    REQUIRE(add);
    CHECK(add->command == Command::AppointmentAdd);
    CHECK(add->at == u"2030-03-12T09:00:00Z");
    CHECK(add->durationMinutes == u"90");
    CHECK(add->json);

    auto check =
        parseArguments(split("plan check ID bring on --profile /p --time-zone Europe/Berlin"));
    REQUIRE(check);
    CHECK(check->command == Command::PlanCheck);
    CHECK(check->positional == QStringList{u"ID"_s, u"bring"_s, u"on"_s});
    CHECK(check->timeZone == u"Europe/Berlin");

    auto ride =
        parseArguments(split("ride set ID --driver Sam --phone 555 --confirmed --profile /p"));
    REQUIRE(ride);
    CHECK(ride->positional == QStringList{u"ID"_s});
    CHECK(ride->driver == u"Sam");
    CHECK(ride->confirmed);

    auto morning = parseArguments(
        split("no-driving morning-check ID --slept yes --clear-headed no --profile /p"));
    REQUIRE(morning);
    CHECK(morning->command == Command::NoDrivingMorningCheck);
    CHECK(morning->slept == u"yes");
    CHECK(morning->clearHeaded == u"no");

    auto daemon = parseArguments(split("reminders daemon --profile /p"));
    REQUIRE(daemon);
    CHECK(cli::usesProfileFolderOnly(daemon->command));

    CHECK(failure("appointment add --profile /p").contains(u"--at"));
    CHECK(failure("appointment move --at 2030-03-12T09:00:00Z --profile /p")
              .contains(u"appointment id"));
    CHECK(failure("plan check ID bring --profile /p").contains(u"on or off"));
    CHECK(failure("plan check ID bring on extra --profile /p").contains(u"unexpected argument"));
    CHECK(failure("ride set ID --driver Sam --profile /p").contains(u"--phone"));
    CHECK(failure("ride set ID --driver Sam --phone 5 --confirmed --confirmed --profile /p")
              .contains(u"twice"));
    CHECK(failure("no-driving morning-check ID --slept yes --profile /p")
              .contains(u"--clear-headed"));
    CHECK(failure("appointment list --driver x --profile /p").contains(u"does not apply"));
    CHECK(failure("reminders daemon --profile /p --passphrase-file f").contains(u"does not apply"));
    CHECK(failure("reminders autostart --profile /p").contains(u"on or off"));
    CHECK(failure("appointment list").contains(u"--profile"));
}

TEST_CASE("only the lock-screen text is handed to the platform scheduler", "[cli][plan]")
{
    domain::Reminder reminder;
    reminder.id = u"abc"_s;
    reminder.appointmentId = RecordId::generate();
    reminder.fireAt = QDateTime(QDate(2030, 3, 12), QTime(4, 0), QTimeZone::utc());
    reminder.text = u"Your ride home is not confirmed yet. Confirm it with Sam Rivera."_s;
    reminder.lockScreenText = u"You have a reminder from Companion"_s;
    const auto scheduled = cli::toScheduled({reminder});
    REQUIRE(scheduled.size() == 1);
    CHECK(scheduled[0].id == u"abc");
    CHECK(scheduled[0].fireAt == reminder.fireAt);
    CHECK(scheduled[0].text == u"You have a reminder from Companion");
}

TEST_CASE("time zones and yes/no answers are parsed strictly", "[cli][plan]")
{
    CHECK(cli::parseTimeZone(u"America/New_York"_s).value().id() == "America/New_York");
    CHECK(cli::parseTimeZone(QString()).value() == QTimeZone::systemTimeZone());
    CHECK_FALSE(cli::parseTimeZone(u"Mars/Olympus"_s));
    CHECK(cli::parseYesNo(u"YES"_s, u"--slept"_s).value());
    CHECK_FALSE(cli::parseYesNo(u"no"_s, u"--slept"_s).value());
    auto bad = cli::parseYesNo(u"y"_s, u"--slept"_s);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == u"--slept takes yes or no");
}
