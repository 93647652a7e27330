#pragma once

#include <QDateTime>

#include <optional>
#include <vector>

namespace companion::domain {

// Pure trend rules over one measure where a higher score is worse (PHQ-9, GAD-7, PCL-5, PEG,
// pain). The rules and their reasons are in docs/adr/0006-trend-rules.md.

struct ScorePoint
{
    QDateTime at;
    double score = 0;
};

struct TrendRules
{
    double responseDrop = 0.5;            // response: score <= baseline × (1 − 0.5)
    std::optional<double> remissionBelow; // instrument-defined (PHQ-9: 5); none → never marked
    double warningFraction = 0.25;        // early warning: latest >= baseline × (1 − 0.25)
};

struct TrendPoint
{
    QDateTime at;
    double score = 0;
    bool isBaseline = false;
    std::optional<double> percentChange; // (score − baseline) / baseline × 100; none if baseline 0
    bool response = false;
    bool remission = false;
};

struct TrendAnalysis
{
    std::optional<ScorePoint> baseline;
    std::vector<TrendPoint> points; // in time order, baseline included
    bool everResponded = false;
    std::optional<QDateTime> firstResponseAt;
    // After at least one responding score, the latest score has climbed back to within 25 % of
    // baseline: "consider asking your clinic about a booster".
    bool earlyWarning = false;
};

// `series` in any order; `infusions` in any order. Baseline: the latest score taken before the
// first infusion; with no infusions, or no score before the first one, the earliest score.
TrendAnalysis analyseTrend(std::vector<ScorePoint> series, std::vector<QDateTime> infusions,
                           const TrendRules &rules);

} // namespace companion::domain
