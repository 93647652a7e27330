#include <catch2/catch.hpp>

#include "domain/trends.h"

using namespace companion::domain;

namespace {

QDateTime day(int n)
{
    return QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC).addDays(n);
}

std::vector<ScorePoint> series(std::initializer_list<std::pair<int, double>> points)
{
    std::vector<ScorePoint> out;
    for (const auto &[d, score] : points)
        out.push_back({day(d), score});
    return out;
}

TrendRules phq9Rules()
{
    TrendRules rules;
    rules.remissionBelow = 5;
    return rules;
}

} // namespace

TEST_CASE("baseline is the last score before the first infusion", "[domain][trends]")
{
    auto analysis = analyseTrend(series({{0, 22}, {5, 20}, {12, 10}}), {day(10)}, phq9Rules());
    REQUIRE(analysis.baseline);
    CHECK(analysis.baseline->score == 20);
    CHECK(analysis.points[1].isBaseline);
    CHECK_FALSE(analysis.points[0].isBaseline);
    // No infusions, or none after a score: the earliest score.
    CHECK(analyseTrend(series({{3, 18}, {1, 16}}), {}, phq9Rules()).baseline->score == 16);
    CHECK(analyseTrend(series({{3, 18}, {5, 16}}), {day(1)}, phq9Rules()).baseline->score == 18);
    CHECK_FALSE(analyseTrend({}, {}, phq9Rules()).baseline);
}

TEST_CASE("% change, response at exactly 50 % and remission below 5", "[domain][trends]")
{
    auto analysis =
        analyseTrend(series({{0, 20}, {2, 11}, {4, 10}, {6, 5}, {8, 4}}), {day(1)}, phq9Rules());
    REQUIRE(analysis.points.size() == 5);
    CHECK(*analysis.points[0].percentChange == Approx(0));
    CHECK(*analysis.points[1].percentChange == Approx(-45));
    CHECK_FALSE(analysis.points[1].response); // 45 % drop
    CHECK(analysis.points[2].response);       // exactly 50 %
    CHECK(*analysis.points[2].percentChange == Approx(-50));
    CHECK_FALSE(analysis.points[3].remission); // 5 is not < 5
    CHECK(analysis.points[4].remission);
    CHECK(analysis.everResponded);
    CHECK(*analysis.firstResponseAt == day(4));
    CHECK_FALSE(analysis.points[0].response); // the baseline never responds to itself
}

TEST_CASE("remission is only marked when the instrument defines it", "[domain][trends]")
{
    auto analysis = analyseTrend(series({{0, 10}, {2, 1}}), {}, TrendRules{});
    CHECK_FALSE(analysis.points[1].remission);
    CHECK(analysis.points[1].response);
}

TEST_CASE("early warning when scores climb back to within 25 % of baseline", "[domain][trends]")
{
    // Baseline 20: the warning line is 15.
    CHECK_FALSE(
        analyseTrend(series({{0, 20}, {3, 8}, {9, 14}}), {day(1)}, phq9Rules()).earlyWarning);
    CHECK(analyseTrend(series({{0, 20}, {3, 8}, {9, 15}}), {day(1)}, phq9Rules()).earlyWarning);
    CHECK(analyseTrend(series({{0, 20}, {3, 8}, {9, 22}}), {day(1)}, phq9Rules()).earlyWarning);
    // Never responded: rising scores are not a relapse after response.
    CHECK_FALSE(
        analyseTrend(series({{0, 20}, {3, 12}, {9, 19}}), {day(1)}, phq9Rules()).earlyWarning);
    // The latest point is the response itself.
    CHECK_FALSE(analyseTrend(series({{0, 20}, {3, 8}}), {day(1)}, phq9Rules()).earlyWarning);
}

TEST_CASE("a baseline of 0 gives no percentages, response or warning", "[domain][trends]")
{
    auto analysis = analyseTrend(series({{0, 0}, {2, 0}, {4, 3}}), {day(1)}, phq9Rules());
    for (const TrendPoint &point : analysis.points) {
        CHECK_FALSE(point.percentChange);
        CHECK_FALSE(point.response);
    }
    CHECK_FALSE(analysis.earlyWarning);
}
