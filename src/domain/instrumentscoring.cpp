#include "domain/instrumentscoring.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

Result<void> checkAnswers(const Instrument &instrument, const std::vector<int> &answers)
{
    const int required = instrument.requiredAnswerCount();
    const int maximum = instrument.maxAnswerCount();
    const int given = static_cast<int>(answers.size());
    if (given < required || given > maximum) {
        const QString expected = required == maximum ? QString::number(required)
                                                     : u"%1 or %2"_s.arg(required).arg(maximum);
        return makeError(ErrorCode::InvalidInput,
                         u"%1 needs %2 answers, one per item in order; got %3"_s.arg(
                             instrument.title, expected, QString::number(given)));
    }
    for (int i = 0; i < given; ++i) {
        const InstrumentItem &item = instrument.items.at(static_cast<std::size_t>(i));
        const bool allowed =
            std::any_of(item.options.begin(), item.options.end(),
                        [&](const AnswerOption &option) { return option.value == answers[i]; });
        if (!allowed)
            return makeError(ErrorCode::InvalidInput,
                             u"%1 answer %2 is out of range: it must be a whole number from %3 "
                             u"to %4"_s.arg(instrument.title, QString::number(i + 1),
                                            QString::number(item.options.front().value),
                                            QString::number(item.options.back().value)));
    }
    return {};
}

} // namespace

Result<InstrumentScore> scoreInstrument(const Instrument &instrument,
                                        const std::vector<int> &answers)
{
    COMPANION_TRY(checkAnswers(instrument, answers));

    InstrumentScore score;
    score.instrumentId = instrument.id;
    score.instrumentVersion = instrument.version;
    score.scoringRuleVersion = instrument.scoringRuleVersion;

    // Values of the scored items only, in order (cluster item numbers count scored items).
    std::vector<int> scoredValues;
    for (std::size_t i = 0; i < instrument.items.size() && i < answers.size(); ++i) {
        if (instrument.items[i].scored)
            scoredValues.push_back(answers[i]);
    }
    double sum = 0;
    for (int value : scoredValues)
        sum += value;
    score.total =
        instrument.rule == ScoringRule::Mean ? sum / static_cast<double>(scoredValues.size()) : sum;

    for (const SeverityBand &band : instrument.bands) {
        if (score.total >= band.min && score.total <= band.max) {
            score.severity = band.id;
            score.severityLabel = band.label;
            break;
        }
    }
    for (const ItemCluster &cluster : instrument.clusters) {
        double clusterSum = 0;
        for (int n = cluster.firstItem; n <= cluster.lastItem; ++n)
            clusterSum += scoredValues.at(static_cast<std::size_t>(n - 1));
        score.clusters.push_back({cluster.id, clusterSum});
    }
    for (const ItemFlagRule &rule : instrument.flags) {
        for (std::size_t i = 0; i < instrument.items.size() && i < answers.size(); ++i) {
            if (instrument.items[i].id == rule.itemId && answers[i] > rule.above)
                score.flags << rule.id;
        }
    }
    for (const ScoreThreshold &threshold : instrument.thresholds) {
        if (score.total >= threshold.atLeast)
            score.flags << threshold.id;
    }
    return score;
}

bool raisesSafetyFlag(const Instrument &instrument, int itemIndex, int value)
{
    if (itemIndex < 0 || itemIndex >= static_cast<int>(instrument.items.size()))
        return false;
    const QString &itemId = instrument.items[static_cast<std::size_t>(itemIndex)].id;
    for (const ItemFlagRule &rule : instrument.flags) {
        if (rule.id == kSafetyFlag && rule.itemId == itemId && value > rule.above)
            return true;
    }
    return false;
}

} // namespace companion::domain
