#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace companion::bench {

using SteadyClock = std::chrono::steady_clock;

inline double secondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Nearest-rank percentile (p in 0..100).
inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

[[noreturn]] inline void fail(const char *what, const Error &error)
{
    std::fprintf(stderr, "benchmark failed: %s: %s\n", what, qPrintable(error.message));
    std::exit(1);
}

// One row of the summary table bench/run.sh prints. Benchmarks report; they never fail on a goal.
inline void printResult(const char *metric, const QString &ours, const QString &baseline,
                        double ratio, const char *goal, bool hasGoal, bool met)
{
    std::printf("RESULT\t%s\t%s\t%s\t%.3f\t%s\t%s\n", metric, qPrintable(ours),
                qPrintable(baseline), ratio, goal, hasGoal ? (met ? "yes" : "NO") : "-");
    std::fflush(stdout);
}

// Where benchmark databases go: COMPANION_BENCH_DIR or the system temp dir. Fsync costs differ
// a lot between tmpfs and a real disk; both sides of every ratio use the same place.
inline QString benchRoot()
{
    const QByteArray configured = qgetenv("COMPANION_BENCH_DIR");
    return configured.isEmpty() ? QDir::tempPath() : QString::fromLocal8Bit(configured);
}

// Diary check-ins as the app stores them: ~300 bytes of JSON with scores, tags and a short note.
inline std::vector<QByteArray> diaryBodies(int count, std::uint32_t seed = 20260301)
{
    static const char *const kWords[] = {
        "slept",   "badly",  "after",   "session", "felt",    "lighter", "walked",   "dog",
        "river",   "called", "sister",  "heavy",   "morning", "clearer", "thinking", "less",
        "anxious", "work",   "lunch",   "garden",  "music",   "tired",   "but",      "hopeful",
        "nausea",  "passed", "quickly", "journal", "therapy", "talked",  "about",    "grief"};
    static const char *const kTags[] = {"calm",   "tired",    "hopeful",  "anxious",
                                        "social", "outdoors", "headache", "restless"};
    std::mt19937 random(seed);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::vector<QByteArray> bodies;
    bodies.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        QByteArray note;
        while (note.size() < 110) {
            if (!note.isEmpty())
                note += ' ';
            note += kWords[pick(32)];
        }
        QByteArray body = "{\"schema\":1,\"recorded_at\":\"2026-";
        body += QByteArray::number(1 + pick(12)).rightJustified(2, '0') + '-' +
                QByteArray::number(1 + pick(28)).rightJustified(2, '0') + 'T' +
                QByteArray::number(pick(24)).rightJustified(2, '0') + ':' +
                QByteArray::number(pick(60)).rightJustified(2, '0') + ":00Z\"";
        body += ",\"mood\":" + QByteArray::number(pick(11));
        body += ",\"anxiety\":" + QByteArray::number(pick(11));
        body += ",\"energy\":" + QByteArray::number(pick(11));
        body += ",\"pain\":" + QByteArray::number(pick(11));
        body += ",\"sleep_hours\":" + QByteArray::number(3 + pick(80) / 10.0, 'f', 1);
        body += ",\"dissociation\":" + QByteArray::number(pick(5));
        body += ",\"infusion_day\":";
        body += pick(7) == 0 ? "true" : "false";
        body += ",\"tags\":[\"" + QByteArray(kTags[pick(8)]) + "\",\"" + kTags[pick(8)] + "\"]";
        body += ",\"note\":\"" + note + "\"}";
        bodies.push_back(body);
    }
    return bodies;
}

} // namespace companion::bench
