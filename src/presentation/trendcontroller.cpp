#include "presentation/trendcontroller.h"

#include "common/logging.h"
#include "domain/trends.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace companion::presentation {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

QString formatValue(double value)
{
    return QLocale().toString(value, 'g', 4);
}

QString dateLabel(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

TrendController::TrendController(ProfileController &profile, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_baselineValue(kNoValue)
{
    if (auto catalog = domain::InstrumentCatalog::loadBuiltIn())
        m_catalog = std::move(*catalog);
    // The questionnaires a clinic reads most first; single-number ones after.
    for (const char *id : {"phq9", "gad7", "pcl5", "peg", "pain_nrs"}) {
        if (const domain::Instrument *instrument = m_catalog.find(QString::fromLatin1(id)))
            m_measures.push_back({instrument->id, instrument->title, true, instrument->minScore,
                                  instrument->maxScore});
    }
    m_measures.push_back({QStringLiteral("mood"), tr("Mood (check-in)"), false, 0, 10});
    m_measures.push_back({QStringLiteral("anxiety"), tr("Anxiety (check-in)"), false, 0, 10});
    m_measures.push_back({QStringLiteral("pain"), tr("Pain (check-in)"), false, 0, 10});
    m_measures.push_back({QStringLiteral("sleepHours"), tr("Hours of sleep"), false, 0, 12});
    m_measures.push_back({QStringLiteral("energy"), tr("Energy (check-in)"), false, 0, 10});

    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile, [this](storage::Profile &opened) { load(opened); }, [this] { unload(); });
    m_binding->start();
}

TrendController::~TrendController() = default;

void TrendController::setInfusionTimesProvider(std::function<std::vector<QDateTime>()> provider)
{
    m_infusionTimes = std::move(provider);
    reload();
}

QVariantList TrendController::measures() const
{
    QVariantList list;
    for (const Measure &measure : m_measures)
        list.append(QVariantMap{{QStringLiteral("id"), measure.id},
                                {QStringLiteral("label"), measure.label}});
    return list;
}

void TrendController::setMeasureIndex(int index)
{
    if (index < 0 || index >= static_cast<int>(m_measures.size()) || index == m_measureIndex)
        return;
    m_measureIndex = index;
    reload();
}

bool TrendController::selectMeasure(const QString &id)
{
    for (std::size_t i = 0; i < m_measures.size(); ++i) {
        if (m_measures[i].id == id) {
            setMeasureIndex(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

void TrendController::setRangeDays(int days)
{
    if (days < 0 || days == m_rangeDays)
        return;
    m_rangeDays = days;
    reload();
}

void TrendController::load(storage::Profile &profile)
{
    m_diary = std::make_unique<storage::DiaryRepository>(profile.records());
    reload();
    emit availableChanged();
}

void TrendController::unload()
{
    m_diary.reset();
    clearSeries();
    emit availableChanged();
    emit seriesChanged();
}

void TrendController::clearSeries()
{
    m_points.clear();
    m_infusions.clear();
    m_rows.clear();
    m_baselineValue = kNoValue;
    m_summary.clear();
    m_changeText.clear();
    m_statusText.clear();
    m_earlyWarning = false;
}

QString TrendController::earlyWarningText() const
{
    if (!m_earlyWarning)
        return {};
    return tr("Your recent scores have climbed back toward where you started. This can happen "
              "some weeks after a series. Consider asking your clinic about a booster.");
}

void TrendController::reload()
{
    clearSeries();
    if (!m_diary || m_measures.empty()) {
        emit seriesChanged();
        return;
    }
    const Measure &measure = m_measures[static_cast<std::size_t>(m_measureIndex)];
    const QDateTime now = m_clock.nowUtc();
    const QDateTime from = m_rangeDays > 0 ? now.addDays(-m_rangeDays) : QDateTime();
    // The whole series: the baseline can lie before the visible range.
    auto series = measure.instrument
                      ? m_diary->instrumentSeries(measure.id, QDateTime(), QDateTime())
                      : m_diary->checkInSeries(measure.id, QDateTime(), QDateTime());
    if (!series) {
        qCWarning(lcUi) << "trends: the series could not be read";
        emit seriesChanged();
        return;
    }
    std::vector<QDateTime> infusions =
        m_infusionTimes ? m_infusionTimes() : std::vector<QDateTime>();

    std::vector<domain::TrendPoint> points;
    if (measure.instrument) {
        std::vector<domain::ScorePoint> scores;
        for (const storage::SeriesPoint &point : *series)
            scores.push_back({point.at, point.value});
        domain::TrendRules rules;
        if (const domain::Instrument *instrument = m_catalog.find(measure.id))
            rules.remissionBelow = instrument->remissionBelow;
        const domain::TrendAnalysis analysis = domain::analyseTrend(scores, infusions, rules);
        points = analysis.points;
        if (analysis.baseline)
            m_baselineValue = analysis.baseline->score;
        m_earlyWarning = analysis.earlyWarning;
        if (!points.empty() && analysis.baseline) {
            const domain::TrendPoint &latest = points.back();
            if (latest.percentChange && !latest.isBaseline) {
                const long change = std::lround(*latest.percentChange);
                m_changeText =
                    change <= 0
                        ? tr("Down %1 % from your starting score (%2 \u2192 %3).")
                              .arg(-change)
                              .arg(formatValue(analysis.baseline->score), formatValue(latest.score))
                        : tr("Up %1 % from your starting score (%2 \u2192 %3).")
                              .arg(change)
                              .arg(formatValue(analysis.baseline->score),
                                   formatValue(latest.score));
            }
            if (latest.remission)
                m_statusText = tr("Your latest score is in the remission range.");
            else if (latest.response)
                m_statusText = tr("Your latest score is at least 50 % below your starting "
                                  "score: what clinicians call a response.");
            else if (analysis.everResponded)
                m_statusText =
                    tr("You reached a response on %1.").arg(dateLabel(*analysis.firstResponseAt));
        }
    } else {
        for (const storage::SeriesPoint &point : *series)
            points.push_back({point.at, point.value, false, std::nullopt, false, false});
    }

    double low = measure.min;
    double high = measure.max;
    for (const domain::TrendPoint &point : points) {
        if (from.isValid() && point.at < from)
            continue;
        high = std::max(high, point.score);
        low = std::min(low, point.score);
        m_points.append(
            QVariantMap{{QStringLiteral("t"), static_cast<double>(point.at.toMSecsSinceEpoch())},
                        {QStringLiteral("v"), point.score},
                        {QStringLiteral("baseline"), point.isBaseline},
                        {QStringLiteral("response"), point.response},
                        {QStringLiteral("remission"), point.remission}});
        QStringList marks;
        if (point.isBaseline)
            marks << tr("starting score");
        if (point.remission)
            marks << tr("remission");
        else if (point.response)
            marks << tr("response");
        m_rows.prepend(QVariantMap{{QStringLiteral("dateLabel"), dateLabel(point.at)},
                                   {QStringLiteral("valueLabel"), formatValue(point.score)},
                                   {QStringLiteral("marks"), marks.join(QStringLiteral(", "))}});
    }
    m_minValue = low;
    m_maxValue = high;
    m_toTime = static_cast<double>(now.toMSecsSinceEpoch());
    m_fromTime = from.isValid() ? static_cast<double>(from.toMSecsSinceEpoch())
                 : m_points.isEmpty()
                     ? m_toTime
                     : m_points.first().toMap().value(QStringLiteral("t")).toDouble();
    for (const QDateTime &infusion : infusions) {
        const double at = static_cast<double>(infusion.toMSecsSinceEpoch());
        if (at >= m_fromTime && at <= m_toTime)
            m_infusions.append(at);
    }
    if (m_points.isEmpty()) {
        m_summary = tr("No %1 entries in this period yet.").arg(measure.label);
    } else {
        const QVariantMap last = m_points.last().toMap();
        m_summary =
            tr("%1: %n entries. Latest %2 on %3.", nullptr, static_cast<int>(m_points.size()))
                .arg(
                    measure.label, formatValue(last.value(QStringLiteral("v")).toDouble()),
                    dateLabel(QDateTime::fromMSecsSinceEpoch(
                        static_cast<qint64>(last.value(QStringLiteral("t")).toDouble()), Qt::UTC)));
        if (!m_infusions.isEmpty())
            m_summary += QLatin1Char(' ') + tr("%n infusion(s) marked.", nullptr,
                                               static_cast<int>(m_infusions.size()));
    }
    emit seriesChanged();
}

} // namespace companion::presentation
