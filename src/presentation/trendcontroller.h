#pragma once

#include "common/clock.h"
#include "domain/instrumentcatalog.h"

#include <QDateTime>
#include <QObject>
#include <QVariantList>

#include <functional>
#include <memory>
#include <vector>

namespace companion::storage {
class DiaryRepository;
class Profile;
} // namespace companion::storage

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// One measure over time for the trends chart: the points, infusion days, and for questionnaires
// the clinical reading of the series (change from baseline, response, remission, the early warning
// of ADR 0006). Everything the chart draws is also given as words (summary, rows) for screen
// readers and for people who prefer a table.
class TrendController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // [{id, label}]: questionnaires first, then check-in measures
    Q_PROPERTY(QVariantList measures READ measures CONSTANT)
    Q_PROPERTY(int measureIndex READ measureIndex WRITE setMeasureIndex NOTIFY seriesChanged)
    // 0 = everything
    Q_PROPERTY(int rangeDays READ rangeDays WRITE setRangeDays NOTIFY seriesChanged)
    // [{t (ms since epoch), v, baseline, response, remission}] oldest first
    Q_PROPERTY(QVariantList points READ points NOTIFY seriesChanged)
    // [ms since epoch] of infusions inside the range
    Q_PROPERTY(QVariantList infusions READ infusions NOTIFY seriesChanged)
    Q_PROPERTY(double fromTime READ fromTime NOTIFY seriesChanged)
    Q_PROPERTY(double toTime READ toTime NOTIFY seriesChanged)
    Q_PROPERTY(double minValue READ minValue NOTIFY seriesChanged)
    Q_PROPERTY(double maxValue READ maxValue NOTIFY seriesChanged)
    // NaN when there is none (check-in measures, or no score yet)
    Q_PROPERTY(double baselineValue READ baselineValue NOTIFY seriesChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY seriesChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY seriesChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY seriesChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY seriesChanged)
    Q_PROPERTY(bool earlyWarning READ earlyWarning NOTIFY seriesChanged)
    Q_PROPERTY(QString earlyWarningText READ earlyWarningText NOTIFY seriesChanged)
    // [{dateLabel, valueLabel, marks}] newest first
    Q_PROPERTY(QVariantList rows READ rows NOTIFY seriesChanged)

public:
    explicit TrendController(ProfileController &profile,
                             const Clock &clock = SystemClock::instance(),
                             QObject *parent = nullptr);
    ~TrendController() override;

    void setInfusionTimesProvider(std::function<std::vector<QDateTime>()> provider);

    bool available() const { return m_diary != nullptr; }
    QVariantList measures() const;
    int measureIndex() const { return m_measureIndex; }
    void setMeasureIndex(int index);
    int rangeDays() const { return m_rangeDays; }
    void setRangeDays(int days);
    QVariantList points() const { return m_points; }
    QVariantList infusions() const { return m_infusions; }
    double fromTime() const { return m_fromTime; }
    double toTime() const { return m_toTime; }
    double minValue() const { return m_minValue; }
    double maxValue() const { return m_maxValue; }
    double baselineValue() const { return m_baselineValue; }
    bool hasData() const { return !m_points.isEmpty(); }
    QString summary() const { return m_summary; }
    QString changeText() const { return m_changeText; }
    QString statusText() const { return m_statusText; }
    bool earlyWarning() const { return m_earlyWarning; }
    QString earlyWarningText() const;
    QVariantList rows() const { return m_rows; }

    // Selects a measure by id ("phq9", "mood", …); false when there is no such measure.
    Q_INVOKABLE bool selectMeasure(const QString &id);
    Q_INVOKABLE void reload();

signals:
    void availableChanged();
    void seriesChanged();

private:
    struct Measure
    {
        QString id;
        QString label;
        bool instrument = false;
        double min = 0;
        double max = 10;
    };
    void load(storage::Profile &profile);
    void unload();
    void clearSeries();

    ProfileController &m_profile;
    const Clock &m_clock;
    domain::InstrumentCatalog m_catalog;
    std::vector<Measure> m_measures;
    std::function<std::vector<QDateTime>()> m_infusionTimes;
    std::unique_ptr<storage::DiaryRepository> m_diary;
    std::unique_ptr<ProfileBinding> m_binding;

    int m_measureIndex = 0;
    int m_rangeDays = 90;
    QVariantList m_points;
    QVariantList m_infusions;
    QVariantList m_rows;
    double m_fromTime = 0;
    double m_toTime = 0;
    double m_minValue = 0;
    double m_maxValue = 10;
    double m_baselineValue;
    QString m_summary;
    QString m_changeText;
    QString m_statusText;
    bool m_earlyWarning = false;
};

} // namespace companion::presentation
