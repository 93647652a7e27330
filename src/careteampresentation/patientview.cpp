#include "careteampresentation/patientview.h"

#include "careteam/console.h"
#include "careteam/report.h"
#include "careteam/sharedentry.h"
#include "cli/console.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include <unistd.h>

#include <limits>
#include <span>

namespace companion::careteampresentation {

namespace {

double msOf(const QDateTime &at)
{
    return static_cast<double>(at.toMSecsSinceEpoch());
}

QVariantMap seriesToVariant(const careteam::InstrumentSeries &series,
                            const std::vector<QDateTime> &infusions)
{
    QVariantList points;
    QVariantList markers;
    double from = 0;
    double to = 0;
    for (const careteam::SeriesPoint &point : series.points) {
        points << QVariantMap{{QStringLiteral("t"), msOf(point.at)},
                              {QStringLiteral("v"), point.score},
                              {QStringLiteral("response"), point.response},
                              {QStringLiteral("remission"), point.remission}};
    }
    if (!series.points.empty()) {
        from = msOf(series.points.front().at);
        to = msOf(series.points.back().at);
    }
    for (const QDateTime &infusion : infusions) {
        const double at = msOf(infusion);
        markers << at;
        from = (from == 0 || at < from) ? at : from;
        to = at > to ? at : to;
    }
    // A single point still needs a time span to draw in: a day either side.
    constexpr double kDay = 24.0 * 3600 * 1000;
    if (to - from < kDay) {
        from -= kDay;
        to += kDay;
    }
    QString latest;
    if (!series.points.empty()) {
        const careteam::SeriesPoint &last = series.points.back();
        latest =
            last.severityLabel.isEmpty()
                ? PatientView::tr("latest score %1").arg(last.score)
                : PatientView::tr("latest score %1 (%2)").arg(last.score).arg(last.severityLabel);
    }
    const QString status = careteam::TimelineText::seriesStatus(series);
    return {
        {QStringLiteral("instrumentId"), series.instrumentId},
        {QStringLiteral("name"), series.name},
        {QStringLiteral("points"), points},
        {QStringLiteral("infusions"), markers},
        {QStringLiteral("fromTime"), from},
        {QStringLiteral("toTime"), to},
        {QStringLiteral("minValue"), series.minScore},
        {QStringLiteral("maxValue"), series.maxScore},
        {QStringLiteral("baselineValue"),
         series.baselineScore ? *series.baselineScore : std::numeric_limits<double>::quiet_NaN()},
        {QStringLiteral("status"), status},
        {QStringLiteral("description"),
         PatientView::tr("%1: %n score(s), %2. %3", nullptr, static_cast<int>(series.points.size()))
             .arg(series.name, latest, status)}};
}

QString localPath(const QString &pathOrUrl)
{
    if (pathOrUrl.startsWith(QLatin1String("file:")))
        return QUrl(pathOrUrl).toLocalFile();
    return QDir::cleanPath(pathOrUrl.trimmed());
}

} // namespace

PatientView::PatientView(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{}

Result<void> PatientView::load(careteam::CareTeamConsole &console,
                               careteam::TherapistProfile &profile,
                               const careteam::PatientOverview &overview, bool markRead)
{
    auto timeline = console.timeline(overview.vaultId);
    if (!timeline)
        return timeline.error();
    if (markRead) {
        if (auto read = console.markRead(overview.vaultId); !read)
            return read.error();
    }
    m_console = &console;
    m_profile = &profile;
    m_overview = overview;
    m_vaultId = overview.vaultId;
    m_label = timeline->label;
    m_flags.clear();
    for (const careteam::Flag &flag : overview.flags)
        m_flags << careteam::FlagText::describe(flag);
    m_series.clear();
    for (const careteam::InstrumentSeries &series : timeline->series)
        m_series << seriesToVariant(series, timeline->infusions);
    m_notVisible.clear();
    for (const careteam::NotVisible &item : timeline->notVisible) {
        const QDateTime at = item.occurredAt.value_or(item.sharedAt);
        m_notVisible << QVariantMap{
            {QStringLiteral("kind"), item.kind.isEmpty() ? careteam::coarseKindName(item.coarseKind)
                                                         : TimelineModel::kindLabel(item.kind)},
            {QStringLiteral("date"), QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)},
            {QStringLiteral("reason"), careteam::TimelineText::notVisible(item)}};
    }
    m_timeline.setEntries(std::move(timeline->entries));
    m_errorMessage.clear();
    m_reportMessage.clear();
    emit changed();
    return {};
}

void PatientView::clear()
{
    m_console = nullptr;
    m_profile = nullptr;
    m_overview = {};
    m_vaultId.clear();
    m_label.clear();
    m_flags.clear();
    m_series.clear();
    m_notVisible.clear();
    m_errorMessage.clear();
    m_reportMessage.clear();
    m_timeline.clear();
    emit changed();
}

QString PatientView::suggestedPath(const QString &format) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    // The label is the clinic's name for the patient; keep only characters safe in a file name.
    QString name = m_label;
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    if (name.isEmpty())
        name = QStringLiteral("patient");
    return QDir(folder).filePath(
        QStringLiteral("%1-%2.%3")
            .arg(name, m_clock.nowUtc().toLocalTime().date().toString(Qt::ISODate),
                 format == QLatin1String("fhir") ? QStringLiteral("json") : QStringLiteral("pdf")));
}

bool PatientView::savePdfReport(const QString &path)
{
    return writeReport(QStringLiteral("pdf"), path);
}

bool PatientView::exportFhir(const QString &path)
{
    return writeReport(QStringLiteral("fhir"), path);
}

void PatientView::setError(const QString &message)
{
    m_errorMessage = message;
    m_reportMessage.clear();
    emit changed();
}

bool PatientView::writeReport(const QString &format, const QString &pathOrUrl)
{
    if (!m_console || !m_profile)
        return false;
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty() || QFileInfo(path).isDir()) {
        setError(tr("Enter a file name for the report."));
        return false;
    }
    auto records = m_profile->records(m_vaultId);
    auto patient = m_profile->patient(m_vaultId);
    if (!records || !patient || !*patient) {
        setError(tr("The report could not be made: this patient's entries could not be read."));
        return false;
    }
    const careteam::PatientRecords decoded = careteam::decodePatientRecords(*records);
    const careteam::ReportRange range; // the whole shared history
    QByteArray bytes;
    if (format == QLatin1String("fhir")) {
        bytes = QJsonDocument(
                    careteam::fhirReport(decoded, m_console->catalog(), range, m_clock.nowUtc()))
                    .toJson(QJsonDocument::Indented);
    } else {
        auto account = m_console->account();
        if (!account) {
            setError(tr("The report could not be made: the enrolment could not be read."));
            return false;
        }
        const careteam::PatientTimeline timeline =
            careteam::buildTimeline(**patient, decoded, m_console->catalog());
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (auto written = careteam::writePdfReport(
                buffer, timeline, m_overview, range,
                {account->clinicName, account->displayName, m_clock.nowUtc()});
            !written) {
            setError(tr("The report could not be made."));
            return false;
        }
    }
    auto fd = cli::createPrivateFile(path);
    if (!fd) {
        setError(fd.error().code == ErrorCode::AlreadyExists
                     ? tr("A file with that name already exists. Choose another name.")
                     : tr("The report could not be saved there. Choose another folder."));
        return false;
    }
    const bool ok =
        cli::writeAll(*fd, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                     static_cast<size_t>(bytes.size())));
    ::close(*fd);
    if (!ok) {
        QFile::remove(path);
        setError(tr("The report could not be saved there. Choose another folder."));
        return false;
    }
    m_errorMessage.clear();
    m_reportMessage = format == QLatin1String("fhir")
                          ? tr("FHIR export saved to %1 (readable only by you).").arg(path)
                          : tr("PDF report saved to %1 (readable only by you).").arg(path);
    emit changed();
    return true;
}

} // namespace companion::careteampresentation
