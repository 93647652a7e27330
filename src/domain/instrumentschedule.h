#pragma once

#include "domain/protocol.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace companion::domain {

// When each instrument is due, anchored to infusion times (pure; appointments will supply the
// times later). Slots, for every scheduled instrument:
//   baseline          [first infusion − baseline days, first infusion)
//                     no infusions yet: open from the earliest possible time, never closes
//   before infusion n [infusion n − hoursBefore, infusion n), for n ≥ 2 (baseline covers n = 1)
//   after infusion n  [infusion n + d days, + windowHours) for each d in daysAfterInfusion,
//                     dropped when infusion n+1 comes before it opens (that infusion's own
//                     "before" slot asks the same questions)
// One completed result satisfies every slot of its instrument whose window holds its time.

enum class SlotKind { Baseline, BeforeInfusion, AfterInfusion };
enum class SlotState { Upcoming, Due, Completed, Missed };

struct CompletedInstrument
{
    QString instrumentId;
    QDateTime at;
};

struct InstrumentSlot
{
    QString instrumentId;
    SlotKind kind = SlotKind::Baseline;
    int infusionIndex = 0; // 0-based anchor infusion; -1 for a baseline with no infusions
    int daysAfter = 0;     // AfterInfusion only
    QDateTime opens;       // inclusive
    QDateTime closes;      // exclusive; invalid = never closes
    SlotState state = SlotState::Upcoming;
};

// `enabledOptional`: optional instruments switched on for this patient (e.g. "pcl5"), on top of
// those the protocol enables by default. Slots are sorted by opening time, then instrument.
std::vector<InstrumentSlot> planInstruments(const ClinicProtocol &protocol,
                                            std::vector<QDateTime> infusions,
                                            const std::vector<CompletedInstrument> &completed,
                                            const QDateTime &now,
                                            const QStringList &enabledOptional = {});

// Only the slots in state Due.
std::vector<InstrumentSlot> dueInstruments(const ClinicProtocol &protocol,
                                           std::vector<QDateTime> infusions,
                                           const std::vector<CompletedInstrument> &completed,
                                           const QDateTime &now,
                                           const QStringList &enabledOptional = {});

QString slotKindName(SlotKind kind);
QString slotStateName(SlotState state);

} // namespace companion::domain
