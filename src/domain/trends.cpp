#include "domain/trends.h"

#include <algorithm>

namespace companion::domain {

TrendAnalysis analyseTrend(std::vector<ScorePoint> series, std::vector<QDateTime> infusions,
                           const TrendRules &rules)
{
    TrendAnalysis analysis;
    if (series.empty())
        return analysis;
    std::stable_sort(series.begin(), series.end(),
                     [](const ScorePoint &a, const ScorePoint &b) { return a.at < b.at; });
    std::sort(infusions.begin(), infusions.end());

    // The last score before treatment started is the pre-treatment state closest to it; with no
    // infusions, or no score before the first one, the earliest score stands in.
    std::size_t baselineIndex = 0;
    if (!infusions.empty()) {
        for (std::size_t i = 0; i < series.size() && series[i].at < infusions.front(); ++i)
            baselineIndex = i;
    }
    analysis.baseline = series[baselineIndex];
    const double baseline = analysis.baseline->score;
    // A baseline of 0 has nothing to drop from: no % change, response or early warning.
    const bool baselineUsable = baseline > 0;

    for (std::size_t i = 0; i < series.size(); ++i) {
        TrendPoint point{series[i].at, series[i].score, i == baselineIndex, {}, false, false};
        if (baselineUsable)
            point.percentChange = (point.score - baseline) / baseline * 100.0;
        if (!point.isBaseline && i > baselineIndex && baselineUsable)
            point.response = point.score <= baseline * (1.0 - rules.responseDrop);
        if (rules.remissionBelow)
            point.remission = point.score < *rules.remissionBelow;
        if (point.response && !analysis.everResponded) {
            analysis.everResponded = true;
            analysis.firstResponseAt = point.at;
        }
        analysis.points.push_back(point);
    }

    const TrendPoint &latest = analysis.points.back();
    analysis.earlyWarning = analysis.everResponded && !latest.isBaseline &&
                            latest.at > *analysis.firstResponseAt &&
                            latest.score >= baseline * (1.0 - rules.warningFraction);
    return analysis;
}

} // namespace companion::domain
