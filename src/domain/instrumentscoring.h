#pragma once

#include "common/result.h"
#include "domain/instrument.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace companion::domain {

struct ClusterScore
{
    QString id;
    double score = 0;
};

struct InstrumentScore
{
    QString instrumentId;
    QString instrumentVersion;
    QString scoringRuleVersion;
    double total = 0;      // sum, or mean for "mean" instruments
    QString severity;      // band id; empty when the instrument has no bands
    QString severityLabel; // band label
    std::vector<ClusterScore> clusters;
    QStringList flags; // item flags first ("item9_positive"), then thresholds ("probable_ptsd")
};

// The item flag that means a person may not be safe (PHQ-9 item 9 above 0). It opens crisis help
// the moment the item is answered, not when the questionnaire is finished.
inline const QString kSafetyFlag = QStringLiteral("item9_positive");

// True when answering item `itemIndex` (0-based) with `value` raises kSafetyFlag.
bool raisesSafetyFlag(const Instrument &instrument, int itemIndex, int value);

// The one scoring engine. `answers` are option values in item order: every required item, and
// optionally the trailing optional items (PHQ-9: 9 or 10 answers). A wrong count or a value that
// is not one of the item's options is InvalidInput naming the item (by position) and the allowed
// range; the value itself is not repeated.
Result<InstrumentScore> scoreInstrument(const Instrument &instrument,
                                        const std::vector<int> &answers);

} // namespace companion::domain
