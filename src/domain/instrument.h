#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace companion::domain {

// A validated questionnaire as data (assets/instruments/*.json, format in docs/instruments.md).
// The wording, options, scoring rule, bands and codes live in the file, never in code, so one
// scoring engine (instrumentscoring.h) serves every instrument and a clinic can ship overrides.

struct AnswerOption
{
    int value = 0;
    QString label;
};

struct InstrumentItem
{
    QString id;
    QString text;
    std::vector<AnswerOption> options; // ascending, distinct values
    bool scored = true;                // PHQ-9's difficulty item is asked but not scored
    bool required = true;              // only trailing items may be optional
};

enum class ScoringRule { Sum, Mean };

// An inclusive score range with a name ("moderate", 10–14).
struct SeverityBand
{
    QString id;
    QString label;
    double min = 0;
    double max = 0;
};

// A sub-score over scored items firstItem..lastItem (1-based, inclusive), e.g. PCL-5 cluster B.
struct ItemCluster
{
    QString id;
    QString label;
    int firstItem = 0;
    int lastItem = 0;
};

// A cut-point that raises a named flag when total >= atLeast (PCL-5 "probable_ptsd").
struct ScoreThreshold
{
    QString id;
    QString label;
    double atLeast = 0;
    QString note;
};

// A flag raised by one item's answer being above a value (PHQ-9 item 9 > 0 → "item9_positive").
struct ItemFlagRule
{
    QString id;
    QString itemId;
    int above = 0;
};

struct Instrument
{
    QString id; // [a-z0-9_]+, stable across versions
    QString title;
    QString name;
    QString version;            // of the content (wording, options)
    QString scoringRuleVersion; // of the scoring rule; stored with every result
    QString lookback;
    QString attribution;
    QString licence;
    QString loincPanel; // empty when the instrument has none (never invented)
    QString loincTotal;
    std::vector<InstrumentItem> items;
    ScoringRule rule = ScoringRule::Sum;
    double minScore = 0;
    double maxScore = 0;
    std::vector<SeverityBand> bands; // empty: no validated bands
    std::vector<ItemCluster> clusters;
    std::vector<ScoreThreshold> thresholds;
    std::optional<double> remissionBelow; // PHQ-9: total < 5
    std::vector<ItemFlagRule> flags;

    // Items that count towards the total, in order.
    std::vector<const InstrumentItem *> scoredItems() const;
    int requiredAnswerCount() const;
    int maxAnswerCount() const { return static_cast<int>(items.size()); }
};

// Instrument files are small; anything bigger is not one of ours.
inline constexpr qsizetype kMaxInstrumentFileBytes = 256 * 1024;

// Strict: unknown format, missing or mistyped fields, duplicate ids, options outside the score
// range, bands that overlap or leave gaps in a sum score, clusters outside the items — all
// InvalidInput with a message naming the field (never a value from the file).
Result<Instrument> parseInstrument(const QByteArray &json);

} // namespace companion::domain
