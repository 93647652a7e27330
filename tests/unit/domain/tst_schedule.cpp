#include <catch2/catch.hpp>

#include "domain/instrumentschedule.h"

using namespace Qt::StringLiterals;
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

QDateTime at(int day, int hour = 9)
{
    return QDateTime(QDate(2026, 3, 1), QTime(hour, 0), Qt::UTC).addDays(day);
}

std::vector<InstrumentSlot> only(const std::vector<InstrumentSlot> &plan, const QString &id)
{
    std::vector<InstrumentSlot> out;
    for (const InstrumentSlot &slot : plan) {
        if (slot.instrumentId == id)
            out.push_back(slot);
    }
    return out;
}

} // namespace

TEST_CASE("the default protocol carries the product defaults", "[domain][schedule]")
{
    const ClinicProtocol &p = protocol();
    CHECK(p.fastingHours == 4);
    CHECK(p.noDrivingMinimumHours == 12);
    CHECK(p.noDrivingUntilNextDayAt == QTime(8, 0));
    CHECK(p.schedule.instruments == QStringList{u"phq9"_s, u"gad7"_s});
    CHECK(p.schedule.optionalInstruments == QStringList{u"pcl5"_s});
    CHECK(p.schedule.enabledByDefault.isEmpty());
    CHECK(p.schedule.daysAfterInfusion == std::vector<int>{1, 7});
    REQUIRE(p.crisisNumbers.size() == 2);
    CHECK(p.crisisNumbers[0].number == u"988");
    CHECK(p.crisisNumbers[1].number == u"911");
    CHECK(p.reviewWindowText.startsWith(u"This app is not monitored around the clock"));
    CHECK_FALSE(p.safetyFlagsStaffed);
    CHECK(crisisMessage(p).contains(u"988"));
    CHECK(crisisMessage(p).contains(u"911"));
}

TEST_CASE("with no infusions, the baseline is due now and stays due", "[domain][schedule]")
{
    auto due = dueInstruments(protocol(), {}, {}, at(0));
    REQUIRE(due.size() == 2);
    CHECK(due[0].kind == SlotKind::Baseline);
    CHECK_FALSE(due[0].closes.isValid());
    auto afterPhq9 = dueInstruments(protocol(), {}, {{u"phq9"_s, at(0)}}, at(1));
    REQUIRE(afterPhq9.size() == 1);
    CHECK(afterPhq9[0].instrumentId == u"gad7");
}

TEST_CASE("slots are anchored to infusions: baseline, before, 1 and 7 days after",
          "[domain][schedule]")
{
    // One infusion on day 10 at 09:00.
    const std::vector<QDateTime> infusions = {at(10)};
    auto plan = only(planInstruments(protocol(), infusions, {}, at(0)), u"phq9"_s);
    REQUIRE(plan.size() == 3);
    CHECK(plan[0].kind == SlotKind::Baseline);
    CHECK(plan[0].opens == at(-4)); // 14 days before
    CHECK(plan[0].closes == at(10));
    CHECK(plan[1].kind == SlotKind::AfterInfusion);
    CHECK(plan[1].daysAfter == 1);
    CHECK(plan[1].opens == at(11));
    CHECK(plan[1].closes == at(13)); // 48 h window
    CHECK(plan[2].daysAfter == 7);
    CHECK(plan[2].opens == at(17));

    // Just before the first infusion the baseline is due; at the infusion it is missed.
    CHECK(dueInstruments(protocol(), infusions, {}, at(10, 8)).size() == 2);
    auto atInfusion = only(planInstruments(protocol(), infusions, {}, at(10)), u"phq9"_s);
    CHECK(atInfusion[0].state == SlotState::Missed);
    CHECK(atInfusion[1].state == SlotState::Upcoming);
    // Day 11, 09:00 opens the day-1 slot; a result inside it completes it.
    CHECK(only(planInstruments(protocol(), infusions, {}, at(11)), u"phq9"_s)[1].state ==
          SlotState::Due);
    auto done = only(planInstruments(protocol(), infusions, {{u"phq9"_s, at(11, 10)}}, at(11, 12)),
                     u"phq9"_s);
    CHECK(done[1].state == SlotState::Completed);
    // A GAD-7 result does not complete a PHQ-9 slot.
    CHECK(only(planInstruments(protocol(), infusions, {{u"gad7"_s, at(11, 10)}}, at(11, 12)),
               u"phq9"_s)[1]
              .state == SlotState::Due);
}

TEST_CASE("a series: before each later infusion, and after-slots the next infusion overtakes",
          "[domain][schedule]")
{
    // Infusions on days 0, 2 and 4: day-1 slots after infusions 0 and 1 open before the next
    // infusion and stay; day-7 slots after them are overtaken and dropped.
    auto plan = only(planInstruments(protocol(), {at(4), at(0), at(2)}, {}, at(0)), u"gad7"_s);
    int before = 0;
    int after1 = 0;
    int after7 = 0;
    for (const InstrumentSlot &slot : plan) {
        if (slot.kind == SlotKind::BeforeInfusion) {
            ++before;
            CHECK(slot.closes == at(2 * slot.infusionIndex));
            CHECK(slot.opens == at(2 * slot.infusionIndex).addSecs(-24 * 3600));
        }
        if (slot.kind == SlotKind::AfterInfusion && slot.daysAfter == 1)
            ++after1;
        if (slot.kind == SlotKind::AfterInfusion && slot.daysAfter == 7) {
            ++after7;
            CHECK(slot.infusionIndex == 2);
        }
    }
    CHECK(before == 2);
    CHECK(after1 == 3);
    CHECK(after7 == 1);
}

TEST_CASE("PCL-5 is scheduled only when enabled", "[domain][schedule]")
{
    CHECK(only(planInstruments(protocol(), {at(10)}, {}, at(0)), u"pcl5"_s).empty());
    CHECK(only(planInstruments(protocol(), {at(10)}, {}, at(0), {u"pcl5"_s}), u"pcl5"_s).size() ==
          3);
}
