#include "domain/instrumentschedule.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

bool inWindow(const QDateTime &at, const InstrumentSlot &slot)
{
    return at >= slot.opens && (!slot.closes.isValid() || at < slot.closes);
}

QStringList scheduledInstruments(const ClinicProtocol &protocol, const QStringList &enabled)
{
    QStringList ids = protocol.schedule.instruments;
    for (const QString &id : protocol.schedule.optionalInstruments) {
        if ((protocol.schedule.enabledByDefault.contains(id) || enabled.contains(id)) &&
            !ids.contains(id))
            ids << id;
    }
    return ids;
}

} // namespace

std::vector<InstrumentSlot> planInstruments(const ClinicProtocol &protocol,
                                            std::vector<QDateTime> infusions,
                                            const std::vector<CompletedInstrument> &completed,
                                            const QDateTime &now,
                                            const QStringList &enabledOptional)
{
    std::sort(infusions.begin(), infusions.end());
    const InstrumentSchedulePolicy &policy = protocol.schedule;
    std::vector<InstrumentSlot> plan;
    for (const QString &id : scheduledInstruments(protocol, enabledOptional)) {
        if (infusions.empty()) {
            plan.push_back({id, SlotKind::Baseline, -1, 0,
                            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), QDateTime(),
                            SlotState::Upcoming});
            continue;
        }
        const QDateTime &first = infusions.front();
        plan.push_back({id, SlotKind::Baseline, 0, 0,
                        first.addDays(-policy.baselineDaysBeforeFirstInfusion), first,
                        SlotState::Upcoming});
        for (std::size_t n = 0; n < infusions.size(); ++n) {
            const QDateTime &infusion = infusions[n];
            const int index = static_cast<int>(n);
            if (n > 0)
                plan.push_back({id, SlotKind::BeforeInfusion, index, 0,
                                infusion.addSecs(-3600LL * policy.hoursBeforeInfusion), infusion,
                                SlotState::Upcoming});
            for (int days : policy.daysAfterInfusion) {
                const QDateTime opens = infusion.addDays(days);
                if (n + 1 < infusions.size() && infusions[n + 1] <= opens)
                    continue;
                plan.push_back({id, SlotKind::AfterInfusion, index, days, opens,
                                opens.addSecs(3600LL * policy.afterWindowHours),
                                SlotState::Upcoming});
            }
        }
    }

    for (InstrumentSlot &slot : plan) {
        const bool done =
            std::any_of(completed.begin(), completed.end(), [&](const CompletedInstrument &result) {
                return result.instrumentId == slot.instrumentId && inWindow(result.at, slot);
            });
        if (done)
            slot.state = SlotState::Completed;
        else if (now < slot.opens)
            slot.state = SlotState::Upcoming;
        else if (inWindow(now, slot))
            slot.state = SlotState::Due;
        else
            slot.state = SlotState::Missed;
    }
    std::stable_sort(
        plan.begin(), plan.end(),
        [](const InstrumentSlot &a, const InstrumentSlot &b) { return a.opens < b.opens; });
    return plan;
}

std::vector<InstrumentSlot> dueInstruments(const ClinicProtocol &protocol,
                                           std::vector<QDateTime> infusions,
                                           const std::vector<CompletedInstrument> &completed,
                                           const QDateTime &now, const QStringList &enabledOptional)
{
    std::vector<InstrumentSlot> due;
    for (InstrumentSlot &slot :
         planInstruments(protocol, std::move(infusions), completed, now, enabledOptional)) {
        if (slot.state == SlotState::Due)
            due.push_back(std::move(slot));
    }
    return due;
}

QString slotKindName(SlotKind kind)
{
    switch (kind) {
    case SlotKind::Baseline:
        return u"baseline"_s;
    case SlotKind::BeforeInfusion:
        return u"before_infusion"_s;
    case SlotKind::AfterInfusion:
        return u"after_infusion"_s;
    }
    return {};
}

QString slotStateName(SlotState state)
{
    switch (state) {
    case SlotState::Upcoming:
        return u"upcoming"_s;
    case SlotState::Due:
        return u"due"_s;
    case SlotState::Completed:
        return u"completed"_s;
    case SlotState::Missed:
        return u"missed"_s;
    }
    return {};
}

} // namespace companion::domain
