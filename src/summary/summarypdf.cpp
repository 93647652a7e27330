#include "summary/summarypdf.h"

#include "document/pagepainter.h"
#include "document/pdfpage.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace companion::summary {

namespace {

using document::documentFont;
using document::formatScore;
using document::mm;

constexpr double kMarginMm = 16;
constexpr double kBodyPoints = 9.5;
constexpr double kSmallPoints = 8;
constexpr double kFooterPoints = 7.5;
constexpr int kChartsPerRow = 3;

class SummaryPainter
{
    Q_DECLARE_TR_FUNCTIONS(SummaryText)
public:
    SummaryPainter(QPdfWriter &writer, QPainter &painter, const QRectF &page,
                   const PatientSummary &summary)
        : m_writer(writer)
        , m_painter(painter)
        , m_summary(summary)
        , m_cursor(painter, page)
    {
        m_footer = footerText();
        layoutFooter();
        m_cursor.setPageBreak(page.bottom() - footerHeight() - mm(2), [this] { nextPage(); });
    }

    void paint()
    {
        header();
        instruments();
        measures();
        infusions();
        nextInfusion();
        notes();
        footer();
    }

private:
    // ---- page furniture -------------------------------------------------------------------

    QString footerText() const
    {
        QStringList numbers;
        for (const domain::ShownCrisisNumber &number : m_summary.crisisNumbers)
            numbers << tr("%1: %2").arg(number.label, number.number);
        QString text = tr("Made on your device by Companion on %1. This is not a medical record: "
                          "it shows what you recorded yourself.")
                           .arg(dateTimeText(m_summary.generatedAt));
        if (!numbers.isEmpty())
            text += QLatin1Char('\n') + tr("If you are in danger now, get help now: %1")
                                            .arg(numbers.join(QStringLiteral(" \u00b7 ")));
        return text;
    }

    // The footer is laid out once, and the same layout measures and draws it, so the space kept
    // for it is exactly the space it takes.
    void layoutFooter()
    {
        const double width = m_cursor.page().width() * 0.86; // the page number sits to the right
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        double y = 0;
        for (const QString &part : m_footer.split(QLatin1Char('\n'))) {
            auto layout = std::make_unique<QTextLayout>(part, documentFont(kFooterPoints),
                                                        m_painter.device());
            layout->setTextOption(option);
            layout->beginLayout();
            for (QTextLine line = layout->createLine(); line.isValid();
                 line = layout->createLine()) {
                line.setLineWidth(width);
                line.setPosition(QPointF(0, y));
                y += line.height();
            }
            layout->endLayout();
            m_footerLayouts.push_back(std::move(layout));
        }
        m_footerHeight = y + mm(1.5);
    }

    double footerHeight() const { return m_footerHeight; }

    void footer()
    {
        const QRectF page = m_cursor.page();
        const double top = page.bottom() - m_footerHeight;
        m_painter.save();
        m_painter.setPen(QPen(Qt::gray, mm(0.15)));
        m_painter.drawLine(QPointF(page.left(), top), QPointF(page.right(), top));
        m_painter.setPen(Qt::black);
        for (const auto &layout : m_footerLayouts)
            layout->draw(&m_painter, QPointF(page.left(), top + mm(1)));
        m_painter.setFont(documentFont(kFooterPoints));
        m_painter.drawText(QRectF(page.left(), top + mm(1), page.width(), m_footerHeight - mm(1)),
                           Qt::AlignRight | Qt::AlignBottom | Qt::TextSingleLine,
                           tr("Page %1").arg(m_page));
        m_painter.restore();
    }

    void nextPage()
    {
        footer();
        m_writer.newPage();
        ++m_page;
    }

    // ---- sections -------------------------------------------------------------------------

    void header()
    {
        m_cursor.text(tr("My Companion summary"), 16, true);
        if (!m_summary.name.isEmpty())
            m_cursor.text(tr("For %1").arg(m_summary.name), 12, true);
        const SummaryRange &range = m_summary.range;
        if (!range.from && !range.to)
            m_cursor.text(tr("Period: everything recorded so far"), kBodyPoints);
        else
            m_cursor.text(tr("Period: %1 to %2")
                              .arg(range.from ? dateText(*range.from) : tr("the first entry"),
                                   range.to ? dateText(*range.to) : tr("today")),
                          kBodyPoints);
        m_cursor.paragraph(tr("What you recorded in Companion: questionnaires, daily check-ins "
                              "and your infusion plan. You can keep it or bring it to an "
                              "appointment."),
                           kSmallPoints);
    }

    void instruments()
    {
        m_cursor.heading(tr("Questionnaires"), 12);
        if (m_summary.instruments.empty()) {
            m_cursor.text(tr("No questionnaire results in this period."), kBodyPoints);
            return;
        }
        std::vector<document::ChartData> charts;
        const auto [start, end] = span();
        for (const InstrumentSummary &instrument : m_summary.instruments) {
            document::ChartData chart;
            chart.title = instrument.title;
            chart.min = instrument.minScore;
            chart.max = instrument.maxScore;
            chart.baseline = instrument.baselineScore;
            for (const InstrumentRow &row : instrument.rows)
                chart.points.emplace_back(row.at, row.score);
            chart.markers = m_summary.infusions;
            chart.start = start;
            chart.end = end;
            chart.zone = m_summary.range.zone;
            charts.push_back(std::move(chart));
        }
        m_cursor.text(tr("Dashed lines: infusions. Dotted line: your starting score. Lower "
                         "scores mean fewer symptoms."),
                      kSmallPoints);
        chartRows(charts);
        for (const InstrumentSummary &instrument : m_summary.instruments)
            instrumentTable(instrument);
    }

    void instrumentTable(const InstrumentSummary &instrument)
    {
        m_cursor.heading(instrument.title, 10.5);
        const InstrumentRow &latest = instrument.rows.back();
        QString line = tr("Latest: %1 of %2 on %3")
                           .arg(formatScore(latest.score), formatScore(instrument.maxScore),
                                dateText(latest.at));
        if (!latest.band.isEmpty())
            line += QStringLiteral(" (%1)").arg(latest.band);
        line += QLatin1Char('.');
        if (instrument.baselineScore && !latest.baseline && latest.percentChange) {
            const long change = std::lround(*latest.percentChange);
            line +=
                QLatin1Char(' ') +
                (change <= 0
                     ? tr("Down %1 % from your starting score (%2 \u2192 %3).")
                           .arg(-change)
                           .arg(formatScore(*instrument.baselineScore), formatScore(latest.score))
                     : tr("Up %1 % from your starting score (%2 \u2192 %3).")
                           .arg(change)
                           .arg(formatScore(*instrument.baselineScore), formatScore(latest.score)));
        }
        m_cursor.paragraph(line, kBodyPoints);
        if (instrument.earlyWarning)
            m_cursor.paragraph(tr("Your recent scores have climbed back toward where you "
                                  "started. Consider asking your clinic about a booster."),
                               kBodyPoints);
        m_cursor.advance(mm(1));
        tableRow({tr("Date"), tr("Score"), tr("Severity"), tr("Change")}, true);
        // Newest first, as a clinician reads it.
        for (auto row = instrument.rows.rbegin(); row != instrument.rows.rend(); ++row) {
            QString change;
            if (row->baseline)
                change = tr("starting score");
            else if (row->percentChange)
                change = QStringLiteral("%1%2 %")
                             .arg(*row->percentChange > 0 ? QStringLiteral("+") : QString())
                             .arg(std::lround(*row->percentChange));
            if (row->remission)
                change += QStringLiteral(" \u00b7 ") + tr("remission");
            else if (row->response)
                change += QStringLiteral(" \u00b7 ") + tr("response");
            tableRow({dateTimeText(row->at),
                      tr("%1 of %2").arg(formatScore(row->score), formatScore(instrument.maxScore)),
                      row->band.isEmpty() ? QStringLiteral("\u2014") : row->band, change},
                     false);
        }
    }

    void measures()
    {
        m_cursor.heading(tr("Daily check-ins"), 12);
        bool any = false;
        std::vector<document::ChartData> charts;
        const auto [start, end] = span();
        for (const MeasureSummary &measure : m_summary.measures) {
            any = any || !measure.points.empty();
            document::ChartData chart;
            chart.title = measure.label;
            chart.min = measure.minValue;
            chart.max = measure.maxValue;
            chart.points = measure.points;
            chart.markers = m_summary.infusions;
            chart.start = start;
            chart.end = end;
            chart.zone = m_summary.range.zone;
            charts.push_back(std::move(chart));
        }
        if (!any) {
            m_cursor.text(tr("No check-ins in this period."), kBodyPoints);
            return;
        }
        chartRows(charts);
        for (const MeasureSummary &measure : m_summary.measures) {
            if (!measure.average)
                continue;
            m_cursor.text(tr("%1: average %2 over %n check-in(s).", nullptr,
                             static_cast<int>(measure.points.size()))
                              .arg(measure.label, QLocale().toString(*measure.average, 'f', 1)),
                          kBodyPoints);
        }
    }

    void infusions()
    {
        m_cursor.heading(tr("Infusions"), 12);
        if (m_summary.infusions.empty()) {
            m_cursor.text(tr("No infusions in this period."), kBodyPoints);
            return;
        }
        QStringList dates;
        for (const QDateTime &at : m_summary.infusions)
            dates << dateText(at);
        m_cursor.paragraph(
            tr("%n infusion(s): %1", nullptr, static_cast<int>(m_summary.infusions.size()))
                .arg(dates.join(QStringLiteral(", "))),
            kBodyPoints);
    }

    void nextInfusion()
    {
        m_cursor.heading(tr("Next infusion"), 12);
        if (!m_summary.next) {
            m_cursor.text(tr("No infusion is planned."), kBodyPoints);
            return;
        }
        const NextInfusion &next = *m_summary.next;
        m_cursor.paragraph(next.location.isEmpty()
                               ? dateTimeText(next.startsAt)
                               : tr("%1 at %2").arg(dateTimeText(next.startsAt), next.location),
                           kBodyPoints);
        const auto done = std::count_if(next.checklist.begin(), next.checklist.end(),
                                        [](const ChecklistLine &item) { return item.done; });
        m_cursor.text(tr("Preparation: %1 of %2 done").arg(done).arg(next.checklist.size()),
                      kBodyPoints, true);
        for (const ChecklistLine &item : next.checklist)
            m_cursor.paragraph(
                item.done ? tr("[done] %1").arg(item.title)
                          : tr("[to do] %1, by %2").arg(item.title, dateTimeText(item.dueAt)),
                kBodyPoints, mm(4));
        QString ride;
        if (!next.ride)
            ride = tr("Ride home: not planned yet.");
        else if (next.ride->confirmed)
            ride = tr("Ride home: %1, confirmed.").arg(next.ride->driverName);
        else
            ride = tr("Ride home: %1, not confirmed yet.").arg(next.ride->driverName);
        m_cursor.paragraph(ride, kBodyPoints);
    }

    void notes()
    {
        if (!m_summary.notesIncluded) {
            m_cursor.advance(mm(2));
            m_cursor.paragraph(tr("Journal entries and notes are not included. You can include "
                                  "them when you save the summary."),
                               kSmallPoints);
            return;
        }
        m_cursor.heading(tr("Your notes"), 12);
        if (m_summary.notes.empty()) {
            m_cursor.text(tr("No notes in this period."), kBodyPoints);
            return;
        }
        for (const SummaryNote &note : m_summary.notes) {
            m_cursor.advance(mm(1));
            m_cursor.text(tr("%1 \u2014 %2").arg(dateTimeText(note.at), note.label), kBodyPoints,
                          true);
            m_cursor.paragraph(note.text, kBodyPoints);
        }
    }

    // ---- building blocks ------------------------------------------------------------------

    void chartRows(const std::vector<document::ChartData> &charts)
    {
        const double gap = mm(5);
        const double width = (m_cursor.page().width() - gap * (kChartsPerRow - 1)) / kChartsPerRow;
        const double height = mm(42);
        for (std::size_t first = 0; first < charts.size(); first += kChartsPerRow) {
            m_cursor.ensureSpace(height + mm(2));
            const std::size_t last = std::min(charts.size(), first + kChartsPerRow);
            for (std::size_t i = first; i < last; ++i) {
                const double x =
                    m_cursor.page().left() + static_cast<double>(i - first) * (width + gap);
                document::drawChart(m_painter, QRectF(x, m_cursor.y(), width, height), charts[i]);
            }
            m_cursor.advance(height + mm(2));
        }
    }

    void tableRow(const QStringList &cells, bool bold)
    {
        static constexpr double kColumns[] = {0, 0.34, 0.52, 0.76};
        const QFont font = documentFont(kBodyPoints - 0.5, bold);
        const QFontMetricsF metrics(font, m_painter.device());
        const double line = metrics.height() * 1.25;
        m_cursor.ensureSpace(line);
        m_painter.setFont(font);
        const QRectF page = m_cursor.page();
        for (int column = 0; column < cells.size() && column < 4; ++column) {
            const double x = page.left() + kColumns[column] * page.width();
            const double right =
                column < 3 ? page.left() + kColumns[column + 1] * page.width() : page.right();
            m_painter.drawText(
                QRectF(x, m_cursor.y(), right - x - mm(1), line),
                Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                metrics.elidedText(cells.at(column), Qt::ElideRight, right - x - mm(1)));
        }
        m_cursor.advance(line);
        if (bold) {
            m_painter.save();
            m_painter.setPen(QPen(Qt::gray, mm(0.15)));
            m_painter.drawLine(QPointF(page.left(), m_cursor.y()),
                               QPointF(page.right(), m_cursor.y()));
            m_painter.restore();
        }
    }

    // The charts' x axis: the range's ends, else the first thing shown and now.
    std::pair<QDateTime, QDateTime> span() const
    {
        QDateTime first;
        const auto see = [&](const QDateTime &at) {
            if (!first.isValid() || at < first)
                first = at;
        };
        for (const InstrumentSummary &instrument : m_summary.instruments) {
            for (const InstrumentRow &row : instrument.rows)
                see(row.at);
        }
        for (const MeasureSummary &measure : m_summary.measures) {
            for (const auto &point : measure.points)
                see(point.first);
        }
        for (const QDateTime &at : m_summary.infusions)
            see(at);
        // An open end stops at now (entries are not in the future).
        return {m_summary.range.fromTime().value_or(first),
                m_summary.range.toTime().value_or(m_summary.generatedAt)};
    }

    QString dateText(const QDate &date) const
    {
        return QLocale().toString(date, QLocale::ShortFormat);
    }

    QString dateText(const QDateTime &at) const
    {
        return dateText(at.toTimeZone(m_summary.range.zone).date());
    }

    QString dateTimeText(const QDateTime &at) const
    {
        return QLocale().toString(at.toTimeZone(m_summary.range.zone), QLocale::ShortFormat);
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    const PatientSummary &m_summary;
    document::PagePainter m_cursor;
    QString m_footer;
    std::vector<std::unique_ptr<QTextLayout>> m_footerLayouts;
    double m_footerHeight = 0;
    int m_page = 1;
};

} // namespace

Result<QByteArray> renderSummaryPdf(const PatientSummary &summary)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const document::PdfSetup setup{
        kMarginMm, QCoreApplication::translate("SummaryText", "My Companion summary"),
        QStringLiteral("Companion")};
    COMPANION_TRY(document::paintPdf(
        buffer, setup, [&](QPdfWriter &writer, QPainter &painter, const QRectF &page) {
            SummaryPainter(writer, painter, page, summary).paint();
        }));
    return bytes;
}

Result<void> saveSummaryPdf(const QString &path, const PatientSummary &summary,
                            document::Overwrite overwrite)
{
    auto bytes = renderSummaryPdf(summary);
    if (!bytes)
        return bytes.error();
    auto written = document::writePrivateFile(path, *bytes, overwrite);
    // The rendered PDF holds health information; do not leave it in freed memory.
    std::memset(bytes->data(), 0, static_cast<std::size_t>(bytes->size()));
    return written;
}

} // namespace companion::summary
