#include "careteam/report.h"

#include "document/pagepainter.h"
#include "document/pdfpage.h"
#include "domain/fhirexport.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace companion::careteam {

namespace {

using document::formatScore;
using document::mm;
using document::paintPdf;
using document::PdfSetup;

constexpr double kMarginMm = 14;
constexpr int kMaxCharts = 3;

QString hexToUuid(const QString &hex)
{
    return QUuid::fromRfc4122(QByteArray::fromHex(hex.toLatin1())).toString(QUuid::WithoutBraces);
}

// A note as one line of plain text: line breaks inside it are folded, so one note cannot push
// the rest off the page in an uncontrolled way.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.simplified();
}

struct Note
{
    QDateTime at;
    QString label;
    QString text;
};

class ReportPainter
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)
public:
    ReportPainter(QPainter &painter, QRectF page, const ReportRange &range)
        : m_painter(painter)
        , m_page(page)
        , m_range(range)
        , m_y(page.top())
    {}

    void header(const PatientTimeline &timeline, const ReportContext &context)
    {
        text(tr("Care-team report"), 15, true);
        text(timeline.label.isEmpty() ? tr("Patient %1").arg(timeline.vaultId.left(8))
                                      : timeline.label,
             12, true);
        if (!m_range.from && !m_range.to)
            text(tr("Period: everything shared so far"), 9);
        else
            text(tr("Period: %1 to %2")
                     .arg(m_range.from ? dateText(*m_range.from) : tr("the first entry"),
                          m_range.to ? dateText(*m_range.to) : tr("today")),
                 9);
        text(tr("Prepared %1 for %2, %3. Contains only what the patient chose to share.")
                 .arg(dateTimeText(context.generatedAt), context.therapistName, context.clinicName),
             8);
        m_y += mm(2);
    }

    void flags(const PatientOverview &overview)
    {
        heading(tr("Flags"));
        if (overview.flags.empty()) {
            text(tr("No flags."), 9);
            return;
        }
        for (const Flag &flag : overview.flags)
            text(QStringLiteral("\u2022 ") + FlagText::describe(flag), 9);
    }

    void charts(const PatientTimeline &timeline)
    {
        if (timeline.series.empty())
            return;
        heading(tr("Scores over time (dashed lines: infusions)"));
        const int count = std::min<int>(kMaxCharts, static_cast<int>(timeline.series.size()));
        const double gap = mm(4);
        const double width = (m_page.width() - gap * (count - 1)) / count;
        const double height = mm(48);
        const auto [start, end] = timeSpan(timeline);
        for (int i = 0; i < count; ++i) {
            const QRectF box(m_page.left() + i * (width + gap), m_y, width, height);
            chart(box, timeline.series[static_cast<std::size_t>(i)], timeline.infusions, start,
                  end);
        }
        m_y += height + mm(3);
        if (static_cast<int>(timeline.series.size()) > count)
            text(tr("%n more instrument(s) in the table only.", nullptr,
                    static_cast<int>(timeline.series.size()) - count),
                 8);
    }

    // The scores table takes at most `share` of the space left; the rest is for notes.
    void scores(const PatientTimeline &timeline, double share)
    {
        struct Row
        {
            QDateTime at;
            const InstrumentSeries *series;
            const SeriesPoint *point;
        };
        std::vector<Row> rows;
        for (const InstrumentSeries &series : timeline.series) {
            for (const SeriesPoint &point : series.points)
                rows.push_back({point.at, &series, &point});
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row &a, const Row &b) { return a.at > b.at; });
        heading(tr("Scores"));
        if (rows.empty()) {
            text(tr("No shared questionnaire results in this period."), 9);
            return;
        }
        const QFont font = makeFont(8.5, false);
        const QFontMetricsF metrics(font, m_painter.device());
        const double line = metrics.height() * 1.15;
        const double budget = (m_page.bottom() - m_y) * share;
        int fit = std::max(1, static_cast<int>(budget / line) - 2); // header + "more" line
        if (fit >= static_cast<int>(rows.size()))
            fit = static_cast<int>(rows.size());
        const double columns[] = {0, 0.22, 0.40, 0.50, 0.68};
        const auto cell = [&](int column, const QString &value, bool bold) {
            m_painter.setFont(makeFont(8.5, bold));
            const double x = m_page.left() + columns[column] * m_page.width();
            const double right = column + 1 < 5
                                     ? m_page.left() + columns[column + 1] * m_page.width()
                                     : m_page.right();
            m_painter.drawText(QRectF(x, m_y, right - x - mm(1), line),
                               Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                               metrics.elidedText(value, Qt::ElideRight, right - x - mm(1)));
        };
        cell(0, tr("Date"), true);
        cell(1, tr("Questionnaire"), true);
        cell(2, tr("Score"), true);
        cell(3, tr("Severity"), true);
        cell(4, tr("Change from baseline"), true);
        m_y += line;
        m_painter.setPen(QPen(Qt::gray, mm(0.15)));
        m_painter.drawLine(QPointF(m_page.left(), m_y), QPointF(m_page.right(), m_y));
        m_painter.setPen(Qt::black);
        for (int i = 0; i < fit; ++i) {
            const Row &row = rows[static_cast<std::size_t>(i)];
            cell(0, dateTimeText(row.at), false);
            cell(1, row.series->name, false);
            cell(2, formatScore(row.point->score), false);
            cell(3, row.point->severityLabel, false);
            QString change;
            if (row.point->baseline)
                change = tr("baseline");
            else if (row.point->percentChange)
                change = QStringLiteral("%1%2 %")
                             .arg(*row.point->percentChange > 0 ? QStringLiteral("+") : QString())
                             .arg(std::lround(*row.point->percentChange));
            if (row.point->remission)
                change += QStringLiteral(" \u00b7 ") + tr("remission");
            else if (row.point->response)
                change += QStringLiteral(" \u00b7 ") + tr("response");
            cell(4, change, false);
            m_y += line;
        }
        const int left = static_cast<int>(rows.size()) - fit;
        if (left > 0)
            text(tr("%n earlier result(s) not shown; the FHIR export has them all.", nullptr, left),
                 8);
        m_y += mm(1.5);
    }

    void notes(const PatientTimeline &timeline, double footerHeight)
    {
        std::vector<Note> notes;
        for (const TimelineEntry &entry : timeline.entries) {
            if (!entry.text.trimmed().isEmpty() && entry.kind != QLatin1String("appointment"))
                notes.push_back({entry.occurredAt, entry.title, oneLine(entry.text)});
        }
        heading(tr("Shared notes"));
        if (notes.empty()) {
            text(tr("No shared notes in this period."), 9);
            return;
        }
        const QFont font = makeFont(8.5, false);
        m_painter.setFont(font);
        const QFontMetricsF metrics(font, m_painter.device());
        const double bottom = m_page.bottom() - footerHeight - metrics.height() * 1.3;
        const int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
        std::size_t shown = 0;
        for (const Note &note : notes) {
            const QString full = QStringLiteral("%1 \u2014 %2: %3")
                                     .arg(dateTimeText(note.at), note.label, note.text);
            const QRectF area(m_page.left(), m_y, m_page.width(), bottom - m_y);
            if (area.height() < metrics.height())
                break;
            QString fitted = full;
            QRectF needed = metrics.boundingRect(area, flags, fitted);
            if (needed.height() > area.height()) {
                // Cut the note where it stops fitting (binary search on its length).
                qsizetype low = 0;
                qsizetype high = full.size();
                while (low < high) {
                    const qsizetype mid = (low + high + 1) / 2;
                    const QString candidate = full.left(mid) + QStringLiteral("\u2026");
                    if (metrics.boundingRect(area, flags, candidate).height() <= area.height())
                        low = mid;
                    else
                        high = mid - 1;
                }
                if (low < 20)
                    break;
                fitted = full.left(low) + QStringLiteral("\u2026");
                needed = metrics.boundingRect(area, flags, fitted);
            }
            m_painter.drawText(area, flags, fitted);
            m_y += needed.height() + mm(1);
            ++shown;
            if (fitted.size() != full.size())
                break;
        }
        const int left = static_cast<int>(notes.size() - shown);
        if (left > 0)
            text(tr("%n more note(s) not shown; see the patient's timeline.", nullptr, left), 8);
    }

    void footer(const PatientTimeline &timeline)
    {
        m_y = m_page.bottom() - footerHeight();
        m_painter.setPen(QPen(Qt::gray, mm(0.15)));
        m_painter.drawLine(QPointF(m_page.left(), m_y), QPointF(m_page.right(), m_y));
        m_painter.setPen(Qt::black);
        m_y += mm(1);
        if (!timeline.notVisible.empty())
            text(tr("%n shared entry(s) cannot be shown by this console (see the timeline).",
                    nullptr, static_cast<int>(timeline.notVisible.size())),
                 7.5);
        text(tr("Confidential health information. Self-reported by the patient; not a "
                "diagnosis."),
             7.5);
    }

    double footerHeight() const
    {
        const QFontMetricsF metrics(makeFont(7.5, false), m_painter.device());
        return metrics.height() * 2.6 + mm(1.5);
    }

private:
    QFont makeFont(double points, bool bold) const { return document::documentFont(points, bold); }

    void text(const QString &value, double points, bool bold = false)
    {
        const QFont font = makeFont(points, bold);
        m_painter.setFont(font);
        const QFontMetricsF metrics(font, m_painter.device());
        const QRectF area(m_page.left(), m_y, m_page.width(), metrics.height() * 1.2);
        m_painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                           metrics.elidedText(value, Qt::ElideRight, m_page.width()));
        m_y += metrics.height() * 1.2;
    }

    void heading(const QString &value)
    {
        m_y += mm(1.5);
        text(value, 10.5, true);
    }

    std::pair<QDateTime, QDateTime> timeSpan(const PatientTimeline &timeline) const
    {
        std::optional<QDateTime> start = m_range.fromTime();
        std::optional<QDateTime> end = m_range.toTime();
        QDateTime first;
        QDateTime last;
        for (const InstrumentSeries &series : timeline.series) {
            for (const SeriesPoint &point : series.points) {
                if (!first.isValid() || point.at < first)
                    first = point.at;
                if (!last.isValid() || point.at > last)
                    last = point.at;
            }
        }
        for (const QDateTime &infusion : timeline.infusions) {
            if (!first.isValid() || infusion < first)
                first = infusion;
            if (!last.isValid() || infusion > last)
                last = infusion;
        }
        QDateTime from = start.value_or(first);
        QDateTime to = end.value_or(last);
        if (!from.isValid() || !to.isValid() || from >= to) {
            from = (first.isValid() ? first : QDateTime::currentDateTimeUtc()).addDays(-1);
            to = from.addDays(2);
        }
        return {from, to};
    }

    // The chart itself is the shared document painter's (src/document), as in the patient's
    // summary.
    void chart(const QRectF &box, const InstrumentSeries &series,
               const std::vector<QDateTime> &infusions, const QDateTime &start,
               const QDateTime &end)
    {
        document::ChartData data;
        data.title = series.name + QStringLiteral(" \u2014 ") + TimelineText::seriesStatus(series);
        data.min = series.minScore;
        data.max = series.maxScore;
        data.baseline = series.baselineScore;
        for (const SeriesPoint &point : series.points)
            data.points.emplace_back(point.at, point.score);
        data.markers = infusions;
        data.start = start;
        data.end = end;
        data.zone = m_range.zone;
        document::drawChart(m_painter, box, data);
    }

    QString dateText(const QDate &date) const
    {
        return QLocale().toString(date, QLocale::ShortFormat);
    }

    QString dateTimeText(const QDateTime &at) const
    {
        return QLocale().toString(at.toTimeZone(m_range.zone), QLocale::ShortFormat);
    }

    QPainter &m_painter;
    QRectF m_page;
    const ReportRange &m_range;
    double m_y = 0;
};

} // namespace

std::optional<QDateTime> ReportRange::fromTime() const
{
    if (!from)
        return std::nullopt;
    return QDateTime(*from, QTime(0, 0), zone).toUTC();
}

std::optional<QDateTime> ReportRange::toTime() const
{
    if (!to)
        return std::nullopt;
    return QDateTime(to->addDays(1), QTime(0, 0), zone).toUTC().addMSecs(-1);
}

Result<void> writePdfReport(QIODevice &out, const PatientTimeline &timeline,
                            const PatientOverview &overview, const ReportRange &range,
                            const ReportContext &context)
{
    const PdfSetup setup{kMarginMm, QCoreApplication::translate("ReportText", "Care-team report"),
                         QStringLiteral("companion-careteam")};
    // Never newPage(): one page is the contract.
    return paintPdf(out, setup, [&](QPdfWriter &, QPainter &painter, const QRectF &page) {
        ReportPainter report(painter, page, range);
        report.header(timeline, context);
        report.flags(overview);
        report.charts(timeline);
        report.scores(timeline, 0.5);
        report.notes(timeline, report.footerHeight());
        report.footer(timeline);
    });
}

QJsonObject fhirReport(const PatientRecords &records, const domain::InstrumentCatalog &catalog,
                       const ReportRange &range, const QDateTime &exportedAt)
{
    const std::optional<QDateTime> from = range.fromTime();
    const std::optional<QDateTime> to = range.toTime();
    std::vector<domain::DiaryEntry> entries;
    for (const SharedEntry &entry : records.entries) {
        const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
        if (!diary || !std::holds_alternative<domain::InstrumentResult>(*diary))
            continue;
        if ((from && entry.occurredAt < *from) || (to && entry.occurredAt > *to))
            continue;
        entries.push_back({RecordId::fromString(hexToUuid(entry.recordId)),
                           static_cast<std::int64_t>(entry.version), entry.createdAt,
                           entry.updatedAt, *diary});
    }
    return domain::buildFhirBundle(catalog, entries, exportedAt);
}

} // namespace companion::careteam
