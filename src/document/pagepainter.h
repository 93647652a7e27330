#pragma once

#include <QDateTime>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace companion::document {

// Printable documents (the care-team console's one-page report, the patient's PDF summary) are
// drawn with QPainter on QPdfWriter at this resolution; lengths are given in millimetres.
inline constexpr int kDpi = 300;
double mm(double millimetres);

// The one font every document uses (shipped with the fonts-dejavu package on Debian, and it has
// the accents and dashes both languages need).
QFont documentFont(double points, bool bold = false);

// "7" for whole numbers, "7.5" otherwise (scores are sums or means of small integers).
QString formatScore(double score);

// One measure over time as a small line chart: the points joined, the baseline dotted, markers
// (infusions) as dashed vertical lines, the low and high values on the axis and the first and
// last day under it.
struct ChartData
{
    QString title;
    double min = 0;
    double max = 10;
    std::optional<double> baseline;
    std::vector<std::pair<QDateTime, double>> points; // oldest first
    std::vector<QDateTime> markers;
    QDateTime start; // the x axis, UTC
    QDateTime end;
    QTimeZone zone = QTimeZone::utc(); // for the day labels
};
void drawChart(QPainter &painter, const QRectF &box, const ChartData &chart);

// A cursor down a page: lines of text, headings and wrapped paragraphs, each drawn as plain text
// (QPainter::drawText and QTextLayout never interpret markup, so anything a person typed is shown
// exactly as typed). Without a page break the document is one page and the caller decides what
// fits (the care-team report); with one, anything that does not fit moves to a new page.
class PagePainter
{
public:
    PagePainter(QPainter &painter, const QRectF &page);

    QPainter &painter() { return m_painter; }
    const QRectF &page() const { return m_page; }
    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    void advance(double height) { m_y += height; }

    // `onBreak` starts a new page (QPdfWriter::newPage, then whatever every page carries) when
    // something would reach below `bottom`; the cursor then returns to the top.
    void setPageBreak(double bottom, std::function<void()> onBreak);
    // Breaks the page now unless `height` still fits above the bottom.
    void ensureSpace(double height);
    // The bottom of the usable area (the page's, or the page-break bottom).
    double bottom() const;

    double lineHeight(double points, bool bold = false) const;
    // One line, elided at the right margin.
    void text(const QString &value, double points, bool bold = false);
    // Space above, then a bold line.
    void heading(const QString &value, double points = 10.5);
    // Wrapped over as many lines (and pages) as it needs; words longer than a line break anywhere.
    void paragraph(const QString &value, double points, double indent = 0);

private:
    QPainter &m_painter;
    QRectF m_page;
    double m_y = 0;
    double m_bottom = 0;
    std::function<void()> m_onBreak;
};

} // namespace companion::document
