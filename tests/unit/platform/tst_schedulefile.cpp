#include <catch2/catch.hpp>

#include "platform/filereminderscheduler.h"
#include "platform/linux/autostart.h"
#include "platform/schedulefile.h"
#include "support/tempdir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::platform;

namespace {

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc());
}

mode_t modeOf(const QString &path)
{
    struct stat info
    {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777;
}

} // namespace

TEST_CASE("the schedule file round-trips, is private and is replaced atomically",
          "[platform][schedule]")
{
    testing::TempDir dir;
    const QString path = scheduleFilePath(dir.path());
    CHECK(readScheduleFile(path).value().empty()); // none yet: nothing scheduled

    const std::vector<ScheduledReminder> first{
        {u"a1"_s, utc(10, 4), u"You have a reminder from Companion"_s},
        {u"b2"_s, utc(10, 7), u"You have a reminder from Companion"_s}};
    FileReminderScheduler scheduler(path);
    REQUIRE(scheduler.replaceAll(first));
    CHECK(modeOf(path) == 0600);
    CHECK(readScheduleFile(path).value() == first);

    const std::vector<ScheduledReminder> second{{u"c3"_s, utc(11, 4), u"Reminder"_s}};
    REQUIRE(scheduler.replaceAll(second));
    CHECK(readScheduleFile(path).value() == second);
    CHECK(modeOf(path) == 0600);
    // No temporary files are left behind.
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"reminders.json"_s});
}

TEST_CASE("bad schedule files and entries are refused", "[platform][schedule]")
{
    testing::TempDir dir;
    const QString path = dir.file(u"reminders.json"_s);
    CHECK_FALSE(writeScheduleFile(path, {{QString(), utc(10, 4), u"x"_s}}));
    CHECK_FALSE(writeScheduleFile(path, {{u"a"_s, QDateTime(), u"x"_s}}));
    CHECK_FALSE(writeScheduleFile(path, {{u"a"_s, utc(10, 4), QString(201, u'x')}}));
    CHECK_FALSE(QFileInfo::exists(path));

    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": 2, "reminders": []})");
    file.close();
    CHECK_FALSE(readScheduleFile(path));
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"format": 1, "reminders": [{"id": "a", "fireAt": "soon", "text": "x"}]})");
    file.close();
    CHECK_FALSE(readScheduleFile(path));
}

TEST_CASE("the autostart entry is written to XDG_CONFIG_HOME and removed again",
          "[platform][autostart]")
{
    testing::TempDir config;
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    const QString expected = config.path() + u"/autostart/companion.desktop"_s;
    CHECK(autostart::entryPath() == expected);
    CHECK_FALSE(autostart::isEnabled());

    REQUIRE(
        autostart::enable(u"/opt/companion/bin/companion-cli"_s,
                          {u"reminders"_s, u"daemon"_s, u"--profile"_s, u"/home/a b/profile"_s}));
    CHECK(autostart::isEnabled());
    QFile file(expected);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.startsWith(u"[Desktop Entry]\nType=Application\n"_s));
    CHECK(text.contains(u"\nExec=/opt/companion/bin/companion-cli reminders daemon --profile "
                        u"\"/home/a b/profile\"\n"_s));
    CHECK(text.contains(u"\nNoDisplay=true\n"_s));
    CHECK(modeOf(expected) == 0644);

    REQUIRE(autostart::disable());
    CHECK_FALSE(autostart::isEnabled());
    CHECK(autostart::disable()); // nothing to remove is fine

    CHECK(autostart::quoteExecArgument(u"plain"_s) == u"plain"_s);
    CHECK(autostart::quoteExecArgument(u"50%"_s) == u"50%%"_s);
    CHECK(autostart::quoteExecArgument(u"a\"$b"_s) == u"\"a\\\"\\$b\""_s);
    // Backslashes are escaped by the quoting rule and again as a string value.
    CHECK(autostart::entryText(u"/x"_s, {u"a\\b"_s}).contains(u"Exec=/x \"a\\\\\\\\b\"\n"_s));
    if (previous.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", previous);
}

TEST_CASE("wiping a profile removes only the autostart entry that names that profile",
          "[platform][autostart]")
{
    testing::TempDir config;
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    const QString program = u"/opt/companion/bin/companion-cli"_s;
    const auto entryFor = [&](const QString &profile) {
        return autostart::enable(program, {u"reminders"_s, u"daemon"_s, u"--profile"_s, profile});
    };

    CHECK(autostart::disableForProfile(u"/home/a b/profile"_s)); // no entry: nothing to do

    // An entry for another profile whose path merely starts with this one's stays.
    REQUIRE(entryFor(u"/home/a b/profile2"_s));
    REQUIRE(autostart::disableForProfile(u"/home/a b/profile"_s));
    CHECK(autostart::isEnabled());

    REQUIRE(entryFor(u"/home/a b/profile"_s));
    REQUIRE(autostart::disableForProfile(u"/home/a b/profile"_s));
    CHECK_FALSE(autostart::isEnabled());

    if (previous.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", previous);
}
