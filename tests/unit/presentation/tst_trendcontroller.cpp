#include <catch2/catch.hpp>

#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "presentation/profilecontroller.h"
#include "presentation/trendchart.h"
#include "presentation/trendcontroller.h"
#include "profilesession.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <cmath>

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock{QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    TrendController trends{profile, clock};
    domain::InstrumentCatalog catalog = *domain::InstrumentCatalog::loadBuiltIn();

    Fixture() { testing::createUnlockedProfile(profile); }

    QDateTime daysAgo(int days) const { return clock.nowUtc().addDays(-days); }

    // A PHQ-9 whose first items add up to `total` (item 9 stays 0).
    void phq9(int daysBack, int total)
    {
        std::vector<int> answers(9, 0);
        for (std::size_t i = 0; i < 8 && total > 0; ++i) {
            answers[i] = std::min(3, total);
            total -= answers[i];
        }
        auto score = domain::scoreInstrument(*catalog.find(u"phq9"_s), answers);
        REQUIRE(score);
        storage::DiaryRepository repository(profile.profile()->records());
        REQUIRE(repository.add(
            domain::InstrumentResult::fromScore(*score, answers, daysAgo(daysBack))));
    }
};

} // namespace

TEST_CASE("Trends mark baseline, response, remission and the early warning",
          "[presentation][trends]")
{
    Fixture f;
    CHECK(f.trends.measures().front().toMap().value(u"id"_s).toString() == u"phq9"_s);
    f.trends.reload();
    CHECK_FALSE(f.trends.hasData());
    CHECK(std::isnan(f.trends.baselineValue()));

    f.phq9(40, 20); // baseline, before the first infusion
    f.phq9(20, 12);
    f.phq9(15, 8); // 60 % down: response
    f.phq9(10, 4); // below 5: remission
    const std::vector<QDateTime> infusions{f.daysAgo(30), f.daysAgo(28), f.daysAgo(26)};
    f.trends.setInfusionTimesProvider([infusions] { return infusions; });
    f.trends.setRangeDays(0);
    REQUIRE(f.trends.points().size() == 4);
    CHECK(f.trends.baselineValue() == 20);
    CHECK(f.trends.infusions().size() == 3);
    const QVariantMap first = f.trends.points().front().toMap();
    CHECK(first.value(u"baseline"_s).toBool());
    CHECK(f.trends.points().at(2).toMap().value(u"response"_s).toBool());
    CHECK_FALSE(f.trends.points().at(1).toMap().value(u"response"_s).toBool());
    CHECK(f.trends.points().at(3).toMap().value(u"remission"_s).toBool());
    CHECK(f.trends.changeText() == u"Down 80 % from your starting score (20 \u2192 4)."_s);
    CHECK(f.trends.statusText().contains(u"remission"_s));
    CHECK_FALSE(f.trends.earlyWarning());
    CHECK(f.trends.rows().front().toMap().value(u"marks"_s).toString() == u"remission"_s);

    f.phq9(2, 16); // back within 25 % of baseline after a response
    f.trends.reload();
    CHECK(f.trends.earlyWarning());
    CHECK(f.trends.earlyWarningText().contains(u"booster"_s));
    CHECK(f.trends.changeText() == u"Down 20 % from your starting score (20 \u2192 16)."_s);
    CHECK(f.trends.statusText().startsWith(u"You reached a response on"_s));

    // A 30-day range hides the older points, but the baseline still comes from the whole series.
    f.trends.setRangeDays(30);
    CHECK(f.trends.points().size() == 4);
    CHECK(f.trends.baselineValue() == 20);
    f.trends.setRangeDays(14);
    CHECK(f.trends.points().size() == 2);
    CHECK(f.trends.infusions().isEmpty());
    CHECK(f.trends.summary().contains(u"2 entries"_s));

    // Locking drops the series.
    f.profile.lock();
    CHECK_FALSE(f.trends.hasData());
    CHECK(f.trends.summary().isEmpty());
}

TEST_CASE("The chart maps time and value into its plot area", "[presentation][trends]")
{
    TrendChart chart;
    chart.setSize(QSizeF(400, 200));
    chart.setFromTime(0);
    chart.setToTime(1000);
    chart.setMinValue(0);
    chart.setMaxValue(10);
    const QPointF low = chart.mapToChart(0, 0);
    const QPointF high = chart.mapToChart(1000, 10);
    const QPointF middle = chart.mapToChart(500, 5);
    CHECK(low.x() < middle.x());
    CHECK(middle.x() < high.x());
    CHECK(low.y() > middle.y()); // higher values are drawn higher up
    CHECK(middle.y() > high.y());
    CHECK(middle.x() == Approx((low.x() + high.x()) / 2));
    CHECK(high.x() <= 400);
    CHECK(low.y() <= 200);
    // Out-of-range values are clamped into the plot instead of drawn outside it.
    CHECK(chart.mapToChart(5000, 50) == high);
}
