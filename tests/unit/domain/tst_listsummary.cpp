#include <catch2/catch.hpp>

#include "domain/listsummary.h"

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::domain;

namespace {
const QDateTime kAt(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
} // namespace

TEST_CASE("summary slots pack seven optional values without touching neighbours", "[domain][diary]")
{
    SummarySlots values;
    CHECK(values.packed() == 0);
    for (int slot = 0; slot < SummarySlots::kCount; ++slot)
        CHECK_FALSE(values.at(slot));

    // Zero is a value, not "not answered"; the largest value fits in every slot.
    values.set(0, 0);
    values.set(3, SummarySlots::kMaxValue);
    values.set(6, 300);
    CHECK(values.at(0) == 0);
    CHECK_FALSE(values.at(1));
    CHECK(values.at(3) == SummarySlots::kMaxValue);
    CHECK(values.at(6) == 300);
    CHECK(values.packed() > 0); // the sign bit stays clear: SQLite reads it back unchanged

    const SummarySlots copy = SummarySlots::fromPacked(values.packed());
    CHECK(copy == values);

    // Out-of-range values and slots are refused without spilling into the next slot.
    values.set(4, SummarySlots::kMaxValue + 1);
    values.set(5, -1);
    values.set(SummarySlots::kCount, 1);
    CHECK_FALSE(values.at(4));
    CHECK_FALSE(values.at(5));
    CHECK(values.at(3) == SummarySlots::kMaxValue);
    CHECK(values.at(6) == 300);

    // Clearing a slot leaves the others.
    values.set(3, std::nullopt);
    CHECK_FALSE(values.at(3));
    CHECK(values.at(0) == 0);
    CHECK(values.at(6) == 300);
}

TEST_CASE("a list summary keeps what the diary list shows of each kind", "[domain][diary]")
{
    CheckIn checkIn;
    checkIn.occurredAt = kAt;
    checkIn.mood = 10;
    checkIn.anxiety = 0;
    checkIn.pain = 4;
    checkIn.sleepHours = 7.33;
    checkIn.energy = 2;
    checkIn.sleepQuality = 9; // not shown in the list
    checkIn.note = u"a note"_s;
    ListSummary summary = listSummaryOf(checkIn);
    CHECK(summary.values.at(checkInSlot::Mood) == 10);
    CHECK(summary.values.at(checkInSlot::Anxiety) == 0);
    CHECK(summary.values.at(checkInSlot::Pain) == 4);
    CHECK(summary.values.at(checkInSlot::Energy) == 2);
    CHECK_FALSE(summary.values.at(4));
    CHECK(summary.number == 7.33); // exact, not rounded into a slot
    CHECK(summary.text == u"a note"_s);

    checkIn.sleepHours.reset();
    checkIn.energy.reset();
    summary = listSummaryOf(checkIn);
    CHECK_FALSE(summary.number);
    CHECK_FALSE(summary.values.at(checkInSlot::Energy));

    PostInfusionCheck check;
    check.occurredAt = kAt;
    check.nausea = SymptomGrade::None;
    check.urinary = SymptomGrade::Severe;
    check.systolic = 300;
    check.diastolic = 200;
    summary = listSummaryOf(check);
    CHECK(summary.values.at(postInfusionSlot::Nausea) == 0);
    CHECK_FALSE(summary.values.at(postInfusionSlot::Dizziness));
    CHECK(summary.values.at(postInfusionSlot::Urinary) == 3);
    CHECK(summary.values.at(postInfusionSlot::Systolic) == 300);
    CHECK(summary.values.at(postInfusionSlot::Diastolic) == 200);
    CHECK_FALSE(summary.number);
    CHECK(summary.text.isEmpty());

    InstrumentResult result;
    result.occurredAt = kAt;
    result.instrumentId = u"phq9"_s;
    result.total = 14;
    result.severity = u"moderate"_s;
    summary = listSummaryOf(result);
    CHECK(summary.values.packed() == 0);
    CHECK(summary.number == 14);
    CHECK(summary.text == u"moderate"_s);

    SafetyEvent event;
    event.occurredAt = kAt;
    event.trigger = SafetyEvent::Trigger::Item9;
    event.toldClinic = true;
    summary = listSummaryOf(event);
    CHECK(summary.values.at(safetySlot::Trigger) == 1);
    CHECK(summary.values.at(safetySlot::ToldClinic) == 1);
    event.trigger = SafetyEvent::Trigger::Manual;
    event.toldClinic = false;
    summary = listSummaryOf(event);
    CHECK(summary.values.at(safetySlot::Trigger) == 0);
    CHECK(summary.values.at(safetySlot::ToldClinic) == 0);
}
