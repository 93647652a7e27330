#include "document/pagepainter.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace companion::document {

double mm(double millimetres)
{
    return millimetres * kDpi / 25.4;
}

QFont documentFont(double points, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    // No ligatures: text copied out of the PDF (or read by pdftotext and screen readers) keeps
    // "fi" as two letters.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QString formatScore(double score)
{
    return std::abs(score - std::round(score)) < 1e-9 ? QString::number(std::lround(score))
                                                      : QString::number(score, 'f', 1);
}

namespace {

QString shortDate(const QDateTime &at, const QTimeZone &zone)
{
    return QLocale().toString(at.toTimeZone(zone).date(), QLocale::ShortFormat);
}

} // namespace

void drawChart(QPainter &painter, const QRectF &box, const ChartData &chart)
{
    const QFont labelFont = documentFont(7.5);
    const QFontMetricsF metrics(labelFont, painter.device());
    painter.save();
    painter.setFont(documentFont(8.5, true));
    const QFontMetricsF titleMetrics(painter.font(), painter.device());
    painter.drawText(QRectF(box.left(), box.top(), box.width(), metrics.height() * 1.3),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     titleMetrics.elidedText(chart.title, Qt::ElideRight, box.width()));
    const double axisWidth = std::max(metrics.horizontalAdvance(formatScore(chart.max)),
                                      metrics.horizontalAdvance(formatScore(chart.min))) +
                             mm(1.5);
    const QRectF plot(box.left() + axisWidth, box.top() + metrics.height() * 1.6,
                      box.width() - axisWidth - mm(1), box.height() - metrics.height() * 3.2);
    painter.setPen(QPen(Qt::gray, mm(0.15)));
    painter.drawRect(plot);
    painter.setFont(labelFont);
    painter.setPen(Qt::black);
    const double low = chart.min;
    const double high = std::max(chart.max, low + 1);
    const auto yOf = [&](double value) {
        return plot.bottom() - (value - low) / (high - low) * plot.height();
    };
    for (double value : {low, high}) {
        const double y = yOf(value);
        painter.drawText(
            QRectF(box.left(), y - metrics.height() / 2, axisWidth - mm(0.8), metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, formatScore(value));
    }
    QDateTime start = chart.start;
    QDateTime end = chart.end;
    if (!start.isValid() || !end.isValid() || start >= end) {
        start = (start.isValid() ? start : QDateTime::currentDateTimeUtc()).addDays(-1);
        end = start.addDays(2);
    }
    const double span = static_cast<double>(start.msecsTo(end));
    const auto xOf = [&](const QDateTime &at) {
        return plot.left() + static_cast<double>(start.msecsTo(at)) / span * plot.width();
    };
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + mm(0.5), plot.width() / 2, metrics.height()),
        Qt::AlignLeft | Qt::AlignTop, shortDate(start, chart.zone));
    painter.drawText(
        QRectF(plot.center().x(), plot.bottom() + mm(0.5), plot.width() / 2, metrics.height()),
        Qt::AlignRight | Qt::AlignTop, shortDate(end, chart.zone));
    // Markers (infusions): dashed vertical lines.
    painter.setPen(QPen(QColor(0x1f, 0x6f, 0xb5), mm(0.25), Qt::DashLine));
    for (const QDateTime &marker : chart.markers) {
        if (marker < start || marker > end)
            continue;
        const double x = xOf(marker);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    if (chart.baseline) {
        painter.setPen(QPen(Qt::gray, mm(0.15), Qt::DotLine));
        painter.drawLine(QPointF(plot.left(), yOf(*chart.baseline)),
                         QPointF(plot.right(), yOf(*chart.baseline)));
    }
    QPainterPath path;
    bool first = true;
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (const auto &[at, value] : chart.points) {
        const QPointF point(xOf(at), yOf(value));
        if (first)
            path.moveTo(point);
        else
            path.lineTo(point);
        first = false;
        painter.drawEllipse(point, mm(0.6), mm(0.6));
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::black, mm(0.3)));
    painter.drawPath(path);
    painter.restore();
}

PagePainter::PagePainter(QPainter &painter, const QRectF &page)
    : m_painter(painter)
    , m_page(page)
    , m_y(page.top())
    , m_bottom(page.bottom())
{}

void PagePainter::setPageBreak(double bottom, std::function<void()> onBreak)
{
    m_bottom = bottom;
    m_onBreak = std::move(onBreak);
}

void PagePainter::ensureSpace(double height)
{
    if (m_onBreak && m_y + height > m_bottom && m_y > m_page.top()) {
        m_onBreak();
        m_y = m_page.top();
    }
}

double PagePainter::bottom() const
{
    return m_bottom;
}

double PagePainter::lineHeight(double points, bool bold) const
{
    return QFontMetricsF(documentFont(points, bold), m_painter.device()).height() * 1.2;
}

void PagePainter::text(const QString &value, double points, bool bold)
{
    const QFont font = documentFont(points, bold);
    const QFontMetricsF metrics(font, m_painter.device());
    const double height = metrics.height() * 1.2;
    ensureSpace(height);
    m_painter.setFont(font);
    const QRectF area(m_page.left(), m_y, m_page.width(), height);
    m_painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                       metrics.elidedText(value, Qt::ElideRight, m_page.width()));
    m_y += height;
}

void PagePainter::heading(const QString &value, double points)
{
    m_y += mm(1.5);
    // A heading is never the last line of a page.
    ensureSpace(lineHeight(points, true) * 2.5);
    text(value, points, true);
}

void PagePainter::paragraph(const QString &value, double points, double indent)
{
    const QFont font = documentFont(points);
    QTextLayout layout(value, font, m_painter.device());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double layoutY = 0;
    std::vector<QTextLine> lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(m_page.width() - indent);
        line.setPosition(QPointF(0, layoutY));
        layoutY += line.height();
        lines.push_back(line);
    }
    layout.endLayout();
    m_painter.setPen(Qt::black);
    for (const QTextLine &line : lines) {
        ensureSpace(line.height());
        line.draw(&m_painter, QPointF(m_page.left() + indent, m_y - line.y()));
        m_y += line.height();
    }
}

} // namespace companion::document
