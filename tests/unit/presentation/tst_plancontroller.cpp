#include <catch2/catch.hpp>

#include "platform/reminderscheduler.h"
#include "presentation/journalcontroller.h"
#include "presentation/plancontroller.h"
#include "presentation/profilecontroller.h"
#include "profilesession.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

// Records what the app hands to the operating system.
class RecordingScheduler final : public platform::ReminderScheduler
{
public:
    Result<void> replaceAll(const std::vector<platform::ScheduledReminder> &reminders) override
    {
        ++calls;
        last = reminders;
        if (fail)
            return makeError(ErrorCode::Io, u"no notification permission"_s);
        return {};
    }
    int calls = 0;
    bool fail = false;
    std::vector<platform::ScheduledReminder> last;
};

struct Fixture
{
    testing::TempDir dir;
    // Monday 9 March 2026, 09:00 in Berlin.
    testing::FakeClock clock{QDateTime(QDate(2026, 3, 9), QTime(8, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    PlanController plan{profile, clock, QTimeZone("Europe/Berlin")};
    JournalController journal{profile, clock};
    RecordingScheduler scheduler;

    Fixture()
    {
        testing::createUnlockedProfile(profile);
        plan.setScheduler(&scheduler);
    }

    QStringList checklistIds() const
    {
        QStringList ids;
        for (const QVariant &item : plan.checklist())
            ids << item.toMap().value(u"id"_s).toString();
        return ids;
    }
};

} // namespace

TEST_CASE("An appointment gets its checklist, countdown and reminders", "[presentation][plan]")
{
    Fixture f;
    CHECK_FALSE(f.plan.hasAppointments());
    CHECK_FALSE(f.plan.addAppointment(u"12/03/2026"_s, u"10:00"_s));
    CHECK(f.plan.errorMessage().contains(u"YYYY-MM-DD"_s));
    REQUIRE(f.plan.addAppointment(u"2026-03-12"_s, u"10:00"_s));
    CHECK(f.plan.errorMessage().isEmpty());
    CHECK(f.plan.hasAppointments());
    CHECK(f.plan.selectedTitle() == u"Infusion 1 of the series"_s);
    CHECK(f.plan.selectedDate() == u"2026-03-12"_s);
    CHECK(f.plan.selectedTime() == u"10:00"_s); // Berlin wall clock, stored in UTC
    CHECK(f.plan.infusionTimes() ==
          std::vector<QDateTime>{QDateTime(QDate(2026, 3, 12), QTime(9, 0), Qt::UTC)});
    const QStringList ids = f.checklistIds();
    CHECK(ids.contains(u"fasting"_s));
    CHECK(ids.contains(u"ride"_s));
    CHECK(f.plan.checklistProgress() == u"0 of %1 done"_s.arg(ids.size()));
    // Three days ahead, the fasting cut-off is already said in words with its countdown.
    CHECK(f.plan.fastingText().startsWith(u"Last solid food by"_s));

    // Reminders reach the scheduler with the generic text only.
    REQUIRE_FALSE(f.scheduler.last.empty());
    for (const auto &reminder : f.scheduler.last)
        CHECK(reminder.text == u"You have a reminder from Companion"_s);
    CHECK(f.plan.nextReminders().size() > 0);
    CHECK(f.plan.schedulerStatus().contains(u"scheduled"_s));

    // Ticking an item saves it and drops its reminder ("what to bring" is due the day before).
    const std::size_t before = f.scheduler.last.size();
    REQUIRE(f.plan.setChecked(u"bring"_s, true));
    CHECK(f.plan.checklistProgress().startsWith(u"1 of"_s));
    CHECK(f.scheduler.last.size() == before - 1);

    // Moving keeps what was ticked; the due times follow.
    REQUIRE(f.plan.moveSelected(u"2026-03-13"_s, u"14:30"_s));
    CHECK(f.plan.selectedTime() == u"14:30"_s);
    CHECK(f.plan.checklistProgress().startsWith(u"1 of"_s));

    // A confirmed ride stops the ride reminders.
    REQUIRE(f.plan.saveRide(u"Sam"_s, u"+49 30 1234567"_s, u"16:00"_s, false));
    const std::size_t unconfirmed = f.scheduler.last.size();
    CHECK(f.plan.rideCallUri() == u"tel:+49301234567"_s);
    CHECK(f.plan.ridePickup() == u"16:00"_s);
    REQUIRE(f.plan.saveRide(u"Sam"_s, u"+49 30 1234567"_s, u"16:00"_s, true));
    CHECK(f.plan.rideConfirmed());
    CHECK(f.scheduler.last.size() < unconfirmed);
    CHECK_FALSE(f.plan.saveRide(u"Sam"_s, u"+49"_s, u"25:99"_s, true));

    // Cancelling drops every reminder of the appointment.
    REQUIRE(f.plan.cancelSelected());
    CHECK(f.scheduler.last.empty());
    CHECK(f.plan.infusionTimes().empty());
}

TEST_CASE("The no-driving window ends early only by a morning check after the minimum",
          "[presentation][plan]")
{
    Fixture f;
    REQUIRE(f.plan.addAppointment(u"2026-03-09"_s, u"10:00"_s));
    f.clock.set(QDateTime(QDate(2026, 3, 9), QTime(12, 0), Qt::UTC)); // after the infusion
    f.plan.refresh();
    CHECK(f.plan.noDrivingState() == u"active"_s);
    CHECK_FALSE(f.plan.canMorningCheck()); // the same evening does not count
    CHECK_FALSE(f.plan.noDrivingText().contains(u"may drive"_s, Qt::CaseInsensitive));
    f.clock.set(QDateTime(QDate(2026, 3, 10), QTime(6, 0), Qt::UTC)); // 07:00 next morning
    f.plan.refresh();
    CHECK(f.plan.noDrivingState() == u"active"_s);
    REQUIRE(f.plan.canMorningCheck());
    REQUIRE(f.plan.morningCheck(true, true));
    // 12 h minimum from an 11:00 end (Berlin) has passed at 07:00: the window ends.
    CHECK(f.plan.noDrivingState() == u"ended"_s);
    CHECK_FALSE(f.plan.noDrivingText().contains(u"safe to drive"_s, Qt::CaseInsensitive));
}

TEST_CASE("A journal action marked remind me becomes a reminder the next morning",
          "[presentation][plan]")
{
    Fixture f;
    f.journal.startEntry(u"action"_s, QString());
    f.journal.setEditorText(u"call my sister"_s);
    f.journal.setEditorRemind(true);
    REQUIRE(f.journal.save());
    f.plan.refresh();
    REQUIRE(f.plan.nextReminders().size() == 1);
    const QVariantMap shown = f.plan.nextReminders().front().toMap();
    CHECK(shown.value(u"text"_s).toString() == u"Your action: call my sister"_s);
    REQUIRE(f.scheduler.last.size() == 1);
    CHECK(f.scheduler.last.front().fireAt ==
          QDateTime(QDate(2026, 3, 10), QTime(8, 0), Qt::UTC)); // 09:00 Berlin
    CHECK(f.scheduler.last.front().text == u"You have a reminder from Companion"_s);

    f.scheduler.fail = true;
    f.plan.refresh();
    CHECK(f.plan.schedulerStatus().contains(u"could not"_s));
}
