#pragma once

#include <QColor>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

#include <limits>

namespace companion::presentation {

// The trends chart: a line of points over time, infusion days as dashed vertical lines, the
// starting score as a dashed horizontal line, response points filled and remission points ringed.
// Drawn with QPainter (no web view, no extra module). It draws what it is given; what the points
// mean comes from TrendController, which also gives everything in words for screen readers.
class TrendChart : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    // [{t (ms since epoch), v, response, remission}]
    Q_PROPERTY(QVariantList points READ points WRITE setPoints NOTIFY chartChanged)
    Q_PROPERTY(QVariantList infusions READ infusions WRITE setInfusions NOTIFY chartChanged)
    Q_PROPERTY(double fromTime READ fromTime WRITE setFromTime NOTIFY chartChanged)
    Q_PROPERTY(double toTime READ toTime WRITE setToTime NOTIFY chartChanged)
    Q_PROPERTY(double minValue READ minValue WRITE setMinValue NOTIFY chartChanged)
    Q_PROPERTY(double maxValue READ maxValue WRITE setMaxValue NOTIFY chartChanged)
    Q_PROPERTY(double baselineValue READ baselineValue WRITE setBaselineValue NOTIFY chartChanged)
    Q_PROPERTY(QColor lineColor MEMBER m_lineColor NOTIFY chartChanged)
    Q_PROPERTY(QColor infusionColor MEMBER m_infusionColor NOTIFY chartChanged)
    Q_PROPERTY(QColor responseColor MEMBER m_responseColor NOTIFY chartChanged)
    Q_PROPERTY(QColor gridColor MEMBER m_gridColor NOTIFY chartChanged)
    Q_PROPERTY(QColor textColor MEMBER m_textColor NOTIFY chartChanged)
    Q_PROPERTY(int fontPixelSize MEMBER m_fontPixelSize NOTIFY chartChanged)

public:
    explicit TrendChart(QQuickItem *parent = nullptr);

    QVariantList points() const { return m_points; }
    void setPoints(const QVariantList &points);
    QVariantList infusions() const { return m_infusions; }
    void setInfusions(const QVariantList &infusions);
    double fromTime() const { return m_fromTime; }
    void setFromTime(double time);
    double toTime() const { return m_toTime; }
    void setToTime(double time);
    double minValue() const { return m_minValue; }
    void setMinValue(double value);
    double maxValue() const { return m_maxValue; }
    void setMaxValue(double value);
    double baselineValue() const { return m_baselineValue; }
    void setBaselineValue(double value);

    void paint(QPainter *painter) override;

    // Where a value and a time land inside the plot area (tests check the mapping).
    Q_INVOKABLE QPointF mapToChart(double time, double value) const;

signals:
    void chartChanged();

private:
    QRectF plotArea() const;

    QVariantList m_points;
    QVariantList m_infusions;
    double m_fromTime = 0;
    double m_toTime = 0;
    double m_minValue = 0;
    double m_maxValue = 10;
    double m_baselineValue = std::numeric_limits<double>::quiet_NaN();
    QColor m_lineColor{0x1f, 0x5f, 0x8b};
    QColor m_infusionColor{0x7a, 0x4f, 0x9a};
    QColor m_responseColor{0x2e, 0x7d, 0x32};
    QColor m_gridColor{0xd0, 0xd0, 0xd0};
    QColor m_textColor{0x40, 0x40, 0x40};
    int m_fontPixelSize = 12;
};

} // namespace companion::presentation
