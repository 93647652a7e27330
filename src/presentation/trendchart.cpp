#include "presentation/trendchart.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace companion::presentation {

TrendChart::TrendChart(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &TrendChart::chartChanged, this, [this] { update(); });
}

void TrendChart::setPoints(const QVariantList &points)
{
    m_points = points;
    emit chartChanged();
}

void TrendChart::setInfusions(const QVariantList &infusions)
{
    m_infusions = infusions;
    emit chartChanged();
}

void TrendChart::setFromTime(double time)
{
    m_fromTime = time;
    emit chartChanged();
}

void TrendChart::setToTime(double time)
{
    m_toTime = time;
    emit chartChanged();
}

void TrendChart::setMinValue(double value)
{
    m_minValue = value;
    emit chartChanged();
}

void TrendChart::setMaxValue(double value)
{
    m_maxValue = value;
    emit chartChanged();
}

void TrendChart::setBaselineValue(double value)
{
    m_baselineValue = value;
    emit chartChanged();
}

QRectF TrendChart::plotArea() const
{
    // Room on the left for value labels and below for the two date labels.
    const double left = m_fontPixelSize * 2.5;
    const double bottom = m_fontPixelSize * 1.8;
    const double pad = m_fontPixelSize * 0.6;
    return QRectF(left, pad, std::max(1.0, width() - left - pad),
                  std::max(1.0, height() - bottom - pad));
}

QPointF TrendChart::mapToChart(double time, double value) const
{
    const QRectF area = plotArea();
    const double span = m_toTime - m_fromTime;
    // A single point (or an empty range) sits in the middle rather than dividing by zero.
    const double x = span > 0 ? (time - m_fromTime) / span : 0.5;
    const double range = m_maxValue - m_minValue;
    const double y = range > 0 ? (value - m_minValue) / range : 0.5;
    return {area.left() + std::clamp(x, 0.0, 1.0) * area.width(),
            area.bottom() - std::clamp(y, 0.0, 1.0) * area.height()};
}

void TrendChart::paint(QPainter *painter)
{
    const QRectF area = plotArea();
    QFont font = painter->font();
    font.setPixelSize(m_fontPixelSize);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const QLocale locale;

    // Grid: the bottom, middle and top values.
    for (int step = 0; step <= 2; ++step) {
        const double value = m_minValue + (m_maxValue - m_minValue) * step / 2.0;
        const double y = mapToChart(m_fromTime, value).y();
        painter->setPen(QPen(m_gridColor, 1));
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter->setPen(m_textColor);
        const QString label = locale.toString(value, 'g', 3);
        painter->drawText(QRectF(0, y - metrics.height() / 2, area.left() - 4, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // The two ends of the time axis.
    painter->setPen(m_textColor);
    const auto dateText = [&locale](double ms) {
        return locale.toString(
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).toLocalTime().date(),
            QLocale::ShortFormat);
    };
    if (m_toTime > m_fromTime) {
        painter->drawText(
            QRectF(area.left(), area.bottom() + 2, area.width() / 2, metrics.height()),
            Qt::AlignLeft | Qt::AlignTop, dateText(m_fromTime));
        painter->drawText(
            QRectF(area.center().x(), area.bottom() + 2, area.width() / 2, metrics.height()),
            Qt::AlignRight | Qt::AlignTop, dateText(m_toTime));
    }

    // Infusions.
    QPen infusionPen(m_infusionColor, 2, Qt::DashLine);
    painter->setPen(infusionPen);
    for (const QVariant &infusion : m_infusions) {
        const double x = mapToChart(infusion.toDouble(), m_minValue).x();
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }

    // Starting score.
    if (!std::isnan(m_baselineValue)) {
        painter->setPen(QPen(m_textColor, 1, Qt::DotLine));
        const double y = mapToChart(m_fromTime, m_baselineValue).y();
        painter->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }

    // The series.
    QPainterPath line;
    bool first = true;
    for (const QVariant &entry : m_points) {
        const QVariantMap point = entry.toMap();
        const QPointF at = mapToChart(point.value(QStringLiteral("t")).toDouble(),
                                      point.value(QStringLiteral("v")).toDouble());
        if (first)
            line.moveTo(at);
        else
            line.lineTo(at);
        first = false;
    }
    painter->setPen(QPen(m_lineColor, 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);
    const double radius = std::max(3.0, m_fontPixelSize / 3.0);
    for (const QVariant &entry : m_points) {
        const QVariantMap point = entry.toMap();
        const QPointF at = mapToChart(point.value(QStringLiteral("t")).toDouble(),
                                      point.value(QStringLiteral("v")).toDouble());
        const bool response = point.value(QStringLiteral("response")).toBool();
        const bool remission = point.value(QStringLiteral("remission")).toBool();
        painter->setPen(QPen(response ? m_responseColor : m_lineColor, 2));
        painter->setBrush(response ? m_responseColor : m_lineColor);
        painter->drawEllipse(at, radius, radius);
        if (remission) {
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(at, radius * 2, radius * 2);
        }
    }
}

} // namespace companion::presentation
